"""The gazetteer: every name of a country, place or organization, indexed by its
name key (`newsextract.text.names.name_key`), and the scan of a Doc for them.

Short all-capital names ("US", "UN", "WHO") match only text written in capitals.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ..spans import doc_text
from ..text.demonyms import Demonyms
from ..text.names import name_key
from .records import Country, Entry, Match, Organization, Place, entry_rank
from .tables import GazetteerTables

NAME_PUNCT = frozenset({"-", "‐", "‑", ".", "'", "’", "&"})


def _needs_capitals(name: str) -> bool:
    """Acronyms ("US", "UAE", "WHO") are names only when written in capitals."""
    if len(name) > 10:
        return False
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def written_in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


class Gazetteer:
    """Countries, places and organizations, indexed by name key."""

    def __init__(self, tables: GazetteerTables):
        self.tables = tables
        self.index: dict[str, list[Entry]] = {}
        self.countries: dict[str, Country] = {}
        self.country_names: dict[str, list[str]] = {}
        self.capitals: dict[str, Place] = {}
        rows = tables.countries.countries
        self.demonyms = Demonyms((row.iso2, row.population or 0, row.demonyms) for row in rows)
        self._official_form = tables.matching.official_form()
        self._lowercase_prefixes = frozenset(tables.matching.lowercase_prefixes)
        self._lowercase_initials = frozenset(p[:1] for p in tables.matching.lowercase_prefixes)
        for row in rows:
            country = Country(iso2=row.iso2, iso3=row.iso3, name=row.name, kind=row.kind, capital=row.capital,
                              neighbours=tuple(row.neighbours), population=row.population or 0,
                              continent=row.continent)
            self.countries[country.iso2] = country
            self.country_names[country.iso2] = list(row.names)
            for name in row.names:
                self._add(name, Entry(country, main_name=(name == row.name), capitals_only=_needs_capitals(name)))
        for org in tables.orgs.orgs:
            record = Organization(name=org.name, kind=org.kind, country_code=org.country,
                                  after_words=tuple(org.after_words or ()))
            self._add(org.name, Entry(record, True, _needs_capitals(org.name)))
            for alias in org.aliases:
                self._add(alias, Entry(record, False, _needs_capitals(alias)))
        for place, aliases in tables.places():
            if place.kind == "capital" and place.country_code:
                self.capitals.setdefault(place.country_code, place)
            self._add(place.name, Entry(place, True, _needs_capitals(place.name)))
            for alias in aliases:
                self._add(alias, Entry(place, False, _needs_capitals(alias)))
        self.continents: dict[str, set[str]] = {}  # GeoNames continent code -> its countries
        for country in self.countries.values():
            if country.continent:
                self.continents.setdefault(country.continent, set()).add(country.iso2)
        self.first_words: dict[str, int] = {}
        for key, entries in self.index.items():
            entries.sort(key=entry_rank)
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
            long_form = self._official_form.match(key)
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
            if not (initial.isupper() or initial in self._lowercase_initials):
                i += 1
                continue
            first = name_key(tok.text)
            limit = self.first_words.get(first, 0)
            if not limit or not (initial.isupper() or first in self._lowercase_prefixes):
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
