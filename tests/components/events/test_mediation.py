"""Who mediated an event: the mediators component's findings (doc._.ne_mediations)
given to the events of their sentences, and a MEDIATOR with no sentence to the main story."""
from __future__ import annotations

from newsextract.components.events.mediation import event_mediator, give_article_mediator, sentence_mediators
from newsextract.components.mediators.mediations import Mediation
from newsextract.schema import EntityRef, Participant, PrisonerExchange

P = (".", ".", "PUNCT", ".", "punct")
ROWS = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), ("swapped", "swap", "VERB", "VBD", "ROOT", 1),
        ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 1), P + (1,),
        ("Officials", "official", "NOUN", "NNS", "nsubj", 5), ("thanked", "thank", "VERB", "VBD", "ROOT", 5),
        ("Oman", "Oman", "PROPN", "NNP", "dobj", 5), ("and", "and", "CCONJ", "CC", "cc", 6),
        ("Qatar", "Qatar", "PROPN", "NNP", "conj", 6), P + (5,)]
NAMES = {"Russia": ("COUNTRY", 0, 1), "Qatar": ("COUNTRY", 8, 9), "Oman": ("COUNTRY", 6, 7)}


def _second_sentence(art, status="actual", who=("Oman", "Qatar")):
    sent = art.sents[1]
    ids = {e.name: e.id for e in art.entities}
    art.doc._.ne_mediations = [Mediation(ids[n], status, sent.start_char, sent.end_char, "pattern") for n in who]


def test_findings_by_sentence_the_first_named_first(article):
    art = article(ROWS, NAMES, roles={"Oman": ["MEDIATOR"], "Qatar": ["MEDIATOR"]})
    _second_sentence(art)
    by_sent, article_level = sentence_mediators(art.doc, art.sent_of, art.entities)
    assert {si: [e.name for e in es] for si, es in by_sent.items()} == {1: ["Qatar", "Oman"]}
    assert article_level == []


def test_a_proposed_mediation_names_no_mediator(article):
    art = article(ROWS, NAMES)
    _second_sentence(art, status="proposed")
    assert sentence_mediators(art.doc, art.sent_of, art.entities) == ({}, [])


def test_a_mediator_role_without_a_finding_is_the_article_s(article):
    art = article(ROWS, NAMES, roles={"Oman": ["MEDIATOR"]})
    art.doc._.ne_mediations = []
    assert sentence_mediators(art.doc, art.sent_of, art.entities) == ({}, [art.entities[2]])


def test_event_mediator_from_the_next_sentence_only_for_mediated_types(article):
    art = article(ROWS, NAMES)
    _second_sentence(art, who=("Oman",))
    art.mediators_by_sent, _ = sentence_mediators(art.doc, art.sent_of, art.entities)

    class Told:  # a mention told in the first sentence, with no mediator of its own
        sent_i, mediators = 0, []

    assert event_mediator(art, "PRISONER_EXCHANGE", [Told], [Told]).name == "Oman"
    assert event_mediator(art, "ATTACK", [Told], [Told]) is None


def test_article_mediator_goes_to_the_main_story(article):
    art = article(ROWS, NAMES, roles={"Oman": ["MEDIATOR"]})
    oman = art.entities[2]
    ev = PrisonerExchange(id="V1", trigger="swapped", modality="asserted",
                          participants=[Participant(entity_id="E1", name="Russia"), Participant(entity_id="E3", name="Oman")])
    give_article_mediator(art, [ev], [oman])
    assert ev.mediator == EntityRef(entity_id="E3", name="Oman")
    assert [p.name for p in ev.participants] == ["Russia"]
