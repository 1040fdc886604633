"""Greedy merging of scored pairs into clusters, and their stable ids."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional

from .events import ClusterEvent
from .scoring import _block_pairs, block_keys, dates_compatible, pair_score
from .settings import ClusterSettings, default_settings


@dataclass
class _Cluster:
    members: list = field(default_factory=list)
    articles: set = field(default_factory=set)


def _can_merge(x: _Cluster, y: _Cluster, settings: ClusterSettings) -> bool:
    if x.articles & y.articles:
        return False
    return all(dates_compatible(a, b, settings.day_tolerance) is not None for a in x.members for b in y.members)


def cluster_events(events: Iterable[ClusterEvent], settings: Optional[ClusterSettings] = None,
                   *, previous: Optional[Mapping[tuple, str]] = None,
                   stats: Optional[dict] = None) -> dict[tuple, str]:
    """Assign a cluster id to every event: {(article_id, index): cluster_id}.

    `stats`, when given, receives counts of events, blocks and pairs scored.
    `previous` maps event keys to the ids they had in an earlier run; a cluster
    keeps the id most of its previously-seen members had, so adding articles
    never renumbers existing clusters."""
    s = settings or default_settings()
    evs = sorted(events, key=lambda e: e.key)
    blocks = defaultdict(list)
    for i, e in enumerate(evs):
        for k in block_keys(e, s.day_tolerance):
            blocks[k].append(i)
    pairs = {}
    for bkey, members in blocks.items():
        if len(members) < 2 or len(members) > s.max_block_size:
            continue
        for i, j in _block_pairs(bkey[0], members, evs):
            if (i, j) not in pairs:
                pairs[(i, j)] = pair_score(evs[i], evs[j], s)
    if stats is not None:
        stats.update(events=len(evs), blocks=len(blocks), pairs_scored=len(pairs),
                     blocks_skipped=sum(len(m) > s.max_block_size for m in blocks.values()))
    ranked = sorted(((sc, i, j) for (i, j), sc in pairs.items() if sc is not None and sc >= s.threshold),
                    key=lambda t: (-t[0], t[1], t[2]))
    parent = list(range(len(evs)))
    clusters = {i: _Cluster(members=[e], articles={e.article_id}) for i, e in enumerate(evs)}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in ranked:
        ri, rj = find(i), find(j)
        if ri == rj or not _can_merge(clusters[ri], clusters[rj], s):
            continue
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        clusters[root].members += clusters[other].members
        clusters[root].articles |= clusters[other].articles
        del clusters[other]
    return _name_clusters(clusters, previous or {})


def _name_clusters(clusters: dict, previous: Mapping[tuple, str]) -> dict[tuple, str]:
    assigned, used = {}, set()
    # the biggest clusters claim their previous ids first; ties by their first member
    order = sorted(clusters.values(), key=lambda c: (-len(c.members), min(m.key for m in c.members)))
    for c in order:
        votes = Counter(previous[m.key] for m in c.members if m.key in previous)
        cid = next((v for v, _ in sorted(votes.items(), key=lambda t: (-t[1], t[0])) if v not in used), None)
        if cid is None:
            first = min(m.key for m in c.members)
            cid = "C" + hashlib.sha1(f"{c.members[0].type}|{first[0]}|{first[1]}".encode()).hexdigest()[:12]
        used.add(cid)
        for m in c.members:
            assigned[m.key] = cid
    return assigned


def cluster_events_dask(events: Iterable[ClusterEvent], settings: Optional[ClusterSettings] = None, *,
                        previous: Optional[Mapping[tuple, str]] = None, npartitions: int = 8,
                        scheduler=None) -> dict[tuple, str]:
    """`cluster_events` on a Dask cluster, partitioned by event type.

    Every blocking key starts with the event type and events of different types
    are never one occurrence, so each type is clustered on its own worker and the
    result equals the single-process one. `scheduler` is passed to `compute`
    (None: the active distributed Client, else Dask's default)."""
    import dask.bag as db  # optional dependency (the dask extra), needed only here

    s = settings or default_settings()
    prev = dict(previous or {})
    bag = db.from_sequence(list(events), npartitions=npartitions)
    per_type = bag.groupby(lambda e: e.type).map(
        lambda kv: cluster_events(kv[1], s, previous={e.key: prev[e.key] for e in kv[1] if e.key in prev}))
    result = {}
    for part in per_type.compute(scheduler=scheduler):
        result.update(part)
    return result
