"""Choosing a sink from a target string; the JSONL sink; writing to several sinks."""
from __future__ import annotations

import pytest

from newsextract.io.sinks import JsonlSink, TeeSink, open_sink, sink_kind
from newsextract.schema import ArticleRecord
from sink_records import hostile_record, swap_record


@pytest.mark.parametrize("target, kind", [
    ("out.jsonl", "jsonl"),
    ("out.json", "jsonl"),
    ("records", "jsonl"),
    ("out.parquet", "parquet"),
    ("out.PARQUET/", "parquet"),
    ("news.db", "sql"),
    ("data/news.sqlite3", "sql"),
    ("sqlite:///news.db", "sql"),
    ("postgresql://postgres@127.0.0.1/test", "sql"),
    ("postgres://u@h/db", "sql"),
    ("postgresql+psycopg://u@h/db", "sql"),
    ("https://example.org/out.jsonl", "jsonl"),
])
def test_sink_kind(target, kind):
    assert sink_kind(target) == kind


@pytest.mark.parametrize("target, cls", [
    ("out.jsonl", "JsonlSink"),
    ("out.parquet", "ParquetSink"),
    ("news.db", "SqlSink"),
])
def test_open_sink_picks_by_target(tmp_path, target, cls):
    sink = open_sink(str(tmp_path / target))
    try:
        assert type(sink).__name__ == cls
    finally:
        sink.close()


def test_db_alone_writes_only_the_database_and_a_bare_path_is_sqlite(tmp_path):
    sink = open_sink(None, db=str(tmp_path / "news"))
    assert type(sink).__name__ == "SqlSink"
    sink.write(swap_record(0))
    sink.close()
    assert (tmp_path / "news").read_bytes().startswith(b"SQLite format 3")


def test_output_and_db_write_both(tmp_path):
    out = tmp_path / "out.jsonl"
    with open_sink(str(out), db=str(tmp_path / "news.db")) as sink:
        assert isinstance(sink, TeeSink)
        sink.write(swap_record(0))
        sink.write(swap_record(1))
    assert [ArticleRecord.model_validate_json(line).id for line in out.read_text().splitlines()] == \
        ["art-00000", "art-00001"]
    with open_sink(None, db=str(tmp_path / "news.db")) as db:
        assert set(db.stored_ids()) == {"art-00000", "art-00001"}


def test_parquet_cannot_be_appended_to(tmp_path):
    with pytest.raises(ValueError, match="cannot be appended"):
        open_sink(str(tmp_path / "out.parquet"), append=True)


def test_jsonl_lines_round_trip_and_append(tmp_path):
    out = tmp_path / "out.jsonl"
    record = hostile_record()
    with JsonlSink(str(out)) as sink:
        sink.write(record)
    with open_sink(str(out), append=True) as sink:
        sink.write(swap_record(0))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert ArticleRecord.model_validate_json(lines[0]) == record    # NUL and all
    assert ArticleRecord.model_validate_json(lines[1]).id == "art-00000"


def test_tee_closes_every_sink_even_when_one_fails():
    closed = []

    class Failing:
        def write(self, record): ...
        def close(self):
            closed.append("failing")
            raise OSError("disk full")

    class Fine:
        def write(self, record): ...
        def close(self):
            closed.append("fine")

    with pytest.raises(OSError, match="disk full"):
        TeeSink([Failing(), Fine()]).close()
    assert closed == ["failing", "fine"]
