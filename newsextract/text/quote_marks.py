"""Quotation-mark spans: the one reading of where a quotation starts and ends.

Pure text, no parse. Marks are paired paragraph by paragraph (a paragraph is a
line), each mark's direction read from the characters around it (which beat the
glyph: typists get curly marks wrong), so a stray or missing mark costs one
quote, never the article. A paragraph that opens a quote and does not close it
continues into the next paragraph that opens one. Two single marks written as
one double mark (``like this'' or ''like this'', as some archives and wires type
them) are one double mark. Single marks count only in a paragraph with no double
marks, and apostrophes ("don't", "the parents’") are never marks.

`find_quote_spans(text)` gives the spans; `QuoteIndex` answers "is this offset
inside a quotation" (marks included) for the other stages.

The work is linear in the number of marks: each mark is looked at a bounded
number of times, whatever the runs of marks an input holds.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

OPEN_GLYPHS = "“„‟«"
CLOSE_GLYPHS = "”»"
DOUBLE_MARKS = '"' + OPEN_GLYPHS + CLOSE_GLYPHS
SINGLE_MARKS = "‘’'‚‛"
# pairs of single marks typed as one double mark, and the direction their glyphs tell
DOUBLED_MARKS = {"``": "open", "‘‘": "open", "’’": "close", "''": "either"}
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;" + DOUBLE_MARKS + SINGLE_MARKS)
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)]}—–-…" + DOUBLE_MARKS + SINGLE_MARKS)
PARAGRAPH_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’']{0,2}(?=\s)")
_DOUBLE_RE = re.compile("|".join(re.escape(m) for m in DOUBLED_MARKS) + "|[" + re.escape(DOUBLE_MARKS) + "]")
_SINGLE_RE = re.compile("[" + re.escape(SINGLE_MARKS) + "]")


@dataclass
class QuoteSpan:
    """One quotation: `start`/`end` delimit the words inside the marks."""

    start: int
    end: int
    open_mark: Optional[int]          # offset of the opening mark, None if recovered without one
    close_mark: Optional[int]         # offset of the closing mark, None if the paragraph ended first
    paragraph: int
    continues: bool = False           # continues the previous paragraph's unclosed quote
    continued: bool = False           # left open at its paragraph's end, continued in the next
    recovered: bool = False           # built around a stray or missing mark
    single: bool = False              # delimited by single quotation marks
    close_width: int = 1              # characters of the closing mark ('' is two)

    @property
    def outer_start(self) -> int:
        return self.open_mark if self.open_mark is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_mark + self.close_width if self.close_mark is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` that holds more than whitespace."""
    return [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text) if m.group().strip()]


def mark_direction(text: str, i: int, lo: int, hi: int, width: int = 1) -> str:
    """'open', 'close' or 'either' for the quotation mark text[i:i + width] in the
    paragraph text[lo:hi], from the characters around it, else from its glyph."""
    prev = text[i - 1] if i > lo else None
    nxt = text[i + width] if i + width < hi else None
    opens = prev is None or prev in _BEFORE_OPEN
    closes = nxt is None or nxt in _AFTER_CLOSE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if width > 1:
        return DOUBLED_MARKS.get(text[i:i + width], "either")
    ch = text[i]
    if ch in OPEN_GLYPHS:
        return "open"
    if ch in CLOSE_GLYPHS:
        return "close"
    return "either"


def is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """A single mark that is an apostrophe: don't, Mark’s, O’Brien, ’90s, parents’."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    if nxt.isdigit() and not prev.isalnum():
        return True
    return prev in "sSzZ" and (nxt.isspace() or nxt in ",.;:")


def _pair_marks(marks: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (open, close), stray opens and stray closes among a paragraph's marks."""
    pairs, stray_open, stray_close = [], [], []
    open_at = None
    for pos, direction in marks:
        if direction == "either":
            direction = "close" if open_at is not None else "open"
        if direction == "open":
            if open_at is not None:
                stray_open.append(open_at)
            open_at = pos
        elif open_at is not None:
            pairs.append((open_at, pos))
            open_at = None
        else:
            stray_close.append(pos)
    if open_at is not None:
        stray_open.append(open_at)
    return pairs, stray_open, stray_close


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_marks(text: str, lo: int, hi: int) -> tuple[list[tuple[int, str]], dict[int, int], bool]:
    """The quotation marks of one paragraph with their direction, the width of those
    longer than one character, and whether the marks are single."""
    found = list(_DOUBLE_RE.finditer(text, lo, hi))
    if found:
        widths = {m.start(): len(m.group()) for m in found if len(m.group()) > 1}
        return [(m.start(), mark_direction(text, m.start(), lo, hi, len(m.group()))) for m in found], widths, False
    return [(m.start(), mark_direction(text, m.start(), lo, hi)) for m in _SINGLE_RE.finditer(text, lo, hi)
            if not is_apostrophe(text, m.start(), lo, hi)], {}, True


