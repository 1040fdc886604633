"""The dump report: one self-contained HTML page summarising a run over many articles.

Records are streamed and aggregated (`DumpSummary.add`), never all kept, so a
dump of any size fits in memory: counters are bounded (`TopCounter`), example
lists are capped. Plots are inline SVG drawn here; the page makes no network
request. Records are read as plain dicts, so a dump written by an older or newer
schema version still summarises.
"""
from __future__ import annotations

import datetime as dt
import heapq
import html
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from .schema import EVENT_TYPES
from .visualization import ENTITY_STYLES, safe_url

# one colour per event type, in EVENT_TYPES order (unknown types fall back to grey)
_PALETTE = ("#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a")
EVENT_COLORS = dict(zip(EVENT_TYPES, _PALETTE))
SECTIONS = ("entities", "numeric_claims", "quotes", "events")
# claim categories whose values add up (people, money); the others are only counted
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")   # a path read as an SQLite database, as `extract --db` takes it
SUMMED_CATEGORIES = ("KILLED", "WOUNDED", "DETAINED", "RELEASED", "DISPLACED", "AFFECTED", "MONEY")


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _num(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


class TopCounter:
    """A counter of at most about 2×`capacity` keys: past that it keeps the
    `capacity` largest. Counts are exact while the distinct keys stay under the
    bound; past it, rare keys are dropped and may be undercounted if they recur."""

    def __init__(self, capacity: int = 20_000):
        self.capacity = capacity
        self.counts: Counter = Counter()
        self.pruned = False

    def add(self, key, n: int = 1):
        self.counts[key] += n
        if len(self.counts) > 2 * self.capacity:
            self.counts = Counter(dict(self.counts.most_common(self.capacity)))
            self.pruned = True

    def most_common(self, n: int):
        return self.counts.most_common(n)


@dataclass
class ClaimTotal:
    """The sum of one category's claims (one currency for money) and its largest items."""

    category: str
    currency: Optional[str] = None
    total: float = 0.0
    claims: int = 0
    articles: int = 0
    examples: list = field(default_factory=list)  # heap of (value, seq, article, claim)


@dataclass
class DumpSummary:
    """Running aggregates over a stream of records (dicts) and error entries."""

    top: int = 20
    examples_per_row: int = 8
    list_limit: int = 300
    capacity: int = 20_000

    def __post_init__(self):
        self.articles = 0
        self.section_items: Counter = Counter()
        self.section_articles: Counter = Counter()
        self.mentions = 0
        self.entity_types: Counter = Counter()
        self.events_by_type: Counter = Counter()
        self.events_by_modality: Counter = Counter()
        # (date, precision, type, placed by publication date?) -> events
        self.timeline: Counter = Counter()
        self.undated: Counter = Counter()    # type -> events with no date and no publication date
        self.entities = TopCounter(self.capacity)   # (name, type) -> articles
        self.mediator_articles = TopCounter(self.capacity)   # name -> articles naming it mediator
        self.mediator_events = TopCounter(self.capacity)     # name -> events it mediates
        self.claim_totals: dict[tuple, ClaimTotal] = {}
        self.claims_skipped: Counter = Counter()  # why a claim was not added up
        self.published: Counter = Counter()       # YYYY-MM -> articles
        self.warning_codes: Counter = Counter()
        self.warned_articles = 0
        self.warned: list[dict] = []
        self.error_count = 0
        self.error_kinds: Counter = Counter()
        self.errors: list[dict] = []
        self._seq = 0

    # -- feeding ------------------------------------------------------------
    def add(self, rec: dict) -> None:
        self.articles += 1
        article = {"id": rec.get("id"), "url": rec.get("url"), "title": rec.get("title")}
        for name in SECTIONS:
            items = rec.get(name) or []
            self.section_items[name] += len(items)
            if items:
                self.section_articles[name] += 1
        pub = (rec.get("published") or {}).get("date") if isinstance(rec.get("published"), dict) else None
        if pub:
            self.published[str(pub)[:7]] += 1
        self._add_entities(rec.get("entities") or [], rec.get("events") or [])
        self._add_events(rec.get("events") or [], pub)
        self._add_claims(rec.get("numeric_claims") or [], article)
        warnings = rec.get("warnings") or []
        if warnings:
            self.warned_articles += 1
            codes = [w.get("code", "?") for w in warnings]
            self.warning_codes.update(codes)
            if len(self.warned) < self.list_limit:
                self.warned.append({**article, "codes": codes, "message": warnings[0].get("message", "")})

    def add_error(self, where: str, message: str, article_id: Optional[str] = None) -> None:
        """An input that produced no record (an --errors line, or an unreadable record line)."""
        self.error_count += 1
        self.error_kinds[message.split(":", 1)[0][:60]] += 1
        if len(self.errors) < self.list_limit:
            self.errors.append({"where": where, "id": article_id, "error": message})

    def _add_entities(self, entities: list, events: list) -> None:
        seen, mediators = set(), set()
        for ent in entities:
            key = (ent.get("name", ""), ent.get("type", ""))
            self.entity_types[key[1]] += 1
            self.mentions += len(ent.get("mentions") or [])
            if key not in seen:
                seen.add(key)
                self.entities.add(key)
            if "MEDIATOR" in (ent.get("roles") or []):
                mediators.add(key[0])
        for ev in events:
            med = ev.get("mediator")
            if med and med.get("name"):
                self.mediator_events.add(med["name"])
                mediators.add(med["name"])
        for name in mediators:
            self.mediator_articles.add(name)

    def _add_events(self, events: list, published: Optional[str]) -> None:
        """Events by their own date; one without is placed at its article's
        publication date (drawn lighter), as event datasets built from news do."""
        for ev in events:
            etype = ev.get("type", "?")
            self.events_by_type[etype] += 1
            self.events_by_modality[(etype, ev.get("modality", "asserted"))] += 1
            date = ev.get("date")
            if date:
                precision = ev.get("date_precision") or {10: "day", 7: "month", 4: "year"}.get(len(date), "day")
                self.timeline[(date, precision, etype, False)] += 1
            elif published:
                self.timeline[(str(published)[:10], "day", etype, True)] += 1
            else:
                self.undated[etype] += 1

    def _add_claims(self, claims: list, article: dict) -> None:
        touched = set()
        for c in claims:
            category = c.get("category", "OTHER")
            value = c.get("value")
            if value is None:
                value = c.get("low")
            if c.get("negated") or c.get("hypothetical"):
                self.claims_skipped["negated or hypothetical"] += 1
                continue
            if value is None or not math.isfinite(value):
                self.claims_skipped["no value"] += 1
                continue
            key = (category, c.get("currency") if category == "MONEY" else None)
            row = self.claim_totals.get(key)
            if row is None:
                row = self.claim_totals[key] = ClaimTotal(category, key[1])
            row.claims += 1
            if category in SUMMED_CATEGORIES:
                row.total += value
            if key not in touched:
                touched.add(key)
                row.articles += 1
            self._seq += 1
            item = (value, self._seq, article, {"text": c.get("text", ""), "unit": c.get("unit"),
                                                "evidence": (c.get("evidence") or {}).get("text", "")})
            if len(row.examples) < self.examples_per_row:
                heapq.heappush(row.examples, item)
            elif value > row.examples[0][0]:
                heapq.heapreplace(row.examples, item)

    # -- rendering ----------------------------------------------------------
    def render(self, *, title: str = "newsextract dump report", sources: Iterable[str] = ()) -> str:
        parts = [
            f"<h1>{_e(title)}</h1>",
            f'<p class="meta">{self.articles:,} articles read from {_e(", ".join(sources)) or "—"}; '
            f"inputs without a record: {self.error_count:,}</p>",
            self._overview(), self._events(), self._timeline(), self._entities(),
            self._claims(), self._problems(),
        ]
        return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>"
                + "".join(parts) + "</main></body></html>\n")

    def _overview(self) -> str:
        rows = [("articles", self.articles, self.articles)]
        rows += [(name.replace("_", " "), self.section_items[name], self.section_articles[name]) for name in SECTIONS]
        table = "".join(f"<tr><td>{_e(n)}</td><td>{items:,}</td><td>{arts:,}</td></tr>" for n, items, arts in rows)
        table += f"<tr><td>entity mentions</td><td>{self.mentions:,}</td><td></td></tr>"
        bars = [(name.replace("_", " "), self.section_articles[name], "#4c78a8",
                 f"{self.section_articles[name]:,} of {self.articles:,} articles") for name in SECTIONS]
        types = [(t, n, ENTITY_STYLES.get(t, ("", "#ccc"))[1], f"{n:,} {t} entities")
                 for t, n in self.entity_types.most_common()]
        return ('<section id="overview"><h2>Counts per section</h2><div class="cols"><div>'
                '<table><thead><tr><th>section</th><th>items</th><th>articles with any</th></tr></thead>'
                f"<tbody>{table}</tbody></table></div><div><h3>articles with at least one</h3>"
                f"{bar_chart(bars)}<h3>entities per type</h3>{bar_chart(types)}</div></div></section>")

    def _events(self) -> str:
        if not self.events_by_type:
            return '<section id="events"><h2>Events per type</h2><p class="empty">No events.</p></section>'
        bars = [(t, n, EVENT_COLORS.get(t, "#999"), f"{n:,} {t} events") for t, n in self.events_by_type.most_common()]
        modalities = sorted({m for _, m in self.events_by_modality})
        head = "".join(f"<th>{_e(m)}</th>" for m in modalities)
        rows = "".join(
            f"<tr><td>{_e(t)}</td><td>{n:,}</td>"
            + "".join(f"<td>{self.events_by_modality.get((t, m), 0):,}</td>" for m in modalities) + "</tr>"
            for t, n in self.events_by_type.most_common())
        return (f'<section id="events"><h2>Events per type</h2><div class="cols"><div>{bar_chart(bars)}</div>'
                f"<div><table><thead><tr><th>type</th><th>events</th>{head}</tr></thead>"
                f"<tbody>{rows}</tbody></table></div></div></section>")

    def _timeline(self) -> str:
        plan = timeline_bins(self.timeline)
        undated = sum(self.undated.values())
        by_pub = sum(n for (_, _, _, pub), n in self.timeline.items() if pub)
        note = [f"lighter: {_count(by_pub, 'event')} without a date of their own, placed at their article's "
                "publication date"] if by_pub else []
        if undated:
            note.append(f"{_count(undated, 'event')} with no date")
        if plan.coarser:
            note.append(f"{_count(plan.coarser, 'event')} dated less precisely than a {plan.unit}, not drawn")
        if plan.outside:
            note.append(f"{_count(plan.outside, 'event')} outside the range drawn ({_e(plan.bins[0]) if plan.bins else ''}"
                        f" to {_e(plan.bins[-1]) if plan.bins else ''})")
        body = stacked_columns(plan.bins, plan.counts, EVENT_COLORS) if plan.bins else '<p class="empty">No dated events.</p>'
        types = sorted({t for per in plan.counts.values() for t, _ in per}, key=lambda t: -self.events_by_type[t])
        legend = "".join(f'<span class="key"><i style="background:{EVENT_COLORS.get(t, "#999")}"></i>{_e(t)}</span>'
                         for t in types)
        return (f'<section id="timeline"><h2>Timeline of events by date and type'
                f'{" (per " + plan.unit + ")" if plan.bins else ""}</h2>'
                f'<p class="legend">{legend}</p>{body}<p class="note">{"; ".join(note)}</p></section>')

    def _entities(self) -> str:
        top = self.entities.most_common(self.top)
        bars = [(f"{name} ({etype.lower()})", n, ENTITY_STYLES.get(etype, ("", "#ccc"))[1], f"{name}: {n:,} articles")
                for (name, etype), n in top]
        med_names = [n for n, _ in self.mediator_articles.most_common(self.top)]
        med_rows = "".join(f"<tr><td>{_e(n)}</td><td>{self.mediator_articles.counts[n]:,}</td>"
                           f"<td>{self.mediator_events.counts.get(n, 0):,}</td></tr>" for n in med_names)
        mediators = (f"<table><thead><tr><th>mediator</th><th>articles</th><th>events mediated</th></tr></thead>"
                     f"<tbody>{med_rows}</tbody></table>" if med_rows else '<p class="empty">No mediators.</p>')
        bound = ('<p class="note">Distinct names passed the counting bound: rare names may be missing.</p>'
                 if self.entities.pruned or self.mediator_articles.pruned else "")
        chart = bar_chart(bars) if bars else '<p class="empty">No entities.</p>'
        return (f'<section id="entities"><h2>Top entities and mediators</h2><div class="cols">'
                f"<div><h3>entities, by articles naming them</h3>{chart}</div>"
                f"<div><h3>mediators</h3>{mediators}</div></div>{bound}</section>")

    def _claims(self) -> str:
        if not self.claim_totals:
            return '<section id="claims"><h2>Numeric claims by category</h2><p class="empty">No numeric claims.</p></section>'
        order = {c: i for i, c in enumerate(SUMMED_CATEGORIES)}
        rows = []
        for key in sorted(self.claim_totals, key=lambda k: (order.get(k[0], 99), k[0], k[1] or "")):
            row = self.claim_totals[key]
            label = row.category + (f" ({row.currency or 'no currency'})" if row.category == "MONEY" else "")
            total = _num(row.total) if row.category in SUMMED_CATEGORIES else '<span class="empty">not summed</span>'
            links = []
            for value, _, art, claim in sorted(row.examples, key=lambda x: (-x[0], x[1])):
                name = _e(art.get("title") or art.get("id"))
                tip = _e(f"{claim['text']} — {claim['evidence'][:240]}")
                anchor = (f'<a href="{_e(art["url"])}" rel="noopener noreferrer" title="{tip}">{name}</a>'
                          if safe_url(art.get("url")) else f'<span title="{tip}">{name}</span>')
                links.append(f"<li><b>{_num(value)}</b>{' ' + _e(claim['unit']) if claim['unit'] else ''}: {anchor}"
                             f' <small>{_e(art.get("id"))}</small></li>')
            rows.append(f"<tr><td>{_e(label)}</td><td class='num'>{total}</td><td>{row.claims:,}</td>"
                        f"<td>{row.articles:,}</td><td><ul>{''.join(links)}</ul></td></tr>")
        bars = [(k[0], r.total, "#54a24b", f"{_num(r.total)} {k[0]}") for k, r in self.claim_totals.items()
                if k[0] in SUMMED_CATEGORIES and k[0] != "MONEY"]
        bars.sort(key=lambda b: -b[1])
        skipped = "; ".join(f"{n:,} claims left out ({_e(why)})" for why, n in self.claims_skipped.items())
        return ('<section id="claims"><h2>Numeric claims by category</h2>'
                + (bar_chart(bars) if bars else "")
                + "<table><thead><tr><th>category</th><th>sum</th><th>claims</th><th>articles</th>"
                "<th>largest numbers and their articles</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
                '<p class="note">Sums add every claim as extracted: a figure repeated in one article or '
                'reported by several articles counts each time. '
                f"{skipped}</p></section>")

    def _problems(self) -> str:
        codes = "".join(f"<tr><td>{_e(c)}</td><td>{n:,}</td></tr>" for c, n in self.warning_codes.most_common())
        warned = "".join(
            f"<tr><td>{_link(w)}</td><td>{_e(', '.join(w['codes']))}</td><td>{_e(w['message'][:200])}</td></tr>"
            for w in self.warned)
        kinds = "".join(f"<tr><td>{_e(k)}</td><td>{n:,}</td></tr>" for k, n in self.error_kinds.most_common(self.top))
        errors = "".join(f"<tr><td>{_e(x['where'])}</td><td>{_e(x['id'] or '')}</td><td>{_e(x['error'][:300])}</td></tr>"
                         for x in self.errors)
        more_w = (f'<p class="note">showing the first {len(self.warned):,} of {self.warned_articles:,}</p>'
                  if self.warned_articles > len(self.warned) else "")
        more_e = (f'<p class="note">showing the first {len(self.errors):,} of {self.error_count:,}</p>'
                  if self.error_count > len(self.errors) else "")
        warnings_html = (
            f"<table><thead><tr><th>warning</th><th>records</th></tr></thead><tbody>{codes}</tbody></table>"
            f"<table><thead><tr><th>article</th><th>warnings</th><th>first message</th></tr></thead>"
            f"<tbody>{warned}</tbody></table>{more_w}" if self.warned_articles else '<p class="empty">None.</p>')
        errors_html = (
            f"<table><thead><tr><th>error</th><th>inputs</th></tr></thead><tbody>{kinds}</tbody></table>"
            f"<table><thead><tr><th>where</th><th>id</th><th>error</th></tr></thead><tbody>{errors}</tbody></table>"
            f"{more_e}" if self.error_count else '<p class="empty">None.</p>')
        return (f'<section id="problems"><h2>Articles with warnings ({self.warned_articles:,})</h2>{warnings_html}'
                f"<h2>Inputs with errors ({self.error_count:,})</h2>{errors_html}</section>")


