"""What is reported, and each participant's role from its relation to the trigger."""
from __future__ import annotations

import pytest

from newsextract.components.events.arguments import fill
from newsextract.components.events.records import keep, role, type_specific
from newsextract.components.events.mentions import Cluster
from newsextract.components.events.triggers import find_mentions
from newsextract.schema import Evidence, NumericClaim

P = (".", ".", "PUNCT", ".", "punct")
def _attack(article):
    """Chad attacked Mali with Sudan."""
    rows = [("Chad", "Chad", "PROPN", "NNP", "nsubj", 1), ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("Mali", "Mali", "PROPN", "NNP", "dobj", 1), ("with", "with", "ADP", "IN", "prep", 1),
            ("Sudan", "Sudan", "PROPN", "NNP", "pobj", 3), P + (1,)]
    art = article(rows, {"Chad": ("COUNTRY", 0, 1), "Mali": ("COUNTRY", 2, 3), "Sudan": ("COUNTRY", 4, 5)})
    mentions = find_mentions(art)
    fill(art, mentions)
    return art, mentions


@pytest.mark.parametrize("name,expected", [("Chad", "attacker"), ("Mali", "target"), ("Sudan", "participant")])
def test_roles_from_the_relation_to_the_trigger(article, name, expected):
    art, mentions = _attack(article)
    entity = next(e for e in art.entities if e.name == name)
    assert role(art, "ATTACK", entity, mentions) == expected


@pytest.mark.parametrize("etype,entity_type,expected", [
    ("ELECTION", "PERSON", "candidate"), ("ELECTION", "ORGANIZATION", "party"), ("ELECTION", "COUNTRY", "country"),
    ("PRISONER_EXCHANGE", "COUNTRY", "side"), ("AGREEMENT", "ORGANIZATION", "side"), ("MEETING", "PERSON", "participant"),
])
def test_roles_without_a_relation(article, etype, entity_type, expected):
    art, _ = _attack(article)

    class Someone:
        type = entity_type

    assert role(art, etype, Someone, []) == expected


def test_type_specific_fields_from_counts(article):
    art, _ = _attack(article)
    span = dict(text="5", start=0, end=1)
    killed = NumericClaim(id="N1", value=5, unit="people", category="KILLED", evidence=Evidence(**span), **span)
    assert type_specific(art, "ATTACK", [killed], []) == {"killed": 5}
    assert type_specific(art, "MEETING", [killed], []) == {}


def test_the_lede_is_reported_background_needs_a_date_or_a_count(article):
    art, mentions = _attack(article)
    (m,) = mentions
    assert keep(art, Cluster("ATTACK", "asserted", [m]))          # in the lede
    m.lede = False
    assert not keep(art, Cluster("ATTACK", "asserted", [m]))
