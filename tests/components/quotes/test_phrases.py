"""Token helpers: the name key, the speaker phrase as written, titles cut off names."""
from __future__ import annotations

import pytest

from newsextract.components.quotes.phrases import children, lefts, norm_name, np_span, rights, strip_titles
from newsextract.components.quotes.tables import load_lexicon

from .handmade import build, said_quotes


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


def test_children_of_wide_subtrees_come_from_the_index_in_spacy_order():
    """A chain of clauses makes every verb's subtree span the rest of the Doc: past the
    width limit the children are read from an index, and must be spaCy's, in its order."""
    doc = said_quotes(30)
    assert doc[7].right_edge.i - doc[7].left_edge.i > 64
    for t in doc:
        assert [c.i for c in children(t)] == [c.i for c in t.children]
        assert [c.i for c in lefts(t)] == [c.i for c in t.lefts]
        assert [c.i for c in rights(t)] == [c.i for c in t.rights]
