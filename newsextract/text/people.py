"""People: the one home of what a text's words tell about a person: given names and
the gender they usually carry, titles and relation nouns and the gender they tell,
words that stand as titles or roles beside a name.

The words live in `models/people.json` and `models/people_given_names.json` (built
by `models/scripts/build_people_given_names.py`); a component reads them through
its `tables_path` as a `People` (`People.load(folder)`), and code that needs only
the packaged tables uses the module functions (`given_name_gender("Maria")`).
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


class PeopleTable(Table):
    gender_words: GenderedWords
    title_words: WordList
    person_only_titles: WordList


class GivenNamesTable(Table):
    male: list[str]
    female: list[str]


class People:
    """The people tables, compiled into sets and maps for lookups."""

    def __init__(self, table: PeopleTable, given_names: GivenNamesTable):
        self.table, self.given_names = table, given_names
        self._word_gender = {w: "male" for w in table.gender_words.male}
        self._word_gender.update((w, "female") for w in table.gender_words.female
                                 if w not in self._word_gender)
        self._title_words = frozenset(w.lower() for w in table.title_words.words)
        self._person_only = frozenset(table.person_only_titles.words)
        self._given = {n: "male" for n in given_names.male}
        self._given.update((n, "female") for n in given_names.female if n not in self._given)

    @classmethod
    def load(cls, folder: Optional[Union[str, Path]] = None) -> "People":
        """From `folder`, else the packaged `models/` (read once per process)."""
        if folder is None:
            return packaged()
        return cls(load_table(FILENAME, PeopleTable, folder), load_table(GIVEN_NAMES_FILENAME, GivenNamesTable, folder))

    def to_disk(self, folder: Union[str, Path]) -> None:
        write_table(self.table, folder, FILENAME)
        write_table(self.given_names, folder, GIVEN_NAMES_FILENAME)

    def given_name_gender(self, word: str) -> Optional[str]:
        """'male' or 'female' for a given name that usually carries that gender, else None."""
        return self._given.get(word.lower().strip(".,"))

    def is_given_name(self, word: str) -> bool:
        """A given name whose gender the tables know."""
        return word.lower().strip(".,") in self._given

    def word_gender(self, word: str) -> Optional[str]:
        """The gender a title or relation noun tells ('Mr', 'sister', 'spokeswoman'), else None."""
        return self._word_gender.get(word.lower())

    def title_gender(self, word: str) -> Optional[str]:
        """The gender a title tells, for a word that is a title ('Mrs' -> 'female'), else None."""
        return self._word_gender.get(word.lower()) if self.is_title_word(word) else None

    def is_title_word(self, word: str) -> bool:
        """A word that stands before or beside a name as a title or role, or as part of one."""
        return word.lower() in self._title_words

    def is_person_only_title(self, word: str) -> bool:
        """A title that, right before a name, makes it a person's ('Mr', 'President')."""
        return word.lower() in self._person_only


@lru_cache(maxsize=1)
def packaged() -> People:
    return People(load_table(FILENAME, PeopleTable), load_table(GIVEN_NAMES_FILENAME, GivenNamesTable))


def given_name_gender(word: str) -> Optional[str]:
    return packaged().given_name_gender(word)


def is_given_name(word: str) -> bool:
    return packaged().is_given_name(word)


def word_gender(word: str) -> Optional[str]:
    return packaged().word_gender(word)


def title_gender(word: str) -> Optional[str]:
    return packaged().title_gender(word)


def is_title_word(word: str) -> bool:
    return packaged().is_title_word(word)


def is_person_only_title(word: str) -> bool:
    return packaged().is_person_only_title(word)
