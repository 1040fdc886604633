"""Readers: turn files and dumps into a stream of `Item`s (an article, or why one
input could not be read), in input order and in constant memory.

Formats, chosen by file name (after a compression suffix) or, failing that, by
the first bytes: JSON Lines (.jsonl/.ndjson), JSON (.json: a top-level array is
read element by element, never loaded whole), CSV/TSV, plain text (one article
per file), HTML pages (main text, title, date and URL via trafilatura) and WARC
archives (warcio; HTML responses). gzip, bz2 and xz are undone transparently,
recognised by their magic bytes whatever the extension.

Every unreadable record becomes an `Item` with `error` and where it came from
(file and line, or byte offset in a WARC), so a batch can report it and go on.
"""
from __future__ import annotations

import bz2
import csv
import gzip
import io
import lzma
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, TextIO

from ..schema import Article
from .fields import TEXT_FIELDS, FieldMap, RowError
from .json_values import JsonError, JsonValues, beyond_decoder_message, loads_json

DEFAULT_MAX_BYTES = 50_000_000  # one record (line, row, file, page) larger than this is an error

FORMATS = ("jsonl", "json", "csv", "tsv", "text", "html", "warc")
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".arc": "warc",
}
_COMPRESSION_SUFFIXES = {".gz", ".gzip", ".bz2", ".xz", ".lzma"}
_MAGIC = ((b"\x1f\x8b", gzip.GzipFile), (b"BZh", bz2.BZ2File), (b"\xfd7zXZ\x00", lzma.LZMAFile))
_CHUNK = 1 << 20


# ------------------------------------------------------------------ items

@dataclass
class HtmlPage:
    """An HTML page whose main text is still to be extracted. Extraction (trafilatura)
    is deferred so that a batch can do it in its worker processes."""

    html: bytes
    id: str
    url: Optional[str] = None

    def to_article(self) -> Article:
        return html_to_article(self.html, id=self.id, url=self.url)


@dataclass
class Item:
    """One input: an `Article` (or an `HtmlPage` still to be read), or `error` with
    the reason it could not be read; `line` or `offset` say where in `source`."""

    source: str
    line: Optional[int] = None
    article: Optional[Article] = None
    error: Optional[str] = None
    page: Optional[HtmlPage] = None
    offset: Optional[int] = None
    id: Optional[str] = None

    def __post_init__(self):
        if self.id is None:
            if self.article is not None:
                self.id = self.article.id
            elif self.page is not None:
                self.id = self.page.id

    @property
    def where(self) -> str:
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.offset is not None:
            return f"{self.source}@{self.offset}"
        return self.source

    @property
    def payload(self):
        """What a worker needs to make the record: the `Article` or the `HtmlPage`."""
        return self.article if self.article is not None else self.page

    def load(self) -> Article:
        """The article, extracting an HTML page's main text if needed (ValueError if none)."""
        if self.error:
            raise ValueError(self.error)
        return self.article if self.article is not None else self.page.to_article()


# ------------------------------------------------------------------ options and opening

@dataclass
class ReadOptions:
    """How to read: field names, the text encoding of non-HTML inputs, the size limit
    of one record, a forced format, and whether HTML extraction is left to the caller."""

    fields: FieldMap = field(default_factory=FieldMap)
    encoding: str = "utf-8"
    max_bytes: int = DEFAULT_MAX_BYTES
    format: Optional[str] = None
    defer_html: bool = False

    @property
    def text_encoding(self) -> str:
        return "utf-8-sig" if self.encoding.lower().replace("_", "-") in ("utf-8", "utf8") else self.encoding


def decompressed(raw: BinaryIO) -> io.BufferedIOBase:
    """`raw` with gzip/bz2/xz undone, recognised by magic bytes (peekable result)."""
    stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
    head = stream.peek(6)[:6]
    for magic, opener in _MAGIC:
        if head.startswith(magic):
            return opener(fileobj=stream) if opener is gzip.GzipFile else opener(stream)
    return stream


def _compression(stream) -> Optional[bytes]:
    head = stream.peek(6)[:6]
    return next((magic for magic, _ in _MAGIC if head.startswith(magic)), None)


