"""Reading records back (newsextract.io.records): record files, errors files, and
the one article or record `show` is asked for."""
from __future__ import annotations

import json

import pytest

from newsextract.io.records import ArticleNotFound, error_place, find_article, read_errors, read_records
from newsextract.schema import Article, ArticleRecord


def test_a_line_that_is_not_a_record_is_an_error_and_reading_goes_on(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = ['{"id": "a", "events": []}', "not json", "[1, 2]",
             '{"id": "deep", "x": ' + "[" * 5000 + "]" * 5000 + "}",      # RecursionError in json
             '{"id": "huge", "n": ' + "9" * 5000 + "}",                   # past int's digit limit
             "", '{"id": "b", "events": []}']
    path.write_text("\n".join(lines) + "\n")
    rows = list(read_records([str(path)]))
    assert [(where.rsplit(":", 1)[1], rec["id"] if rec else None) for where, rec, _ in rows] == [
        ("1", "a"), ("2", None), ("3", None), ("4", None), ("5", None), ("7", "b")]
    assert all(error for _, rec, error in rows if rec is None)


@pytest.mark.parametrize("entry, where", [
    ({"id": "x", "file": "dump.jsonl", "line": 7, "error": "empty text"}, "dump.jsonl:7"),
    ({"id": "p", "file": "crawl.warc", "line": None, "offset": 1200, "error": "no text"}, "crawl.warc@1200"),
    ({"id": None, "file": "notes.txt", "line": None, "error": "empty text"}, "notes.txt"),
    ({"error": "no place"}, None),
])
def test_an_errors_entry_names_the_input_file_and_line(entry, where):
    assert error_place(entry) == where


def test_the_errors_file_is_read_with_input_places(tmp_path):
    path = tmp_path / "errors.jsonl"
    path.write_text(json.dumps({"id": "x", "file": "dump.jsonl", "line": 7, "error": "empty text"}) + "\n{oops\n")
    assert list(read_errors(str(path))) == [("dump.jsonl:7", "empty text", "x"),
                                            (f"{path}:2", "unreadable errors-file line", None)]


def test_find_article_tells_records_from_articles(tmp_path):
    record = ArticleRecord(id="r1", text="x", text_hash="0" * 64)
    (tmp_path / "records.jsonl").write_text(record.model_dump_json() + "\n")
    (tmp_path / "story.txt").write_text("Rain fell on Lima.")
    assert find_article(tmp_path / "records.jsonl") == record
    found = find_article(tmp_path / "story.txt")
    assert isinstance(found, Article) and (found.id, found.text) == ("story", "Rain fell on Lima.")
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(ValueError, match="empty"):
        find_article(tmp_path / "empty.txt")
    with pytest.raises(ArticleNotFound):
        find_article(tmp_path / "records.jsonl", article_id="nope")
