"""Operation reports and press releases, written for these tests: the figures of
security-force, disaster and relief statements, whose governing verb or noun is
often far from the figure, comes first ("resulted in the death of"), or is left
out ("another arrested"). Each row: one claim the sentence must give."""
from __future__ import annotations

import pytest

from .docs import claims_of, find

RELEASES = [
    # sentence, value, unit, qualifier, category
    ("Security forces detained two suspected insurgents during a search operation in the district.",
     2, "insurgent", "exact", "DETAINED"),
    ("The operation resulted in the death of ten militants, the army said in a statement.",
     10, "militant", "exact", "KILLED"),
    ("One insurgent was killed and another arrested during the raid.", 1, "insurgent", "exact", "KILLED"),
    ("Troops neutralized 13 terrorists and arrested nine others in the northeast.", 13, "terrorist", "exact", "KILLED"),
    ("Troops neutralized 13 terrorists and arrested nine others in the northeast.", 9, "terrorist", "exact", "DETAINED"),
    ("Police said 12 people were taken into custody after the clashes.", 12, "person", "exact", "DETAINED"),
    ("Soldiers picked up three youths for questioning near the border post.", 3, "youth", "exact", "DETAINED"),
    ("The joint team apprehended four suspected kidnappers and rescued seven hostages.",
     4, "kidnapper", "exact", "DETAINED"),
    ("The joint team apprehended four suspected kidnappers and rescued seven hostages.",
     7, "hostage", "exact", "RELEASED"),
    ("The raid resulted in the arrest of five suspects and the recovery of two rifles.",
     5, "suspect", "exact", "DETAINED"),
    ("The raid resulted in the arrest of five suspects and the recovery of two rifles.", 2, "rifle", "exact", "OTHER"),
    ("Five militants were eliminated in an intelligence-based operation.", 5, "militant", "exact", "KILLED"),
    ("The gunfight left six militants dead and two soldiers injured.", 6, "militant", "exact", "KILLED"),
    ("The gunfight left six militants dead and two soldiers injured.", 2, "soldier", "exact", "WOUNDED"),
    ("Security personnel killed eight insurgents and destroyed three hideouts.", 3, "hideout", "exact", "AFFECTED"),
    ("Troops destroyed two armoured vehicles and captured a large cache of weapons.",
     2, "vehicle", "exact", "AFFECTED"),
    ("The army lost four trucks and two tanks in the ambush.", 4, "truck", "exact", "AFFECTED"),
    ("The army lost four trucks and two tanks in the ambush.", 2, "tank", "exact", "AFFECTED"),
    ("Forces disabled three infantry fighting vehicles near the village.",
     3, "infantry fighting vehicle", "exact", "AFFECTED"),
    ("Two soldiers were martyred and five others wounded in the attack.", 2, "soldier", "exact", "KILLED"),
    ("Two soldiers were martyred and five others wounded in the attack.", 5, "soldier", "exact", "WOUNDED"),
    ("Police arrested 23 suspects and seized 40 kilograms of heroin.", 40, "kilogram", "exact", "OTHER"),
    ("The militants abducted 15 passengers from a bus on the highway.", 15, "passenger", "exact", "DETAINED"),
    ("Seven suspected smugglers were held at a checkpoint.", 7, "smuggler", "exact", "DETAINED"),
    ("Troops rescued 18 kidnapped villagers during the operation.", 18, "villager", "exact", "RELEASED"),
    ("The air strikes killed at least 30 fighters, according to the military.", 30, "fighter", "at_least", "KILLED"),
    ("In the operation, 14 bandits were neutralised and 9 AK-47 rifles recovered.", 14, "bandit", "exact", "KILLED"),
    ("In the operation, 14 bandits were neutralised and 9 AK-47 rifles recovered.", 9, "rifle", "exact", "OTHER"),
    ("Security forces foiled the attack, killing two gunmen and arresting three.", 3, "gunman", "exact", "DETAINED"),
    ("The operation led to the capture of six commanders of the group.", 6, "commander", "exact", "DETAINED"),
    ("Police took 40 protesters into custody on Saturday.", 40, "protester", "exact", "DETAINED"),
    ("The floods forced 20,000 people from their homes.", 20000, "person", "exact", "DISPLACED"),
    ("Around 3,000 residents have been moved to relief camps.", 3000, "resident", "approximate", "DISPLACED"),
    ("The fire destroyed 120 houses and damaged 45 shops.", 45, "shop", "exact", "AFFECTED"),
    ("The army said it shot down four drones over the region.", 4, "drone", "exact", "AFFECTED"),
    ("Eleven soldiers lost their lives in the ambush.", 11, "soldier", "exact", "KILLED"),
    ("Officials said 25 people went missing after the boat capsized.", 25, "person", "exact", "AFFECTED"),
    ("Authorities handed over 6 detainees to their families on Monday.", 6, "detainee", "exact", "RELEASED"),
    ("Police recovered 300 pounds of explosives from the vehicle.", 300, "pound", "exact", "OTHER"),
    ("The government pledged 500 pounds in compensation to each family.", 500, "pound", "exact", "MONEY"),
    ("At least 50 people were killed and 80 injured, with 33 others missing.", 33, "person", "exact", "AFFECTED"),
    ("The casualties from the landslide increased to 25 on Thursday.", 25, "casualty", "exact", "KILLED"),
    ("Dozens of fighters were captured in the offensive.", None, "fighter", "approximate", "DETAINED"),
    ("Several dozen insurgents were killed in the clashes.", None, "insurgent", "approximate", "KILLED"),
    ("Gunmen took two engineers as hostages near the oil field.", 2, "engineer", "exact", "DETAINED"),
    ("There are 431 political prisoners in detention, the group said.", 431, "prisoner", "exact", "DETAINED"),
]


@pytest.mark.parametrize("sentence, value, unit, qualifier, category", RELEASES)
def test_press_release_figures(nlp, sentence, value, unit, qualifier, category):
    c = find(claims_of(nlp, sentence), value, unit)
    assert (c.qualifier, c.category) == (qualifier, category)


def test_another_counts_one_where_the_noun_is_left_out(nlp):
    cs = claims_of(nlp, "One insurgent was killed and another arrested during the raid.")
    assert [(c.value, c.unit, c.category, c.text) for c in cs] == [
        (1, "insurgent", "KILLED", "One insurgent"), (1, "insurgent", "DETAINED", "another arrested")]


@pytest.mark.parametrize("sentence", [
    "Another round of talks is planned.",          # "another" before a noun counts nothing
    "The convoy was stopped by another patrol.",
])
def test_another_before_a_noun_is_no_claim(nlp, sentence):
    assert claims_of(nlp, sentence) == []
