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


def _reported_by(verb: str, lemma: str) -> list[tuple]:
    """'The aid was VERB by Norland.'"""
    return [("The", "the", "DET", "DT", "det", 1), ("aid", "aid", "NOUN", "NN", "nsubjpass", 3),
            ("was", "be", "AUX", "VBD", "auxpass", 3), (verb, lemma, "VERB", "VBN", "ROOT", 3),
            ("by", "by", "ADP", "IN", "agent", 3), ("Norland", "Norland", "PROPN", "NNP", "pobj", 4), P + (3,)]


@pytest.mark.parametrize("verb,lemma,expected", [
    ("reported", "report", True),      # a kernel reporting verb: Norland is a source
    ("announced", "announce", False),  # performative: Norland gives the aid
    ("condemned", "condemn", True),    # judging: Norland takes no part
])
def test_reporting_verbs_from_the_kernel(article, verb, lemma, expected):
    art = article(_reported_by(verb, lemma), {"Norland": ("COUNTRY", 5, 6)})
    assert is_attribution(art, art.doc[5], art.doc[1]) is expected


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


# 'After fighting, envoys held talks with Kiir.'
AFTER_FIGHTING = [
    ("After", "after", "ADP", "IN", "prep", 4), ("fighting", "fighting", "NOUN", "NN", "pobj", 0),
    (",", ",", "PUNCT", ",", "punct", 4), ("envoys", "envoy", "NOUN", "NNS", "nsubj", 4),
    ("held", "hold", "VERB", "VBD", "ROOT", 4), ("talks", "talk", "NOUN", "NNS", "dobj", 4),
    ("with", "with", "ADP", "IN", "prep", 5), ("Kiir", "Kiir", "PROPN", "NNP", "pobj", 6), P + (4,),
]


def test_an_entity_reached_through_another_trigger_is_that_one_s(article):
    art = article(AFTER_FIGHTING, {"Kiir": ("PERSON", 7, 8)})
    mentions = find_mentions(art)
    fill(art, mentions)
    parts = {m.type: [e.name for _, e in m.participants] for m in mentions}
    assert parts["ATTACK"] == [] and "Kiir" in parts["MEETING"]


# 'Frontier Corps said it was ready. Troops arrested five suspects.'
ARMED = [
    ("Frontier", "Frontier", "PROPN", "NNP", "compound", 1), ("Corps", "Corps", "PROPN", "NNP", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2), ("it", "it", "PRON", "PRP", "nsubj", 4),
    ("was", "be", "AUX", "VBD", "ccomp", 2), ("ready", "ready", "ADJ", "JJ", "acomp", 4), P + (2,),
    ("Troops", "troops", "NOUN", "NNS", "nsubj", 8), ("arrested", "arrest", "VERB", "VBD", "ROOT", 8),
    ("five", "five", "NUM", "CD", "nummod", 10), ("suspects", "suspect", "NOUN", "NNS", "dobj", 8), P + (8,),
]


def test_troops_stand_for_the_armed_body_named_before(article):
    art = article(ARMED, {"Frontier Corps": ("ORGANIZATION", 0, 2)})
    mentions = find_mentions(art)
    fill(art, mentions)
    (m,) = mentions
    assert [e.name for _, e in m.participants] == ["Frontier Corps"]


def test_a_passive_arrest_is_done_by_the_security_body_that_reports_it(article):
    """'Soldiers were detained, the Security Service said.'"""
    rows = [("Soldiers", "soldier", "NOUN", "NNS", "nsubjpass", 2), ("were", "be", "AUX", "VBD", "auxpass", 2),
            ("detained", "detain", "VERB", "VBN", "ccomp", 7), (",", ",", "PUNCT", ",", "punct", 7),
            ("the", "the", "DET", "DT", "det", 6), ("Security", "Security", "PROPN", "NNP", "compound", 6),
            ("Service", "Service", "PROPN", "NNP", "nsubj", 7), ("said", "say", "VERB", "VBD", "ROOT", 7), P + (7,)]
    art = article(rows, {"Security Service": ("ORGANIZATION", 5, 7)})
    mentions = find_mentions(art)
    fill(art, mentions)
    (m,) = mentions
    assert [e.name for _, e in m.participants] == ["Security Service"]
