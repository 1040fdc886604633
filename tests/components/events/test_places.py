"""Where an event happened: a locative phrase, the place a hazard struck, the country."""
from __future__ import annotations

from newsextract.components.events.arguments import fill
from newsextract.components.events.places import event_country, event_place
from newsextract.components.events.triggers import find_mentions

P = (".", ".", "PUNCT", ".", "punct")


def _mentions(art):
    mentions = find_mentions(art)
    fill(art, mentions)
    return mentions


def test_the_country_an_earthquake_struck_is_its_place(article):
    """'An earthquake struck Norland.'"""
    rows = [("An", "an", "DET", "DT", "det", 1), ("earthquake", "earthquake", "NOUN", "NN", "nsubj", 2),
            ("struck", "strike", "VERB", "VBD", "ROOT", 2), ("Norland", "Norland", "PROPN", "NNP", "dobj", 2), P + (2,)]
    art = article(rows, {"Norland": ("COUNTRY", 3, 4)})
    ms = [m for m in _mentions(art) if m.type == "DISASTER"]
    assert event_place(art, "DISASTER", ms, ms).name == "Norland"


def test_an_election_naming_no_place_is_held_in_its_country(article):
    """'Norland voted on Sunday.'"""
    rows = [("Norland", "Norland", "PROPN", "NNP", "nsubj", 1), ("voted", "vote", "VERB", "VBD", "ROOT", 1),
            ("in", "in", "ADP", "IN", "prep", 1), ("an", "an", "DET", "DT", "det", 4),
            ("election", "election", "NOUN", "NN", "pobj", 2), P + (1,)]
    art = article(rows, {"Norland": ("COUNTRY", 0, 1)})
    ms = [m for m in _mentions(art) if m.type == "ELECTION"]
    assert ms and event_country(art, ms).name == "Norland"
    assert event_place(art, "ELECTION", ms, ms).name == "Norland"


def test_an_attack_takes_no_country_it_does_not_name_as_its_place(article):
    rows = [("Norland", "Norland", "PROPN", "NNP", "nsubj", 1), ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("Sudara", "Sudara", "PROPN", "NNP", "dobj", 1), P + (1,)]
    art = article(rows, {"Norland": ("COUNTRY", 0, 1), "Sudara": ("COUNTRY", 2, 3)})
    ms = _mentions(art)
    assert event_place(art, "ATTACK", ms, ms) is None
