"""Small helpers on spaCy spans shared by the components: evidence sentences,
regions (captions, chrome) and quotation-mark context."""
from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from .schema import REGION_KINDS, Evidence

EVIDENCE_EXCLUDED = frozenset(REGION_KINDS)   # every region the cleaner sets aside

# a Doc's text never changes (spaCy's tokenization is non-destructive), but `Doc.text`
# joins the tokens again on every access: joined once per Doc, shared by all components
_DOC_TEXT: "WeakKeyDictionary[Doc, str]" = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc."""
    text = _DOC_TEXT.get(doc)
    if text is None:
        text = _DOC_TEXT[doc] = doc.text
    return text


def evidence_between(doc: Doc, start: int, end: int) -> Evidence:
    """The text of [start, end) as evidence, trimmed of surrounding whitespace."""
    raw = doc_text(doc)[start:end]
    body = raw.strip()
    start += len(raw) - len(raw.lstrip())
    return Evidence(text=body, start=start, end=start + len(body))


def evidence(doc: Doc, sent: Span) -> Evidence:
    """The sentence as evidence, trimmed of surrounding whitespace."""
    return evidence_between(doc, sent.start_char, sent.end_char)


def region_at(doc: Doc, start: int, end: int | None = None) -> str | None:
    """The kind of cleaner region covering [start, end), or None."""
    end = start + 1 if end is None else end
    for kind, rs, re_ in doc._.ne_regions or ():
        if rs <= start and end <= re_:
            return kind
    return None


def in_caption(doc: Doc, start: int, end: int | None = None) -> bool:
    return region_at(doc, start, end) in EVIDENCE_EXCLUDED


class OffsetIndex:
    """Find which of a sorted list of (start, end, value) ranges contains a position."""

    def __init__(self, ranges):
        self.ranges = sorted(ranges)
        self.starts = [r[0] for r in self.ranges]

    def at(self, pos: int):
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.ranges[i][0] <= pos < self.ranges[i][1]:
            return self.ranges[i][2]
        return None
