"""The mediator patterns (models/entities_mediators.json), typed and compiled once,
and the country table the component reads demonyms and country records from."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional, Union

from ...gazetteer.tables import COUNTRIES_FILE, CountriesTable, CountryRow
from ...text.demonyms import Demonyms, load_demonyms
from ...text.tables import Table, load_table, write_table

MEDIATORS_FILE = "entities_mediators.json"
# one masked entity mention (⟨E3⟩) or demonym (⟨D:EG⟩), after up to four capitalized title words
_ITEM = r"(?:the\s+)?(?:(?-i:[A-Z][\w’'.-]*)\s+){0,4}?⟨(?:[A-Z]+\d*|D:[A-Z]{2})⟩"


def _group(name: str) -> str:
    """One mediator, or a list that ends in "and": "A and B", "A, B and C" (never "A, B said")."""
    return rf"(?P<{name}>{_ITEM}(?:(?:\s*,\s*{_ITEM}){{0,4}}\s*,?\s+and\s+{_ITEM})?)"


class PatternRow(Table):
    id: str
    regex: str  # over the masked sentence; {M} (and {M2}) stand for the mediators
    requires: Optional[str] = None  # must match somewhere in the (unmasked) sentence
    # where a future or proposal marker makes the mediation "proposed": between the
    # mediator and the end of the match, or in the three words before the match
    verb_group: Optional[Literal["before", "between"]] = None


class MediatorTable(Table):
    prefilter: str  # a sentence that does not match this holds no mediation
    excludes: str  # a sentence that matches this is ruled out (donors, pledges)
    future_markers: str
    passive_future: str
    person_after: str  # right after a mediator's marker: the person acting for it
    person_titles: str  # the title words that person_after must hold
    unnamed_group: str  # mediators the sentence does not name ("African mediators")
    titled_person: str  # a person introduced with a demonym and a title ("⟨D:ET⟩ Foreign Minister ⟨E5⟩")
    patterns: list[PatternRow]


@dataclass(frozen=True)
class MediatorPattern:
    id: str
    regex: re.Pattern
    requires: Optional[re.Pattern]
    verb_group: Optional[str]


class MediatorRules:
    """The table, compiled: every regex case-insensitive."""

    def __init__(self, table: MediatorTable):
        self.table = table
        self.prefilter = re.compile(table.prefilter, re.I)
        self.excludes = re.compile(table.excludes, re.I)
        self.future = re.compile(table.future_markers, re.I)
        self.passive_future = re.compile(table.passive_future, re.I)
        self.person_after = re.compile(table.person_after, re.I)
        self.person_titles = re.compile(table.person_titles, re.I)
        self.unnamed_group = re.compile(table.unnamed_group, re.I)
        self.titled_person = re.compile(table.titled_person, re.I)
        self.patterns = [
            MediatorPattern(row.id, re.compile(row.regex.replace("{M2}", _group("m2")).replace("{M}", _group("m")), re.I),
                            re.compile(row.requires, re.I) if row.requires else None, row.verb_group)
            for row in table.patterns
        ]


class MediatorTables:
    """What the component loaded: the rules, and the countries a demonym names."""

    def __init__(self, rules: MediatorRules, countries: CountriesTable, demonyms: Demonyms):
        self.rules, self.countries, self.demonyms = rules, countries, demonyms
        self._by_iso2 = {row.iso2: row for row in countries.countries}

    def country(self, iso2: str) -> Optional[CountryRow]:
        return self._by_iso2.get(iso2)


def load_mediator_tables(folder: Optional[Union[str, Path]] = None) -> MediatorTables:
    """The tables of `folder`, or the packaged ones."""
    return MediatorTables(MediatorRules(load_table(MEDIATORS_FILE, MediatorTable, folder)),
                          load_table(COUNTRIES_FILE, CountriesTable, folder), load_demonyms(folder))


def write_mediator_tables(tables: MediatorTables, folder: Union[str, Path]) -> None:
    write_table(tables.rules.table, folder, MEDIATORS_FILE)
    write_table(tables.countries, folder, COUNTRIES_FILE)
