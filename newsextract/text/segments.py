"""Segmentation: where a sentence of a news article ends.

News text puts headlines, datelines and captions on lines of their own, often
without a full stop. A line break therefore always ends a segment, whatever the
parser or sentencizer says; a whitespace token holding the break belongs to no
segment. One rule, used twice: before the parser (`line_starts`, read by the
line-break sentencizer, so the parser respects it) and after it (`segments`,
which also cuts where a parse joined two lines anyway).
"""
from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

# each Doc's segments as (start, end) token bounds, read once however many components ask (a
# Doc's sentences are set by then); bounds, not Spans, which would keep their Doc alive
_SEGMENTS: "WeakKeyDictionary[Doc, tuple[tuple[int, int], ...]]" = WeakKeyDictionary()


def is_line_break(token: Token, min_newlines: int = 1) -> bool:
    """A whitespace token holding at least `min_newlines` newlines."""
    return token.is_space and token.text.count("\n") >= min_newlines


def line_starts(doc: Doc, min_newlines: int = 1) -> list[int]:
    """Indexes of the first non-space token after each line break (never the Doc's first token)."""
    starts = []
    after_break = False
    for token in doc:
        if token.is_space:  # is_line_break, inlined: this runs on every token
            after_break = after_break or token.text.count("\n") >= min_newlines
            continue
        if after_break and token.i > 0:
            starts.append(token.i)
        after_break = False
    return starts


def segments(doc: Doc) -> list[Span]:
    """The Doc's sentences (the whole Doc when nothing set sentence starts), cut
    again at line breaks; segments of whitespace only are left out."""
    bounds = _SEGMENTS.get(doc)
    if bounds is None:
        bounds = _SEGMENTS[doc] = tuple((seg.start, seg.end) for seg in _segments(doc))
    return [doc[start:end] for start, end in bounds]


def _segments(doc: Doc) -> list[Span]:
    out = []
    sents = doc.sents if doc.has_annotation("SENT_START") else (doc[:],)
    for sent in sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:  # is_line_break, inlined: this runs on every token
                if any(not t.is_space for t in doc[start:token.i]):
                    out.append(doc[start:token.i])
                start = token.i + 1
        if any(not t.is_space for t in doc[start:sent.end]):
            out.append(doc[start:sent.end])
    return _rejoin_cut_lines(doc, out)


def _rejoin_cut_lines(doc: Doc, segs: list[Span]) -> list[Span]:
    """Within a line, no sentence ends on a bare word: where the parser cut a line right after
    one ('Russia' / 'and' / 'Ukraine swapped ...' after a one-word line above), the pieces
    are one segment again. A cut after punctuation (a full stop, a dateline's dash) stays."""
    out: list[Span] = []
    for seg in segs:
        if out:
            prev = out[-1]
            last = prev[-1]
            same_line = prev.end == seg.start and "\n" not in last.whitespace_
            if same_line and (last.is_alpha or last.like_num):
                out[-1] = doc[prev.start:seg.end]
                continue
        out.append(seg)
    return out


def segment_index(doc: Doc, segs: list[Span]) -> list[int]:
    """For each token of the Doc, the index of its segment in `segs` (-1: in none)."""
    index = [-1] * len(doc)
    for si, seg in enumerate(segs):
        for i in range(seg.start, seg.end):
            index[i] = si
    return index
