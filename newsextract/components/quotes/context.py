"""Attribution from a quotation's context, for a quotation with no cue beside it.

  colon frame      the clause a colon closes right before the quotation names the
                   speaker: "X was blunt in her verdict: '...'", "X stated:" ending the
                   paragraph before, "Continued X: '...'", "More from X: '...'"
  clause after     '"...," X barked.' / '"...!" beamed X': a subject and a verb right
                   after a quotation ending in a comma, question or exclamation mark
                   attribute it, whatever the verb
  signature        '"..." - X', '"..." (X, 19)', '"..." X, 19, student': a name right
                   after the quotation signs it
  transcript label '"PENCE: ..."': a quotation opening with a capitalized name and a
                   colon is that person's line of a transcript
  sentence before  a quotation that stands alone as a sentence or a paragraph takes
                   the speaker of the sentence right before it when that sentence
                   introduces someone speaking ("X argued that the law was flawed.")

Each reads a bounded number of tokens around the quotation (`_FRAME_REACH` before it,
a few after it), whatever the length of its sentence.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .attribution import parsed_subject
from .phrases import children, stance_verb
from .speakers import resolve
from .state import DocState

_VERBS = ("VERB", "AUX")
_SENTENCE_END = frozenset(".!?…")
_DASHES = frozenset(("-", "—", "–", "―", "--"))
# how many words a verbless frame ("More from X:", "- X:") may have before its colon
_FRAGMENT_WORDS = 8
_SPEAKER_KINDS = ("person", "org")
# a quotation ending in one of these waits for its attribution
_OPEN_ENDINGS = frozenset(",?!—–")
_CLAUSE_AFTER_TOKENS = 6
_SIGNATURE_TOKENS = 5
_SIGNATURE_TAIL = 20
# how far back (tokens) a frame before a quotation is read: a sentence may be thousands long
_FRAME_REACH = 60
# the verbs that share a sentence's subject: how they hang from its main verb, and how many are read
_SHARED_SUBJECT_DEPS = ("conj", "xcomp", "advcl", "prep", "pcomp")
_MAIN_VERBS = 8
_LABEL_TOKENS = 3
_PAST_OR_PRESENT = ("VBD", "VBZ")
_PHRASE_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART")


def previous_token(st: DocState, i: int) -> Optional[Token]:
    """The last token before token i that is not whitespace."""
    doc = st.doc
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 else None


def colon_frame(st: DocState, open_i: int, signed_only: bool = False) -> Optional[Token]:
    """The speaker phrase's head of the frame closed by a colon right before the
    quotation (token `open_i` is its opening mark or first word); with `signed_only`,
    only a name after a dash ("Pollsters agree - X:"), which outranks any verb before it."""
    colon = previous_token(st, open_i)
    if colon is None or colon.text != ":" or st.quote_of_token[colon.i] != -1:
        return None
    lo = max(st.sent(colon.i)[0], colon.i - _FRAME_REACH)
    words = [t for t in st.doc[lo:colon.i] if not t.is_space and st.quote_of_token[t.i] == -1]
    if not words:
        return None
    # "... - More from X:": the frame is the words after the last dash
    dash = max((k for k, t in enumerate(words) if t.text in _DASHES), default=-1)
    if signed_only and (dash < 0 or any(_is_verb(t) for t in words[dash + 1:])):
        return None
    if not any(_is_verb(t) for t in words[dash + 1:]):
        if dash < 0 and st.quoted_between(lo, colon.i, -1):
            return None
        subject = _fragment_name(st, words[dash + 1:])
    else:
        # the verb the colon hangs from, else the frame's main verb ('X explained to the paper what had failed:')
        verbs = [colon.head] if colon.head.pos_ in _VERBS and lo <= colon.head.i < colon.i else []
        verbs += [v for v in (_root(words),) if v is not None and v not in verbs]
        subject = next((s for s in (frame_subject(st, v) for v in verbs) if _speaks(st, s)), None)
        if subject is None:
            # "The result came as no shock to the pollster X:": a person named right before the colon
            subject = _person_ending(st, words[-1])
    return subject if _speaks(st, subject) else None


def _person_ending(st: DocState, last: Token) -> Optional[Token]:
    """`last` when it ends the mention of a person, else None."""
    ent = st.mention_at(last)
    return last if ent is not None and st.entity_type(ent) == "PERSON" else None


def _is_verb(t: Token) -> bool:
    return t.pos_ in _VERBS and t.dep_ not in ("aux", "auxpass", "compound")


def _root(words: list[Token]) -> Optional[Token]:
    """The verb highest in the parse among `words`."""
    ids = {t.i for t in words}
    for t in words:
        if t.pos_ in _VERBS and t.head.i not in ids or t.head.i == t.i:
            return t
    return None


def frame_subject(st: DocState, verb: Token) -> Optional[Token]:
    """The subject of a frame's verb: "X stated", "Stated X" (inverted), "X issued a statement"."""
    subject = parsed_subject(st, verb)
    if subject is not None:
        return subject
    # "Continued Stone:": the name after the verb, parsed as its object
    return next((c for c in children(verb) if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "dep")
                 and c.pos_ == "PROPN"), None)


