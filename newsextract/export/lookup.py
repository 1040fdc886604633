"""What the export asks the gazetteer: an organization's kind, and a capital's feature id.

This is the export's one door to the gazetteer (the only module importing it),
so moving the gazetteer means changing one import here.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..gazetteer import Organization, Place, load_gazetteer
from ..text.tables import read_json


def organization_kind(name: str) -> Optional[str]:
    """The gazetteer kind of a named organization (government, armed_group, ...), if it knows it."""
    for entry in load_gazetteer().lookup(name):
        if isinstance(entry.record, Organization):
            return entry.record.kind
    return None


@lru_cache(maxsize=1)
def _capital_ids() -> dict[str, tuple[str, str]]:
    """{country ISO alpha-2: (capital name, GeoNames id)} from the gazetteer's country table."""
    rows = read_json("gazetteer_countries.json")["countries"]
    return {r["iso2"]: (r["capital"], str(r["capital_geonameid"]))
            for r in rows if r.get("capital") and r.get("capital_geonameid")}


def capital_feature_id(name: str, iso2: Optional[str]) -> Optional[str]:
    """The GeoNames id of `name` when the gazetteer reads it as the capital of `iso2`."""
    if not iso2 or iso2 not in _capital_ids():
        return None
    capital, geonameid = _capital_ids()[iso2]
    for entry in load_gazetteer().lookup(name):
        record = entry.record
        if isinstance(record, Place) and record.kind == "capital" and record.country_code == iso2:
            return geonameid if record.name == capital else None
    return None
