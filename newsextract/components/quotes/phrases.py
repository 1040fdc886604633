"""Token-level helpers of the quote rules: a quote's tokens, the speaker's noun
phrase as written, its head, titles cut off a name, the name key for comparing."""
from __future__ import annotations

import re
from typing import Iterator, Optional
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from ...text.quote_marks import QuoteSpan
from .tables import QuoteLexicon

_NORM_PUNCT = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"'s\b")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
# dependents that stay part of a mis-parsed subject's phrase, leftward
_PHRASE_DEPS = ("compound", "amod", "det", "poss", "nmod", "case")
# spaCy finds a token's children by scanning its whole subtree: beyond this width (a
# "sentence" of thousands of quotation marks) they are read from an index of the Doc
_WIDE_SUBTREE = 64
# how a speech verb's particle hangs from it: 'shot back', 'pointed out', 'put it' (never 'goes on recess')
_PARTICLE_DEPS = ("prt", "advmod", "dobj")
_CHILDREN: "WeakKeyDictionary[Doc, list[list[int]]]" = WeakKeyDictionary()


def _children_index(doc: Doc) -> list[list[int]]:
    """Each token's children, in order: one pass over the Doc's heads, kept while the Doc lives."""
    index = _CHILDREN.get(doc)
    if index is None:
        index = [[] for _ in range(len(doc))]
        for i, offset in enumerate(doc.to_array([HEAD]).view(numpy.int64).tolist()):
            if offset:
                index[i + offset].append(i)
        _CHILDREN[doc] = index
    return index


def _wide(t: Token) -> bool:
    return t.right_edge.i - t.left_edge.i > _WIDE_SUBTREE


def children(t: Token) -> Iterator[Token]:
    """`t.children`, in the same order, without a scan of a wide subtree."""
    if not _wide(t):
        return t.children
    doc = t.doc
    return (doc[i] for i in _children_index(doc)[t.i])


def lefts(t: Token) -> Iterator[Token]:
    """`t.lefts`, in the same order, without a scan of a wide subtree."""
    if not _wide(t):
        return t.lefts
    doc = t.doc
    return (doc[i] for i in _children_index(doc)[t.i] if i < t.i)


def rights(t: Token) -> Iterator[Token]:
    """`t.rights`, in the same order, without a scan of a wide subtree."""
    if not _wide(t):
        return t.rights
    doc = t.doc
    return (doc[i] for i in _children_index(doc)[t.i] if i > t.i)


def speech_verb(t: Token, lex: QuoteLexicon) -> bool:
    """A speech verb, alone ('said') or with its particle ('shot back', 'pointed out', 'put it')."""
    lemma = t.lemma_.lower()
    if lex.reporting.is_speech_verb(lemma):
        return not _aspectual_use(t, lex)
    particles = lex.reporting.phrasal_particles(lemma)
    return bool(particles) and any(c.lower_ in particles and c.i > t.i and c.dep_ in _PARTICLE_DEPS for c in children(t))


def stance_verb(t: Token, lex: QuoteLexicon) -> bool:
    """A verb whose clause may hold someone's words: a stance verb or a speech verb."""
    return lex.reporting.is_stance_verb(t.lemma_.lower()) and not _aspectual_use(t, lex) or speech_verb(t, lex)


def _aspectual_use(t: Token, lex: QuoteLexicon) -> bool:
    """'will continue to be "a champion"': the verb tells how long, not who speaks."""
    return lex.reporting.is_aspectual(t.lemma_.lower()) and any(c.dep_ == "xcomp" for c in children(t))


def norm_name(s: str) -> str:
    """Case-folded, determiner, possessive and punctuation dropped: for comparing names."""
    s = s.replace("’", "'").lower()
    s = _POSSESSIVE.sub("", s)
    s = _NORM_PUNCT.sub(" ", s.replace(".", ""))
    s = _LEADING_ARTICLE.sub("", s.strip())
    return " ".join(s.split())


def quote_tokens(doc: Doc, qs: QuoteSpan, with_marks: bool = False) -> list[Token]:
    """The tokens of a quotation's words (and of its marks, with `with_marks`)."""
    lo, hi = (qs.outer_start, qs.outer_end) if with_marks else (qs.start, qs.end)
    span = doc.char_span(lo, hi, alignment_mode="expand")
    return list(span) if span is not None else []


