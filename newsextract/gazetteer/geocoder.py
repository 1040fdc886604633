"""Coordinates for towns and villages: GeoNames places of 1,000+ people.

The entity gazetteer locates countries, regions and cities of 15,000+; the
places news reports from are often smaller (a village shelled, a district
flooded). This module looks such a place up in an index of GeoNames'
`cities1000` (models/geocoder_towns.tsv, built by models/scripts/build_towns.py)
and chooses among its homonyms by the countries the article names. It only
locates an entity the pipeline has already typed PLACE: the index holds 170,000
names, too many common words and surnames among them to propose entities.

Choosing among homonyms (`geocode`): records of one place a few kilometres
apart count as one. Among the towns of the article's countries, the only one,
else the one near a place the article locates (`near`), else the most populous
if it has ten times the people of every other, else the one these rules pick in
the most-named country that has any; but none when a place known abroad
(100,000+) by that very name dwarfs them ("Bali" of an article naming China is
not its village of 7,000). When no homonym lies in the article's countries,
only a dominant place known abroad is taken (or, when the article names no
country at all, a dominant town named so, not one merely known by that as an
alternate name). Otherwise nothing: a wrong country is worse than no
coordinates. A name ending in a generic word ("Markazi district", "Bagram
airport") that is not itself a town is looked up without it, among the towns of
the article's countries only.

Every worker process loads the index once, lazily, on its first lookup. It is
kept as the files' bytes plus an array of line offsets, searched by bisection
(the towns are sorted by the key of their name, the alternate names by key), so
that loading takes about a tenth of a second and 16 MB, where a dict of the
390,000 names took 0.3-0.4 s and 90 MB.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from math import asin, cos, radians, sin, sqrt
from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Sequence, Union

from ..text.tables import PACKAGE, Table, TableError, load_table

TOWNS_FILE = "geocoder_towns.tsv"
NAMES_FILE = "geocoder_town_names.tsv"
TABLE_FILE = "geocoder.json"
HEADER_LINES = 2  # the `#` line naming source and licence, then the column names

DOMINANCE = 10.0  # a homonym wins alone when it has 10 times the people of every other one
UNKNOWN_POPULATION = 1000  # GeoNames writes 0 for an unknown population (district seats): counted as the floor
SAME_PLACE_KM = 25.0  # homonyms this close are one place (a town and its quarter, two records of one village)
NEAR_KM = 150.0  # a homonym this close to a place the article locates is the one meant
# a place known beyond its country: the only kind taken outside the article's countries, and the kind
# that makes a much smaller namesake in them doubtful ("Bali" of an article naming China)
KNOWN_ABROAD_POPULATION = 100_000

_APOSTROPHES = re.compile(r"[.'’‘`´ʼʻ]")
_SPACES = re.compile(r"[-‐‑–—_]")


def place_key(text: str) -> str:
    """The key two spellings of a place name share: accents stripped, case-folded, periods and
    apostrophes dropped, hyphens and underscores read as spaces, a leading "the" dropped
    ("Kramators'k" and "Kramatorsk", "Nad-e Ali" and "Nad e Ali")."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = " ".join(_SPACES.sub(" ", _APOSTROPHES.sub("", text.casefold())).split())
    return text[4:] if text.startswith("the ") else text


class Town(NamedTuple):
    """One GeoNames populated place."""

    geonameid: int
    name: str
    country_code: str
    admin1: str
    latitude: float
    longitude: float
    population: int


class Homonym(NamedTuple):
    """A town a name may designate, and whether that is its name (True) or an alternate name."""

    town: Town
    by_name: bool


class GeocoderTable(Table):
    """models/geocoder.json: the generic words a place name may end with."""

    suffixes: list[str]


def _read_bytes(filename: str, folder: Optional[Union[str, Path]]) -> bytes:
    """A data file as bytes (a str of the same text would take two to four bytes a character)."""
    if folder is not None:
        path = Path(folder) / filename
        if not path.is_file():
            raise TableError(f"{path}: no such table")
        return path.read_bytes()
    resource = resources.files(PACKAGE).joinpath(filename)
    if not resource.is_file():
        raise TableError(f"models/{filename}: no such table in the installed package")
    return resource.read_bytes()


class _Lines:
    """The data lines of a TSV file kept as its bytes: line i decoded on demand."""

    def __init__(self, blob: bytes, label: str):
        ends = array("L", (m.start() for m in re.finditer(b"\n", blob)))
        if len(ends) < HEADER_LINES or not blob.startswith(b"#"):
            raise TableError(f"{label}: not a geocoder index (no `#` source line and column line)")
        self._blob = blob
        self._ends = ends
        self._first = HEADER_LINES

    def __len__(self) -> int:
        return len(self._ends) - self._first

    def line(self, i: int) -> str:
        j = self._first + i
        return self._blob[self._ends[j - 1] + 1:self._ends[j]].decode("utf-8")

    def fields(self, i: int) -> list[str]:
        return self.line(i).split("\t")


class _Keys:
    """A sequence view of the sort key of every line, for `bisect`."""

    def __init__(self, lines: _Lines, key_of_line):
        self._lines = lines
        self._key_of_line = key_of_line

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: int) -> str:
        return self._key_of_line(self._lines.line(i))


def _town_key(line: str) -> str:
    return place_key(line.split("\t", 2)[1])


