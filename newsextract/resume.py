"""Carrying on after a stopped or killed run (`extract --resume`).

Each output says by itself which articles it holds: the ids of a JSONL file's
whole lines (an unfinished last line is dropped first), the ids stored in a
database. An article is extracted again only if some output lacks it, and its
record then goes only to the outputs that lack it: a JSONL file written ahead
of the database's last commit gets no second copy. Inputs the errors file
already reports are not tried or reported again.
"""
from __future__ import annotations

import json
import os
import re
from typing import Optional

from .io.readers import Item
from .io.sinks import JsonlSink, Sink, TeeSink
from .schema import ArticleRecord

_RECORD_ID = re.compile(rb'^\{"schema_version":\s*"[^"]*",\s*"id":\s*("(?:[^"\\]|\\.)*")')


def repair_jsonl(path: str) -> int:
    """Drop a last line left unfinished by a killed run; the number of bytes dropped."""
    with open(path, "r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return 0
        end, step = size, 1 << 16
        while end > 0:  # find the last newline, reading backwards
            start = max(0, end - step)
            fh.seek(start)
            cut = fh.read(end - start).rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            end = start
        else:
            keep = 0
        fh.truncate(keep)
        return size - keep


def done_ids(path: str) -> set[str]:
    """The ids of the records in a JSONL output, read line by line (a record's id is
    read from the start of its line; other lines are parsed whole)."""
    ids: set[str] = set()
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # unfinished: that article was not written
            m = _RECORD_ID.match(raw)
            if m:
                ids.add(json.loads(m.group(1)))
                continue
            try:
                record = json.loads(raw)
            except (ValueError, RecursionError):
                continue
            if isinstance(record, dict) and record.get("id") is not None:
                ids.add(str(record["id"]))
    return ids


def error_key(item: Item) -> tuple:
    """What identifies a reported input across runs: where it is, and its id."""
    return (item.source, item.line, item.offset, item.id)


def reported_errors(path: Optional[str]) -> set[tuple]:
    """The `error_key`s of the inputs an errors file already reports."""
    if not path or not os.path.exists(path):
        return set()
    keys = set()
    with open(path, "rb") as fh:
        for raw in fh:
            try:
                entry = json.loads(raw)
            except (ValueError, RecursionError):
                continue
            if isinstance(entry, dict):
                keys.add((entry.get("file"), entry.get("line"), entry.get("offset"), entry.get("id")))
    return keys


def _same(article_id: str) -> str:
    return article_id


class ResumingSink(TeeSink):
    """The outputs of a resumed run, each with the ids it already holds: a record
    is written to those that lack it (flushed and closed like any `TeeSink`)."""

    def __init__(self, parts: list[tuple[Sink, set]]):
        super().__init__([sink for sink, _ in parts])
        self.parts = parts
        self._keys = [getattr(sink, "key", _same) for sink, _ in parts]   # how each output keys an id

    @classmethod
    def of(cls, sink: Sink) -> "ResumingSink":
        """Wrap an opened sink (one output or a `TeeSink`), reading what each holds."""
        parts = []
        for part in getattr(sink, "sinks", [sink]):
            if hasattr(part, "stored_ids"):
                held = set(part.stored_ids())
            elif isinstance(part, JsonlSink) and part.path not in (None, "-"):
                held = done_ids(part.path)
            else:
                raise ValueError("--resume needs the output of the earlier run: -o FILE.jsonl or --db")
            parts.append((part, held))
        return cls(parts)

    def has(self, article_id: Optional[str]) -> bool:
        """Whether every output already holds this article."""
        return article_id is not None and all(key(article_id) in held for key, (_, held) in zip(self._keys, self.parts))

    def write(self, record: ArticleRecord) -> None:
        for key, (sink, held) in zip(self._keys, self.parts):
            if key(record.id) not in held:
                sink.write(record)
                held.add(key(record.id))
