"""tables.py / lexicon.py: the six tables are typed; a misspelled key fails at load."""
from __future__ import annotations

import json

import pytest

from newsextract.components.numeric_claims.lexicon import Lexicon, load_lexicon, packaged_lexicon
from newsextract.components.numeric_claims.tables import FILES, read_tables, write_tables
from newsextract.text.tables import TableError


def test_the_packaged_tables_load_and_compile():
    lex = packaged_lexicon()
    assert lex is load_lexicon(None)
    assert "KILLED" in lex.human_categories and lex.default_unit == "person"
    assert lex.reader.find("9.9 per cent")[0].percent == "percent"


def test_write_then_read_round_trips(tmp_path):
    tables = read_tables()
    write_tables(tables, tmp_path)
    assert read_tables(tmp_path) == tables
    assert {p.name for p in tmp_path.iterdir()} == {name for name, _ in FILES.values()}


@pytest.mark.parametrize("filename, edit, key", [
    ("numeric_units.json", lambda d: d.update(time_unit=d.pop("time_units")), "time_unit"),
    ("numeric_categories.json", lambda d: d["modality"].update(modal=["may"]), "modal"),
    ("numbers.json", lambda d: d["magnitudes"]["million"].update(valeu=1), "valeu"),
    ("numeric_qualifiers.json", lambda d: d.update(_filler_note="x"), "_filler_note"),
    ("numeric_currencies.json", lambda d: d.update(signs=["$"]), "signs"),
    ("numeric_categories.json", lambda d: d["predicates"].update(KILED=["slay"]), "KILED"),
    ("numeric_qualifiers.json", lambda d: d["before"].update(roughly="aproximate"), "roughly"),
])
def test_a_misspelled_or_mistyped_key_fails_naming_file_and_key(tmp_path, filename, edit, key):
    write_tables(read_tables(), tmp_path)
    data = json.loads((tmp_path / filename).read_text("utf-8"))
    edit(data)
    (tmp_path / filename).write_text(json.dumps(data), "utf-8")
    with pytest.raises(TableError) as err:
        read_tables(tmp_path)
    assert filename in str(err.value) and key in str(err.value)


def test_a_customised_table_changes_what_is_read(tmp_path):
    tables = read_tables()
    numbers = tables.numbers.model_copy(update={"percent_words": {**tables.numbers.percent_words, "pc": "percent"}})
    write_tables(tables, tmp_path)
    (tmp_path / "numbers.json").write_text(numbers.model_dump_json(by_alias=True), "utf-8")
    assert packaged_lexicon().reader.find("up 5 pc")[0].percent is None
    assert Lexicon(read_tables(tmp_path)).reader.find("up 5 pc")[0].percent == "percent"
