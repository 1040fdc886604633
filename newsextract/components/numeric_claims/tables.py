"""The typed models of the numeric-claim tables in `models/`, read and written together.

Each JSON file is one `Table` model: a misspelled or unknown key fails at load,
naming the file and the key. A `_x_note` key documents the entry after it and is
declared here like any other key, so a note with a typo fails too.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import Field

from ...schema import ClaimCategory, Qualifier
from ...text.tables import Table, load_table, write_table

Number = Union[int, float]
PercentUnit = Literal["percent", "percentage point", "basis point"]


def _note(key: str):
    return Field(default=None, alias=key)


class Magnitude(Table):
    """A magnitude word after a figure ("million", "bn", "m")."""

    value: Number
    attached_only: bool = False   # only written right after the digits ("988m")
    money_only: bool = False      # only counts where the figure is money


class VagueAmount(Table):
    """A vague amount ("dozens", "several")."""

    needs_of: bool


class NumbersTable(Table):
    """numbers.json: written-out numbers, magnitudes, vague amounts, units glued to digits."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, Number]
    fractions_note: Optional[str] = _note("_fractions_note")
    fractions: dict[str, float]
    and_after_note: Optional[str] = _note("_and_after_note")
    and_after: list[str]
    magnitudes_note: Optional[str] = _note("_magnitudes_note")
    magnitudes: dict[str, Magnitude]
    vague_note: Optional[str] = _note("_vague_note")
    vague: dict[str, VagueAmount]
    attached_units_note: Optional[str] = _note("_attached_units_note")
    attached_units: dict[str, str]
    percent_words_note: Optional[str] = _note("_percent_words_note")
    percent_words: dict[str, PercentUnit]


class UnitsTable(Table):
    """numeric_units.json: what a figure counts, and which figures are no claims."""

    time_units: list[str]
    clock_marks: list[str]
    months: list[str]
    descriptive_note: Optional[str] = _note("_descriptive_note")
    descriptive_units: list[str]
    not_units_note: Optional[str] = _note("_not_units_note")
    not_units: list[str]
    vague_not_counted_note: Optional[str] = _note("_vague_not_counted_note")
    vague_not_counted: list[str]
    anaphoric_note: Optional[str] = _note("_anaphoric_note")
    anaphoric: list[str]
    additive_note: Optional[str] = _note("_additive_note")
    additive_words: list[str]
    never_head_words: list[str]
    distributive_note: Optional[str] = _note("_distributive_note")
    distributive_words: list[str]
    partitive_note: Optional[str] = _note("_partitive_note")
    partitive_determiners: list[str]
    partitive_pronouns: list[str]
    no_antecedent_note: Optional[str] = _note("_no_antecedent_note")
    no_antecedent: list[str]
    count_nouns_note: Optional[str] = _note("_count_nouns_note")
    count_nouns: list[str]
    default_unit: str
    group_of_note: Optional[str] = _note("_group_of_note")
    group_of_nouns: list[str]
    strength_note: Optional[str] = _note("_strength_note")
    strength_words: list[str]
    single_note: Optional[str] = _note("_single_note")
    single_words: list[str]
    invariant_demonym_note: Optional[str] = _note("_invariant_demonym_note")
    invariant_demonym_endings: list[str]
    of_compounds_note: Optional[str] = _note("_of_compounds_note")
    of_compounds: list[str]
    event_note: Optional[str] = _note("_event_note")
    event_verbs: list[str]
    event_nouns: list[str]
    relational_note: Optional[str] = _note("_relational_note")
    relational_nouns: list[str]
    relation_determiners: list[str]
    designation_note: Optional[str] = _note("_designation_note")
    designation_cues: list[str]
    designation_signs: list[str]
    entity_labels_note: Optional[str] = _note("_entity_labels_note")
    name_entity_labels: list[str]
    time_entity_labels: list[str]
    age_cues: list[str]
    age_after: list[str]
    person_nouns: list[str]
    lemma_note: Optional[str] = _note("_lemma_note")
    lemma_fixes: dict[str, str]
    length_note: Optional[str] = _note("_length_note")
    measure_units: list[str]
    calibre_note: Optional[str] = _note("_calibre_note")
    calibre_units: list[str]
    magnitude_note: Optional[str] = _note("_magnitude_note")
    magnitude_nouns: list[str]
    compass_note: Optional[str] = _note("_compass_note")
    compass: list[str]
    coordinate_units: list[str]
    measure_cues_note: Optional[str] = _note("_measure_cues_note")
    measure_cues: list[str]
    measure_after: list[str]
    zero_note: Optional[str] = _note("_zero_note")
    zero_determiners: list[str]


