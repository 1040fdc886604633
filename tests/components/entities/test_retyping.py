"""What the rest of the article says about a name (newsextract.components.entities.retyping
and the grouping in resolution): titled surnames, names listed with people, acronyms."""
from __future__ import annotations

import pytest

from ..lookup import find


def test_a_name_the_article_gives_a_title_is_a_person_throughout(run):
    ents = run('"Secretary Austin, thank you," Marcos said. Austin announced the aid on Monday.')
    austin = [e for e in ents if e.name == "Austin"]
    assert [e.type for e in austin] == ["PERSON"]


def test_a_name_listed_after_a_person_is_a_person(run):
    ent = find(run("President Evo Morales led the count. Both Morales and Mesa thanked voters."), "Mesa")
    assert ent is not None and ent.type == "PERSON"


@pytest.mark.parametrize("text, name, alias", [
    ("The aid will support the USAID (US Agency for International Development) programme.",
     "US Agency for International Development", "USAID"),
    ("Fighting continued in the Donetsk People’s Republic (DPR). The DPR said two villages were shelled.",
     "Donetsk People’s Republic", "DPR"),
    ("Qatar's Emir Sheikh Tamim bin Hamad Al-Thani spoke on Monday. Later Sheikh Tamim called the king.",
     "Tamim bin Hamad Al-Thani", "Tamim"),
])
def test_short_forms_join_their_entity(run, text, name, alias):
    ent = find(run(text), name)
    assert ent is not None and ent.name == name and alias in ent.aliases


@pytest.mark.parametrize("text, name", [
    ("Floodwater from River Alme cut the road.", "River Alme"),
    ("Rescuers reached Kessar Regency on Monday.", "Kessar Regency"),
])
def test_place_feature_words_make_a_place(run, text, name):
    ent = find(run(text), name)
    assert ent is not None and ent.type == "PLACE"


@pytest.mark.parametrize("text, capital", [
    ("Police detained protesters in central Minsk on Sunday.", "Minsk"),
    ("The government released 170 prisoners from Kabul's main prison.", "Kabul"),
    ('"Thank you, and welcome to Manila," the president said.', "Manila"),
])
def test_a_capital_where_things_happen_stays_a_place(run, text, capital):
    ent = find(run(text), capital)
    assert ent is not None and ent.type == "PLACE"


def test_an_untagged_name_inside_a_list_of_places_is_a_place(run):
    ents = run("The storm hit Satkhira, Bagerhat, Jhalakathi, Barishal and Patuakhali on Monday.")
    ent = find(ents, "Jhalakathi")
    assert ent is not None and ent.type == "PLACE"
