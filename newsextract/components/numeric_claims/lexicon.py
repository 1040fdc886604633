"""The numeric-claim tables compiled once: word sets, lookups and regexes.

Built when the component is built (or reloaded `from_disk`), never per article;
every rule module reads its words from a `Lexicon`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from ...text.demonyms import load_demonyms
from ...text.names import name_key
from .numbers import NumberReader, alternation
from .tables import NumericTableSet, read_tables


def _lower_set(words) -> frozenset:
    return frozenset(w.lower() for w in words)


class Lexicon:
    """The word tables of one `NumericTableSet`, as sets and compiled patterns."""

    def __init__(self, tables: NumericTableSet):
        self.tables = tables
        units, categories, qualifiers = tables.units, tables.categories, tables.qualifiers
        currencies = tables.currencies
        self.reader = NumberReader(tables.numbers, currencies)
        self.vague = self.reader.vague
        self.demonyms = load_demonyms()
        self.modifier_names = {name_key(k): [name_key(n) for n in v] for k, v in tables.demonyms.demonyms.items()}
        # money
        self.currency_names = currencies.names
        self.currency_qualified = currencies.qualified_names
        self.currency_unit = currencies.unit_names
        self.weight_names = _lower_set(currencies.weight_names)
        self.money_nouns = _lower_set(currencies.money_nouns)
        # qualifiers
        self.qualifier_before = {k.lower(): v for k, v in qualifiers.before.items()}
        self.qualifier_before_re = re.compile(rf"(?:^|[^\w])({alternation(self.qualifier_before)})\s*$", re.I)
        self.qualifier_after = {k.lower(): v for k, v in qualifiers.after.items()}
        self.qualifier_after_noun = frozenset(qualifiers.after_noun)
        self.qualifier_fillers = frozenset(qualifiers.fillers)
        self.qualifier_after_re = re.compile(rf"^\s*({alternation(self.qualifier_after)})(?![\w])", re.I)
        self.spatial = frozenset(qualifiers.spatial)
        # categories
        self.predicates: dict[str, str] = {}
        for cat, lemmas in categories.predicates.items():
            for lemma in lemmas:
                self.predicates.setdefault(lemma, cat)
        self.human_categories = frozenset(categories.human_categories)
        self.person_predicates = _lower_set(categories.person_predicates)
        self.phrasal = {k: frozenset(v) for k, v in categories.phrasal.items()}
        self.multiword = categories.multiword
        self.verb_only = frozenset(categories.verb_only)
        self.object_only = frozenset(categories.object_only)
        self.restricted = {k: frozenset(v) for k, v in categories.restricted.items()}
        self.unit_category = {u: cat for cat, us in categories.units.items() for u in us}
        self.inclusion_verbs = frozenset(categories.inclusion_verbs)
        self.embedding_words = frozenset(categories.embedding_words)
        self.state_prepositions = _lower_set(categories.state_prepositions)
        self.release_modifiers = frozenset(categories.release_modifiers)
        self.captive_nouns = frozenset(categories.captive_nouns)
        self.request_verbs = frozenset(categories.request_verbs)
        self.light_verbs = frozenset(categories.light_verbs)
        self.toll_verbs = frozenset(categories.toll_verbs)
        self.toll_prepositions = frozenset(categories.toll_prepositions)
        self.toll_nouns = frozenset(categories.toll_nouns)
        self.toll_adjectives = frozenset(categories.toll_adjectives)
        self.toll_default_units = categories.toll_default_units
        self.copulas = frozenset(categories.copulas)
        self.recipient_prepositions = frozenset(categories.recipient_prepositions)
        self.place_nouns = frozenset(categories.place_nouns)
        self.place_prepositions = frozenset(categories.place_prepositions)
        self.thing_nouns = _lower_set(categories.thing_nouns) | self.place_nouns
        self.thing_harm = _lower_set(categories.thing_harm)
        modality = categories.modality
        self.modals = frozenset(modality.modals)
        self.hypothetical_verbs = frozenset(modality.forecast_verbs) | self.request_verbs
        self.conditional_marks = frozenset(modality.conditional_marks)
        self.negation_before = frozenset(modality.negation_before)
        self.negation_adverbs = frozenset(modality.negation_adverbs)
        # units
        self.time_units = _lower_set(units.time_units)
        self.clock_marks = _lower_set(units.clock_marks)
        self.months = _lower_set(units.months)
        self.descriptive = _lower_set(units.descriptive_units)
        self.not_units = _lower_set(units.not_units)
        self.vague_not_counted = _lower_set(units.vague_not_counted)
        self.anaphoric = _lower_set(units.anaphoric)
        self.additive = _lower_set(units.additive_words)
        self.never_heads = _lower_set(units.never_head_words)
        self.distributive = _lower_set(units.distributive_words)
        self.partitive_determiners = _lower_set(units.partitive_determiners)
        self.partitive_pronouns = _lower_set(units.partitive_pronouns)
        self.no_antecedent = _lower_set(units.no_antecedent)
        self.count_nouns = _lower_set(units.count_nouns)
        self.default_unit = units.default_unit
        self.group_of_nouns = _lower_set(units.group_of_nouns)
        self.strength_words = _lower_set(units.strength_words)
        self.single_words = _lower_set(units.single_words)
        self.invariant_demonym_endings = tuple(w.lower() for w in units.invariant_demonym_endings)
        self.of_compounds = _lower_set(units.of_compounds)
        self.event_verbs = _lower_set(units.event_verbs)
        self.event_nouns = _lower_set(units.event_nouns)
        self.relational = _lower_set(units.relational_nouns)
        self.relation_determiners = _lower_set(units.relation_determiners)
        self.designation = _lower_set(units.designation_cues)
        self.designation_signs = frozenset(units.designation_signs)   # as written: case matters
        self.name_labels = frozenset(units.name_entity_labels)
        self.time_labels = frozenset(units.time_entity_labels)
        self.age_cues = _lower_set(units.age_cues)
        self.age_after = re.compile(rf"^\s*(?:{alternation(units.age_after)})\b", re.I)
        self.person_nouns = _lower_set(units.person_nouns)
        self.lemma_fixes = units.lemma_fixes
        self.measure_units = _lower_set(units.measure_units)
        self.calibre_units = _lower_set(units.calibre_units)
        self.magnitude_nouns = _lower_set(units.magnitude_nouns)
        self.compass = _lower_set(units.compass)
        self.coordinate_units = _lower_set(units.coordinate_units)
        self.measure_cues = _lower_set(units.measure_cues)
        # matched right after a figure; (?<!\s) keeps it linear were it ever searched
        self.measure_after = re.compile(rf"(?<!\s)\s+(?:{alternation(units.measure_after)})", re.I)
        self.zero_determiners = _lower_set(units.zero_determiners)


def load_lexicon(folder: Optional[Union[str, Path]] = None) -> Lexicon:
    """The lexicon of the tables in `folder`; the packaged one is compiled once per process."""
    if folder is None:
        return packaged_lexicon()
    return Lexicon(read_tables(folder))


@lru_cache(maxsize=1)
def packaged_lexicon() -> Lexicon:
    return Lexicon(read_tables())
