"""One real event, one record: grouping the same event across the articles of a dump.

Events are compared only within blocks (type + date bucket, type + month or year
+ participant, type + participant + figure), so the cost grows with the number of
events, not with the number of pairs. A pair is scored by `pair_score` from
features whose weights live in models/clustering.json; pairs are merged greedily
from the best score down, and two clusters merge only when no member pair
conflicts (same article, incompatible dates). The result does not depend on the
order of the input: events are sorted by (article id, index) first and every tie
is broken by those keys.
"""
from __future__ import annotations

from .building import build_clusters
from .events import ClusterEvent, events_of_record
from .grouping import cluster_events, cluster_events_dask
from .keys import entity_key, gazetteer_key, norm_name
from .scoring import block_keys, dates_compatible, pair_score
from .settings import ClusterSettings, default_settings
from .state import ClusterState, cluster_records

__all__ = [
    "ClusterEvent", "ClusterSettings", "ClusterState", "block_keys", "build_clusters", "cluster_events",
    "cluster_events_dask", "cluster_records", "dates_compatible", "default_settings", "entity_key",
    "events_of_record", "gazetteer_key", "norm_name", "pair_score",
]
