"""Text cleaning before NLP.

Two texts come out of `clean()`:

* `text`: the *source text*. It is the input after decoding-level repairs only
  (leading BOMs dropped, CRLF/CR turned into LF, lone surrogates turned into
  U+FFFD, NFC normalization, common mojibake fixed; see `normalize`). Every
  offset in a record points into it, and it is stored in the record
  (`ArticleRecord.text`).
* `analysis`: a copy of exactly the same length that the spaCy model reads.
  Site chrome, credits, bylines and datelines are blanked with spaces; control
  characters and exotic line breaks become spaces or newlines. Because the
  lengths match, a spaCy offset is a source-text offset.

Captions stay in the analysis text (their names are entities) but are listed as
regions so that the extractors take no numbers, quotes or events from them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .schema import Region
from .text.tables import Table, load_table

# a lone UTF-16 surrogate (JSON may carry "\ud800") cannot be encoded as UTF-8
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# characters the model should not see: C0/C1 controls except tab and newline,
# bidi controls, zero-width characters, BOMs left inside the text
_INVISIBLE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe]")
_LINEBREAK_RE = re.compile(r"[\u2028\u2029\x85]")
_SPACE_RE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


@dataclass
class CleanedText:
    text: str
    analysis: str
    regions: list[Region] = field(default_factory=list)

    def region_kind(self, start: int, end: int) -> str | None:
        """The kind of the region that contains [start, end), if any."""
        for r in self.regions:
            if r.start <= start and end <= r.end:
                return r.kind
        return None


def misread_as_cp1252(char: str) -> str:
    """How `char` looks when its UTF-8 bytes are decoded as Windows-1252 (bytes
    that code page leaves undefined pass through as the C1 control, as browsers do)."""
    out = []
    for byte in char.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@dataclass(frozen=True)
class _Mojibake:
    """Wrong forms -> right characters, and one regex finding any wrong form.

    A run of "Â" before a character is taken whole ("ÂÂ»" from repeated
    mis-decoding). A repaired character can complete another wrong form
    ("â€" + "â€œ" -> "â€“"), so `repair` runs until nothing changes; with the
    packaged table that takes at most two passes (tests/test_cleaning.py).

    Not ftfy: ftfy 6.3 limited to encoding repair (`fix_encoding`,
    `restore_byte_a0`, `decode_inconsistent_utf8`; every other fix off) was
    measured against this. It gives the same text on every article of the
    evaluation corpora, is idempotent on the hostile strategies, and repairs
    more (a mis-read "€", Cyrillic read as Latin-1), but it undoes one level of
    mis-decoding per pass over the line, so a run of "Â" before a character is
    quadratic: 1,000 take 0.9 s and 10,000 take 100 s (here: one regex pass,
    linear; tests/test_cleaning.py times it); on ordinary articles it costs
    0.2 ms against 0.01 ms. A text must never stall a run, so this table stays."""

    table: dict
    pattern: re.Pattern
    MAX_PASSES = 4

    @classmethod
    def build(cls, targets: str, extra: dict) -> "_Mojibake":
        table = {misread_as_cp1252(c): c for c in targets}
        table.update(extra)
        alternatives = sorted(table, key=len, reverse=True)
        pattern = re.compile("|".join(
            "Â+" + re.escape(k[1:]) if k.startswith("Â") else re.escape(k) for k in alternatives))
        return cls(table=table, pattern=pattern)

    def repair(self, text: str) -> str:
        def one(m: re.Match) -> str:
            found = m.group()
            return self.table[found] if found in self.table else self.table["Â" + found.lstrip("Â")]
        for _ in range(self.MAX_PASSES):
            repaired = self.pattern.sub(one, text)
            if repaired == text:
                break
            text = repaired
        return text


@dataclass(frozen=True)
class _Rules:
    mojibake: _Mojibake
    chrome: re.Pattern
    chrome_inline: tuple[re.Pattern, ...]
    credit_brackets: re.Pattern
    credit_glued: re.Pattern
    credit_lines: re.Pattern
    byline: re.Pattern
    caption_cues: re.Pattern
    datelines: tuple[re.Pattern, ...]
    teaser_marker: re.Pattern
    menu_glue: re.Pattern
    menu_glue_min: int
    name_line: re.Pattern


class CleaningTable(Table):
    """models/cleaning.json: the cleaner's patterns (Python regexes) and mojibake table."""

    chrome_lines: list[str]
    chrome_inline: list[str]
    credit_brackets: str
    credit_glued: str
    credit_lines: list[str]
    bylines: list[str]
    caption_cues: list[str]
    dateline: list[str]
    teaser_markers: list[str]
    menu_glue: str
    menu_glue_min: int
    name_line: str
    mojibake_targets: str
    mojibake_extra: dict[str, str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_table("cleaning.json", CleaningTable)
    whole = lambda pats: re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in pats) + r")$", re.I)
    return _Rules(
        mojibake=_Mojibake.build(data.mojibake_targets, data.mojibake_extra),
        chrome=whole(data.chrome_lines),
        chrome_inline=tuple(re.compile(p, re.I) for p in data.chrome_inline),
        credit_brackets=re.compile(data.credit_brackets, re.I),
        credit_glued=re.compile(data.credit_glued, re.I),
        credit_lines=whole(data.credit_lines),
        byline=whole(data.bylines),
        caption_cues=re.compile("|".join(f"(?:{p})" for p in data.caption_cues), re.I),
        datelines=tuple(re.compile(p) for p in data.dateline),
        teaser_marker=whole(data.teaser_markers),
        menu_glue=re.compile(data.menu_glue),
        menu_glue_min=data.menu_glue_min,
        name_line=whole([data.name_line]),
    )


