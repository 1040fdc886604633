"""_shared.py: the component's copies of kernel knowledge (quotation marks, segments,
name keys, demonyms), pinned to their behaviour until the kernel replaces them."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims._shared import norm_name, quote_ranges, segments

from .docs import build, lex


def test_quote_ranges_stay_within_a_paragraph():
    text = 'He said "30 were killed" and left.\n"An open quote\nNext paragraph.'
    ranges = quote_ranges(text)
    assert (text.index('"'), text.index('" and') + 1, True) in ranges
    assert all(text[s:e].count("\n") == 0 for s, e, _ in ranges)


@pytest.mark.parametrize("text, quoted", [
    ('He said \u201c30 died\u201d today.', ["\u201c30 died\u201d"]),
    ('\u201eZwei\u201d and \u00abtrois\u00bb', ["\u201eZwei\u201d", "\u00abtrois\u00bb"]),
    ('"open to the end\nnext', ['"open to the end']),
    ("it's 'single' quotes", []),
    ("", []),
])
def test_quote_ranges(text, quoted):
    assert [text[s:e] for s, e, _ in quote_ranges(text)] == quoted


def test_segments_cut_the_sentences_at_line_breaks():
    words = ["Headline", "\n\n", "Body", "text", ".", "More", "."]
    doc = build(words, ["NOUN", "SPACE", "NOUN", "NOUN", "PUNCT", "ADJ", "PUNCT"],
                spaces=[False, False, True, False, True, False, False])
    for i, tok in enumerate(doc):
        tok.is_sent_start = i in (0, 5)
    assert [s.text for s in segments(doc)] == ["Headline\n\n", "Body text.", "More."]


def test_segments_without_sentences_are_the_lines():
    doc = build(["one", "\n", "two"], ["NUM", "SPACE", "NUM"], spaces=[False, False, False])
    assert [s.text for s in segments(doc)] == ["one\n", "two"]


@pytest.mark.parametrize("name, key", [
    ("The  Netherlands", "netherlands"), ("Russia\u2019s", "russia"), ("U.S.", "u.s."), ("  Boko Haram ", "boko haram"),
    ("the", "the"), ("A Team", "a team"),
])
def test_norm_name(name, key):
    assert norm_name(name) == key


@pytest.mark.parametrize("word, countries", [("dutch", ["netherlands"]), ("russian", []), ("nobody", [])])
def test_demonyms(word, countries):
    assert all(c in lex().demonyms.countries(word) for c in countries)
    assert bool(lex().demonyms.countries(word)) == bool(countries)
