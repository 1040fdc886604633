"""THE demonym table (newsextract.text.demonyms): adjective -> country."""
from __future__ import annotations

import json

import pytest

from newsextract.text.demonyms import Demonyms, load_demonyms
from newsextract.text.tables import TableError


@pytest.fixture(scope="module")
def demonyms():
    return load_demonyms()


@pytest.mark.parametrize("text, iso2", [
    ("Egyptian", "EG"), ("Egyptians", "EG"), ("Swiss", "CH"), ("Emirati", "AE"), ("Burkinabe", "BF"),
    ("American", "US"), ("British", "GB"), ("Filipino", "PH"), ("Yemeni", "YE"), ("Azeri", "AZ"),
    ("EGYPTIAN", "EG"), ("Congolese", "CD"), ("Dominican", "DO"),
])
def test_demonyms(demonyms, text, iso2):
    assert demonyms.country(text) == iso2


@pytest.mark.parametrize("text", ["Egypt", "Cairo", "mediators", ""])
def test_other_words_name_no_country(demonyms, text):
    assert demonyms.country(text) is None and text not in demonyms


def test_a_shared_demonym_keeps_every_country_most_populous_first(demonyms):
    assert demonyms.countries("Congolese") == ("CD", "CG")
    assert demonyms.countries("Egyptian") == ("EG",)


@pytest.mark.parametrize("rows, word, expected", [
    ([("AA", 10, ["Ruritanian"]), ("BB", 20, ["Ruritanian"])], "ruritanian", ("BB", "AA")),
    ([("AA", 10, ["Ruritanian"]), ("BB", 10, ["Ruritanian"])], "Ruritanian", ("AA", "BB")),  # a tie: the first row
    ([("AA", 0, ["Ruri-tanian"])], "Ruri tanian", ("AA",)),  # compared on the name key
])
def test_built_from_rows(rows, word, expected):
    assert Demonyms(rows).countries(word) == expected


def test_read_from_a_folder_and_its_errors(tmp_path):
    data = {"countries": [{"iso2": "RU", "iso3": "RUR", "population": 5, "demonyms": ["Ruritanian"], "extra": 1}]}
    (tmp_path / "gazetteer_countries.json").write_text(json.dumps(data), "utf-8")
    assert load_demonyms(tmp_path).country("Ruritanians") is None
    assert load_demonyms(tmp_path).country("Ruritanian") == "RU"
    data["countries"][0].pop("iso2")
    (tmp_path / "gazetteer_countries.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(TableError, match="gazetteer_countries.json"):
        load_demonyms(tmp_path)
