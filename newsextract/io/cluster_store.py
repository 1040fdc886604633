"""Event clusters in the database: `event_clusters` (one row per cluster) and
`event_cluster_members` (one row per clustered event), and `events.cluster_id`.

`cluster_database(url)` reads every stored article's record, clusters all their
events together with the ids the last run gave (so tomorrow's dump joins today's
clusters, ids never renumber), and writes the result in one transaction.
Records themselves (`articles.record_json`) are left as extracted, so re-running
`extract` on the same dump still adds and changes nothing.
"""
from __future__ import annotations

import json
from typing import Iterator, Optional

import sqlalchemy as sa

from ..clustering import ClusterSettings, build_clusters, cluster_events, events_of_record
from .sql import create_engine

METADATA = sa.MetaData()
CLUSTERS = sa.Table(
    "event_clusters", METADATA,
    sa.Column("cluster_id", sa.String(64), primary_key=True),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("date", sa.String(10), index=True),
    sa.Column("first_seen", sa.Date),
    sa.Column("last_seen", sa.Date),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("participants", sa.JSON),
    sa.Column("mediator", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("confidence", sa.Float),
    sa.Column("cluster_json", sa.Text, nullable=False),
)
MEMBERS = sa.Table(
    "event_cluster_members", METADATA,
    sa.Column("article_id", sa.String(800), primary_key=True),
    sa.Column("event_index", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.String(800)),
    sa.Column("cluster_id", sa.String(64), sa.ForeignKey("event_clusters.cluster_id"), nullable=False, index=True),
)


def _stored_records(conn) -> Iterator[dict]:
    """The stored records one at a time: only their events' features are kept."""
    for (record_json,) in conn.execute(sa.text("SELECT record_json FROM articles ORDER BY id")):
        yield json.loads(record_json)


def cluster_database(target: str, settings: Optional[ClusterSettings] = None) -> dict:
    """Cluster every event stored at `target` (a database URL or SQLite path)."""
    engine = create_engine(target)
    METADATA.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        previous = {(r.article_id, r.event_index): r.cluster_id
                    for r in conn.execute(sa.select(MEMBERS.c.article_id, MEMBERS.c.event_index, MEMBERS.c.cluster_id))}
        events = [e for rec in _stored_records(conn) for e in events_of_record(rec)]
        assignment = cluster_events(events, settings, previous=previous)
        clusters = build_clusters(events, assignment)
        conn.execute(sa.delete(MEMBERS))
        conn.execute(sa.delete(CLUSTERS))
        if clusters:
            conn.execute(CLUSTERS.insert(), [{
                "cluster_id": c.cluster_id, "type": c.type, "date": c.date, "first_seen": c.first_seen,
                "last_seen": c.last_seen, "n_articles": len(c.sources), "participants": c.participants,
                "mediator": c.mediator, "location": c.location, "confidence": c.confidence,
                "cluster_json": c.model_dump_json(),
            } for c in clusters])
            conn.execute(MEMBERS.insert(), [
                {"article_id": m.article_id, "event_index": m.event_index, "event_id": m.event_id,
                 "cluster_id": c.cluster_id} for c in clusters for m in c.members])
        events_table = sa.Table("events", sa.MetaData(), autoload_with=conn)
        conn.execute(sa.update(events_table).values(cluster_id=None))
        by_id = [{"a": m.article_id, "e": m.event_id, "c": c.cluster_id}
                 for c in clusters for m in c.members if m.event_id]
        if by_id:
            conn.execute(
                sa.update(events_table)
                .where(events_table.c.article_id == sa.bindparam("a"), events_table.c.id == sa.bindparam("e"))
                .values(cluster_id=sa.bindparam("c")), by_id)
    engine.dispose()
    return {"events": len(events), "clusters": len(clusters)}
