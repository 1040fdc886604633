"""Segmentation: a line break always ends a segment, with or without a parser."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsextract.text.segments import is_line_break, line_starts, segment_index, segments

VOCAB = spacy.blank("en").vocab  # with the lexical attributes (is_space) of English


def make_doc(words: list[str], sent_starts: list[int] | None = None) -> Doc:
    """Words joined by single spaces, except before and after a whitespace token."""
    spaces = [not (w.isspace() or (i + 1 < len(words) and words[i + 1].isspace())) for i, w in enumerate(words)]
    spaces[-1] = False
    starts = None
    if sent_starts is not None:
        starts = [i in sent_starts for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, sent_starts=starts)


@pytest.mark.parametrize("words,sent_starts,expected", [
    # a headline without a full stop, then a paragraph the parser took as one sentence with it
    (["Talks", "end", "\n\n", "The", "envoys", "left", "."], [0], ["Talks end", "The envoys left ."]),
    # sentence borders of the parser are kept; the break token belongs to no segment
    (["One", ".", "Two", ".", "\n", "Three", "."], [0, 2, 4], ["One .", "Two .", "Three ."]),
    # whitespace-only pieces are dropped
    (["\n", "Body", "text", "\n\n"], [0], ["Body text"]),
    # a space that is not a line break does not cut
    (["A", "  ", "B"], [0], ["A  B"]),
    # no sentence starts at all: the lines alone
    (["KYIV", "\n", "Officials", "met", "."], None, ["KYIV", "Officials met ."]),
    # within a line a sentence ends only after sentence-final punctuation: a parser's cut
    # elsewhere is mended ...
    (["Talks", "\n\n", "Russia", "and", "Ukraine", "swapped", "63", "prisoners", "."], [0, 2, 3, 4],
     ["Talks", "Russia and Ukraine swapped 63 prisoners ."]),
    # ... but not one after punctuation: a full stop, a question mark, a closing quotation mark,
    # a dateline's dash
    (["It", "ended", "?", "Yes", ".", "\u201c", "Go", ".", "\u201d", "He", "left", "."], [0, 3, 5, 9],
     ["It ended ?", "Yes .", "\u201c Go . \u201d", "He left ."]),
    (["KYIV", "(", "AP", ")", "\u2014", "Russia", "struck", "."], [0, 5], ["KYIV ( AP ) \u2014", "Russia struck ."]),
    # ... and never across a line break
    (["Talks", "\n", "end"], [0, 2], ["Talks", "end"]),
])
def test_segments(words, sent_starts, expected):
    doc = make_doc(words, sent_starts)
    assert [s.text.strip() for s in segments(doc)] == expected


def test_segment_index_leaves_breaks_out():
    doc = make_doc(["Talks", "end", "\n\n", "Envoys", "left"], [0])
    assert segment_index(doc, segments(doc)) == [0, 0, -1, 1, 1]


@pytest.mark.parametrize("words,min_newlines,expected", [
    (["Headline", "\n", "Body", "."], 1, [2]),
    (["Headline", "\n", "Body", "\n\n", "Next", "."], 2, [4]),
    (["\n", "Body", "."], 1, [1]),         # the first word after a leading break
    (["A", "\n", " ", "B"], 1, [3]),       # a break followed by other whitespace
    (["A", "B", "."], 1, []),
])
def test_line_starts(words, min_newlines, expected):
    doc = make_doc(words)
    assert line_starts(doc, min_newlines) == expected


@pytest.mark.parametrize("text,newlines,expected", [("\n", 1, True), ("\n\n", 2, True), ("\n", 2, False), ("  ", 1, False)])
def test_is_line_break(text, newlines, expected):
    doc = make_doc(["A", text, "B"])
    assert is_line_break(doc[1], newlines) is expected


def test_segments_of_a_parsed_article(base_nlp):
    """With the statistical parser: a headline without a full stop is a segment of its own."""
    doc = base_nlp("Russia, Ukraine swap prisoners\n\nThe ministry said it was done. More came later.")
    assert [s.text for s in segments(doc)] == ["Russia, Ukraine swap prisoners", "The ministry said it was done.",
                                               "More came later."]
