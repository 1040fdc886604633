"""Parquet sink: one Parquet file per table of the relational layout, in a directory.

    out.parquet/
        articles.parquet  entities.parquet  mentions.parquet  entity_roles.parquet
        numeric_claims.parquet  claim_modifiers.parquet  quotes.parquet  events.parquet
        event_participants.parquet  event_counts.parquet  event_evidence.parquet
        event_side_counts.parquet  regions.parquet  warnings.parquet

The tables and columns are those of the SQL sink (`newsextract.io.tables`, derived
from `schema.py`), joined the same way (`article_id`, `entity_id`, `event_id`, ...);
JSON columns hold JSON text. Text is kept exactly, NUL included. Rows are streamed:
each table's rows are buffered only until a row group is full. Files are written as
`<table>.parquet.partial` and renamed on `close()`, so a killed run never leaves a
truncated file under a final name.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..schema import SCHEMA_VERSION, ArticleRecord
from .tables import LAYOUT, Table, iter_rows

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ModuleNotFoundError as _err:  # pragma: no cover - depends on the install
    raise ModuleNotFoundError(f"Parquet output needs pyarrow: pip install 'newsextract[parquet]' ({_err})") from None

_TYPES = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
          "date": pa.date32(), "json": pa.string()}


def arrow_schema(table: Table) -> "pa.Schema":
    """The Arrow schema of one table, with the layout noted in its metadata."""
    fields = [pa.field(c.name, _TYPES[c.kind], nullable=c.nullable,
                       metadata={"description": c.description} if c.description else None)
              for c in table.columns]
    json_columns = [c.name for c in table.columns if c.kind == "json"]
    return pa.schema(fields, metadata={
        "newsextract.schema_version": SCHEMA_VERSION,
        "newsextract.table": table.name,
        "newsextract.key": ",".join(table.key),
        "newsextract.parent": table.parent or "",
        "newsextract.parent_key": ",".join(table.parent_key),
        "newsextract.json_columns": ",".join(json_columns),
    })


class _TableWriter:
    def __init__(self, table: Table, directory: Path, compression: str):
        self.table = table
        self.schema = arrow_schema(table)
        self.final = directory / f"{table.name}.parquet"
        self.partial = directory / f"{table.name}.parquet.partial"
        self.writer = pq.ParquetWriter(str(self.partial), self.schema, compression=compression)
        self.columns: dict[str, list[Any]] = {c: [] for c in self.schema.names}
        self.rows = 0
        self.bytes = 0

    def add(self, row: dict[str, Any]) -> None:
        size = 0
        for name, values in self.columns.items():
            value = row[name]
            values.append(value)
            size += len(value) if isinstance(value, str) else 8
        self.rows += 1
        self.bytes += size

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pydict(self.columns, schema=self.schema))
            for values in self.columns.values():
                values.clear()
            self.rows = self.bytes = 0

    def close(self) -> None:
        self.flush()
        self.writer.close()
        os.replace(self.partial, self.final)


class ParquetSink:
    """Write records as a directory of Parquet tables (see module doc).

    A row group is written when a table has buffered `row_group_rows` rows or about
    `row_group_bytes` of data, so memory stays bounded whatever the input size."""

    def __init__(self, path: str, *, row_group_rows: int = 100_000, row_group_bytes: int = 64 << 20,
                 compression: str = "zstd"):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise ValueError(f"{path} exists and is not a directory; Parquet output is a directory of tables")
        self.path.mkdir(parents=True, exist_ok=True)
        self.row_group_rows = row_group_rows
        self.row_group_bytes = row_group_bytes
        self._writers = {t.name: _TableWriter(t, self.path, compression) for t in LAYOUT}
        self._closed = False
        self.written = 0

    def write(self, record: ArticleRecord) -> None:
        for table, row in iter_rows(record, keep_nul=True, json_as_text=True, check_keys=False):
            writer = self._writers[table.name]
            writer.add(row)
            if writer.rows >= self.row_group_rows or writer.bytes >= self.row_group_bytes:
                writer.flush()
        self.written += 1

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for writer in self._writers.values():
            writer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
