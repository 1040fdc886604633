"""Sinks: where records go. JSONL (default) here; SQL and Parquet in their own modules.

`open_sink(target)` picks one from a target string: '-' or None (stdout JSONL), a
path ending in .parquet (a directory of Parquet tables, `newsextract.io.parquet`),
a database URL (sqlite://, postgresql://) or a .db/.sqlite/.sqlite3 path
(`newsextract.io.sql`); any other path is JSONL. `open_sink(target, db=URL)` also
writes to a database: a bare path there is always an SQLite file.
"""
from __future__ import annotations

import os
import re
import sys
from typing import Literal, Optional, Protocol

from ..schema import ArticleRecord
from .tables import record_json


class Sink(Protocol):
    def write(self, record: ArticleRecord) -> None: ...
    def close(self) -> None: ...


def flush(sink) -> None:
    """Make what `sink` was given stored (a sink that buffers has `flush`)."""
    if hasattr(sink, "flush"):
        sink.flush()


class JsonlSink:
    """One JSON record per line; each line is written whole and flushed, so an
    interrupted run never leaves half a line."""

    def __init__(self, path: Optional[str] = None, *, append: bool = False):
        self.path = path
        if path in (None, "-"):
            self._fh, self._own = sys.stdout, False
        else:
            self._fh, self._own = open(path, "a" if append else "w", encoding="utf-8"), True

    def write(self, record: ArticleRecord) -> None:
        self._fh.write(record_json(record) + "\n")
        self._fh.flush()

    def flush(self) -> None:
        self._fh.flush()

    def close(self) -> None:
        if self._own:
            self._fh.flush()
            try:
                os.fsync(self._fh.fileno())
            except OSError:  # not a regular file (/dev/null, a pipe)
                pass
            self._fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


SinkKind = Literal["jsonl", "parquet", "sql"]

_DB_URL = re.compile(r"^(sqlite|postgres|postgresql)(\+\w+)?://", re.IGNORECASE)
_DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def sink_kind(target: str) -> SinkKind:
    """Which sink a target string names (see the module doc)."""
    if _DB_URL.match(target):
        return "sql"
    name = target.rstrip("/\\").lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith(_DB_SUFFIXES):
        return "sql"
    return "jsonl"


class TeeSink:
    """Every record to several sinks (`-o out.jsonl --db news.db`)."""

    def __init__(self, sinks: list[Sink]):
        self.sinks = sinks

    def write(self, record: ArticleRecord) -> None:
        for sink in self.sinks:
            sink.write(record)

    def flush(self) -> None:
        for sink in self.sinks:
            flush(sink)

    def close(self) -> None:
        errors = []
        for sink in self.sinks:
            try:
                sink.close()
            except Exception as err:  # noqa: BLE001 - close the others first
                errors.append(err)
        if errors:
            raise errors[0]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _open_one(target: Optional[str], kind: SinkKind, append: bool) -> Sink:
    if kind == "sql":
        from .sql import SqlSink

        return SqlSink(target)
    if kind == "parquet":
        if append:
            raise ValueError("Parquet output cannot be appended to; write a new directory")
        from .parquet import ParquetSink

        return ParquetSink(target)
    return JsonlSink(target, append=append)


def open_sink(target: Optional[str], *, append: bool = False, db: Optional[str] = None) -> Sink:
    """The sink for `target` (None or '-': JSONL on stdout), plus the database `db` if given.

    With `db` alone records go only to the database; with both, to both."""
    if db:
        database = _open_one(db, "sql", append)
        if target is None:
            return database
        try:
            return TeeSink([_open_one(target, sink_kind(target), append), database])
        except BaseException:
            database.close()
            raise
    if target in (None, "-"):
        return JsonlSink(target, append=append)
    return _open_one(target, sink_kind(target), append)
