"""Coordinates for the article's small places: towns, villages and districts the
gazetteer (cities of 15,000+) does not know are looked up among GeoNames' towns
of 1,000+ people (newsextract.gazetteer.geocoder), told apart by the countries the article
names (most mentioned first) and the places it locates otherwise.

Only entities typed PLACE by their context are looked up; a region, a water body,
a territory or a place of the curated table keeps what the gazetteer says; a
gazetteer city abroad gives way to a town of the article's own countries."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Optional, Union

from ...gazetteer.geocoder import TOWNS_FILE, Town, geocode
from ...gazetteer import Place
from ...schema import Entity

# gazetteer readings that are never replaced by a town
KEPT_KINDS = frozenset({"region", "water", "area", "territory", "facility"})
TOWN_KIND = "town"


def geocoder_folder(tables_path: Optional[Union[str, Path]]) -> Optional[str]:
    """The folder to read the town index from: the component's tables folder when it
    holds one, else the packaged models/."""
    if tables_path is not None and (Path(tables_path) / TOWNS_FILE).is_file():
        return str(tables_path)
    return None


def article_countries(entities: list[Entity]) -> list[str]:
    """ISO codes of the countries the article names, most mentioned first; the
    countries of its located places count half a mention each."""
    counts: Counter = Counter()
    for e in entities:
        if e.type == "COUNTRY" and e.attributes.iso_alpha2:
            counts[e.attributes.iso_alpha2] += len(e.mentions) or 1
        elif e.type in ("PLACE", "ORGANIZATION") and e.attributes.country_code:
            counts[e.attributes.country_code] += 0.5 * (len(e.mentions) or 1)
    return [code for code, _ in counts.most_common()]


def locate_places(entities: list[Entity], records: dict[str, object], folder: Optional[str] = None) -> None:
    """Set country code and coordinates of the PLACE entities the gazetteer did not
    locate (or located abroad) when the town index knows them. `records`: entity id
    -> the gazetteer record its mentions resolved to (or None)."""
    countries = article_countries(entities)
    todo = [e for e in entities if e.type == "PLACE" and _wants_town(e, records.get(e.id), countries)]
    if not todo:
        return
    near = [(e.attributes.latitude, e.attributes.longitude) for e in entities
            if e.type == "PLACE" and e.attributes.latitude is not None and e not in todo]
    for ent in todo:
        rec = records.get(ent.id)
        town = _town(ent, countries, near, folder)
        if town is None:
            continue
        if countries and town.country_code not in countries:
            continue  # a known place abroad is the gazetteer's to give (it holds cities of 15,000+)
        attrs = ent.attributes
        attrs.country_code, attrs.latitude, attrs.longitude = town.country_code, town.latitude, town.longitude
        attrs.feature_kind = TOWN_KIND


def _wants_town(ent: Entity, rec, countries: list[str]) -> bool:
    """Whether a PLACE entity is one the town index may locate."""
    attrs = ent.attributes
    if attrs.feature_kind == "region" or isinstance(rec, Place) and (rec.kind in KEPT_KINDS or rec.curated):
        return False
    if attrs.latitude is None:
        return True
    # a gazetteer city abroad may be a namesake town of the article's countries
    return isinstance(rec, Place) and rec.kind == "city" and bool(countries) and rec.country_code not in countries


def _town(ent: Entity, countries: list[str], near: list, folder: Optional[str]) -> Optional[Town]:
    for name in dict.fromkeys([ent.name] + ent.aliases):
        town = geocode(name, countries=countries, near=near, folder=folder)
        if town is not None:
            return town
    return None
