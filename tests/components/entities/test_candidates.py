"""Which spans are candidate names (newsextract.components.entities.candidates):
headline words, event names, currencies, portfolio words before a title."""
from __future__ import annotations

import pytest

from ..lookup import find


@pytest.mark.parametrize("text, absent", [
    ("Cyclone Mira killed 12 people in the delta on Sunday.", "Cyclone Mira"),
    ("He praised the Defense Cooperation Agreement signed in March.", "Defense Cooperation Agreement"),
    ("The shilling fell against the US dollar this week.", "US"),
    ("Home Minister Raj Patel announced the aid on Friday.", "Home"),
    ("Devolution Cabinet Secretary Eugene Wamalwa said the toll rose.", "Devolution Cabinet"),
    ("Interior CS Fred Otieno said those who defied the curfew would be arrested.", "Interior"),
])
def test_non_names_are_dropped(run, text, absent):
    assert find(run(text), absent) is None


@pytest.mark.parametrize("text, absent, present", [
    ('She mourned the victims of tropical cyclones "Kira", "Leon" and "Marce" in the Philippines.', "Leon",
     "Philippines"),
    ("Typhoons Leon and Marce flooded the coast of Samar this week.", "Leon", None),
    ("Officials from Leon and Chinandega met in Managua on Monday.", None, "Leon"),
])
def test_names_listed_after_a_plural_storm_noun_are_storms(run, text, absent, present):
    """A storm named like a city ("Leon") is no place: its list opens with "cyclones"."""
    entities = run(text)
    assert absent is None or find(entities, absent) is None
    assert present is None or find(entities, present) is not None


def test_headline_words_known_nowhere_else_are_no_names(run):
    text = ("Governing Alliance Wins Vote by a Landslide\n\nThe governing alliance won the vote on Sunday, "
            "and its wins were celebrated in the capital, Phnom Penh.")
    ents = run(text)
    assert find(ents, "Governing Alliance") is None and find(ents, "Wins Vote") is None
    assert find(ents, "Phnom Penh") is not None


def test_a_line_of_names_is_no_headline(run):
    ents = run("Jordi Burillo ( Spain ) vs. Marcos Ondruska ( South Africa )")
    assert find(ents, "Jordi Burillo").type == "PERSON" and find(ents, "Marcos Ondruska").type == "PERSON"


def test_titled_people_keep_their_name(run):
    ents = run("Interior CS Fred Matiang’i said those who defied the curfew would be arrested.")
    assert find(ents, "Fred Matiang’i").type == "PERSON"
    assert find(ents, "CS Fred") is None


def test_the_portfolio_of_a_title_is_no_body(run):
    ents = run("State Minister for Disaster Management and Relief Karim Uddin said the toll rose.")
    assert find(ents, "Disaster Management") is None


def test_a_generic_body_before_its_name_is_not_part_of_it(run):
    ents = run("However, Elod Novak of the opposition party Our Homeland voted against the bill.")
    party = find(ents, "Our Homeland")
    assert party is not None and party.type == "ORGANIZATION"
