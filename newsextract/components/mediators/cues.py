"""The dependency entry point: the mediators a segment names by a cue in its
parse ('brokered by X', 'X mediated', 'thanks to the mediation of X', 'X acted
as an intermediary', 'an X-mediated deal'), each "actual", or "proposed" when
the cue is planned or hypothetical ('will be brokered by X', 'offered to
mediate'); a negated cue names none.

The words live in models/mediators_cues.json. The findings go, like the
patterns', through `assign_roles`, and into `doc._.ne_mediations` (see
mediations.py), where the events component reads them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.tokens import Doc, Span, Token

from ...schema import Entity
from ...spans import in_caption
from ...text.tables import Table, load_table, write_table
from ...text.tree import LocalTree
from .patterns import ACTUAL, PROPOSED

CUES_FILE = "mediators_cues.json"
Words = list[str]


class CueStatusWords(Table):
    """The words that make a cue negated (no mediator) or planned/hypothetical (proposed)."""

    negation_words: Words
    future_aux: Words
    hypothetical_aux: Words
    conditional_marks: Words
    infinitive_marks: Words                   # 'offered to mediate': what is to happen
    implicative_verbs: Words                  # 'helped to mediate': it happened


class CueTable(Table):
    """models/mediators_cues.json."""

    passive_verbs: Words
    agentive_verbs: Words
    nouns: Words
    vague_nouns: Words                        # 'help', 'role': only next to a process word
    hyphen_suffixes: Words
    process_hyphen_suffixes: Words            # 'X-backed': only on a process word
    process_words: Words
    owner_preps: Words                        # 'the mediation of X'
    acting_as_preps: Words                    # 'X acted as an intermediary'
    acting_as_nouns: Words
    securing_verbs: Words                     # 'Oman secured the release of ...': Oman mediated
    secured_objects: Words
    status: CueStatusWords


class MediatorCues:
    """The cue table as sets, built once per component."""

    def __init__(self, table: CueTable):
        self.table = table
        self.passive = frozenset(table.passive_verbs)
        self.agentive = frozenset(table.agentive_verbs)
        self.nouns = frozenset(table.nouns)
        self.vague_nouns = frozenset(table.vague_nouns)
        self.all_nouns = self.nouns | self.vague_nouns
        self.suffixes = frozenset(table.hyphen_suffixes)
        self.process_suffixes = frozenset(table.process_hyphen_suffixes)
        self.all_suffixes = self.suffixes | self.process_suffixes
        self.process_words = frozenset(table.process_words)
        self.owner_preps = frozenset(table.owner_preps)
        self.acting_as_preps = frozenset(table.acting_as_preps)
        self.acting_as_nouns = frozenset(table.acting_as_nouns)
        self.securing_verbs = frozenset(table.securing_verbs)
        self.secured_objects = frozenset(table.secured_objects)
        # a segment with none of these words (or a hyphen) holds no cue
        self.cue_lemmas = self.passive | self.all_nouns | self.securing_verbs | self.all_suffixes
        st = table.status
        self.negation = frozenset(st.negation_words)
        self.future_aux = frozenset(st.future_aux)
        self.hypothetical_aux = frozenset(st.hypothetical_aux)
        self.conditional_marks = frozenset(st.conditional_marks)
        self.infinitive_marks = frozenset(st.infinitive_marks)
        self.implicative = frozenset(st.implicative_verbs)


def load_cues(folder: Optional[Union[str, Path]] = None) -> MediatorCues:
    return MediatorCues(load_table(CUES_FILE, CueTable, folder))


def write_cues(cues: MediatorCues, folder: Union[str, Path]) -> Path:
    return write_table(cues.table, folder, CUES_FILE)


def entity_tokens(doc: Doc, entities: list[Entity]) -> dict[int, Entity]:
    """Token index -> the entity a mention there names (mentions in captions left out)."""
    at: dict[int, Entity] = {}
    for e in entities:
        for m in e.mentions:
            if m.in_caption or in_caption(doc, m.start, m.end):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for t in span if span is not None else ():
                at.setdefault(t.i, e)
    return at


def cue_status(cues: MediatorCues, tree: LocalTree, tok: Token) -> Optional[str]:
    """ACTUAL, PROPOSED (planned or hypothetical), or None (negated), from the cue's own children."""
    status = ACTUAL
    for c in tree.children(tok):
        low = c.lower_
        if c.dep_ == "neg" or (low in cues.negation and c.dep_ in ("det", "advmod", "preconj")):
            return None
        if c.dep_ in ("aux", "auxpass") and (low in cues.future_aux or low in cues.hypothetical_aux):
            status = PROPOSED
        elif c.dep_ in ("aux", "auxpass") and low in cues.infinitive_marks and tok.pos_ in ("VERB", "AUX") and not (
                tok.dep_ in ("xcomp", "ccomp", "conj") and tree.head(tok).lemma_.lower() in cues.implicative):
            status = PROPOSED
        elif c.dep_ == "mark" and low in cues.conditional_marks:
            status = PROPOSED
    return status


