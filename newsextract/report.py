"""The dump report: one self-contained HTML page summarising a run over many articles.

Records are streamed and aggregated (`DumpSummary.add`), never all kept, so a
dump of any size fits in memory: counters are bounded (`TopCounter`), example
lists are capped. Plots are inline SVG drawn here; the page makes no network
request. Records are read as plain dicts, so a dump written by an older or newer
schema version still summarises.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .charts import bar_chart, escape, number, stacked_columns, timeline_bins
from .io.records import iter_records, read_errors
from .schema import EVENT_TYPES
from .visualization import ENTITY_STYLES, safe_url

# one colour per event type, in EVENT_TYPES order (unknown types fall back to grey)
_PALETTE = ("#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a")
EVENT_COLORS = dict(zip(EVENT_TYPES, _PALETTE))
SECTIONS = ("entities", "numeric_claims", "quotes", "events")
# claim categories whose values add up (people, money); the others are only counted
SUMMED_CATEGORIES = ("KILLED", "WOUNDED", "DETAINED", "RELEASED", "DISPLACED", "AFFECTED", "MONEY")


_e = escape


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


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
            total = number(row.total) if row.category in SUMMED_CATEGORIES else '<span class="empty">not summed</span>'
            links = []
            for value, _, art, claim in sorted(row.examples, key=lambda x: (-x[0], x[1])):
                name = _e(art.get("title") or art.get("id"))
                tip = _e(f"{claim['text']} — {claim['evidence'][:240]}")
                anchor = (f'<a href="{_e(art["url"])}" rel="noopener noreferrer" title="{tip}">{name}</a>'
                          if safe_url(art.get("url")) else f'<span title="{tip}">{name}</span>')
                links.append(f"<li><b>{number(value)}</b>{' ' + _e(claim['unit']) if claim['unit'] else ''}: {anchor}"
                             f' <small>{_e(art.get("id"))}</small></li>')
            rows.append(f"<tr><td>{_e(label)}</td><td class='num'>{total}</td><td>{row.claims:,}</td>"
                        f"<td>{row.articles:,}</td><td><ul>{''.join(links)}</ul></td></tr>")
        bars = [(k[0], r.total, "#54a24b", f"{number(r.total)} {k[0]}") for k, r in self.claim_totals.items()
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
