"""Date expressions and their resolution.

dateparser is slow, so it is only called on short expressions the pipeline has
already found (`find_dates`, one regex compiled at import), with fixed settings,
and its answers are cached. Precision (day, month, year) comes from the shape of
the expression, not from dateparser, which always returns a full datetime.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
           "august|september|october|november|december")
# explicit dates as they appear in datelines, bylines and captions
_EXPLICIT_DATE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "MDY"}

# --------------------------------------------------------------- finding expressions in text
# Month and weekday names are matched capitalized, as news prose writes them, so that
# "may" (the verb) and "march" (the verb) are not read as months.
_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = _MON_FULL + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_DATE_RE = re.compile(
    # every branch starts at a word start with a digit, a capital or one of l/t/n/e/y
    # (last, this, next, early, yesterday...): a cheap first test at each position
    rf"(?=\b[0-9A-Zltney])(?:"
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|(?P<mdy>\b(?:{_MON})\.?\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<dmy>\b{_DAY}\s+(?:of\s+)?(?:{_MON})\b\.?(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<my>\b(?:{_MON})\.?,?\s+(?:of\s+)?{_YEAR}\b)"
    rf"|(?P<relmon>\b(?P<relmon_rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate)\s+(?P<relmon_mon>{_MON_FULL})\b)"
    rf"|(?P<mon>\b(?:{_MON_FULL})\b)"
    rf"|(?P<wd>\b(?:(?P<wd_rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate)\s+)?(?P<wd_day>{_WEEKDAY})\b"
    rf"(?:\s+(?:night|morning|afternoon|evening)\b)?)"
    rf"|(?P<relday>\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+night|[Ee]arlier\s+today"
    rf"|[Tt]his\s+(?:morning|afternoon|evening))\b)"
    rf"|(?P<relper>\b(?P<relper_rel>[Ll]ast|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this|[Nn]ext)\s+(?P<relper_unit>month|year)\b)"
    rf"|(?P<year>\b{_YEAR}\b))"
)
# the word before a bare month or year must make it a date ("in September", "the 2016 vote")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)[\s-]*$")
_BARE_MONTH_PREV = frozenset({
    "in", "since", "until", "till", "by", "from", "during", "early", "late", "mid", "between", "and", "of",
    "last", "this", "next", "before", "after", "through", "to", "or", "on",
})
_YEAR_PREV = frozenset({"in", "since", "until", "till", "by", "from", "during", "early", "late", "mid",
                        "between", "and", "of", "the", "a", "an", "its", "their", "his", "her", "before", "after",
                        "through", "or"})
_CLOCK_AFTER_RE = re.compile(r"\s*(?:GMT|UTC|hrs\b|hours\b|h\b|local\b|[AaPp]\.?[Mm]\b)|[-%]")
_WEEKDAYS = {d.lower(): i for i, d in enumerate(_WEEKDAY.split("|"))}
PRECISION = {"iso": "day", "mdy": "day", "dmy": "day", "my": "month", "relmon": "month", "mon": "month",
             "wd": "day", "relday": "day", "relper": None, "year": "year"}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: offsets, kind (the regex branch) and the
    word before it ("in", "since", "on", ...), which says how the date attaches."""

    start: int
    end: int
    text: str
    kind: str
    precision: str
    prev_word: str = ""

    @property
    def is_bound(self) -> bool:
        """'since August', 'until 2020': a boundary, not the date of what is told."""
        return self.prev_word in ("since", "until", "till", "before")


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Date expressions in `text` (offsets shifted by `offset`)."""
    found = []
    for m in _DATE_RE.finditer(text):
        kind = m.lastgroup
        if kind.endswith(("_rel", "_mon", "_day", "_unit")):  # a named sub-group closed last
            kind = next(k for k in PRECISION if m.group(k))
        prev = _PREV_WORD_RE.search(text, max(0, m.start() - 16), m.start())
        prev_word = prev.group(1).lower() if prev else ""
        if kind == "mon" and prev_word not in _BARE_MONTH_PREV:
            continue
        if kind == "year" and prev_word not in _YEAR_PREV:
            continue
        if kind == "year" and (re.match(r"\s*(?:-|–|to)\s*\d", text[m.end():m.end() + 5])
                               or _CLOCK_AFTER_RE.match(text, m.end())):
            continue  # "2014-2016", a span of years; "1900 GMT", a time of day
        precision = PRECISION[kind] or ("month" if m.group("relper_unit") == "month" else "year")
        found.append(DateMention(m.start() + offset, m.end() + offset, m.group(0), kind, precision, prev_word))
    return found


# --------------------------------------------------------------- resolution

@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # imported lazily: it takes a while to load its data

    return dateparser


@lru_cache(maxsize=8192)
def _parse(expression: str, base_iso: Optional[str], prefer: str = "past") -> Optional[dt.datetime]:
    settings = dict(_SETTINGS)
    if base_iso:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base_iso)
        settings["PREFER_DATES_FROM"] = prefer
    try:
        return _dateparser().parse(expression, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None


def parse_published(value: str) -> Optional[dt.date]:
    """A publication date given on input: ISO first, dateparser for anything else."""
    m = _ISO_RE.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    value = value.strip()
    if not value or len(value) > 60:
        return None
    parsed = _parse(value, None)
    return parsed.date() if parsed else None


def infer_published(head: str) -> Optional[dt.date]:
    """The publication date written near the top of an article (dateline, byline,
    caption), when none was given: the first explicit full date found."""
    m = _EXPLICIT_DATE_RE.search(head)
    if not m:
        return None
    parsed = _parse(m.group(0), None)
    return parsed.date() if parsed else None


def resolve(expression: str, published: Optional[str]) -> Optional[dt.datetime]:
    """Resolve a date expression ("on Saturday", "last October") against the
    publication date (ISO string), cached."""
    return _parse(expression.strip(), published)


def _format(value: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def resolve_mention(mention: DateMention, published: Optional[str], future: bool = False) -> Optional[str]:
    """The ISO date (YYYY-MM-DD, YYYY-MM or YYYY after the mention's precision) of
    a found expression, resolved against the publication date; None when it needs
    a publication date that is unknown, or dateparser cannot read it. A bare weekday,
    month or day of a month is taken in the past, or with `future` (what is planned)
    in the days to come."""
    ahead = "future" if future else "past"
    kind, text = mention.kind, " ".join(mention.text.split())
    base = dt.date.fromisoformat(published) if published else None
    if kind == "year":
        return text
    if kind in ("iso", "my") or (kind in ("mdy", "dmy") and re.search(_YEAR + r"$", text)):
        parsed = _parse(text.replace(" of ", " "), None)
        return _format(parsed.date(), mention.precision) if parsed else None
    if base is None:
        return None
    if kind in ("mdy", "dmy"):
        parsed = _parse(text.replace(" of ", " "), published, ahead)
    elif kind == "wd":
        # base moved a day away: "on Saturday" in a Saturday paper is that same day
        rel, day = (text.split()[0].lower(), text.split()[1]) if text.split()[0].lower() in (
            "last", "this", "next", "early", "late") else ("", text.split()[0])
        prefer = "future" if rel == "next" or (future and rel != "last") else "past"
        shift = 1 if prefer == "past" else 0 if rel == "next" else -1
        shifted = (base + dt.timedelta(days=shift)).isoformat()
        parsed = _parse(day, shifted, prefer)
        if parsed and rel == "last" and (base - parsed.date()).days <= 1:
            parsed -= dt.timedelta(days=7)  # 'last Friday' in a Saturday paper: a week before yesterday
    elif kind == "relday":
        low = text.lower()
        offset = -1 if low in ("yesterday", "last night") else 0
        parsed = _parse("yesterday" if offset else "today", published)
    elif kind == "relper":
        low = text.lower()
        rel = "last" if low.startswith("last") else "next" if low.startswith("next") else "this"
        unit = low.split()[-1]
        parsed = _parse(f"{rel} {unit}" if rel != "this" else "today", published)
    else:  # a month name, bare or with last/this/next/early/late
        words = text.split()
        rel = words[0].lower() if len(words) > 1 else ""
        month = words[-1]
        parsed = _parse(month, published, "future" if rel == "next" or (future and rel != "last") else "past")
        if parsed and rel == "last" and (parsed.year, parsed.month) >= (base.year, base.month):
            parsed = parsed.replace(year=parsed.year - 1)
        elif parsed and rel == "this":
            parsed = parsed.replace(year=base.year)
    return _format(parsed.date(), mention.precision) if parsed else None
