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
from ...text.tables import Table, attach_word_lists, load_table, write_table

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
    title_context_words: WordList = WordList(words=[])
    speaker_phrase_prepositions: WordList
    document_owner_prepositions: OwnerPrepositions
    state_body_heads: WordList
    generic_org_heads: WordList
    unaffiliated_person_heads: WordList
    body_name_prepositions: WordList
    non_person_name_words: WordList


# the lexicon's word sets: {attribute: where its words are in the table}
LOWERCASED_WORDS = {
    "person_heads": "person_description_heads.words", "anonymous_heads": "anonymous_heads.words",
    "org_heads": "organization_description_heads.words", "document_heads": "document_heads.words",
    "scare_markers": "scare_markers.words", "anonymity_markers": "anonymity_markers.words",
    "non_person_words": "non_person_name_words.words",
}
WORDS = {
    "definite": "function_words.definite", "indefinite": "function_words.indefinite",
    "relative": "function_words.relative", "first_second": "function_words.first_second_person",
    "possessive": "function_words.possessive", "expletive": "function_words.expletive_subjects",
    "partial_openers": "partial_quote_openers.words", "title_minor": "title_case_minor_words.words",
    "title_context": "title_context_words.words",
    "speaker_preps": "speaker_phrase_prepositions.words", "owner_direct": "document_owner_prepositions.direct",
    "owner_attached": "document_owner_prepositions.attached", "state_body_heads": "state_body_heads.words",
    "generic_org_heads": "generic_org_heads.words", "unaffiliated_heads": "unaffiliated_person_heads.words",
    "body_name_preps": "body_name_prepositions.words",
}


class QuoteLexicon:
    """Everything the quote rules look words up in, as sets (built once per component)."""

    def __init__(self, table: QuotesTable, people: People, reporting: ReportingVerbs):
        self.table, self.people, self.reporting = table, people, reporting
        self.pronouns: dict[str, tuple[Optional[str], str]] = dict(table.pronouns.forms)
        self.role_synonyms = {k: frozenset(v) for k, v in table.role_synonyms.roles.items()}
        attach_word_lists(self, table, LOWERCASED_WORDS, lower=True)
        # as the hashes of Doc arrays (LOWER), to find them without making Token objects
        self.anonymity_hashes = numpy.array(sorted(hash_string(w) for w in self.anonymity_markers), dtype=numpy.uint64)
        attach_word_lists(self, table, WORDS)

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
