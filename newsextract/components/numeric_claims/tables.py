"""The typed models of the numeric-claim tables in `models/`, read and written together.

Each JSON file is one `Table` model: a misspelled or unknown key fails at load,
naming the file and the key. A `_x_note` key documents the entry `x` (or `x_...`)
after it (`NotedTable`), so a note whose name matches no entry fails too.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal, Optional, Union

from ...schema import ClaimCategory, Qualifier
from ...text.tables import NotedTable, Table, load_table, write_table

Number = Union[int, float]
PercentUnit = Literal["percent", "percentage point", "basis point"]


class Magnitude(Table):
    """A magnitude word after a figure ("million", "bn", "m")."""

    value: Number
    attached_only: bool = False   # only written right after the digits ("988m")
    money_only: bool = False      # only counts where the figure is money


class VagueAmount(Table):
    """A vague amount ("dozens", "several")."""

    needs_of: bool


class NumbersTable(NotedTable):
    """numbers.json: written-out numbers, magnitudes, vague amounts, units glued to digits."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, Number]
    fractions: dict[str, float]
    and_after: list[str]
    magnitudes: dict[str, Magnitude]
    vague: dict[str, VagueAmount]
    attached_units: dict[str, str]
    percent_words: dict[str, PercentUnit]


class UnitsTable(NotedTable):
    """numeric_units.json: what a figure counts, and which figures are no claims."""

    time_units: list[str]
    clock_marks: list[str]
    months: list[str]
    descriptive_units: list[str]
    not_units: list[str]
    vague_not_counted: list[str]
    anaphoric: list[str]
    additive_words: list[str]
    never_head_words: list[str]
    distributive_words: list[str]
    partitive_determiners: list[str]
    partitive_pronouns: list[str]
    no_antecedent: list[str]
    count_nouns: list[str]
    default_unit: str
    group_of_nouns: list[str]
    strength_words: list[str]
    single_words: list[str]
    invariant_demonym_endings: list[str]
    of_compounds: list[str]
    event_verbs: list[str]
    event_nouns: list[str]
    relational_nouns: list[str]
    relation_determiners: list[str]
    designation_cues: list[str]
    designation_signs: list[str]
    name_entity_labels: list[str]
    time_entity_labels: list[str]
    age_cues: list[str]
    age_after: list[str]
    person_nouns: list[str]
    lemma_fixes: dict[str, str]
    measure_units: list[str]
    calibre_units: list[str]
    magnitude_nouns: list[str]
    compass: list[str]
    coordinate_units: list[str]
    measure_cues: list[str]
    measure_after: list[str]
    zero_determiners: list[str]


class Modality(Table):
    """Cues of a hypothetical or negated claim."""

    modals: list[str]
    conditional_marks: list[str]
    forecast_verbs: list[str]
    negation_before: list[str]
    negation_adverbs: list[str]


class CategoriesTable(NotedTable):
    """numeric_categories.json: the predicates and nouns that give a claim its category."""

    predicates: dict[ClaimCategory, list[str]]
    human_categories: list[ClaimCategory]
    person_predicates: list[str]
    phrasal: dict[str, list[str]]
    object_only: list[str]
    restricted: dict[str, list[str]]
    units: dict[ClaimCategory, list[str]]
    inclusion_verbs: list[str]
    embedding_words: list[str]
    state_prepositions: list[str]
    release_modifiers: list[str]
    captive_nouns: list[str]
    request_verbs: list[str]
    light_verbs: list[str]
    toll_verbs: list[str]
    toll_prepositions: list[str]
    toll_nouns: list[str]
    toll_adjectives: list[str]
    toll_default_units: dict[ClaimCategory, str]
    copulas: list[str]
    recipient_prepositions: list[str]
    place_nouns: list[str]
    place_prepositions: list[str]
    thing_nouns: list[str]
    thing_harm: list[str]
    multiword: dict[str, ClaimCategory]
    verb_only: list[str]
    modality: Modality


class QualifiersTable(NotedTable):
    """numeric_qualifiers.json: "at least", "nearly", "or more" ..."""

    before: dict[str, Qualifier]
    spatial: list[str]
    after: dict[str, Qualifier]
    after_noun: list[str]
    fillers: list[str]


class CurrenciesTable(NotedTable):
    """numeric_currencies.json: currency signs, codes and names, mapped to ISO 4217."""

    unit_names: dict[str, str]
    signs: dict[str, str]
    names: dict[str, str]
    qualified_names: dict[str, str]
    weight_names: list[str]
    money_nouns: list[str]


class ModifierNamesTable(Table):
    """numeric_demonyms.json: modifiers the country demonym table does not cover -> the names they point to."""

    demonyms: dict[str, list[str]]


@dataclass(frozen=True)
class NumericTableSet:
    """The six tables of the component, as read from one folder."""

    numbers: NumbersTable
    units: UnitsTable
    categories: CategoriesTable
    qualifiers: QualifiersTable
    currencies: CurrenciesTable
    demonyms: ModifierNamesTable


FILES = {
    "numbers": ("numbers.json", NumbersTable),
    "units": ("numeric_units.json", UnitsTable),
    "categories": ("numeric_categories.json", CategoriesTable),
    "qualifiers": ("numeric_qualifiers.json", QualifiersTable),
    "currencies": ("numeric_currencies.json", CurrenciesTable),
    "demonyms": ("numeric_demonyms.json", ModifierNamesTable),
}


def read_tables(folder: Optional[Union[str, Path]] = None) -> NumericTableSet:
    """The six tables from `folder` (None: the packaged `models/`)."""
    return NumericTableSet(**{key: load_table(name, model, folder) for key, (name, model) in FILES.items()})


def write_tables(tables: NumericTableSet, folder: Union[str, Path]) -> None:
    """Write the six tables into `folder` under their file names (`to_disk`)."""
    for f in fields(tables):
        write_table(getattr(tables, f.name), folder, FILES[f.name][0])
