"""People: the one home of what a text's words tell about a person: given names and
the gender they usually carry, titles and relation nouns and the gender they tell,
words that stand as titles or roles beside a name, nouns for people, name particles.

The words live in `models/people.json` and `models/people_given_names.json` (built
by `models/scripts/build_people_given_names.py`); a component reads them through
its `tables_path` as a `People` (`People.load(folder)`), and code that needs only
the packaged tables uses `People.load()` (read once per process).
Lookups take a word in any case.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from .tables import Table, load_table, write_table

FILENAME = "people.json"
GIVEN_NAMES_FILENAME = "people_given_names.json"


class WordList(Table):
    words: list[str]


class GenderedWords(Table):
    male: list[str]
    female: list[str]


class Titles(GenderedWords):
    neutral: list[str]


class PeopleTable(Table):
    titles: Titles
    gender_words: GenderedWords
    title_words: WordList
    person_nouns: WordList
    particles: WordList
    person_only_titles: WordList


class GivenNamesTable(Table):
    male: list[str]
    female: list[str]
    common: list[str]


def _key(text: str) -> str:
    return " ".join(text.lower().split())


class People:
    """The people tables, compiled into sets and maps for lookups."""

    def __init__(self, table: PeopleTable, given_names: GivenNamesTable):
        self.table, self.given_names = table, given_names
        titles = table.titles
        self._title_gender: dict[str, Optional[str]] = {}
        for gender, phrases in (("male", titles.male), ("female", titles.female), (None, titles.neutral)):
            for phrase in phrases:
                self._title_gender.setdefault(_key(phrase), gender)
        self._word_gender = {w: g for w, g in self._title_gender.items() if g is not None and " " not in w}
        for gender, words in (("male", table.gender_words.male), ("female", table.gender_words.female)):
            for w in words:
                self._word_gender.setdefault(w.lower(), gender)
        self._title_words = frozenset(w for phrase in self._title_gender for w in phrase.split()) \
            | frozenset(w.lower() for w in table.title_words.words)
        self._person_nouns = frozenset(w.lower() for w in table.person_nouns.words)
        self._particles = frozenset(w.lower() for w in table.particles.words)
        self._person_only = frozenset(w.lower() for w in table.person_only_titles.words)
        self._given = {n: "male" for n in given_names.male}
        self._given.update((n, "female") for n in given_names.female if n not in self._given)
        self._common = frozenset(given_names.common)

    @classmethod
    def load(cls, folder: Optional[Union[str, Path]] = None) -> "People":
        """From `folder`, else the packaged `models/` (read once per process)."""
        if folder is None:
            return packaged()
        return cls(load_table(FILENAME, PeopleTable, folder), load_table(GIVEN_NAMES_FILENAME, GivenNamesTable, folder))

    def to_disk(self, folder: Union[str, Path]) -> None:
        write_table(self.table, folder, FILENAME)
        write_table(self.given_names, folder, GIVEN_NAMES_FILENAME)

    # -- given names
    def given_name_gender(self, word: str) -> Optional[str]:
        """'male' or 'female' for a given name that usually carries that gender, else None."""
        return self._given.get(word.lower().strip(".,"))

    def is_given_name(self, word: str) -> bool:
        """A given name common in international news (gendered or not): a capitalized
        word starting a name with it tells the name is a person's."""
        return word.lower().strip(".,") in self._common

    # -- titles and gender
    def title_gender(self, title: str) -> Optional[str]:
        """The gender a title tells ('Mrs' -> 'female', 'Crown Prince' -> 'male'), None if none or no title."""
        return self._title_gender.get(_key(title))

    def is_title(self, title: str) -> bool:
        """A title written before a person's name ('Foreign Minister', 'Lt. Gen.')."""
        return _key(title) in self._title_gender

    def titles(self) -> dict[str, list[str]]:
        """The title phrases as written, by the gender they tell ('neutral': none)."""
        t = self.table.titles
        return {"male": list(t.male), "female": list(t.female), "neutral": list(t.neutral)}

    def word_gender(self, word: str) -> Optional[str]:
        """The gender one word tells: a title or a relation noun ('Mr', 'sister', 'spokeswoman')."""
        return self._word_gender.get(word.lower())

    def is_title_word(self, word: str) -> bool:
        """A word that stands before or beside a name as a title or role, or as part of one."""
        return word.lower() in self._title_words

    def is_person_only_title(self, word: str) -> bool:
        """A title that, right before a name, makes it a person's ('Mr', 'President')."""
        return word.lower() in self._person_only

    # -- nouns and particles
    def is_person_noun(self, word: str) -> bool:
        """A noun for a person that, right before a name, tells it is a person's ('his brother')."""
        return word.lower() in self._person_nouns

    def is_name_particle(self, word: str) -> bool:
        """A particle joining a name's parts ('von', 'bin', 'al')."""
        return word.lower() in self._particles


@lru_cache(maxsize=1)
def packaged() -> People:
    return People(load_table(FILENAME, PeopleTable), load_table(GIVEN_NAMES_FILENAME, GivenNamesTable))
