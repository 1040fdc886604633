"""The people kernel: given names, titles and the gender they tell, person nouns, particles."""
from __future__ import annotations

import pytest

from newsextract.text.people import People

people = People.load()  # the packaged tables


@pytest.mark.parametrize("word, gender, common", [
    ("Maria", "female", True), ("maria", "female", True), ("John", "male", True), ("John.", "male", True),
    ("Hossein", "male", True),
    ("Kim", None, True),            # common, and kept ambiguous on purpose
    ("Bertha", "female", False),    # a census name, not one common in international news
    ("Xyzzy", None, False),
])
def test_given_names(word, gender, common):
    assert people.given_name_gender(word) == gender
    assert people.is_given_name(word) is common


@pytest.mark.parametrize("word, gender", [
    ("Mr", "male"), ("mrs.", "female"), ("sister", "female"), ("spokesman", "male"), ("Ayatollah", "male"),
    ("president", None), ("table", None),
])
def test_word_gender(word, gender):
    assert people.word_gender(word) == gender


@pytest.mark.parametrize("title, gender, is_title", [
    ("Mrs", "female", True), ("Crown  Prince", "male", True), ("spokeswoman", "female", True),
    ("Foreign Minister", None, True),
    ("girlfriend", None, False),        # tells a gender, but is no title
])
def test_titles(title, gender, is_title):
    assert people.title_gender(title) == gender
    assert people.is_title(title) is is_title


@pytest.mark.parametrize("word, expected", [
    ("President", True), ("former", True), ("acting", True), ("Crown", True), ("Smith", False),
])
def test_is_title_word(word, expected):
    assert people.is_title_word(word) is expected


@pytest.mark.parametrize("question, word, expected", [
    (people.is_person_only_title, "Mr", True), (people.is_person_only_title, "senator", True),
    (people.is_person_only_title, "spokesman", False),
    (people.is_person_noun, "brother", True), (people.is_person_noun, "ministry", False),
    (people.is_name_particle, "von", True), (people.is_name_particle, "Smith", False),
])
def test_other_lookups(question, word, expected):
    assert question(word) is expected


def test_tables_round_trip_through_a_folder(tmp_path):
    packaged = People.load()
    packaged.to_disk(tmp_path)
    again = People.load(tmp_path)
    assert again.given_name_gender("Maria") == "female" and again.word_gender("mr") == "male"
    assert again.titles() == packaged.titles()


@pytest.mark.parametrize("title", ["CS", "Cabinet Secretary", "Principal Secretary", "Insp.", "Pastor"])
def test_short_and_regional_titles_are_titles(title):
    assert people.is_title(title) and people.title_gender(title) is None
