"""Where it happened: a cluster's location as GDELT ActionGeo and ACLED geography.

The place is the location most members of the cluster give; its codes come
from the record (gazetteer attributes written at extraction) and the country
table. GDELT's geography uses FIPS 10-4 country codes; a country-level match
has the country code as ADM1 code and feature id, as GDELT writes it; a capital
has its GeoNames id as feature id (GDELT uses GNS/GNIS ids there: another
numbering, documented). What the gazetteer does not hold (ADM1 codes of places,
ADM2, feature ids of other cities, country centroids) stays empty.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ..clustering import entity_key
from .clusters import ExportCluster, MemberEvent
from .lookup import capital_feature_id
from .tables import country_table

COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
CITY_KINDS = frozenset({"city", "capital", "facility"})


@dataclass(frozen=True)
class Geo:
    name: str
    kind: Optional[str] = None  # "country", or the gazetteer kind of a place (city, capital, region, ...)
    iso2: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    feature_id: Optional[str] = None

    @property
    def country_name(self) -> Optional[str]:
        return country_table().code(self.iso2, "name")

    @property
    def fips(self) -> Optional[str]:
        return country_table().code(self.iso2, "fips")

    @property
    def gdelt_type(self) -> Optional[int]:
        us = self.iso2 == "US"
        if self.kind in ("country", "territory"):
            return COUNTRY
        if self.kind == "region":
            return US_STATE if us else WORLD_STATE
        if self.kind in CITY_KINDS:
            return US_CITY if us else WORLD_CITY
        return None

    @property
    def full_name(self) -> str:
        """GDELT's "Place, Country" (its ADM1 part is not known here); a country alone by its name."""
        if self.kind in ("country", "territory"):
            return self.country_name or self.name
        country = self.country_name
        return f"{self.name}, {country}" if country and country != self.name else self.name

    @property
    def adm1(self) -> Optional[str]:
        return self.fips if self.gdelt_type == COUNTRY else None

    @property
    def gdelt_feature_id(self) -> Optional[str]:
        return self.fips if self.gdelt_type == COUNTRY else self.feature_id


def geo_of(name: str, entity: Optional[dict]) -> Geo:
    """The place a location reference names, with what its entity's attributes tell."""
    if not entity:
        return Geo(name=name)
    attrs = entity.get("attributes") or {}
    if entity.get("type") == "COUNTRY":
        iso2 = attrs.get("iso_alpha2")
        return Geo(name=entity.get("name") or name, kind="country" if iso2 else None, iso2=iso2)
    iso2 = attrs.get("country_code")
    kind = attrs.get("feature_kind")
    place = entity.get("name") or name
    return Geo(name=place, kind=kind, iso2=iso2, latitude=attrs.get("latitude"), longitude=attrs.get("longitude"),
               feature_id=capital_feature_id(place, iso2) if kind == "capital" else None)


def _location(member: MemberEvent) -> Optional[tuple[str, Geo]]:
    ref = member.event.get("location")
    if not isinstance(ref, dict) or not ref.get("name"):
        return None
    entity = member.entity(ref)
    geo = geo_of(ref["name"], entity)
    key = entity_key(geo.name, iso2=geo.iso2 if geo.kind == "country" else None,
                   etype=(entity or {}).get("type"))
    return key, geo


def cluster_geo(cluster: ExportCluster) -> Optional[Geo]:
    """The location most members give (ties: the first source's), with its codes."""
    found = [loc for loc in (_location(m) for m in cluster.members) if loc]
    if not found:
        return None
    counts = Counter(key for key, _ in found)
    best = max(counts.values())
    return next(geo for key, geo in found if counts[key] == best)
