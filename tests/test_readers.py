"""Readers: every format, compression, field mapping, and error items that say where."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import GOOD_ROW_TEXT, hostile_json_rows

from newsextract.io import json_values, readers
from newsextract.io.readers import FieldMap, HtmlPage, ReadOptions, iter_inputs, read_file

STORY = "The council met on Tuesday and approved a new budget for the harbour district."


def _rows(n=3, key="text"):
    return [{"id": f"s{i}", key: f"{STORY} Item {i}.", "title": f"Title {i}"} for i in range(n)]


def _items(*paths, **opts):
    return list(iter_inputs([str(p) for p in paths], options=ReadOptions(**opts)))


def _good(items):
    return [i for i in items if not i.error]


# ------------------------------------------------------------------ JSON Lines and field mapping

@pytest.mark.parametrize("key", ["text", "body", "content", "maintext", "articleBody", "Body", "TEXT"])
def test_jsonl_finds_common_text_field_names(tmp_path, key):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _rows(key=key)) + "\n")
    items = _items(path)
    assert [i.article.id for i in items] == ["s0", "s1", "s2"]
    assert items[1].article.text.endswith("Item 1.") and items[1].article.title == "Title 1"
    assert [i.line for i in items] == [1, 2, 3]


def test_field_mapping_options_and_nested_keys(tmp_path):
    row = {"doc": {"key": "k1", "words": STORY}, "headline_en": "Budget", "when": "2024-03-05",
           "where": "https://example.org/a"}
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps(row) + "\n")
    fields = FieldMap(id="doc.key", text="doc.words", title="headline_en", date="when", url="where")
    [item] = _items(path, fields=fields)
    art = item.article
    assert (art.id, art.text, art.title, art.published, art.url) == (
        "k1", STORY, "Budget", "2024-03-05", "https://example.org/a")


@pytest.mark.parametrize("value, expected", [
    (1709596800, "2024-03-05"),           # seconds
    (1709596800000, "2024-03-05"),        # milliseconds
    ("1709596800", "2024-03-05"),
    ("5 March 2024", "5 March 2024"),     # left for the date parser
])
def test_unix_timestamps_become_iso_dates(tmp_path, value, expected):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": STORY, "published": value}) + "\n")
    [item] = _items(path)
    assert item.article.published == expected


def test_jsonl_bad_lines_are_errors_and_the_rest_is_read(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"id": "a", "text": STORY}).encode(),
             b'{"id": "b", "text": "unclosed',
             json.dumps({"id": "c", "summary": "no text here"}).encode(),
             b'{"id": "d", "text": "caf\xe9 latin-1 byte"}',
             json.dumps({"id": "e", "text": "   "}).encode(),
             json.dumps({"id": "f", "text": STORY}).encode(),
             b'{"id": "g", "text": "lone \\ud800 surrogate"}']
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = _items(path)
    assert [(i.line, i.id, bool(i.error)) for i in items] == [
        (1, "a", False), (2, None, True), (3, "c", True), (4, None, True), (5, "e", True), (6, "f", False),
        (7, "g", False)]  # a lone surrogate from a JSON escape is left to the cleaner (U+FFFD)
    assert "bad JSON" in items[1].error
    assert "no text field" in items[2].error and "--text-field" in items[2].error
    assert "not valid utf-8" in items[3].error and "0xe9" in items[3].error
    assert items[4].error == "empty text"
    assert items[1].where == f"{path}:2"


def test_encoding_option_reads_latin1(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes('{"id": "a", "text": "Caf\u00e9 owners protested in the square."}\n'.encode("latin-1"))
    [item] = _items(path, encoding="latin-1")
    assert item.article.text.startswith("Caf\u00e9")


def test_a_line_over_the_size_limit_is_skipped_whole(tmp_path):
    path = tmp_path / "dump.jsonl"
    big = json.dumps({"id": "big", "text": "x" * 5000})
    path.write_text(json.dumps({"id": "a", "text": STORY}) + "\n" + big + "\n" + json.dumps({"id": "b", "text": STORY}) + "\n")
    items = _items(path, max_bytes=1000)
    assert [(i.line, i.id) for i in items] == [(1, "a"), (2, None), (3, "b")]
    assert "longer than the limit" in items[1].error


@pytest.mark.parametrize("name", ["huge.txt", "huge.html", "huge.txt.gz"])
def test_a_file_over_the_size_limit_is_an_error(tmp_path, name):
    data = b"<html><body><p>" + b"word " * 3000 + b"</p></body></html>"
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (tmp_path / "small.txt").write_text(STORY)
    items = _items(tmp_path, max_bytes=10_000)
    assert [(i.id, bool(i.error)) for i in items] == [("huge", True), ("small", False)]
    assert "larger than the limit of 10000 bytes" in items[0].error


# ------------------------------------------------------------------ JSON documents

def test_json_array_is_read_element_by_element(tmp_path, monkeypatch):
    monkeypatch.setattr(json_values, "_CHUNK", 64)  # chunk boundaries fall inside elements
    rows = _rows(2000)
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(rows, indent=1))
    with path.open("rb") as fh:
        stream = readers.read_stream(fh, str(path), ReadOptions(), "json")
        first = next(stream)
        assert first.article.id == "s0"
        assert fh.tell() < path.stat().st_size / 10  # not loaded whole
        rest = list(stream)
    assert [i.article.id for i in [first, *rest]] == [r["id"] for r in rows]
    assert rest[0].line == 7  # the line where element 2 starts


def test_json_array_broken_element_is_an_error_and_the_next_ones_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(json_values, "_CHUNK", 16)
    path = tmp_path / "dump.json"
    path.write_text('[\n{"id": "a", "text": "one"},\n{"id": "b", "text": "bad \\q escape"},\n'
                    '{"id": "c", "text": "three"},\n7,\n{"id": "e", "text": "five"}\n]')
    items = _items(path)
    assert [(i.line, i.id, bool(i.error)) for i in items] == [
        (2, "a", False), (3, None, True), (4, "c", False), (5, "dump-4", True), (6, "e", False)]
    assert "expected a JSON object" in items[3].error


def test_json_array_cut_short_keeps_the_complete_elements(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text('[{"id": "a", "text": "one"}, {"id": "b", "text": "cut of')
    items = _items(path)
    assert items[0].article.id == "a"
    assert items[1].error.startswith("bad JSON")


@pytest.mark.parametrize("content, ids", [
    ('{"id": "one", "text": "only"}', ["one"]),
    ('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n', ["a", "b"]),        # JSON Lines named .json
    ('{"status": "ok", "articles": [{"content": "x", "id": "n1"}, {"content": "y", "id": "n2"}]}', ["n1", "n2"]),
])
def test_json_single_object_lines_and_wrapper_object(tmp_path, content, ids):
    path = tmp_path / "x.json"
    path.write_text(content)
    assert [i.article.id for i in _items(path)] == ids


def test_json_line_sequence_resumes_after_a_bad_value(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"id": "a", "text": "x"}\n{"id": "b" "text": "y"}\n{"id": "c", "text": "z"}\n')
    items = _items(path)
    assert [(i.line, i.id, bool(i.error)) for i in items] == [(1, "a", False), (2, None, True), (3, "c", False)]


# ------------------------------------------------------------------ valid JSON beyond the decoder

# a row nested deeper than the recursion limit (RecursionError), and numbers longer than
# int's digit limit (ValueError): each used to end the run with a traceback
DEEP = '{"id": "deep", "text": "x", "meta": ' + "[" * 1000 + "]" * 1000 + "}"
DEEP_OBJECTS = ('{"id": "deep", "text": "x", "meta": ['
                + '{"a": "]}[{\\"", "b": ' * 1000 + "1" + "}" * 1000 + "]}")  # brackets inside strings
HUGE_NUMBER = '{"id": "huge", "text": "x", "count": ' + "9" * 5000 + "}"
HUGE_ID = '{"id": ' + "1" * 4301 + ', "text": "x"}'
BEYOND_DECODER = [
    pytest.param(DEEP, "nested too deeply", id="deep"),
    pytest.param(DEEP_OBJECTS, "nested too deeply", id="deep-objects"),
    pytest.param(HUGE_NUMBER, "more than 4300 digits", id="huge-number"),
    pytest.param(HUGE_ID, "more than 4300 digits", id="huge-id"),
    pytest.param("9" * 5000, "more than 4300 digits", id="bare-number"),
]


def _three_rows(bad: str, layout: str) -> str:
    good = [json.dumps(r) for r in _rows(2)]
    rows = [good[0], bad, good[1]]
    return "[\n" + ",\n".join(rows) + "\n]" if layout == "array" else "\n".join(rows) + "\n"


@pytest.mark.parametrize("bad, message", BEYOND_DECODER)
@pytest.mark.parametrize("name, layout", [("dump.jsonl", "lines"), ("dump.json", "lines"), ("dump.json", "array")])
def test_json_beyond_the_decoder_is_a_row_error_with_its_line(tmp_path, monkeypatch, bad, message, name, layout):
    monkeypatch.setattr(json_values, "_CHUNK", 256)  # the bad row spans many chunks
    path = tmp_path / name
    path.write_text(_three_rows(bad, layout))
    items = _items(path)
    first = 2 if layout == "array" else 1
    assert [(i.line, i.id, bool(i.error)) for i in items] == [
        (first, "s0", False), (first + 1, None, True), (first + 2, "s1", False)]
    assert message in items[1].error


@pytest.mark.parametrize("bad, message", BEYOND_DECODER)
def test_json_beyond_the_decoder_last_in_the_file(tmp_path, bad, message):
    path = tmp_path / "dump.json"
    path.write_text("[" + json.dumps(_rows(1)[0]) + ",\n" + bad + "]")
    items = _items(path)
    assert [(i.line, bool(i.error)) for i in items] == [(1, False), (2, True)]
    assert message in items[1].error


def test_deep_json_on_stdin(monkeypatch):
    class FakeStdin:
        buffer = io.BufferedReader(io.BytesIO((json.dumps(_rows(1)[0]) + "\n" + DEEP + "\n").encode()))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    items = list(iter_inputs(["-"]))
    assert [(i.line, bool(i.error)) for i in items] == [(1, False), (2, True)]


@pytest.mark.parametrize("text, message", [
    ('{"a": 1}', None), ("[" * 1000 + "]" * 1000, "nested too deeply"), ("-" + "7" * 4400, "4300 digits"),
    ('{"a": }', "bad JSON: Expecting value"),
])
def test_loads_json_raises_one_error_type(text, message):
    if message is None:
        assert readers.loads_json(text) == {"a": 1}
        return
    with pytest.raises(readers.JsonError, match=message):
        readers.loads_json(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rows=hostile_json_rows(), layout=st.sampled_from(["jsonl", "json-lines", "json-array"]))
def test_a_dump_of_hostile_rows_gives_one_item_per_row(rows, layout):
    """Every row is read, in order and with its line: the good ones as articles, the
    ones Python's decoder cannot hold as errors; none ends the run."""
    lines = [line for _, line in rows]
    if layout == "json-array":
        data, first_line, fmt = "[\n" + ",\n".join(lines) + "\n]", 2, "json"
    else:
        data, first_line, fmt = "\n".join(lines) + "\n", 1, "jsonl" if layout == "jsonl" else "json"
    items = list(readers.read_stream(io.BytesIO(data.encode()), "dump", ReadOptions(), fmt))
    expected = [(first_line + k, kind == "good") for k, (kind, _) in enumerate(rows)]
    assert [(i.line, i.article is not None) for i in items] == expected
    assert [i.article.text for i in items if i.article] == [GOOD_ROW_TEXT] * sum(ok for _, ok in expected)
    assert all(i.error.startswith("bad JSON: ") for i in items if i.article is None)


