"""Date expressions: finding them in text and resolving them to ISO dates.

dateparser is slow, so it is only called on short expressions the pipeline has
already found (`find_dates`, one regex compiled at import from the word lists of
models/dates.json), through one parser per publication date, and its answers are
cached. Precision (day, month, year) comes from the shape of the expression, not
from dateparser, which always returns a full datetime.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Optional

from .tables import Table, load_table

Direction = Literal["previous", "current", "following", "within"]


class DatesTable(Table):
    """models/dates.json: the words date expressions are made of."""

    months: list[str]
    month_abbreviations: list[str]
    weekdays: list[str]
    times_of_day: list[str]
    modifiers: dict[str, Direction]
    relative_days: dict[str, int]
    period_modifiers: dict[str, Direction]
    period_units: list[Literal["month", "year"]]
    bare_month_after: list[str]
    year_after: list[str]
    bound_words: list[str]
    start_bound_words: list[str]
    clock_words: list[str]


TABLE = load_table("dates.json", DatesTable)
BOUND_WORDS = frozenset(TABLE.bound_words)
"""'since', 'until'...: before a date, they make it a bound of what is told, not its date."""
START_BOUND_WORDS = frozenset(TABLE.start_bound_words)
"""'since': the bound where what is told began ('held since April')."""


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in words)


def _any_case(phrase: str) -> str:
    """A lower-case phrase as news prose writes it: its first letter may be a capital."""
    first, *rest = phrase.split()
    head = f"[{first[0].upper()}{first[0]}]{re.escape(first[1:])}"
    return r"\s+".join([head] + [re.escape(w) for w in rest])


def _any_case_alternatives(phrases) -> str:
    return "|".join(_any_case(p) for p in phrases)


_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_MON_FULL = _alternatives(TABLE.months)
_MON = _alternatives(TABLE.months + TABLE.month_abbreviations)
# explicit dates as they appear in datelines, bylines and captions (any case)
_MONTHS_ANY_CASE = _alternatives(dict.fromkeys(w.lower() for w in TABLE.month_abbreviations + TABLE.months))
_EXPLICIT_DATE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS_ANY_CASE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS_ANY_CASE})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
_WEEKDAY = _alternatives(TABLE.weekdays)
_MODIFIER = _any_case_alternatives(TABLE.modifiers)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
# every branch starts at a word start with a digit, a capital or the first letter of
# a relative word (last, this, yesterday...): a cheap first test at each position
_LOWER_INITIALS = "".join(sorted({p[0] for p in [*TABLE.modifiers, *TABLE.relative_days, *TABLE.period_modifiers]}))
_DATE_RE = re.compile(
    rf"(?=\b[0-9A-Z{_LOWER_INITIALS}])(?:"
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|(?P<mdy>\b(?:{_MON})\.?\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<dmy>\b{_DAY}\s+(?:of\s+)?(?:{_MON})\b\.?(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<my>\b(?:{_MON})\.?,?\s+(?:of\s+)?{_YEAR}\b)"
    rf"|(?P<relmon>\b(?P<relmon_rel>{_MODIFIER})\s+(?P<relmon_mon>{_MON_FULL})\b)"
    rf"|(?P<mon>\b(?:{_MON_FULL})\b)"
    rf"|(?P<wd>\b(?:(?P<wd_rel>{_MODIFIER})\s+)?(?P<wd_day>{_WEEKDAY})\b"
    rf"(?:\s+(?:{_alternatives(TABLE.times_of_day)})\b)?)"
    rf"|(?P<relday>\b(?:{_any_case_alternatives(TABLE.relative_days)})\b)"
    rf"|(?P<relper>\b(?P<relper_rel>{_any_case_alternatives(TABLE.period_modifiers)})"
    rf"\s+(?P<relper_unit>{_alternatives(TABLE.period_units)})\b)"
    rf"|(?P<year>\b{_YEAR}\b))"
)
# the word before a bare month or year must make it a date ("in September", "the 2016 vote")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)[\s-]*$")
_BARE_MONTH_PREV = frozenset(TABLE.bare_month_after)
_YEAR_PREV = frozenset(TABLE.year_after)
_CLOCK_AFTER_RE = re.compile(rf"\s*(?:(?:{_alternatives(TABLE.clock_words)})\b|[AaPp]\.?[Mm]\b)|[-%]")
_YEAR_SPAN_RE = re.compile(r"(?<!\s)\s*(?:-|–|to)\s*\d")
_ENDS_WITH_YEAR_RE = re.compile(_YEAR + r"$")
PRECISION = {"iso": "day", "mdy": "day", "dmy": "day", "my": "month", "relmon": "month", "mon": "month",
             "wd": "day", "relday": "day", "relper": None, "year": "year"}
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "MDY"}


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
        return self.prev_word in BOUND_WORDS


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
        if kind == "year" and (_YEAR_SPAN_RE.match(text[m.end():m.end() + 5]) or _CLOCK_AFTER_RE.match(text, m.end())):
            continue  # "2014-2016", a span of years; "1900 GMT", a time of day
        precision = PRECISION[kind] or m.group("relper_unit")
        found.append(DateMention(m.start() + offset, m.end() + offset, m.group(0), kind, precision, prev_word))
    return found


# --------------------------------------------------------------- resolution

@lru_cache(maxsize=64)
def _parser(base_iso: Optional[str], prefer: str):
    """One dateparser parser per publication date (its settings built once).
    dateparser is imported here, on first use: it takes a while to load its data."""
    import dateparser.date

    settings = dict(_SETTINGS)
    if base_iso:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base_iso)
        settings["PREFER_DATES_FROM"] = prefer
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=8192)
def _parse(expression: str, base_iso: Optional[str], prefer: str = "past") -> Optional[dt.datetime]:
    try:
        return _parser(base_iso, prefer if base_iso else "past").get_date_data(expression)["date_obj"]
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


def _prefer(direction: Optional[str], future: bool) -> str:
    """Which side of the publication date a named day or month is looked for on."""
    return "future" if direction == "following" or (future and direction != "previous") else "past"


def _resolve_weekday(text: str, base: dt.date, future: bool) -> Optional[dt.datetime]:
    words = text.split()
    direction = TABLE.modifiers.get(words[0].lower())
    day = words[1] if direction else words[0]
    prefer = _prefer(direction, future)
    # base moved a day away: "on Saturday" in a Saturday paper is that same day
    shift = 1 if prefer == "past" else 0 if direction == "following" else -1
    parsed = _parse(day, (base + dt.timedelta(days=shift)).isoformat(), prefer)
    if parsed and direction == "previous" and (base - parsed.date()).days <= 1:
        parsed -= dt.timedelta(days=7)  # 'last Friday' in a Saturday paper: a week before yesterday
    return parsed


def _resolve_period(text: str, base: dt.date, precision: str) -> dt.date:
    """'last month', 'this year', 'next month': counted from the publication date."""
    step = {"previous": -1, "following": 1}.get(TABLE.period_modifiers.get(text.lower().rsplit(None, 1)[0]), 0)
    if precision == "year":
        return dt.date(base.year + step, 1, 1)
    months = base.year * 12 + base.month - 1 + step
    return dt.date(months // 12, months % 12 + 1, 1)


def _resolve_month(text: str, published: str, base: dt.date, future: bool) -> Optional[dt.datetime]:
    words = text.split()
    direction = TABLE.modifiers.get(words[0].lower()) if len(words) > 1 else None
    parsed = _parse(words[-1], published, _prefer(direction, future))
    if parsed and direction == "previous" and (parsed.year, parsed.month) >= (base.year, base.month):
        parsed = parsed.replace(year=parsed.year - 1)
    elif parsed and direction == "current":
        parsed = parsed.replace(year=base.year)
    return parsed


def resolve_mention(mention: DateMention, published: Optional[str], future: bool = False) -> Optional[str]:
    """The ISO date (YYYY-MM-DD, YYYY-MM or YYYY after the mention's precision) of
    a found expression, resolved against the publication date; None when it needs
    a publication date that is unknown, or dateparser cannot read it. A bare weekday,
    month or day of a month is taken in the past, or with `future` (what is planned)
    in the days to come."""
    kind, text = mention.kind, " ".join(mention.text.split())
    if kind == "year":
        return text
    if kind in ("iso", "my") or (kind in ("mdy", "dmy") and _ENDS_WITH_YEAR_RE.search(text)):
        parsed = _parse(text.replace(" of ", " "), None)
        return _format(parsed.date(), mention.precision) if parsed else None
    if not published:
        return None
    base = dt.date.fromisoformat(published)
    if kind in ("mdy", "dmy"):
        parsed = _parse(text.replace(" of ", " "), published, "future" if future else "past")
    elif kind == "wd":
        parsed = _resolve_weekday(text, base, future)
    elif kind == "relday":
        return (base + dt.timedelta(days=TABLE.relative_days[text.lower()])).isoformat()
    elif kind == "relper":
        return _format(_resolve_period(text, base, mention.precision), mention.precision)
    else:  # a month name, bare or with last/this/next/early/late
        parsed = _resolve_month(text, published, base, future)
    return _format(parsed.date(), mention.precision) if parsed else None
