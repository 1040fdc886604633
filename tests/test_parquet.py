"""The Parquet sink: one file per table, streamed in row groups, text kept exactly."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from newsextract.io.parquet import ParquetSink  # noqa: E402
from newsextract.io.tables import LAYOUT  # noqa: E402
from sink_records import LONG, expected_counts, hostile_record, leaf_strings, swap_record  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def write(path, records, **kwargs) -> ParquetSink:
    with ParquetSink(str(path), **kwargs) as sink:
        for record in records:
            sink.write(record)
    return sink


def test_one_file_per_table_with_every_row(tmp_path):
    out = tmp_path / "out.parquet"
    write(out, [swap_record(i) for i in range(5)])
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t.name}.parquet" for t in LAYOUT)
    for table in LAYOUT:
        data = pq.read_table(out / f"{table.name}.parquet")
        assert data.schema.names == table.column_names
        if table.name == "articles":
            assert data.num_rows == 5
        elif table.name in expected_counts(0):
            per_article = Counter(data.column("article_id").to_pylist())
            assert per_article == {f"art-{i:05d}": expected_counts(i)[table.name] for i in range(5)}
        else:
            assert data.num_rows == 0


def test_types_and_layout_metadata(tmp_path):
    out = tmp_path / "out.parquet"
    write(out, [swap_record(3)])
    articles = pq.read_table(out / "articles.parquet")
    assert articles.column("published_date").to_pylist() == [dt.date(2024, 1, 4)]
    entities = pq.read_table(out / "entities.parquet")
    uae = entities.filter(entities.column("id").to_numpy() == "e3").to_pylist()[0]
    assert json.loads(uae["aliases"]) == ["UAE"] and uae["attributes_country_code"] == "AE"
    meta = {k.decode(): v.decode() for k, v in pq.read_schema(out / "mentions.parquet").metadata.items()}
    assert meta["newsextract.key"] == "article_id,entity_id,ord"
    assert meta["newsextract.parent"] == "entities"
    events = pq.read_table(out / "events.parquet").to_pylist()
    assert {(e["type"], e["killed"]) for e in events} == {("PRISONER_EXCHANGE", None), ("ATTACK", 3.0)}


def test_rows_are_streamed_in_row_groups(tmp_path):
    out = tmp_path / "out.parquet"
    sink = ParquetSink(str(out), row_group_rows=8)
    for i in range(40):
        sink.write(swap_record(i))
        assert all(w.rows < 8 for w in sink._writers.values())     # never more than a row group held
    sink.close()
    meta = pq.ParquetFile(out / "mentions.parquet").metadata
    assert meta.num_row_groups >= 20
    assert meta.num_rows == sum(expected_counts(i)["mentions"] for i in range(40))


def test_a_row_group_is_also_cut_by_size(tmp_path):
    out = tmp_path / "out.parquet"
    sink = ParquetSink(str(out), row_group_bytes=2_000)
    for i in range(10):
        sink.write(swap_record(i, text_suffix=" filler" * 100))
    sink.close()
    assert pq.ParquetFile(out / "articles.parquet").metadata.num_row_groups >= 5


def test_hostile_strings_are_kept_exactly(tmp_path):
    record = hostile_record()
    out = tmp_path / "out.parquet"
    write(out, [record])
    stored: set[str] = set()
    for table in LAYOUT:
        for row in pq.read_table(out / f"{table.name}.parquet").to_pylist():
            for column in table.columns:
                value = row[column.name]
                if column.kind == "json" and value is not None:
                    stored |= leaf_strings(json.loads(value))
                elif isinstance(value, (dt.date,)):
                    stored.add(value.isoformat())
                elif isinstance(value, str):
                    stored.add(value)
    assert leaf_strings(record.model_dump(mode="json")) - stored == set()
    text = pq.read_table(out / "articles.parquet").column("text").to_pylist()[0]
    assert text == record.text and LONG in stored


def test_unclosed_output_has_no_final_files(tmp_path):
    out = tmp_path / "out.parquet"
    sink = ParquetSink(str(out), row_group_rows=2)
    for i in range(6):
        sink.write(swap_record(i))
    assert not list(out.glob("*.parquet"))           # only .partial files until close()
    sink.close()
    assert len(list(out.glob("*.parquet"))) == len(LAYOUT)
    assert not list(out.glob("*.partial"))


def test_a_second_run_replaces_the_tables(tmp_path):
    out = tmp_path / "out.parquet"
    write(out, [swap_record(i) for i in range(5)])
    write(out, [swap_record(9)])
    assert pq.read_table(out / "articles.parquet").column("id").to_pylist() == ["art-00009"]


def test_a_file_in_the_way_is_refused(tmp_path):
    (tmp_path / "out.parquet").write_text("not a directory")
    with pytest.raises(ValueError, match="not a directory"):
        ParquetSink(str(tmp_path / "out.parquet"))


def test_cli_output_parquet(tmp_path, extractor, monkeypatch):
    from newsextract.cli import main

    monkeypatch.setattr("newsextract.pipeline.Extractor", lambda *a, **k: extractor)
    out = tmp_path / "out.parquet"
    assert main(["extract", str(EXAMPLES), "-q", "-o", str(out)]) == 0
    assert pq.read_table(out / "articles.parquet").num_rows == len(list(EXAMPLES.iterdir()))
    assert pq.read_table(out / "entities.parquet").num_rows > 0
