"""The newsextract_mediators component: factory, config, tables on disk, and
the roles of one article."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers Doc._ extensions)
from ...spans import evidence
from ...text.segments import segments
from ...text.tree import LocalTree
from .article import MediatorArticle
from .cues import entity_tokens, load_cues, segment_cues, write_cues
from .mediations import Mediation, add_mediation
from .patterns import sentence_mediators, unnamed_mediators
from .roles import assign_roles, settle_roles
from .tables import load_mediator_tables, write_mediator_tables


class MediatorRoles:
    """MEDIATOR / PROPOSED_MEDIATOR roles, with evidence, on `doc._.ne_entities`, and
    every finding in `doc._.ne_mediations`; two entry points, the regex patterns over
    each sentence and the dependency cues over each segment (cues.py)."""

    def __init__(self, nlp: Language, name: str, *, tables_path: Optional[Union[str, Path]] = None):
        self.name = name
        self.tables = load_mediator_tables(tables_path)
        self.cues = load_cues(tables_path)

    def __call__(self, doc: Doc) -> Doc:
        art = MediatorArticle(doc, self.tables.demonyms)
        found_all: list[Mediation] = []
        for sent in art.sents:
            found, demonyms = sentence_mediators(art, self.tables.rules, sent)
            if found:
                ev = evidence(doc, sent)
                for ent, status in assign_roles(art, self.tables, sent, found, demonyms):
                    add_mediation(found_all, ent.id, status, ev.start, ev.end, "pattern")
        for i, found in unnamed_mediators(art, self.tables.rules, art.sents):
            ev = evidence(doc, art.sents[i])
            for ent, status in assign_roles(art, self.tables, art.sents[i], found, {}):
                add_mediation(found_all, ent.id, status, ev.start, ev.end, "pattern")
        segs = segments(doc)
        tree, at = LocalTree(doc, segs), entity_tokens(doc, art.entities)
        for seg in segs:
            if self.tables.rules.excludes.search(seg.text) or art.wholly_excluded(seg.start_char, seg.end_char):
                continue  # donors and pledges are no mediation; chrome and bylines are no evidence
            found = segment_cues(self.cues, tree, doc, at, seg)
            if found:
                ev = evidence(doc, seg)
                for ent, status in assign_roles(art, self.tables, seg, found, {}):
                    add_mediation(found_all, ent.id, status, ev.start, ev.end, "cue")
        settle_roles(art.entities)
        doc._.ne_entities = art.entities
        doc._.ne_mediations = sorted(found_all, key=lambda m: m.start)
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: tuple = tuple()) -> None:
        """Write the tables (the patterns, the cues and the country table) into `path`."""
        write_mediator_tables(self.tables, path)
        write_cues(self.cues, path)

    def from_disk(self, path: Union[str, Path], *, exclude: tuple = tuple()) -> "MediatorRoles":
        self.tables = load_mediator_tables(path)
        self.cues = load_cues(path)
        return self


@Language.factory(
    "newsextract_mediators",
    assigns=["doc._.ne_entities", "doc._.ne_mediations"],
    requires=["doc._.ne_entities", "doc.sents", "token.dep", "token.lemma"],
    default_config={"tables_path": None},
)
def make_mediators(nlp: Language, name: str, tables_path: Optional[str]) -> MediatorRoles:
    return MediatorRoles(nlp, name, tables_path=tables_path)