def _opens_paragraph(text: str, lo: int, hi: int, single: bool) -> bool:
    """Whether the paragraph text[lo:hi] starts with a mark of the kind given that may open."""
    if single:
        return text[lo] in SINGLE_MARKS and mark_direction(text, lo, lo, hi) != "close"
    m = _DOUBLE_RE.match(text, lo, hi)
    return m is not None and mark_direction(text, lo, lo, hi, len(m.group())) != "close"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, in order, none overlapping another. An article's spans
    are read once, however many components ask (the spans are not changed once built)."""
    return list(_quote_spans(text))


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    paras = paragraphs(text)
    found: list[QuoteSpan] = []
    pending_continuation = False
    for pi, (lo, hi) in enumerate(paras):
        marks, widths, single = _paragraph_marks(text, lo, hi)
        positions = [pos for pos, _ in marks]
        pairs, stray_open, stray_close = _pair_marks(marks)
        spans: list[QuoteSpan] = []
        for o, c in pairs:
            s, e = trim(text, o + widths.get(o, 1), c)
            spans.append(QuoteSpan(s, e, o, c, pi, single=single, close_width=widths.get(c, 1)))
        first_mark = positions[0] if positions else None
        for o in stray_open:
            k = bisect_right(positions, o)
            if k == len(positions):
                # open to the paragraph's end: a quote continued in the next paragraph,
                # or one whose closing mark was lost
                s, e = trim(text, o + widths.get(o, 1), hi)
                nxt = paras[pi + 1] if pi + 1 < len(paras) else None
                cont = bool(nxt) and _opens_paragraph(text, nxt[0], nxt[1], single)
                spans.append(QuoteSpan(s, e, o, None, pi, continued=cont, recovered=not cont, single=single))
            else:
                # a mark opened again before this one closed: keep the whole sentences up to there
                last_end = None
                for m in _SENTENCE_END_RE.finditer(text, o + widths.get(o, 1), positions[k]):
                    last_end = m.end()
                if last_end is not None:
                    s, e = trim(text, o + widths.get(o, 1), last_end)
                    spans.append(QuoteSpan(s, e, o, None, pi, recovered=True, single=single))
        for c in stray_close:
            # a closing mark with no opening: the quote ran from the paragraph start
            if c == first_mark and c > lo and text[c - 1] in ",.!?…":
                s, e = trim(text, lo, c)
                spans.append(QuoteSpan(s, e, None, c, pi, recovered=not pending_continuation,
                                       continues=pending_continuation, single=single,
                                       close_width=widths.get(c, 1)))
        spans.sort(key=lambda q: q.start)
        if spans and pending_continuation and spans[0].outer_start == lo:
            spans[0].continues = True
        pending_continuation = any(q.continued for q in spans)
        found.extend(q for q in spans if q.end > q.start)
    return tuple(found)


class QuoteIndex:
    """Which quotation, if any, holds a character offset (its marks included)."""

    def __init__(self, spans: Iterable[QuoteSpan]):
        self.spans = sorted(spans, key=lambda q: q.outer_start)
        self._starts = [q.outer_start for q in self.spans]

    @classmethod
    def of_text(cls, text: str) -> "QuoteIndex":
        return cls(find_quote_spans(text))

    def at(self, offset: int) -> Optional[QuoteSpan]:
        """The quotation whose marks enclose `offset`, or None."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and offset < self.spans[k].outer_end:
            return self.spans[k]
        return None

    def inside(self, offset: int) -> bool:
        return self.at(offset) is not None
