"""newsextract.pipeline: what `add_components` does to a pipeline besides adding the components."""
from __future__ import annotations

import pytest
import spacy

from newsextract.pipeline import split_abbreviation_hyphens


@pytest.mark.parametrize("text, tokens", [
    ("a U.N.-brokered deal", ["a", "U.N.", "-", "brokered", "deal"]),
    ("U.S.-led forces", ["U.S.", "-", "led", "forces"]),
    ("a Qatar-brokered swap", ["a", "Qatar", "-", "brokered", "swap"]),
    ("the U.S. economy", ["the", "U.S.", "economy"]),
    ("e-mail and well-known", ["e", "-", "mail", "and", "well", "-", "known"]),
])
def test_an_abbreviation_is_parted_from_the_word_its_hyphen_joins(text, tokens):
    nlp = spacy.blank("en")
    split_abbreviation_hyphens(nlp)
    split_abbreviation_hyphens(nlp)  # once is enough; twice changes nothing
    assert [t.text for t in nlp(text)] == tokens


def test_other_pipelines_keep_their_tokenizer():
    split_abbreviation_hyphens(spacy.blank("en"))
    assert [t.text for t in spacy.blank("en")("a U.N.-brokered deal")] == ["a", "U.N.-brokered", "deal"]


def test_the_mediator_of_an_abbreviation_brokered_deal_is_found(extractor):
    record = extractor.extract("The truce was extended under a U.N.-brokered deal between the warring "
                               "parties in Yemen on Tuesday.", published="2022-06-02")
    assert [e.name for e in record.entities if "MEDIATOR" in e.roles] == ["U.N."]
