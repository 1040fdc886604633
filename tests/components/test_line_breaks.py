"""Line breaks start sentences, so a headline without a full stop stays its own sentence."""
from __future__ import annotations

import pytest
import spacy

import newsextract.components.line_breaks  # noqa: F401  (registers the factory)


@pytest.mark.parametrize("text,expected", [
    ("Russia and Ukraine swap prisoners\n\nThe exchange took place on Saturday.",
     ["Russia and Ukraine swap prisoners", "The exchange took place on Saturday."]),
    ("KYIV\nOfficials said the talks went well.", ["KYIV", "Officials said the talks went well."]),
    ("One sentence. Another one on the same line.", ["One sentence.", "Another one on the same line."]),
])
def test_line_breaks_start_sentences(nlp, text, expected):
    assert [s.text.strip() for s in nlp(text).sents] == expected


def test_added_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("newsextract_line_breaks") < names.index("parser")


def test_works_in_a_pipeline_without_parser():
    blank = spacy.blank("en")
    blank.add_pipe("newsextract_line_breaks")
    blank.add_pipe("sentencizer")
    doc = blank("Headline here\nBody text follows. Second one.")
    assert [s.text.strip() for s in doc.sents][0] == "Headline here"
