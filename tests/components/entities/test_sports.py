"""Teams in team-sport stories (newsextract.components.entities.sports)."""
from __future__ import annotations

import pytest

from ..lookup import find

RESULTS = """SOCCER - NORTHERN LEAGUE RESULTS .

Results of matches played on Saturday :

Leeds 2 Hull 1
Bristol City 0 Stockport 0

Standings :

Leeds 5 3 1 1 9 4 10
Fixtures : Preston v Cardiff , Chester v Swansea

Leeds beat Hull in Leeds on Saturday , and Stockport drew at home .
"""


@pytest.mark.parametrize("name", ["Leeds", "Hull", "Bristol City", "Stockport", "Preston", "Cardiff", "Chester",
                                  "Swansea"])
def test_teams_named_after_cities_are_organizations(run, name):
    ents = run(RESULTS)
    assert any(e.type == "ORGANIZATION" and (e.name == name or name in e.aliases) for e in ents), name


def test_where_a_match_is_played_stays_a_place(run):
    ents = run(RESULTS)
    assert any(e.type == "PLACE" and e.name == "Leeds" for e in ents)


def test_no_teams_outside_sports_stories(run):
    ents = run("Hull 2 Leeds 1 was the score, the council said.\n\nFloods hit Leeds on Saturday.")
    assert find(ents, "Leeds").type == "PLACE"


def test_national_sides_and_scorers_keep_their_type(run):
    ents = run("SOCCER - WORLD CUP QUALIFIER .\n\nEthiopia 4 Uganda 1\n\nGoals were scored by Daniel Mekonnen .")
    assert find(ents, "Ethiopia").type == "COUNTRY" and find(ents, "Uganda").type == "COUNTRY"


@pytest.mark.parametrize("text, players", [
    ("TENNIS - RESULTS AT THE OPEN .\n\nPetr Novak ( Czech Republic ) beat David Hale ( U.S. ) 6-3 3-6 6-3\n",
     ["Petr Novak", "David Hale"]),
    ("SOCCER - NORTHERN LEAGUE SUMMARIES .\n\nLeeds 3 ( Varley 8th , Fogg 85th ) Hull 2\n", ["Varley", "Fogg"]),
    ("CRICKET - COUNTY SCOREBOARD .\n\nSaeed Khan c Marsh b Ireton 57\n", ["Saeed Khan", "Marsh", "Ireton"]),
])
def test_players_in_sports_tables_are_people(run, text, players):
    ents = run(text)
    for name in players:
        ent = find(ents, name)
        assert ent is not None and ent.type == "PERSON", name
