"""The entity component's tables (entities_bodies.json, entities_context.json, and the
kernel's people tables: titles, given names, person nouns, particles), typed, and
compiled once into `EntityTables`."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional, Union

from ...text.names import name_key
from ...text.people import People
from ...text.reporting import ReportingVerbs
from ...text.tables import Table, load_table, write_table

BODIES_FILE = "entities_bodies.json"
CONTEXT_FILE = "entities_context.json"


class BodiesTable(Table):
    body_heads: list[str]
    country_heads: list[str]
    portfolio_synonyms: dict[str, list[str]]
    region_descriptors: dict[str, list[str]]
    country_nouns: list[str]
    place_suffixes: list[str]
    facility_suffixes: list[str]
    member_nouns: list[str]
    unit_heads: list[str]
    event_first_words: list[str]
    event_last_words: list[str]
    place_first_words: list[str]
    place_last_words: list[str]
    non_entities: list[str]


class ContextTable(Table):
    organization_words: list[str]
    locative_prepositions: list[str]
    direction_prepositions: list[str]
    motion_words: list[str]
    government_holders: list[str]
    place_head_nouns: list[str]
    headline_words: list[str]
    list_joiners: list[str]
    region_suffixes: list[str]
    generic_place_nouns: list[str]
    leading_words: list[str]
    joining_prepositions: list[str]
    place_of_nouns: list[str]
    speech_words_after: list[str]
    region_nouns_after: list[str]
    determiners: list[str]
    generic_reference_heads: list[str]
    body_name_joiners: list[str]
    portfolio_tail: list[str]
    capital_noun: list[str]
    metonym_blockers: list[str]
    apposition_articles: list[str]
    non_government_heads: list[str]
    initials_skip: list[str]
    title_case_skip: list[str]
    title_joiners: list[str]
    currency_words: list[str]
    portfolio_titles: list[str]
    gathering_nouns: list[str]
    title_line_share: float
    title_line_min_words: int
    title_line_max_chars: int
    title_line_common_words: int


POSSESSIVE = frozenset({"'s", "’s"})
APOSTROPHES = frozenset({"'", "’"})


def word(text: str) -> str:
    """A token's text as the tables hold it: lower case, a trailing period dropped ("Gov.")."""
    return text.lower().rstrip(".") if len(text) > 2 else text.lower()


def _word_tuples(phrases: list[str]) -> frozenset:
    """Phrases as tuples of table words ("gulf of" -> ("gulf", "of"); "people's" -> ("people", "'s"))."""
    return frozenset(tuple(word(w) for w in re.findall(r"['’]s|[\w-]+", p)) for p in phrases)


