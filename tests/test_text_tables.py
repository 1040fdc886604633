"""The typed loader of models/: a misspelled key fails at load, naming file and key."""
import json

import pytest

from newsextract.text.tables import Table, TableError, load_table, write_table


class Verbs(Table):
    strong: list[str]
    weak: list[str] = []


def _write(folder, data):
    (folder / "verbs.json").write_text(json.dumps(data), "utf-8")
    return folder


def test_a_table_loads_with_its_about(tmp_path):
    t = load_table("verbs.json", Verbs, _write(tmp_path, {"_about": "test", "strong": ["say"]}))
    assert t.strong == ["say"] and t.weak == [] and t.about == "test"


@pytest.mark.parametrize("data, where", [
    ({"strong": ["say"], "weka": ["x"]}, "weka"),
    ({"strng": ["say"]}, "strong"),
    ({"strong": "say"}, "strong"),
])
def test_a_bad_key_names_the_file_and_the_key(tmp_path, data, where):
    with pytest.raises(TableError) as err:
        load_table("verbs.json", Verbs, _write(tmp_path, data))
    assert "verbs.json" in str(err.value) and where in str(err.value)


def test_a_missing_file_is_a_table_error(tmp_path):
    with pytest.raises(TableError, match="no such table"):
        load_table("nothing.json", Verbs, tmp_path)


def test_write_then_load_round_trips(tmp_path):
    t = Verbs.model_validate({"_about": "x", "strong": ["say", "tell"]})
    write_table(t, tmp_path / "saved", "verbs.json")
    assert load_table("verbs.json", Verbs, tmp_path / "saved") == t
