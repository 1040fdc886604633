"""Who mediated an event: the one place of the events component that decides it.

The mediators component (newsextract_mediators) finds who mediated, in which
sentence, from its regex patterns and its dependency cues ('brokered by X',
'X-mediated', 'thanks to the mediation of X'), and leaves the findings in
`doc._.ne_mediations`; here they are given to the events of those sentences (or
the ones next to them). A MEDIATOR without a sentence of its own goes to the
main story.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ...schema import EntityRef
from .article import ArticleEvents


def sentence_mediators(doc: Doc, sent_of: list[int], entities: list) -> tuple[dict[int, list], list]:
    """The actual mediators of each sentence (segment index -> entities, the one the
    article names first first), and the MEDIATOR entities with no sentence of their own."""
    by_id = {e.id: e for e in entities}
    order = {e.id: k for k, e in enumerate(entities)}
    by_sent: dict[int, list] = {}
    for found in doc._.ne_mediations or ():
        e = by_id.get(found.entity_id)
        if e is None or found.status != "actual":
            continue
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or not len(span) or sent_of[span.root.i] < 0:
            continue
        told = by_sent.setdefault(sent_of[span.root.i], [])
        if e not in told:
            told.append(e)
    for told in by_sent.values():
        told.sort(key=lambda e: order[e.id])
    placed = {e.id for told in by_sent.values() for e in told}
    article_level = [e for e in entities if "MEDIATOR" in (e.roles or []) and e.id not in placed]
    return by_sent, article_level


def event_mediator(art: ArticleEvents, etype: str, mentions: list, everything: list) -> Optional[object]:
    """The mediator of one event: named in one of its sentences, else in a sentence
    next to one."""
    if etype not in art.lex.mediated_types:
        return None
    for m in everything:
        if m.mediators:
            return m.mediators[0]
    for m in mentions:
        for sj in (m.sent_i - 1, m.sent_i + 1):
            if art.mediators_by_sent.get(sj):
                return art.mediators_by_sent[sj][0]
    return None


def give_article_mediator(art: ArticleEvents, events: list, article_level: list) -> None:
    """An article-level mediator goes to the main asserted event of the first mediated
    type the article reports, and leaves its participants."""
    if not article_level:
        return
    for etype in art.lex.mediated_types:
        main = next((ev for ev in events if ev.type == etype and ev.mediator is None and ev.modality == "asserted"), None)
        if main is not None:
            e = article_level[0]
            main.mediator = EntityRef(entity_id=e.id, name=e.name)
            main.participants = [p for p in main.participants if p.entity_id != e.id]
            return
