"""The newsextract_entities component: factory, config, tables on disk, and the
order of the steps one article goes through (see the package docstring)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ...gazetteer import Place, load_gazetteer, write_gazetteer_tables
from .article import EntityArticle
from .bodies import body_mentions
from .candidates import candidates
from .classify import classify, context_codes
from .locating import geocoder_folder, locate_places
from .references import capital_metonyms, country_references
from .resolution import resolve
from .retyping import propagate_names, retype_by_article, untagged_list_places
from .sports import load_sports_rules, sport_of_story, table_names, teams_in_prose, write_sports_rules
from .tables import load_entity_tables, write_entity_tables


class EntityRecognizer:
    """Typed, resolved entities of an article in `doc._.ne_entities`.

    Holds only what it loaded (its tables and the gazetteer); each Doc's work
    is done on an `EntityArticle` made for it."""

    def __init__(self, nlp: Language, name: str, *, use_gazetteer_matches: bool = True,
                 tables_path: Optional[Union[str, Path]] = None):
        self.name = name
        self.use_gazetteer_matches = use_gazetteer_matches
        self._load(tables_path)

    def _load(self, folder: Optional[Union[str, Path]]) -> None:
        self.tables = load_entity_tables(folder)
        self.gaz = load_gazetteer(folder)
        self.towns_folder = geocoder_folder(folder)
        self.sports = load_sports_rules(folder)

    def __call__(self, doc: Doc) -> Doc:
        art = EntityArticle(doc, self.tables, self.gaz)
        sport = sport_of_story(art, self.sports)
        cands = candidates(art, self.use_gazetteer_matches, table_names(art, self.sports, sport) if sport else ())
        context = context_codes(cands)
        for c in cands:
            classify(art, c, context)
        cands = [c for c in cands if c.type]
        retype_by_article(art, cands)
        if sport == "team":
            teams_in_prose(art, cands)
        cands += propagate_names(art, cands)
        cands += untagged_list_places(art, cands)
        cands += country_references(art, cands)
        cands = [c for c in cands if c.type]
        cands += body_mentions(art, cands)
        capital_metonyms(art, cands)
        cands.sort(key=lambda c: (c.start_char, -c.end_char))
        entities = resolve(art, cands)
        records = {}
        for c in cands:
            if c.entity is not None and isinstance(c.record, Place):
                records.setdefault(c.entity.id, c.record)
        locate_places(entities, records, self.towns_folder)
        doc._.ne_entities = entities
        return doc

    # ---------------------------------------------------------- serialization
    def to_disk(self, path: Union[str, Path], *, exclude: tuple = tuple()) -> None:
        """Write the tables (the entity tables and the gazetteer) into `path`."""
        write_entity_tables(self.tables, path)
        write_gazetteer_tables(self.gaz.tables, path)
        write_sports_rules(self.sports, path)

    def from_disk(self, path: Union[str, Path], *, exclude: tuple = tuple()) -> "EntityRecognizer":
        """Read the tables `to_disk` wrote."""
        self._load(path)
        return self


@Language.factory(
    "newsextract_entities",
    assigns=["doc._.ne_entities"],
    # the rules also read token.pos, which English pipelines set in their attribute_ruler
    # (a component that declares no assigns): listing it would be a false problem
    requires=["doc.ents", "doc.sents", "token.dep", "token.lemma"],
    default_config={"use_gazetteer_matches": True, "tables_path": None},
)
def make_entities(nlp: Language, name: str, use_gazetteer_matches: bool,
                  tables_path: Optional[str]) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, use_gazetteer_matches=use_gazetteer_matches, tables_path=tables_path)
