"""Loading and matching the gazetteers in `models/`: countries, places, organizations.

The tables are read once per process (`load_gazetteer()` is cached). Names are
compared on a *key*: case-folded, accents stripped, periods and apostrophes
dropped, hyphens read as spaces, a leading "the" dropped ("U.S." and "US",
"Côte d'Ivoire" and "Cote d'Ivoire" share a key). Short all-capital names
("US", "UN", "WHO") match only text written in capitals.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator, Optional, Union

from spacy.tokens import Doc

from .spans import doc_text

_PUNCT_DROP = re.compile(r"[.'’‘`´\u00b4\u02bc]")
# official long forms: "Republic of Ukraine", "the Kingdom of Saudi Arabia", "State of Israel"
_STATE_PREFIX = re.compile(
    r"^(?:(?:federal|islamic|democratic|peoples|socialist|united|arab|bolivarian|hashemite|plurinational|"
    r"federative|independent|sovereign|cooperative) )*"
    r"(?:republic|kingdom|state|sultanate|emirate|principality|commonwealth|federation|grand duchy) of (.+)$")
_PUNCT_SPACE = re.compile(r"[-‐‑–—/_,;:()\[\]\"“”]+")
_LEADING_THE = re.compile(r"^the\s+")
NAME_PUNCT = frozenset({"-", "‐", "‑", ".", "'", "’", "&"})


def name_key(text: str) -> str:
    """The key two spellings of one name share."""
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _PUNCT_SPACE.sub(" ", _PUNCT_DROP.sub("", text))
    return _LEADING_THE.sub("", " ".join(text.split()))


def _needs_capitals(name: str) -> bool:
    """Acronyms ("US", "UAE", "WHO") are names only when written in capitals."""
    if len(name) > 10:
        return False
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def written_in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def read_model_json(filename: str) -> dict:
    """One of the JSON tables shipped in newsextract.models (read by every component)."""
    return json.loads(resources.files("newsextract.models").joinpath(filename).read_text("utf-8"))


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


def _entry_rank(entry: Entry) -> tuple:
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


class Gazetteer:
    """Countries, places and organizations, indexed by name key."""

    def __init__(self, countries: list[dict], places: list[tuple[Place, list[str]]], orgs: list[dict]):
        self.index: dict[str, list[Entry]] = {}
        self.countries: dict[str, Country] = {}
        self.country_names: dict[str, list[str]] = {}
        self.demonyms: dict[str, list[str]] = {}
        self.capitals: dict[str, Place] = {}
        for row in countries:
            country = Country(iso2=row["iso2"], iso3=row["iso3"], name=row["name"], kind=row["kind"],
                              capital=row.get("capital"), neighbours=tuple(row.get("neighbours") or ()),
                              population=row.get("population") or 0, continent=row.get("continent"))
            self.countries[country.iso2] = country
            self.country_names[country.iso2] = list(row["names"])
            for name in row["names"]:
                self._add(name, Entry(country, main_name=(name == row["name"]), capitals_only=_needs_capitals(name)))
            for dem in row.get("demonyms") or ():
                self.demonyms.setdefault(name_key(dem), []).append(country.iso2)
        for org in orgs:
            record = Organization(name=org["name"], kind=org["kind"], country_code=org.get("country"),
                                  after_words=tuple(org.get("after_words") or ()))
            self._add(org["name"], Entry(record, True, _needs_capitals(org["name"])))
            for alias in org.get("aliases") or ():
                self._add(alias, Entry(record, False, _needs_capitals(alias)))
        for place, aliases in places:
            if place.kind == "capital" and place.country_code:
                self.capitals.setdefault(place.country_code, place)
            self._add(place.name, Entry(place, True, _needs_capitals(place.name)))
            for alias in aliases:
                self._add(alias, Entry(place, False, _needs_capitals(alias)))
        self.first_words: dict[str, int] = {}
        for key, entries in self.index.items():
            entries.sort(key=_entry_rank)
            words = key.split()
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))

    def _add(self, name: str, entry: Entry) -> None:
        key = name_key(name)
        if not key:
            return
        bucket = self.index.setdefault(key, [])
        if all(e.record is not entry.record for e in bucket):
            bucket.append(entry)

    # ---------------------------------------------------------------- lookups
    def lookup(self, text: str, key: Optional[str] = None) -> list[Entry]:
        """Every reading of `text`, most likely first; acronyms need capitals.
        (`key`: name_key(text), when the caller has it already.)"""
        key = name_key(text) if key is None else key
        entries = self.index.get(key, ())
        if not entries:
            long_form = _STATE_PREFIX.match(key)
            entries = [e for e in self.index.get(long_form.group(1), ()) if e.is_country] if long_form else ()
        if not entries:
            return []
        caps = written_in_capitals(text)
        return [e for e in entries if caps or not e.capitals_only]

    def country(self, text: str) -> Optional[Country]:
        for entry in self.lookup(text):
            if entry.is_country:
                return entry.record
        return None

    def demonym(self, text: str) -> Optional[str]:
        """The ISO alpha-2 of the country a demonym names ("Egyptian" -> "EG")."""
        codes = self.demonyms.get(name_key(text))
        if not codes:
            return None
        return max(codes, key=lambda c: self.countries[c].population)

    def capital_of(self, place: Place) -> Optional[str]:
        """The country whose capital `place` is, if it is one."""
        if place.kind == "capital" and place.country_code:
            return place.country_code
        return None

    # ---------------------------------------------------------------- scanning
    def scan(self, doc: Doc) -> list[Match]:
        """Longest gazetteer names in `doc`, left to right, not overlapping.

        A name starts on a token whose first letter is a capital (or "al"/"el"
        of "al-Qaeda"); its text must keep the capitals its acronyms need."""
        text = doc_text(doc)
        matches: list[Match] = []
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            initial = tok.text[:1]
            if not (initial.isupper() or initial in "ae"):  # names start with a capital, or "al-", "el-"
                i += 1
                continue
            first = name_key(tok.text)
            limit = self.first_words.get(first, 0)
            if not limit or not (initial.isupper() or first in ("al", "el", "ad", "as", "an")):
                i += 1
                continue
            found = None
            j_max = min(n, i + 2 * limit + 1)
            for j in range(i + 1, j_max + 1):
                last = doc[j - 1]
                if j > i + 1 and (last.is_space or "\n" in doc[j - 2].whitespace_ or last.text == "\n"
                                  or last.is_punct and last.text not in NAME_PUNCT):
                    break  # names run over hyphens and periods, not over commas, brackets or lines
                surface = text[tok.idx:last.idx + len(last.text)]
                key = name_key(surface)
                entries = self.lookup(surface, key) if not last.is_punct else None
                if entries:
                    found = Match(i, j, entries)
                if len(key.split()) >= limit:
                    break
            if found is not None:
                matches.append(found)
                i = found.end
            else:
                i += 1
        return matches


def _read_places() -> Iterator[tuple[Place, list[str]]]:
    text = resources.files("newsextract.models").joinpath("gazetteer_places.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        name, aliases, kind, cc, lat, lon, pop = line.split("\t")
        yield (Place(name=name, kind=kind, country_code=cc or None,
                     latitude=float(lat) if lat else None, longitude=float(lon) if lon else None,
                     population=int(pop) if pop else 0),
               [a for a in aliases.split("|") if a])
    extras = read_model_json("gazetteer_place_extras.json")
    for row in extras["places"]:
        yield (Place(name=row["name"], kind=row["kind"], country_code=row.get("country"), curated=True),
               list(row.get("aliases") or ()))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer(read_model_json("gazetteer_countries.json")["countries"], list(_read_places()),
                     read_model_json("gazetteer_orgs.json")["orgs"])