class EntityTables:
    """The tables, compiled once: lookups by word and by word sequence."""

    def __init__(self, people: People, bodies: BodiesTable, context: ContextTable,
                 reporting: Optional[ReportingVerbs] = None):
        self.people, self.bodies, self.context = people, bodies, context
        self.reporting = reporting if reporting is not None else ReportingVerbs.load()
        self.title_gender: dict[tuple, Optional[str]] = {}
        for gender, titles in people.titles().items():
            for title in titles:
                key = tuple(word(t) for t in title.replace("-", " - ").split())
                self.title_gender[key] = None if gender == "neutral" else gender
        joiners = frozenset(context.title_joiners)
        self.title_words = {w for key in self.title_gender for w in key if w not in joiners}
        self.max_title_len = max(len(k) for k in self.title_gender)
        self.particles = frozenset(p.lower() for p in people.table.particles.words)
        self.person_nouns = frozenset(people.table.person_nouns.words)
        # the given names common in news (not every name of the census lists), with their gender
        self.given_names = {name_key(n): people.given_name_gender(n) for n in people.given_names.common}
        self.body_heads = sorted({tuple(word(w) for w in re.findall(r"['’]s|[\w-]+", h)) for h in bodies.body_heads},
                                 key=len, reverse=True)
        self.body_first_words = frozenset(h[0] for h in self.body_heads)
        self.body_head_words = {w for h in self.body_heads for w in h}
        self.country_heads = frozenset(bodies.country_heads)
        self.portfolios = {}
        for canon, forms in bodies.portfolio_synonyms.items():
            for form in forms:
                self.portfolios[form] = canon
        self.region_descriptors = bodies.region_descriptors
        self.country_nouns = frozenset(bodies.country_nouns)
        self.place_suffixes = frozenset(bodies.place_suffixes)
        self.facility_suffixes = sorted((tuple(f.split()) for f in bodies.facility_suffixes), key=len, reverse=True)
        self.facility_first_words = frozenset(f[0] for f in self.facility_suffixes)
        self.member_nouns = frozenset(bodies.member_nouns)
        self.non_entities = frozenset(bodies.non_entities)
        self.unit_heads = frozenset(bodies.unit_heads)
        self.event_first_words = _word_tuples(bodies.event_first_words)
        self.event_last_words = _word_tuples(bodies.event_last_words)
        self.place_first_words = _word_tuples(bodies.place_first_words)
        self.place_last_words = _word_tuples(bodies.place_last_words)
        self._context_sets(context)

    def _context_sets(self, c: ContextTable) -> None:
        self.org_words = frozenset(c.organization_words)
        self.locative_preps = frozenset(c.locative_prepositions)
        self.direction_preps = frozenset(c.direction_prepositions)
        self.place_preps = self.locative_preps | self.direction_preps
        self.motion_words = frozenset(c.motion_words)
        self.government_holders = frozenset(c.government_holders)
        self.place_head_nouns = frozenset(c.place_head_nouns)
        self.headline_words = frozenset(c.headline_words)
        self.list_joiners = frozenset(c.list_joiners)
        self.region_suffixes = frozenset(c.region_suffixes)
        self.generic_place_nouns = frozenset(c.generic_place_nouns)
        self.leading_words = frozenset(c.leading_words)
        self.joining_preps = frozenset(c.joining_prepositions)
        self.place_of_nouns = self.generic_place_nouns | self.place_suffixes | frozenset(c.place_of_nouns)
        self.not_place_after = POSSESSIVE | frozenset(c.speech_words_after)
        self.region_nouns_after = frozenset(c.region_nouns_after)
        self.determiners = frozenset(c.determiners)
        self.generic_reference_heads = frozenset(c.generic_reference_heads)
        self.body_name_joiners = frozenset(c.body_name_joiners)
        self.portfolio_tail = frozenset(c.portfolio_tail)
        self.capital_noun = frozenset(c.capital_noun)
        self.metonym_blockers = frozenset(c.metonym_blockers)
        self.apposition_articles = frozenset(c.apposition_articles)
        self.non_government_heads = frozenset(c.non_government_heads)
        self.initials_skip = frozenset(c.initials_skip)
        self.title_case_skip = frozenset(c.title_case_skip)
        self.currency_words = frozenset(c.currency_words)
        self.portfolio_titles = frozenset(tuple(t.split()) for t in c.portfolio_titles)
        self.gathering_nouns = frozenset(c.gathering_nouns)

    def starts_or_ends_with(self, words: list[str], first: frozenset, last: frozenset) -> bool:
        """Whether `words` (table words) open with a phrase of `first` or close with one of `last`."""
        return any(tuple(words[:n]) in first for n in (1, 2, 3) if n < len(words)) or \
            any(tuple(words[-n:]) in last for n in (1, 2, 3) if n < len(words))

    def given_name_gender(self, text: str) -> Optional[str]:
        return self.given_names.get(name_key(text))

    def is_given_name(self, text: str) -> bool:
        return name_key(text) in self.given_names

    def place_key(self, text: str) -> str:
        """"Donetsk region" and "Donetsk", "Azovstal steel plant" and "Azovstal" share a key."""
        words = name_key(text).split()
        if len(words) > 1 and words[-1] in self.place_suffixes:
            words = words[:-1]
        for suffix in self.facility_suffixes:
            if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
                words = words[:-len(suffix)]
                break
        return " ".join(words)


def load_entity_tables(folder: Optional[Union[str, Path]] = None) -> EntityTables:
    """The tables of `folder`, or the packaged ones."""
    return EntityTables(People.load(folder), load_table(BODIES_FILE, BodiesTable, folder),
                        load_table(CONTEXT_FILE, ContextTable, folder), ReportingVerbs.load(folder))


def write_entity_tables(tables: EntityTables, folder: Union[str, Path]) -> None:
    tables.people.to_disk(folder)
    write_table(tables.bodies, folder, BODIES_FILE)
    write_table(tables.context, folder, CONTEXT_FILE)
    tables.reporting.to_disk(folder)
