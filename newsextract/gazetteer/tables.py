"""The gazetteer's data files, typed: reading them from `models/` (or a folder
holding the same file names) and writing them back (a component's `to_disk`).

  gazetteer_countries.json     one row per country (built by models/scripts/build_gazetteer.py)
  gazetteer_places.tsv         cities, capitals, regions (built by the same script)
  gazetteer_place_extras.json  seas, rivers, disputed regions, facilities (hand-written)
  gazetteer_orgs.json          organizations and their acronyms (hand-written)
  gazetteer_matching.json      how names are matched in text (hand-written)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union

from ..text.tables import Table, load_table, read_text, write_table
from .records import Place

COUNTRIES_FILE = "gazetteer_countries.json"
PLACES_FILE = "gazetteer_places.tsv"
PLACE_EXTRAS_FILE = "gazetteer_place_extras.json"
ORGS_FILE = "gazetteer_orgs.json"
MATCHING_FILE = "gazetteer_matching.json"
PLACES_HEADER = "name\t"


class CountryRow(Table):
    iso2: str
    iso3: str
    name: str
    names: list[str]
    demonyms: list[str] = []
    kind: str  # country, territory, historic_country
    capital: Optional[str] = None
    capital_geonameid: Optional[int] = None
    neighbours: list[str] = []
    continent: Optional[str] = None
    population: Optional[int] = None


class CountriesTable(Table):
    countries: list[CountryRow]


class OrgRow(Table):
    name: str
    aliases: list[str] = []
    kind: str
    country: Optional[str] = None  # ISO alpha-2
    after_words: Optional[list[str]] = None  # a reading only after one of these words ("on X")


class OrgsTable(Table):
    orgs: list[OrgRow]


class PlaceExtraRow(Table):
    name: str
    kind: str
    country: Optional[str] = None
    aliases: Optional[list[str]] = None


class PlaceExtrasTable(Table):
    places: list[PlaceExtraRow]


class MatchingTable(Table):
    lowercase_prefixes: list[str]  # "al-Qaeda": a name may start with these in lower case
    official_form_adjectives: list[str]  # "the Islamic Republic of Iran"
    official_form_heads: list[str]

    def official_form(self) -> re.Pattern:
        """"republic of ukraine" -> group(1) "ukraine" (on name keys)."""
        adjectives = "|".join(re.escape(w) for w in self.official_form_adjectives)
        heads = "|".join(re.escape(w) for w in self.official_form_heads)
        return re.compile(rf"^(?:(?:{adjectives}) )*(?:{heads}) of (.+)$")


@dataclass(frozen=True)
class GazetteerTables:
    """Every gazetteer file, read; `folder` is where from (None: the packaged models/)."""

    countries: CountriesTable
    orgs: OrgsTable
    place_extras: PlaceExtrasTable
    matching: MatchingTable
    folder: Optional[Path] = None

    def places(self) -> Iterator[tuple[Place, list[str]]]:
        """Every place with its aliases: the generated table, then the curated one."""
        yield from _read_places(read_text(PLACES_FILE, self.folder))
        for row in self.place_extras.places:
            yield (Place(name=row.name, kind=row.kind, country_code=row.country, curated=True),
                   list(row.aliases or ()))


def _read_places(text: str) -> Iterator[tuple[Place, list[str]]]:
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith(PLACES_HEADER):
            continue
        name, aliases, kind, cc, lat, lon, pop = line.split("\t")
        yield (Place(name=name, kind=kind, country_code=cc or None,
                     latitude=float(lat) if lat else None, longitude=float(lon) if lon else None,
                     population=int(pop) if pop else 0),
               [a for a in aliases.split("|") if a])


def read_gazetteer_tables(folder: Optional[Union[str, Path]] = None) -> GazetteerTables:
    """The gazetteer files of `folder`, or the packaged ones."""
    return GazetteerTables(
        countries=load_table(COUNTRIES_FILE, CountriesTable, folder),
        orgs=load_table(ORGS_FILE, OrgsTable, folder),
        place_extras=load_table(PLACE_EXTRAS_FILE, PlaceExtrasTable, folder),
        matching=load_table(MATCHING_FILE, MatchingTable, folder),
        folder=Path(folder) if folder is not None else None,
    )


def write_gazetteer_tables(tables: GazetteerTables, folder: Union[str, Path]) -> None:
    """Write every gazetteer file into `folder` (the places table copied as it is)."""
    folder = Path(folder)
    write_table(tables.countries, folder, COUNTRIES_FILE)
    write_table(tables.orgs, folder, ORGS_FILE)
    write_table(tables.place_extras, folder, PLACE_EXTRAS_FILE)
    write_table(tables.matching, folder, MATCHING_FILE)
    (folder / PLACES_FILE).write_text(read_text(PLACES_FILE, tables.folder), "utf-8")
