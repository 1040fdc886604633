"""The newsextract_entities component: its settings, Docs built by hand (no
statistical model: the spans are given), robustness, and its tables on disk."""
from __future__ import annotations

import json
import random

import pytest
import spacy
from spacy.tokens import Doc

import newsextract.components.mediators  # noqa: F401  (registers newsextract_mediators)
from newsextract.components.entities import EntityRecognizer  # registers the factory

from ..lookup import find


def test_component_settings_turn_parts_off(base_nlp):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsextract_entities", config={"use_gazetteer_matches": True})
    doc = nlp("The deal brokered by Qatar freed prisoners held in Iran.")
    names = {e.name: e for e in doc._.ne_entities}
    assert {"Qatar", "Iran"} <= set(names)  # a blank model tags nothing: the gazetteer finds them
    assert names["Qatar"].roles == []  # roles are the mediator component's, not in this pipeline
    nlp.add_pipe("newsextract_mediators")
    assert "MEDIATOR" in {e.name: e for e in nlp("The deal brokered by Qatar freed prisoners.")._.ne_entities}["Qatar"].roles
    off = spacy.blank("en")
    off.add_pipe("sentencizer")
    off.add_pipe("newsextract_entities", config={"use_gazetteer_matches": False})
    assert off("The deal brokered by Qatar freed prisoners held in Iran.")._.ne_entities == []


def test_factory_declares_what_it_assigns_and_requires():
    meta = spacy.Language.get_factory_meta("newsextract_entities")
    assert meta.assigns == ["doc._.ne_entities"] and "doc.ents" in meta.requires


def hand_doc(vocab, tokens: list[tuple[str, str, str]]) -> Doc:
    """A Doc from (word, part of speech, entity IOB tag) rows, one sentence, a
    space after every word but before punctuation."""
    words = [w for w, _, _ in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", ")", "'s") and w != "(" for i, w in enumerate(words)]
    return Doc(vocab, words=words, spaces=spaces, pos=[p for _, p, _ in tokens], ents=[e for _, _, e in tokens],
               sent_starts=[True] + [False] * (len(words) - 1))


def tagged(sentence: str) -> list[tuple[str, str, str]]:
    """"President/PROPN/B-PERSON Joe/PROPN/I-PERSON met/VERB" -> rows (O when no tag)."""
    rows = []
    for item in sentence.split():
        word, pos, *ent = item.split("/")
        rows.append((word, pos, ent[0] if ent else "O"))
    return rows


@pytest.fixture(scope="module")
def recognizer():
    return EntityRecognizer(spacy.blank("en"), "newsextract_entities")


@pytest.mark.parametrize("sentence, name, etype, check", [
    ("President/PROPN/B-PERSON Joe/PROPN/I-PERSON Biden/PROPN/I-PERSON spoke/VERB ./PUNCT",
     "Joe Biden", "PERSON", lambda e: e.attributes.titles == ["President"] and e.attributes.gender == "male"),
    ("Shelling/NOUN hit/VERB Mariupol/PROPN/B-GPE and/CCONJ Kherson/PROPN/B-GPE ./PUNCT",
     "Kherson", "PLACE", lambda e: e.attributes.country_code == "UA"),
    ("Fighting/NOUN continued/VERB in/ADP Donetsk/PROPN/B-GPE region/NOUN ./PUNCT",
     "Donetsk region", "PLACE", lambda e: e.attributes.feature_kind == "region" and e.attributes.latitude is None),
    ("The/DET Yemen/PROPN/B-ORG Red/PROPN/I-ORG Crescent/PROPN/I-ORG Society/PROPN/I-ORG (/PUNCT YRCS/PROPN/B-ORG "
     ")/PUNCT sent/VERB volunteers/NOUN ./PUNCT",
     "Yemen Red Crescent Society", "ORGANIZATION", lambda e: e.aliases == ["YRCS"]),
    ("Omani/ADJ authorities/NOUN received/VERB them/PRON ./PUNCT",
     "Oman", "COUNTRY", lambda e: e.aliases == ["Omani authorities"] and e.attributes.iso_alpha2 == "OM"),
])
def test_hand_built_docs(recognizer, sentence, name, etype, check):
    doc = recognizer(hand_doc(spacy.blank("en").vocab, tagged(sentence)))
    ent = find(doc._.ne_entities, name)
    assert ent is not None and ent.type == etype and ent.name == name
    assert check(ent)
    assert [e.id for e in doc._.ne_entities] == [f"E{i}" for i in range(1, len(doc._.ne_entities) + 1)]


