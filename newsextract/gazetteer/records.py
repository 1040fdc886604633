"""What a gazetteer name can stand for: a country, a place or an organization,
and one reading of a name (`Entry`), ranked most likely first."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    kind: str  # country, territory, historic_country
    capital: Optional[str] = None
    neighbours: tuple[str, ...] = ()
    population: int = 0
    continent: Optional[str] = None


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # capital, city, region, water, area, facility, territory
    country_code: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    population: int = 0
    curated: bool = False  # from the project's own table of well-known places

    @property
    def salient(self) -> bool:
        """Known well enough to be read as a place without the model's help."""
        return self.curated or self.kind in ("capital", "region") or self.population >= 100_000


@dataclass(frozen=True)
class Organization:
    name: str
    kind: str
    country_code: Optional[str] = None
    after_words: tuple[str, ...] = ()


Record = Union[Country, Place, Organization]


@dataclass(frozen=True)
class Entry:
    """One reading of a name: the record it names and how (its main name or an alias)."""

    record: Record
    main_name: bool
    capitals_only: bool

    @property
    def is_country(self) -> bool:
        return isinstance(self.record, Country) and self.record.kind != "territory"


@dataclass
class Match:
    """A stretch of tokens [start, end) whose text is a gazetteer name."""

    start: int
    end: int
    entries: list[Entry] = field(default_factory=list)


_PLACE_GROUP = {"water": 2, "area": 2, "facility": 2, "capital": 3, "city": 4, "region": 5}


def entry_rank(entry: Entry) -> tuple:
    """Readings of one name, most likely first: countries, organizations, then
    places: the curated table first ("Gulf" is the Persian Gulf before a province
    of that name), then a place's own name before another's alias ("Bihar" the
    state before Bihar Sharif), capitals, cities of 100,000+, regions, smaller
    cities, then by population."""
    r = entry.record
    if isinstance(r, Country):
        if r.kind == "territory":
            return (2, not entry.main_name, 1, -r.population)
        return (0, not entry.main_name, -r.population)
    if isinstance(r, Organization):
        return (1, not entry.main_name, 0)
    group = _PLACE_GROUP.get(r.kind, 4)
    if r.kind == "region" and r.curated:
        group = 2
    if r.kind == "city" and r.population < 100_000:
        group = 6
    return (2, not r.curated, not entry.main_name, group, -(r.population or 0))
