"""The typed loader of models/: a misspelled key fails at load, naming file and key."""
import json

import pytest

from newsextract.text.tables import NotedTable, Table, TableError, build_once_packaged, load_table, write_table


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


class NotedVerbs(NotedTable):
    strong: list[str]
    weak_forms: list[str] = []
    weak_endings: list[str] = []


@pytest.mark.parametrize("note_key, documented", [
    ("_strong_note", "strong"),           # the entry's own name
    ("_weak_note", "weak_forms"),         # the start of a name: the first entry it begins
    ("_weak_endings_note", "weak_endings"),
])
def test_a_note_is_read_and_written_back_before_its_entry(tmp_path, note_key, documented):
    data = {"strong": ["say"], "weak_forms": ["talk"], "weak_endings": ["ed"], note_key: "why"}
    t = load_table("verbs.json", NotedVerbs, _write(tmp_path, data))
    assert t.notes == {note_key[1:-5]: "why"}
    saved = json.loads(write_table(t, tmp_path / "saved", "verbs.json").read_text("utf-8"))
    keys = list(saved)
    assert keys.index(note_key) + 1 == keys.index(documented) and saved[note_key] == "why"
    assert load_table("verbs.json", NotedVerbs, tmp_path / "saved") == t


@pytest.mark.parametrize("note_key", ["_strng_note", "_wea_note", "_forms_note"])
def test_a_note_that_names_no_entry_fails(tmp_path, note_key):
    with pytest.raises(TableError) as err:
        load_table("verbs.json", NotedVerbs, _write(tmp_path, {"strong": ["say"], note_key: "why"}))
    assert "verbs.json" in str(err.value) and note_key in str(err.value)


BUILT_FROM = []


def _build_verbs(folder):
    BUILT_FROM.append(folder)
    return [folder]


def test_the_packaged_build_is_made_once_a_folder_s_each_time(tmp_path):
    packaged = build_once_packaged(_build_verbs)
    assert build_once_packaged(_build_verbs, None) is packaged and BUILT_FROM == [None]
    assert build_once_packaged(_build_verbs, tmp_path) == [tmp_path]
    assert build_once_packaged(_build_verbs, tmp_path) is not build_once_packaged(_build_verbs, tmp_path)
    assert BUILT_FROM == [None, tmp_path, tmp_path, tmp_path]
