"""One article on its way through the entity component: a `Candidate` per
mention, and the `EntityArticle` every step reads (the Doc, its text and words,
computed once per Doc, and the tables and gazetteer of the component)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from ...gazetteer import Gazetteer
from ...schema import Entity
from ...spans import doc_text
from .tables import EntityTables, word

# regions the cleaner marked that hold no entity mentions (page chrome, credits, bylines)
EXCLUDED_REGIONS = frozenset({"chrome", "credit", "byline", "dateline"})
POSSESSIVE_ENDINGS = ("ʼs", "’s", "'s")


@dataclass
class Candidate:
    """One mention on its way to an Entity."""

    start: int  # token offsets in the doc
    end: int
    label: str  # the model's label; GAZ for a gazetteer name, REF/BODY for references, COPY for a repeat
    text: str = ""
    start_char: int = 0
    end_char: int = 0
    type: Optional[str] = None
    record: object = None  # Country, Place, Organization from the gazetteer
    entries: list = field(default_factory=list)
    # name, acronym, body: the entity's own names; government, capital, descriptor,
    # generic_body: other references to it (aliases, never its canonical name)
    role: str = "name"
    country: Optional[str] = None  # ISO alpha-2 a country mention refers to
    titles: list = field(default_factory=list)
    confidence: float = 0.9
    alternatives: list = field(default_factory=list)
    body_key: Optional[tuple] = None
    nested: bool = False  # inside a larger mention (a country in "South Korea's Foreign Ministry")
    person_cue: bool = False
    entity: Optional[Entity] = None

    def set_span(self, doc: Doc, text: str) -> "Candidate":
        self.start_char = doc[self.start].idx
        self.end_char = doc[self.end - 1].idx + len(doc[self.end - 1].text)
        if self.end_char - self.start_char > 3 and text[self.end_char - 2:self.end_char] in POSSESSIVE_ENDINGS:
            self.end_char -= 2  # a possessive the tokenizer left on the word ("Russiaʼs")
        self.text = text[self.start_char:self.end_char]
        return self


class EntityArticle:
    """Per-Doc state: `Doc.text` and `Token.sent` are rebuilt on every access in
    spaCy, so what the rules read many times is computed here once."""

    def __init__(self, doc: Doc, tables: EntityTables, gaz: Gazetteer):
        self.doc = doc
        self.tables = tables
        self.gaz = gaz
        self.text = doc_text(doc)
        strings = doc.vocab.strings
        orths = [strings[orth] for orth in doc.to_array("ORTH")]
        self.words = [word(w) for w in orths]  # lower case, as the tables hold them
        self.lower_words = {w for w in orths if w.islower()}  # words the article writes in lower case

    def span(self, c: Candidate) -> Candidate:
        return c.set_span(self.doc, self.text)

    def excluded(self, start_char: int, end_char: int) -> bool:
        """Whether [start_char, end_char) touches page chrome, a credit, a byline or a dateline."""
        for kind, rs, re_ in self.doc._.ne_regions or ():
            if kind in EXCLUDED_REGIONS and rs < end_char and start_char < re_:
                return True
        return False
