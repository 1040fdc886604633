"""Running the whole pipeline on a sentence, for rules that depend on the parse."""
from __future__ import annotations

import re

from newsextract.schema import Entity, Mention


def quotes_of(nlp, text, regions=()):
    doc = nlp.make_doc(text)
    doc._.ne_regions = list(regions)
    doc._.ne_warnings = []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc, doc._.ne_quotes


def speaker(q):
    return q.speaker.name if q.speaker is not None else None


def quotes_with_entities(nlp, text, entities):
    """The quotes of a text whose entities are the ones given, (name, type, [surface...]),
    each surface a mention at every place it is written: for rules that must hold whatever
    the entities stage says."""
    doc = nlp.make_doc(text)
    doc._.ne_regions = []
    doc._.ne_warnings = []
    for name, proc in nlp.pipeline:
        if name == "newsextract_quotes":
            doc._.ne_entities = [_entity(f"E{k}", text, *row) for k, row in enumerate(entities, 1)]
        doc = proc(doc)
    return doc, doc._.ne_quotes


def _entity(eid, text, name, etype, surfaces):
    mentions = []
    for surface in surfaces:
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", text):
            mentions.append(Mention(text=surface, start=m.start(), end=m.end()))
    return Entity(id=eid, name=name, type=etype, mentions=sorted(mentions, key=lambda m: m.start))
