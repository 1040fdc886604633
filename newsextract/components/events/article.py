"""The per-article state of the events component: one object per Doc.

It holds what the earlier components left on the Doc, indexed by segment
(entities, numeric claims, dates), the segment-local parse, and the few facts
the stages learn as they go (event types told so far, the main story's type).
The component object itself only holds what was loaded at construction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from ...spans import doc_text, in_caption
from ...text.dates import find_dates
from ...text.segments import segment_index, segments
from .lexicon import EventLexicon
from .mentions import Mention, dates_compatible
from .tree import LocalTree


@dataclass(frozen=True)
class EventSettings:
    """The component's numeric settings (its config)."""

    lede_sentences: int = 3
    max_participants: int = 4
    participant_distance: int = 5
    main_date_slack: int = 7


class ArticleEvents:
    """What the events component knows about one article while it works on it."""

    def __init__(self, lex: EventLexicon, settings: EventSettings, demonym: Callable[[str], Optional[str]], doc: Doc):
        self.lex, self.settings, self.demonym, self.doc = lex, settings, demonym, doc
        self.published = doc._.ne_published
        self.sents = segments(doc)
        self.tree = LocalTree(doc, self.sents)
        self.sent_of = segment_index(doc, self.sents)
        self.sent_words: dict[int, frozenset] = {}
        self.entities = list(doc._.ne_entities or [])
        self.entity_at: dict[int, object] = {}
        self.sent_entities: dict[int, list] = {}
        for e in self.entities:
            for m in e.mentions:
                if m.in_caption or in_caption(doc, m.start, m.end):
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                for t in span:
                    self.entity_at.setdefault(t.i, e)
                self.sent_entities.setdefault(self.sent_of[span.root.i], []).append((e, span.root))
        self.sent_claims: dict[int, list] = {}
        for c in doc._.ne_claims or []:
            if c.in_caption or c.negated or c.hypothetical or in_caption(doc, c.start, c.end):
                continue
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            self.sent_claims.setdefault(self.sent_of[span.root.i], []).append((c, span.root))
        self.sent_dates: dict[int, list] = {}
        for d in find_dates(doc_text(doc)):
            if in_caption(doc, d.start, d.end):
                continue
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            self.sent_dates.setdefault(self.sent_of[span.root.i], []).append((d, span.root))
        self.lede = self._lede_sentences()
        self.entity_by_id = {e.id: e for e in self.entities}
        self.country_by_iso = {e.attributes.iso_alpha2: e for e in self.entities
                               if e.type == "COUNTRY" and e.attributes.iso_alpha2}
        self.types_seen: set[str] = set()
        self.mediator_cache: dict[int, list] = {}
        self.main_type: Optional[str] = None

    def _lede_sentences(self) -> set[int]:
        """The headline and the first sentences of the body: where the main news is told."""
        lede = set()
        for si, s in enumerate(self.sents):
            if len(lede) >= self.settings.lede_sentences:
                break
            words = [t for t in s if t.is_alpha]
            if len(words) < 4 or in_caption(self.doc, s.start_char, s.end_char):
                continue
            lede.add(si)
        return lede

    def words_of(self, si: int) -> frozenset:
        """Lemmas and lower-cased forms of a sentence and the one before it."""
        if si not in self.sent_words:
            words = set()
            for sj in (si - 1, si):
                if sj >= 0:
                    for t in self.sents[sj]:
                        words.add(t.lemma_.lower())
                        words.add(t.lower_)
            self.sent_words[si] = frozenset(words)
        return self.sent_words[si]

    # ------------------------------------------------------------------ where a mention is told
    def in_subclause(self, m: Mention) -> bool:
        """Inside an adverbial or relative clause ('after the ceasefire expired')."""
        t, steps = m.token, 0
        while steps < 8:
            if self.tree.dep(t) in ("advcl", "relcl", "acl"):
                return True
            h = self.tree.head(t)
            if h.i == t.i:
                return False
            t, steps = h, steps + 1
        return False

    def is_descriptive(self, m: Mention) -> bool:
        """'the detained Americans', 'freed Russians': a participle describing people, not telling an event."""
        return m.token.tag_ == "VBN" and self.tree.dep(m.token) in ("amod", "acl") and not any(
            c.dep_ == "agent" for c in self.tree.children(m.token))

    def is_subordinate(self, m: Mention) -> bool:
        """Told in a modifying clause or phrase ('the girls kidnapped by X', 'since the war'),
        not as what the sentence reports."""
        return self.tree.dep(m.token) in ("acl", "relcl", "amod", "advcl", "pcomp") or self.is_descriptive(m)

    def has_agent(self, m: Mention) -> bool:
        """Someone (not a storm or a quake) does what the trigger tells."""
        tok = m.token
        for c in self.tree.children(tok):
            if c.dep_ == "agent" or (c.dep_ == "poss") or (c.dep_ == "prep" and c.lower_ in self.lex.agent_preps):
                objs = [g for g in self.tree.children(c) if g.dep_ == "pobj"] if c.dep_ != "poss" else [c]
                if any(o.lemma_.lower() not in self.lex.disaster_words for o in objs):
                    return True
            if c.dep_ == "nsubj" and c.lemma_.lower() not in self.lex.disaster_words:
                return True
        return False

    def between_sides(self, tok: Token) -> bool:
        """'talks between X and Y', 'negotiations with X'."""
        for c in self.tree.children(tok):
            if c.dep_ == "prep" and c.lower_ in self.lex.between_preps:
                return any(g.dep_ == "pobj" for g in self.tree.children(c))
        return False

    def is_main_date(self, iso: Optional[str]) -> bool:
        """A date close enough to publication (the week before it) to be the article's main news."""
        if iso is None or self.published is None:
            return iso is None
        if len(iso) == 10:
            return iso <= self.published and dates_compatible(iso, self.published, self.settings.main_date_slack)
        return dates_compatible(iso, self.published)
