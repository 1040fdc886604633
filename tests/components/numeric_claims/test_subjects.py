"""subjects.py: antecedents of left-out nouns, and the entities modifiers name."""
from __future__ import annotations

from functools import partial

import pytest

from newsextract.components.numeric_claims.subjects import (
    entity_index,
    gapped,
    group_modifiers,
    link_modifier,
)
from newsextract.schema import Entity, EntityAttributes

from .docs import build, claims_of, find, lex


@pytest.mark.parametrize("text, value, unit, category", [
    ("At least 14 people, including two policemen, were killed and 30 others were injured.",
     30, "person", "WOUNDED"),
    ("Two policemen were killed and three sustained injuries.", 3, "policeman", "WOUNDED"),
    ("At least 23 people were injured and 11 were arrested.", 11, "person", "DETAINED"),
    ("The floods damaged 592,427 houses, of which 131,754 were completely destroyed.",
     131754, "house", "AFFECTED"),
    ("Russia said 63 Russian servicemen returned home. Ukraine said 116 Ukrainians came home. "
     "A majority of 87 of those freed were from the regular forces.", 87, "serviceman", "RELEASED"),
    ("The exchange freed 116 Ukrainian servicemen. At least 23 of the released were injured or sick.",
     23, "serviceman", "WOUNDED"),
    ("In September, more than 300 soldiers were swapped in the largest exchange of the war. "
     "Two more took place in December.", 2, "exchange", "OTHER"),
    ("Of the 120 detainees, 87 were freed on Monday.", 87, "detainee", "RELEASED"),
    ("14 killed in attack on pilgrims", 14, "person", "KILLED"),
    ("The floods displaced over 31 million across the country.", 31e6, "person", "DISPLACED"),
    ("Officials said 5,894 people had died in Turkey and 1,932 in Syria.", 1932, "person", "KILLED"),
    ("Police arrested 45 protesters, and about a dozen more were detained overnight.", 12, "protester",
     "DETAINED"),
])
def test_left_out_nouns_take_the_antecedent(nlp, text, value, unit, category):
    c = find(claims_of(nlp, text), value, unit)
    assert c.category == category


def test_modifiers_link_to_entities():
    ents = [
        Entity(id="E1", name="Russia", type="COUNTRY", attributes=EntityAttributes(iso_alpha2="RU")),
        Entity(id="E2", name="Netherlands", type="COUNTRY", aliases=["Holland"],
               attributes=EntityAttributes(iso_alpha2="NL")),
        Entity(id="E3", name="Boko Haram", type="ORGANIZATION"),
        Entity(id="E4", name="Soviet Union", type="COUNTRY"),
    ]
    index = entity_index(ents)
    link = partial(link_modifier, demonyms=lex().demonyms, modifier_names=lex().modifier_names)
    assert link("Russian", index) == "E1"
    assert link("Russians", index) == "E1"
    assert link("Dutch", index) == "E2"       # the kernel's demonym table, by ISO code
    assert link("Boko Haram", index) == "E3"
    assert link("Soviet", index) == "E4"      # not a country demonym: the component's own table
    assert link("Ukrainian", index) is None
    assert link("Russian", {}) is None


def test_entity_index_keys_names_aliases_and_mentions_first_entity_wins():
    ents = [Entity(id="E1", name="The United States", type="COUNTRY", aliases=["U.S."]),
            Entity(id="E2", name="United States", type="COUNTRY")]
    assert entity_index(ents) == {"united states": "E1", "us": "E1"}  # keyed by the kernel name_key


def test_claim_modifiers_carry_entity_ids(nlp):
    component = nlp.get_pipe("newsextract_numeric_claims")
    doc = nlp("Ukraine freed 63 Russian servicemen on Saturday.")
    doc._.ne_entities = [Entity(id="E7", name="Russia", type="COUNTRY")]
    component(doc)
    c = find(doc._.ne_claims, 63, "serviceman")
    assert [(m.text, m.entity_id) for m in c.modifiers] == [("Russian", "E7")]


def test_consecutive_proper_nouns_are_one_modifier():
    doc = build(["Boko", "Haram", "Nigerian", "fighters"], ["PROPN", "PROPN", "ADJ", "NOUN"])
    assert [m.text for m in group_modifiers(list(doc[:3]))] == ["Boko Haram", "Nigerian"]


@pytest.mark.parametrize("verb, lemma, expected", [
    ("reached", "reach", True),        # "bringing the total to 7,826"
    ("included", "include", True),
    ("arrested", "arrest", False),
])
def test_gapped_figures_have_no_verb_or_a_verb_of_totals(verb, lemma, expected):
    doc = build([verb], ["VERB"], lemmas=[lemma])
    assert gapped(lex(), doc[0]) is expected
    assert gapped(lex(), None)
