"""Where event clusters are kept: in records files (`cluster_files`: `cluster_id`
on every event, the clusters in their own JSONL, a state folder between runs) or
in the database (`cluster_database`): `event_clusters` (one row per cluster) and
`event_cluster_members` (one row per clustered event), and `events.cluster_id`.

The cluster tables are derived from `EventCluster` by `newsextract.io.tables`
(`CLUSTER_LAYOUT`), like the records' tables. `cluster_database(url)` reads every
stored article's record, clusters all their events together with the ids the
last run gave (so tomorrow's dump joins today's clusters, ids never renumber),
and writes the result in one transaction. The cluster tables hold nothing but
that result, so tables of an older layout are dropped and made anew. Records
themselves (`articles.record_json`) are left as extracted, so re-running
`extract` on the same dump still adds and changes nothing.
"""
from __future__ import annotations

from typing import Callable, Optional

import sqlalchemy as sa

from ..clustering import ClusterSettings, ClusterState, build_clusters, cluster_events, cluster_records, events_of_record
from .database import DatabaseError, create_engine, shown, stored_records, transaction
from .records import read_records, write_jsonl
from .sql import METADATA, SCHEMA_TABLE, build_metadata
from .tables import CLUSTER_INDEXES, CLUSTER_LAYOUT, iter_rows

#: Columns `event_clusters` has besides the cluster's own: (table, name, kind, type)
CLUSTER_EXTRAS = (("event_clusters", "n_articles", "int", sa.BigInteger),
                  ("event_clusters", "cluster_json", "text", sa.Text))
CLUSTER_METADATA = build_metadata(CLUSTER_LAYOUT, CLUSTER_INDEXES, CLUSTER_EXTRAS)
CLUSTERS = CLUSTER_METADATA.tables["event_clusters"]
MEMBERS = CLUSTER_METADATA.tables["event_cluster_members"]


def _cluster_rows(clusters) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {t.name: [] for t in CLUSTER_LAYOUT}
    for cluster in clusters:
        for table, row in iter_rows(cluster, layout=CLUSTER_LAYOUT):
            if table.parent is None:
                row["n_articles"], row["cluster_json"] = len(cluster.sources), cluster.model_dump_json()
            rows[table.name].append(row)
    return rows


def _previous_clusters(conn: sa.Connection, existing: set) -> dict[tuple, str]:
    """(article id, event index) -> cluster id, from the last run (any layout of ours)."""
    if MEMBERS.name not in existing:
        return {}
    found = conn.execute(sa.text(f"SELECT article_id, event_index, cluster_id FROM {MEMBERS.name}"))
    return {(a, e): c for a, e, c in found}


def _renew_tables(conn: sa.Connection, existing: set) -> None:
    """Empty cluster tables of this layout, made anew when an older one is there."""
    inspector = sa.inspect(conn)
    current = all(t.name in existing and {c["name"] for c in inspector.get_columns(t.name)} == set(t.c.keys())
                  for t in CLUSTER_METADATA.sorted_tables)
    if current:
        for table in reversed(CLUSTER_METADATA.sorted_tables):
            conn.execute(sa.delete(table))
        return
    for name in (MEMBERS.name, CLUSTERS.name):
        if name in existing:
            conn.execute(sa.text(f"DROP TABLE {name}"))
    CLUSTER_METADATA.create_all(conn)


def cluster_database(target: str, settings: Optional[ClusterSettings] = None) -> dict:
    """Cluster every event stored at `target` (a database URL or SQLite path).
    Raises `DatabaseError` when the database cannot be reached or holds no records."""
    engine = create_engine(target, must_exist=True)

    def work(conn: sa.Connection) -> dict:
        existing = set(sa.inspect(conn).get_table_names())
        if "articles" not in existing or SCHEMA_TABLE not in existing:
            raise DatabaseError(f"{shown(engine.url)} holds no newsextract records (no articles table): "
                                "store some with `newsextract extract ... --db URL` first")
        previous = _previous_clusters(conn, existing)
        events = [e for _, rec, err in stored_records(conn) if rec is not None for e in events_of_record(rec)]
        clusters = build_clusters(events, cluster_events(events, settings, previous=previous))
        _renew_tables(conn, existing)
        rows = _cluster_rows(clusters)
        for table in CLUSTER_METADATA.sorted_tables:
            if rows[table.name]:
                conn.execute(table.insert(), rows[table.name])
        events_table = METADATA.tables["events"]
        conn.execute(sa.update(events_table).values(cluster_id=None))
        by_id = [{"a": m.article_id, "e": m.event_id, "c": c.cluster_id}
                 for c in clusters for m in c.members if m.event_id]
        if by_id:
            conn.execute(
                sa.update(events_table)
                .where(events_table.c.article_id == sa.bindparam("a"), events_table.c.id == sa.bindparam("e"))
                .values(cluster_id=sa.bindparam("c")), by_id)
        return {"events": len(events), "clusters": len(clusters)}

    try:
        return transaction(engine, work, doing="cluster the events of", retries=0)
    finally:
        engine.dispose()


def cluster_files(paths: list[str], output: Optional[str], *, clusters_out: Optional[str] = None,
                  state: Optional[str] = None, settings: Optional[ClusterSettings] = None,
                  skipped: Callable[[str, str], None] = lambda where, error: None) -> dict:
    """Cluster the events of the records in `paths` (JSONL) and write the records,
    with `cluster_id` on their events, to `output` (stdout for None or '-'; the
    file is replaced whole). Lines that are not records go to `skipped`."""
    records, bad = [], 0
    for where, record, error in read_records(paths):
        if error:
            bad += 1
            skipped(where, error)
        else:
            records.append(record)
    kept = ClusterState(state) if state else None
    records, clusters = cluster_records(records, settings=settings, state=kept)
    write_jsonl(output, records)
    if clusters_out:
        write_jsonl(clusters_out, clusters)
    if kept is not None:
        kept.save()
    return {"events": sum(len(c.members) for c in clusters), "clusters": len(clusters), "skipped": bad}