# ------------------------------------------------------------------ CSV / TSV

def test_csv_quoted_multiline_fields_and_line_numbers(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_text('ID,Headline,Body,Date\n'
                    'n1,First,"Line one, with a comma\nand ""quotes"" on line two",2024-01-02\n'
                    'n2,Second,,2024-01-03\n'
                    'n3,Third,Plain body,2024-01-04\n', newline="")
    items = _items(path)
    assert [(i.line, i.id, i.error) for i in items] == [(2, "n1", None), (4, "n2", "empty text"), (5, "n3", None)]
    assert items[0].article.text == 'Line one, with a comma\nand "quotes" on line two'
    assert items[0].article.title == "First" and items[0].article.published == "2024-01-02"


def test_tsv_with_text_field_option(tmp_path):
    path = tmp_path / "dump.tsv"
    path.write_text("key\tstory_text\nk1\tFirst story.\nk2\tSecond story.\n")
    items = _items(path, fields=FieldMap(id="key", text="story_text"))
    assert [(i.id, i.article.text) for i in items] == [("k1", "First story."), ("k2", "Second story.")]


def test_csv_row_with_bytes_not_in_the_encoding_is_one_error(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_bytes(b"id,text\na,Good row\nb,Bad \xff byte\nc,Good again\n")
    items = _items(path)
    assert [(i.id, bool(i.error)) for i in items] == [("a", False), ("b", True), ("c", False)]
    assert "--encoding" in items[1].error


# ------------------------------------------------------------------ plain text folders

def test_text_folder_recursive_ids_and_skipped_files(tmp_path):
    (tmp_path / "2024" / "03").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "2024" / "03" / "a.txt").write_text("Same name, other folder.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")          # unknown suffix: not read
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    items = _items(tmp_path)
    assert [(i.id, bool(i.error)) for i in items] == [
        ("2024/03/a", False), ("a", False), ("empty", True), ("latin", True)]
    assert items[0].article.text == "Same name, other folder."


def test_exclude_keeps_a_run_from_reading_its_own_output(tmp_path):
    (tmp_path / "in.txt").write_text("An article.")
    (tmp_path / "out.jsonl").write_text(json.dumps({"text": "a record"}) + "\n")
    items = list(iter_inputs([str(tmp_path)], exclude=[str(tmp_path / "out.jsonl")]))
    assert [i.id for i in items] == ["in"]


def test_missing_path_is_an_error_item(tmp_path):
    [item] = _items(tmp_path / "nope.jsonl")
    assert item.error == "no such file or directory"


# ------------------------------------------------------------------ compression

_JSONL = ("\n".join(json.dumps(r) for r in _rows()) + "\n").encode()


@pytest.mark.parametrize("name, compress", [
    ("dump.jsonl.gz", gzip.compress), ("dump.jsonl.bz2", bz2.compress), ("dump.jsonl.xz", lzma.compress),
    ("dump.jsonl", gzip.compress),    # wrong extension: told by the magic bytes
    ("dump.data", bz2.compress),      # no known suffix: format sniffed after decompression
])
def test_compressed_inputs(tmp_path, name, compress):
    path = tmp_path / name
    path.write_bytes(compress(_JSONL))
    items = list(read_file(path))
    assert [i.article.id for i in items] == ["s0", "s1", "s2"]


def test_compressed_folder_members_and_ids(tmp_path):
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(b"A compressed story."))
    [item] = _items(tmp_path)
    assert (item.id, item.article.text) == ("story", "A compressed story.")


