"""models/numeric_currencies.json: generated from CLDR (babel) by
models/scripts/build_currencies.py, in the shape the numeric claims read."""
from __future__ import annotations

import importlib.util
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from newsextract.components.numeric_claims.tables import CurrenciesTable

MODELS = Path(__file__).resolve().parent.parent / "models"
TABLE = json.loads((MODELS / "numeric_currencies.json").read_text("utf-8"))
EXTRAS = json.loads((MODELS / "numeric_currency_extras.json").read_text("utf-8"))


def test_the_built_table_is_what_the_numeric_claims_read():
    CurrenciesTable.model_validate(TABLE)  # unknown or missing keys fail here
    for key in ("unit_names", "signs", "names", "qualified_names"):
        assert TABLE[key] and all(isinstance(k, str) and isinstance(v, str) for k, v in TABLE[key].items())


def test_every_code_a_sign_or_name_gives_has_its_noun():
    codes = set(TABLE["unit_names"])
    for key in ("signs", "names", "qualified_names"):
        assert set(TABLE[key].values()) <= codes, key


def test_codes_that_are_english_words_are_left_out():
    assert not set(EXTRAS["excluded_codes"]) & set(TABLE["unit_names"])
    assert not set(EXTRAS["not_names"]) & set(TABLE["names"])


def _installed(name: str):
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def test_build_script_reproduces_the_committed_table(tmp_path):
    have = _installed("babel")
    if have is None or f"babel {have};" not in TABLE["_about"]:
        pytest.skip(f"babel {have} is not the version the table was built from")
    spec = importlib.util.spec_from_file_location("build_currencies", MODELS / "scripts" / "build_currencies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--out", str(tmp_path)]) == 0
    built = tmp_path / "numeric_currencies.json"
    assert built.read_bytes() == (MODELS / "numeric_currencies.json").read_bytes()


@pytest.mark.parametrize("text, expected", [
    # from CLDR: symbols and names the hand-written table lacked
    ("Cameroon borrowed FCFA 500 billion from the bank last year.", ("FCFA 500 billion", "XAF", "franc")),
    ("Angola fined the company 300 million kwanza on Monday.", ("300 million kwanza", "AOA", "kwanza")),
    ("The loan of ₸2 billion was approved on Monday.", ("₸2 billion", "KZT", "tenge")),
    ("Georgia paid ₾40 million to the firm on Monday.", ("₾40 million", "GEL", "lari")),
    # kept from the hand-written table
    ("Qatar pledged $2.3 billion in aid on Monday.", ("$2.3 billion", "USD", "dollar")),
    ("The ministry paid 3 billion roubles on Monday.", ("3 billion roubles", "RUB", "rouble")),
])
def test_currencies_are_read(extractor, text, expected):
    money = [(c.text, c.currency, c.unit) for c in extractor.extract(text).numeric_claims if c.currency]
    assert money == [expected]


@pytest.mark.parametrize("text", [
    "ALL 63 PRISONERS WERE FREED ON SATURDAY.",   # ALL: the Albanian lek's code
    "TOP 10 teams met in Doha on Monday.",        # TOP: the Tongan pa'anga's
    "The team won 5 gold at the games.",          # "Zimbabwean Gold" in CLDR
    "The index passed the 50 mark on Monday.",    # the Bosnian convertible mark
])
def test_english_words_are_not_currencies(extractor, text):
    assert [c.currency for c in extractor.extract(text).numeric_claims if c.currency] == []
