"""`run`: the full pipeline's entities of a text, every mention checked against the text."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def run(nlp):
    def entities(text: str):
        doc = nlp(text)
        for ent in doc._.ne_entities:
            for m in ent.mentions:
                assert doc.text[m.start:m.end] == m.text
        return doc._.ne_entities
    return entities
