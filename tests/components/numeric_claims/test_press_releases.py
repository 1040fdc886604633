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
    ("Troops neutralized 17 terrorists and arrested six others in the northeast.", 17, "terrorist", "exact", "KILLED"),
    ("Troops neutralized 17 terrorists and arrested six others in the northeast.", 6, "terrorist", "exact", "DETAINED"),
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
    ("Police recovered 150 pounds of explosives from a van.", 150, "pound", "exact", "OTHER"),
    ("The government pledged 500 pounds in compensation to each family.", 500, "pound", "exact", "MONEY"),
    ("At least 50 people were killed and 80 injured, with 19 others missing.", 19, "person", "exact", "AFFECTED"),
    ("The casualties from the mudslide rose to 41 on Friday.", 41, "casualty", "exact", "KILLED"),
    ("Dozens of fighters were captured in the offensive.", None, "fighter", "approximate", "DETAINED"),
    ("Several dozen insurgents were killed in the clashes.", None, "insurgent", "approximate", "KILLED"),
    ("Gunmen took two engineers as hostages near the oil field.", 2, "engineer", "exact", "DETAINED"),
    ("There are now 275 political prisoners in detention, the group said.", 275, "prisoner", "exact", "DETAINED"),
    ("Two suspects were apprehended while three others escaped.", 2, "suspect", "exact", "DETAINED"),
    ("The clashes claimed the lives of 12 soldiers.", 12, "soldier", "exact", "KILLED"),
    ("Twelve soldiers were killed in action, and 20 sustained injuries.", 20, "soldier", "exact", "WOUNDED"),
    ("A total of 37 abductees were freed by the troops.", 37, "abductee", "exact", "RELEASED"),
    ("The troops also recovered 5 AK-47 rifles and 200 rounds of ammunition.", 200, "round", "exact", "OTHER"),
    ("Authorities confirmed the deaths of 14 miners.", 14, "miner", "exact", "KILLED"),
    ("Over 100 homes were razed in the attack.", 100, "home", "more_than", "AFFECTED"),
    ("The army announced the arrest of 45 suspected members of the group.", 45, "member", "exact", "DETAINED"),
    ("The death toll from the attack has climbed to 21.", 21, "death", "exact", "KILLED"),
    ("Security forces killed 7 terrorists and apprehended 4 in a raid.", 4, "terrorist", "exact", "DETAINED"),
    ("At least 3,000 families were displaced by the fighting.", 3000, "family", "at_least", "DISPLACED"),
    ("Twenty-six hostages regained freedom after the operation.", 26, "hostage", "exact", "RELEASED"),
    ("Nine kidnap victims were rescued unhurt.", 9, "kidnap victim", "exact", "RELEASED"),
    ("Some 40 suspects are still in police custody.", 40, "suspect", "approximate", "DETAINED"),
    ("The operation led to the neutralisation of 11 terrorists.", 11, "terrorist", "exact", "KILLED"),
    ("The operation led to the elimination of four terrorists.", 4, "terrorist", "exact", "KILLED"),
    ("The fighting has uprooted more than 10,000 people.", 10000, "person", "more_than", "DISPLACED"),
    ("The attackers torched 30 houses and stole 200 cattle.", 30, "house", "exact", "AFFECTED"),
    ("A mob lynched two men accused of theft.", 2, "man", "exact", "KILLED"),
    ("Police fired tear gas and arrested dozens of protesters.", None, "protester", "approximate", "DETAINED"),
    ("Ten soldiers went missing after the ambush.", 10, "soldier", "exact", "AFFECTED"),
    ("The blast wounded 14 people, three of them critically.", 3, "person", "exact", "WOUNDED"),
    ("In all, 62 fighters were captured and 11 killed.", 11, "fighter", "exact", "KILLED"),
    ("The navy intercepted two boats and detained 19 crew members.", 19, "crew member", "exact", "DETAINED"),
    ("The rebels ambushed a convoy, killing six soldiers and wounding nine.", 9, "soldier", "exact", "WOUNDED"),
    ("The court set free 12 activists on Tuesday.", 12, "activist", "exact", "RELEASED"),
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
