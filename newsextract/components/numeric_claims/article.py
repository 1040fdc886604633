"""The claims of one article: the per-Doc state of the component.

Figures are read in text order; each claim taken is remembered (with its
sentence and reading) as a possible antecedent of later figures whose noun is
left out. A new `ArticleClaims` is made for every Doc, so an article's output
never depends on what was processed before.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice
from typing import Iterator, Optional

from spacy.tokens import Doc, Span

from ...schema import Evidence, Modifier, NumericClaim
from ...spans import doc_text, evidence, region_at
from ...text.quote_marks import QuoteIndex
from ...text.segments import segments
from .candidates import is_candidate
from .categories import category as claim_category
from .categories import counts_people, trigger
from .governors import embedded, governor
from .lemmas import singular
from .lexicon import Lexicon
from .modality import modality
from .numbers import Amount
from .qualifiers import qualifier
from .subjects import (
    MAX_ANTECEDENT_LOOKBACK,
    Taken,
    antecedent,
    entity_index,
    gapped,
    group_modifiers,
    link_modifier,
)
from .units import Reading, read

_WORD = re.compile(r"\w+")
_HAS_LETTER = re.compile(r"[a-z]")
_OPEN_BRACKET_BETWEEN = re.compile(r"(?<!\s)\s*\(\s*")
# a sentence shorter than this (in its words' letters) may repeat without being dropped
_MIN_REPEATED_KEY = 12
# how far before a noun its describing words may start ("one self-propelled howitzer")
_MAX_DESCRIBED = 6


def _described(r: Reading) -> bool:
    """'one self-propelled howitzer', 'one Panamanian firm': "one" before a
    described noun counts it ("in one place", "one app" do not)."""
    head = r.head
    return head is not None and any(
        t.head == head and (t.pos_ in ("ADJ", "PROPN") or t.pos_ in ("NOUN", "VERB") and t.dep_ in ("amod", "compound"))
        for t in head.doc[max(0, head.i - _MAX_DESCRIBED):head.i])


def repeated_sentences(sents) -> set[int]:
    """Indexes of sentences that repeat an earlier one word for word (a headline the
    page prints twice): their figures are claimed once."""
    seen, out = set(), set()
    for i, s in enumerate(sents):
        key = " ".join(_WORD.findall(s.text.lower()))
        if len(key) < _MIN_REPEATED_KEY:
            continue
        if key in seen:
            out.add(i)
        seen.add(key)
    return out


class ArticleClaims:
    """Reads the claims of one Doc with one lexicon and the component's settings."""

    def __init__(self, lex: Lexicon, doc: Doc, keep_captions: bool, antecedent_sentences: int):
        self.lex = lex
        self.doc = doc
        self.keep_captions = keep_captions
        self.antecedent_sentences = antecedent_sentences
        self.text = doc_text(doc)
        self.quotes = QuoteIndex.of_text(self.text)
        self.entity_names = entity_index(doc._.ne_entities or [])
        self.sents = segments(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.evidences: dict[int, Evidence] = {}
        self.taken: list[Taken] = []

    def claims(self, zero_claims: bool = False) -> list[NumericClaim]:
        """Every claim of the article, numbered N1, N2 ... in text order."""
        doc, lex = self.doc, self.lex
        repeated = repeated_sentences(self.sents)
        claims: list[NumericClaim] = []
        for amount in self._amounts():
            kind = region_at(doc, amount.start, amount.end)
            if kind is not None and (kind != "caption" or not self.keep_captions):
                continue
            span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            si = bisect_right(self.sent_starts, span.start_char) - 1
            if si < 0 or si in repeated or span.end > self.sents[si].end:
                continue   # before the first sentence, in a repeat, or across a sentence break
            if not is_candidate(lex, doc, span, amount, self.text):
                continue
            reading = read(lex, doc, span, amount)
            if reading is None:
                continue
            # the model's DATE/TIME reading wins unless a counted noun follows ("the same day 116 servicemen")
            if not (amount.currency or amount.percent or amount.vague) \
                    and {t.ent_type_ for t in span} & lex.time_entity_labels \
                    and (reading.head is None or reading.head.lemma_.lower() in lex.time_units) \
                    and not self._toll_figure(span):
                continue
            claim = self._build(span, amount, reading, si, kind)
            if claim is None:
                continue
            for part in (self._split_range(claim, amount) if amount.low is not None else (claim,)):
                self.taken.append((si, reading, part))
                claims.append(part)
        if zero_claims:
            claims = sorted(claims + self._zeros(), key=lambda c: c.start)
        for i, c in enumerate(claims, 1):
            c.id = f"N{i}"
        return claims

    def _split_range(self, claim: NumericClaim, a: Amount) -> tuple[NumericClaim, NumericClaim]:
        """A range ("between 20 and 30 soldiers") as two claims: its low end (at_least)
        and its high end (at_most), each keeping `low` and `high`."""
        low_end = max(claim.start, min(a.low_end, claim.end))
        high_start = min(max(a.high_start, claim.start), claim.end)
        low = claim.model_copy(update={"value": a.low, "qualifier": "at_least", "end": low_end,
                                       "text": self.text[claim.start:low_end]})
        high = claim.model_copy(update={"value": a.high, "qualifier": "at_most", "start": high_start,
                                        "text": self.text[high_start:claim.end]})
        return low, high

    def _evidence(self, si: int) -> Evidence:
        ev = self.evidences.get(si)
        if ev is None:
            ev = self.evidences[si] = evidence(self.doc, self.sents[si])
        return ev

    def _amounts(self) -> Iterator[Amount]:
        """The figures of the text; "rose $2.10 to $84.50" is a change, not a range;
        "another" right before a predicate ("one was killed and another arrested") is one."""
        doc, lex = self.doc, self.lex
        amounts = lex.reader.find(self.text)
        singles = [Amount(t.idx, t.idx + len(t), 1.0, digits=t.lower_) for t in doc[:-1]
                   if t.lower_ in lex.single_words and doc[t.i + 1].tag_ in ("VBN", "VBD", "JJ")
                   and (doc[t.i + 1].lemma_.lower() in lex.predicates or doc[t.i + 1].lower_ in lex.predicates)]
        if singles:
            amounts = sorted(amounts + singles, key=lambda a: a.start)
        for a in amounts:
            if a.parts:
                before = doc.char_span(a.start, a.end, alignment_mode="expand")
                if before is not None and before.start > 0 and doc[before.start - 1].lemma_.lower() in lex.toll_verbs:
                    yield from a.parts
                    continue
            yield a

    def _zeros(self) -> list[NumericClaim]:
        """'no casualties', 'no deaths were reported': value 0, negated."""
        doc, lex = self.doc, self.lex
        out = []
        for tok in doc:
            if tok.lower_ not in lex.zero_determiners or tok.dep_ != "det" \
                    or tok.head.lemma_.lower() not in lex.unit_category:
                continue
            if region_at(doc, tok.idx, tok.head.idx + len(tok.head)) is not None:
                continue
            noun = tok.head
            si = bisect_right(self.sent_starts, tok.idx) - 1
            if si < 0:
                continue
            start, end = tok.idx, noun.idx + len(noun)
            out.append(NumericClaim(
                id="", text=self.text[start:end], start=start, end=end, value=0, unit=noun.lemma_.lower(),
                category=lex.unit_category[noun.lemma_.lower()], negated=True, evidence=self._evidence(si)))
        return out

    def _build(self, span: Span, a: Amount, r: Reading, si: int, region: Optional[str]) -> Optional[NumericClaim]:
        """The claim of one read figure, or None where its unit says it is no claim."""
        doc, lex, text = self.doc, self.lex, self.text
        sent = self.sents[si]
        if r.head is not None and not (sent.start <= r.head.i < sent.end):
            return None
        anchor = span.root if (r.partitive or r.head is None) else r.head
        r.embedded = embedded(lex, anchor, sent)
        gov = governor(lex, anchor, sent)
        category = claim_category(lex, doc, span, a, r, anchor, gov)
        unit = r.unit
        if r.anaphoric and unit is None:
            wanted = category
            if r.partitive_pred is not None:
                wanted = trigger(lex, r.partitive_pred, None, None, False) or category
            others = not r.partitive and span.end < len(doc) and singular(doc[span.end].lower_) in lex.additive_words
            unit, source = antecedent(lex, doc, span, self.taken, si, self.sents, gov, wanted,
                                      self.antecedent_sentences, people_only=others)
            if source is not None and category == "OTHER" and r.partitive_pred is None \
                    and (gapped(lex, gov) or r.partitive and self._inside(span, source)):
                # "5,894 people died in Turkey and 1,932 in Syria": the verb is left out too;
                # "40 deaths, 12 of them in the capital": a part of the group has its category
                category = source.category
            if unit is None and (category in lex.human_categories or counts_people(lex, gov)):
                unit = lex.default_unit
            if unit is None:
                return None
        if unit is None or not _HAS_LETTER.search(unit):
            return None
        head_word = unit.split(" of ")[0].split()[-1]
        if not (a.percent or a.currency) and (head_word in lex.time_units or head_word in lex.not_units):
            return None
        # "the 7.8 quake": a magnitude, unless the noun is plural ("three earthquakes")
        if r.head is not None and head_word in lex.magnitude_nouns and (
                r.head.tag_ == "NN" or a.value is not None and a.value != int(a.value)):
            return None
        # "28 degrees north": a coordinate
        if any(word in lex.coordinate_units for word in unit.split()) and r.head is not None and (
                r.head.lower_ in lex.compass or r.head.i + 1 < len(doc) and doc[r.head.i + 1].lower_ in lex.compass):
            return None
        if unit in lex.measure_units or head_word in lex.measure_units:
            category = "OTHER"
        currency = a.currency
        if currency is None and not a.percent and head_word in lex.currency_names and not self._weighs(r):
            currency = lex.currency_qualified.get(self._qualified_currency(r), lex.currency_names[head_word])
        if currency:
            category = "MONEY"
        elif a.percent:
            category = "PERCENT"
        elif a.magnitude and lex.reader.magnitudes[a.magnitude].money_only:
            return None
        if a.vague and (head_word in lex.vague_not_counted or head_word in lex.event_nouns):
            return None   # "several stages", "several attacks": no people, objects or money
        # "one": a pronoun far more often than a count; keep it where it counts casualties
        # and the like, or comes with a magnitude
        if a.word_number and a.value == 1 and a.magnitude is None and not currency and (
                category in ("OTHER", "AFFECTED") and not _described(r) or r.head is None):
            return None
        # "one of the Americans": singles out a member, counts nothing
        if a.value == 1 and r.partitive and a.magnitude is None and not currency:
            return None
        # "between the two countries": the parties of a relation, not a count; so are
        # "the three states" (but "these four people" are counted)
        if a.value is not None and a.value >= 2 and r.head is not None and span.start > 0 \
                and doc[span.start - 1].lower_ in lex.relation_determiners \
                and (head_word in lex.relational_nouns or unit in lex.relational_nouns) \
                and (a.value == 2 or doc[span.start - 1].lower_ == "the" and head_word not in lex.person_nouns
                     and a.word_number and r.head.i == span.end):
            return None
        qualifier_, q_start = qualifier(lex, doc, text, span, a, r)
        if qualifier_ == "exact" and self.taken \
                and _OPEN_BRACKET_BETWEEN.fullmatch(text[self.taken[-1][2].end:a.start]):
            qualifier_ = self.taken[-1][2].qualifier   # "about 76km (47 miles)": a conversion keeps the qualifier
        start = min(q_start, a.start)
        end = max(r.end_char if r.end_char > span.end_char else a.end, a.end)
        ev = self._evidence(si)
        start, end = max(start, ev.start), min(end, ev.end)
        hypothetical, negated = modality(lex, doc, span, gov)
        r.category = category
        return NumericClaim(
            id="", text=text[start:end], start=start, end=end,
            value=a.value, low=a.low, high=a.high, unit=unit, currency=currency,
            modifiers=[Modifier(text=m.text, entity_id=link_modifier(m.text, self.entity_names, lex.demonyms, lex.modifier_names))
                       for m in group_modifiers(r.modifiers)],
            qualifier=qualifier_, category=category, distributive=r.distributive,
            in_quote=self.quotes.inside(span.start_char), in_caption=region == "caption",
            negated=negated, hypothetical=hypothetical, evidence=ev)

    def _toll_figure(self, span: Span) -> bool:
        """'a death toll of over 60', 'the toll rose to 45': a count, whatever
        entity label the model gave it."""
        root = span.root
        if root.dep_ != "pobj":
            return False
        prep, owner = root.head, root.head.head
        lemma = owner.lemma_.lower()
        return prep.lower_ == "of" and lemma in self.lex.toll_nouns \
            or prep.lower_ in self.lex.toll_prepositions and lemma in self.lex.toll_verbs

    def _inside(self, span: Span, source: NumericClaim) -> bool:
        """Whether the figure hangs under the noun of `source` ("40 deaths, 12 of them
        in the capital"), so that it shares its predicate."""
        recent = islice(reversed(self.taken), MAX_ANTECEDENT_LOOKBACK)   # where antecedents are looked for
        head = next((rd.head for _, rd, c in recent if c is source), None)
        return head is not None and head in span.root.ancestors

    def _weighs(self, r: Reading) -> bool:
        """'500 pounds of fertiliser': a currency name that is also a weight, weighing goods."""
        head = r.head
        if head is None or head.lemma_.lower() not in self.lex.weight_names or head.i + 2 >= len(self.doc) \
                or self.doc[head.i + 1].lower_ != "of":
            return False
        goods = next((t for t in self.doc[head.i + 2:head.i + 6] if t.pos_ in ("NOUN", "PROPN")
                      and t.dep_ != "compound"), None)
        return goods is not None and goods.lemma_.lower() not in self.lex.money_nouns

    def _qualified_currency(self, r: Reading) -> str:
        """'Hong Kong dollars': the modifiers that narrow a currency name to one code."""
        words = [m.text.lower() for m in r.modifiers if not m.is_punct]
        if r.head is None:
            return ""
        name = r.head.lemma_.lower()
        for i in range(len(words)):
            cand = " ".join(words[i:] + [name])
            if cand in self.lex.currency_qualified:
                return cand
        return ""
