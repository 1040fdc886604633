"""The per-article state of the quotes component: built for one Doc, dropped with it,
so that no article's reading can change another's."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Optional

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from ...schema import EntityRef
from ...spans import doc_text
from ...text.quote_marks import QuoteSpan, paragraphs
from .phrases import norm_name, speech_verb
from .tables import QuoteLexicon

SPEAKER_TYPES = ("PERSON", "ORGANIZATION")
_ACRONYM = re.compile(r"[A-Z][A-Z&-]{2,}")
_NER_LABELS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class QuoteSettings:
    """The component's config, as the rules read it."""

    min_words: int = 3
    short_quote_words: int = 4
    chain_paragraphs: int = 1
    pronoun_window_chars: int = 1500
    cue_window_tokens: int = 120


@dataclass
class Referent:
    """Who a noun phrase stands for, as far as the article tells."""

    ref: Optional[EntityRef]          # the entity (or name as written), None if unknown/anonymous
    kind: str                         # 'person', 'org', 'document', 'other'
    gender: Optional[str] = None
    plural: bool = False
    etype: Optional[str] = None       # entity type when an entity of the article
    unresolved: bool = False          # a definite description ('the officer') no earlier phrase matched


class DocState:
    """Per-article lookups, built once per Doc, and the caches of its resolution."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan], lex: QuoteLexicon, settings: QuoteSettings):
        self.doc, self.lex, self.settings = doc, lex, settings
        self.text = doc_text(doc)
        self._sent_starts: Optional[list[int]] = None
        self._sent_ends: list[int] = []
        # which quotation (index in `spans`) each token belongs to, marks included; -1 outside
        self.quote_of_token = [-1] * len(doc)
        for qi, qs in enumerate(spans):
            span = doc.char_span(qs.outer_start, qs.outer_end, alignment_mode="expand")
            if span is not None:
                self.quote_of_token[span.start:span.end] = [qi] * len(span)
        self._quoted_before = list(accumulate((q != -1 for q in self.quote_of_token), initial=0))
        self.quote_token_range: dict[int, tuple[int, int]] = {}   # quotation -> [first, last + 1) of its tokens
        for i, q in enumerate(self.quote_of_token):
            if q != -1:
                first = self.quote_token_range.get(q, (i, i))[0]
                self.quote_token_range[q] = (first, i + 1)
        self._cue_token: dict[int, bool] = {}
        self._anonymity_tokens: Optional[list[int]] = None
        self.para_starts = [lo for lo, _ in paragraphs(self.text)]
        self.entities: list = []
        self.aliases: dict = {}                       # norm name -> entity
        mentions = []
        for ent in doc._.ne_entities or ():
            self.entities.append(ent)
            for m in ent.mentions:
                mentions.append((m.start, m.end, ent))
            for alias in [ent.name, *ent.aliases]:
                key = norm_name(alias)
                if key and key not in self.aliases:
                    self.aliases[key] = ent
        mentions.sort(key=lambda m: (m[0], -m[1]))
        self.mentions = mentions                      # (start, end, entity)
        self.mention_starts = [m[0] for m in mentions]
        self.ner = [(e.start_char, e.end_char, e) for e in doc.ents if e.label_ in _NER_LABELS]
        self.ner_starts = [m[0] for m in self.ner]
        # the first multi-word PERSON of the base model ending in a word, and of the article's entities
        self.person_span_by_last: dict[str, Span] = {}
        for _, _, span in self.ner:
            if span.label_ == "PERSON" and len(span) > 1:
                self.person_span_by_last.setdefault(span[-1].text, span)
        self._types: Optional[dict] = None
        self._given_name_of: dict = {}
        self.person_by_surname: dict = {}
        self.last_words: set[str] = set()            # last words of the article's names of several words
        for ent in self.entities:
            if len(ent.name.split()) > 1:
                self.last_words.add(ent.name.split()[-1])
                if self.entity_type(ent) == "PERSON":
                    self.person_by_surname.setdefault(ent.name.split()[-1], ent)
        self._org_words: Optional[dict] = None
        # subjects of the article, each resolved (filled by speakers.referents)
        self.referents_built = False
        self.referent_order: list[int] = []
        self.referent_at: dict[int, Referent] = {}
        self.titles_done = False
        self.documents_open: set[int] = set()         # guards document -> owner -> document cycles
        self.person_titles: dict[str, dict[str, None]] = {}   # entity id -> title words, in the order found
        self.person_gender: dict[str, str] = {}

    # ------------------------------------------------------------ sentences, paragraphs
    def sent(self, i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence holding token i (`Token.sent` scans the Doc)."""
        if self._sent_starts is None:
            self._sent_starts = [sent.start for sent in self.doc.sents]
            self._sent_ends = self._sent_starts[1:] + [len(self.doc)]
        k = bisect_right(self._sent_starts, i) - 1
        return self._sent_starts[k], self._sent_ends[k]

    def para(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def para_bounds(self, para: int) -> tuple[int, int]:
        hi = self.para_starts[para + 1] if para + 1 < len(self.para_starts) else len(self.text)
        return self.para_starts[para], hi

    def quoted_between(self, lo: int, hi: int, qi: int) -> bool:
        """Whether a token in [lo, hi) belongs to a quotation other than quotation `qi`
        (counted, not scanned: a run of quotations costs no more than one)."""
        if hi <= lo:
            return False
        q_lo, q_hi = self.quote_token_range.get(qi, (0, 0))
        own = max(0, min(hi, q_hi) - max(lo, q_lo))
        return self._quoted_before[hi] - self._quoted_before[lo] > own

    def _is_cue_token(self, i: int) -> bool:
        """Whether token i may be a reporting clause's verb ("said", "according" to)."""
        known = self._cue_token.get(i)
        if known is None:
            t, reporting = self.doc[i], self.lex.reporting
            known = speech_verb(t, self.lex) and (t.tag_.startswith("VB") or reporting.is_speech_form(t.lower_)) \
                or reporting.is_according(t.lower_) and i + 1 < len(self.doc) and self.doc[i + 1].lower_ == "to"
            self._cue_token[i] = known
        return known

    def cue_tokens_in(self, lo: int, hi: int) -> list[int]:
        """The possible reporting verbs among tokens [lo, hi), in order (each token read once per Doc)."""
        return [i for i in range(lo, hi) if self._is_cue_token(i)]

    def has_anonymity_marker(self, lo: int, hi: int) -> bool:
        """A word like 'anonymity' among tokens [lo, hi): found by bisection, not by a scan."""
        if self._anonymity_tokens is None:
            lowers = self.doc.to_array([LOWER]).reshape(-1)
            self._anonymity_tokens = numpy.flatnonzero(numpy.isin(lowers, self.lex.anonymity_hashes)).tolist()
        k = bisect_left(self._anonymity_tokens, lo)
        return k < len(self._anonymity_tokens) and self._anonymity_tokens[k] < hi

    # ------------------------------------------------------------ entities
    def _titled_inside(self, span: Span) -> bool:
        """A mention holding a person's title before a capitalized name ('State Minister
        Jane Roe'), not a body's name with a title in it ("the Prime Minister's Office")."""
        people = self.lex.people
        if span[-1].lower_ in self.lex.org_heads or any(t.tag_ == "POS" for t in span):
            return False
        return any((people.is_person_only_title(t.lower_) or people.is_title(t.text))
                   and span[k + 1].text[:1].isupper() for k, t in enumerate(span[:-1]))

    def entity_type(self, ent) -> str:
        """An entity's type as a speaker: a name written after a person's title ('minister
        Tarun Das') is a person's whatever type it was given; a name written as a storm's
        or an operation's ('Cyclone Nila') is no person's ('THING')."""
        if self._types is None:
            self._types = {e.id: self._speaker_type(e) for e in self.entities}
            self._given_name_of = {}
            for e in self.entities:
                person = self._person_after(e) if self._types[e.id] != "PERSON" else None
                if person is not None:
                    self._types[e.id] = "PERSON"
                    self._given_name_of[e.id] = person
        return self._types.get(ent.id, ent.type)

    def person_named_with(self, ent):
        """The person whose name a one-word entity of another type begins ('Mohibbur' typed
        a place, right before 'Rahman' typed a person), or None."""
        self.entity_type(ent)
        return self._given_name_of.get(ent.id)

    def _person_after(self, ent):
        """A person's mention right after a mention of one-word `ent`, with one space between."""
        if " " in ent.name.strip():
            return None
        for m in ent.mentions:
            k = bisect_left(self.mention_starts, m.end + 1)
            if k < len(self.mentions):
                s, _, other = self.mentions[k]
                if s == m.end + 1 and self.text[m.end] == " " and other.type == "PERSON" and other.id != ent.id:
                    return other
        return None

    def _speaker_type(self, ent) -> str:
        people, doc = self.lex.people, self.doc
        titled = named_as_thing = False
        first = ent.name.split()[0].lower() if ent.name.split() else ""
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            if before in self.lex.non_person_words or span[0].lower_ in self.lex.non_person_words:
                named_as_thing = True
            elif (people.is_person_only_title(before) or people.is_title(before)) and len(span) <= 4 \
                    and span[0].text[:1].isupper() or self._titled_inside(span):
                titled = True
        if ent.type == "PERSON" and (named_as_thing or first in self.lex.non_person_words) and not titled:
            return "THING"
        if ent.type == "PERSON" and not titled and _ACRONYM.fullmatch(ent.name.strip()):
            # 'NORDEX', 'CELAC': a body's acronym, never a person's name
            return "ORGANIZATION"
        if ent.type in ("PLACE", "ORGANIZATION") and titled and not named_as_thing:
            return "PERSON"
        return ent.type

    def mention_at(self, t: Token):
        """The entity of the article one of whose mentions covers token `t`."""
        i = bisect_right(self.mention_starts, t.idx) - 1
        while i >= 0 and i >= bisect_right(self.mention_starts, t.idx) - 4:
            s, e, ent = self.mentions[i]
            if s <= t.idx < e:
                return ent
            i -= 1
        return None

    def is_name(self, t: Token) -> bool:
        """A proper name, also where the tagger took it for another word ('O’Donnell'
        tagged a noun, 'Skelly' an adverb): capitalized and a name of the article."""
        if t.pos_ == "PROPN":
            return True
        if not t.text[:1].isupper() or t.pos_ in ("PRON", "DET"):
            return False
        return t.ent_type_ in ("PERSON", "ORG") or self.mention_at(t) is not None or t.text in self.last_words \
            or norm_name(t.text) in self.aliases

    def ner_at(self, t: Token) -> Optional[Span]:
        i = bisect_right(self.ner_starts, t.idx) - 1
        if i >= 0:
            s, e, span = self.ner[i]
            if s <= t.idx < e:
                return span
        return None

    def recent_entity(self, before: int, types):
        """The entity of the last mention starting before char `before` whose type is in `types`."""
        i = bisect_left(self.mention_starts, before) - 1
        while i >= 0:
            s, e, ent = self.mentions[i]
            if self.entity_type(ent) in types:
                return ent
            i -= 1
        return None

    def inner_entity(self, np: Span, head: Token, types=("ORGANIZATION",)):
        """An entity named inside a phrase, other than by its head or its adjectives."""
        for tok in np:
            if tok.i == head.i:
                continue
            if tok.dep_ == "amod" and tok.head.i == head.i and tok.pos_ == "ADJ":
                continue
            ent = self.mention_at(tok)
            if ent is not None and self.entity_type(ent) in types:
                return ent
        return None

    def organizations_named_with(self, word: str) -> list:
        """The article's organizations one of whose names has `word` ("ministry"), in article order."""
        if self._org_words is None:
            self._org_words = {}
            for ent in self.entities:
                if self.entity_type(ent) != "ORGANIZATION":
                    continue
                words = set(norm_name(ent.name).split())
                for alias in ent.aliases:
                    words.update(norm_name(alias).split())
                for w in words:
                    self._org_words.setdefault(w, []).append(ent)
        return self._org_words.get(word, [])
