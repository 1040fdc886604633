"""Inputs that once broke newsextract, found by the property tests
(tests/test_properties.py) or by hand, kept as plain tests. Each row names the
module that failed and how; a new failure becomes a new row."""
from __future__ import annotations

import pytest

from test_properties import assert_deterministic, assert_record_invariants

# text, what went wrong (module: symptom)
CRASHES = [
    ("\ud800", "cleaning: a lone surrogate (JSON may carry one) reached the tokenizer: UnicodeEncodeError"),
    ("x \udfff y", "cleaning: lone low surrogate inside the text"),
    ('"a"b', "quotes: IndexError in _attribution (doc[close_i] past the end of a 2-token doc)"),
    ("'@'@", "quotes: IndexError in _attribution with single quotation marks"),
    ('"|"שלום', "quotes: IndexError in _attribution, quote closed by the last-but-one token"),
    ("1" * 310, "numeric_claims: OverflowError, int(float('inf')) for a 310-digit number"),
]


@pytest.mark.parametrize("text, why", CRASHES, ids=[why.split(":")[0] + f"-{i}" for i, (_, why) in enumerate(CRASHES)])
def test_no_crash_and_a_valid_record(extractor, text, why):
    record = extractor.extract(text)
    assert_record_invariants(record, text)
    assert_deterministic(extractor, text, record)


# normalization must be idempotent, so that a record's text can be fed back in
IDEMPOTENCE = [
    "ÂÂ x",          # "Â" doubled by repeated mis-decoding: one pass left "Â x"
    "A\u0303©",       # a decomposed "Ã" only became mojibake after NFC
    "â€â€œ™",        # a repaired "“" completes another wrong form ("â€“")
    "ÃÂ«©",          # a repaired "«" completes "Ã«"
]


@pytest.mark.parametrize("text", IDEMPOTENCE)
def test_record_text_fed_back_gives_the_same_record(extractor, text):
    first = extractor.extract(text)
    again = extractor.extract(first.text)
    assert again.model_dump_json() == first.model_dump_json()


def test_lone_surrogates_in_metadata_do_not_stop_a_run(extractor):
    """A JSONL row whose title holds "\\ud800" made the JSONL sink raise on write."""
    record = extractor.extract("Talks resumed in Doha.", id="id\udc00", title="\ud800", url="http://x/\udfff")
    assert (record.title, record.url) == ("\ufffd", "http://x/\ufffd")
    assert record.id.startswith("id\ufffd~")      # marked as changed: "id\ud800" gets another id
    record.model_dump_json().encode("utf-8")
