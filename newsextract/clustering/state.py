"""Records in, records out: cluster ids set on records, and clusters kept between runs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ..schema import EventCluster
from .building import build_clusters
from .events import ClusterEvent, events_of_record
from .grouping import cluster_events
from .settings import ClusterSettings


class ClusterState:
    """Clusters kept between runs in a folder: `events.jsonl` (what was seen) and
    the assignment. Tomorrow's dump joins today's clusters or opens new ones."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.events: dict[tuple, ClusterEvent] = {}
        self.assignment: dict[tuple, str] = {}
        path = self.folder / "events.jsonl"
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    ev = ClusterEvent.from_json(row["event"])
                    self.events[ev.key] = ev
                    self.assignment[ev.key] = row["cluster_id"]

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / "events.jsonl.tmp"
        with tmp.open("w", encoding="utf-8") as fh:
            for key in sorted(self.events):
                fh.write(json.dumps({"cluster_id": self.assignment[key], "event": self.events[key].to_json()},
                                    ensure_ascii=False) + "\n")
        tmp.replace(self.folder / "events.jsonl")


def cluster_records(records: list[dict], *, settings: Optional[ClusterSettings] = None,
                    state: Optional[ClusterState] = None) -> tuple[list[dict], list[EventCluster]]:
    """Set `cluster_id` on every asserted event of `records` (dicts, changed in place
    and returned) and return the cluster records. With `state`, earlier articles'
    events take part and keep their cluster ids; re-running the same records changes nothing."""
    fresh = [e for rec in records for e in events_of_record(rec)]
    pool = dict(state.events) if state else {}
    for e in fresh:
        pool[e.key] = e  # an article seen again replaces its earlier events
    fresh_articles = {e.article_id for e in fresh} | {str(r.get("id")) for r in records}
    fresh_keys = {e.key for e in fresh}
    for key in [k for k in pool if k[0] in fresh_articles and k not in fresh_keys]:
        del pool[key]
    assignment = cluster_events(pool.values(), settings, previous=state.assignment if state else None)
    for rec in records:
        for i, ev in enumerate(rec.get("events") or []):
            key = (str(rec.get("id")), i)
            if key in assignment:
                ev["cluster_id"] = assignment[key]
    if state is not None:
        state.events, state.assignment = pool, assignment
    return records, build_clusters(pool.values(), assignment)
