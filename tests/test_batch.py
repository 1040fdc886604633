"""The batch run: error isolation, order, resume, interrupts, workers, and the CLI around it."""
from __future__ import annotations

import io
import json
import os
import signal

import pytest

from newsextract import cli
from newsextract.batch import ErrorLog, run
from newsextract.io.readers import HtmlPage, Item
from newsextract.pipeline import Extractor
from newsextract.progress import Progress
from newsextract.io.database import DatabaseError
from newsextract.record import record_id, text_hash
from newsextract.resume import done_ids, repair_jsonl
from newsextract.schema import Article, ArticleRecord
from newsextract.workers import WORKER_DIED, ExtractorSpec

ARTICLES = [
    ("n1", "Officials in Nairobi said on Monday that 12 people were injured when a bus overturned."),
    ("n2", "The parliament of Chile approved the new water law by 80 votes to 41 on Wednesday."),
    ("n3", "Firefighters in Portugal contained a forest fire that had forced 300 residents to leave."),
    ("n4", "The central bank of Brazil raised its main interest rate to 11 percent on Thursday."),
    ("n5", "Teachers in Lagos ended a two-week strike after the state agreed to pay arrears."),
]


class FakeExtractor:
    """Records without NLP; an article containing BOOM crashes, like a component would."""

    model_name, max_chars = None, 200_000

    def pipe(self, articles, batch_size=32, n_process=1):
        for art in articles:
            if "BOOM" in art.text:
                raise RuntimeError("component crashed")
            digest = text_hash(art.text)
            yield ArticleRecord(id=record_id(art.id, digest), text=art.text, text_hash=digest)


class ListSink:
    def __init__(self):
        self.records = []

    def write(self, record):
        self.records.append(record)

    def close(self):
        pass


def _item(ident, text, n):
    return Item("dump.jsonl", line=n, article=Article(id=ident, text=text))