def _link(article: dict) -> str:
    name = _e(article.get("title") or article.get("id"))
    if safe_url(article.get("url")):
        return f'<a href="{_e(article["url"])}" rel="noopener noreferrer">{name}</a> <small>{_e(article.get("id"))}</small>'
    return f'{name} <small>{_e(article.get("id")) if article.get("title") else ""}</small>'


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
        out.append(f'<g><title>{_e(hover)}</title>'
                   f'<text x="{label_width - 6}" y="{y + row * 0.68:.1f}" text-anchor="end">{_e(shown)}</text>'
                   f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{_e(colour)}"/>'
                   f'<text x="{label_width + w + 4:.1f}" y="{y + row * 0.68:.1f}" class="v">{_num(value)}</text></g>')
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
                   f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{_num(round(value, 1))}</text>')
    every = max(1, math.ceil(len(bins) * 64 / max(1, width - left)))
    for i, b in enumerate(bins):
        x = left + i * col
        y = height - bottom
        for (etype, light), n in sorted(counts[b].items(), key=_series_order):
            h = n * scale
            y -= h
            note, opacity = (" (publication date)", ' fill-opacity="0.4"') if light else ("", "")
            out.append(f'<rect x="{x + 1}" y="{y:.1f}" width="{col - 2}" height="{h:.1f}" '
                       f'fill="{_e(colours.get(etype, "#999"))}"{opacity}>'
                       f"<title>{_e(b)} · {_e(etype)}{note}: {n:,}</title></rect>")
        if i % every == 0:
            out.append(f'<text x="{x + col / 2:.1f}" y="{height - bottom + 12}" text-anchor="end" '
                       f'transform="rotate(-45 {x + col / 2:.1f} {height - bottom + 12})">{_e(b)}</text>')
    out.append("</svg>")
    return "".join(out)