class Modality(Table):
    """Cues of a hypothetical or negated claim."""

    modals: list[str]
    conditional_marks: list[str]
    forecast_verbs: list[str]
    negation_before: list[str]
    negation_adverbs: list[str]


class CategoriesTable(Table):
    """numeric_categories.json: the predicates and nouns that give a claim its category."""

    predicates: dict[ClaimCategory, list[str]]
    human_note: Optional[str] = _note("_human_note")
    human_categories: list[ClaimCategory]
    person_predicates_note: Optional[str] = _note("_person_predicates_note")
    person_predicates: list[str]
    phrasal_note: Optional[str] = _note("_phrasal_note")
    phrasal: dict[str, list[str]]
    object_only_note: Optional[str] = _note("_object_only_note")
    object_only: list[str]
    restricted_note: Optional[str] = _note("_restricted_note")
    restricted: dict[str, list[str]]
    units: dict[ClaimCategory, list[str]]
    inclusion_note: Optional[str] = _note("_inclusion_note")
    inclusion_verbs: list[str]
    embedding_note: Optional[str] = _note("_embedding_note")
    embedding_words: list[str]
    state_note: Optional[str] = _note("_state_note")
    state_prepositions: list[str]
    modifier_note: Optional[str] = _note("_modifier_note")
    release_modifiers: list[str]
    captive_nouns: list[str]
    request_note: Optional[str] = _note("_request_note")
    request_verbs: list[str]
    light_note: Optional[str] = _note("_light_note")
    light_verbs: list[str]
    toll_note: Optional[str] = _note("_toll_note")
    toll_verbs: list[str]
    toll_prepositions: list[str]
    toll_nouns_note: Optional[str] = _note("_toll_nouns_note")
    toll_nouns: list[str]
    toll_adjectives: list[str]
    toll_default_units: dict[ClaimCategory, str]
    copulas_note: Optional[str] = _note("_copulas_note")
    copulas: list[str]
    recipient_note: Optional[str] = _note("_recipient_note")
    recipient_prepositions: list[str]
    place_note: Optional[str] = _note("_place_note")
    place_nouns: list[str]
    place_prepositions: list[str]
    thing_note: Optional[str] = _note("_thing_note")
    thing_nouns: list[str]
    thing_harm: list[str]
    multiword_note: Optional[str] = _note("_multiword_note")
    multiword: dict[str, ClaimCategory]
    verb_only_note: Optional[str] = _note("_verb_only_note")
    verb_only: list[str]
    modality_note: Optional[str] = _note("_modality_note")
    modality: Modality


class QualifiersTable(Table):
    """numeric_qualifiers.json: "at least", "nearly", "or more" ..."""

    before: dict[str, Qualifier]
    spatial_note: Optional[str] = _note("_spatial_note")
    spatial: list[str]
    after: dict[str, Qualifier]
    after_note: Optional[str] = _note("_after_note")
    after_noun: list[str]
    fillers_note: Optional[str] = _note("_fillers_note")
    fillers: list[str]


class CurrenciesTable(Table):
    """numeric_currencies.json: currency signs, codes and names, mapped to ISO 4217."""

    unit_names: dict[str, str]
    signs_note: Optional[str] = _note("_signs_note")
    signs: dict[str, str]
    names_note: Optional[str] = _note("_names_note")
    names: dict[str, str]
    qualified_names: dict[str, str]
    weight_note: Optional[str] = _note("_weight_note")
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