def _fragment_name(st: DocState, words: list[Token]) -> Optional[Token]:
    """The name a verbless frame gives: "More from X:", "X:" opening the paragraph,
    "Continued X:" (a reporting verb the tagger took for part of the name)."""
    if not words or len(words) > _FRAGMENT_WORDS:
        return None
    names = [t for t in words if t.pos_ == "PROPN" and not st.lex.reporting.is_speech_word(t.text)]
    if not names:
        return None
    name = names[-1]
    # "More from X:" names a speaker, "later that month on X:" a place or an outlet
    while name.dep_ in ("compound", "flat", "poss") and name.head.i in {t.i for t in words}:
        name = name.head
    if name.dep_ == "pobj" and name.head.lower_ not in st.lex.owner_direct:
        return None
    return name


def _speaks(st: DocState, subject: Optional[Token]) -> bool:
    """Whether a frame's subject can be a speaker: a person or a body, not 'the rules' or 'we'."""
    if subject is None or subject.lower_ in st.lex.first_second or st.quote_of_token[subject.i] != -1:
        return False
    ref = resolve(st, subject)
    return ref is not None and ref.kind in _SPEAKER_KINDS


def clause_after(st: DocState, close_i: int, quoted: str) -> Optional[tuple[Token, Token]]:
    """(verb, subject) of '"...," X barked' or '"...," barked X': the clause right after a
    quotation (token `close_i` is its closing mark) that ends in ',', '?' or '!'."""
    if not quoted or quoted[-1] not in _OPEN_ENDINGS:
        return None
    doc = st.doc
    k = close_i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    words = []
    for t in doc[k:k + _CLAUSE_AFTER_TOKENS]:
        if st.quote_of_token[t.i] != -1 or t.is_space:
            break
        words.append(t)
        if t.is_punct and t.text not in "-'’":
            break
    verb = next((t for t in words if t.pos_ == "VERB" and (t.tag_ in _PAST_OR_PRESENT or t.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in children(t)))), None)
    if verb is None or "\n" in st.text[doc[close_i].idx:verb.idx]:
        return None
    if quoted[-1] in "?!" and words[0].text[:1].isupper() and words[0].i != verb.i:
        # after '?' or '!' a capital may open a new sentence: only a clause ending at the verb
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and not (nxt.is_punct or nxt.pos_ in ("ADV", "ADP")):
            return None
    before = [t for t in words if t.i < verb.i]
    if before:
        # '"...," X barked': nothing but the subject's phrase between the quotation and the verb
        if not all(t.pos_ in _PHRASE_POS for t in before):
            return None
        nominal = [t for t in before if t.pos_ in ("PROPN", "NOUN", "PRON") or st.is_name(t)]
        subject = nominal[-1] if nominal else None
    else:
        # '"...!" beamed X'
        after = [t for t in doc[verb.i + 1:verb.i + 1 + _CLAUSE_AFTER_TOKENS] if not t.is_punct]
        names = []
        for t in after:
            if not (t.pos_ in _PHRASE_POS):
                break
            names.append(t)
        nominal = [t for t in names if t.pos_ in ("PROPN", "NOUN") or st.is_name(t)]
        subject = nominal[0] if nominal else None
        while subject is not None and subject.head.i != subject.i and subject.dep_ in ("compound", "flat") \
                and subject.head in names:
            subject = subject.head
    return (verb, subject) if _speaks(st, subject) else None