def _series_order(item):
    (etype, light), _ = item
    return (EVENT_TYPES.index(etype) if etype in EVENT_TYPES else 99, light)


_CSS = """
body{margin:0;background:#fafafa;color:#222;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.3rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ddd}
h3{font-size:.9rem;margin:.4rem 0;color:#555}
.meta,.note{color:#666;font-size:.85rem}.empty{color:#888;font-style:italic}
.cols{display:flex;flex-wrap:wrap;gap:2rem}.cols>div{flex:1 1 24rem;min-width:0}
table{border-collapse:collapse;margin:.4rem 0;font-size:.85rem}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td ul{margin:0;padding-left:1.1rem}
.chart{display:block;max-width:100%;height:auto;overflow:visible}
.chart text{font-size:11px;fill:#333}.chart text.v{fill:#555}.chart .grid{stroke:#e3e3e3}
.legend{font-size:.8rem}.key{margin-right:.8rem;white-space:nowrap}
.key i{display:inline-block;width:.8em;height:.8em;margin-right:.25em;vertical-align:-1px}
#timeline{overflow-x:auto}
"""


# ------------------------------------------------------------------ reading

def read_errors(path: str) -> Iterator[tuple[str, str, Optional[str]]]:
    """(where, error, id) from an --errors file of `extract` (one JSON object a line)."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw)
                yield str(entry.get("source") or f"{path}:{n}"), str(entry.get("error", "")), entry.get("id")
            except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                yield f"{path}:{n}", "unreadable errors-file line", None


def iter_records(sources: Iterable[str]) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """(where, record, error) from JSONL record files (line by line) or databases
    written by `extract --db` (sqlite:///news.db, news.db, postgresql://...)."""
    from .io.records import read_records

    for source in sources:
        if "://" in source or source.lower().endswith(DATABASE_SUFFIXES):
            yield from database_records(source)
        else:
            yield from read_records([source])


def database_records(target: str, *, batch: int = 500) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """Records stored by the SQL sink, streamed from its `articles.record_json`
    column (the whole record as the JSONL sink writes it), in id order."""
    import sqlalchemy as sa

    from .io.sql import DatabaseError, database_url

    url = database_url(target)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        import os
        if not os.path.isfile(url.database):
            raise DatabaseError(f"no database file {url.database}")
    where = url.render_as_string(hide_password=True)
    try:
        engine = sa.create_engine(url)
    except ModuleNotFoundError as err:
        raise DatabaseError(f"{url.drivername} needs the {err.name!r} package") from None
    try:
        with engine.connect() as conn:
            rows = conn.execution_options(stream_results=True, yield_per=batch).execute(
                sa.text("SELECT id, record_json FROM articles ORDER BY id"))
            for article_id, raw in rows:
                try:
                    rec = json.loads(raw)
                except (TypeError, json.JSONDecodeError) as err:
                    yield f"{where}#{article_id}", None, f"not a JSON record: {err}"
                    continue
                yield f"{where}#{article_id}", rec, None
    except sa.exc.SQLAlchemyError as err:
        raise DatabaseError(f"cannot read records from {where}: {getattr(err, 'orig', None) or err}") from None
    finally:
        engine.dispose()


def build_report(sources: list[str], *, errors: Iterable[str] = (), title: Optional[str] = None,
                 top: int = 20) -> str:
    """Stream the records of `sources` (and the --errors files) into one HTML report."""
    summary = DumpSummary(top=top)
    for where, rec, err in iter_records(sources):
        if rec is None:
            summary.add_error(where, err or "unreadable record")
        else:
            summary.add(rec)
    for path in errors:
        for where, message, article_id in read_errors(path):
            summary.add_error(where, message, article_id)
    return summary.render(title=title or "newsextract dump report", sources=list(sources) + list(errors))
