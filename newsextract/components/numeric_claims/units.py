"""The counted noun of a figure and the words before it.

From the noun phrase after the figure ("63 Russian servicemen"), a partitive
("21 of the schoolgirls"), or, where the noun is left out ("30 others", "11 were
arrested", "87 of those freed"), a `Reading` marked anaphoric: the antecedent
(subjects.py) then gives the unit.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .candidates import is_designation
from .lemmas import lower_lemma, singular
from .lexicon import Lexicon
from .numbers import Amount

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
HYPHENS = ("-", "\u2011")
# a possessive written as a bare apostrophe ("terrorists’ collaborators"), which the tagger may not call POS
_APOSTROPHES = ("'", "\u2019")
# dependencies under which a vague word with no noun after it stands for people
_VAGUE_AS_NOUN_DEPS = ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos")
_MAX_NOUN_RUN = 16
# how many figures a list of counts sharing one plural noun may hold
_MAX_LIST = 6


@dataclass
class Reading:
    """What the parse says about one figure."""

    unit: Optional[str] = None
    head: Optional[Token] = None        # the counted noun, when written
    end_char: int = 0                   # where the claim's text ends
    anaphoric: bool = False             # the noun is left out: take the antecedent's
    demonym_unit: bool = False          # "248 Russians": a nationality as the noun
    partitive_pred: Optional[Token] = None  # "87 of those freed": freed
    distributive: bool = False
    modifiers: tuple = ()
    partitive: bool = False             # "21 of the schoolgirls"
    embedded: bool = False              # inside "including ...": not an antecedent
    mod_words: frozenset = frozenset()
    light_category: Optional[str] = None  # "three sustained injuries": WOUNDED
    post_pred: Optional[Token] = None     # "12 dead": dead
    category: str = "OTHER"


def read(lex: Lexicon, doc: Doc, span: Span, a: Amount) -> Optional[Reading]:
    """The counted noun of the figure at `span`; None when it counts nothing."""
    r = Reading(end_char=span.end_char)
    j = span.end
    if a.currency or a.percent:
        r.unit = a.percent or lex.currency_unit.get(a.currency, a.currency.lower())
        distributive(lex, doc, j, r)
        return r
    if a.unit:
        if a.unit in lex.calibre_units and j < len(doc) and doc[j].pos_ == "NOUN":
            return None   # "155mm shells": a calibre
        r.unit = a.unit
        return r
    if j + 1 < len(doc) and doc[j].text in HYPHENS and doc[j + 1].lower_ in lex.strength_words:
        # "a 5,000-strong force", "thousands-strong crowds": people
        r.unit, r.end_char = lex.default_unit, doc[j + 1].idx + len(doc[j + 1])
        if j + 2 < len(doc) and doc[j + 2].pos_ == "NOUN":
            r.head, r.end_char = doc[j + 2], doc[j + 2].idx + len(doc[j + 2])
        return r
    if j + 1 < len(doc) and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":
        j += 1   # "two out of the five Iranians": a partitive
    if j < len(doc) and doc[j].lower_ in lex.distributive_words:
        r.distributive, r.anaphoric, r.end_char = True, True, doc[j].idx + len(doc[j])
        return r
    word = doc[j].lower_ if j < len(doc) else ""
    name = word if word in lex.currency_names else singular(word)
    if name in lex.currency_names:
        take_noun(lex, doc, doc[j], (), r)   # "45 billion naira", whatever the tagger made of it
        r.demonym_unit, r.unit, r.modifiers = False, name, ()
        return r
    if j < len(doc) and doc[j].lower_ == "of":
        r.partitive = True
        return partitive(lex, doc, j, a, r)
    if a.vague and lex.vague[a.digits].needs_of:
        # "displaced millions": the vague word stands for people
        if span.root.dep_ in _VAGUE_AS_NOUN_DEPS and not (j < len(doc) and doc[j].pos_ in NOUN_POS):
            r.anaphoric = True
            return r
        return None
    if j + 1 < len(doc) and doc[j].text in HYPHENS and doc[j].idx == span.end_char \
            and doc[j + 1].pos_ == "NOUN":
        # "a six-candidate race": the word after the hyphen is what is counted
        take_noun(lex, doc, doc[j + 1], (), r)
        return r
    head, mods = noun_run(lex, doc, j, span)
    if head is not None and any(tok.lower_ in lex.not_units and tok.pos_ == "NOUN" for tok in mods):
        return None   # "a 7.8 magnitude earthquake"
    if head is not None and lower_lemma(lex, doc[j]) in lex.calibre_units and j + 1 < len(doc) \
            and doc[j + 1].pos_ == "NOUN":
        return None   # "7.62 mm rounds"
    head = _parse_head(span, head)
    if head is not None:
        take_noun(lex, doc, head, mods if head.i > span.end and all(m.i < head.i for m in mods) else
                  tuple(tok for tok in doc[span.end:head.i] if tok.pos_ in ("ADJ", "PROPN", "NOUN")), r)
        shared = shared_head(doc, head, a)
        if shared is not None:
            # "14 army, 9 navy and 22 rescue teams": each figure counts teams
            r.unit, r.head = lower_lemma(lex, shared), shared
        distributive(lex, doc, head.i + 1, r)
        return r
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lemma_.lower() in lex.group_of_nouns and not a.vague:
        # "a family of four": people, and the family's predicate
        r.unit, r.head = lex.default_unit, doc[span.start - 2]
        return r
    if j < len(doc) and doc[j].lower_ in lex.anaphoric and (not a.vague or singular(doc[j].lower_) in lex.additive_words):
        # "30 others", "several others injured"
        r.anaphoric, r.end_char = True, doc[j].idx + len(doc[j])
        distributive(lex, doc, j + 1, r)
        if j + 1 < len(doc) and doc[j + 1].tag_ in ("VBN", "JJ"):   # not a finite verb: "two more took place"
            _post_predicate(lex, doc, j + 1, r)
        return r
    if a.vague:
        return None
    if _post_predicate(lex, doc, j, r):
        r.anaphoric = True   # "12 dead", "14 killed", "about 120 arrested"
        return r
    if j + 1 < len(doc) and doc[j].lower_ in lex.light_verbs and doc[j + 1].lemma_.lower() in lex.unit_category:
        r.anaphoric, r.end_char = True, doc[j + 1].idx + len(doc[j + 1])
        r.light_category = lex.unit_category[doc[j + 1].lemma_.lower()]
        return r
    if is_designation(lex, doc, span):
        return None
    # copula: "total valid votes cast are 10,615,361"
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lemma_ in lex.copulas:
        subj = [c for c in prev.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"]
        if subj and subj[0].i < span.start:
            r.unit = lower_lemma(lex, subj[0])
            return r
    r.anaphoric = True
    return r


def _post_predicate(lex: Lexicon, doc: Doc, j: int, r: Reading) -> bool:
    """A participle or adjective right after the figure that says what happened ("14
    killed", "four others injured"): the reading's `post_pred`."""
    if j < len(doc) and doc[j].pos_ in ("ADJ", "VERB") and doc[j].tag_ in ("JJ", "VBN", "VBD") \
            and (doc[j].lemma_.lower() in lex.predicates or doc[j].lower_ in lex.predicates):
        r.post_pred, r.end_char = doc[j], doc[j].idx + len(doc[j])
        return True
    return False


def shared_head(doc: Doc, head: Token, a: Amount) -> Optional[Token]:
    """'14 army, 9 navy, 5 fire and 22 rescue teams': a singular noun after a
    figure above one, in a list of figures whose last noun is plural, modifies that
    plural noun; None where the list does not end so."""
    if head.tag_ != "NN" or a.value is None or a.value <= 1:
        return None
    k = head.i + 1
    for _ in range(_MAX_LIST):
        start = k
        while k < len(doc) and doc[k].text in (",", "and", "or"):
            k += 1
        if k == start or k >= len(doc) or doc[k].pos_ != "NUM":
            return None
        k += 1
        last, end = None, min(len(doc), k + _MAX_NOUN_RUN)
        while k < end and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
            last = doc[k] if doc[k].pos_ == "NOUN" else last
            k += 1
        if last is None or last.tag_ not in ("NN", "NNS"):
            return None
        if last.tag_ == "NNS":
            return last
    return None


def _parse_head(span: Span, head: Optional[Token]) -> Optional[Token]:
    """Prefer the parse's noun when the surface noun is only a part of its phrase
    ("27 search and rescue teams" counts teams, not searches)."""
    root = span.root
    if head is None or root.dep_ != "nummod" or root.head.pos_ != "NOUN":
        return head
    noun = root.head
    if noun != head and head.i < noun.i <= head.i + 5 and head in noun.subtree \
            and head.dep_ in ("compound", "conj", "amod", "nmod"):
        return noun
    return head


def noun_run(lex: Lexicon, doc: Doc, j: int, span: Optional[Span] = None):
    """The counted noun right after a figure ("63 Russian servicemen" -> servicemen),
    with the words before it; (None, ()) when no noun follows."""
    run: list[Token] = []
    k = j
    has_verb = False
    owned_from = 0   # after a possessive, the counted noun is the possessed one
    while k < len(doc) and len(run) < _MAX_NOUN_RUN:
        tok = doc[k]
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if tok.lower_ in lex.anaphoric:
            # "10 more hostages", "two other civilians"; but "30 others", "two more"
            if tok.lower_ in lex.additive_words and nxt is not None \
                    and nxt.pos_ in ("NOUN", "ADJ", "PROPN") and not run:
                run.append(tok)
                k += 1
                continue
            break
        if tok.lower_ in lex.light_verbs and nxt is not None and nxt.lemma_.lower() in lex.unit_category:
            break   # "three sustained injuries": a verb the tagger read as an adjective
        if tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or (tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound")):
            has_verb = has_verb or tok.pos_ == "VERB"
            run.append(tok)
        elif tok.text in HYPHENS and run and tok.idx == run[-1].idx + len(run[-1]) and nxt is not None \
                and nxt.idx == tok.idx + 1:
            run.append(tok)
        elif tok.text == "." and run and tok.idx == run[-1].idx + len(run[-1]) and len(run[-1]) <= 2:
            run.append(tok)   # "U.S" + "."
        elif tok.pos_ == "CCONJ" and run and run[-1].pos_ == "ADJ" and nxt is not None and nxt.pos_ == "ADJ":
            run.append(tok)   # "three serving and retired officers"
        elif tok.text == "/" and run and run[-1].pos_ == "PROPN" and nxt is not None and nxt.pos_ == "PROPN":
            run.append(tok)   # "Boko Haram/Islamic State fighters"
        elif (tok.tag_ == "POS" or tok.dep_ == "case" and tok.text in _APOSTROPHES) \
                and run and run[-1].pos_ in NOUN_POS and nxt is not None \
                and nxt.pos_ in ("NOUN", "ADJ", "PROPN"):
            run.append(tok)   # "three suspected smugglers' accomplices": accomplices
            owned_from = len(run)
        elif tok.is_quote and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            run.append(tok)   # 'four "Bastion" armoured trucks': a quoted name before the noun
        else:
            break
        k += 1
    nouns = [i for i, tok in enumerate(run) if tok.pos_ == "NOUN" and tok.lower_ not in lex.never_head_words
             and i >= owned_from]
    if nouns:
        i = nouns[0]
        # walk on through a compound: "police officers", not "prisoners food"
        while i + 1 < len(run) and (run[i + 1].pos_ in NOUN_POS and run[i].head == run[i + 1]
                                    or run[i + 1].pos_ == "NOUN" and run[i].dep_ == "compound"):
            i += 1
        if run[i].pos_ == "PROPN":
            i = max(n for n in nouns if n <= i)
        # "52 Ukrainian Sailors Freed In Swap": in title case the parse's plural name is the noun
        if span is not None and span.root.dep_ == "nummod" and span.root.head.tag_ == "NNPS" \
                and span.root.head in run[:i]:
            i = run.index(span.root.head)
        head = run[i]
        if has_verb and span is not None and not owned_from and not linked(span.root, head):
            # "one self-propelled howitzer": the parse's noun of the figure, if in the run
            noun = span.root.head
            if span.root.dep_ != "nummod" or noun not in run:
                return None, ()
            i = run.index(noun)
            head = noun
        return head, tuple(run[:i])
    if span is not None and span.root.dep_ == "nummod" and span.root.head.tag_ == "NNPS" and span.root.head in run:
        i = run.index(span.root.head)   # "52 Ukrainian Sailors Freed In Swap": title case, no noun tagged
        return run[i], tuple(run[:i])
    # a nationality as the noun: "248 Russians", "two Americans"
    for i, tok in enumerate(run):
        plural_looking = tok.text[:1].isupper() and len(tok) > 3 and (
            tok.lower_.endswith(("s", "men"))
            or tok.ent_type_ == "NORP" and tok.lower_.endswith(lex.invariant_demonym_endings))
        if tok.pos_ == "PROPN" and tok.tag_ == "NNPS" or plural_looking and (
                tok.ent_type_ == "NORP" or tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "FAC")):
            if i + 1 == len(run) or run[i + 1].pos_ not in NOUN_POS:
                return tok, tuple(run[:i])
    return None, ()


def take_noun(lex: Lexicon, doc: Doc, head: Token, mods, r: Reading) -> None:
    """Set the reading's unit (with its compound), head, end and modifiers."""
    lemma = lower_lemma(lex, head)
    if head.pos_ == "PROPN":
        r.demonym_unit = True
    compound = []
    for tok in reversed(mods):
        if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.is_alpha:
            compound.insert(0, tok.lower_)
        else:
            break
    unit = " ".join(compound + [lemma])
    end = head.idx + len(head)
    # "prisoners of war"
    if head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "of":
        cand = f"{lemma} of {doc[head.i + 2].lemma_.lower()}"
        if cand in lex.of_compounds:
            unit, end = cand, doc[head.i + 2].idx + len(doc[head.i + 2])
    r.unit, r.head, r.end_char = unit, head, end
    r.mod_words = frozenset(tok.lower_ for tok in mods)
    r.modifiers = tuple(tok for tok in mods if tok.pos_ == "PROPN"
                        or (tok.text[:1].isupper() and tok.ent_type_ == "NORP")
                        or (tok.pos_ == "ADJ" and tok.text[:1].isupper() and not tok.is_sent_start))
    if r.demonym_unit:
        r.modifiers = r.modifiers + (head,)


def partitive(lex: Lexicon, doc: Doc, j: int, a: Amount, r: Reading) -> Optional[Reading]:
    """'21 of the schoolgirls', 'dozens of soldiers', '87 of those freed', 'three of them'."""
    k = j + 1
    while k < len(doc) and (doc[k].pos_ in ("DET", "NUM") or doc[k].dep_ == "poss" or doc[k].tag_ == "PRP$"
                            or doc[k].lower_ in lex.partitive_determiners):
        if doc[k].lower_ in lex.partitive_pronouns:
            r.anaphoric, r.end_char = True, doc[k].idx + len(doc[k])
            return r
        k += 1
    if k < len(doc) and doc[k].pos_ in ("VERB", "ADJ") and doc[k].tag_ in ("VBN", "VBD", "JJ") and (
            k + 1 >= len(doc) or doc[k + 1].pos_ not in NOUN_POS):
        r.anaphoric, r.partitive_pred, r.end_char = True, doc[k], doc[k].idx + len(doc[k])
        return r
    head, mods = noun_run(lex, doc, k)
    if head is None:
        # the parse's object of "of": "hundreds of his (...) party supporters"
        objs = [c for c in doc[j].children if c.dep_ == "pobj"]
        objs += [c for o in objs for c in o.children if c.dep_ == "appos"]
        objs = [o for o in objs if o.pos_ == "NOUN" and o.i - j <= 12]
        if objs:
            head = objs[0]
            mods = tuple(c for c in head.lefts if c.dep_ in ("compound", "amod") and c.i > j)
    if head is None:
        if a.vague:
            return None
        r.anaphoric = True
        return r
    take_noun(lex, doc, head, mods, r)
    return r


def distributive(lex: Lexicon, doc: Doc, k: int, r: Reading) -> None:
    """'50 prisoners each': every party counted that many."""
    if k < len(doc) and doc[k].lower_ in lex.distributive_words:
        r.distributive = True
        r.end_char = doc[k].idx + len(doc[k])


def linked(figure: Token, noun: Token) -> bool:
    """Whether the parse ties a figure to a noun (directly or through its phrase)."""
    return figure.head == noun or noun in figure.ancestors or figure in noun.children