def _name_key(line: str) -> str:
    return line.split("\t", 1)[0]


class TownIndex:
    """The towns (sorted by the key of their name) and their alternate names (sorted by key,
    each with the numbers of its towns' lines)."""

    def __init__(self, towns: bytes, names: bytes, table: GeocoderTable):
        self._towns = _Lines(towns, TOWNS_FILE)
        self._names = _Lines(names, NAMES_FILE)
        self._town_keys = _Keys(self._towns, _town_key)
        self._name_keys = _Keys(self._names, _name_key)
        keys = {place_key(s) for s in table.suffixes}
        self._suffixes = tuple(sorted((" " + k for k in keys if k), key=len, reverse=True))

    def __len__(self) -> int:
        return len(self._towns)

    def town(self, row: int) -> Town:
        geonameid, name, cc, admin1, lat, lon, pop = self._towns.fields(row)
        return Town(int(geonameid), name, cc, admin1, float(lat), float(lon), int(pop))

    def rows(self, key: str) -> dict[int, bool]:
        """The lines of the towns named `key` (True) or with an alternate name `key` (False)."""
        found = {}
        i = bisect_left(self._town_keys, key)
        while i < len(self._towns) and self._town_keys[i] == key:
            found[i] = True
            i += 1
        j = bisect_left(self._name_keys, key)
        if j < len(self._names):
            name, rows = self._names.line(j).split("\t")
            if name == key:
                for row in rows.split(","):
                    found.setdefault(int(row), False)
        return found

    def homonyms(self, name: str) -> list[Homonym]:
        """Every town a name may designate, most populous first."""
        key = place_key(name)
        found = [Homonym(self.town(row), by_name) for row, by_name in self.rows(key).items()] if key else []
        return sorted(found, key=lambda h: (-h.town.population, h.town.geonameid))

    def without_suffix(self, name: str) -> Optional[str]:
        """The name without its generic last word(s) ("Markazi district" -> "markazi"), or None."""
        key = place_key(name)
        for suffix in self._suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                return key[:-len(suffix)]
        return None


@lru_cache(maxsize=None)
def load_towns(folder: Optional[str] = None) -> TownIndex:
    """The town index, read once per process (from `folder`, or the packaged models/)."""
    table = load_table(TABLE_FILE, GeocoderTable, folder)
    return TownIndex(_read_bytes(TOWNS_FILE, folder), _read_bytes(NAMES_FILE, folder), table)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * asin(min(1.0, sqrt(h)))


def _point(town: Town) -> tuple[float, float]:
    return (town.latitude, town.longitude)


def _people(town: Town) -> int:
    return town.population or UNKNOWN_POPULATION


def _one_of(towns: list[Town], near: Sequence[tuple[float, float]]) -> Optional[Town]:
    """The town meant among homonyms (most populous first): the only one once records of one
    place are merged; else the only one near a place the article locates; else the most
    populous if it dominates; else None."""
    top = towns[0]
    rivals = [t for t in towns[1:] if distance_km(_point(t), _point(top)) > SAME_PLACE_KM]
    if not rivals:
        return top
    if near:
        close = [t for t in towns if min(distance_km(_point(t), p) for p in near) <= NEAR_KM]
        if close and all(distance_km(_point(t), _point(close[0])) <= SAME_PLACE_KM for t in close):
            return close[0]
    if _people(top) >= DOMINANCE * max(_people(t) for t in rivals):
        return top
    return None


def _choose(homonyms: list[Homonym], countries: Sequence[str], near, abroad: bool) -> Optional[Town]:
    """The town meant among the homonyms (most populous first), or None; see the module doc."""
    towns = [h.town for h in homonyms]
    local = [t for t in towns if t.country_code in countries]
    if local:
        famous = [h.town for h in homonyms if h.by_name and h.town.country_code not in countries]
        if famous and _people(famous[0]) >= max(KNOWN_ABROAD_POPULATION, DOMINANCE * _people(local[0])):
            return None  # a famous place abroad, so named, dwarfs the article's own: which one is meant is unclear
        found = _one_of(local, near)
        if found is None:
            first = next(c for c in countries if any(t.country_code == c for t in local))
            found = _one_of([t for t in local if t.country_code == first], near)
        return found
    found = _one_of(towns, near) if abroad and towns else None
    if found is None or found.population >= KNOWN_ABROAD_POPULATION:
        return found
    by_name = next(h.by_name for h in homonyms if h.town == found)
    return found if by_name and not countries else None


def geocode(name: str, *, countries: Iterable[str] = (), near: Optional[Iterable[tuple[float, float]]] = None,
            folder: Optional[str] = None) -> Optional[Town]:
    """The town an entity typed PLACE designates, or None when the index has none or cannot tell
    which. `countries`: ISO 3166-1 alpha-2 codes of the countries the article names, most named
    first. `near`: (latitude, longitude) of places the article locates otherwise, to tell
    homonyms apart. `folder`: read the index from there instead of the packaged models/."""
    index = load_towns(folder)
    countries = [c.upper() for c in countries]
    near = [tuple(p) for p in near or ()]
    found = _choose(index.homonyms(name), countries, near, abroad=True)
    if found is None and countries:
        stem = index.without_suffix(name)
        if stem:
            found = _choose(index.homonyms(stem), countries, near, abroad=False)
    return found
