"""The clusterer's settings: feature weights, threshold and blocking, from models/clustering.json."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional, Union

from ..text.tables import Table, load_table, parse_table, read_json


class Weights(Table):
    """Every feature of `pair_score`; a misspelled or missing weight fails at load."""

    date_same_day: float
    date_adjacent_day: float
    date_same_month: float
    date_same_year: float
    date_missing: float
    participants_jaccard: float
    participants_disjoint: float
    location_same: float
    location_different: float
    mediator_same: float
    mediator_different: float
    count_shared: float
    count_disjoint_same_category: float


class ClusteringTable(Table):
    threshold: float
    max_block_size: int
    day_tolerance: int
    weights: Weights
    growing_tolls: list[str] = []
    generic_place_words: list[str] = []


@dataclass(frozen=True)
class ClusterSettings:
    threshold: float
    max_block_size: int
    day_tolerance: int
    weights: Mapping[str, float]
    growing_tolls: frozenset
    generic_place_suffix: Optional[re.Pattern] = None

    @classmethod
    def from_table(cls, table: ClusteringTable) -> "ClusterSettings":
        words = "|".join(re.escape(w) for w in table.generic_place_words)
        return cls(threshold=table.threshold, max_block_size=table.max_block_size,
                   day_tolerance=table.day_tolerance,
                   weights=table.weights.model_dump(exclude={"about"}),
                   growing_tolls=frozenset(table.growing_tolls),
                   generic_place_suffix=re.compile(rf"(?<!\s)\s+(?:{words})$", re.I) if words else None)

    @classmethod
    def load(cls, path: Optional[Union[str, Path]] = None) -> "ClusterSettings":
        """The packaged settings, or a user's JSON file of the same shape."""
        if path:
            path = Path(path)
            return cls.from_table(parse_table(read_json(path.name, path.parent), ClusteringTable, str(path)))
        return cls.from_table(load_table("clustering.json", ClusteringTable))


@lru_cache(maxsize=1)
def default_settings() -> ClusterSettings:
    return ClusterSettings.load()
