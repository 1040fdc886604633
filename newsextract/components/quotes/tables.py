"""The quotes component's tables (`models/quotes.json`) and the kernel tables it
reads beside them (people, reporting verbs), compiled once per component."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import numpy
from spacy.strings import hash_string

from ...text.people import People
from ...text.reporting import ReportingVerbs
from ...text.tables import Table, load_table, write_table

FILENAME = "quotes.json"


class WordList(Table):
    words: list[str]


class Pronouns(Table):
    forms: dict[str, tuple[Optional[str], str]]     # word -> (gender or 'neuter' or None, 'sing'/'plur')


class RoleSynonyms(Table):
    roles: dict[str, list[str]]


class FunctionWords(Table):
    definite: list[str]
    indefinite: list[str]
    relative: list[str]
    first_second_person: list[str]
    possessive: list[str]
    expletive_subjects: list[str]


class OwnerPrepositions(Table):
    direct: list[str]
    attached: list[str]


class QuotesTable(Table):
    pronouns: Pronouns
    role_synonyms: RoleSynonyms
    person_description_heads: WordList
    anonymous_heads: WordList
    organization_description_heads: WordList
    document_heads: WordList
    scare_markers: WordList
    anonymity_markers: WordList
    function_words: FunctionWords
    partial_quote_openers: WordList
    title_case_minor_words: WordList
    speaker_phrase_prepositions: WordList
    document_owner_prepositions: OwnerPrepositions
    state_body_heads: WordList
    generic_org_heads: WordList
    unaffiliated_person_heads: WordList
    body_name_prepositions: WordList
    non_person_name_words: WordList


def _words(words) -> frozenset:
    return frozenset(w.lower() for w in words)


class QuoteLexicon:
    """Everything the quote rules look words up in, as sets (built once per component)."""

    def __init__(self, table: QuotesTable, people: People, reporting: ReportingVerbs):
        self.table, self.people, self.reporting = table, people, reporting
        fw = table.function_words
        self.pronouns: dict[str, tuple[Optional[str], str]] = dict(table.pronouns.forms)
        self.role_synonyms = {k: frozenset(v) for k, v in table.role_synonyms.roles.items()}
        self.person_heads = _words(table.person_description_heads.words)
        self.anonymous_heads = _words(table.anonymous_heads.words)
        self.org_heads = _words(table.organization_description_heads.words)
        self.document_heads = _words(table.document_heads.words)
        self.scare_markers = _words(table.scare_markers.words)
        self.anonymity_markers = _words(table.anonymity_markers.words)
        # as the hashes of Doc arrays (LOWER), to find them without making Token objects
        self.anonymity_hashes = numpy.array(sorted(hash_string(w) for w in self.anonymity_markers), dtype=numpy.uint64)
        self.definite = frozenset(fw.definite)
        self.indefinite = frozenset(fw.indefinite)
        self.relative = frozenset(fw.relative)
        self.first_second = frozenset(fw.first_second_person)
        self.possessive = frozenset(fw.possessive)
        self.expletive = frozenset(fw.expletive_subjects)
        self.partial_openers = frozenset(table.partial_quote_openers.words)
        self.title_minor = frozenset(table.title_case_minor_words.words)
        self.speaker_preps = frozenset(table.speaker_phrase_prepositions.words)
        self.owner_direct = frozenset(table.document_owner_prepositions.direct)
        self.owner_attached = frozenset(table.document_owner_prepositions.attached)
        self.state_body_heads = frozenset(table.state_body_heads.words)
        self.generic_org_heads = frozenset(table.generic_org_heads.words)
        self.unaffiliated_heads = frozenset(table.unaffiliated_person_heads.words)
        self.body_name_preps = frozenset(table.body_name_prepositions.words)
        self.non_person_words = _words(table.non_person_name_words.words)

    def to_disk(self, folder: Union[str, Path]) -> None:
        write_table(self.table, folder, FILENAME)
        self.people.to_disk(folder)
        self.reporting.to_disk(folder)


def load_lexicon(folder: Optional[Union[str, Path]] = None) -> QuoteLexicon:
    """The tables from `folder` (a saved pipeline's), else the packaged `models/`."""
    if folder is None:
        return _packaged()
    return QuoteLexicon(load_table(FILENAME, QuotesTable, folder), People.load(folder), ReportingVerbs.load(folder))


@lru_cache(maxsize=1)
def _packaged() -> QuoteLexicon:
    return QuoteLexicon(load_table(FILENAME, QuotesTable), People.load(), ReportingVerbs.load())
