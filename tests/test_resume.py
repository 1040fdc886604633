"""Carrying on after a killed run: each output gets each article once, and inputs
the errors file already reports are not reported again."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsextract.record import text_hash
from newsextract.resume import ResumingSink, reported_errors
from newsextract.schema import ArticleRecord

ROOT = Path(__file__).resolve().parent.parent
TOWNS = ["Nairobi", "Lagos", "Lima", "Quito", "Hanoi", "Dhaka", "Accra", "Tunis", "Sofia", "Riga"]


class Part:
    """An output that says what it holds, as the SQL sink does."""

    def __init__(self, held):
        self.held, self.got = dict.fromkeys(held, "hash"), []

    def stored_ids(self):
        return self.held

    def write(self, record):
        self.got.append(record.id)


def _record(ident):
    return ArticleRecord(id=ident, text=ident, text_hash=text_hash(ident))


def test_each_output_gets_only_what_it_lacks():
    jsonl, database = Part(["a", "b", "c"]), Part(["a", "b"])
    sink = ResumingSink.of(type("Tee", (), {"sinks": [jsonl, database]})())
    assert sink.has("a") and not sink.has("c") and not sink.has(None)
    for ident in ("a", "b", "c", "d"):
        if not sink.has(ident):
            sink.write(_record(ident))
    assert (jsonl.got, database.got) == (["d"], ["c", "d"])


def test_an_output_is_asked_about_an_id_under_its_own_key():
    from newsextract.io.sql import SqlSink

    database = Part([SqlSink.key("a\x00b")])
    database.key = SqlSink.key                     # a database key cannot hold NUL
    sink = ResumingSink.of(database)
    assert SqlSink.key("a\x00b") != "a\x00b" and sink.has("a\x00b") and not sink.has("a\ufffdb")


def test_reported_errors_are_keyed_by_place_and_id(tmp_path):
    path = tmp_path / "errors.jsonl"
    path.write_text(json.dumps({"id": None, "file": "d.jsonl", "line": 2, "error": "bad JSON"}) + "\nnot json\n"
                    + json.dumps({"id": "p", "file": "c.warc", "line": None, "offset": 9, "error": "x"}) + "\n")
    assert reported_errors(str(path)) == {("d.jsonl", 2, None, None), ("c.warc", None, 9, "p")}
    assert reported_errors(str(tmp_path / "none.jsonl")) == set()


def _dump(path: Path, n: int) -> list[str]:
    lines, ids = [], []
    for i in range(n):
        if i in (3, 7):
            lines.append('{"id": "broken", "text": ')                 # bad JSON, reported once
        ids.append(f"a{i:02d}")
        lines.append(json.dumps({"id": ids[-1], "text": f"Officials in {TOWNS[i % 10]} said on Monday that "
                                                      f"{i + 2} people were hurt when a bus overturned."}))
    path.write_text("\n".join(lines) + "\n")
    return ids


def _extract(tmp_path, *extra):
    args = [sys.executable, "-m", "newsextract", "extract", "in.jsonl", "-o", "out.jsonl", "--db", "news.db",
            "--errors", "errors.jsonl", "--batch-size", "4", *extra]
    return subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))


def test_kill_9_then_resume_gives_one_record_per_article_in_jsonl_and_database(tmp_path):
    ids = _dump(tmp_path / "in.jsonl", 60)
    first = _extract(tmp_path)
    out = tmp_path / "out.jsonl"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and first.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 14:
            break
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert 0 < out.read_bytes().count(b"\n") < 60, "the run was not stopped half-way"

    resumed = _extract(tmp_path, "--resume")
    stdout, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 1, stderr                       # the two broken lines are still skipped
    written = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(written) == ids                                # each article once
    with sqlite3.connect(tmp_path / "news.db") as db:
        stored = sorted(row[0] for row in db.execute("SELECT id FROM articles"))
    assert stored == ids
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert [e["line"] for e in errors] == [4, 9]                 # reported once, by the first run
    assert "newsextract: skipped" not in stderr and "(2 reported by the earlier run)" in stderr
