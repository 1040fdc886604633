"""The relational layout derived from schema.py: tables, columns, keys, rows."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Optional

import pytest
from pydantic import BaseModel

from newsextract.io import tables
from newsextract.io.tables import LAYOUT, TABLES, LayoutError, iter_rows, safe_text
from newsextract.schema import Entity
from sink_records import LONG, expected_counts, hostile_record, leaf_strings, swap_record


@pytest.mark.parametrize("table, column, kind, nullable", [
    ("articles", "published_date", "date", True),
    ("articles", "text_hash", "text", False),
    ("entities", "name", "text", False),
    ("entities", "aliases", "json", False),
    ("entities", "attributes_country_code", "text", True),
    ("entities", "attributes_latitude", "float", True),
    ("mentions", "in_caption", "bool", False),
    ("numeric_claims", "evidence_start", "int", False),
    ("quotes", "speaker_name", "text", True),
    ("events", "type", "text", False),
    ("events", "mediator_name", "text", True),
    ("events", "released", "float", True),      # PrisonerExchange lacks it: nullable
    ("events", "amount", "float", True),
    ("event_participants", "role", "text", False),
    ("event_side_counts", "side_name", "text", False),
    ("entity_roles", "evidence_text", "text", False),
])
def test_columns_follow_the_schema(table, column, kind, nullable):
    col = next(c for c in TABLES[table].columns if c.name == column)
    assert (col.kind, col.nullable) == (kind, nullable)


@pytest.mark.parametrize("table, key, parent", [
    ("articles", ("id",), None),
    ("entities", ("article_id", "id"), "articles"),
    ("mentions", ("article_id", "entity_id", "ord"), "entities"),
    ("claim_modifiers", ("article_id", "claim_id", "ord"), "numeric_claims"),
    ("event_participants", ("article_id", "event_id", "ord"), "events"),
    ("warnings", ("article_id", "ord"), "articles"),
])
def test_keys_and_parents(table, key, parent):
    t = TABLES[table]
    assert (t.key, t.parent) == (key, parent)
    if parent:
        assert len(t.parent_key) == len(TABLES[parent].key)


def test_every_field_of_every_model_is_a_column_or_a_table():
    for table in LAYOUT:
        placed = {c.path[0] for c in table.columns if c.path} | {c.field_name for c in table.children}
        for model in table.models:
            assert set(model.model_fields) <= placed, (table.name, model.__name__)
    assert {"articles", "entities", "mentions", "numeric_claims", "quotes", "events",
            "event_participants"} <= set(TABLES)


def test_derivation_of_a_model_it_has_not_seen():
    class Inner(BaseModel):
        code: Optional[str] = None
        tags: list[str] = []

    class Item(BaseModel):
        id: str
        count: int
        inner: Optional[Inner] = None
        extra: dict = {}

    children: list = []
    cols = {c.name: (c.kind, c.nullable) for c in
            tables._columns(tables.RECORD_PLAN, "things", {n: (f.annotation, None) for n, f in Item.model_fields.items()},
                            (), False, children)}
    assert cols == {"id": ("text", False), "count": ("int", False), "inner_code": ("text", True),
                    "inner_tags": ("json", True), "extra": ("json", False)}
    assert children == []


def test_rows_of_a_record():
    record = swap_record(2)
    counts = Counter(t.name for t, _ in iter_rows(record))
    for table, n in expected_counts(2).items():
        assert counts[table] == n, table
    rows = {t.name: [] for t in LAYOUT}
    for table, row in iter_rows(record):
        rows[table.name].append(row)
    swap = next(r for r in rows["events"] if r["type"] == "PRISONER_EXCHANGE")
    assert swap["mediator_name"] == "United Arab Emirates" and swap["killed"] is None
    attack = next(r for r in rows["events"] if r["type"] == "ATTACK")
    assert attack["killed"] == 3
    assert {r["side_name"] for r in rows["event_side_counts"]} == {"Armenia", "Azerbaijan"}
    assert all(r["article_id"] == "art-00002" for t, rs in rows.items() if t != "articles" for r in rs)
    mention = rows["mentions"][0]
    assert record.text[mention["start"]:mention["end"]] == mention["text"]
    uae = next(r for r in rows["entities"] if r["id"] == "e3")
    assert uae["aliases"] == ["UAE"] and uae["attributes_country_code"] == "AE"


def test_no_string_of_a_hostile_record_is_lost():
    record = hostile_record()
    stored: set[str] = set()
    for _, row in iter_rows(record, keep_nul=True):
        stored |= leaf_strings([v.isoformat() if isinstance(v, dt.date) else v for v in row.values()])
    expected = leaf_strings(record.model_dump(mode="json"))
    assert {s for s in expected - stored if tables.storable_key(s) not in stored} == set()   # keys made storable
    assert LONG in stored


@pytest.mark.parametrize("raw, keep_nul, clean", [
    ("plain", False, "plain"),
    ("a\x00b", False, "a\ufffdb"),
    ("a\x00b", True, "a\x00b"),
    ("lone \ud800 surrogate", False, "lone \ufffd surrogate"),
    ("lone \udfff", True, "lone \ufffd"),
    ("\U0001F600 é", False, "\U0001F600 é"),
])
def test_safe_text_keeps_length(raw, keep_nul, clean):
    assert safe_text(raw, keep_nul=keep_nul) == clean
    assert len(clean) == len(raw)


def test_an_id_too_long_to_index_is_refused_with_its_name():
    record = swap_record(0)
    record.entities[0] = Entity(id="e" * 2000, name="X", type="PLACE")
    with pytest.raises(LayoutError, match=r"entities\.id is 2000 bytes"):
        list(iter_rows(record))
    assert len(list(iter_rows(record, check_keys=False))) > 1


def test_fingerprint_changes_with_the_layout():
    assert tables.layout_fingerprint() == tables.layout_fingerprint()
    assert tables.layout_fingerprint((("articles", "x", "text"),)) != tables.layout_fingerprint()
