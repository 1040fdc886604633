"""The parse cut at segment borders: heads, children and distances stay in one line."""
from __future__ import annotations

import pytest

import spacy
from spacy.tokens import Doc

from newsextract.text.tree import LocalTree

VOCAB = spacy.blank("en").vocab


def build_doc(rows: list[tuple]) -> Doc:
    """A parsed Doc from (word, lemma, pos, tag, dep, head index) rows."""
    return Doc(VOCAB, words=[r[0] for r in rows], spaces=[not r[0].isspace() for r in rows],
               lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], tags=[r[3] for r in rows],
               deps=[r[4] for r in rows], heads=[r[5] for r in rows])

ATTACK = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
          ("the", "the", "DET", "DT", "det", 3), ("town", "town", "NOUN", "NN", "dobj", 1),
          (".", ".", "PUNCT", ".", "punct", 1)]
# a headline the parse hung on the verb of the paragraph after it
HEADLINE = [("Talks", "talk", "NOUN", "NNS", "nsubj", 1), ("end", "end", "VERB", "VBP", "ccomp", 4),
            ("\n\n", "\n\n", "SPACE", "_SP", "dep", 1), ("Envoys", "envoy", "NOUN", "NNS", "nsubj", 4),
            ("left", "leave", "VERB", "VBD", "ROOT", 4)]


@pytest.mark.parametrize("a,b,expected", [(0, 1, 1), (0, 3, 2), (1, 1, 0), (2, 0, 3)])
def test_tree_distance(a, b, expected):
    doc = build_doc(ATTACK)
    assert LocalTree(doc).distance(doc[a], doc[b]) == expected


def test_a_head_in_another_line_counts_as_none():
    doc = build_doc(HEADLINE)
    tree = LocalTree(doc)
    assert tree.is_root(doc[1]) and tree.dep(doc[1]) == "ROOT"
    assert [t.text for t in tree.children(doc[4])] == ["Envoys"]
    assert tree.distance(doc[0], doc[4]) == 99
    assert tree.distance(doc[0], doc[1]) == 1


def test_depth_below_and_subtree():
    doc = build_doc(ATTACK)
    tree = LocalTree(doc)
    assert tree.depth_below(doc[2], doc[1]) == 2
    assert tree.depth_below(doc[1], doc[3]) == -1
    assert sorted(t.i for t in tree.subtree(doc[3])) == [2, 3]


def test_near_words_reach_the_noun_a_phrase_hangs_on():
    rows = [("prisoners", "prisoner", "NOUN", "NNS", "ROOT", 0), ("of", "of", "ADP", "IN", "prep", 0),
            ("war", "war", "NOUN", "NN", "pobj", 1)]
    doc = build_doc(rows)
    assert {"of", "prisoner", "prisoners"} <= LocalTree(doc).near_words(doc[2])


@pytest.mark.parametrize("a, b, expected", [(0, 3, [1]), (3, 0, [1]), (2, 0, [3, 1]), (1, 1, []), (0, 1, [])])
def test_the_tokens_between_two(a, b, expected):
    doc = build_doc(ATTACK)
    assert LocalTree(doc).between(doc[a], doc[b]) == expected
