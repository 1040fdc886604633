"""Mentions merged into events: in a sentence, then across the article by type and date."""
from __future__ import annotations

from newsextract.components.events.arguments import fill
from newsextract.components.events.merging import can_create, cluster, fold, merge_in_sentence
from newsextract.components.events.triggers import find_mentions

P = (".", ".", "PUNCT", ".", "punct")
SWAP_DEAL = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 3), ("and", "and", "CCONJ", "CC", "cc", 0),
             ("Ukraine", "Ukraine", "PROPN", "NNP", "conj", 0), ("announced", "announce", "VERB", "VBD", "ROOT", 3),
             ("a", "a", "DET", "DT", "det", 7), ("prisoner", "prisoner", "NOUN", "NN", "compound", 6),
             ("swap", "swap", "NOUN", "NN", "compound", 7), ("deal", "deal", "NOUN", "NN", "dobj", 3), P + (3,)]


def test_a_compound_is_one_mention(article):
    art = article(SWAP_DEAL, {"Russia": ("COUNTRY", 0, 1), "Ukraine": ("COUNTRY", 2, 3)})
    mentions = find_mentions(art)
    fill(art, mentions)
    (m,) = merge_in_sentence(art, mentions)
    assert m.type == "PRISONER_EXCHANGE" and [x.type for x in m.merged] == ["AGREEMENT"]


def test_fold_keeps_the_strongest_reading(article):
    art = article(SWAP_DEAL)
    host, other = find_mentions(art)
    host.modality, host.generic, host.lede = "planned", True, False
    other.modality, other.generic, other.lede = "asserted", False, True
    fold(host, other)
    assert (host.modality, host.generic, host.lede) == ("asserted", False, True)
    assert host.merged == [other]


# Russia and Ukraine swapped prisoners in December. Another swap took place in January.
TWO_MONTHS = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3), ("and", "and", "CCONJ", "CC", "cc", 0),
    ("Ukraine", "Ukraine", "PROPN", "NNP", "conj", 0), ("swapped", "swap", "VERB", "VBD", "ROOT", 3),
    ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 3), ("in", "in", "ADP", "IN", "prep", 3),
    ("December", "December", "PROPN", "NNP", "pobj", 5), P + (3,),
    ("Another", "another", "DET", "DT", "det", 9), ("swap", "swap", "NOUN", "NN", "nsubj", 10),
    ("took", "take", "VERB", "VBD", "ROOT", 10), ("place", "place", "NOUN", "NN", "dobj", 10),
    ("in", "in", "ADP", "IN", "prep", 10), ("January", "January", "PROPN", "NNP", "pobj", 12), P + (10,),
]


def test_two_dates_two_events(article):
    art = article(TWO_MONTHS, {"Russia": ("COUNTRY", 0, 1), "Ukraine": ("COUNTRY", 2, 3)})
    mentions = find_mentions(art)
    fill(art, mentions)
    clusters = cluster(art, merge_in_sentence(art, mentions))
    assert [(c.type, c.date) for c in clusters] == [("PRISONER_EXCHANGE", "2022-12"), ("PRISONER_EXCHANGE", "2023-01")]


def test_a_war_needs_a_date_to_be_an_event(article):
    rows = [("The", "the", "DET", "DT", "det", 1), ("war", "war", "NOUN", "NN", "nsubj", 2),
            ("continues", "continue", "VERB", "VBZ", "ROOT", 2), P + (2,)]
    art = article(rows)
    (m,) = find_mentions(art)
    fill(art, [m])
    assert not can_create(art, m)


def _freed(place: str) -> list[tuple]:
    """'Troops freed 20 hostages in PLACE district.'"""
    return [("Troops", "troop", "NOUN", "NNS", "nsubj", 1), ("freed", "free", "VERB", "VBD", "ROOT", 1),
            ("20", "20", "NUM", "CD", "nummod", 3), ("hostages", "hostage", "NOUN", "NNS", "dobj", 1),
            ("in", "in", "ADP", "IN", "prep", 1), (place, place, "PROPN", "NNP", "compound", 6),
            ("district", "district", "NOUN", "NN", "pobj", 4), P + (1,)]


def _events(article, rows, entities, published="2023-02-04"):
    art = article(rows, entities, published=published)
    mentions = find_mentions(art)
    fill(art, mentions)
    return cluster(art, merge_in_sentence(art, mentions))


def test_two_districts_are_two_events(article):
    rows = _freed("Dara") + [(w, lem, pos, tag, dep, h + 8) for w, lem, pos, tag, dep, h in _freed("Kolu")]
    clusters = _events(article, rows, {"Dara district": ("PLACE", 5, 7), "Kolu district": ("PLACE", 13, 15)})
    assert [c.type for c in clusters] == ["RELEASE", "RELEASE"]


def test_the_same_district_twice_is_one_event(article):
    rows = _freed("Dara") + [(w, lem, pos, tag, dep, h + 8) for w, lem, pos, tag, dep, h in _freed("Dara")]
    clusters = _events(article, rows, {"Dara district": ("PLACE", 5, 7)})
    assert len(clusters) == 1


def test_a_separate_operation_is_another_event(article):
    first = _freed("Dara")
    # 'Troops freed 20 hostages in Dara district. Troops freed 20 hostages in Dara district in a separate operation.'
    second = [(w, lem, pos, tag, dep, h + 8) for w, lem, pos, tag, dep, h in _freed("Dara")]
    second[-1:] = [("in", "in", "ADP", "IN", "prep", 9), ("a", "a", "DET", "DT", "det", 18),
                   ("separate", "separate", "ADJ", "JJ", "amod", 18), ("operation", "operation", "NOUN", "NN", "pobj", 15),
                   P + (9,)]
    clusters = _events(article, first + second, {"Dara district": ("PLACE", 5, 7)})
    assert [c.type for c in clusters if c.type == "RELEASE"] == ["RELEASE", "RELEASE"]


# Russia and Ukraine swapped prisoners on Saturday. In December, prisoners were swapped.
WITHOUT_YEAR = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3), ("and", "and", "CCONJ", "CC", "cc", 0),
    ("Ukraine", "Ukraine", "PROPN", "NNP", "conj", 0), ("swapped", "swap", "VERB", "VBD", "ROOT", 3),
    ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 3), ("on", "on", "ADP", "IN", "prep", 3),
    ("Saturday", "Saturday", "PROPN", "NNP", "pobj", 5), P + (3,),
    ("In", "in", "ADP", "IN", "prep", 13), ("December", "December", "PROPN", "NNP", "pobj", 8),
    (",", ",", "PUNCT", ",", "punct", 13), ("prisoners", "prisoner", "NOUN", "NNS", "nsubjpass", 13),
    ("were", "be", "AUX", "VBD", "auxpass", 13), ("swapped", "swap", "VERB", "VBN", "ROOT", 13), P + (13,),
]


def test_without_a_publication_date_two_unresolved_dates_are_two_events(article):
    entities = {"Russia": ("COUNTRY", 0, 1), "Ukraine": ("COUNTRY", 2, 3)}
    clusters = _events(article, WITHOUT_YEAR, entities, published=None)
    assert [c.type for c in clusters] == ["PRISONER_EXCHANGE", "PRISONER_EXCHANGE"]
    assert all(c.dated and c.date is None for c in clusters)


def test_with_a_publication_date_the_dates_resolve(article):
    clusters = _events(article, WITHOUT_YEAR, {"Russia": ("COUNTRY", 0, 1), "Ukraine": ("COUNTRY", 2, 3)})
    assert [c.date for c in clusters] == ["2023-02-04", "2022-12"]
