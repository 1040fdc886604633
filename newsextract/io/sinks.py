"""Sinks: where records go. JSONL (default) here; SQL and Parquet in their own modules.

`open_sink(target)` picks one from a target string: '-' or None (stdout JSONL), a
path ending in .jsonl/.json, a .parquet path, or a database URL or .db path.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Optional, Protocol

from ..schema import ArticleRecord


class Sink(Protocol):
    def write(self, record: ArticleRecord) -> None: ...
    def close(self) -> None: ...


def record_json(record: ArticleRecord) -> str:
    return record.model_dump_json(exclude_none=False)


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

    def close(self) -> None:
        if self._own:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_sink(target: Optional[str], *, append: bool = False) -> Sink:
    return JsonlSink(target, append=append)
