"""A trigger's participants, places and counts, from the entities and claims of its sentence."""
from __future__ import annotations

import pytest

from newsextract.components.events.arguments import claim_fits, demonym_sides, fill, is_attribution
from newsextract.components.events.triggers import find_mentions
from newsextract.schema import Evidence, NumericClaim

P = (".", ".", "PUNCT", ".", "punct")
# Russia attacked the town in Mali, Ukraine said.
ATTACK_REPORTED = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), ("attacked", "attack", "VERB", "VBD", "ccomp", 8),
    ("the", "the", "DET", "DT", "det", 3), ("town", "town", "NOUN", "NN", "dobj", 1),
    ("in", "in", "ADP", "IN", "prep", 3), ("Mali", "Mali", "PROPN", "NNP", "pobj", 4),
    (",", ",", "PUNCT", ",", "punct", 8), ("Ukraine", "Ukraine", "PROPN", "NNP", "nsubj", 8),
    ("said", "say", "VERB", "VBD", "ROOT", 8), P + (8,),
]
ENTITIES = {"Russia": ("COUNTRY", 0, 1), "Mali": ("COUNTRY", 5, 6), "Ukraine": ("COUNTRY", 7, 8)}


def test_participants_places_and_who_only_reports(article):
    art = article(ATTACK_REPORTED, ENTITIES)
    mentions = find_mentions(art)
    fill(art, mentions)
    (m,) = mentions
    assert [e.name for _, e in m.participants] == ["Russia"]        # Ukraine only says so
    assert [e.name for *_, e in m.locations] == ["Mali"]             # where, not who


@pytest.mark.parametrize("entity,expected", [(7, True), (0, False)])
def test_is_attribution(article, entity, expected):
    art = article(ATTACK_REPORTED, ENTITIES)
    assert is_attribution(art, art.doc[entity], art.doc[1]) is expected


def _claim(category: str, unit: str | None = None, currency: str | None = None) -> NumericClaim:
    span = dict(text="5", start=0, end=1)
    return NumericClaim(id="N1", value=5, unit=unit, category=category, currency=currency, evidence=Evidence(**span), **span)


@pytest.mark.parametrize("claim,etype,expected", [
    (_claim("KILLED", "people"), "ATTACK", True),
    (_claim("RELEASED", "prisoner"), "ATTACK", False),
    (_claim("OTHER", "soldiers"), "PRISONER_EXCHANGE", True),      # a counted noun of the type, plural
    (_claim("OTHER", "police officer"), "RELEASE", True),
    (_claim("OTHER", "tanks"), "PRISONER_EXCHANGE", False),
    (_claim("OTHER", "dollars", "USD"), "AID", True),               # money measures aid
])
def test_claim_fits(article, claim, etype, expected):
    assert claim_fits(article(ATTACK_REPORTED), claim, etype) is expected


def test_a_demonym_names_a_side(article):
    rows = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), ("is", "be", "AUX", "VBZ", "ROOT", 1),
            ("large", "large", "ADJ", "JJ", "acomp", 1), P + (1,),
            ("The", "the", "DET", "DT", "det", 6), ("Russian", "Russian", "ADJ", "JJ", "amod", 6),
            ("invasion", "invasion", "NOUN", "NN", "nsubj", 9), ("of", "of", "ADP", "IN", "prep", 6),
            ("Ukraine", "Ukraine", "PROPN", "NNP", "pobj", 7), ("began", "begin", "VERB", "VBD", "ROOT", 9), P + (9,)]
    art = article(rows, {"Russia": ("COUNTRY", 0, 1, "RU"), "Ukraine": ("COUNTRY", 8, 9, "UA")})
    assert [(d, e.name) for d, e in demonym_sides(art, art.doc[6])] == [(1, "Russia")]
