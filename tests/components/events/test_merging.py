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