def is_quote_mark(tok: Token) -> bool:
    """A quotation mark token, not the possessive of "the bishops’ conference"."""
    if not tok.is_quote or tok.dep_ == "case" or tok.tag_ == "POS":
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return not (prev is not None and not prev.whitespace_ and prev.text[-1:] in "sSzZ" and tok.whitespace_)


def gap(t: Token, open_i: int, close_i: int) -> int:
    """Tokens between `t` and the quotation [open_i, close_i]."""
    if t.i > close_i:
        return t.i - close_i - 1
    if t.i < open_i:
        return open_i - t.i - 1
    return 0


def np_span(head: Token, lex: QuoteLexicon) -> Span:
    """The speaker as written: the head's phrase without relative clauses or trailing
    punctuation; an apposition naming the person is kept ("his father, John Smith")."""
    doc = head.doc
    lo, hi = head.i, head.i + 1
    for c in lefts(head):
        if c.dep_ in ("punct",) or c.is_space:
            continue
        lo = min(lo, c.left_edge.i)
    for c in rights(head):
        if c.dep_ in ("relcl", "acl", "advcl", "cc", "conj") or c.lower_ in lex.relative or c.is_space:
            break
        if c.dep_ == "punct":
            continue
        if c.dep_ == "prep" and c.lower_ not in lex.speaker_preps:
            break
        hi = max(hi, c.right_edge.i + 1)
    # never into a quotation or past a colon
    for k in range(head.i + 1, hi):
        if is_quote_mark(doc[k]) or doc[k].text == ":":
            hi = k
            break
    for k in range(head.i - 1, lo - 1, -1):
        if is_quote_mark(doc[k]) or doc[k].text == ":":
            lo = k + 1
            break
    # stop at a comma unless an apposition follows it
    for k in range(head.i + 1, hi):
        if doc[k].text == "," and not (k + 1 < hi and doc[k + 1].pos_ in ("PROPN", "DET", "NOUN", "ADJ")
                                       and any(a.dep_ == "appos" for a in children(head) if a.i > k)):
            hi = k
            break
        if doc[k].text in ",;" and k > head.i and any(a.dep_ == "appos" and a.i < k for a in children(head)):
            hi = k
            break
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return doc[lo:hi]


def semantic_head(head: Token) -> Token:
    """The noun a mis-parsed subject stands for ("the Bring Back Our Girls movement"
    parsed with 'Bring' as the subject): the last noun of its phrase before a comma."""
    if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return head
    doc = head.doc
    for t in doc[head.i:min(len(doc), head.i + 8)]:
        if t.is_punct or t.is_space:
            break
        if t.pos_ == "NOUN" and t.head.i in range(head.i, t.i + 1) or t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj"):
            return t
    return head


def next_nominal(doc: Doc, i: int) -> Optional[Token]:
    """The head of the noun phrase starting within a few tokens of `i`, before any punctuation."""
    for t in doc[i:i + 6]:
        if t.is_punct:
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            h = t
            while h.head.i != h.i and h.dep_ in _PHRASE_DEPS and h.head.i > h.i:
                h = h.head
            return h
    return None


def strip_titles(tokens: list[Token], lex: QuoteLexicon) -> list[Token]:
    """A name's tokens without the titles, nationalities and determiners in front."""
    out = list(tokens)
    while len(out) > 1 and (lex.people.is_title_word(out[0].lower_) or out[0].ent_type_ in ("NORP", "GPE")
                            or out[0].tag_ == "POS" or out[0].lower_ in lex.definite):
        out.pop(0)
    # "Al Jazeera's Zein Basravi": the name starts after the possessive
    for k, t in enumerate(out):
        if t.tag_ == "POS" and k + 1 < len(out):
            out = out[k + 1:]
            break
    return out


def determiner(head: Token) -> Optional[str]:
    """The determiner, possessive or number in front of a head noun, lower case."""
    det = next((c for c in children(head) if c.dep_ in ("det", "poss", "nummod") and c.i < head.i), None)
    return det.lower_ if det is not None else None


def definite_singular(head: Token) -> bool:
    """'the officer', 'the 45-year-old': one person already named."""
    return head.pos_ in ("NOUN", "ADJ") and head.tag_ in ("NN", "JJ") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in children(head))
