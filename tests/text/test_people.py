"""The people kernel: given names, titles and the gender they tell."""
from __future__ import annotations

import pytest

from newsextract.text import people
from newsextract.text.people import People


@pytest.mark.parametrize("word, gender", [
    ("Maria", "female"), ("maria", "female"), ("John", "male"), ("John.", "male"),
    ("Kim", None),            # kept ambiguous on purpose
    ("Xyzzy", None),
])
def test_given_name_gender(word, gender):
    assert people.given_name_gender(word) == gender
    assert people.is_given_name(word) is (gender is not None)


@pytest.mark.parametrize("word, gender", [
    ("Mr", "male"), ("mrs.", "female"), ("sister", "female"), ("spokesman", "male"),
    ("president", None), ("table", None),
])
def test_word_gender(word, gender):
    assert people.word_gender(word) == gender


@pytest.mark.parametrize("word, gender", [
    ("Mrs", "female"), ("king", "male"),
    ("girlfriend", None),      # tells a gender, but is no title
    ("minister", None),
])
def test_title_gender(word, gender):
    assert people.title_gender(word) == gender


@pytest.mark.parametrize("word, expected", [
    ("President", True), ("former", True), ("acting", True), ("Smith", False),
])
def test_is_title_word(word, expected):
    assert people.is_title_word(word) is expected


@pytest.mark.parametrize("word, expected", [("Mr", True), ("senator", True), ("spokesman", False)])
def test_is_person_only_title(word, expected):
    assert people.is_person_only_title(word) is expected


def test_tables_round_trip_through_a_folder(tmp_path):
    packaged = People.load()
    packaged.to_disk(tmp_path)
    again = People.load(tmp_path)
    assert again.given_name_gender("Maria") == "female" and again.word_gender("mr") == "male"