def test_truncated_gzip_keeps_what_was_read_then_reports(tmp_path):
    lines = "".join(json.dumps({"id": f"r{i}", "text": STORY * 3}) + "\n" for i in range(200)).encode()
    data = gzip.compress(lines)
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _items(path)
    assert items[0].id == "r0" and not items[0].error
    assert "unreadable file" in items[-1].error


def test_stdin_gzip_jsonl(monkeypatch):
    class FakeStdin:
        buffer = io.BufferedReader(io.BytesIO(gzip.compress(_JSONL)))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    assert [i.article.id for i in iter_inputs(["-"])] == ["s0", "s1", "s2"]


def test_stdin_plain_text_is_one_article(monkeypatch):
    class FakeStdin:
        buffer = io.BufferedReader(io.BytesIO(STORY.encode()))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    [item] = iter_inputs(["-"])
    assert (item.id, item.article.text) == ("stdin", STORY)


# ------------------------------------------------------------------ HTML

PAGE = """<!DOCTYPE html><html><head><title>Floods close the valley road | The Example Post</title>
<meta property="og:title" content="Floods close the valley road">
<meta property="og:url" content="https://news.example.org/2024/03/floods">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Floods close the valley road</h1>
<p>Heavy rain flooded the main valley road on Monday, cutting off four villages, the regional office said.</p>
<p>Engineers expect to reopen one lane by Thursday if the river keeps falling, a spokesperson added.</p>
</article><footer>Copyright The Example Post. All rights reserved.</footer></body></html>"""


