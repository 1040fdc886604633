"""The per-article state of the events component over a hand-built Doc (see docs.py)."""
from __future__ import annotations

import pytest

from newsextract.components.events.article import ArticleEvents, EventSettings
from newsextract.components.events.lexicon import EventLexicon
from newsextract.components.events.tables import EventsTable
from newsextract.text.demonyms import load_demonyms
from newsextract.text.tables import load_table

from .docs import build_doc, entities_of


@pytest.fixture(scope="session")
def lexicon() -> EventLexicon:
    return EventLexicon(load_table("events.json", EventsTable))


@pytest.fixture(scope="session")
def article(lexicon):
    """The state of the events component over a hand-built Doc."""

    def make(rows, entities=None, claims=(), published="2023-02-04", roles=None) -> ArticleEvents:
        doc = build_doc(rows)
        doc._.ne_published, doc._.ne_regions = published, []
        doc._.ne_entities = entities_of(doc, entities or {}, roles)
        doc._.ne_claims = list(claims)
        return ArticleEvents(lexicon, EventSettings(), load_demonyms().country, doc)

    return make
