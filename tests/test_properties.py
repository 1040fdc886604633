"""Properties of `Extractor.extract` that hold for any text (hypothesis).

For every input drawn from tests/strategies.py (arbitrary hostile unicode, news
articles from small grammars, mutations of examples/):

* extraction never raises;
* `record.text == normalize(input)` and the JSON record carries it unchanged;
* every item with `start`/`end` (and every `x_start`/`x_end` pair) lies inside
  `record.text`, and where the item has the matching text, the text is
  `record.text[start:end]` (the record is walked generically, so new fields are
  covered without touching this file);
* ids are unique per section and every `entity_id`/`claim_id` resolves;
* the record validates against the published JSON Schema (`newsextract schema`);
* the same input gives the same record, alone or batched with other articles.

Profiles (chosen by the environment, not by tests/conftest.py):

    NEWSEXTRACT_HYPOTHESIS_PROFILE=ci    (default) bounded: about 30 s on 2 cores, 60 examples a test
    NEWSEXTRACT_HYPOTHESIS_PROFILE=long  2,000 examples a test, for local bug hunting (~1 h):
        NEWSEXTRACT_HYPOTHESIS_PROFILE=long pytest -q tests/test_properties.py
    HYPOTHESIS_PROFILE is read when NEWSEXTRACT_HYPOTHESIS_PROFILE is unset.

The profile is applied to these tests only (no global `load_profile`), so other
test modules keep their own hypothesis settings. Every failure hypothesis finds
is also kept as a plain test in tests/test_regressions.py.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import any_article, hostile_text, mojibake_soup, mutated_example, news_article

from newsextract.cleaning import clean, normalize
from newsextract.pipeline import text_hash
from newsextract.record import _cut_point
from newsextract.schema import ArticleRecord, json_schema

_COMMON = dict(deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
settings.register_profile("ci", max_examples=60, **_COMMON)
settings.register_profile("long", max_examples=2000, **_COMMON)
PROFILE_NAME = os.environ.get("NEWSEXTRACT_HYPOTHESIS_PROFILE") or os.environ.get("HYPOTHESIS_PROFILE") or "ci"
if PROFILE_NAME not in ("ci", "long"):
    PROFILE_NAME = "ci"
PROFILE = settings.get_profile(PROFILE_NAME)


def scaled(factor: float) -> settings:
    """The chosen profile with `factor` times its number of examples."""
    return settings(PROFILE, max_examples=max(1, int(PROFILE.max_examples * factor)))


# ---------------------------------------------------------------- the invariants

@lru_cache(maxsize=1)
def schema_validator():
    import jsonschema

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _walk(node, path="record"):
    """Every dict in the JSON form of a record, with its path."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def offset_problems(data: dict) -> list[str]:
    """Offsets outside the text, or an item's text differing from the text at its offsets."""
    text = data["text"]
    problems = []
    for path, node in _walk(data):
        if node is data:
            continue
        for key in node:
            if key != "start" and not key.endswith("_start"):
                continue
            prefix = key[: -len("start")]
            start, end = node[key], node.get(prefix + "end")
            if start is None and end is None:
                continue
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
                problems.append(f"{path}: {prefix}start/{prefix}end = {start}/{end} outside 0..{len(text)}")
                continue
            said = node.get(prefix + "text")
            if said is not None and said != text[start:end]:
                problems.append(f"{path}: {prefix}text {said!r} != text[{start}:{end}] {text[start:end]!r}")
    return problems


def reference_problems(data: dict) -> list[str]:
    """Duplicate ids in a section, or an entity/claim reference that resolves to nothing."""
    problems = []
    for section in ("entities", "numeric_claims", "quotes", "events"):
        ids = [item["id"] for item in data[section]]
        if len(ids) != len(set(ids)):
            problems.append(f"{section}: duplicate ids {sorted(i for i in set(ids) if ids.count(i) > 1)}")
    entity_ids = {e["id"] for e in data["entities"]}
    claim_ids = {c["id"] for c in data["numeric_claims"]}
    for path, node in _walk(data):
        if node.get("entity_id") is not None and node["entity_id"] not in entity_ids:
            problems.append(f"{path}: entity_id {node['entity_id']!r} is not an entity of the record")
        if node.get("claim_id") is not None and node["claim_id"] not in claim_ids:
            problems.append(f"{path}: claim_id {node['claim_id']!r} is not a numeric claim of the record")
    return problems


