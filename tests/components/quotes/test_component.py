"""The component: factory and config, records, saving and loading its tables."""
from __future__ import annotations

import shutil

import spacy

from newsextract.components.quotes import QuoteExtractor
from newsextract.components.quotes.tables import load_lexicon

from .handmade import build


def _he_muttered():
    # He muttered: “We stay right here.”  (a verb beside the quote only the table makes a cue)
    return build([
        ("He", "PRP", "he", 1, "nsubj", True),
        ("muttered", "VBD", "mutter", None, "ROOT", False),
        (":", ":", None, 1, "punct", True),
        ("“", "``", None, 5, "punct", False),
        ("We", "PRP", "we", 5, "nsubj", True),
        ("stay", "VB", None, 1, "ccomp", True),
        ("right", "RB", None, 5, "advmod", True),
        ("here", "RB", None, 5, "advmod", False),
        (".", ".", None, 5, "punct", False),
        ("”", "''", None, 5, "punct", False),
    ])


def test_factory_declares_what_it_assigns_and_requires():
    meta = spacy.Language.get_factory_meta("newsextract_quotes")
    assert meta.assigns == ["doc._.ne_quotes"]
    assert "doc._.ne_entities" in meta.requires and "token.dep" in meta.requires
    assert meta.default_config["tables_path"] is None


def test_a_customised_table_travels_with_the_saved_pipeline(tmp_path):
    custom = tmp_path / "tables"
    load_lexicon().to_disk(custom)
    reporting = (custom / "reporting.json").read_text("utf-8")
    (custom / "reporting.json").write_text(reporting.replace('"say",', '"say",\n   "mutter",', 1), "utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("newsextract_quotes", config={"tables_path": str(custom)})
    assert [q.cue for q in nlp.get_pipe("newsextract_quotes")(_he_muttered())._.ne_quotes] == ["muttered"]
    nlp.to_disk(tmp_path / "saved")
    # the folder it was made from changes back; the saved pipeline keeps its own copy
    (custom / "reporting.json").write_text(reporting, "utf-8")
    shutil.copytree(tmp_path / "saved", tmp_path / "elsewhere")
    loaded = spacy.load(tmp_path / "elsewhere")
    quotes = loaded.get_pipe("newsextract_quotes")(_he_muttered())._.ne_quotes
    assert [(q.cue, q.speaker_text) for q in quotes] == [("muttered", "He")]
    plain = spacy.blank("en")
    plain.add_pipe("newsextract_quotes")
    assert [q.cue for q in plain.get_pipe("newsextract_quotes")(_he_muttered())._.ne_quotes] == [None]


def test_the_component_holds_no_article_state():
    """Everything per article lives on a DocState: the component keeps its settings and tables."""
    component = QuoteExtractor(spacy.blank("en"))
    before = dict(vars(component))
    component(_he_muttered())
    assert vars(component) == before


def test_record_offsets_ids_and_fields(extractor):
    text = ("UNITED NATIONS — The envoy spoke after the vote.\n\n"
            "“We will fight as long as we can,” said Foreign Minister Elena Petrova. "
            "She added that the vote was “a clear message to the world”.")
    record = extractor.extract(text, id="t1")
    assert [q.id for q in record.quotes] == [f"Q{i}" for i in range(1, len(record.quotes) + 1)]
    for q in record.quotes:
        assert record.text[q.start:q.end] == q.text
        assert record.text[q.evidence.start:q.evidence.end] == q.evidence.text
        if q.speaker_start is not None:
            assert record.text[q.speaker_start:q.speaker_end] == q.speaker_text
        assert 0 <= q.confidence <= 1
    first, second = record.quotes
    assert first.speaker is not None and first.speaker.name == "Elena Petrova"
    assert first.is_partial is False
    assert second.is_partial is True
    assert second.speaker is not None and second.speaker.name == "Elena Petrova"
    assert second.speaker_text == "She"
