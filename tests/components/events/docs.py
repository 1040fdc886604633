"""Hand-built parsed Docs, for tests that do not depend on the statistical model.

A token row is (word, lemma, pos, tag, dep, head): `head` is the index of the head
token in the row list (a root points at itself). Entities are given as
{name: (type, first token, end token)}; the Doc carries them as the entities
component would leave them.
"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsextract.schema import Entity, EntityAttributes, Evidence, Mention, RoleEvidence

VOCAB = spacy.blank("en").vocab
NO_SPACE_BEFORE = {".", ",", "'s", "n't", "-"}


def build_doc(rows: list[tuple]) -> Doc:
    words = [r[0] for r in rows]
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and not w.isspace() and not nxt.isspace() and nxt not in NO_SPACE_BEFORE
                      and w != "-")
    return Doc(VOCAB, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[r[5] for r in rows])


def entities_of(doc: Doc, entities: dict, roles: dict | None = None) -> list[Entity]:
    out = []
    for k, (name, spec) in enumerate(entities.items(), 1):
        etype, start, end, *iso = spec
        span = doc[start:end]
        mention = Mention(text=span.text, start=span.start_char, end=span.end_char)
        ent = Entity(id=f"E{k}", name=name, type=etype, mentions=[mention], roles=(roles or {}).get(name, []),
                     attributes=EntityAttributes(iso_alpha2=iso[0] if iso else None))
        if "MEDIATOR" in ent.roles:
            ent.role_evidence = [RoleEvidence(role="MEDIATOR", evidence=Evidence(
                text=mention.text, start=mention.start, end=mention.end))]
        out.append(ent)
    return out