def format_of(name: str) -> Optional[str]:
    """The format a file name announces, looking through compression suffixes."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    while suffixes and suffixes[-1] in _COMPRESSION_SUFFIXES:
        suffixes.pop()
    return _SUFFIX_FORMATS.get(suffixes[-1]) if suffixes else None


def sniff_format(head: bytes) -> str:
    """The format of a stream from its first bytes (already decompressed)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start[:1] in (b"{", b"["):
        return "json"
    lowered = start[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    return "text"


def _stem(source: str) -> str:
    name = Path(source).name
    while True:
        base, dot, suffix = name.rpartition(".")
        if not dot or not base or f".{suffix.lower()}" not in _COMPRESSION_SUFFIXES | set(_SUFFIX_FORMATS):
            return name
        name = base


def _read_limited(stream: BinaryIO, limit: int) -> Optional[bytes]:
    """The whole stream, or None when it holds more than `limit` bytes (read in
    chunks: a large limit does not mean a large allocation for a small file)."""
    parts, size = [], 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
    return None


def _not_decodable(err: UnicodeDecodeError, encoding: str) -> str:
    bad = err.object[err.start:err.start + 1].hex()
    return f"not valid {encoding} (byte 0x{bad} at offset {err.start}); pass --encoding"


# ------------------------------------------------------------------ one format each

def read_jsonl(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """One JSON object per line; a bad line is an error item and the next is read."""
    stem, limit, encoding = _stem(source), options.max_bytes, options.text_encoding
    n = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = stream.readline(_CHUNK)
            yield Item(source, line=n, error=f"line is longer than the limit of {limit} bytes")
            continue
        if not raw.strip():
            continue
        try:
            row = loads_json(raw.decode(encoding))
        except UnicodeDecodeError as err:
            yield Item(source, line=n, error=_not_decodable(err, options.encoding))
        except JsonError as err:
            yield Item(source, line=n, error=str(err))
        else:
            yield _row_item(row, source, n, f"{stem}-{n}", options)


def _release(text: io.TextIOWrapper) -> None:
    """Detach a text wrapper so that it does not close the caller's stream."""
    try:
        text.detach()
    except ValueError:  # the stream was closed already
        pass


def _rows_of(value) -> Optional[list]:
    """The article rows inside a wrapper object such as {"articles": [...]}: the one
    list of objects it holds, when the object itself has no text field."""
    if not isinstance(value, dict) or FieldMap._lookup(value, None, TEXT_FIELDS)[0] is not None:
        return None
    lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
    return lists[0] if len(lists) == 1 else None


def read_json(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """A JSON document: a top-level array is read one element at a time (memory holds
    one element, not the file); a sequence of values (one object, or concatenated or
    line-separated objects) is read one value at a time. A wrapper object holding one
    list of articles ({"articles": [...]}) is the exception: it is loaded whole."""
    text = io.TextIOWrapper(stream, encoding=options.text_encoding, errors="surrogateescape")
    try:
        yield from _json_items(JsonValues(text, options.max_bytes), source, options)
    finally:
        _release(text)


def _json_items(values: JsonValues, source: str, options: ReadOptions) -> Iterator[Item]:
    stem = _stem(source)
    n = 0
    for line, value, error in values:
        n += 1
        if error:
            yield Item(source, line=line, error=error)
            continue
        rows = _rows_of(value)
        for k, row in enumerate(rows if rows is not None else [value], 1):
            index = f"{n}.{k}" if rows is not None else str(n)
            yield _row_item(row, source, line, f"{stem}-{index}", options)


def _row_item(row, source: str, line: int, fallback_id: str, options: ReadOptions) -> Item:
    """The article in a decoded JSON row, or the error saying why it is none."""
    try:
        return Item(source, line=line, article=options.fields.article(row, fallback_id))
    except RowError as err:
        return Item(source, line=line, error=str(err), id=err.id)
    except (RecursionError, ValueError) as err:  # a field too deep to turn into a string, an invalid Article
        return Item(source, line=line, error=beyond_decoder_message(err) if isinstance(err, RecursionError)
                    else f"not an article: {err}")


def read_delimited(stream: BinaryIO, source: str, options: ReadOptions, delimiter: str = ",") -> Iterator[Item]:
    """CSV or TSV with a header row; quoted fields may span lines."""
    text = io.TextIOWrapper(stream, encoding=options.text_encoding, errors="surrogateescape", newline="")
    try:
        yield from _delimited_items(text, source, options, delimiter)
    finally:
        _release(text)


def _delimited_items(text: TextIO, source: str, options: ReadOptions, delimiter: str) -> Iterator[Item]:
    stem = _stem(source)
    csv.field_size_limit(min(max(options.max_bytes, 131072), 2**31 - 1))
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as err:
        yield Item(source, line=1, error=f"bad header row: {err}")
        return
    header = [h.strip() for h in header]
    row_number, last_line = 0, reader.line_num
    while True:
        start = last_line + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            last_line = reader.line_num
            yield Item(source, line=start, error=f"bad {'TSV' if delimiter == chr(9) else 'CSV'} row: {err}")
            continue
        last_line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        row_number += 1
        row = dict(zip(header, values))
        try:
            art = options.fields.article(row, f"{stem}-{row_number}")
        except RowError as err:
            yield Item(source, line=start, error=str(err), id=err.id)
        else:
            yield Item(source, line=start, article=art)


def read_text(stream: BinaryIO, source: str, options: ReadOptions, id: Optional[str] = None) -> Iterator[Item]:
    """The whole stream is one article; its id is the file name without suffixes."""
    ident = id or _stem(source)
    data = _read_limited(stream, options.max_bytes)
    if data is None:
        yield Item(source, error=f"file is larger than the limit of {options.max_bytes} bytes", id=ident)
        return
    try:
        text = data.decode(options.text_encoding)
    except UnicodeDecodeError as err:
        yield Item(source, error=_not_decodable(err, options.encoding), id=ident)
        return
    if not text.strip():
        yield Item(source, error="empty text", id=ident)
        return
    yield Item(source, article=Article(text=text, id=ident))


def html_to_article(html, *, id: str, url: Optional[str] = None) -> Article:
    """The main text, title, date and URL of an HTML page (trafilatura); paragraphs
    are separated by blank lines. ValueError when the page holds no article text."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML page")
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    return Article(text="\n\n".join(paragraphs), id=id, title=doc.title or None,
                   published=doc.date or None, url=url or doc.url or None)


def read_html(stream: BinaryIO, source: str, options: ReadOptions, id: Optional[str] = None,
              url: Optional[str] = None, offset: Optional[int] = None) -> Iterator[Item]:
    """One HTML page; its id is the file name without suffixes."""
    ident = id or _stem(source)
    data = _read_limited(stream, options.max_bytes)
    if data is None:
        yield Item(source, offset=offset, error=f"page is larger than the limit of {options.max_bytes} bytes",
                   id=ident)
        return
    yield _page_item(HtmlPage(data, ident, url), source, options, offset)


def _page_item(page: HtmlPage, source: str, options: ReadOptions, offset: Optional[int]) -> Item:
    if options.defer_html:
        return Item(source, offset=offset, page=page)
    try:
        return Item(source, offset=offset, article=page.to_article())
    except Exception as err:  # noqa: BLE001 - a page trafilatura cannot read is one error, not the end
        return Item(source, offset=offset, error=str(err) if isinstance(err, ValueError)
                    else f"{type(err).__name__}: {err}", id=page.id)


def read_warc(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """The HTML pages of a WARC (or ARC) archive: `response` records with status 200
    and `resource` records, of an HTML content type. The id is the WARC-Record-ID
    (without `<urn:uuid:` `>`), the URL the WARC-Target-URI; `offset` is the record's
    byte offset (as `warcio extract` takes it). Other records are not articles and
    are passed over silently."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            if record.rec_type == "response":
                if record.http_headers is None or record.http_headers.get_statuscode() != "200":
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            rid = rid[len("urn:uuid:"):] if rid.startswith("urn:uuid:") else rid
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                data = _read_limited(record.content_stream(), options.max_bytes)
                error = None
            except Exception as err:  # noqa: BLE001 - a broken payload (bad gzip, bad chunking)
                data, error = b"", f"unreadable payload: {err}"
            offset = records.get_record_offset()  # known once the record is read
            ident = rid or url or f"{_stem(source)}@{offset}"
            if error:
                yield Item(source, offset=offset, error=error, id=ident)
                continue
            if data is None:
                yield Item(source, offset=offset, id=ident,
                           error=f"page is larger than the limit of {options.max_bytes} bytes")
                continue
            yield _page_item(HtmlPage(data, ident, url), source, options, offset)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
        yield Item(source, error=f"unreadable WARC, stopped here: {err}")


# ------------------------------------------------------------------ files, folders, stdin

def read_stream(stream: BinaryIO, source: str, options: Optional[ReadOptions] = None,
                format: Optional[str] = None, id: Optional[str] = None) -> Iterator[Item]:
    """Items from an open binary stream (compressed or not) in the given format, else
    the one its first bytes suggest. `id` names the article of a text or HTML file."""
    options = options or ReadOptions()
    raw = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
    fmt = format or options.format
    gzipped = _compression(raw) == b"\x1f\x8b"
    if fmt == "warc" and gzipped:
        # warcio undoes gzip itself and then reports offsets into the compressed file
        yield from read_warc(raw, source, options)
        return
    data = decompressed(raw)
    if fmt is None:
        fmt = sniff_format(data.peek(2048)[:2048])
        if fmt == "warc" and gzipped and raw.seekable():
            raw.seek(0)
            data = raw
    if fmt == "warc":
        yield from read_warc(data, source, options)
    elif fmt == "jsonl":
        yield from read_jsonl(data, source, options)
    elif fmt == "json":
        yield from read_json(data, source, options)
    elif fmt in ("csv", "tsv"):
        yield from read_delimited(data, source, options, "\t" if fmt == "tsv" else ",")
    elif fmt == "html":
        yield from read_html(data, source, options, id=id)
    elif fmt == "text":
        yield from read_text(data, source, options, id=id)
    else:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def read_file(path: Path, options: Optional[ReadOptions] = None, id: Optional[str] = None) -> Iterator[Item]:
    """Items of one file, its format told by `options.format`, its name or its first bytes."""
    options = options or ReadOptions()
    try:
        fh = path.open("rb")
    except OSError as err:
        yield Item(str(path), error=f"cannot open: {err.strerror or err}")
        return
    with fh:
        try:
            yield from read_stream(fh, str(path), options, options.format or format_of(path.name), id=id)
        except (OSError, EOFError, lzma.LZMAError, zlib.error) as err:  # a truncated or corrupt archive
            yield Item(str(path), error=f"unreadable file, stopped here: {err}")


def files_under(folder: Path) -> Iterator[Path]:
    """The readable files of a folder, recursively, sorted, hidden ones left out."""
    for child in sorted(folder.rglob("*")):
        rel = child.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if child.is_file() and format_of(child.name) is not None:
            yield child


def _file_id(path: Path, folder: Path) -> str:
    """A one-article file's id: its path under the folder given, without suffixes
    ("2024/03/story" for 2024/03/story.html.gz), so equal names in subfolders differ."""
    rel = path.relative_to(folder)
    return "/".join([*rel.parts[:-1], _stem(rel.name)])


def iter_inputs(paths: Iterable[str], fields: Optional[FieldMap] = None, *,
                options: Optional[ReadOptions] = None, exclude: Iterable[str] = ()) -> Iterator[Item]:
    """Items from files, folders (recursively, sorted by path) and '-' (stdin).
    Files in `exclude` (the run's own output and errors files) are never read from
    a folder, so a run writing into the folder it reads does not feed on itself."""
    options = options or ReadOptions()
    if fields is not None:
        options.fields = fields
    excluded = {Path(p).resolve() for p in exclude if p and p != "-"}
    for p in paths:
        if p == "-":
            data = decompressed(sys.stdin.buffer)
            fmt = options.format or sniff_format(data.peek(2048)[:2048])
            yield from read_stream(data, "<stdin>", options, fmt, id="stdin")
            continue
        path = Path(p)
        if path.is_dir():
            for child in files_under(path):
                if child.resolve() not in excluded:
                    yield from read_file(child, options, id=_file_id(child, path))
        elif path.is_file():
            yield from read_file(path, options)
        else:
            yield Item(p, error="no such file or directory")
