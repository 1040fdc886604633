"""Entities: typing the base model's spans and resolving them within the article.

First version: maps the base model's `doc.ents` to `schema.Entity` records,
grouped by normalized name, written to `doc._.ne_entities`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .schema import Entity, Mention
from .spans import in_caption

_LABEL_TYPES = {
    "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "ORG": "ORGANIZATION", "PERSON": "PERSON", "NORP": None,
}
_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s?$")


def _normalized(text: str) -> str:
    text = _LEADING_THE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    return " ".join(text.split()).casefold()


class EntityResolver:
    """Turns the base model's entity spans into resolved `Entity` records."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[tuple[str, str], Entity] = {}
        for ent in doc.ents:
            etype = _LABEL_TYPES.get(ent.label_)
            if etype is None or not ent.text.strip():
                continue
            key = (etype, _normalized(ent.text))
            if not key[1]:
                continue
            entity = groups.get(key)
            if entity is None:
                entity = groups[key] = Entity(id=f"E{len(groups) + 1}", name=ent.text, type=etype)
            entity.mentions.append(Mention(text=ent.text, start=ent.start_char, end=ent.end_char,
                                           in_caption=in_caption(doc, ent.start_char, ent.end_char)))
            if ent.text != entity.name and ent.text not in entity.aliases:
                entity.aliases.append(ent.text)
        doc._.ne_entities = list(groups.values())
        return doc


@Language.factory("newsextract_entities", default_config={})
def make_entities(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(nlp, name)