def signature(st: DocState, close_i: int, quoted: str) -> Optional[Token]:
    """The name signing a quotation: after a dash (or in brackets) right after it or opening the next line,
    or, on its line, after a quotation that ends a sentence, with at most a verbless
    description ('"..." Maria Lopez, 19, student')."""
    doc = st.doc
    k = close_i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or st.quote_of_token[k] != -1:
        return None
    dashed = doc[k].text in _DASHES or doc[k].text == "("
    if dashed:
        k += 1
    elif not quoted or "\n" in st.text[doc[close_i].idx:doc[k].idx]:
        # with no dash, only on the quotation's own line (a line of its own may be a credit)
        return None
    words, end = [], None
    for t in doc[k:k + _SIGNATURE_TOKENS + 1]:
        if t.is_space or t.is_punct and t.text not in "-.'’":
            end = t
            break
        words.append(t)
    if (end is None and k + _SIGNATURE_TOKENS + 1 < len(doc)) or not words or len(words) > _SIGNATURE_TOKENS:
        return None
    names = [t for t in words if t.pos_ == "PROPN" or st.is_name(t)]
    if not names or len(names) < len([t for t in words if t.is_alpha]) - 1:
        return None
    if not dashed and end is not None and not end.is_space:
        # '"..." Maria Lopez, 19, student' but not '"..." Maria Lopez, 19, walked out': no verb to the line's end
        for t in doc[end.i:end.i + _SIGNATURE_TAIL]:
            if "\n" in t.text or "\n" in t.whitespace_:
                break                 # the line's end
            if t.lower_ in st.lex.relative:
                break                 # '..., 19, who studies nursing': a description all the same
            if t.pos_ == "VERB":
                return None
    subject = names[-1]
    # a name of several words signing a quotation is someone's, whatever type it was given
    return subject if len(names) > 1 and st.quote_of_token[subject.i] == -1 or _speaks(st, subject) else None


def transcript_label(st: DocState, first_i: int) -> Optional[Token]:
    """'"PENCE: We will ...': the name labelling a transcript line that opens the quotation
    (token `first_i` is its first word)."""
    doc = st.doc
    words = []
    for t in doc[first_i:first_i + _LABEL_TOKENS + 1]:
        if t.text == ":":
            break
        words.append(t)
    else:
        return None
    if not words or not all(t.is_upper and t.is_alpha or t.text in ".'’-" for t in words) \
            or len(words[-1].text) < 2:
        return None
    return words[-1]


def sentence_before(st: DocState, open_i: int) -> Optional[Token]:
    """The speaker of the sentence right before a quotation that starts a sentence or a
    paragraph, when that sentence introduces someone speaking: its main verb is a
    reporting or framing verb and its subject a person or a body."""
    last = previous_token(st, open_i)
    if last is None or st.quote_of_token[last.i] != -1:
        return None
    if last.text not in _SENTENCE_END and last.text != ":":
        return None
    if st.para(last.idx) < st.para(st.doc[open_i].idx) - 1:
        return None
    lo = max(st.sent(last.i)[0], last.i - _FRAME_REACH)
    words = [t for t in st.doc[lo:last.i + 1] if not t.is_space]
    root = _root(words)
    if root is None:
        return None
    for verb in _main_verbs(root, {t.i for t in words}):
        if stance_verb(verb, st.lex) or any(c.dep_ == "dobj" and c.lemma_.lower() in st.lex.document_heads
                                            for c in children(verb)):
            # "X fumed on Tuesday.", "X issued a statement.", "X was quick to add that ..."
            subject = frame_subject(st, verb)
            if _speaks(st, subject):
                return subject
    return None


def _main_verbs(root: Token, ids: set) -> list[Token]:
    """The sentence's main verb and the verbs that share its subject ('X distanced himself by
    saying ...', 'X was quick to add ...', 'X sighed and walked away'), nearest first."""
    found, frontier = [root], [root]
    while frontier and len(found) < _MAIN_VERBS:
        nxt = []
        for v in frontier:
            for c in children(v):
                if c.i in ids and c.dep_ in _SHARED_SUBJECT_DEPS:
                    if c.pos_ in _VERBS:
                        found.append(c)
                    nxt.append(c)
        frontier = nxt
    return found
