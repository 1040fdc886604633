"""Coordinates for small places from the GeoNames town index
(newsextract.components.entities.locating)."""
from __future__ import annotations

from newsextract.components.entities.locating import article_countries
from newsextract.schema import Entity, EntityAttributes, Mention

from ..lookup import find


def test_a_town_of_the_article_country_gets_coordinates(run):
    ent = find(run("Gunmen attacked an army camp in Niafunké, in northern Mali, on Sunday."),
               "Niafunké")
    assert ent.type == "PLACE" and ent.attributes.country_code == "ML"
    assert ent.attributes.feature_kind == "town"
    assert abs(ent.attributes.latitude - 15.93) < 0.1 and abs(ent.attributes.longitude + 3.99) < 0.1


def test_a_namesake_abroad_is_not_the_place_meant(run):
    ent = find(run("The meeting in Bali, Indonesia addressed trade."), "Bali")
    assert ent.type == "PLACE" and ent.attributes.country_code != "IN" and ent.attributes.latitude is None


def test_people_and_regions_get_no_point(run):
    ents = run("Secretary Austin arrived on Monday. Heavy fighting continued in the Kursk region.")
    assert find(ents, "Austin").type == "PERSON" and find(ents, "Austin").attributes.latitude is None
    assert find(ents, "Kursk region").attributes.latitude is None


def _entity(eid, etype, mentions, **attrs):
    return Entity(id=eid, name=eid, type=etype, attributes=EntityAttributes(**attrs),
                  mentions=[Mention(text=eid, start=i, end=i + 1) for i in range(mentions)])


def test_article_countries_most_mentioned_first():
    ents = [_entity("E1", "COUNTRY", 1, iso_alpha2="IN"), _entity("E2", "COUNTRY", 3, iso_alpha2="BD"),
            _entity("E3", "PLACE", 4, country_code="IN"), _entity("E4", "PERSON", 5)]
    assert article_countries(ents) == ["IN", "BD"]