def _errors(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


# ------------------------------------------------------------------ run()

@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_a_failing_article_is_reported_and_the_run_goes_on_in_order(tmp_path, batch_size):
    items = [_item("a", "First.", 1),
             Item("dump.jsonl", line=2, error="bad JSON: Expecting value"),
             _item("b", "This one goes BOOM.", 3),
             _item("c", "Third.", 4),
             _item("d", "Fourth.", 5)]
    sink, errors = ListSink(), ErrorLog(str(tmp_path / "errors.jsonl"), echo=lambda m: None)
    stats = run(items, FakeExtractor(), sink, errors=errors, batch_size=batch_size)
    errors.close()
    assert [r.id for r in sink.records] == ["a", "c", "d"]
    assert (stats.read, stats.written, stats.failed) == (5, 3, 2)
    logged = _errors(tmp_path / "errors.jsonl")
    assert logged[0] == {"id": None, "file": "dump.jsonl", "line": 2, "error": "bad JSON: Expecting value"}
    assert logged[1]["id"] == "b" and logged[1]["line"] == 3
    assert logged[1]["error"].startswith("RuntimeError: component crashed (at test_batch.py:")


def test_a_record_the_sink_refuses_is_reported_and_the_run_goes_on():
    class PickySink(ListSink):
        def write(self, record):
            if record.id == "b":
                raise ValueError("id too long for the key column")
            super().write(record)

    sink, logged = PickySink(), []
    errors = ErrorLog(echo=logged.append)
    stats = run([_item(i, f"Text {i}.", n) for n, i in enumerate("abc", 1)], FakeExtractor(), sink, errors=errors)
    assert [r.id for r in sink.records] == ["a", "c"] and stats.failed == 1
    assert "not written: ValueError: id too long" in logged[0]


def test_an_html_page_without_text_fails_alone(tmp_path):
    items = [_item("a", "First.", 1),
             Item("crawl.warc", offset=120, page=HtmlPage(b"<html><body></body></html>", "p1")),
             _item("c", "Third.", 3)]
    sink, errors = ListSink(), ErrorLog(str(tmp_path / "e.jsonl"), echo=lambda m: None)
    run(items, FakeExtractor(), sink, errors=errors)
    errors.close()
    assert [r.id for r in sink.records] == ["a", "c"]
    assert _errors(tmp_path / "e.jsonl")[0] == {"id": "p1", "file": "crawl.warc", "line": None, "offset": 120,
                                                "error": "no article text found in the HTML page"}


def test_skip_ids_are_counted_not_extracted():
    items = [_item(ident, text, n) for n, (ident, text) in enumerate(ARTICLES, 1)]
    sink = ListSink()
    stats = run(items, FakeExtractor(), sink, errors=ErrorLog(), skip_ids={"n2", "n4"})
    assert [r.id for r in sink.records] == ["n1", "n3", "n5"]
    assert stats.skipped == 2


def test_stderr_messages_stop_after_the_limit():
    shown = []
    errors = ErrorLog(echo=shown.append, echo_limit=3)
    run([Item("x.jsonl", line=n, error="bad") for n in range(1, 8)], FakeExtractor(), ListSink(), errors=errors)
    assert len(shown) == 4 and "--errors FILE" in shown[-1]
    assert errors.count == 7


# ------------------------------------------------------------------ ids

def test_a_text_read_whole_from_stdin_is_named_by_its_text_not_stdin():
    sink = ListSink()
    for text in ("First article on stdin.", "Second article on stdin."):
        run([Item("<stdin>", article=Article(id="stdin", text=text))], FakeExtractor(), sink, errors=ErrorLog())
    first, second = (r.id for r in sink.records)
    assert first.startswith("sha256:") and second.startswith("sha256:") and first != second
    assert first == f"sha256:{text_hash('First article on stdin.')[:16]}"


def test_an_id_another_article_of_the_run_has_is_reported_not_written(tmp_path):
    items = [_item("a", "First.", 1), _item("b", "Second.", 2), _item("a", "A different article.", 3),
             _item("b", "Second.", 4)]                      # the same article given twice: written once
    sink, errors = ListSink(), ErrorLog(str(tmp_path / "e.jsonl"), echo=lambda m: None)
    stats = run(items, FakeExtractor(), sink, errors=errors)
    errors.close()
    assert [(r.id, r.text) for r in sink.records] == [("a", "First."), ("b", "Second.")]
    assert (stats.written, stats.failed, stats.skipped) == (2, 1, 1)
    [entry] = _errors(tmp_path / "e.jsonl")
    assert entry["line"] == 3 and "already that of another article, from dump.jsonl:1" in entry["error"]


def test_ids_that_differ_only_by_nul_or_a_lone_surrogate_stay_different():
    items = [_item(ident, f"Article {n}.", n) for n, ident in enumerate(["a\x00b", "a\ufffdb", "a\ud800b", "a\udc00b"])]
    sink = ListSink()
    stats = run(items, FakeExtractor(), sink, errors=ErrorLog())
    assert stats.written == 4 and len({r.id for r in sink.records}) == 4
    assert [r.id for r in sink.records[:2]] == ["a\x00b", "a\ufffdb"]   # writable ids are kept as given
    assert not any("\ud800" in r.id or "\udc00" in r.id for r in sink.records)


class FailingDatabase(ListSink):
    """Stores a batch on flush; the database goes away after `good` batches."""

    def __init__(self, good):
        super().__init__()
        self.good, self.queued = good, []

    def write(self, record):
        self.queued.append(record)

    def flush(self):
        if self.good == 0:
            raise DatabaseError("cannot write to postgresql://db/news: server closed the connection")
        self.good -= 1
        self.records += self.queued
        self.queued = []


def test_a_reader_that_breaks_ends_the_inputs_but_the_batch_in_hand_is_written():
    def items():
        yield _item("a", "First.", 1)
        yield _item("b", "Second.", 2)
        raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")

    sink = ListSink()
    stats = run(items(), FakeExtractor(), sink, errors=ErrorLog(), batch_size=16)
    assert [r.id for r in sink.records] == ["a", "b"] and stats.written == 2
    assert stats.fatal.startswith("cannot read the inputs after dump.jsonl:2: RecursionError: maximum recursion")


def test_written_counts_what_was_stored_and_a_lost_database_stops_the_run():
    items = [_item(f"x{n}", f"Text {n}.", n) for n in range(1, 8)]
    sink = FailingDatabase(good=2)
    stats = run(items, FakeExtractor(), sink, errors=ErrorLog(), batch_size=2)
    assert stats.written == len(sink.records) == 4
    assert stats.fatal == "cannot write to postgresql://db/news: server closed the connection"


def test_interrupt_stops_between_records_and_leaves_whole_lines(tmp_path):
    from newsextract.io.sinks import open_sink

    def items():
        for n, (ident, text) in enumerate(ARTICLES, 1):
            if n == 3:
                os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the run is going
            yield _item(ident, text, n)

    out = tmp_path / "out.jsonl"
    sink = open_sink(str(out))
    stats = run(items(), FakeExtractor(), sink, errors=ErrorLog(), batch_size=1)
    sink.close()
    assert stats.interrupted == signal.SIGINT
    lines = out.read_text().splitlines()
    assert 1 <= len(lines) < len(ARTICLES)
    assert [json.loads(line)["id"] for line in lines] == [a[0] for a in ARTICLES[:len(lines)]]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored


class KillerPage(HtmlPage):
    """A page whose extraction kills the worker process, like a segfault or the OOM killer."""

    def to_article(self):
        os._exit(9)


@pytest.mark.slow  # restarts worker processes, each loading the model
def test_workers_keep_order_and_survive_a_dead_worker(tmp_path):
    items = [_item(ident, text, n) for n, (ident, text) in enumerate(ARTICLES, 1)]
    items.insert(2, Item("crawl.warc", offset=0, page=KillerPage(b"", "killer")))
    sink, errors = ListSink(), ErrorLog(str(tmp_path / "e.jsonl"), echo=lambda m: None)
    stats = run(items, ExtractorSpec(Extractor), sink, errors=errors, workers=2, batch_size=2)
    errors.close()
    assert [r.id for r in sink.records] == [a[0] for a in ARTICLES]
    assert all(r.entities for r in sink.records)  # real records, from the real pipeline
    assert [(e["id"], e["error"]) for e in _errors(tmp_path / "e.jsonl")] == [("killer", WORKER_DIED)]
    assert stats.failed == 1


# ------------------------------------------------------------------ resume helpers

def test_repair_drops_only_an_unfinished_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    good = '{"schema_version":"1.0.0","id":"a","text":"x"}\n{"schema_version":"1.0.0","id":"b\\"q","text":"y"}\n'
    path.write_text(good + '{"schema_version":"1.0.0","id":"c","te')
    assert repair_jsonl(str(path)) == len('{"schema_version":"1.0.0","id":"c","te')
    assert path.read_text() == good
    assert repair_jsonl(str(path)) == 0
    assert done_ids(str(path)) == {"a", 'b"q'}


def test_done_ids_reads_other_key_orders_and_ignores_junk(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"text": "x", "id": 7}\nnot json\n\n{"schema_version":"1.0.0","id":"z"}\n')
    assert done_ids(str(path)) == {"7", "z"}


# ------------------------------------------------------------------ the CLI

def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _ids(path):
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_cli_errors_file_truncation_warning_and_exit_status(tmp_path, capsys):
    rows = [{"id": i, "body": t} for i, t in ARTICLES[:2]]
    rows.insert(1, {"id": "empty", "body": ""})
    rows.append({"id": "long", "body": ("Rain fell on the capital for a third day. " * 40 + "\n\n") * 5})
    src = _jsonl(tmp_path / "in.jsonl", rows)
    out, err = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status = cli.main(["extract", str(src), "-o", str(out), "--errors", str(err), "--max-chars", "2000"])
    assert status == 1
    assert _ids(out) == ["n1", "n2", "long"]
    assert _errors(err) == [{"id": "empty", "file": str(src), "line": 2, "error": "empty text"}]
    long_record = json.loads(out.read_text().splitlines()[-1])
    assert [w["code"] for w in long_record["warnings"]] == ["text_truncated"]
    stderr = capsys.readouterr().err
    assert "warning" in stderr and "only the first" in stderr and "1 texts truncated" in stderr


def test_cli_all_good_is_status_0(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "n1", "text": ARTICLES[0][1]}])
    assert cli.main(["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 0


@pytest.mark.parametrize("argv", [
    ["--resume"],                                  # resume needs an output file
    ["--workers", "0"],
    ["--model", "no_such_model_xyz"],
])
def test_cli_usage_and_model_errors_are_status_2(tmp_path, argv):
    src = _jsonl(tmp_path / "in.jsonl", [{"text": "x"}])
    assert cli.main(["extract", str(src), "-q", *argv]) == 2


def test_cli_resume_after_a_killed_run(tmp_path):
    rows = [{"id": i, "text": t} for i, t in ARTICLES]
    src = _jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(src), "-o", str(out), "-q"]) == 0
    full = out.read_text().splitlines()
    # as a killed run leaves it: two records, then half of the third
    out.write_text(full[0] + "\n" + full[1] + "\n" + full[2][: len(full[2]) // 2])
    assert cli.main(["extract", str(src), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_text().splitlines() == full


def test_cli_workers_2_keeps_input_order(tmp_path, extractor):
    rows = [{"id": f"{i}-{n}", "text": t} for n, (i, t) in enumerate(ARTICLES * 2)]
    src = _jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(src), "-o", str(out), "-q", "--workers", "2", "--batch-size", "3"]) == 0
    assert _ids(out) == [r["id"] for r in rows]
    serial = [r.model_dump_json() for r in extractor.pipe(Article(**r) for r in rows)]
    assert out.read_text().splitlines() == serial
