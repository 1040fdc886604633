"""Typed event records: triggers from models/events.json, arguments from the
entities of the trigger's sentence."""
from __future__ import annotations

import json
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .schema import EVENT_MODELS, Participant
from .spans import evidence, in_caption


def load_table(name: str = "events.json") -> dict:
    return json.loads(resources.files("newsextract.models").joinpath(name).read_text("utf-8"))


class EventExtractor:
    def __init__(self, nlp: Language, name: str):
        table = load_table()
        self.cameo = table["cameo"]
        self.trigger_type = {lemma: etype for etype, lemmas in table["triggers"].items() for lemma in lemmas}

    def __call__(self, doc: Doc) -> Doc:
        events, seen = [], set()
        ents = doc._.ne_entities or []
        for tok in doc:
            etype = self.trigger_type.get(tok.lemma_.lower())
            if etype is None or etype in seen or in_caption(doc, tok.idx):
                continue
            seen.add(etype)
            sent = tok.sent
            parts = [Participant(entity_id=e.id, name=e.name, role="participant") for e in ents
                     if any(sent.start_char <= m.start < sent.end_char for m in e.mentions)]
            events.append(EVENT_MODELS[etype](
                id=f"V{len(events) + 1}", trigger=tok.text, participants=parts,
                evidence=[evidence(doc, sent)], cameo=self.cameo.get(etype)))
        doc._.ne_events = events
        return doc


@Language.factory("newsextract_events", default_config={})
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)
