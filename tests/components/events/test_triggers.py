"""Triggers on hand-built parses: lemmas with their context, dependency patterns,
elliptic mentions and captives on their way home."""
from __future__ import annotations

import pytest

from newsextract.components.events.triggers import find_mentions, match_pattern, match_rule

STRIKE_BY_WORKERS = [("Workers", "worker", "NOUN", "NNS", "nsubj", 1), ("went", "go", "VERB", "VBD", "ROOT", 1),
                     ("on", "on", "ADP", "IN", "prep", 1), ("strike", "strike", "NOUN", "NN", "pobj", 2),
                     (".", ".", "PUNCT", ".", "punct", 1)]
STRIKE_ON_A_CITY = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), ("launched", "launch", "VERB", "VBD", "ROOT", 1),
                    ("a", "a", "DET", "DT", "det", 3), ("strike", "strike", "NOUN", "NN", "dobj", 1),
                    ("on", "on", "ADP", "IN", "prep", 3), ("Kyiv", "Kyiv", "PROPN", "NNP", "pobj", 4),
                    (".", ".", "PUNCT", ".", "punct", 1)]


@pytest.mark.parametrize("rows,expected", [(STRIKE_BY_WORKERS, "PROTEST"), (STRIKE_ON_A_CITY, "ATTACK")])
def test_the_context_decides_the_type(article, rows, expected):
    art = article(rows)
    assert match_rule(art, art.doc[3], 0).type == expected


def _streets(place: str) -> list[tuple]:
    return [("Protesters", "protester", "NOUN", "NNS", "nsubj", 1), ("took", "take", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "ADP", "IN", "prep", 1), ("the", "the", "DET", "DT", "det", 4),
            (place, place.rstrip("s"), "NOUN", "NNS", "pobj", 2), (".", ".", "PUNCT", ".", "punct", 1)]


@pytest.mark.parametrize("place,expected", [("streets", ("PROTEST", "141")), ("hills", None)])
def test_a_dependency_path_is_a_trigger(article, place, expected):
    art = article(_streets(place))
    rule = match_pattern(art, art.doc[1])
    assert ((rule.type, rule.cameo) if rule else None) == expected


SWAP_THEN_TWO_MORE = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3), ("and", "and", "CCONJ", "CC", "cc", 0),
    ("Ukraine", "Ukraine", "PROPN", "NNP", "conj", 0), ("swapped", "swap", "VERB", "VBD", "ROOT", 3),
    ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 3), (".", ".", "PUNCT", ".", "punct", 3),
    ("Two", "two", "NUM", "CD", "nsubj", 8), ("more", "more", "ADJ", "JJR", "amod", 6),
    ("took", "take", "VERB", "VBD", "ROOT", 8), ("place", "place", "NOUN", "NN", "dobj", 8),
    ("in", "in", "ADP", "IN", "prep", 8), ("December", "December", "PROPN", "NNP", "pobj", 10),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def test_an_elliptic_mention_takes_the_type_told_before(article):
    mentions = find_mentions(article(SWAP_THEN_TWO_MORE))
    assert [(m.token.text, m.type) for m in mentions] == [("swapped", "PRISONER_EXCHANGE"), ("took", "PRISONER_EXCHANGE")]


def test_take_without_place_is_not_elliptic(article):
    rows = [r if r[0] != "place" else ("it", "it", "PRON", "PRP", "dobj", 8) for r in SWAP_THEN_TWO_MORE]
    assert [m.token.text for m in find_mentions(article(rows))] == ["swapped"]


def test_captives_coming_home_tell_a_release(article):
    rows = [("Freed", "free", "VERB", "VBN", "amod", 1), ("prisoners", "prisoner", "NOUN", "NNS", "nsubj", 2),
            ("arrived", "arrive", "VERB", "VBD", "ROOT", 2), ("home", "home", "ADV", "RB", "advmod", 2),
            (".", ".", "PUNCT", ".", "punct", 2)]
    (m,) = find_mentions(article(rows))
    assert (m.token.text, m.type, m.cameo) == ("arrived", "RELEASE", "0841")


def test_a_body_speaking_is_no_event(article):
    """'The conference said': the subject of an attribution verb is not a trigger."""
    rows = [("The", "the", "DET", "DT", "det", 1), ("conference", "conference", "NOUN", "NN", "nsubj", 2),
            ("said", "say", "VERB", "VBD", "ROOT", 2), ("so", "so", "ADV", "RB", "advmod", 2),
            (".", ".", "PUNCT", ".", "punct", 2)]
    assert find_mentions(article(rows)) == []


def test_cameo_by_lemma(article):
    rows = [("Gunmen", "gunman", "NOUN", "NNS", "nsubj", 1), ("kidnapped", "kidnap", "VERB", "VBD", "ROOT", 1),
            ("villagers", "villager", "NOUN", "NNS", "dobj", 1), (".", ".", "PUNCT", ".", "punct", 1)]
    kidnapping = [m for m in find_mentions(article(rows)) if m.token.text == "kidnapped"]
    assert [(m.type, m.cameo) for m in kidnapping] == [("ARREST", "181")]
