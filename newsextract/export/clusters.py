"""From records to the units the exports write a row for: clusters of member events.

One row per cluster: records that went through `newsextract cluster` carry a
`cluster_id` on every asserted event, and those ids are kept; records without
them (or with only some) are clustered here, keeping every id they already had.
With `per_article`, every asserted event is its own one-member cluster.
Events whose modality is not `asserted` (planned, negated, hypothetical) did not
happen and are never exported (the clusterer leaves them out the same way).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional

from ..clustering import ClusterEvent, build_clusters, cluster_events, events_of_record
from ..schema import REGION_KINDS, EventCluster

SET_ASIDE = frozenset(REGION_KINDS)
_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*")
_HEX_ID = re.compile(r"[CE]([0-9a-f]{12})")


@dataclass
class ArticleView:
    """What the export keeps of a record: no text, only what the rows are made of."""

    id: str
    url: Optional[str]
    published: Optional[str]
    entities: dict
    events: list
    lead_end: Optional[int] = None  # end offset of the lead paragraph, for IsRootEvent


@dataclass
class MemberEvent:
    article: ArticleView
    index: int

    @property
    def event(self) -> dict:
        return self.article.events[self.index]

    def entity(self, ref: Optional[dict]) -> Optional[dict]:
        if not isinstance(ref, dict) or not ref.get("entity_id"):
            return None
        return self.article.entities.get(ref["entity_id"])

    @property
    def evidence(self) -> list[dict]:
        return [e for e in self.event.get("evidence") or () if isinstance(e, dict)]


@dataclass
class ExportCluster:
    """One real-world event: the cluster record and its member events, first source first."""

    cluster: EventCluster
    members: list[MemberEvent] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.cluster.cluster_id

    @property
    def first(self) -> MemberEvent:
        return self.members[0]

    def outlets(self) -> dict[str, Optional[str]]:
        """{member article id: its outlet (the URL's host, without a port)}, first report first."""
        hosts = {s.article_id: s.outlet for s in self.cluster.sources}  # clustering keeps the host only
        return {m.article.id: hosts.get(m.article.id) for m in self.members}


def lead_end(record: Mapping) -> Optional[int]:
    """Where the lead paragraph ends: the first paragraph that is neither the
    headline nor set aside by the cleaner (chrome, caption, credit, byline)."""
    text = record.get("text")
    if not isinstance(text, str) or not text:
        return None
    aside = [(r.get("start", 0), r.get("end", 0)) for r in record.get("regions") or ()
             if isinstance(r, dict) and r.get("kind") in SET_ASIDE]
    title = " ".join(str(record.get("title") or "").split())
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.start() + len(m.group().rstrip())
        if any(a <= start and end <= b for a, b in aside):
            continue
        if title and " ".join(m.group().split()) == title:
            continue
        return end
    return None


def article_view(record: Mapping) -> ArticleView:
    published = record.get("published")
    if isinstance(published, dict):
        published = published.get("date")
    return ArticleView(
        id=str(record.get("id")), url=record.get("url") or record.get("source_url"),
        published=str(published)[:10] if published else None,
        entities={e.get("id"): e for e in record.get("entities") or () if isinstance(e, dict) and e.get("id")},
        events=[e for e in record.get("events") or () if isinstance(e, dict)], lead_end=lead_end(record))


def event_cluster_id(article_id: str, index: int) -> str:
    """The id of a one-event cluster (--per-article): stable from the article id and event index."""
    return "E" + hashlib.sha1(f"{article_id}\x1f{index}".encode()).hexdigest()[:12]


def numeric_id(cluster_id: str) -> int:
    """GLOBALEVENTID and ACLED's event number, stable from the cluster id: the
    hexadecimal part of newsextract's ids (C + 12 hex digits), else 60 bits of its SHA-1."""
    m = _HEX_ID.fullmatch(cluster_id)
    return int(m.group(1), 16) if m else int(hashlib.sha1(cluster_id.encode()).hexdigest()[:15], 16)


def assignment_of(events: list[ClusterEvent], given: Mapping[tuple, str], *,
                  per_article: bool = False) -> dict[tuple, str]:
    """{(article id, event index): cluster id}: the ids `given` when every event has
    one, else a clustering that keeps the ids the events already had."""
    if per_article:
        return {e.key: event_cluster_id(*e.key) for e in events}
    if all(e.key in given for e in events):
        return {e.key: given[e.key] for e in events}
    return cluster_events(events, previous=given)


def given_assignment(records: Iterable[Mapping]) -> dict[tuple, str]:
    """The cluster ids records carry on their events (`newsextract cluster` output)."""
    out = {}
    for rec in records:
        for i, ev in enumerate(rec.get("events") or ()):
            cid = ev.get("cluster_id") if isinstance(ev, dict) else None
            if isinstance(cid, dict):
                cid = cid.get("id")
            if cid:
                out[(str(rec.get("id")), i)] = str(cid)
    return out


def _first_seen_key(m: MemberEvent) -> tuple:
    return (m.article.published or "9999", m.article.id, m.index)


def export_clusters(records: Iterable[Mapping], *, per_article: bool = False,
                    assignment: Optional[Mapping[tuple, str]] = None) -> list[ExportCluster]:
    """The clusters of `records` (dicts as read from JSONL or a database), each
    with its member events, earliest published first; in cluster-id order.
    `assignment` overrides the cluster ids the records carry (e.g. a database's)."""
    articles, events, given = {}, [], {}
    for rec in records:
        view = article_view(rec)
        articles[view.id] = view
        events.extend(events_of_record(rec))
        given.update(given_assignment([rec]))
    if assignment is not None:
        given = dict(assignment)
    chosen = assignment_of(events, given, per_article=per_article)
    out = []
    for cluster in build_clusters(events, chosen):
        members = [MemberEvent(articles[m.article_id], m.event_index) for m in cluster.members
                   if m.article_id in articles and m.event_index < len(articles[m.article_id].events)]
        if members:
            out.append(ExportCluster(cluster, sorted(members, key=_first_seen_key)))
    return out


def parse_day(value: Optional[str]) -> Optional[dt.date]:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
