"""The dependency entry point of the mediators component, on hand-built parses."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsextract.components.mediators.cues import entity_tokens, load_cues, segment_cues
from newsextract.schema import Entity, EntityAttributes, Mention
from newsextract.text.segments import segments
from newsextract.text.tree import LocalTree

VOCAB = spacy.blank("en").vocab
P = (".", ".", "PUNCT", ".", "punct")


def parsed(rows: list[tuple], names: dict[str, tuple]) -> tuple[Doc, list[Entity]]:
    """A Doc from (word, lemma, pos, tag, dep, head) rows, and entities {name: (type, start, end)}."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", "-") and w != "-" for i, w in enumerate(words)]
    doc = Doc(VOCAB, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[r[5] for r in rows])
    doc._.ne_regions = []
    ents = []
    for k, (name, (etype, start, end)) in enumerate(names.items(), 1):
        span = doc[start:end]
        ents.append(Entity(id=f"E{k}", name=name, type=etype, attributes=EntityAttributes(),
                           mentions=[Mention(text=span.text, start=span.start_char, end=span.end_char)]))
    return doc, ents


def found(rows, names) -> dict[str, str]:
    doc, ents = parsed(rows, names)
    segs = segments(doc)
    by_id = {e.id: e.name for e in ents}
    out = segment_cues(load_cues(), LocalTree(doc, segs), doc, entity_tokens(doc, ents), segs[0])
    return {by_id[k]: v for k, v in out.items()}


def brokered(aux: str | None) -> list[tuple]:
    """'The swap was [AUX] brokered by Qatar.'"""
    rows = [("The", "the", "DET", "DT", "det", 1), ("swap", "swap", "NOUN", "NN", "nsubjpass", 4),
            ("was", "be", "AUX", "VBD", "auxpass", 4), (aux or "", aux or "", "PART", "RB", "", 4),
            ("brokered", "broker", "VERB", "VBN", "ROOT", 4), ("by", "by", "ADP", "IN", "agent", 4),
            ("Qatar", "Qatar", "PROPN", "NNP", "pobj", 5), P + (4,)]
    if aux is None:
        return [(w, lem, pos, tag, dep, h - (h > 3)) for k, (w, lem, pos, tag, dep, h) in enumerate(rows) if k != 3]
    dep = "neg" if aux == "not" else "aux"
    return [r if k != 3 else r[:4] + (dep, 4) for k, r in enumerate(rows)]


@pytest.mark.parametrize("aux, expected", [(None, {"Qatar": "actual"}), ("not", {}), ("will", {"Qatar": "proposed"})])
def test_brokered_by(aux, expected):
    rows = brokered(aux)
    qatar = next(i for i, r in enumerate(rows) if r[0] == "Qatar")
    assert found(rows, {"Qatar": ("COUNTRY", qatar, qatar + 1)}) == expected


@pytest.mark.parametrize("suffix, noun, expected", [
    ("mediated", "deal", {"Qatar": "actual"}),
    ("backed", "deal", {"Qatar": "actual"}),
    ("backed", "militia", {}),  # 'a Qatar-backed militia': support, not mediation
])
def test_hyphenated_cue(suffix, noun, expected):
    rows = [("A", "a", "DET", "DT", "det", 4), ("Qatar", "Qatar", "PROPN", "NNP", "npadvmod", 3),
            ("-", "-", "PUNCT", "HYPH", "punct", 3), (suffix, suffix[:-1], "VERB", "VBN", "amod", 4),
            (noun, noun, "NOUN", "NN", "nsubj", 5), ("held", "hold", "VERB", "VBD", "ROOT", 5), P + (5,)]
    assert found(rows, {"Qatar": ("COUNTRY", 1, 2)}) == expected


def test_the_owner_of_a_mediation_noun_not_a_place_in_its_phrase():
    """'talks mediated by Norland's envoy to Sudara, Ana Vel' names Norland's side, not Sudara."""
    rows = [("Talks", "talk", "NOUN", "NNS", "ROOT", 0), ("mediated", "mediate", "VERB", "VBN", "acl", 0),
            ("by", "by", "ADP", "IN", "agent", 1), ("Norland", "Norland", "PROPN", "NNP", "poss", 5),
            ("'s", "'s", "PART", "POS", "case", 3), ("envoy", "envoy", "NOUN", "NN", "pobj", 2),
            ("to", "to", "ADP", "IN", "prep", 5), ("Sudara", "Sudara", "PROPN", "NNP", "pobj", 6), P + (0,)]
    assert found(rows, {"Norland": ("COUNTRY", 3, 4), "Sudara": ("COUNTRY", 7, 8)}) == {"Norland": "actual"}


@pytest.mark.parametrize("object_noun, expected", [("talks", {"Norland": "actual"}), ("economy", {})])
def test_a_vague_noun_needs_a_process_word(object_noun, expected):
    """'Norland's role in the talks' is mediation; 'Norland's role in the economy' is not."""
    rows = [("Norland", "Norland", "PROPN", "NNP", "poss", 2), ("'s", "'s", "PART", "POS", "case", 0),
            ("role", "role", "NOUN", "NN", "nsubj", 6), ("in", "in", "ADP", "IN", "prep", 2),
            ("the", "the", "DET", "DT", "det", 5), (object_noun, object_noun, "NOUN", "NN", "pobj", 3),
            ("grew", "grow", "VERB", "VBD", "ROOT", 6), P + (6,)]
    assert found(rows, {"Norland": ("COUNTRY", 0, 1)}) == expected


@pytest.mark.parametrize("obj, expected", [("release", {"Oman": "actual"}), ("contract", {})])
def test_securing_a_release_is_mediating_it(obj, expected):
    """'Oman secured the release of the sailors.'"""
    rows = [("Oman", "Oman", "PROPN", "NNP", "nsubj", 1), ("secured", "secure", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 3), (obj, obj, "NOUN", "NN", "dobj", 1),
            ("of", "of", "ADP", "IN", "prep", 3), ("the", "the", "DET", "DT", "det", 6),
            ("sailors", "sailor", "NOUN", "NNS", "pobj", 4), P + (1,)]
    assert found(rows, {"Oman": ("COUNTRY", 0, 1)}) == expected
