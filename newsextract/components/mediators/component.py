"""The newsextract_mediators component: factory, config, tables on disk, and
the roles of one article."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .article import MediatorArticle
from .patterns import sentence_mediators, unnamed_mediators
from .roles import assign_roles, settle_roles
from .tables import load_mediator_tables, write_mediator_tables


class MediatorRoles:
    """MEDIATOR / PROPOSED_MEDIATOR roles, with evidence, on `doc._.ne_entities`."""

    def __init__(self, nlp: Language, name: str, *, tables_path: Optional[Union[str, Path]] = None):
        self.name = name
        self.tables = load_mediator_tables(tables_path)

    def __call__(self, doc: Doc) -> Doc:
        art = MediatorArticle(doc, self.tables.demonyms)
        for sent in art.sents:
            found, demonyms = sentence_mediators(art, self.tables.rules, sent)
            if found:
                assign_roles(art, self.tables, sent, found, demonyms)
        for i, found in unnamed_mediators(art, self.tables.rules, art.sents):
            assign_roles(art, self.tables, art.sents[i], found, {})
        settle_roles(art.entities)
        doc._.ne_entities = art.entities
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: tuple = tuple()) -> None:
        """Write the tables (the patterns and the country table) into `path`."""
        write_mediator_tables(self.tables, path)

    def from_disk(self, path: Union[str, Path], *, exclude: tuple = tuple()) -> "MediatorRoles":
        self.tables = load_mediator_tables(path)
        return self


@Language.factory(
    "newsextract_mediators",
    assigns=["doc._.ne_entities"],
    requires=["doc._.ne_entities", "doc.sents"],
    default_config={"tables_path": None},
)
def make_mediators(nlp: Language, name: str, tables_path: Optional[str]) -> MediatorRoles:
    return MediatorRoles(nlp, name, tables_path=tables_path)
