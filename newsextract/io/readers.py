"""Readers: turn files and dumps into a stream of `Article`s (or errors), in order.

Each reader yields `Item`s: an article, or the reason one input could not be read,
always with where it came from (file and line), so a batch can report and go on.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..schema import Article

TEXT_FIELDS = ("text", "body", "content", "maintext", "article", "full_text", "story")
ID_FIELDS = ("id", "article_id", "doc_id", "uid", "guid")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "date_publish", "published_at", "publish_date", "pubdate", "datetime")
URL_FIELDS = ("url", "source_url", "link", "href")


@dataclass
class Item:
    """One input: an `Article`, or `error` with the reason it could not be read."""

    source: str
    line: Optional[int] = None
    article: Optional[Article] = None
    error: Optional[str] = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass
class FieldMap:
    """Which keys of a JSON/CSV row hold the article's fields (None: auto-detect)."""

    id: Optional[str] = None
    text: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None

    @staticmethod
    def _pick(row: dict, chosen: Optional[str], candidates) -> Optional[str]:
        if chosen:
            return chosen
        for key in candidates:
            if key in row:
                return key
        return None

    def article(self, row: dict, fallback_id: str) -> Article:
        if not isinstance(row, dict):
            raise ValueError(f"expected a JSON object, got {type(row).__name__}")
        tkey = self._pick(row, self.text, TEXT_FIELDS)
        if tkey is None or tkey not in row:
            raise ValueError(f"no text field (looked for {self.text or ', '.join(TEXT_FIELDS)})")
        text = row[tkey]
        if not isinstance(text, str):
            raise ValueError(f"text field {tkey!r} is {type(text).__name__}, not a string")
        if not text.strip():
            raise ValueError("empty text")
        get = lambda chosen, cands: row.get(self._pick(row, chosen, cands) or "")
        ident = get(self.id, ID_FIELDS)
        published = get(self.date, DATE_FIELDS)
        return Article(
            text=text,
            id=str(ident) if ident not in (None, "") else fallback_id,
            title=_str_or_none(get(self.title, TITLE_FIELDS)),
            published=_str_or_none(published),
            url=_str_or_none(get(self.url, URL_FIELDS)),
        )


def _str_or_none(v):
    if v is None or v == "":
        return None
    return v if isinstance(v, str) else str(v)


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig")


def read_text_file(path: Path) -> Iterator[Item]:
    try:
        text = _decode(path.read_bytes())
    except UnicodeDecodeError as err:
        yield Item(str(path), error=f"not UTF-8: {err}")
        return
    if not text.strip():
        yield Item(str(path), error="empty text")
        return
    yield Item(str(path), article=Article(text=text, id=path.stem))


def read_json_file(path: Path, fields: FieldMap) -> Iterator[Item]:
    try:
        data = json.loads(_decode(path.read_bytes()))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        line = getattr(err, "lineno", None)
        yield Item(str(path), line=line, error=f"bad JSON: {err}")
        return
    rows = data if isinstance(data, list) else [data]
    for i, row in enumerate(rows):
        where_line = i + 1 if isinstance(data, list) else None
        try:
            art = fields.article(row, f"{path.stem}-{i + 1}" if isinstance(data, list) else path.stem)
        except ValueError as err:
            yield Item(str(path), line=where_line, error=str(err))
            continue
        yield Item(str(path), line=where_line, article=art)


def read_jsonl_lines(lines: Iterable[bytes], source: str, fields: FieldMap) -> Iterator[Item]:
    stem = Path(source).stem
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
            art = fields.article(row, f"{stem}-{n}")
        except UnicodeDecodeError as err:
            yield Item(source, line=n, error=f"not UTF-8: {err}")
            continue
        except json.JSONDecodeError as err:
            yield Item(source, line=n, error=f"bad JSON: {err}")
            continue
        except ValueError as err:
            yield Item(source, line=n, error=str(err))
            continue
        yield Item(source, line=n, article=art)


def read_path(path: Path, fields: FieldMap) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl" or suffix == ".ndjson":
        with path.open("rb") as fh:
            yield from read_jsonl_lines(fh, str(path), fields)
    elif suffix == ".json":
        yield from read_json_file(path, fields)
    else:
        yield from read_text_file(path)


READABLE = {".txt", ".json", ".jsonl", ".ndjson", ".text", ".md"}


def iter_inputs(paths: Iterable[str], fields: Optional[FieldMap] = None) -> Iterator[Item]:
    """Articles from files, directories (recursively, sorted) and '-' (stdin, JSONL or text)."""
    fields = fields or FieldMap()
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            stripped = data.lstrip()
            if stripped.startswith(b"{"):
                yield from read_jsonl_lines(data.splitlines(), "<stdin>", fields)
            else:
                try:
                    text = _decode(data)
                except UnicodeDecodeError as err:
                    yield Item("<stdin>", error=f"not UTF-8: {err}")
                    continue
                if text.strip():
                    yield Item("<stdin>", article=Article(text=text, id="stdin"))
                else:
                    yield Item("<stdin>", error="empty text")
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE:
                    yield from read_path(child, fields)
        elif path.is_file():
            yield from read_path(path, fields)
        else:
            yield Item(p, error="no such file or directory")
