"""newsextract.pipeline: what `add_components` does to a pipeline besides adding the components."""
from __future__ import annotations

import pytest
import spacy

from newsextract.pipeline import add_tokenizer_infixes


@pytest.mark.parametrize("text, tokens", [
    ("a U.N.-brokered deal", ["a", "U.N.", "-", "brokered", "deal"]),
    ("U.S.-led forces", ["U.S.", "-", "led", "forces"]),
    ("a Qatar-brokered swap", ["a", "Qatar", "-", "brokered", "swap"]),
    ("the U.S. economy", ["the", "U.S.", "economy"]),
    ("e-mail and well-known", ["e", "-", "mail", "and", "well", "-", "known"]),
    ("Novak said,\u201cGo home.\u201d", ["Novak", "said", ",", "\u201c", "Go", "home", ".", "\u201d"]),
    ('She said:"We won."', ["She", "said", ":", '"', "We", "won", '.', '"']),
    ("crowds shouting\u201cStop\u201d", ["crowds", "shouting", "\u201c", "Stop", "\u201d"]),
    ("it is \u201cfine.\u201dHe left", ["it", "is", "\u201c", "fine", ".", "\u201d", "He", "left"]),
    ("don't, 5'10\" tall, 3:30, a,b", ["do", "n't", ",", "5'10", '"', "tall", ",", "3:30", ",", "a", ",", "b"]),
])
def test_the_tokenizer_parts_what_scraped_text_glues(text, tokens):
    nlp = spacy.blank("en")
    add_tokenizer_infixes(nlp)
    add_tokenizer_infixes(nlp)  # once is enough; twice changes nothing
    assert [t.text for t in nlp(text)] == tokens


def test_other_pipelines_keep_their_tokenizer():
    add_tokenizer_infixes(spacy.blank("en"))
    assert [t.text for t in spacy.blank("en")("a U.N.-brokered deal")] == ["a", "U.N.-brokered", "deal"]


def test_the_mediator_of_an_abbreviation_brokered_deal_is_found(extractor):
    record = extractor.extract("The truce was extended under a U.N.-brokered deal between the warring "
                               "parties in Yemen on Tuesday.", published="2022-06-02")
    assert [e.name for e in record.entities if "MEDIATOR" in e.roles] == ["U.N."]
