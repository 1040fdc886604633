"""Cluster records: members, sources, reconciled figures, date and names of each cluster."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping, Optional
from urllib.parse import urlparse

from ..schema import ClusterFigure, ClusterMember, ClusterSource, EventCluster, SourceFigure
from .events import ClusterEvent


def _outlet(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    try:
        host = (urlparse(url).hostname or "").lower()
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else (host or None)


def _most_common(values):
    values = [v for v in values if v]
    if not values:
        return None
    return sorted(Counter(values).items(), key=lambda t: (-t[1], str(t[0])))[0][0]


def build_clusters(events: Iterable[ClusterEvent], assignment: Mapping[tuple, str]) -> list[EventCluster]:
    groups = defaultdict(list)
    for e in events:
        groups[assignment[e.key]].append(e)
    out = []
    for cid in sorted(groups):
        members = sorted(groups[cid], key=lambda e: e.key)
        dates = sorted(e.date for e in members if e.date)
        best_precision = max((len(d) for d in dates), default=0)
        date = _most_common([d for d in dates if len(d) == best_precision])
        by_cat = defaultdict(list)
        for e in members:
            for value, cat, claim in e.counts:
                by_cat[cat].append(SourceFigure(value=value, article_id=e.article_id,
                                                published=e.published if e.published and len(e.published) == 10 else None,
                                                claim_id=claim))
        figures = []
        for cat in sorted(by_cat):
            figs = sorted(by_cat[cat], key=lambda f: (str(f.published or ""), f.article_id, f.value))
            figures.append(ClusterFigure(category=cat, figures=figs, latest=figs[-1].value,
                                         highest=max(f.value for f in figs)))
        names = Counter(n for e in members for n in e.participant_names)
        pubs = sorted(e.published for e in members if e.published and len(e.published) == 10)
        sources = {}
        for e in members:
            sources.setdefault(e.article_id, ClusterSource(
                article_id=e.article_id, url=e.url, outlet=_outlet(e.url),
                published=e.published if e.published and len(e.published) == 10 else None))
        out.append(EventCluster(
            cluster_id=cid, type=members[0].type, date=date,
            date_range=[dates[0], dates[-1]] if dates else [],
            participants=[n for n, _ in sorted(names.items(), key=lambda t: (-t[1], t[0]))],
            mediator=_most_common([e.mediator_name for e in members]),
            location=_most_common([e.location_name for e in members]),
            figures=figures, first_seen=pubs[0] if pubs else None, last_seen=pubs[-1] if pubs else None,
            members=[ClusterMember(article_id=e.article_id, event_index=e.index, event_id=e.event_id) for e in members],
            sources=list(sources.values()),
            confidence=round(min(0.95, 0.5 + 0.1 * (len(sources) - 1)), 2) if len(sources) > 1 else 0.5,
        ))
    return out