def scrub_surrogates(value: str | None) -> str | None:
    """`value` with each lone UTF-16 surrogate replaced by U+FFFD, so it can be written as UTF-8."""
    if value and _SURROGATE_RE.search(value):
        return _SURROGATE_RE.sub("\ufffd", value)
    return value


def normalize(raw: str) -> str:
    """Decoding-level repairs; the result is the source text offsets point into.

    Leading BOMs are dropped, CRLF and CR become LF, lone surrogates become
    U+FFFD, the text is NFC-normalized and common mojibake is repaired (after
    NFC, so that a composed "Ã" is seen, then NFC again). Idempotent:
    `normalize(normalize(x)) == normalize(x)`, so a record's text can be fed back.
    """
    text = raw.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = scrub_surrogates(text)
    text = unicodedata.normalize("NFC", text)
    if "Ã" in text or "â€" in text or "Â" in text:
        text = unicodedata.normalize("NFC", _rules().mojibake.repair(text))
    return text


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _names_beside_set_aside(rules: _Rules, text: str, lines: list[list], blank) -> None:
    """An author's name alone on its line ("Jane Doe") next to a byline, credit
    or chrome line ("2 Min Read", "Share this article") is a byline too, as is
    the same name repeated."""
    names = set()
    for _ in range(2):
        for i, (s, e, kind) in enumerate(lines):
            if kind is not None or not rules.name_line.match(text[s:e]):
                continue
            beside = [lines[j][2] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if text[s:e] in names or any(k in ("chrome", "credit", "byline") for k in beside):
                blank("byline", s, e)
                lines[i][2] = "byline"
                names.add(text[s:e])


def clean(raw: str, *, max_line_scan: int = 400, dateline_window: int = 8,
          dateline_min_lead: int = 40) -> CleanedText:
    """Normalize `raw` and find chrome, credits, bylines, datelines and captions.

    Lines longer than `max_line_scan` characters are body text: the line rules
    only look at short lines, which also keeps the cost linear. A dateline opens
    the lead paragraph, so it is looked for only in the first `dateline_window`
    lines that are not chrome, and it must stand alone on its line or be followed
    by at least `dateline_min_lead` characters of story ("Ukraine: talks resume"
    as a headline, or "President X: we will win", is not a dateline).
    """
    rules = _rules()
    text = normalize(raw)
    analysis = list(_SPACE_RE.sub(" ", _INVISIBLE_RE.sub(" ", _LINEBREAK_RE.sub("\n", text))))
    regions: list[Region] = []
    seen_paragraphs: set[str] = set()
    content_lines = 0
    lines: list[list] = []  # [start, end, kind set aside or None] of every non-empty line

    def blank(kind, start, end):
        if end <= start:
            return
        regions.append(Region(kind=kind, start=start, end=end))
        for i in range(start, end):
            if analysis[i] != "\n":
                analysis[i] = " "

    for start, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        short = len(stripped) <= max_line_scan
        lines.append([s, e, None])
        if short and rules.teaser_marker.match(stripped):
            # "Read more" under a related story's headline: both are chrome
            if len(lines) > 1 and lines[-2][2] is None and lines[-2][1] - lines[-2][0] <= 200:
                blank("chrome", lines[-2][0], lines[-2][1])
                lines[-2][2] = "chrome"
            blank("chrome", s, e)
            lines[-1][2] = "chrome"
            continue
        if short and (rules.chrome.match(stripped) or rules.credit_lines.match(stripped)
                      or len(rules.menu_glue.findall(stripped)) >= rules.menu_glue_min):
            lines[-1][2] = "credit" if rules.credit_lines.match(stripped) else "chrome"
            blank(lines[-1][2], s, e)
            continue
        if short and rules.byline.match(stripped):
            blank("byline", s, e)
            lines[-1][2] = "byline"
            continue
        key = stripped.casefold()
        if key in seen_paragraphs and len(stripped) > 20:
            blank("chrome", s, e)  # a headline or lede the page repeats word for word
            continue
        seen_paragraphs.add(key)
        content_lines += 1
        for pat in rules.datelines if content_lines <= dateline_window else ():
            m = pat.match(stripped)
            if m and (m.end() == len(stripped) or len(stripped) - m.end() >= dateline_min_lead):
                blank("dateline", s, s + m.end())
                break
        for pat in rules.chrome_inline:
            m = pat.search(stripped)
            if m:
                blank("chrome", s + m.start(), s + m.end())
        credit = None
        for m in rules.credit_brackets.finditer(stripped):
            if len(stripped) - m.end() <= 2:  # a credit closes its caption
                credit = m
                blank("credit", s + m.start(), s + m.end())
        glued = rules.credit_glued.search(stripped) if short else None
        if glued:
            credit = glued
            blank("credit", s + glued.start(), s + glued.end())
        if credit is not None or (short and rules.caption_cues.search(stripped)):
            end = s + (credit.start() if credit is not None else len(stripped))
            if end > s:
                regions.append(Region(kind="caption", start=s, end=end))
    _names_beside_set_aside(rules, text, lines, blank)
    regions.sort(key=lambda r: (r.start, r.end))
    return CleanedText(text=text, analysis="".join(analysis), regions=regions)