def test_html_file_main_text_title_date_url(tmp_path):
    path = tmp_path / "floods.html"
    path.write_text(PAGE)
    [item] = _items(path)
    art = item.article
    assert art.id == "floods"
    assert art.title == "Floods close the valley road"
    assert art.published == "2024-03-05"
    assert art.url == "https://news.example.org/2024/03/floods"
    assert "cutting off four villages" in art.text and "\n\nEngineers expect" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text


def test_html_without_article_text_is_an_error(tmp_path):
    (tmp_path / "empty.htm").write_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    [item] = _items(tmp_path)
    assert item.id == "empty" and "no article text" in item.error


def test_html_deferred_to_the_worker(tmp_path):
    path = tmp_path / "floods.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    [item] = _items(path, defer_html=True)
    assert item.article is None and isinstance(item.page, HtmlPage) and item.id == "floods"
    assert item.load().title == "Floods close the valley road"


# ------------------------------------------------------------------ WARC

def _warc(path: Path, compress: bool):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(writer, url, status, ctype, body):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warc_record("https://news.example.org/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        response(writer, "https://news.example.org/2024/03/floods", "200 OK", "text/html; charset=utf-8",
                 PAGE.encode())
        response(writer, "https://news.example.org/missing", "404 Not Found", "text/html", b"<html>gone</html>")
        response(writer, "https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response(writer, "https://news.example.org/blank", "200 OK", "text/html", b"<html><body></body></html>")


@pytest.mark.parametrize("name, compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses(tmp_path, name, compress):
    path = tmp_path / name
    _warc(path, compress)
    items = _items(path)
    assert len(items) == 2  # the 200 HTML responses; request, 404 and image are not articles
    art = items[0].article
    assert art.url == "https://news.example.org/2024/03/floods"
    assert art.title == "Floods close the valley road" and "four villages" in art.text
    assert len(items[0].id) == 36  # the WARC-Record-ID's uuid
    assert items[0].offset > 0 and items[0].where == f"{path}@{items[0].offset}"
    assert "no article text" in items[1].error
    if compress:  # offsets point into the compressed file, where a gzip member starts
        with path.open("rb") as fh:
            fh.seek(items[0].offset)
            assert fh.read(2) == b"\x1f\x8b"


def test_warc_sniffed_without_suffix(tmp_path):
    path = tmp_path / "crawl.bin"
    _warc(path, True)
    items = list(read_file(path))
    assert items[0].article.url == "https://news.example.org/2024/03/floods"
