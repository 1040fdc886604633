"""The newsextract_mediators component on Docs built by hand (sentences and
entities given: no statistical model), and its tables on disk."""
from __future__ import annotations

import json
import re

import pytest
import spacy
from spacy.tokens import Doc

import newsextract.components.entities  # noqa: F401  (registers newsextract_entities)
from newsextract.components.mediators import MediatorRoles  # registers the factory
from newsextract.schema import Entity, EntityAttributes, Mention

from ..lookup import find


def article(text: str, names: dict[str, str]) -> Doc:
    """A Doc of `text` (sentences end at ". "), and its entities: every occurrence
    of each name in `names` (name -> type) is a mention."""
    words = re.findall(r"\w+(?:-\w+)*|[^\w\s]", text)
    spaces, pos = [], 0
    for w in words:
        pos = text.index(w, pos) + len(w)
        spaces.append(text[pos:pos + 1] == " ")
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)
    entities = []
    for name, etype in names.items():
        mentions = [Mention(text=name, start=m.start(), end=m.end()) for m in re.finditer(re.escape(name), doc.text)]
        entities.append(Entity(id=f"E{len(entities) + 1}", name=name, type=etype, mentions=mentions,
                               attributes=EntityAttributes()))
    doc._.ne_entities = entities
    return doc


@pytest.fixture(scope="module")
def mediators():
    return MediatorRoles(spacy.blank("en"), "newsextract_mediators")


@pytest.mark.parametrize("text, names, roles", [
    ("Russia and Ukraine swapped prisoners in a deal brokered by Qatar.",
     {"Russia": "COUNTRY", "Ukraine": "COUNTRY", "Qatar": "COUNTRY"}, {"Qatar": ["MEDIATOR"]}),
    ("Turkey offered to mediate between the two sides.", {"Turkey": "COUNTRY"}, {"Turkey": ["PROPOSED_MEDIATOR"]}),
    ("Turkey offered to mediate. Turkey also mediated the talks.", {"Turkey": "COUNTRY"}, {"Turkey": ["MEDIATOR"]}),
    ("Germany pledged aid at the donor conference hosted by France.", {"Germany": "COUNTRY", "France": "COUNTRY"}, {}),
    ("The swap was brokered by Geneva.", {"Geneva": "PLACE"}, {}),
])
def test_roles_from_the_patterns(mediators, text, names, roles):
    doc = mediators(article(text, names))
    assert {e.name: e.roles for e in doc._.ne_entities if e.roles} == roles
    for e in doc._.ne_entities:
        for r in e.role_evidence:
            assert doc.text[r.evidence.start:r.evidence.end] == r.evidence.text


def test_a_demonym_naming_a_mediator_adds_its_country(mediators):
    doc = mediators(article("Egyptian mediators said Hamas had accepted the proposal.", {"Hamas": "ORGANIZATION"}))
    egypt = find(doc._.ne_entities, "Egypt")
    assert egypt is not None and egypt.id == "E2" and egypt.type == "COUNTRY"
    assert egypt.roles == ["MEDIATOR"] and egypt.aliases == ["Egyptian"]
    assert (egypt.attributes.iso_alpha2, egypt.attributes.iso_alpha3) == ("EG", "EGY")
    assert [(m.start, m.end) for m in egypt.mentions] == [(0, 8)]


def test_factory_declares_what_it_assigns_and_requires():
    meta = spacy.Language.get_factory_meta("newsextract_mediators")
    assert meta.assigns == ["doc._.ne_entities", "doc._.ne_mediations"] and "doc._.ne_entities" in meta.requires


@pytest.mark.parametrize("text, names, expected", [
    ("Russia and Ukraine swapped prisoners in a deal brokered by Qatar.",
     {"Russia": "COUNTRY", "Ukraine": "COUNTRY", "Qatar": "COUNTRY"}, [("Qatar", "actual", "pattern")]),
    ("Turkey offered to mediate between the two sides.", {"Turkey": "COUNTRY"}, [("Turkey", "proposed", "pattern")]),
    ("The two sides met in Rome.", {"Rome": "PLACE"}, []),
])
def test_every_finding_goes_to_the_doc_with_its_sentence(mediators, text, names, expected):
    doc = mediators(article(text, names))
    by_id = {e.id: e.name for e in doc._.ne_entities}
    assert [(by_id[m.entity_id], m.status, m.source) for m in doc._.ne_mediations] == expected
    for m in doc._.ne_mediations:
        assert doc.text[m.start:m.end] == text


def test_a_customised_pattern_travels_with_the_saved_pipeline(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsextract_entities")
    nlp.add_pipe("newsextract_mediators")
    text = "The parties met in Geneva, and Norway paid for the talks."
    assert not find(nlp(text)._.ne_entities, "Norway").roles
    nlp.to_disk(tmp_path / "saved")
    path = tmp_path / "saved" / "newsextract_mediators" / "entities_mediators.json"
    table = json.loads(path.read_text("utf-8"))
    table["prefilter"] += "|paid for"
    table["patterns"].append({"id": "paid_for", "regex": "{M}\\s+paid\\s+for\\s+the\\s+talks"})
    path.write_text(json.dumps(table), "utf-8")
    assert (tmp_path / "saved" / "newsextract_mediators" / "mediators_cues.json").is_file()
    loaded = spacy.load(tmp_path / "saved")
    assert find(loaded(text)._.ne_entities, "Norway").roles == ["MEDIATOR"]
    assert not find(nlp(text)._.ne_entities, "Norway").roles
