"""Where an event happened: the place its mentions name, else a place named in a
locative phrase of its sentence; a country made more precise by a place of it told
in the sentences around ('... in Bangladesh. Workers in Ashulia protested ...')."""
from __future__ import annotations

from typing import Optional

from ...schema import EntityRef
from .article import ArticleEvents
from .mentions import Mention


def event_place(art: ArticleEvents, etype: str, mentions: list[Mention], everything: list[Mention]) -> Optional[EntityRef]:
    """The record's location, or None."""
    place = None
    for rank in (0, 1, 2):
        best = next((x for m in everything for x in m.locations if x[0] == rank), None)
        if best is not None:
            place = best[2]
            break
    if place is None and etype not in art.lex.no_location_types:
        place = sentence_place(art, mentions)
    if place is not None and place.type == "COUNTRY" and etype in art.lex.town_types:
        place = place_inside(art, place, mentions) or place
    return EntityRef(entity_id=place.id, name=place.name) if place is not None else None


def sentence_place(art: ArticleEvents, mentions: list[Mention]):
    """'a peace deal in South Sudan, after days of fighting': a place in a locative phrase
    of the first mention's sentence, the nearest one."""
    tree, lex = art.tree, art.lex
    first = mentions[0]
    found = [(abs(root.i - first.token.i), e) for e, root in art.sent_entities.get(first.sent_i, ())
             if e.type in ("PLACE", "COUNTRY") and root.dep_ == "pobj" and not tree.is_root(root)
             and tree.head(root).lower_ in lex.locative_preps]
    return min(found, key=lambda x: x[0])[1] if found else None


def place_inside(art: ArticleEvents, country, mentions: list[Mention]):
    """A place of the country named in a locative phrase of a mention's sentence or the
    ones next to it, the nearest sentence first."""
    tree, lex = art.tree, art.lex
    iso = country.attributes.iso_alpha2
    for m in mentions:
        for sj in (m.sent_i, m.sent_i - 1, m.sent_i + 1):
            for e, root in art.sent_entities.get(sj, ()):
                if e.type != "PLACE" or root.dep_ != "pobj" or tree.is_root(root):
                    continue
                if tree.head(root).lower_ in lex.locative_preps and e.attributes.country_code in (iso, None):
                    return e
    return None
