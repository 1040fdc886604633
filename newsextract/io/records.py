"""Reading records back, for the views and for clustering: JSONL files of
`ArticleRecord`s (newsextract's own output, or any JSON objects with an `id`),
databases written by the SQL sink, the errors file of a run, and the one record
or article `show` is asked for. Records are streamed one at a time."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from ..schema import Article, ArticleRecord
from .readers import FieldMap
from .sinks import sink_kind
from .database import database_records

#: (where, record, error): a record as a dict, or why the line is not one
RecordRow = tuple[str, Optional[dict], Optional[str]]


def read_records(paths: Iterable[str]) -> Iterator[RecordRow]:
    """(where, record, error) for every non-empty line: a record, or why it is not one."""
    for path in paths:
        with open(path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, ValueError, RecursionError) as err:
                    yield where, None, f"not a JSON record: {err}"
                    continue
                if not isinstance(rec, dict) or "id" not in rec:
                    yield where, None, "not a record (a JSON object with an id)"
                    continue
                yield where, rec, None


def iter_records(sources: Iterable[str]) -> Iterator[RecordRow]:
    """(where, record, error) from JSONL record files (line by line) or databases
    written by `extract --db` (sqlite:///news.db, news.db, postgresql://...)."""
    for source in sources:
        if sink_kind(source) == "sql":
            yield from database_records(source)
        else:
            yield from read_records([source])


def read_errors(path: str) -> Iterator[tuple[str, str, Optional[str]]]:
    """(where, error, id) from an --errors file of `extract` (one JSON object a line);
    `where` is the input's file and line (or byte offset), as the run reported it."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw)
                yield error_place(entry) or f"{path}:{n}", str(entry.get("error", "")), entry.get("id")
            except (ValueError, UnicodeDecodeError, AttributeError, RecursionError):
                yield f"{path}:{n}", "unreadable errors-file line", None


def error_place(entry: dict) -> Optional[str]:
    """`file:line` (or `file@offset`) of an errors-file entry; None without a file."""
    source = entry.get("file")
    if not source:
        return None
    if entry.get("line") is not None:
        return f"{source}:{entry['line']}"
    if entry.get("offset") is not None:
        return f"{source}@{entry['offset']}"
    return str(source)


def write_jsonl(path: Optional[str], rows: Iterable) -> None:
    """One JSON object per line (dicts, or pydantic models) to `path`, or stdout for
    None/'-'. A file is written beside and renamed, so it is never left half-written."""
    def line(row) -> str:
        return (row.model_dump_json() if hasattr(row, "model_dump_json")
                else json.dumps(row, ensure_ascii=False)) + "\n"

    if path in (None, "-"):
        for row in rows:
            sys.stdout.write(line(row))
        sys.stdout.flush()
        return
    tmp = f"{path}.partial"
    with open(tmp, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(line(row))
    os.replace(tmp, path)


# ------------------------------------------------------------------ the one to show

class ArticleNotFound(LookupError):
    """The file has no article or record with the id asked for (or several and no id)."""


def _is_record(row) -> bool:
    return isinstance(row, dict) and "text_hash" in row and "schema_version" in row


def _rows(path: Path):
    """(row, fallback id) for every JSON object in a .json or .jsonl file."""
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, 1):
                if raw.strip():
                    yield json.loads(raw.decode("utf-8-sig")), f"{path.stem}-{n}"
        return
    data = json.loads(path.read_bytes().decode("utf-8-sig"))
    if isinstance(data, list):
        for i, row in enumerate(data, 1):
            yield row, f"{path.stem}-{i}"
    else:
        yield data, path.stem


def find_article(path: Union[str, Path], *, article_id: Optional[str] = None) -> Union[ArticleRecord, Article]:
    """The record (a record JSON, or a line of a records JSONL) or the article (.txt,
    .json, a line of an articles JSONL) in a file. With several, `article_id` picks one."""
    path = Path(path)
    if path.suffix.lower() not in (".json", ".jsonl", ".ndjson"):
        return FieldMap().article({"text": path.read_bytes().decode("utf-8-sig"), "id": path.stem}, path.stem)
    row, found, seen = None, False, []
    for candidate, fallback in _rows(path):
        ident = candidate.get("id") if _is_record(candidate) else \
            FieldMap().article(candidate, fallback).id if isinstance(candidate, dict) else None
        seen.append(ident)
        if article_id is None or str(ident) == str(article_id):
            if article_id is None and row is not None:
                shown = ", ".join(str(s) for s in seen[:5])
                raise ArticleNotFound(f"{path} holds several articles ({shown}, ...); pick one with --id")
            row, found = candidate, True
            if article_id is not None:
                break
    if not found:
        raise ArticleNotFound(f"no article with id {article_id!r} in {path}" if article_id
                              else f"no article in {path}")
    if _is_record(row):
        return ArticleRecord.model_validate(row)
    return FieldMap().article(row, path.stem)


def load_record(path: Union[str, Path], *, extractor: Callable[[], object],
                article_id: Optional[str] = None) -> ArticleRecord:
    """The record to show from a file (see `find_article`): a record as it is, an
    article extracted with `extractor()` (called only when needed)."""
    found = find_article(path, article_id=article_id)
    if isinstance(found, ArticleRecord):
        return found
    return extractor().extract(found.text, id=found.id, title=found.title,
                               published=found.published, url=found.url)
