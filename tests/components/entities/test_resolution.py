"""Resolution within an article (newsextract.components.entities.resolution, references,
bodies): one entity per person, country, body or place.
"""
from __future__ import annotations

import pytest

from ..lookup import find


def test_surname_and_spelling_variant_are_one_person(run):
    ents = run("President Volodymyr Zelenskyy thanked the mediators. Zelenskyy said more swaps would follow. "
               "Zelensky added that 200 were still held.")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Volodymyr Zelenskyy"
    assert {"Zelenskyy", "Zelensky"} <= set(people[0].aliases)


def test_two_people_sharing_a_surname_stay_apart(run):
    ents = run("Alexander Lukashenko met reporters on Monday. His son Viktor Lukashenko was also there. "
               "Alexander Lukashenko later said the talks went well.")
    people = {e.name for e in ents if e.type == "PERSON"}
    assert {"Alexander Lukashenko", "Viktor Lukashenko"} <= people


def test_acronym_of_a_name_with_an_abbreviation(run):
    ents = run("The quake had a magnitude of 7.3, according to the U.S. Geological Survey. The USGS said "
               "aftershocks were likely.")
    usgs = find(ents, "USGS")
    assert usgs.type == "ORGANIZATION" and usgs.name == "U.S. Geological Survey"


def test_place_named_in_a_place_phrase(run):
    ents = run("Officials confirmed 26 deaths, 20 of them in the town of Charikot.")
    assert find(ents, "Charikot").type == "PLACE"


def test_acronym_defined_in_the_article(run):
    ents = run("The Yemen Red Crescent Society (YRCS) sent volunteers. The YRCS said 120 detainees were flown home.")
    org = find(ents, "Yemen Red Crescent Society")
    assert org.type == "ORGANIZATION" and "YRCS" in org.aliases
    assert sum(e.type == "ORGANIZATION" for e in ents) == 1


def test_country_reading_beats_a_small_town_of_the_same_name(run):
    ents = run("Colombia's government and the rebels signed a ceasefire in Havana. Cuba hosted the talks.")
    colombia = find(ents, "Colombia")
    assert colombia.type == "COUNTRY" and colombia.attributes.iso_alpha2 == "CO"


def test_country_name_acronym_and_description_are_one_country(run):
    ents = run("Ukraine released Russian soldiers in a deal brokered by the United Arab Emirates (UAE), "
               "officials said. The UAE has ties with both sides. It added that the deal was reached "
               "thanks to the mediation of the Gulf country.")
    uae = find(ents, "United Arab Emirates")
    assert uae.type == "COUNTRY" and uae.name == "United Arab Emirates"
    assert {"UAE", "Gulf country"} <= set(uae.aliases)
    assert uae.attributes.iso_alpha2 == "AE" and uae.attributes.iso_alpha3 == "ARE"
    assert sum(e.type == "COUNTRY" and e.attributes.iso_alpha2 == "AE" for e in ents) == 1


def test_capital_used_for_its_government_is_the_country(run):
    ents = run("Moscow said on Sunday that the exchange was complete. Ukraine and Russia have swapped "
               "prisoners before. Later the freed men were flown to Moscow on a military plane.")
    russia = find(ents, "Russia")
    assert russia.type == "COUNTRY" and "Moscow" in russia.aliases
    city = next(e for e in ents if e.type == "PLACE" and e.name == "Moscow")
    assert city.attributes.feature_kind == "capital" and city.attributes.country_code == "RU"
    assert len(city.mentions) == 1 and city.mentions[0].start > russia.mentions[0].start


@pytest.mark.parametrize("text, phrase, iso2", [
    ("Venezuela freed ten Americans, and the Venezuelan government said it released them.",
     "Venezuelan government", "VE"),
    ("The girls were freed after talks with the government of Nigeria.", "government of Nigeria", "NG"),
    ("Omani authorities received the two men on Saturday.", "Omani authorities", "OM"),
    ("The U.S. government thanked Qatar.", "U.S. government", "US"),
])
def test_government_is_an_alias_of_the_country(run, text, phrase, iso2):
    ents = run(text)
    country = next(e for e in ents if e.type == "COUNTRY" and e.attributes.iso_alpha2 == iso2)
    assert any(phrase in m.text for m in country.mentions)
    assert not any(e.type == "ORGANIZATION" and phrase in e.name for e in ents)


def test_government_bodies_and_generic_mentions(run):
    ents = run("Russia's defence ministry said 63 servicemen had returned. The ministry added that they "
               "were in good health. The Russian ministry did not call it an exchange.")
    ministry = [e for e in ents if e.type == "ORGANIZATION"]
    assert len(ministry) == 1
    assert ministry[0].name == "Russia's defence ministry" and ministry[0].attributes.country_code == "RU"
    assert len(ministry[0].mentions) == 3
    assert find(ents, "Russia").type == "COUNTRY"


def test_named_body_keeps_its_name_and_acronym(run):
    ents = run("Nigeria's Independent National Electoral Commission (INEC) declared the result. "
               "INEC said turnout was low.")
    inec = find(ents, "INEC")
    assert inec.name == "Independent National Electoral Commission" and inec.type == "ORGANIZATION"
    assert inec.attributes.country_code == "NG" and len(inec.mentions) == 3
    assert find(ents, "Nigeria").type == "COUNTRY"


def test_named_ministry_and_country_ministry_are_one_body(run):
    ents = run("The Ministry of Foreign Affairs announced the release. The UAE Foreign Ministry said the "
               "mediation succeeded.")
    orgs = [e for e in ents if e.type == "ORGANIZATION"]
    assert len(orgs) == 1 and len(orgs[0].mentions) == 2


def test_described_organization_is_an_alias_not_an_entity(run):
    ents = run("His father told Swedish news agency TT that the family was relieved.")
    assert [e.name for e in ents if e.type == "ORGANIZATION"] == ["TT"]
