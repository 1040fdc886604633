"""Who mediated an event: the one place of the events component that decides it.

Two sources: cues in the event's own sentences ('brokered by X', 'X-mediated',
'thanks to the mediation of X', 'X acted as an intermediary'), and the MEDIATOR
role the entities component gives an entity (with the sentence it read it in).
An article-level mediator without a sentence goes to the main story.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...schema import EntityRef
from .article import ArticleEvents
from .modality import modal_children


def cue_mediators(art: ArticleEvents, si: int) -> list:
    """Entities a sentence says brokered, mediated or facilitated something (per sentence, cached)."""
    if si not in art.mediator_cache:
        art.mediator_cache[si] = _cue_mediators(art, si)
    return art.mediator_cache[si]


def _cue_mediators(art: ArticleEvents, si: int) -> list:
    lex, tree, doc = art.lex, art.tree, art.doc
    found = []
    sent = art.sents[si]
    for t in sent:
        lemma = t.lemma_.lower()
        cands: list[Token] = []
        if lemma in lex.mediation_passive:
            for c in tree.children(t):
                if c.dep_ == "agent":
                    objs = [g for g in tree.children(c) if g.dep_ == "pobj"]
                    # the object may hang in another line: take the name right after 'by'
                    cands += objs or [x for x in doc[c.i + 1:min(c.i + 4, sent.end)] if x.i in art.entity_at][:1]
            if lemma in lex.mediation_agentive and t.pos_ == "VERB":
                cands += [c for c in tree.children(t) if c.dep_ == "nsubj"]
        elif lemma in lex.mediation_nouns and t.pos_ == "NOUN":
            for c in tree.children(t):
                if c.dep_ == "poss":
                    cands.append(c)
                elif c.dep_ == "prep" and c.lower_ in lex.mediation_owner_preps:
                    cands += [g for g in tree.children(c) if g.dep_ == "pobj"]
            if t.dep_ == "pobj" and tree.head(t).lower_ in lex.acting_as_preps and lemma in lex.acting_as_nouns:
                verb = tree.head(tree.head(t))  # 'X acted as an intermediary'
                cands += [c for c in tree.children(verb) if c.dep_ == "nsubj"]
                if modal_children(art, verb, first=False):
                    continue
        elif ("-" in t.text and t.lower_.rsplit("-", 1)[-1] in lex.mediation_suffixes) or (
                t.lower_ in lex.mediation_suffixes and t.i >= 2 and t.nbor(-1).text in ("-", "–")):
            prev = t.i - 2 if t.lower_ in lex.mediation_suffixes else t.i
            cands.append(doc[prev])
        if not cands or modal_children(art, t, first=False):
            continue
        for c in cands:
            for x in [c] + [y for y in tree.children(c) if y.dep_ == "conj"]:
                e = art.entity_at.get(x.i)
                if e is None:
                    e = next((art.entity_at[y.i] for y in tree.subtree(x) if y.i in art.entity_at), None)
                if e is not None and e not in found:
                    found.append(e)
    return found


def role_mediators(art: ArticleEvents) -> tuple[dict[int, object], list]:
    """Entities the entities component read as actual MEDIATORs: by the sentence of
    their evidence, and those of the whole article (with no sentence of their own)."""
    by_sent: dict[int, object] = {}
    for e in art.entities:
        if "MEDIATOR" not in (e.roles or []):
            continue
        for r in e.role_evidence:
            if r.role == "MEDIATOR" and r.status == "actual":
                span = art.doc.char_span(r.evidence.start, r.evidence.end, alignment_mode="expand")
                if span is not None and len(span):
                    by_sent.setdefault(art.sent_of[span.root.i], e)
    article_level = [e for e in art.entities if "MEDIATOR" in (e.roles or []) and e not in by_sent.values()]
    return by_sent, article_level


def event_mediator(art: ArticleEvents, etype: str, mentions: list, everything: list, by_sent: dict) -> Optional[object]:
    """The mediator of one event: named in one of its sentences by a cue, else a role
    mediator of its sentences or the ones next to them."""
    if etype not in art.lex.mediated_types:
        return None
    for m in everything:
        if m.mediators:
            return m.mediators[0]
    for m in mentions:
        for sj in (m.sent_i, m.sent_i - 1, m.sent_i + 1):
            if sj in by_sent:
                return by_sent[sj]
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
