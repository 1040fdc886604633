"""component.py: the factory, its settings, and the tables carried by to_disk/from_disk."""
from __future__ import annotations

import json

import spacy

from newsextract.components.numeric_claims import NumericClaims
from newsextract.pipeline import add_components, load_base_model

from .docs import find


def test_caption_claims_dropped_unless_kept(nlp):
    text = "Rebels freed 12 hostages on Friday.\nFive soldiers were killed in this photo taken Monday."
    doc = nlp(text)
    cap_start = text.index("Five")
    doc._.ne_regions = [("caption", cap_start, len(text))]
    nlp.get_pipe("newsextract_numeric_claims")(doc)
    assert [c.value for c in doc._.ne_claims] == [12]
    NumericClaims(keep_captions=True)(doc)
    kept = find(doc._.ne_claims, 5, "soldier")
    assert kept.in_caption


def test_no_casualties_only_when_asked(nlp):
    text = "No casualties were reported after the blast."
    doc = nlp(text)
    assert doc._.ne_claims == []
    NumericClaims(zero_claims=True)(doc)
    (c,) = doc._.ne_claims
    assert (c.value, c.unit, c.category, c.negated, c.text) == (0, "casualty", "KILLED", True, "No casualties")


def _customised_tables(folder):
    """The packaged tables written to `folder`, with "butcher" made a KILLED predicate."""
    NumericClaims().to_disk(folder)
    path = folder / "numeric_categories.json"
    data = json.loads(path.read_text("utf-8"))
    data["predicates"]["KILLED"].append("butcher")
    path.write_text(json.dumps(data), "utf-8")


SENTENCE = "Gunmen butchered 40 villagers."


def test_to_disk_writes_every_table_and_from_disk_reads_them(tmp_path):
    component = NumericClaims()
    component.to_disk(tmp_path / "claims")
    assert sorted(p.name for p in (tmp_path / "claims").iterdir()) == [
        "numbers.json", "numeric_categories.json", "numeric_currencies.json", "numeric_demonyms.json",
        "numeric_qualifiers.json", "numeric_units.json"]
    assert NumericClaims().from_disk(tmp_path / "claims").lexicon.tables == component.lexicon.tables


def test_tables_path_reads_a_customised_table(nlp, tmp_path):
    doc = nlp(SENTENCE)
    assert find(doc._.ne_claims, 40, "villager").category == "OTHER"
    _customised_tables(tmp_path)
    NumericClaims(tables_path=tmp_path)(doc)
    assert find(doc._.ne_claims, 40, "villager").category == "KILLED"


def test_a_saved_pipeline_carries_its_customised_table(tmp_path):
    """Customise a table, nlp.to_disk, spacy.load elsewhere: the loaded pipeline follows it."""
    nlp = add_components(load_base_model())
    _customised_tables(tmp_path / "tables")
    nlp.get_pipe("newsextract_numeric_claims").from_disk(tmp_path / "tables")
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert find(loaded(SENTENCE)._.ne_claims, 40, "villager").category == "KILLED"


def test_the_factory_declares_what_it_assigns_and_reads(nlp):
    meta = nlp.get_pipe_meta("newsextract_numeric_claims")
    assert meta.assigns == ["doc._.ne_claims"]
    assert "token.dep" in meta.requires
    config = nlp.get_pipe_config("newsextract_numeric_claims")
    assert config["tables_path"] is None and config["antecedent_sentences"] == 6
    problems = nlp.analyze_pipes()["problems"]["newsextract_numeric_claims"]
    assert problems == [] or problems == ["doc._.ne_entities"]