def test_the_same_article_gives_the_same_entities_whatever_came_before(recognizer):
    vocab = spacy.blank("en").vocab
    first = tagged("Shelling/NOUN hit/VERB Mariupol/PROPN/B-GPE and/CCONJ Kherson/PROPN/B-GPE ./PUNCT")
    other = tagged("President/PROPN/B-PERSON Joe/PROPN/I-PERSON Biden/PROPN/I-PERSON spoke/VERB ./PUNCT")
    alone = recognizer(hand_doc(vocab, first))._.ne_entities
    recognizer(hand_doc(vocab, other))
    again = recognizer(hand_doc(vocab, first))._.ne_entities
    assert [e.model_dump() for e in again] == [e.model_dump() for e in alone]


def test_a_customised_table_travels_with_the_saved_pipeline(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsextract_entities")
    text = "The deal brokered by Qatar freed prisoners held by the Forest Watchers Front in Iran."
    before = {e.name for e in nlp(text)._.ne_entities}
    assert "Qatar" in before and "Forest Watchers Front" not in before
    nlp.to_disk(tmp_path / "saved")
    folder = tmp_path / "saved" / "newsextract_entities"
    bodies = json.loads((folder / "entities_bodies.json").read_text("utf-8"))
    bodies["non_entities"].append("Qatar")
    (folder / "entities_bodies.json").write_text(json.dumps(bodies), "utf-8")
    orgs = json.loads((folder / "gazetteer_orgs.json").read_text("utf-8"))
    orgs["orgs"].append({"name": "Forest Watchers Front", "aliases": ["FWF"], "kind": "armed_group"})
    (folder / "gazetteer_orgs.json").write_text(json.dumps(orgs), "utf-8")
    loaded = spacy.load(tmp_path / "saved")
    after = {e.name: e for e in loaded(text)._.ne_entities}
    assert "Qatar" not in after and "Iran" in after
    assert after["Forest Watchers Front"].type == "ORGANIZATION"
    assert {e.name for e in nlp(text)._.ne_entities} == before  # the packaged tables are untouched


def test_a_misspelled_key_in_a_table_fails_at_load(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsextract_entities")
    nlp.to_disk(tmp_path / "saved")
    path = tmp_path / "saved" / "newsextract_entities" / "entities_context.json"
    context = json.loads(path.read_text("utf-8"))
    context["motion_word"] = context.pop("motion_words")
    path.write_text(json.dumps(context), "utf-8")
    with pytest.raises(ValueError, match="entities_context.json"):
        spacy.load(tmp_path / "saved")


def test_messy_text_never_breaks_offsets(nlp):
    """Word soup from the vocabulary the rules look at: no exception, every mention
    slices to its own text, every id is unique."""
    vocab = ["Russia", "'s", "the", "ministry", "(", ")", "UAE", "brokered", "by", "Qatar", ",", "and", "Moscow",
             "said", "\n", "President", "von", "der", "Leyen", "Ursula", "-", "mediated", "Georgia", "Jordan", "of",
             "government", "capital", "Kyiv", "Gulf", "country", "ICRC", "Red", "Cross", "region", "Donetsk",
             "plant", "steel", "Azovstal", "Mr", "ʼs", ".", "—", "By", "MOSCOW", "Reuters", "thanks", "to"]
    rng = random.Random(7)
    texts = ["", "\n\n", "(UAE)", "the Gulf country said", "By\n"] + [
        " ".join(rng.choices(vocab, k=rng.randint(1, 30))) for _ in range(40)]
    for doc in nlp.pipe(texts):
        ids = [e.id for e in doc._.ne_entities]
        assert len(ids) == len(set(ids))
        for ent in doc._.ne_entities:
            assert ent.mentions
            for m in ent.mentions:
                assert doc.text[m.start:m.end] == m.text


def test_the_pipeline_order_satisfies_what_the_components_require(nlp):
    names = nlp.pipe_names
    assert names.index("newsextract_mediators") == names.index("newsextract_entities") + 1
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems["newsextract_entities"] == [] and problems["newsextract_mediators"] == []