def assert_record_invariants(record: ArticleRecord, given_text: str) -> None:
    """Everything a user relies on for any record, whatever the input was."""
    assert isinstance(record, ArticleRecord)
    assert record.text == normalize(given_text)
    assert record.text_hash == text_hash(record.text)
    line = record.model_dump_json()
    data = json.loads(line)
    assert data["text"] == record.text, "the JSON record must carry the text unchanged"
    errors = sorted(schema_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    problems = offset_problems(data) + reference_problems(data)
    assert not problems, "\n".join(problems[:20])
    assert ArticleRecord.model_validate_json(line) == record


def assert_deterministic(extractor, text: str, first: ArticleRecord) -> None:
    again = extractor.extract(text)
    assert again.model_dump_json() == first.model_dump_json()


# ---------------------------------------------------------------- the properties

@scaled(2.0)
@given(text=hostile_text())
def test_any_unicode_gives_a_valid_record(extractor, text):
    record = extractor.extract(text)
    assert_record_invariants(record, text)
    assert_deterministic(extractor, text, record)


@scaled(1.0)
@given(text=news_article())
def test_news_like_text_gives_a_valid_record(extractor, text):
    record = extractor.extract(text)
    assert_record_invariants(record, text)
    assert_deterministic(extractor, text, record)


@scaled(1.0)
@given(text=mutated_example())
def test_mutated_examples_give_a_valid_record(extractor, text):
    record = extractor.extract(text)
    assert_record_invariants(record, text)
    assert_deterministic(extractor, text, record)


@scaled(1.0)
@given(text=st.one_of(news_article(), mutated_example(), hostile_text()), limit=st.integers(20, 3000))
def test_a_truncated_article_points_only_into_what_was_read(extractor, text, limit):
    """With a size limit, the record still holds the whole text, warns when it was
    cut, and every offset lies in the part that was analysed."""
    analysis = clean(text).analysis
    cut = _cut_point(analysis, limit) if len(analysis) > limit else len(analysis)
    saved = extractor.max_chars
    extractor.max_chars = limit
    try:
        record = extractor.extract(text)
    finally:
        extractor.max_chars = saved
    assert_record_invariants(record, text)
    assert ("text_truncated" in [w.code for w in record.warnings]) == (len(analysis) > limit)
    data = record.model_dump(mode="json")
    data.pop("regions")  # the cleaner's regions cover the whole text
    for path, node in _walk(data):
        for key in node:
            if (key == "end" or key.endswith("_end")) and isinstance(node[key], int) and node is not data:
                assert node[key] <= cut, f"{path}.{key} = {node[key]} beyond the {cut} characters analysed"


@scaled(0.25)
@given(texts=st.lists(any_article(), min_size=2, max_size=5))
def test_batching_does_not_change_records(extractor, texts):
    alone = [extractor.extract(t).model_dump_json() for t in texts]
    together = [r.model_dump_json() for r in extractor.pipe(texts, batch_size=2)]
    assert together == alone


@scaled(1.0)
@given(text=st.one_of(hostile_text(), mojibake_soup(), news_article()))
def test_normalize_is_idempotent_and_record_text_feeds_back(extractor, text):
    once = normalize(text)
    assert normalize(once) == once
    if len(once) < 400:  # feeding a record's text back in gives the same record text and items
        first = extractor.extract(text)
        again = extractor.extract(first.text)
        assert again.text == first.text
        assert again.model_dump_json() == first.model_dump_json()


@scaled(1.0)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_published_and_metadata_pass_through(extractor, text):
    record = extractor.extract(text or "x", id="a\x00'; DROP TABLE x;--", title=text, url=text,
                               published="2024-03-02")
    assert record.id == "a\x00'; DROP TABLE x;--"
    assert record.title == text and record.url == text
    assert record.published.date.isoformat() == "2024-03-02" and record.published.source == "given"


@pytest.mark.parametrize("strategy", [hostile_text(), news_article(), mutated_example()],
                         ids=["hostile", "news", "mutated"])
def test_strategies_produce_varied_text(strategy):
    """The strategies reach what they claim to (guards against a strategy that only yields '')."""
    seen = []

    @settings(max_examples=30, database=None, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(strategy)
    def collect(text):
        seen.append(text)

    collect()
    assert len({t for t in seen}) > 10
    assert any(len(t) > 50 for t in seen)
