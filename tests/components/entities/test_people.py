"""Whether two names can name one person or one body
(newsextract.components.entities.people): pure functions on name parts."""
from __future__ import annotations

import pytest

from newsextract.components.entities.people import NameIndex, acronym_fits, initials, one_edit, same_person


@pytest.mark.parametrize("short, full, same", [
    ("zelenskyy", "volodymyr zelenskyy", True),
    ("zelensky", "volodymyr zelenskyy", True),
    ("von der leyen", "ursula von der leyen", True),
    ("nana akufo addo", "nana addo dankwa akufo addo", True),
    ("viktor lukashenko", "alexander lukashenko", False),
    ("der leyen", "ursula von der leyen", True),
    ("smith", "john smyth", False),
    ("al", "ahmed al", False),  # a lone particle is no surname
])
def test_same_person(short, full, same):
    assert same_person(short.split(), full.split(), {"von", "der", "de", "bin", "al"}) is same


@pytest.mark.parametrize("acronym, name, fits", [
    ("ICRC", "International Committee of the Red Cross", True),
    ("FARC", "Revolutionary Armed Forces of Colombia", True),
    ("MBZ", "Mohammed bin Zayed Al Nahyan", True),
    ("AP", "Ukraine", False),
    ("EU", "United Nations", False),
])
def test_acronym_fits(acronym, name, fits):
    assert acronym_fits(acronym, name) is fits


@pytest.mark.parametrize("a, b, one", [("zelensky", "zelenskyy", True), ("abcd", "abcd", False),
                                       ("smith", "smyth", True), ("smith", "smythe", False)])
def test_one_edit(a, b, one):
    assert one_edit(a, b) is one


@pytest.mark.parametrize("text, person, expected", [
    ("U.S. Geological Survey", False, {"USGS"}),
    ("International Committee of the Red Cross", False, {"ICRC"}),
    ("Mohammed bin Zayed Al Nahyan", True, {"MBZAN", "MBZ"}),
    ("Reuters", False, set()),
])
def test_initials(text, person, expected):
    assert set(initials(text, person, frozenset({"of", "the", "and", "for"}))) == expected


def test_name_index_finds_names_by_the_surname_initial():
    index = NameIndex([["volodymyr", "zelenskyy"], ["joe", "biden"], ["volodymyr", "zelenskyy"]])
    assert list(index) == [["volodymyr", "zelenskyy"], ["joe", "biden"]]
    assert index.near(["zelensky"]) == [["volodymyr", "zelenskyy"]]
    assert index.near(["putin"]) == [] and index.near([]) == []
