"""newsextract.spans: the shared per-Doc text and evidence helpers."""
import gc

import pytest
import spacy

from newsextract.spans import _DOC_TEXT, doc_text, evidence, evidence_between


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_doc_text_is_the_docs_text_and_is_dropped_with_the_doc(blank):
    doc = blank("  Talks resumed on Monday.\n\nNo deal was reached.  ")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # joined once
    del doc
    gc.collect()
    assert not any(d.text.startswith("  Talks") for d in list(_DOC_TEXT.keys()))


@pytest.mark.parametrize("text, start, end, expected", [
    ("  Talks resumed.  ", 0, 18, "Talks resumed."),
    ("Talks resumed.", 0, 14, "Talks resumed."),
    ("a \n\n b", 1, 5, ""),
])
def test_evidence_between_trims_whitespace_and_keeps_offsets(blank, text, start, end, expected):
    doc = blank(text)
    ev = evidence_between(doc, start, end)
    assert ev.text == expected
    assert text[ev.start:ev.end] == expected


def test_evidence_of_a_sentence_matches_its_text(blank):
    text = "Ukraine said 200 prisoners were freed. Russia confirmed it."
    doc = blank(text)
    for sent in doc.sents:
        ev = evidence(doc, sent)
        assert ev.text == sent.text.strip()
        assert text[ev.start:ev.end] == ev.text
