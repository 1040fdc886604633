"""Who mediated: cues in the event's sentences, and the MEDIATOR role of an entity."""
from __future__ import annotations

import pytest

from newsextract.components.events.mediation import cue_mediators, event_mediator, give_article_mediator, role_mediators
from newsextract.schema import EntityRef, Participant, PrisonerExchange

P = (".", ".", "PUNCT", ".", "punct")


def _brokered(negated: bool) -> list[tuple]:
    rows = [("The", "the", "DET", "DT", "det", 1), ("swap", "swap", "NOUN", "NN", "nsubjpass", 4),
            ("was", "be", "AUX", "VBD", "auxpass", 4), ("not", "not", "PART", "RB", "neg", 4),
            ("brokered", "broker", "VERB", "VBN", "ROOT", 4), ("by", "by", "ADP", "IN", "agent", 4),
            ("Qatar", "Qatar", "PROPN", "NNP", "pobj", 5), P + (4,)]
    if not negated:
        rows = [(w, lem, pos, tag, dep, h - (h > 3)) for k, (w, lem, pos, tag, dep, h) in enumerate(rows) if k != 3]
    return rows


@pytest.mark.parametrize("negated,expected", [(False, ["Qatar"]), (True, [])])
def test_brokered_by(article, negated, expected):
    rows = _brokered(negated)
    qatar = next(i for i, r in enumerate(rows) if r[0] == "Qatar")
    art = article(rows, {"Qatar": ("COUNTRY", qatar, qatar + 1)})
    assert [e.name for e in cue_mediators(art, 0)] == expected


def test_hyphenated_cue(article):
    rows = [("A", "a", "DET", "DT", "det", 4), ("Qatar", "Qatar", "PROPN", "NNP", "npadvmod", 3),
            ("-", "-", "PUNCT", "HYPH", "punct", 3), ("backed", "back", "VERB", "VBN", "amod", 4),
            ("deal", "deal", "NOUN", "NN", "nsubj", 5), ("held", "hold", "VERB", "VBD", "ROOT", 5), P + (5,)]
    art = article(rows, {"Qatar": ("COUNTRY", 1, 2)})
    assert [e.name for e in cue_mediators(art, 0)] == ["Qatar"]


ROLE_ROWS = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), ("swapped", "swap", "VERB", "VBD", "ROOT", 1),
             ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 1), P + (1,),
             ("Officials", "official", "NOUN", "NNS", "nsubj", 5), ("thanked", "thank", "VERB", "VBD", "ROOT", 5),
             ("Oman", "Oman", "PROPN", "NNP", "dobj", 5), P + (5,)]


def test_role_mediators_by_sentence_and_for_the_article(article):
    art = article(ROLE_ROWS, {"Russia": ("COUNTRY", 0, 1), "Oman": ("COUNTRY", 6, 7)}, roles={"Oman": ["MEDIATOR"]})
    by_sent, article_level = role_mediators(art)
    assert {si: e.name for si, e in by_sent.items()} == {1: "Oman"} and article_level == []
    art.entities[1].role_evidence = []
    assert role_mediators(art) == ({}, [art.entities[1]])


def test_event_mediator_only_for_mediated_types(article):
    art = article(ROLE_ROWS, {"Russia": ("COUNTRY", 0, 1), "Oman": ("COUNTRY", 6, 7)}, roles={"Oman": ["MEDIATOR"]})
    by_sent, _ = role_mediators(art)

    class Told:  # a mention told in the first sentence, with no cue of its own
        sent_i, mediators = 0, []

    assert event_mediator(art, "PRISONER_EXCHANGE", [Told], [Told], by_sent).name == "Oman"
    assert event_mediator(art, "ATTACK", [Told], [Told], by_sent) is None


def test_article_mediator_goes_to_the_main_story(article):
    art = article(ROLE_ROWS, {"Russia": ("COUNTRY", 0, 1), "Oman": ("COUNTRY", 6, 7)}, roles={"Oman": ["MEDIATOR"]})
    oman = art.entities[1]
    ev = PrisonerExchange(id="V1", trigger="swapped", modality="asserted",
                          participants=[Participant(entity_id="E1", name="Russia"), Participant(entity_id="E2", name="Oman")])
    give_article_mediator(art, [ev], [oman])
    assert ev.mediator == EntityRef(entity_id="E2", name="Oman")
    assert [p.name for p in ev.participants] == ["Russia"]
