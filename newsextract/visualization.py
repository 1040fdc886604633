"""The article view: one self-contained HTML page showing what was extracted.

The text is `record.text` (every offset indexes it). Entity mentions, mediators,
numeric claims, quotes and their speakers, evidence sentences and the regions the
cleaner set aside are spans over that text; the markup is built from a sorted
list of span boundaries so overlapping spans nest properly (a span crossing
another's edge is split, never mis-nested), and every piece of text is escaped.
CSS and script are inline: the page makes no network request. All CSS is scoped
under the page's root element, so the same markup works inside a Jupyter cell
(`HtmlPage._repr_html_`).
"""
from __future__ import annotations

import hashlib
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Union

from .schema import ArticleRecord

# how each entity type is shown: (short label, background colour)
ENTITY_STYLES = {
    "PERSON": ("PER", "#ffd6a5"),
    "COUNTRY": ("CTRY", "#bde0fe"),
    "PLACE": ("PLACE", "#caffbf"),
    "ORGANIZATION": ("ORG", "#e4c1f9"),
}

# nesting order, outermost first: a mention sits inside a claim inside a quote
# inside a sentence inside a region
_RANK_REGION, _RANK_SENTENCE, _RANK_QUOTE, _RANK_SPEAKER, _RANK_CLAIM, _RANK_MENTION = range(6)


class HtmlPage(str):
    """An HTML document (a `str`) that Jupyter displays as the rendered view."""

    fragment: str = ""

    def _repr_html_(self) -> str:
        return self.fragment or str(self)


@dataclass
class Markup:
    """One span of the text to wrap in an element.

    `attrs` go on every piece of a split span, `first_attrs` (the id) on the
    first piece only, `label` (trusted HTML) just before the last piece closes."""

    start: int
    end: int
    rank: int
    tag: str = "span"
    attrs: dict = field(default_factory=dict)
    first_attrs: dict = field(default_factory=dict)
    label: str = ""


