"""lemmas.py: singular forms and lemmas as the counted-noun rules compare them."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.lemmas import lower_lemma, singular

from .docs import build, lex


@pytest.mark.parametrize("word, single", [
    ("servicemen", "serviceman"), ("militias", "militia"), ("casualties", "casualty"), ("churches", "church"),
    ("boxes", "box"), ("russians", "russian"), ("crisis", "crisis"), ("bus", "bus"), ("glass", "glass"),
])
def test_singular(word, single):
    assert singular(word) == single


@pytest.mark.parametrize("word, pos, tag, lemma, expected", [
    ("people", "NOUN", "NNS", "people", "person"),     # a lemma fix from the table
    ("Marines", "PROPN", "NNPS", "Marines", "marine"),
    ("troops", "NOUN", "NNS", "troops", "troop"),
    ("soldiers", "NOUN", "NNS", "soldier", "soldier"),
])
def test_lower_lemma(word, pos, tag, lemma, expected):
    doc = build([word], [pos], tags=[tag], lemmas=[lemma])
    assert lower_lemma(lex(), doc[0]) == expected
