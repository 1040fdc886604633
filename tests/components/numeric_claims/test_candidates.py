"""candidates.py: which figures can be claims, on hand-built Docs."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.candidates import is_candidate, is_designation

from .docs import build, figure, lex


def candidate(doc) -> bool:
    span, a = figure(doc)
    return is_candidate(lex(), doc, span, a, doc.text)


@pytest.mark.parametrize("words, pos, expected", [
    (["Police", "arrested", "45", "protesters"], ["NOUN", "VERB", "NUM", "NOUN"], True),
    (["on", "June", "14"], ["ADP", "PROPN", "NUM"], False),                       # a month before
    (["on", "14", "June"], ["ADP", "NUM", "PROPN"], False),                       # a month after
    (["in", "2014"], ["ADP", "NUM"], False),                                      # a year
    (["a", "magnitude", "7.8", "quake"], ["DET", "NOUN", "NUM", "NOUN"], False),   # a measure cue
    (["measured", "7.8", "on", "the", "Richter", "scale"], ["VERB", "NUM", "ADP", "DET", "PROPN", "NOUN"], False),
    (["his", "son", ",", "aged", "12"], ["PRON", "NOUN", "PUNCT", "VERB", "NUM"], False),  # an age
    (["He", "was", "45", "years", "old"], ["PRON", "AUX", "NUM", "NOUN", "ADJ"], False),
    (["at", "1", "am"], ["ADP", "NUM", "NOUN"], False),                           # a time
    (["for", "24", "hrs"], ["ADP", "NUM", "NOUN"], False),                        # a duration (plurals: by the unit)
    (["the", "three-story", "building"], ["DET", "ADJ", "NOUN"], False),          # a descriptive measure
])
def test_candidates(words, pos, expected):
    assert candidate(build(words, pos)) is expected


def test_a_figure_inside_a_name_is_no_candidate():
    words, pos = ["the", "Boeing", "747", "jets"], ["DET", "PROPN", "NUM", "NOUN"]
    assert candidate(build(words, pos, ents=["O", "B-PRODUCT", "I-PRODUCT", "O"])) is False
    assert candidate(build(words, pos)) is True


def test_a_four_digit_figure_before_a_plural_noun_is_no_year():
    assert candidate(build(["killed", "2014", "soldiers"], ["VERB", "NUM", "NOUN"],
                           tags=["VBD", "CD", "NNS"])) is True


@pytest.mark.parametrize("words, pos, expected", [
    (["Resolution", "242", "called"], ["PROPN", "NUM", "VERB"], True),     # a series word first in the sentence
    (["the", "No.", "5", "bus"], ["DET", "NOUN", "NUM", "NOUN"], True),
    (["then", "Flight", "17", "fell"], ["ADV", "PROPN", "NUM", "VERB"], True),  # a name before
    (["then", "17", "fell"], ["ADV", "NUM", "VERB"], False),
])
def test_designations(words, pos, expected):
    doc = build(words, pos)
    span, _ = figure(doc)
    assert is_designation(lex(), doc, span) is expected
