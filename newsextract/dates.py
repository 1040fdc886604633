"""Date expressions and their resolution.

dateparser is slow, so it is only called on short expressions the pipeline has
already found, with fixed settings, and its answers are cached.
"""
from __future__ import annotations

import datetime as dt
import re
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


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # imported lazily: it takes a while to load its data

    return dateparser


@lru_cache(maxsize=4096)
def _parse(expression: str, base_iso: Optional[str]) -> Optional[dt.datetime]:
    settings = dict(_SETTINGS)
    if base_iso:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base_iso)
        settings["PREFER_DATES_FROM"] = "past"
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
