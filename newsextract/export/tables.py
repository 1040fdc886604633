"""The typed tables of the export: codebooks and mappings, all data in `models/`.

Each is read once per process through the one loader of models/
(`newsextract.text.tables.load_table`), so a misspelled key fails naming the
file and the key. Which file says what, and where it comes from, is in each
file's `_about` and in models/SOURCES.md.
"""
from __future__ import annotations

from functools import partial
from typing import Literal, Optional

from ..text.tables import Table, load_table

ColumnType = Literal["INTEGER", "FLOAT", "STRING", "DATE"]


class Column(Table):
    name: str
    type: ColumnType


class Codebook(Table):
    """A table shape: its columns, in order."""

    columns: list[Column]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


class CameoCode(Table):
    label: str
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None


class CameoTable(Table):
    codes: dict[str, CameoCode]


class CountryCodes(Table):
    iso3: str
    iso_numeric: Optional[int] = None
    fips: Optional[str] = None
    cameo: str
    name: str


class CountryTable(Table):
    countries: dict[str, CountryCodes]

    def get(self, iso2: Optional[str]) -> Optional[CountryCodes]:
        return self.countries.get(iso2.upper()) if iso2 else None

    def code(self, iso2: Optional[str], system: Literal["fips", "cameo", "name"]) -> Optional[str]:
        """The country's code in one system (or the name the codebooks give it); None
        for no country or one the table does not know."""
        codes = self.get(iso2)
        return getattr(codes, system) if codes else None


class AcledRule(Table):
    type: str
    cameo: list[str] = []
    event_type: str
    sub_event_type: str
    why: str

    def matches(self, event_type: str, cameo: Optional[str]) -> bool:
        if event_type != self.type:
            return False
        return not self.cameo or bool(cameo) and any(cameo.startswith(prefix) for prefix in self.cameo)


class CivilianTargeting(Table):
    event_types: list[str]
    label: str


class AcledMapping(Table):
    rules: list[AcledRule]
    disorder_types: dict[str, str]
    sub_event_disorder: dict[str, str] = {}
    civilian_targeting: CivilianTargeting
    geo_precision: dict[str, int]
    time_precision: dict[str, int]
    source_separator: str
    regions: dict[str, list[str]]

    def rule_for(self, event_type: str, cameo: Optional[str]) -> Optional[AcledRule]:
        return next((r for r in self.rules if r.matches(event_type, cameo)), None)

    def region_of(self, iso2: Optional[str]) -> Optional[str]:
        if not iso2:
            return None
        return next((name for name, codes in self.regions.items() if iso2.upper() in codes), None)


class ActorType(Table):
    label: str
    acled_inter: Optional[int] = None


class ActorTypes(Table):
    types: dict[str, ActorType]
    country_acled_inter: int
    org_kinds: dict[str, str]
    name_words: dict[str, list[str]]
    person_titles: dict[str, list[str]]
    source_roles: list[str]
    target_roles: list[str]


# The tables, each a call that returns it (read from the packaged models/ once per process).
gdelt_codebook = partial(load_table, "export_gdelt_columns.json", Codebook)
acled_codebook = partial(load_table, "export_acled_columns.json", Codebook)
cameo_table = partial(load_table, "export_cameo.json", CameoTable)
country_table = partial(load_table, "export_country_codes.json", CountryTable)
acled_mapping = partial(load_table, "export_acled_mapping.json", AcledMapping)
actor_types = partial(load_table, "export_actor_types.json", ActorTypes)
