"""Running the whole pipeline on a sentence, for rules that depend on the parse."""
from __future__ import annotations


def quotes_of(nlp, text, regions=()):
    doc = nlp.make_doc(text)
    doc._.ne_regions = list(regions)
    doc._.ne_warnings = []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc, doc._.ne_quotes


def speaker(q):
    return q.speaker.name if q.speaker is not None else None
