"""Token helpers: the name key, the speaker phrase as written, titles cut off names."""
from __future__ import annotations

import pytest

from newsextract.components.quotes.phrases import norm_name, np_span, strip_titles
from newsextract.components.quotes.tables import load_lexicon

from .handmade import build


@pytest.mark.parametrize("name, key", [
    ("The Bishops’ Conference", "bishops conference"),
    ("Russia's defence ministry", "russia defence ministry"),
    ("U.N. Secretary-General", "un secretary general"),
    ("a spokesman", "spokesman"),
])
def test_norm_name(name, key):
    assert norm_name(name) == key


def _head_with_relative_clause():
    # "the official, who asked not to be named" -> "the official"
    return build([
        ("the", "DT", None, 1, "det", True),
        ("official", "NN", None, 6, "nsubj", False),
        (",", ",", None, 1, "punct", True),
        ("who", "PRP", None, 4, "nsubj", True),
        ("asked", "VBD", "ask", 1, "relcl", False),
        (",", ",", None, 6, "punct", True),
        ("said", "VBD", "say", None, "ROOT", False),
    ])


def test_speaker_phrase_stops_before_a_relative_clause():
    doc = _head_with_relative_clause()
    assert np_span(doc[1], load_lexicon()).text == "the official"


def test_titles_are_cut_off_a_name():
    doc = build([
        ("Foreign", "NNP", None, 2, "compound", True),
        ("Minister", "NNP", None, 2, "compound", True),
        ("Lavrov", "NNP", None, None, "ROOT", False),
    ])
    assert [t.text for t in strip_titles(list(doc), load_lexicon())] == ["Lavrov"]