def _attrs(attrs: Mapping[str, object]) -> str:
    return "".join(f' {k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items() if v is not None)


def _text(value) -> str:
    return html.escape("" if value is None else str(value), quote=False)


def markup_text(text: str, spans: Iterable[Markup]) -> str:
    """`text` escaped, with every span wrapped in its element, properly nested.

    Between two consecutive boundaries the set of covering spans is constant;
    the open elements form a stack ordered by (rank, start, longest first), and
    moving to the next segment closes the part of the stack that changes and
    reopens what continues (as a continuation piece without the id)."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    starts = defaultdict(list)
    for order, s in enumerate(spans):
        starts[s.start].append((order, s))
    key = {id(s): (s.rank, s.start, -s.end, order) for order, s in enumerate(spans)}
    points = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Markup] = []
    begun: set[int] = set()

    def close(span: Markup, pos: int):
        if span.end == pos:
            out.append(span.label)
        out.append(f"</{span.tag}>")

    for pos, nxt in zip(points, points[1:]):
        wanted = [s for s in stack if s.end > pos] + [s for _, s in starts.get(pos, ())]
        wanted.sort(key=lambda s: key[id(s)])
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        for span in reversed(stack[keep:]):
            close(span, pos)
        for span in wanted[keep:]:
            first = id(span) not in begun
            begun.add(id(span))
            attrs = dict(span.attrs)
            if first:
                attrs.update(span.first_attrs)
            else:
                attrs["class"] = (attrs.get("class", "") + " nx-cont").strip()
            out.append(f"<{span.tag}{_attrs(attrs)}>")
        out.append(_text(text[pos:nxt]))
        stack = wanted
    for span in reversed(stack):
        close(span, n)
    return "".join(out)


def safe_url(url: Optional[str]) -> bool:
    """Only http(s) addresses become links (a `javascript:` URL in a dump stays text)."""
    return bool(url) and re.match(r"https?://", url.strip(), re.IGNORECASE) is not None


def _fmt_number(value) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def claim_description(claim) -> str:
    """What a numeric claim says, for its hover text: value, unit, qualifier, category."""
    if claim.value is None and claim.low is not None:
        value = f"{_fmt_number(claim.low)}–{_fmt_number(claim.high)}"
    else:
        value = _fmt_number(claim.value)
    parts = [f"value: {value}"]
    if claim.currency:
        parts.append(f"currency: {claim.currency}")
    parts += [f"unit: {claim.unit or '—'}", f"qualifier: {claim.qualifier}", f"category: {claim.category}"]
    if claim.modifiers:
        parts.append("modifiers: " + ", ".join(m.text for m in claim.modifiers))
    flags = [name for name in ("distributive", "in_quote", "in_caption", "negated", "hypothetical")
             if getattr(claim, name)]
    if flags:
        parts.append("flags: " + ", ".join(flags))
    return "\n".join(parts)


class _Ids:
    """Element ids, prefixed per record so several views can share one notebook."""

    def __init__(self, record: ArticleRecord):
        seed = f"{record.id}\x00{record.text_hash}".encode("utf-8", "surrogatepass")
        self.prefix = "nx" + hashlib.sha1(seed).hexdigest()[:8]

    def __call__(self, *parts) -> str:
        return "-".join([self.prefix, *(re.sub(r"[^A-Za-z0-9_]", "_", str(p)) for p in parts)])


def _sentence_spans(record: ArticleRecord) -> set[tuple[int, int]]:
    found = set()
    for ent in record.entities:
        for role in ent.role_evidence:
            found.add((role.evidence.start, role.evidence.end))
    for item in (*record.numeric_claims, *record.quotes):
        found.add((item.evidence.start, item.evidence.end))
    for event in record.events:
        for ev in event.evidence:
            found.add((ev.start, ev.end))
    return found


def _is_mediator(entity, mediator_ids: set) -> bool:
    return "MEDIATOR" in entity.roles or entity.id in mediator_ids


def _article_spans(record: ArticleRecord, ids: _Ids) -> list[Markup]:
    spans: list[Markup] = []
    for region in record.regions:
        spans.append(Markup(region.start, region.end, _RANK_REGION,
                            attrs={"class": f"nx-region nx-region-{region.kind}", "title": f"set aside: {region.kind}"},
                            label=f'<span class="nx-rlabel">{_text(region.kind)}</span>'))
    for start, end in _sentence_spans(record):
        sid = ids("s", start, end)
        spans.append(Markup(start, end, _RANK_SENTENCE,
                            attrs={"class": "nx-sent", "data-sent": sid}, first_attrs={"id": sid}))

    mediator_ids = {e.mediator.entity_id for e in record.events if e.mediator and e.mediator.entity_id}
    by_id = {e.id: e for e in record.entities}
    for ent in record.entities:
        short, _ = ENTITY_STYLES.get(ent.type, (ent.type, None))
        mediator = _is_mediator(ent, mediator_ids)
        classes = f"nx-ent nx-ent-{ent.type}" + (" nx-mediator" if mediator else "")
        hover = f"{ent.name} · {ent.type} · {ent.id}"
        if ent.roles:
            hover += " · roles: " + ", ".join(ent.roles)
        if ent.attributes.iso_alpha2 or ent.attributes.country_code:
            hover += " · " + (ent.attributes.iso_alpha2 or ent.attributes.country_code)
        label = f'<span class="nx-label">{_text(short)}</span>'
        if mediator:
            label += '<span class="nx-label nx-label-mediator">MEDIATOR</span>'
        for k, mention in enumerate(ent.mentions):
            spans.append(Markup(mention.start, mention.end, _RANK_MENTION, tag="mark",
                                attrs={"class": classes, "data-entity": ids("e", ent.id), "data-mention": k,
                                       "title": hover},
                                first_attrs={"id": ids("m", ent.id, k)}, label=label))

    for claim in record.numeric_claims:
        cls = f"nx-claim nx-claim-{claim.category}" + (" nx-claim-negated" if claim.negated or claim.hypothetical else "")
        spans.append(Markup(claim.start, claim.end, _RANK_CLAIM,
                            attrs={"class": cls, "title": claim_description(claim)},
                            first_attrs={"id": ids("c", claim.id)},
                            label=f'<span class="nx-label nx-label-claim">{_text(claim.category)}</span>'))

    for quote in record.quotes:
        who = _speaker_name(quote)
        target = _speaker_target(quote, by_id, ids)
        if quote.speaker_start is not None and quote.speaker_end is not None:
            spans.append(Markup(quote.speaker_start, quote.speaker_end, _RANK_SPEAKER,
                                attrs={"class": "nx-speaker", "title": f"speaker of {quote.id}: {who}"},
                                first_attrs={"id": ids("spk", quote.id)}))
        link = (f'<a class="nx-qlabel" href="#{target}">{_text("— " + who)}</a>' if target
                else f'<span class="nx-qlabel">{_text("— " + who)}</span>')
        hover = f"quote {quote.id} · speaker: {who}" + (f" · cue: {quote.cue}" if quote.cue else "") \
            + f" · confidence {quote.confidence:.2f}"
        spans.append(Markup(quote.start, quote.end, _RANK_QUOTE,
                            attrs={"class": "nx-quote" + (" nx-quote-partial" if quote.is_partial else ""),
                                   "title": hover},
                            first_attrs={"id": ids("q", quote.id)}, label=link))
    return spans


def _speaker_name(quote) -> str:
    if quote.speaker and quote.speaker.name:
        return quote.speaker.name
    return quote.speaker_text or "unknown speaker"


def _speaker_target(quote, by_id, ids: _Ids) -> Optional[str]:
    """Where the quote's speaker link points: the speaker as written, else the entity's first mention."""
    if quote.speaker_start is not None and quote.speaker_end is not None and quote.speaker_start < quote.speaker_end:
        return ids("spk", quote.id)
    ent = by_id.get(quote.speaker.entity_id) if quote.speaker and quote.speaker.entity_id else None
    if ent is not None and ent.mentions:
        return ids("m", ent.id, 0)
    return None


# ------------------------------------------------------------------ tables

def _entity_link(ref, by_id, ids: _Ids) -> str:
    if ref is None:
        return ""
    ent = by_id.get(ref.entity_id) if ref.entity_id else None
    name = _text(ref.name)
    if ent is not None and ent.mentions:
        return f'<a href="#{ids("m", ent.id, 0)}">{name}</a>'
    return name


def _evidence_links(evidence, ids: _Ids) -> str:
    links = []
    for k, ev in enumerate(evidence, 1):
        links.append(f'<a class="nx-evlink" href="#{ids("s", ev.start, ev.end)}"'
                     f'{_attrs({"title": ev.text[:300]})}>sentence {k}</a>')
    return " ".join(links)


# type-specific event fields shown under "figures"
_EVENT_FIGURES = ("killed", "wounded", "released", "detained", "affected", "amount")


def _event_figures(event, by_id, ids) -> str:
    parts = []
    for name in _EVENT_FIGURES:
        value = getattr(event, name, None)
        if value is not None:
            unit = f" {event.currency}" if name == "amount" and getattr(event, "currency", None) else ""
            parts.append(f"{name}: {_fmt_number(value)}{_text(unit)}")
    for side in getattr(event, "released_per_side", ()):
        parts.append(f"released by/for {_entity_link(side.side, by_id, ids)}: {_fmt_number(side.value)}")
    for count in event.counts:
        parts.append(f'<a href="#{ids("c", count.claim_id)}">{_fmt_number(count.value)} '
                     f'{_text(count.unit or "")}</a> <small>{_text(count.category)}</small>')
    return "<br>".join(parts)


def _events_table(record: ArticleRecord, by_id, ids: _Ids) -> str:
    if not record.events:
        return '<p class="nx-empty">No events were extracted.</p>'
    rows = []
    for event in record.events:
        participants = "<br>".join(f"{_entity_link(p, by_id, ids)} <small>{_text(p.role)}</small>"
                                   for p in event.participants)
        date = _text(event.date or "")
        if event.date_text:
            date += f'<br><small>“{_text(event.date_text)}”</small>'
        modality = "" if event.modality == "asserted" else f' <span class="nx-badge">{_text(event.modality)}</span>'
        cluster = f"<br><small>cluster {_text(event.cluster_id)}</small>" if event.cluster_id else ""
        rows.append(
            f'<tr><td><b>{_text(event.type)}</b>{modality}<br><small>{_text(event.id)}'
            f'{" · CAMEO " + _text(event.cameo) if event.cameo else ""}</small>{cluster}</td>'
            f"<td>{date}</td><td>{participants}</td>"
            f'<td>{_entity_link(event.mediator, by_id, ids)}</td>'
            f"<td>{_entity_link(event.location, by_id, ids)}</td>"
            f"<td>{_event_figures(event, by_id, ids)}</td>"
            f"<td>{_text(event.trigger or '')}</td>"
            f"<td>{_evidence_links(event.evidence, ids)}</td>"
            f"<td>{event.confidence:.2f}</td></tr>")
    return ('<table class="nx-table nx-events"><thead><tr><th>event</th><th>date</th><th>participants</th>'
            "<th>mediator</th><th>location</th><th>figures</th><th>trigger</th><th>evidence</th>"
            "<th>conf.</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _entities_table(record: ArticleRecord, ids: _Ids, mediator_ids: set) -> str:
    if not record.entities:
        return '<p class="nx-empty">No entities were extracted.</p>'
    rows = []
    for ent in record.entities:
        name = _text(ent.name)
        if ent.mentions:
            name = f'<a href="#{ids("m", ent.id, 0)}">{name}</a>'
        roles = ", ".join(ent.roles)
        if _is_mediator(ent, mediator_ids) and "MEDIATOR" not in ent.roles:
            roles = ", ".join(filter(None, [roles, "MEDIATOR (event)"]))
        a = ent.attributes
        where = a.iso_alpha3 or a.iso_alpha2 or a.country_code or ""
        if a.latitude is not None and a.longitude is not None:
            where += f" ({a.latitude:.2f}, {a.longitude:.2f})"
        rows.append(f'<tr><td><span class="nx-swatch nx-ent-{_text(ent.type)}"></span>{name}'
                    f"<br><small>{_text(ent.id)}</small></td><td>{_text(ent.type)}</td>"
                    f"<td>{len(ent.mentions)}</td><td>{_text(', '.join(ent.aliases))}</td>"
                    f"<td>{_text(roles)}</td><td>{_text(where)}</td></tr>")
    return ('<table class="nx-table"><thead><tr><th>entity</th><th>type</th><th>mentions</th>'
            "<th>aliases</th><th>roles</th><th>code / coordinates</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _claims_table(record: ArticleRecord, ids: _Ids) -> str:
    if not record.numeric_claims:
        return '<p class="nx-empty">No numeric claims were extracted.</p>'
    rows = []
    for c in record.numeric_claims:
        desc = _text(claim_description(c)).replace("\n", "<br>")
        rows.append(f'<tr><td><a href="#{ids("c", c.id)}">{_text(c.text)}</a><br><small>{_text(c.id)}</small></td>'
                    f"<td>{desc}</td><td>{_evidence_links([c.evidence], ids)}</td></tr>")
    return ('<table class="nx-table"><thead><tr><th>claim</th><th>reading</th><th>evidence</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table>")


def _quotes_table(record: ArticleRecord, by_id, ids: _Ids) -> str:
    if not record.quotes:
        return '<p class="nx-empty">No quotes were extracted.</p>'
    rows = []
    for q in record.quotes:
        excerpt = q.text if len(q.text) <= 160 else q.text[:157] + "…"
        target = _speaker_target(q, by_id, ids)
        who = _text(_speaker_name(q))
        if target:
            who = f'<a href="#{target}">{who}</a>'
        if q.speaker_text and q.speaker and q.speaker.name and q.speaker_text != q.speaker.name:
            who += f"<br><small>as written: {_text(q.speaker_text)}</small>"
        rows.append(f'<tr><td><a href="#{ids("q", q.id)}">{_text(excerpt)}</a></td><td>{who}</td>'
                    f"<td>{_text(q.cue or '')}</td><td>{q.confidence:.2f}</td></tr>")
    return ('<table class="nx-table"><thead><tr><th>quote</th><th>speaker</th><th>cue</th><th>conf.</th></tr>'
            "</thead><tbody>" + "".join(rows) + "</tbody></table>")


def _legend() -> str:
    items = [f'<span class="nx-ent nx-ent-{t}">{_text(t.lower())}</span>' for t in ENTITY_STYLES]
    items += ['<span class="nx-ent nx-mediator">mediator</span>',
              '<span class="nx-claim">numeric claim</span>',
              '<span class="nx-quote">quote</span>',
              '<span class="nx-speaker">speaker</span>',
              '<span class="nx-region">set aside by the cleaner</span>']
    return '<p class="nx-legend">' + " ".join(items) + "</p>"


def _header(record: ArticleRecord) -> str:
    meta = [f"id <code>{_text(record.id)}</code>"]
    if record.published.date:
        meta.append(f"published {_text(record.published.date.isoformat())}"
                    + (f" ({_text(record.published.source)})" if record.published.source else ""))
    if safe_url(record.url):
        meta.append(f'<a href="{html.escape(record.url, quote=True)}" rel="noopener noreferrer">{_text(record.url)}</a>')
    elif record.url:
        meta.append(_text(record.url))
    counts = (f"{len(record.entities)} entities · {len(record.numeric_claims)} numeric claims · "
              f"{len(record.quotes)} quotes · {len(record.events)} events")
    warnings = ""
    if record.warnings:
        warnings = ('<ul class="nx-warnings">' + "".join(
            f"<li><b>{_text(w.code)}</b>: {_text(w.message)}</li>" for w in record.warnings) + "</ul>")
    title = _text(record.title or record.id)
    return (f'<h1>{title}</h1><p class="nx-meta">{" · ".join(meta)}<br>{counts}</p>{warnings}')


_CSS = """
#ROOT{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:64rem;margin:0 auto;padding:1rem}
#ROOT h1{font-size:1.4rem;margin:.2rem 0}#ROOT h2{font-size:1.1rem;margin:1.5rem 0 .4rem}
#ROOT .nx-meta{color:#555;font-size:.85rem;margin:.2rem 0 .6rem}
#ROOT .nx-warnings{background:#fff4e5;border-left:4px solid #f0a030;padding:.4rem .4rem .4rem 1.6rem;font-size:.85rem}
#ROOT .nx-legend{font-size:.8rem;line-height:2.2}
#ROOT .nx-text{white-space:pre-wrap;line-height:2.1;border:1px solid #ddd;border-radius:6px;padding:1rem;background:#fff}
#ROOT .nx-ent{padding:.1em .25em;border-radius:.3em;box-decoration-break:clone;-webkit-box-decoration-break:clone}
#ROOT .nx-ent-PERSON{background:#ffd6a5}#ROOT .nx-ent-COUNTRY{background:#bde0fe}
#ROOT .nx-ent-PLACE{background:#caffbf}#ROOT .nx-ent-ORGANIZATION{background:#e4c1f9}
#ROOT .nx-mediator{outline:2px dashed #c0392b;outline-offset:1px}
#ROOT .nx-ent.nx-hl{box-shadow:0 0 0 2px #333}
#ROOT .nx-label{font-size:.62em;font-weight:700;letter-spacing:.03em;margin-left:.3em;padding:0 .2em;border-radius:.2em;background:rgba(255,255,255,.6);vertical-align:middle}
#ROOT .nx-label-mediator{background:#c0392b;color:#fff}
#ROOT .nx-claim{border-bottom:3px solid #1d70b8;cursor:help}
#ROOT .nx-claim-negated{border-bottom-style:dotted}
#ROOT .nx-label-claim{color:#1d70b8}
#ROOT .nx-quote{background:#fdf6c3;border-radius:.2em}
#ROOT .nx-quote-partial{background:#fbf1d8}
#ROOT .nx-qlabel{font-size:.75em;font-style:italic;margin-left:.3em;color:#7a5b00}
#ROOT .nx-speaker{border-bottom:2px dotted #7a5b00}
#ROOT .nx-region{color:#999;background:repeating-linear-gradient(135deg,#f3f3f3 0 6px,#e9e9e9 6px 12px)}
#ROOT .nx-region .nx-ent,#ROOT .nx-region .nx-quote{opacity:.55}
#ROOT .nx-rlabel{font-size:.62em;text-transform:uppercase;margin-left:.4em;color:#777}
#ROOT .nx-sent:target,#ROOT .nx-sent.nx-flash{background:#fff0a0;box-shadow:0 0 0 3px #fff0a0}
#ROOT .nx-table{border-collapse:collapse;width:100%;font-size:.85rem}
#ROOT .nx-table th,#ROOT .nx-table td{border:1px solid #ddd;padding:.3rem .4rem;vertical-align:top;text-align:left}
#ROOT .nx-table th{background:#f5f5f5}
#ROOT .nx-swatch{display:inline-block;width:.8em;height:.8em;border-radius:.2em;margin-right:.3em}
#ROOT .nx-badge{font-size:.75em;background:#eee;border-radius:.3em;padding:0 .3em}
#ROOT .nx-empty{color:#777;font-style:italic}
#ROOT small{color:#666}
"""

# hovering a mention outlines every mention of the same entity; following an
# evidence link flashes every piece of the sentence (a split sentence has several)
_SCRIPT = """
(function(){var root=document.getElementById("ROOT");if(!root)return;
function each(sel,fn){Array.prototype.forEach.call(root.querySelectorAll(sel),fn);}
root.addEventListener("mouseover",function(e){var m=e.target.closest&&e.target.closest("mark[data-entity]");
each("mark.nx-hl",function(x){x.classList.remove("nx-hl");});
if(m)each('mark[data-entity="'+m.getAttribute("data-entity")+'"]',function(x){x.classList.add("nx-hl");});});
root.addEventListener("click",function(e){var a=e.target.closest&&e.target.closest("a[href^='#']");if(!a)return;
var id=a.getAttribute("href").slice(1);each(".nx-flash",function(x){x.classList.remove("nx-flash");});
each('[data-sent="'+id+'"]',function(x){x.classList.add("nx-flash");});});})();
"""


def render_fragment(record: Union[ArticleRecord, Mapping]) -> str:
    """The view as one `<div>` with its own style and script (for embedding)."""
    if not isinstance(record, ArticleRecord):
        record = ArticleRecord.model_validate(record)
    ids = _Ids(record)
    root = ids("view")
    by_id = {e.id: e for e in record.entities}
    mediator_ids = {e.mediator.entity_id for e in record.events if e.mediator and e.mediator.entity_id}
    body = markup_text(record.text, _article_spans(record, ids))
    return (
        f'<div class="nx-article" id="{root}"><style>{_CSS.replace("ROOT", root)}</style>'
        f"{_header(record)}{_legend()}"
        f'<div class="nx-text">{body}</div>'
        f"<h2>Events</h2>{_events_table(record, by_id, ids)}"
        f"<h2>Entities</h2>{_entities_table(record, ids, mediator_ids)}"
        f"<h2>Numeric claims</h2>{_claims_table(record, ids)}"
        f"<h2>Quotes</h2>{_quotes_table(record, by_id, ids)}"
        f"<script>{_SCRIPT.replace('ROOT', root)}</script></div>"
    )


def render_article(record: Union[ArticleRecord, Mapping]) -> HtmlPage:
    """A complete, self-contained HTML page for one record."""
    if not isinstance(record, ArticleRecord):
        record = ArticleRecord.model_validate(record)
    fragment = render_fragment(record)
    page = HtmlPage(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_text(record.title or record.id)} · newsextract</title></head>"
        f'<body style="margin:0;background:#fafafa">{fragment}</body></html>\n')
    page.fragment = fragment
    return page
