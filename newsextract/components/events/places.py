"""Where an event happened: the place its mentions name, else a place named in a
locative phrase of its sentence, else (for events that happen in a country) its
country; a country made more precise by a place of it told in the sentences around
('... in Bangladesh. Workers in Ashulia protested ...'); a deal where its talks were."""
from __future__ import annotations

from typing import Optional

from ...schema import EntityRef
from .article import ArticleEvents
from .mentions import Mention


def event_place(art: ArticleEvents, etype: str, mentions: list[Mention],
                everything: list[Mention]) -> Optional[EntityRef]:
    """The record's location, or None."""
    place = None
    for rank in (0, 1, 2):
        best = next((x for m in everything for x in m.locations if x[0] == rank), None)
        if best is not None:
            place = best[2]
            break
    if place is None and etype not in art.lex.no_location_types:
        place = sentence_place(art, mentions)
    if place is None and etype in art.lex.country_fallback_types:
        place = event_country(art, everything)
    if place is not None and place.type == "COUNTRY" and etype in art.lex.town_types:
        place = place_inside(art, place, mentions) or place
    return EntityRef(entity_id=place.id, name=place.name) if place is not None else None


def sentence_place(art: ArticleEvents, mentions: list[Mention]):
    """'a peace deal in South Sudan, after days of fighting': a place in a locative phrase
    of the first mention's sentence, the nearest one."""
    tree, lex = art.tree, art.lex
    first = mentions[0]
    found = [(abs(root.i - first.token.i), e) for e, root in art.sent_entities.get(first.sent_i, ())
             if e.type in ("PLACE", "COUNTRY") and locative(art, root)]
    return min(found, key=lambda x: x[0])[1] if found else None


def locative(art: ArticleEvents, root) -> bool:
    """A name in a locative phrase: 'in Tump', 'in the town of Chibok', 'in its capital, Sanaa'."""
    tree, lex = art.tree, art.lex
    t = root
    if t.dep_ == "appos" and not tree.is_root(t):
        t = tree.head(t)
    if t.dep_ == "pobj" and not tree.is_root(t) and tree.head(t).lower_ == "of":
        noun = tree.head(tree.head(t))  # 'the town of X'
        if noun.lemma_.lower() in lex.word_levels and not tree.is_root(noun):
            t = noun
    return t.dep_ == "pobj" and not tree.is_root(t) and tree.head(t).lower_ in lex.locative_preps


def place_inside(art: ArticleEvents, country, mentions: list[Mention]):
    """A place of the country named in a locative phrase of a mention's sentence or the
    ones next to it, the nearest sentence first."""
    tree, lex = art.tree, art.lex
    iso = country.attributes.iso_alpha2
    for m in mentions:
        for sj in (m.sent_i, m.sent_i - 1, m.sent_i + 1):
            for e, root in art.sent_entities.get(sj, ()):
                if e.type == "PLACE" and locative(art, root) and e.attributes.country_code in (iso, None):
                    return e
    return None


def event_country(art: ArticleEvents, everything: list[Mention]):
    """An election, a protest, an arrest or a disaster that names no place happened in
    its country: the one country among its participants, else the article's country
    (the one it names most, at least twice)."""
    countries = {e.id: e for m in everything for _, e in m.participants if e.type == "COUNTRY"}
    if len(countries) == 1:
        return next(iter(countries.values()))
    if countries:
        return None
    counts = [(len(e.mentions), e) for e in art.entities if e.type == "COUNTRY" and len(e.mentions) >= 2]
    if not counts:
        return None
    best = max(n for n, _ in counts)
    top = [e for n, e in counts if n == best]
    return top[0] if len(top) == 1 else None


def share_with_talks(art: ArticleEvents, clusters: list, events: list) -> None:
    """A deal or a release and the talks told with it (in its sentences or the ones next
    to them) share a place and a mediator: the deal was reached where the talks were held,
    with the help that made them (a mediator who took part in the talks stays a side)."""
    for c, ev in zip(clusters, events):
        if c.type not in art.lex.talks_lead_to:
            continue
        told = {m.sent_i + k for m in c.mentions for k in (-1, 0, 1)}
        talks = [other for oc, other in zip(clusters, events) if oc.type == "MEETING" and other.modality == ev.modality
                 and any(m.sent_i in told for m in oc.mentions)]
        for other in talks:
            if ev.location is None and other.location is not None:
                ev.location = other.location.model_copy()
            if ev.mediator is None and other.mediator is not None and c.type in art.lex.mediated_types:
                ev.mediator = other.mediator.model_copy()
            elif other.mediator is None and ev.mediator is not None and all(
                    p.entity_id != ev.mediator.entity_id for p in other.participants):
                other.mediator = ev.mediator.model_copy()
