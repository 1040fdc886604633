"""One article's state in the mediator component: its sentences, its entities
and their mentions, and each sentence masked for the patterns (every entity
mention replaced by ⟨entity id⟩, every demonym by ⟨D:ISO⟩)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...schema import Entity
from ...spans import doc_text
from ...text.demonyms import Demonyms

# the entity types that can mediate; a PLACE never does
MEDIATOR_TYPES = ("COUNTRY", "ORGANIZATION", "PERSON")
# regions the cleaner marked where no sentence is evidence of a role
EXCLUDED_REGIONS = frozenset({"chrome", "credit", "byline", "dateline"})
MARKER = re.compile(r"⟨([A-Z]+\d*|D:[A-Z]{2})⟩")
DEMONYM_PREFIX = "D:"


class MediatorArticle:
    """Per-Doc state, made once per Doc; `entities` is the Doc's own list, which a
    demonym naming a mediator may extend."""

    def __init__(self, doc: Doc, demonyms: Demonyms):
        self.doc = doc
        self.text = doc_text(doc)
        self.demonyms = demonyms
        self.sents = list(doc.sents) if doc.has_annotation("SENT_START") or len(doc) == 0 else [doc[:]]
        self.entities: list[Entity] = doc._.ne_entities if doc._.ne_entities is not None else []
        self.by_id = {e.id: e for e in self.entities}
        # the mentions of entities that can mediate, as they were before this component ran
        self.mentions = sorted(((m.start, m.end, e.id) for e in self.entities if e.type in MEDIATOR_TYPES
                                for m in e.mentions), key=lambda s: (s[0], -s[1]))

    def wholly_excluded(self, start_char: int, end_char: int) -> bool:
        """Whether [start_char, end_char), trimmed, lies inside chrome, a credit, a byline or a dateline."""
        text = self.text[start_char:end_char]
        lead = len(text) - len(text.lstrip())
        start_char, end_char = start_char + lead, start_char + len(text.rstrip())
        for kind, rs, re_ in self.doc._.ne_regions or ():
            if kind in EXCLUDED_REGIONS and rs <= start_char and end_char <= re_:
                return True
        return False

    def masked(self, sent: Span) -> tuple[str, dict]:
        """The sentence with each entity mention replaced by ⟨entity id⟩ and each
        demonym by ⟨D:ISO⟩, and where those demonyms are (⟨D:ISO⟩ -> first span)."""
        kept, last_end = [], -1
        for s in self.mentions:
            if sent.start_char <= s[0] and s[1] <= sent.end_char and s[0] >= last_end:
                kept.append(s)
                last_end = s[1]
        demonyms = {}
        for tok in sent:
            if tok.is_title and not any(s[0] <= tok.idx < s[1] for s in kept):
                iso = self.demonyms.country(tok.text)
                if iso:
                    kept.append((tok.idx, tok.idx + len(tok.text), DEMONYM_PREFIX + iso))
                    demonyms.setdefault(DEMONYM_PREFIX + iso, (tok.idx, tok.idx + len(tok.text)))
        kept.sort()
        pieces, pos = [], sent.start_char
        for s, e, mk in kept:
            pieces.append(self.text[pos:s])
            pieces.append(f"⟨{mk}⟩")
            pos = e
        pieces.append(self.text[pos:sent.end_char])
        return "".join(pieces).replace("\n", " "), demonyms
