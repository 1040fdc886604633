"""The predicate that governs a counted noun in the dependency parse, and the
positions around it that change what it says (subject, "including ...", a request)."""
from __future__ import annotations

from itertools import islice
from typing import Optional

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .units import NOUN_POS, SUBJECT_DEPS

# dependencies climbed from the noun (or the figure) to its phrase's head
_CLIMB_DEPS = ("conj", "appos", "nummod", "quantmod", "compound", "nmod", "amod", "npadvmod", "advmod")
# dependencies whose head is the governing predicate
_ARGUMENT_DEPS = ("dobj", "obj", "attr", "oprd", "dative", "acomp", "xcomp")
# the objects a noun coordinated onto a verb may be a second one of
_OBJECT_DEPS = ("dobj", "obj", "nsubjpass")
# how many of the verb's children are looked at for that object (a verb may have thousands)
_MAX_OBJECT_LOOK = 12
_MAX_CLIMB = 6
_MAX_EMBEDDING_DEPTH = 12


def anchor_word(tok: Token) -> str:
    return tok.lemma_.lower()


def governor(lex: Lexicon, anchor: Token, sent: Span) -> Optional[Token]:
    """The predicate (verb, adjective or event noun) that says what happened to
    the counted things: climb from the noun (or the figure) to its clause."""
    tok = anchor
    for _ in range(_MAX_CLIMB):
        dep = tok.dep_
        head = tok.head
        if head == tok or not (sent.start <= head.i < sent.end):
            return None
        if dep in _CLIMB_DEPS:
            if dep == "conj" and head.pos_ in ("VERB", "AUX"):
                # "killed 14 in the north and three people in the south": the parser hung the second
                # object on the verb; a noun after the verb's object shares it
                if tok.pos_ in NOUN_POS and any(c.dep_ in _OBJECT_DEPS and c.i < tok.i
                                                for c in islice(head.children, _MAX_OBJECT_LOOK)):
                    return head
                return None
            tok = head
            continue
        if dep in SUBJECT_DEPS or dep in _ARGUMENT_DEPS:
            return head
        if dep == "pobj":
            prep = head
            owner = prep.head
            if not (sent.start <= owner.i < sent.end):
                return None
            if prep.lower_ == "of":
                if owner.lemma_.lower() in lex.predicates and owner.pos_ in NOUN_POS \
                        and owner.lemma_.lower() not in lex.verb_only:
                    return owner
                # "the return home of 230 soldiers": the parse hangs "of" on "home"
                for c in owner.children:
                    if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.predicates:
                        return c
                if owner.pos_ in NOUN_POS:
                    tok = owner
                    continue
            if prep.lower_ in lex.recipient_prepositions and owner.pos_ == "NOUN" \
                    and owner.lemma_.lower() in lex.predicates:
                return owner   # "aid to millions of people"
            if prep.lower_ in lex.recipient_prepositions and owner.pos_ == "VERB":
                # "scale up aid to millions": the parse hangs "to" on the verb, it belongs to "aid"
                for c in owner.children:
                    if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.predicates:
                        return c
            if owner.pos_ in ("VERB", "AUX") and (
                    prep.lower_ in lex.qualifier_before and prep.lower_ not in lex.toll_prepositions
                    or prep.lower_ in lex.toll_prepositions and owner.lemma_.lower() in lex.toll_verbs):
                return owner
            if owner.pos_ == "VERB" and prep.lower_ in lex.place_prepositions \
                    and anchor_word(tok) in lex.place_nouns:
                return owner
            if owner.pos_ in NOUN_POS and prep.lower_ in lex.place_prepositions \
                    and anchor_word(tok) in lex.place_nouns:
                tok = owner   # "people in 12 districts were affected": the people's predicate
                continue
            return None
        if dep in ("relcl", "acl"):
            return head if head.pos_ in ("VERB",) else None
        return None
    return None


def past_reduced_relative(governor: Optional[Token], anchor: Token) -> Optional[Token]:
    """'2,800 Ukrainians taken captive in the war have been released': the parser made
    the participle the predicate; the finite verb it is coordinated with is."""
    # the tagger often reads such a participle as a past tense ("taken" VBD)
    if governor is None or governor.pos_ != "VERB" or governor.tag_ not in ("VBN", "VBD") \
            or governor.i != anchor.i + 1:
        return governor
    if any(c.dep_ in ("aux", "auxpass") for c in governor.children):
        return governor
    for c in list(governor.children) + [governor.head]:
        if c.pos_ == "VERB" and c.i > governor.i and (c.dep_ in ("conj", "ccomp") or c == governor.head) \
                and any(cc.dep_ in ("aux", "auxpass") for cc in c.children):
            return c
    return governor


def is_subject(noun: Token, governor: Token) -> bool:
    """Whether `noun` (or the phrase it is in) is the active subject of `governor`."""
    tok = noun
    for _ in range(_MAX_CLIMB):
        if tok.head == governor:
            return tok.dep_ in ("nsubj", "csubj")
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def requested(lex: Lexicon, pred: Token) -> bool:
    """'urge Tehran to release the sailors': what is asked for did not happen."""
    tok = pred
    for _ in range(2):
        if tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.head.lemma_.lower() in lex.request_verbs:
            return True
        if tok.head == tok:
            break
        tok = tok.head
    return False


def embedded(lex: Lexicon, tok: Token, sent: Span) -> bool:
    """Inside 'including ...', 'among them ...': a part of a group already counted.
    Looks a few heads up only: a long coordination chain must not make it quadratic."""
    for depth, anc in enumerate(tok.ancestors):
        if depth >= _MAX_EMBEDDING_DEPTH:
            return False
        if not (sent.start <= anc.i < sent.end) or anc.pos_ in ("VERB", "AUX") and anc.dep_ != "prep":
            return False
        if anc.lower_ in lex.embedding_words:
            return True
    return False


def embedding_host(lex: Lexicon, anchor: Token) -> Optional[Token]:
    """The 'including' / 'among' word a part of a group hangs under."""
    return next((a for a in anchor.ancestors if a.lower_ in lex.embedding_words), None)
