"""Reading records back: JSONL files of `ArticleRecord`s (newsextract's own output,
or any JSON objects with an `id` and `events`), streamed line by line."""
from __future__ import annotations

import json
import os
import sys
from typing import Iterable, Iterator, Optional


def read_records(paths: Iterable[str]) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """(where, record, error) for every non-empty line: a record, or why it is not one."""
    for path in paths:
        with open(path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as err:
                    yield where, None, f"not a JSON record: {err}"
                    continue
                if not isinstance(rec, dict) or "id" not in rec:
                    yield where, None, "not a record (a JSON object with an id)"
                    continue
                yield where, rec, None


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
