"""Modality and genericity of a trigger, from the words governing it and its own children."""
from __future__ import annotations

import pytest

from newsextract.components.events.modality import is_generic, modality
from newsextract.components.events.triggers import find_mentions

P = (".", ".", "PUNCT", ".", "punct")

CASES = {
    "asserted": [("Rebels", "rebel", "NOUN", "NNS", "nsubj", 1), ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
                 ("the", "the", "DET", "DT", "det", 3), ("town", "town", "NOUN", "NN", "dobj", 1), P + (1,)],
    "negated": [("Rebels", "rebel", "NOUN", "NNS", "nsubj", 3), ("did", "do", "AUX", "VBD", "aux", 3),
                ("not", "not", "PART", "RB", "neg", 3), ("attack", "attack", "VERB", "VB", "ROOT", 3),
                ("the", "the", "DET", "DT", "det", 5), ("town", "town", "NOUN", "NN", "dobj", 3), P + (3,)],
    "hypothetical": [("Rebels", "rebel", "NOUN", "NNS", "nsubj", 2), ("could", "could", "AUX", "MD", "aux", 2),
                     ("attack", "attack", "VERB", "VB", "ROOT", 2), ("the", "the", "DET", "DT", "det", 4),
                     ("town", "town", "NOUN", "NN", "dobj", 2), P + (2,)],
    "planned": [("Rebels", "rebel", "NOUN", "NNS", "nsubj", 2), ("will", "will", "AUX", "MD", "aux", 2),
                ("attack", "attack", "VERB", "VB", "ROOT", 2), ("the", "the", "DET", "DT", "det", 4),
                ("town", "town", "NOUN", "NN", "dobj", 2), P + (2,)],
    # a governor that denies what it governs
    "negated by a governor": [("Officials", "official", "NOUN", "NNS", "nsubj", 1),
                              ("denied", "deny", "VERB", "VBD", "ROOT", 1), ("the", "the", "DET", "DT", "det", 3),
                              ("attack", "attack", "NOUN", "NN", "dobj", 1), P + (1,)],
    # the trigger's own modifier
    "planned by a modifier": [("The", "the", "DET", "DT", "det", 2), ("planned", "plan", "VERB", "VBN", "amod", 2),
                              ("attack", "attack", "NOUN", "NN", "nsubj", 3), ("failed", "fail", "VERB", "VBD", "ROOT", 3),
                              P + (3,)],
}


@pytest.mark.parametrize("case", list(CASES))
def test_modality(article, case):
    art = article(CASES[case])
    (m,) = [m for m in find_mentions(art) if m.token.lemma_ == "attack"]
    assert modality(art, m) == case.split()[0]


@pytest.mark.parametrize("rows,expected", [
    ([("Such", "such", "ADJ", "JJ", "amod", 1), ("attacks", "attack", "NOUN", "NNS", "nsubj", 2),
      ("are", "be", "AUX", "VBP", "ROOT", 2), ("rare", "rare", "ADJ", "JJ", "acomp", 2), P + (2,)], True),
    ([("Attacks", "attack", "NOUN", "NNS", "nsubj", 1), ("rose", "rise", "VERB", "VBD", "ROOT", 1), P + (1,)], True),
    ([("Two", "two", "NUM", "CD", "nummod", 1), ("attacks", "attack", "NOUN", "NNS", "nsubj", 2),
      ("hit", "hit", "VERB", "VBD", "ROOT", 2), ("Kyiv", "Kyiv", "PROPN", "NNP", "dobj", 2), P + (2,)], False),
    ([("Attacks", "attack", "NOUN", "NNS", "nsubj", 3), ("like", "like", "ADP", "IN", "prep", 0),
      ("this", "this", "PRON", "DT", "pobj", 1), ("are", "be", "AUX", "VBP", "ROOT", 3), ("rare", "rare", "ADJ", "JJ", "acomp", 3),
      P + (3,)], True),
])
def test_generic(article, rows, expected):
    art = article(rows)
    (m,) = [m for m in find_mentions(art) if m.token.lemma_ == "attack"]
    assert is_generic(art, m) is expected
