"""The numeric-claim tables compiled once: word sets, lookups and regexes.

Built when the component is built (or reloaded `from_disk`), never per article;
every rule module reads its words from a `Lexicon`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional, Union

from ...text.demonyms import load_demonyms
from ...text.names import name_key
from ...text.tables import attach_word_sets, build_once_packaged
from .numbers import NumberReader, alternation
from .tables import NumericTableSet, read_tables


def _lower_set(words) -> frozenset:
    return frozenset(w.lower() for w in words)


#: The plain word sets, by the path of their table in a `NumericTableSet`: (entries
#: taken as written, entries lowercased); each becomes the attribute of its entry's name.
WORD_SETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "currencies": ((), ("weight_names", "money_nouns")),
    "qualifiers": (("spatial",), ()),
    "categories": (
        ("human_categories", "verb_only", "object_only", "inclusion_verbs", "embedding_words", "release_modifiers", "captive_nouns",
         "request_verbs", "light_verbs", "toll_verbs", "toll_prepositions", "toll_nouns", "toll_adjectives",
         "copulas", "recipient_prepositions", "place_nouns", "place_prepositions"),
        ("person_predicates", "state_prepositions", "thing_harm")),
    "categories.modality": (("modals", "conditional_marks", "negation_before", "negation_adverbs"), ()),
    "units": (
        ("designation_signs", "name_entity_labels", "time_entity_labels"),   # case matters
        ("time_units", "clock_marks", "months", "descriptive_units", "not_units", "vague_not_counted", "anaphoric",
         "additive_words", "never_head_words", "distributive_words", "partitive_determiners", "partitive_pronouns",
         "no_antecedent", "count_nouns", "group_of_nouns", "strength_words", "single_words", "of_compounds",
         "event_verbs", "event_nouns", "relational_nouns", "relation_determiners", "designation_cues", "age_cues",
         "person_nouns", "measure_units", "calibre_units", "magnitude_nouns", "compass", "coordinate_units",
         "measure_cues", "zero_determiners")),
}


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
        attach_word_sets(self, tables, {path: " ".join(as_written) for path, (as_written, _) in WORD_SETS.items()})
        attach_word_sets(self, tables, {path: " ".join(lowered) for path, (_, lowered) in WORD_SETS.items()},
                         lower=True)
        # money
        self.currency_names = currencies.names
        self.currency_qualified = currencies.qualified_names
        self.currency_unit = currencies.unit_names
        # qualifiers
        self.qualifier_before = {k.lower(): v for k, v in qualifiers.before.items()}
        self.qualifier_before_re = re.compile(rf"(?:^|[^\w])({alternation(self.qualifier_before)})\s*$", re.I)
        self.qualifier_after = {k.lower(): v for k, v in qualifiers.after.items()}
        self.qualifier_after_noun = frozenset(qualifiers.after_noun)
        self.qualifier_fillers = frozenset(qualifiers.fillers)
        self.qualifier_after_re = re.compile(rf"^\s*({alternation(self.qualifier_after)})(?![\w])", re.I)
        # categories
        self.predicates: dict[str, str] = {}
        for cat, lemmas in categories.predicates.items():
            for lemma in lemmas:
                self.predicates.setdefault(lemma, cat)
        self.phrasal = {k: frozenset(v) for k, v in categories.phrasal.items()}
        self.multiword = categories.multiword
        self.toll_default_units = categories.toll_default_units
        self.restricted = {k: frozenset(v) for k, v in categories.restricted.items()}
        self.unit_category = {u: cat for cat, us in categories.units.items() for u in us}
        self.thing_nouns = _lower_set(categories.thing_nouns) | self.place_nouns
        modality = categories.modality
        self.hypothetical_verbs = frozenset(modality.forecast_verbs) | self.request_verbs
        # units
        self.default_unit = units.default_unit
        self.invariant_demonym_endings = tuple(w.lower() for w in units.invariant_demonym_endings)
        self.age_after = re.compile(rf"^\s*(?:{alternation(units.age_after)})\b", re.I)
        self.lemma_fixes = units.lemma_fixes
        # matched right after a figure; (?<!\s) keeps it linear were it ever searched
        self.measure_after = re.compile(rf"(?<!\s)\s+(?:{alternation(units.measure_after)})", re.I)


def compile_tables(folder: Optional[Union[str, Path]] = None) -> Lexicon:
    """The lexicon of the tables in `folder` (None: the packaged `models/`), compiled anew."""
    return Lexicon(read_tables(folder))


def load_lexicon(folder: Optional[Union[str, Path]] = None) -> Lexicon:
    """The lexicon of the tables in `folder`; the packaged one is compiled once per process."""
    return build_once_packaged(compile_tables, folder)


def packaged_lexicon() -> Lexicon:
    return load_lexicon(None)
