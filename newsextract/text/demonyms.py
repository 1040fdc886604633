"""The demonym table: which country an adjective or a people's name points to.

"Egyptian", "Egyptians", "EGYPTIAN" -> "EG"; "Swiss" -> "CH". Words are compared
on `name_key`, so case, accents and periods do not matter. A word several
countries share ("Congolese": CD and CG) reads as the most populous of them;
`countries()` gives them all, most populous first.

The words come from the country gazetteer (`models/gazetteer_countries.json`,
the `demonyms` of each row: hand-written adjectives in
`gazetteer_country_extras.json` and their regular plurals, added by the build
script). This module reads only the three fields it needs from each row; the
gazetteer's own table model checks the whole file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Union

from pydantic import BaseModel, ConfigDict

from .names import name_key
from .tables import build_once_packaged, parse_table, read_json

COUNTRIES_FILE = "gazetteer_countries.json"


class _CountryDemonyms(BaseModel):
    """The part of a country row the demonym table reads (the rest is the gazetteer's)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    iso2: str
    population: Optional[int] = None
    demonyms: list[str] = []


class _CountriesFile(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    countries: list[_CountryDemonyms]


class Demonyms:
    """Demonym -> ISO 3166-1 alpha-2 of the country it names."""

    def __init__(self, countries: Iterable[tuple[str, int, Iterable[str]]]):
        """`countries`: (iso2, population, demonyms) for each country."""
        readings: dict[str, list[tuple[int, int, str]]] = {}
        for order, (iso2, population, words) in enumerate(countries):
            for word in words:
                readings.setdefault(name_key(word), []).append((population, order, iso2))
        # the most populous first; between equal populations, the first row (as max() did)
        self._by_key: dict[str, tuple[str, ...]] = {
            key: tuple(iso2 for _, _, iso2 in sorted(rows, key=lambda r: (-r[0], r[1])))
            for key, rows in readings.items()
        }

    def country(self, word: str) -> Optional[str]:
        """The country `word` names ("Egyptian" -> "EG"), or None."""
        codes = self._by_key.get(name_key(word))
        return codes[0] if codes else None

    def countries(self, word: str) -> tuple[str, ...]:
        """Every country `word` can name, most populous first."""
        return self._by_key.get(name_key(word), ())

    def __contains__(self, word: str) -> bool:
        return name_key(word) in self._by_key

    def __len__(self) -> int:
        return len(self._by_key)


def load_demonyms(folder: Optional[Union[str, Path]] = None) -> Demonyms:
    """The demonym table of the packaged gazetteer (read once), or of the
    `gazetteer_countries.json` in `folder`."""
    return build_once_packaged(_from_file, folder)


def _from_file(folder: Optional[Union[str, Path]]) -> Demonyms:
    label = str(Path(folder) / COUNTRIES_FILE) if folder is not None else f"models/{COUNTRIES_FILE}"
    table = parse_table(read_json(COUNTRIES_FILE, folder), _CountriesFile, label)
    return Demonyms((row.iso2, row.population or 0, row.demonyms) for row in table.countries)