def _named_by(tree: LocalTree, at: dict[int, Entity], tok: Token) -> Optional[Entity]:
    """The entity a candidate word names: its own, else the nearest in its phrase, where
    a prepositional phrase is looked into last ('X's ambassador to Y' names X)."""
    if tok.i in at:
        return at[tok.i]
    level = [c for c in tree.children(tok) if c.dep_ != "prep"]
    while level:
        hit = sorted((t for t in level if t.i in at), key=lambda t: t.i)
        if hit:
            return at[hit[0].i]
        level = [c for t in level for c in tree.children(t)]
    return next((at[y.i] for y in sorted(tree.subtree(tok), key=lambda t: t.i) if y.i in at), None)


def _candidates(cues: MediatorCues, tree: LocalTree, doc: Doc, at: dict[int, Entity], seg: Span,
                t: Token, process: bool) -> tuple[list[Token], Token]:
    """The words a cue token points at as mediators, and the token whose modality decides."""
    lemma = t.lemma_.lower()
    cands: list[Token] = []
    if lemma in cues.passive:
        for c in tree.children(t):
            if c.dep_ == "agent":
                objs = [g for g in tree.children(c) if g.dep_ == "pobj"]
                # the object may hang in another line: take the name right after 'by'
                cands += objs or [x for x in doc[c.i + 1:min(c.i + 4, seg.end)] if x.i in at][:1]
        if lemma in cues.agentive and t.pos_ == "VERB":
            cands += [c for c in tree.children(t) if c.dep_ == "nsubj"]
    elif lemma in cues.securing_verbs and t.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in cues.secured_objects for c in tree.children(t)):
        cands += [c for c in tree.children(t) if c.dep_ == "nsubj"]
    elif lemma in cues.all_nouns and t.pos_ == "NOUN" and (process or lemma in cues.nouns):
        for c in tree.children(t):
            if c.dep_ == "poss":
                cands.append(c)
            elif c.dep_ == "prep" and c.lower_ in cues.owner_preps:
                cands += [g for g in tree.children(c) if g.dep_ == "pobj"]
        if t.dep_ == "pobj" and tree.head(t).lower_ in cues.acting_as_preps and lemma in cues.acting_as_nouns:
            verb = tree.head(tree.head(t))  # 'X acted as an intermediary'
            return [c for c in tree.children(verb) if c.dep_ == "nsubj"] + cands, verb
    if not cands:  # 'X-mediated', 'X - brokered': the name before the hyphen
        low = t.lower_
        suffix = low.rsplit("-", 1)[-1] if "-" in t.text else (
            low if t.i >= 2 and t.nbor(-1).text in ("-", "–") else None)
        if suffix in cues.suffixes or (suffix in cues.process_suffixes and _on_process(cues, tree, t)):
            cands.append(doc[t.i - 2] if suffix == low else t)
    return cands, t


def _on_process(cues: MediatorCues, tree: LocalTree, t: Token) -> bool:
    """'a Qatar-backed deal': the hyphenated cue describes a talks, deal or captive word."""
    head = tree.head(t)
    while head.i != t.i and head.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
        t, head = head, tree.head(head)
    return head.lemma_.lower() in cues.process_words or head.lower_ in cues.process_words


def segment_cues(cues: MediatorCues, tree: LocalTree, doc: Doc, at: dict[int, Entity],
                 seg: Span) -> dict[str, str]:
    """{entity id: status} for the mediators one segment names by a cue."""
    cue_tokens = [t for t in seg if t.lemma_.lower() in cues.cue_lemmas or "-" in t.text or t.text in ("-", "–")]
    if not cue_tokens:
        return {}
    process = any((t.lemma_.lower() in cues.process_words or t.lower_ in cues.process_words) and t.i not in at
                  for t in seg)  # a word of a name ('... Cooperation Agreement') is no process
    found: dict[str, str] = {}
    for t in seg:
        cands, governor = _candidates(cues, tree, doc, at, seg, t, process)
        if not cands:
            continue
        status = cue_status(cues, tree, governor)
        if status is None:
            continue
        for c in cands:
            for x in [c] + [y for y in tree.children(c) if y.dep_ == "conj"]:
                e = _named_by(tree, at, x)
                if e is not None and found.get(e.id) != ACTUAL:
                    found[e.id] = status
    return found
