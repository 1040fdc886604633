"""Reading JSON that may be hostile: one error type for every way a line fails to
decode, and a streaming reader of the values of a JSON text (or the elements of a
top-level array) that survives broken and undecodable records."""
from __future__ import annotations

import json
import re
import sys
from typing import Optional, TextIO

_CHUNK = 1 << 20  # characters read at a time


class JsonError(ValueError):
    """JSON that cannot be read: a syntax error, or valid JSON beyond what Python's
    decoder holds (nesting deeper than the recursion limit, an integer longer than
    `sys.get_int_max_str_digits()`). The message is ready for an error report."""


def loads_json(text: str):
    """`json.loads`, with every way a line can fail to decode as one `JsonError`
    (a RecursionError or the integer-digits ValueError would otherwise end a run)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise JsonError(f"bad JSON: {err}") from None
    except (RecursionError, ValueError) as err:
        raise JsonError(beyond_decoder_message(err)) from None


def beyond_decoder_message(err: BaseException) -> str:
    """Why valid JSON could not be decoded: too deep, or a number too long."""
    if isinstance(err, RecursionError):
        return "bad JSON: nested too deeply to read (arrays or objects inside each other about 1,000 levels deep)"
    if "digits" in str(err):
        return f"bad JSON: a number has more than {sys.get_int_max_str_digits()} digits"
    return f"bad JSON: {err}"


class JsonValues:
    """Yields (line, value, error) for each top-level value of a JSON text stream, or
    each element of a top-level array, reading the text in chunks. After a syntax
    error it resumes at the next element that starts an object (`, {` in an array,
    a `{` opening a line otherwise), so one broken record does not lose the file.
    Valid JSON that Python's decoder cannot hold (nested about 1,000 deep, an integer
    of more than 4,300 digits) is skipped whole, brackets matched, as one error.

    Not ijson: ijson (yajl2_c) reads a large array about 6x faster, but it stops at
    the first syntax error (one bad element loses the rest of the file) and reports
    no positions, so errors could not name their line. Reading is a small part of a
    run's time (0.06 ms of about 90 ms per article), so this reader stays."""

    _WS = re.compile(r"[ \t\r\n]*")
    _NEXT_IN_ARRAY = re.compile(r",[ \t\r\n]*(?=\{)")
    _NEXT_VALUE = re.compile(r"\n[ \t\r]*(?=[{\[])")
    # a string (its closing quote missing when the buffer ends inside it) or a bracket
    _STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')
    _NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")

    def __init__(self, text: TextIO, max_chars: int):
        self.text, self.max_chars = text, max_chars
        self.buf, self.pos, self.eof, self.line = "", 0, False, 1
        self.decoder = json.JSONDecoder()

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.text.read(max(_CHUNK, len(self.buf) - self.pos))
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def _advance(self, to: int) -> None:
        self.line += self.buf.count("\n", self.pos, to)
        self.pos = to

    def _peek(self) -> Optional[str]:
        """The next non-blank character (None at the end), with `pos` on it."""
        while True:
            self._advance(self._WS.match(self.buf, self.pos).end())
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return None

    def _decode(self):
        """(value, None, None) for the value at `pos`, `pos` moved past it; else
        (None, error, resync_at): resynchronise from `resync_at`, or, when it is None,
        the bad value was skipped whole and `pos` is after it."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as err:
                incomplete = err.msg.startswith("Unterminated string") or err.pos >= len(self.buf) - 16
                if incomplete and len(self.buf) - self.pos <= self.max_chars and self._more():
                    continue
                if len(self.buf) - self.pos > self.max_chars:
                    return None, f"record is longer than the limit of {self.max_chars} characters", self.pos + 1
                return None, f"bad JSON: {err.msg}", err.pos
            except (RecursionError, ValueError) as err:
                error = beyond_decoder_message(err)
                return (None, error, None) if self._skip_value() else (None, error, self.pos + 1)
            if end == len(self.buf) and self._more():  # a number might go on
                continue
            self._advance(end)
            return value, None, None

    def _value_end(self) -> Optional[int]:
        """Where the value at `pos` ends, found by matching brackets outside strings
        (no decoding, so no depth limit); None when the buffer ends first."""
        if self.buf[self.pos] not in "[{":
            m = self._NUMBER.match(self.buf, self.pos)
            return m.end() if m and (m.end() < len(self.buf) or self.eof) else None
        depth = 0
        for m in self._STRUCTURE.finditer(self.buf, self.pos):
            token = m.group()
            if token[0] == '"':
                if len(token) < 2 or token[-1] != '"':
                    return None  # the string goes on in the next chunk
            elif token in "[{":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return m.end()
        return None

    def _skip_value(self) -> bool:
        """Move past the value at `pos` without decoding it; False when it does not
        end within the size limit or the file (the caller then resynchronises)."""
        while True:
            end = self._value_end()
            if end is not None:
                self._advance(end)
                return True
            if len(self.buf) - self.pos > self.max_chars or not self._more():
                return False

    def _resync(self, pattern: re.Pattern, start: int) -> bool:
        """Move to the next match of `pattern` after `start`; False at the end."""
        start = max(start, self.pos)
        while True:
            m = pattern.search(self.buf, start)
            if m:
                self._advance(m.end())
                return True
            self._advance(max(self.pos, len(self.buf) - 64))  # a match may straddle two chunks
            if not self._more():
                return False
            start = self.pos

    def __iter__(self):
        first = self._peek()
        if first is None:
            return
        in_array = first == "["
        if in_array:
            self._advance(self.pos + 1)
        resync = self._NEXT_IN_ARRAY if in_array else self._NEXT_VALUE
        while True:
            c = self._peek()
            if c is None:
                if in_array:
                    yield self.line, None, "unexpected end of file: the JSON array is not closed"
                return
            if in_array and c == "]":
                return
            line = self.line
            value, error, resync_at = self._decode()
            if error:
                yield line, None, error
                if resync_at is not None:
                    if not self._resync(resync, resync_at):
                        return
                    continue
            else:
                yield line, value, None
            if in_array:
                c = self._peek()
                if c == ",":
                    self._advance(self.pos + 1)
                elif c == "]":
                    return
                else:
                    yield self.line, None, ("unexpected end of file: the JSON array is not closed" if c is None
                                            else f"bad JSON: expected ',' or ']' after an element, found {c!r}")
                    if c is None or not self._resync(resync, self.pos):
                        return
