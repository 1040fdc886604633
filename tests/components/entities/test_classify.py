"""Typing candidates (newsextract.components.entities.classify and retyping): the
gazetteer and the context, ambiguous names, names the article explains, non-entities.
"""
from __future__ import annotations

import pytest

from ..lookup import find, typed


@pytest.mark.parametrize("text, name, etype", [
    ("Fighting raged around Bakhmut on Tuesday, and shelling hit Mariupol and Kherson.", "Mariupol", "PLACE"),
    ("Fighting raged around Bakhmut on Tuesday, and shelling hit Mariupol and Kherson.", "Kherson", "PLACE"),
    ("Fighting raged around Bakhmut on Tuesday, and shelling hit Mariupol and Kherson.", "Bakhmut", "PLACE"),
    ("Troops left Kyiv on Monday as the talks in Geneva stalled.", "Kyiv", "PLACE"),
    ("Ukraine and Russia traded accusations over the shelling.", "Ukraine", "COUNTRY"),
    ("The United Arab Emirates hosted the delegations.", "United Arab Emirates", "COUNTRY"),
    ("Protests spread across Hong Kong on Sunday.", "Hong Kong", "PLACE"),
    ("The International Committee of the Red Cross said the transfer went well.",
     "International Committee of the Red Cross", "ORGANIZATION"),
    ("Officials from the European Union met in Brussels.", "European Union", "ORGANIZATION"),
    ("Boko Haram fighters attacked the village, officials said.", "Boko Haram", "ORGANIZATION"),
    ("Ships were seen in the Black Sea near Crimea.", "Black Sea", "PLACE"),
])
def test_types_from_gazetteer_and_context(run, text, name, etype):
    ent = find(run(text), name)
    assert ent is not None, name
    assert ent.type == etype


def test_demonym_alone_is_not_a_country(run):
    ents = run("Russian soldiers and Ukrainian officers were among those freed on Saturday.")
    assert not any(e.type == "COUNTRY" for e in ents)


@pytest.mark.parametrize("text, absent", [
    ("The flight left at 9 am (0600 GMT) on Saturday, an official said.", "GMT"),
    ("President Joe Biden spoke on Jun 16 about the swap.", "Jun 16"),
    ("Aid Package To Nations Of Central Sahel Region Approved\n\nDonors met in Berlin.",
     "Aid Package To Nations Of Central Sahel Region"),
    ("The Presidential National Security Advisor spoke to reporters in Minsk.",
     "Presidential National Security Advisor"),
    ("Thousands of Nepalis spent the night in the open.", "Nepalis"),
    ("Hamas freed 17 hostages, including four Thai nationals.", "Thai"),
    ("KYIV, Ukraine (AP) — Missiles struck the city overnight.", "AP"),
    ("THIS IS HOW THE WAR ENDS\n\nThe talks resumed on Monday.", "IS"),
    ("Ukrainian servicemen fire a 2S7 Pion self-propelled gun toward Russian positions.", "Pion"),
])
def test_non_entities_are_dropped(run, text, absent):
    assert find(run(text), absent) is None


def test_byline_and_dateline_are_not_entities(run):
    text = ("Jane Whitfield\nAssociated Press\n\nMOSCOW (AP) — Russia said on Monday that it had "
            "freed 40 prisoners, and Ukraine confirmed the exchange.")
    ents = run(text)
    assert find(ents, "Jane Whitfield") is None
    assert find(ents, "Associated Press") is None and find(ents, "AP") is None
    assert find(ents, "MOSCOW") is None
    assert {("Russia", "COUNTRY"), ("Ukraine", "COUNTRY")} <= typed(ents)


def test_chrome_and_credits_blanked_by_the_cleaner_are_not_entities(extractor):
    text = ("Russia and Ukraine swap prisoners\n\nUkrainian soldiers return home. [Reuters/Handout]\n\n"
            "Ukraine and Russia exchanged prisoners on Saturday in a deal brokered by Qatar.\n")
    record = extractor(text)
    names = {e.name for e in record.entities}
    assert "Reuters" not in names and "Reuters/Handout" not in names
    assert {"Ukraine", "Russia", "Qatar"} <= names


# ------------------------------------------------------------------ ambiguity

def test_georgia_the_us_state(run):
    ents = run("Voters lined up in Atlanta, Georgia, on Tuesday. Officials in Savannah and across "
               "the United States reported long queues.")
    georgia = find(ents, "Georgia")
    assert georgia.type == "PLACE" and georgia.attributes.country_code == "US"
    assert any(a.startswith("COUNTRY:Georgia") for a in georgia.attributes.alternatives)
    assert georgia.confidence < 0.95


def test_georgia_the_country(run):
    ents = run("Georgia and Russia fought a brief war in 2008. Tbilisi still accuses Moscow of occupying "
               "Abkhazia.")
    georgia = find(ents, "Georgia")
    assert georgia.type == "COUNTRY" and georgia.attributes.iso_alpha2 == "GE"
    assert any(a.startswith("PLACE:Georgia") for a in georgia.attributes.alternatives)


def test_jordan_the_country_and_jordan_the_person(run):
    country = find(run("Jordan opened its border with Syria on Monday."), "Jordan")
    assert country.type == "COUNTRY" and country.attributes.iso_alpha2 == "JO"
    person = find(run("Team captain Michael Jordan scored 40 points. Jordan later thanked the fans."), "Jordan")
    assert person.type == "PERSON" and person.name == "Michael Jordan"


def test_surname_the_model_took_for_a_place(run):
    ents = run("EU foreign policy chief Josep Borrell arrived on Monday. Borrell met the ministers.")
    borrell = find(ents, "Borrell")
    assert borrell.type == "PERSON" and borrell.name == "Josep Borrell"


def test_city_then_state(run):
    georgia = find(run("The storm hit Savannah, Georgia, on Sunday."), "Georgia")
    assert georgia.type == "PLACE" and georgia.attributes.country_code == "US"
