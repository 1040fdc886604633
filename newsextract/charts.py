"""Drawing for the dump report: the timeline's choice of bins and the SVG charts
(inline, drawn here: the page makes no network request)."""
from __future__ import annotations

import datetime as dt
import html
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from .schema import EVENT_TYPES


def escape(value) -> str:
    """`value` as HTML text (None as nothing)."""
    return html.escape("" if value is None else str(value), quote=True)


def number(value: float) -> str:
    """A figure as shown: thousands separated, two decimals unless whole."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


# ------------------------------------------------------------------ timeline bins

@dataclass
class TimelinePlan:
    unit: str = "day"
    bins: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)   # bin -> Counter((type, by publication date) -> events)
    coarser: int = 0
    outside: int = 0


_UNITS = ("day", "month", "year")
_MAX_BINS = {"day": 92, "month": 72}


def _parse_date(value: str, precision: str) -> Optional[dt.date]:
    try:
        if precision == "year":
            return dt.date(int(value[:4]), 1, 1)
        if precision == "month":
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _bin_of(date: dt.date, unit: str) -> str:
    return {"day": date.isoformat(), "month": date.isoformat()[:7], "year": date.isoformat()[:4]}[unit]


def _bin_range(first: dt.date, last: dt.date, unit: str) -> list[str]:
    out, cur = [], first
    while cur <= last:
        out.append(_bin_of(cur, unit))
        if unit == "day":
            cur += dt.timedelta(days=1)
        elif unit == "month":
            cur = dt.date(cur.year + cur.month // 12, cur.month % 12 + 1, 1)
        else:
            cur = dt.date(cur.year + 1, 1, 1)
    return out


def _quantile(dated: list[tuple[dt.date, int]], q: float) -> dt.date:
    total = sum(n for _, n in dated)
    seen = 0
    for date, n in dated:
        seen += n
        if seen >= q * total:
            return date
    return dated[-1][0]


def _fits(unit: str, lo: dt.date, hi: dt.date) -> bool:
    span = (hi - lo).days
    return unit == "year" or (unit == "day" and span <= _MAX_BINS["day"]) or \
        (unit == "month" and span <= 31 * _MAX_BINS["month"])


def timeline_bins(counts: Counter, *, drawn_share: float = 0.9) -> TimelinePlan:
    """Choose the finest bin size (day, month, year) that draws at least
    `drawn_share` of the dated events (an event dated to a month cannot go in a
    day's column) and whose range fits the chart; count events per bin and
    series. The range is the 2nd-98th percentile of the drawable dates, so one
    stray historical date does not flatten the rest."""
    dated = []
    for (value, precision, etype, by_pub), n in counts.items():
        date = _parse_date(value, precision)
        if date is not None:
            dated.append((date, _UNITS.index(precision), (etype, by_pub), n))
    if not dated:
        return TimelinePlan()
    total = sum(n for *_, n in dated)
    for rank, unit in enumerate(_UNITS):
        drawable = sorted((d, n) for d, prank, _, n in dated if prank <= rank)
        if not drawable or (sum(n for _, n in drawable) < drawn_share * total and unit != "year"):
            continue
        lo, hi = _quantile(drawable, 0.02), _quantile(drawable, 0.98)
        if _fits(unit, lo, hi):
            break
    bins = _bin_range(lo, hi, unit)
    if unit == "day" and len(bins) < 7:   # a few days: pad the axis to a week for legibility
        start = lo - dt.timedelta(days=(7 - len(bins)) // 2)
        bins = _bin_range(start, start + dt.timedelta(days=6), unit)
    valid = set(bins)
    plan = TimelinePlan(unit=unit, bins=bins, counts={b: Counter() for b in bins})
    for date, prank, series, n in dated:
        if prank > rank:
            plan.coarser += n
            continue
        key = _bin_of(date, unit)
        if key in valid:
            plan.counts[key][series] += n
        else:
            plan.outside += n
    return plan


# ------------------------------------------------------------------ SVG charts

def bar_chart(items: list, *, width: int = 520, label_width: int = 190, row: int = 22) -> str:
    """Horizontal bars: items are (label, value, colour, hover text)."""
    if not items:
        return ""
    top = max((v for _, v, _, _ in items), default=0) or 1
    plot = width - label_width - 70
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{row * len(items) + 4}" '
           f'viewBox="0 0 {width} {row * len(items) + 4}" role="img">']
    for i, (label, value, colour, hover) in enumerate(items):
        y = i * row + 2
        w = max(1.0, plot * value / top) if value else 0
        shown = label if len(label) <= 28 else label[:27] + "…"
        out.append(f'<g><title>{escape(hover)}</title>'
                   f'<text x="{label_width - 6}" y="{y + row * 0.68:.1f}" text-anchor="end">{escape(shown)}</text>'
                   f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{escape(colour)}"/>'
                   f'<text x="{label_width + w + 4:.1f}" y="{y + row * 0.68:.1f}" class="v">{number(value)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def stacked_columns(bins: list, counts: dict, colours: dict, *, height: int = 240) -> str:
    """Columns per bin, stacked by type; counts is bin -> {(type, lighter?): n}."""
    left, bottom, top_pad = 40, 54, 10
    col = max(6, min(56, 880 // max(1, len(bins))))
    width = left + col * len(bins) + 10
    plot_h = height - bottom - top_pad
    peak = max((sum(c.values()) for c in counts.values()), default=0) or 1
    scale = plot_h / peak
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img">']
    ticks = (0, peak / 2, peak) if peak < 4 else (0, round(peak / 2), peak)
    for value in ticks:
        y = height - bottom - value * scale
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{number(round(value, 1))}</text>')
    every = max(1, math.ceil(len(bins) * 64 / max(1, width - left)))
    for i, b in enumerate(bins):
        x = left + i * col
        y = height - bottom
        for (etype, light), n in sorted(counts[b].items(), key=_series_order):
            h = n * scale
            y -= h
            note, opacity = (" (publication date)", ' fill-opacity="0.4"') if light else ("", "")
            out.append(f'<rect x="{x + 1}" y="{y:.1f}" width="{col - 2}" height="{h:.1f}" '
                       f'fill="{escape(colours.get(etype, "#999"))}"{opacity}>'
                       f"<title>{escape(b)} · {escape(etype)}{note}: {n:,}</title></rect>")
        if i % every == 0:
            out.append(f'<text x="{x + col / 2:.1f}" y="{height - bottom + 12}" text-anchor="end" '
                       f'transform="rotate(-45 {x + col / 2:.1f} {height - bottom + 12})">{escape(b)}</text>')
    out.append("</svg>")
    return "".join(out)


def _series_order(item):
    (etype, light), _ = item
    return (EVENT_TYPES.index(etype) if etype in EVENT_TYPES else 99, light)
