"""The events table: typed (a misspelled key fails at load) and carried by
nlp.to_disk / spacy.load, so that a customised table travels with a pipeline."""
from __future__ import annotations

import json
import shutil

import pytest
import spacy

import newsextract.components.events  # noqa: F401  (registers the factory)
from newsextract.components.events.tables import EventsTable
from newsextract.text.tables import TableError, load_table, read_json

from .docs import build_doc

ROWS = [("Envoys", "envoy", "NOUN", "NNS", "nsubj", 1), ("held", "hold", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 4), ("long", "long", "ADJ", "JJ", "amod", 4),
        ("parley", "parley", "NOUN", "NN", "dobj", 1), (".", ".", "PUNCT", ".", "punct", 1)]


def _write(folder, data) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "events.json").write_text(json.dumps(data), "utf-8")


@pytest.mark.parametrize("where,change,message", [
    ("top", lambda d: d.update(mutual_word=d.pop("mutual_words")), "mutual_word"),
    ("trigger", lambda d: d["triggers"][0].update(lemma=d["triggers"][0].pop("lemmas")), "lemma"),
    ("type", lambda d: d["triggers"][0].update(type="SWAP"), "SWAP"),
    ("role", lambda d: d["roles"]["by_relation"]["ATTACK"][0].update(entity_types=["TOWN"]), "entity_types"),
    ("participants", lambda d: d["participant_types"].update(DISASTR=[]), "DISASTR"),
    ("default", lambda d: d["participant_types"].pop("default"), "default"),
    ("context", lambda d: d["triggers"][0].update(context=["captve"]), "captve"),
])
def test_a_misspelled_key_or_value_fails_at_load(tmp_path, where, change, message):
    data = read_json("events.json")
    change(data)
    _write(tmp_path, data)
    with pytest.raises(TableError, match=message):
        load_table("events.json", EventsTable, tmp_path)


def _events(nlp) -> list:
    doc = build_doc(ROWS)
    doc._.ne_published, doc._.ne_regions, doc._.ne_entities, doc._.ne_claims = "2023-02-04", [], [], []
    return nlp.get_pipe("newsextract_events")(doc)._.ne_events


def test_a_customised_table_travels_with_the_pipeline(tmp_path):
    data = read_json("events.json")
    data["triggers"].append({"type": "MEETING", "lemmas": ["parley"], "pos": ["NOUN"]})
    _write(tmp_path / "tables", data)

    packaged = spacy.blank("en")
    packaged.add_pipe("newsextract_events")
    assert _events(packaged) == []

    custom = spacy.blank("en")
    custom.add_pipe("newsextract_events", config={"tables_path": str(tmp_path / "tables")})
    custom.to_disk(tmp_path / "pipeline")
    shutil.rmtree(tmp_path / "tables")        # elsewhere: the saved pipeline carries its own copy
    loaded = spacy.load(tmp_path / "pipeline")
    assert [(e.type, e.trigger) for e in _events(loaded)] == [("MEETING", "parley")]


def test_a_missing_tables_folder_fails_at_first_use(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsextract_events", config={"tables_path": str(tmp_path / "nowhere")})
    with pytest.raises(TableError, match="nowhere"):
        _events(nlp)


def test_to_disk_writes_the_table_from_disk_reads_it(tmp_path):
    nlp = spacy.blank("en")
    events = nlp.add_pipe("newsextract_events")
    events.to_disk(tmp_path / "events")
    assert [p.name for p in (tmp_path / "events").iterdir()] == ["events.json"]
    assert nlp.add_pipe("newsextract_events", name="again").from_disk(tmp_path / "events").table == events.table
