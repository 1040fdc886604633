"""Repairing the model's spans (newsextract.components.entities.repair): split names
joined, run-ons split, suffixes and titles.
"""
from __future__ import annotations

import pytest

from ..lookup import find


def test_split_name_is_joined(run):
    ents = run("The meeting was attended by European Commission President Ursula von der Leyen and "
               "other officials.")
    person = find(ents, "Ursula von der Leyen")
    assert person is not None and person.type == "PERSON"
    assert "President" in person.attributes.titles
    assert person.attributes.gender == "female"
    assert find(ents, "Leyen") is person or find(ents, "Leyen") is None


@pytest.mark.parametrize("text, person, other", [
    ("The decree was signed by the Head of the Constitutional Court Petr Miklashevich.",
     "Petr Miklashevich", "Constitutional Court"),
    ("UN Special Envoy for Syria Staffan de Mistura welcomed the ceasefire.", "Staffan de Mistura", "Syria"),
    ("CBS News' Rakesh Thapa said he felt the earth shake.", "Rakesh Thapa", "CBS News"),
    ("The results were read out by EC chairperson Charlotte Osei in Accra.", "Charlotte Osei", None),
])
def test_run_on_spans_are_split_into_body_and_person(run, text, person, other):
    ents = run(text)
    p = find(ents, person)
    assert p is not None and p.type == "PERSON" and p.name == person
    if other:
        assert find(ents, other) is not None and find(ents, other).type != "PERSON"


def test_place_suffix_is_part_of_the_name(run):
    ents = run("Heavy fighting continued in the eastern Donetsk region on Friday.")
    place = find(ents, "Donetsk region")
    assert place is not None and place.type == "PLACE"
    assert place.attributes.country_code == "UA" and place.attributes.feature_kind == "region"
    assert place.attributes.latitude is None


def test_region_named_after_its_city(run):
    ents = run("Shelling hit villages in Idlib province overnight. The Kathmandu Valley was spared.")
    idlib = find(ents, "Idlib province")
    assert idlib.type == "PLACE" and idlib.attributes.country_code == "SY" and idlib.attributes.feature_kind == "region"
    valley = find(ents, "Kathmandu Valley")
    assert valley is not None and valley.type == "PLACE"


def test_curated_place_reading_first(run):
    gulf = find(run("Tankers were delayed in the Gulf on Monday."), "Gulf")
    assert gulf.type == "PLACE" and gulf.attributes.feature_kind == "water"


def test_facility_name(run):
    ents = run("Soldiers captured during the battle for the Azovstal steel plant were freed. "
               "Azovstal was the last stronghold.")
    plant = find(ents, "Azovstal steel plant")
    assert plant is not None and plant.type == "PLACE"
    assert find(ents, "Azovstal") is plant


def test_title_is_kept_apart_from_the_name(run):
    ents = run("Sheikh Mohammed bin Zayed Al Nahyan (MBZ) met President Vladimir Putin. MBZ thanked Putin.")
    mbz = find(ents, "Mohammed bin Zayed Al Nahyan")
    assert mbz.name == "Mohammed bin Zayed Al Nahyan"
    assert mbz.attributes.titles == ["Sheikh"] and mbz.attributes.gender == "male"
    assert "MBZ" in mbz.aliases
    putin = find(ents, "Vladimir Putin")
    assert putin.attributes.titles == ["President"] and "Putin" in putin.aliases


@pytest.mark.parametrize("text, name, etype", [
    ("Rebels of the Liberation and Justice Movement signed the deal.", "Liberation and Justice Movement",
     "ORGANIZATION"),
    ("The Treasury's Office of Foreign Assets Control targeted four officials.", "Office of Foreign Assets Control",
     "ORGANIZATION"),
    ("The ministers arrived at the House of Friendship in Almaty on Friday.", "House of Friendship", "ORGANIZATION"),
    ("The ministers arrived at the House of Friendship in Almaty on Friday.", "Almaty", "PLACE"),
    ("Head of the National Disaster Management Agency Suharyanto said 100 families would be moved.",
     "Suharyanto", "PERSON"),
    ("Head of the National Disaster Management Agency Suharyanto said 100 families would be moved.",
     "National Disaster Management Agency", "ORGANIZATION"),
    ("Somali President Hassan Sheikh Mohamud met the envoy.", "Hassan Sheikh Mohamud", "PERSON"),
    ("A rescue mission in the Baghlan-e Markazi district freed 34 people.", "Baghlan-e Markazi district", "PLACE"),
    ("Traders supplied weapons to militants in Damaturu LGA of Yobe State.", "Damaturu LGA", "PLACE"),
    ("The Iraqi Interior Ministry and al-Yarmuk hospital officials said the toll rose.", "al-Yarmuk hospital",
     "PLACE"),
    ("Dust storms swept the Sahara - for years a smuggling route.", "Sahara", "PLACE"),
    # the verb of an inverted attribution is no part of the name; the given name Said is
    ("Economist Mark Novak studied the budget. Said Novak: “It is a mess.”", "Mark Novak", "PERSON"),
    ("Said Jalili, the negotiator, arrived in Vienna on Monday.", "Said Jalili", "PERSON"),
])
def test_name_boundaries(run, text, name, etype):
    ent = find(run(text), name)
    assert ent is not None and ent.type == etype, name


def test_two_companies_joined_by_and_stay_two(run):
    ents = run("Tyndall Mining Ltd and Orion Metals Ltd reported profits.")
    assert find(ents, "Tyndall Mining Ltd") is not None
    assert not any(" and " in e.name for e in ents)


def test_an_inverted_speech_verb_is_cut_off_the_name(run):
    ents = run("Economist Mark Novak studied the budget. Said Novak: “It is a mess.”")
    assert [e.name for e in ents if e.type == "PERSON"] == ["Mark Novak"]
    assert not any("Said" in m.text for e in ents for m in e.mentions)
