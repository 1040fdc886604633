"""Numeric claims: every number an article asserts, with what it counts.

For each figure the component finds (digits, written-out numbers, magnitudes,
money, percentages, ranges, vague amounts such as "dozens of"), it reads:

* the counted noun (`unit`, singular lemma with its compound: "police officer"),
  from the noun phrase after the figure, a partitive ("21 of the schoolgirls"),
  or, where the noun is left out ("30 others", "11 were arrested", "87 of those
  freed"), from the nearest earlier claim: the antecedent;
* the qualifier ("at least", "nearly", "up to" ...), the category (KILLED,
  RELEASED, MONEY ... from the governing predicate in the dependency parse, then
  the noun's own modifiers, then the noun itself), the modifiers that name who is
  counted ("63 Russian servicemen", linked to `doc._.ne_entities`), and flags:
  inside a quotation, negated, hypothetical, distributive ("50 prisoners each").

Figures that are not claims are dropped: dates, times, durations, ages,
ordinals, numbers inside names and designations ("2S7", "Resolution 242"),
phone numbers, hyphenated measures that describe ("7.8-magnitude",
"three-story"), and sentences repeated word for word.

Captions and page chrome: the cleaner marks them as regions. Their figures
illustrate the story (or advertise the site) and are not what the article
asserts, so by default no claim is taken from them; `keep_captions=True` keeps
caption claims, flagged `in_caption`, for users who want them.

"No casualties": no figure is written, and the annotation guidelines count
written figures only, so by default it is not a claim; `zero_claims=True` adds
such statements as value 0, flagged `negated`. Ranges ("between 20 and 30")
have `value` None, `low`/`high` set and qualifier "approximate".

Every word table is data in models/ (numbers.json, numeric_*.json), compiled
once when the component is built.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .gazetteer import read_model_json
from .schema import Modifier, NumericClaim
from .spans import OffsetIndex, doc_text, evidence, region_at

#: how many earlier claims a left-out noun's antecedent search looks at
_MAX_ANTECEDENT_LOOKBACK = 64

HUMAN_CATEGORIES = frozenset({"KILLED", "WOUNDED", "DETAINED", "RELEASED", "DISPLACED"})
# entity labels of the base model under which a figure is part of a name
NAME_LABELS = frozenset({"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "PERSON", "GPE", "LOC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
QUOTE_PAIRS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", '"': '"'}


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------- figures in text

@dataclass
class Amount:
    """A figure as written: where it is and what it is worth."""

    start: int
    end: int
    value: Optional[float]
    currency: Optional[str] = None
    percent: Optional[str] = None      # "percent" or "percentage point"
    vague: bool = False
    low: Optional[float] = None
    high: Optional[float] = None
    word_number: bool = False          # written out ("eight")
    magnitude: Optional[str] = None
    digits: str = ""
    parts: tuple = ()                  # a range's two ends, as read on their own
    unit: Optional[str] = None         # a unit written onto the digits: "76km"


class NumberReader:
    """Finds figures in raw text with one compiled regex and reads their value.

    Knows nothing of the parse: which figures are claims is decided later."""

    def __init__(self, numbers: dict, currencies: dict):
        self.units = numbers["units"]
        self.tens = numbers["tens"]
        self.scales = numbers["scales"]
        self.magnitudes = {k.lower(): v for k, v in numbers["magnitudes"].items()}
        self.vague = {k.lower(): v for k, v in numbers["vague"].items()}
        self.signs = currencies["signs"]
        self.codes = set(currencies["unit_names"])
        self.attached_units = {k.lower(): v for k, v in numbers["attached_units"].items()}
        word = _alternation(list(self.units) + list(self.tens) + list(self.scales))
        sign = _alternation(self.signs)
        code = _alternation(self.codes)
        mag = _alternation(self.magnitudes)
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
        words = (rf"(?:(?:half\s+)?an?\s+(?:{_alternation(self.scales)})|(?:{word}))"
                 rf"(?:(?:\s*-\s*|\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{word}))*")
        self.pattern = re.compile(
            rf"(?<![\w.,/:#@&$€£¥₹])"
            rf"(?:(?P<pre>(?-i:{sign}|{code}))\s?)?"
            rf"(?:(?P<digits>{digits})|(?P<words>\b{words}\b))"
            rf"(?:(?P<magsp>\s*)(?P<mag>{mag})\b)?"
            rf"(?:(?<=\d)(?P<aunit>{_alternation(self.attached_units)})\b)?"
            rf"(?:(?P<postsp>\s?)(?P<post>(?-i:{sign}|{code}))(?![\w$]))?"
            rf"(?P<pct>\s*(?:%|per\s?cent\b|percent\b|pct\b|percentage points?\b|basis points?\b))?"
            rf"(?![\w]|[.,:/]\d|['\u2019]s\b)",
            re.I,
        )
        # phone numbers: "+44 20 7946 0958", "(555) 123-4567", "555-123-4567"
        self.phone_pattern = re.compile(
            r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b")
        self.vague_pattern = re.compile(rf"\b(?:{_alternation(self.vague)})\b", re.I)
        self.word_split = re.compile(r"[\s-]+")
        self.range_gap = re.compile(r"\s*(?:-|\u2013|\u2014|to)\s*$", re.I)
        self.between_gap = re.compile(r"\s+and\s+$", re.I)
        self.ratio_gap = re.compile(r"\s+(?:in|out\s+of)\s+$", re.I)
        self.between_before = re.compile(r"\bbetween\s+$", re.I)
        self.from_before = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.I)

    def words_value(self, text: str) -> tuple[Optional[float], int]:
        """The value of written-out number words and how many words it used
        ("twenty-three" -> 23; "two hundred and fifty thousand" -> 250000)."""
        parts = [w for w in self.word_split.split(text.lower()) if w]
        total, current, used, last = 0.0, 0.0, 0, None
        for i, w in enumerate(parts):
            if w == "and":
                used = i + 1
                continue
            if w == "half" and i == 0:
                current, last = 0.5, "half"
            elif w in ("a", "an"):
                if last != "half":
                    current = 1.0
                last = "unit"
            elif w in self.units:
                if last in ("unit", "teen") or (last == "tens" and self.units[w] >= 10):
                    break
                current += self.units[w]
                last = "teen" if self.units[w] >= 10 else "unit"
            elif w in self.tens:
                if last in ("unit", "teen", "tens"):
                    break
                current += self.tens[w]
                last = "tens"
            elif w in self.scales:
                scale = self.scales[w]
                if scale >= 1000:
                    total += (current or 1.0) * scale
                    current = 0.0
                else:
                    current = (current or 1.0) * scale
                last = "scale"
            else:
                break
            used = i + 1
        if used and parts[used - 1] == "and":
            used -= 1
        return (total + current if used else None), used

    def find(self, text: str) -> list[Amount]:
        out: list[Amount] = []
        phones = [(m.start(), m.end()) for m in self.phone_pattern.finditer(text)]
        for m in self.pattern.finditer(text):
            if phones and any(s <= m.start() < e for s, e in phones):
                continue
            amount = self._amount(m, text)
            if amount is not None:
                out.append(amount)
        for m in self.vague_pattern.finditer(text):
            out.append(Amount(m.start(), m.end(), None, vague=True, digits=m.group(0).lower()))
        out.sort(key=lambda a: a.start)
        return self._ranges(out, text)

    def _amount(self, m: re.Match, text: str) -> Optional[Amount]:
        start, end = m.start(), m.end()
        if m.group("digits"):
            raw = m.group("digits")
            value = float(raw.replace(",", ""))
            word_number = False
        else:
            raw = m.group("words")
            value, used = self.words_value(raw)
            if value is None:
                return None
            if used < len([w for w in self.word_split.split(raw) if w]):
                # keep only the words that form one number ("two three" -> "two")
                kept = re.match(r"\S+(?:[\s-]+\S+){%d}" % (used - 1), raw)
                end = m.start("words") + kept.end()
                return Amount(start, end, value, word_number=True, digits=raw[:kept.end()])
            word_number = True
        currency = None
        if m.group("pre"):
            currency = self.signs.get(m.group("pre")) or m.group("pre").upper()
        if m.group("post") and (m.group("post") in self.codes or "$" in m.group("post")) \
                and (m.group("post") != "$" or not m.group("postsp")):
            currency = currency or self.signs.get(m.group("post")) or m.group("post")
        elif m.group("post"):
            end = m.start("post") - len(m.group("postsp"))
        magnitude = None
        if m.group("mag"):
            mag = m.group("mag").lower()
            info = self.magnitudes[mag]
            attached = not m.group("magsp")
            if (info.get("attached_only") and not attached) or word_number and info["value"] < 1000:
                end = m.start("mag") - len(m.group("magsp"))
            else:
                magnitude = mag
                value *= info["value"]
        percent = None
        if m.group("pct"):
            pct = m.group("pct").strip().lower()
            percent = ("percentage point" if pct.startswith("percentage")
                       else "basis point" if pct.startswith("basis") else "percent")
        if value is not None and (not math.isfinite(value) or value >= 1e15):
            return None  # runs of digits no article asserts as a count (and inf)
        unit = self.attached_units.get(m.group("aunit").lower()) if m.group("aunit") else None
        return Amount(start, end, value, currency=currency, percent=percent, word_number=word_number,
                      magnitude=magnitude, digits=raw, unit=unit)

    def _ranges(self, amounts: list[Amount], text: str) -> list[Amount]:
        """Join "20-30", "20 to 30" and "between 20 and 30" into one range."""
        out: list[Amount] = []
        for a in amounts:
            prev = out[-1] if out else None
            if prev is not None and not prev.vague and not a.vague and prev.low is None \
                    and prev.value is not None and a.value is not None:
                gap = text[prev.end:a.start]
                if self.ratio_gap.match(gap) and prev.value < a.value and not (prev.currency or prev.percent):
                    out[-1] = None   # "1 in 5 children", "7 out of 10 voters": a fraction
                    continue
                joined = (self.range_gap.match(gap) and len(gap) <= 5
                          and not self.from_before.search(text[max(0, prev.start - 30):prev.start]))
                if not joined and self.between_gap.match(gap):
                    joined = bool(self.between_before.search(text[max(0, prev.start - 20):prev.start]))
                if joined:
                    low, high = prev.value, a.value
                    if a.magnitude and not prev.magnitude:
                        low *= self.magnitudes[a.magnitude]["value"]
                    if low >= high and gap.strip() in ("-", "\u2013") and not (prev.currency or prev.percent):
                        out[-1] = None   # "won 12-3": a score, not an amount
                        continue
                    if low < high:
                        out[-1] = Amount(prev.start, a.end, None, currency=prev.currency or a.currency,
                                         percent=prev.percent or a.percent, low=low, high=high,
                                         word_number=prev.word_number, magnitude=a.magnitude or prev.magnitude,
                                         digits=prev.digits, parts=(prev, a) if "to" in gap.lower() else ())
                        continue
            if out and out[-1] is None:
                out.pop()
            out.append(a)
        return [a for a in out if a is not None]


# ---------------------------------------------------------------- tables

class Tables:
    """The word tables of models/, as sets and compiled patterns."""

    def __init__(self):
        numbers = read_model_json("numbers.json")
        self.currencies = read_model_json("numeric_currencies.json")
        qualifiers = read_model_json("numeric_qualifiers.json")
        categories = read_model_json("numeric_categories.json")
        units = read_model_json("numeric_units.json")
        self.demonyms = {k.lower(): [n.lower() for n in v] for k, v in read_model_json("numeric_demonyms.json")["demonyms"].items()}
        self.reader = NumberReader(numbers, self.currencies)
        self.vague = self.reader.vague
        self.currency_names = self.currencies["names"]
        self.currency_qualified = self.currencies["qualified_names"]
        self.currency_unit = self.currencies["unit_names"]
        before = qualifiers["before"]
        self.qualifier_before = {k.lower(): v for k, v in before.items()}
        self.qualifier_before_re = re.compile(rf"(?:^|[^\w])({_alternation(self.qualifier_before)})\s*$", re.I)
        self.qualifier_after = {k.lower(): v for k, v in qualifiers["after"].items()}
        self.qualifier_after_noun = frozenset(qualifiers["after_noun"])
        self.qualifier_fillers = frozenset(qualifiers["fillers"])
        self.qualifier_after_re = re.compile(rf"^\s*({_alternation(self.qualifier_after)})(?![\w])", re.I)
        self.predicates: dict[str, str] = {}
        for cat, lemmas in categories["predicates"].items():
            for lemma in lemmas:
                self.predicates.setdefault(lemma, cat)
        self.phrasal = {k: frozenset(v) for k, v in categories["phrasal"].items()}
        self.multiword = categories["multiword"]
        self.verb_only = frozenset(categories["verb_only"])
        self.object_only = frozenset(categories["object_only"])
        self.restricted = {k: frozenset(v) for k, v in categories["restricted"].items()}
        self.unit_category = {u: cat for cat, us in categories["units"].items() for u in us}
        self.inclusion_verbs = frozenset(categories["inclusion_verbs"])
        self.release_modifiers = frozenset(categories["release_modifiers"])
        self.captive_nouns = frozenset(categories["captive_nouns"])
        self.request_verbs = frozenset(categories["request_verbs"])
        self.light_verbs = frozenset(categories["light_verbs"])
        self.toll_verbs = frozenset(categories["toll_verbs"])
        self.place_nouns = frozenset(categories["place_nouns"])
        f = lambda key: frozenset(w.lower() for w in units[key])
        self.time_units = f("time_units")
        self.months = f("months")
        self.descriptive = f("descriptive_units")
        self.not_units = f("not_units")
        self.vague_not_counted = f("vague_not_counted")
        self.anaphoric = f("anaphoric")
        self.no_antecedent = f("no_antecedent")
        self.default_unit = units["default_unit"]
        self.of_compounds = f("of_compounds")
        self.event_verbs = f("event_verbs")
        self.event_nouns = f("event_nouns")
        self.relational = f("relational_nouns")
        self.designation = f("designation_cues")
        self.age_cues = f("age_cues")
        self.age_after = re.compile(rf"^\s*(?:{_alternation(units['age_after'])})\b", re.I)
        self.person_nouns = f("person_nouns")
        self.lemma_fixes = units["lemma_fixes"]
        self.measure_units = f("measure_units")
        self.magnitude_nouns = f("magnitude_nouns")
        self.compass = f("compass")
        self.measure_cues = f("measure_cues")
        modality = categories["modality"]
        self.modals = frozenset(modality["modals"])
        self.hypothetical_verbs = frozenset(modality["forecast_verbs"]) | self.request_verbs
        self.conditional_marks = frozenset(modality["conditional_marks"])


@lru_cache(maxsize=1)
def load_tables() -> Tables:
    return Tables()


# ---------------------------------------------------------------- reading one figure

@dataclass
class Reading:
    """What the parse says about one figure."""

    unit: Optional[str] = None
    head: Optional[Token] = None        # the counted noun, when written
    end_char: int = 0                   # where the claim's text ends
    anaphoric: bool = False             # the noun is left out: take the antecedent's
    demonym_unit: bool = False          # "248 Russians": a nationality as the noun
    partitive_pred: Optional[Token] = None  # "87 of those freed": freed
    distributive: bool = False
    modifiers: tuple = ()
    partitive: bool = False             # "21 of the schoolgirls"
    embedded: bool = False              # inside "including ...": not an antecedent
    mod_words: frozenset = frozenset()
    light_category: Optional[str] = None  # "three sustained injuries": WOUNDED
    post_pred: Optional[Token] = None     # "12 dead": dead
    category: str = "OTHER"


def _lower_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" or lemma == tok.lower_ and (tok.tag_ in ("NNS", "NNPS") or lemma.endswith("men")):
        lemma = _singular(tok.lower_)
    return load_tables().lemma_fixes.get(lemma, lemma)


def _singular(word: str) -> str:
    """A plural noun's singular, for words the lemmatizer leaves alone (proper nouns)."""
    if len(word) > 3 and word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class NumericClaims:
    """The `newsextract_numeric_claims` component: writes `doc._.ne_claims`."""

    def __init__(self, keep_captions: bool = False, antecedent_sentences: int = 6, zero_claims: bool = False):
        self.t = load_tables()
        self.keep_captions = keep_captions
        self.zero_claims = zero_claims
        self.antecedent_sentences = antecedent_sentences

    # -- the component -----------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc._.ne_claims = self.claims(doc)
        return doc

    def claims(self, doc: Doc) -> list[NumericClaim]:
        text = doc_text(doc)
        quotes = OffsetIndex(quote_ranges(text))
        entity_names = entity_index(doc._.ne_entities or [])
        sents = segments(doc)
        sent_starts = [s.start_char for s in sents]
        repeated = repeated_sentences(sents)
        evidences: dict[int, object] = {}
        claims: list[NumericClaim] = []
        meta: list[tuple[int, Reading, NumericClaim]] = []  # sentence index, reading, claim
        for amount in self._amounts(doc, text):
            kind = region_at(doc, amount.start, amount.end)
            if kind is not None and (kind != "caption" or not self.keep_captions):
                continue
            span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            si = bisect_right(sent_starts, span.start_char) - 1
            if si < 0 or si in repeated or span.end > sents[si].end:
                continue   # before the first sentence, in a repeat, or across a sentence break
            if not self.is_candidate(doc, span, amount, text):
                continue
            reading = self.read(doc, span, amount)
            if reading is None:
                continue
            # the model's DATE/TIME reading wins unless a counted noun follows ("the same day 116 servicemen")
            if not (amount.currency or amount.percent or amount.vague) and {t.ent_type_ for t in span} & TIME_LABELS \
                    and (reading.head is None or reading.head.lemma_.lower() in self.t.time_units):
                continue
            claim = self.build(doc, text, span, amount, reading, meta, si, sents, quotes, entity_names, kind,
                               evidences)
            if claim is not None:
                meta.append((si, reading, claim))
                claims.append(claim)
        if self.zero_claims:
            claims = sorted(claims + self.zeros(doc, sents, sent_starts, evidences), key=lambda c: c.start)
        for i, c in enumerate(claims, 1):
            c.id = f"N{i}"
        return claims

    def zeros(self, doc: Doc, sents, sent_starts, evidences) -> list[NumericClaim]:
        """'no casualties', 'no deaths were reported': value 0, negated."""
        t = self.t
        out = []
        for tok in doc:
            if tok.lower_ != "no" or tok.dep_ != "det" or tok.head.lemma_.lower() not in t.unit_category:
                continue
            if region_at(doc, tok.idx, tok.head.idx + len(tok.head)) is not None:
                continue
            noun = tok.head
            si = bisect_right(sent_starts, tok.idx) - 1
            if si < 0:
                continue
            ev = evidences.get(si) or evidences.setdefault(si, evidence(doc, sents[si]))
            start, end = tok.idx, noun.idx + len(noun)
            out.append(NumericClaim(
                id="", text=doc_text(doc)[start:end], start=start, end=end, value=0, unit=noun.lemma_.lower(),
                category=t.unit_category[noun.lemma_.lower()], negated=True, evidence=ev))
        return out

    def _amounts(self, doc: Doc, text: str):
        """The figures of the text; "rose $2.10 to $84.50" is a change, not a range."""
        for a in self.t.reader.find(text):
            if a.parts:
                before = doc.char_span(a.start, a.end, alignment_mode="expand")
                if before is not None and before.start > 0 and doc[before.start - 1].lemma_.lower() in self.t.toll_verbs:
                    yield from a.parts
                    continue
            yield a

    # -- which figures can be claims --------------------------------------
    def is_candidate(self, doc: Doc, span: Span, a: Amount, text: str) -> bool:
        t = self.t
        before = text[max(0, a.start - 2):a.start]
        # designations glued to letters: "Su-25", "COVID-19"
        if before.endswith("-") and len(before) == 2 and before[0].isalpha():
            return False
        if a.currency or a.percent:
            return True
        ents = {tok.ent_type_ for tok in span}
        if ents & NAME_LABELS:
            return False
        if a.vague:
            return True
        # months next to the figure: "June 14", "14 June"
        prev_tok = doc[span.start - 1] if span.start > 0 else None
        next_tok = doc[span.end] if span.end < len(doc) else None
        for tok in (prev_tok, next_tok):
            if tok is not None and tok.is_title and tok.lower_.rstrip(".") in t.months:
                return False
        # years: a bare four-digit figure from 1800 to 2100
        if a.value is not None and not a.word_number and re.fullmatch(r"1[89]\d\d|20\d\d|2100", a.digits):
            if next_tok is None or next_tok.tag_ not in ("NNS", "NNPS"):
                return False
        # "magnitude 7.8", "a magnitude of 7.3"
        for k in (span.start - 1, span.start - 2):
            if k >= 0 and doc[k].lower_ in t.measure_cues and (k == span.start - 1 or doc[k + 1].lower_ == "of"):
                return False
        if re.match(r"\s+on the richter", text[a.end:a.end + 20], re.I):
            return False
        # ages
        if prev_tok is not None and prev_tok.lower_ in t.age_cues:
            return False
        if t.age_after.match(text[a.end:a.end + 14]):
            return False
        if prev_tok is not None and prev_tok.text == "(" and next_tok is not None and next_tok.text == ")" \
                and a.value is not None and a.value < 120 and span.start > 1 and doc[span.start - 2].pos_ == "PROPN":
            return False
        # times and durations written after the figure ("1 am", "three weeks")
        if next_tok is not None and next_tok.lower_.rstrip(".") in t.time_units | {"a.m", "p.m"}:
            return False
        if next_tok is not None and next_tok.text in (":",):
            return False
        # hyphenated measures that describe ("7.8-magnitude", "three-story")
        if text[a.end:a.end + 1] == "-":
            m = re.match(r"-([A-Za-z][\w-]*)", text[a.end:a.end + 30])
            if m:
                word = m.group(1).lower()
                head = word.split("-")[0]
                if head in t.descriptive or _singular(head) in t.descriptive or word in t.descriptive:
                    return False
        return True

    def is_designation(self, doc: Doc, span: Span) -> bool:
        """'Resolution 242', 'Flight 17': a figure right after a name or a series word."""
        if span.start == 0:
            return False
        prev = doc[span.start - 1]
        if prev.lower_.rstrip(".") in self.t.designation or prev.lower_ in self.t.designation:
            return True
        if prev.text in ("#", "No", "No.", "no."):
            return True
        return prev.pos_ == "PROPN" and prev.is_title and not prev.is_sent_start and prev.ent_type_ != "NORP"

    # -- the counted noun ---------------------------------------------------
    def read(self, doc: Doc, span: Span, a: Amount) -> Optional[Reading]:
        t = self.t
        r = Reading(end_char=span.end_char)
        j = span.end
        if a.currency or a.percent:
            r.unit = a.percent or t.currency_unit.get(a.currency, a.currency.lower())
            self._distributive(doc, j, r)
            return r
        if a.unit:
            r.unit = a.unit
            return r
        if j + 1 < len(doc) and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":
            j += 1   # "two out of the five Iranians": a partitive
        if j < len(doc) and doc[j].lower_ in ("each", "apiece"):
            r.distributive, r.anaphoric, r.end_char = True, True, doc[j].idx + len(doc[j])
            return r
        word = doc[j].lower_ if j < len(doc) else ""
        name = word if word in t.currency_names else _singular(word)
        if name in t.currency_names:
            self._take_noun(doc, doc[j], (), r)   # "45 billion naira", whatever the tagger made of it
            r.demonym_unit, r.unit, r.modifiers = False, name, ()
            return r
        if j < len(doc) and doc[j].lower_ == "of":
            r.partitive = True
            return self._partitive(doc, span, j, a, r)
        if a.vague and t.vague[a.digits]["needs_of"]:
            # "displaced millions": the vague word stands for people
            if span.root.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos") and not (
                    j < len(doc) and doc[j].pos_ in NOUN_POS):
                r.anaphoric = True
                return r
            return None
        if j + 1 < len(doc) and doc[j].text in ("-", "\u2011") and doc[j].idx == span.end_char \
                and doc[j + 1].pos_ == "NOUN":
            # "a six-candidate race": the word after the hyphen is what is counted
            self._take_noun(doc, doc[j + 1], (), r)
            return r
        head, mods = self._noun_run(doc, j, span)
        if head is not None and any(tok.lower_ in t.not_units and tok.pos_ == "NOUN" for tok in mods):
            return None   # "a 7.8 magnitude earthquake"
        head = self._parse_head(span, head)
        if head is not None:
            self._take_noun(doc, head, mods if head.i > span.end and all(m.i < head.i for m in mods) else
                            tuple(tok for tok in doc[span.end:head.i] if tok.pos_ in ("ADJ", "PROPN", "NOUN")), r)
            self._distributive(doc, head.i + 1, r)
            return r
        if a.vague:
            return None
        if j < len(doc) and doc[j].lower_ in t.anaphoric:
            r.anaphoric, r.end_char = True, doc[j].idx + len(doc[j])
            self._distributive(doc, j + 1, r)
            return r
        if j < len(doc) and doc[j].pos_ in ("ADJ", "VERB") and doc[j].tag_ in ("JJ", "VBN", "VBD") \
                and (doc[j].lemma_.lower() in t.predicates or doc[j].lower_ in t.predicates):
            r.anaphoric, r.post_pred = True, doc[j]   # "12 dead", "14 killed", "about 120 arrested"
            r.end_char = doc[j].idx + len(doc[j])
            return r
        if j + 1 < len(doc) and doc[j].lower_ in t.light_verbs and doc[j + 1].lemma_.lower() in t.unit_category:
            r.anaphoric, r.end_char = True, doc[j + 1].idx + len(doc[j + 1])
            r.light_category = t.unit_category[doc[j + 1].lemma_.lower()]
            return r
        if self.is_designation(doc, span):
            return None
        # copula: "total valid votes cast are 10,615,361"
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lemma_ == "be":
            subj = [c for c in prev.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"]
            if subj and subj[0].i < span.start:
                r.unit = _lower_lemma(subj[0])
                return r
        r.anaphoric = True
        return r

    @staticmethod
    def _parse_head(span: Span, head: Optional[Token]) -> Optional[Token]:
        """Prefer the parse's noun when the surface noun is only a part of its phrase
        ("27 search and rescue teams" counts teams, not searches)."""
        root = span.root
        if head is None or root.dep_ != "nummod" or root.head.pos_ != "NOUN":
            return head
        noun = root.head
        if noun != head and head.i < noun.i <= head.i + 5 and head in noun.subtree \
                and head.dep_ in ("compound", "conj", "amod", "nmod"):
            return noun
        return head

    def _noun_run(self, doc: Doc, j: int, span: Optional[Span] = None):
        """The counted noun right after a figure ("63 Russian servicemen" -> servicemen),
        with the words before it; (None, ()) when no noun follows."""
        t = self.t
        run: list[Token] = []
        k = j
        has_verb = False
        while k < len(doc) and len(run) < 7:
            tok = doc[k]
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            if tok.lower_ in t.anaphoric or tok.lower_ in ("others", "more"):
                # "10 more hostages", "two other civilians"; but "30 others", "two more"
                if tok.lower_ in ("other", "more", "additional", "remaining") and nxt is not None \
                        and nxt.pos_ in ("NOUN", "ADJ", "PROPN") and not run:
                    run.append(tok)
                    k += 1
                    continue
                break
            if tok.lower_ in t.light_verbs and nxt is not None and nxt.lemma_.lower() in t.unit_category:
                break   # "three sustained injuries": a verb the tagger read as an adjective
            if tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or (tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound")):
                has_verb = has_verb or tok.pos_ == "VERB"
                run.append(tok)
            elif tok.text in ("-", "\u2011") and run and tok.idx == run[-1].idx + len(run[-1]) and nxt is not None \
                    and nxt.idx == tok.idx + 1:
                run.append(tok)
            elif tok.text == "." and run and tok.idx == run[-1].idx + len(run[-1]) and len(run[-1]) <= 2:
                run.append(tok)   # "U.S" + "."
            else:
                break
            k += 1
        nouns = [i for i, tok in enumerate(run) if tok.pos_ == "NOUN" and tok.lower_ not in ("other", "more")]
        if nouns:
            i = nouns[0]
            # walk on through a compound: "police officers", not "prisoners food"
            while i + 1 < len(run) and (run[i + 1].pos_ in NOUN_POS and run[i].head == run[i + 1]
                                        or run[i + 1].pos_ == "NOUN" and run[i].dep_ == "compound"):
                i += 1
            if run[i].pos_ == "PROPN":
                i = max(n for n in nouns if n <= i)
            head = run[i]
            if has_verb and span is not None and not _linked(span.root, head):
                return None, ()
            return head, tuple(run[:i])
        # a nationality as the noun: "248 Russians", "two Americans"
        for i, tok in enumerate(run):
            plural_looking = tok.text[:1].isupper() and tok.lower_.endswith(("s", "men")) and len(tok) > 3
            if tok.pos_ == "PROPN" and tok.tag_ == "NNPS" or plural_looking and (
                    tok.ent_type_ == "NORP" or tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "FAC")):
                if i + 1 == len(run) or run[i + 1].pos_ not in NOUN_POS:
                    return tok, tuple(run[:i])
        return None, ()

    def _take_noun(self, doc: Doc, head: Token, mods, r: Reading) -> None:
        t = self.t
        lemma = _lower_lemma(head)
        if head.pos_ == "PROPN":
            r.demonym_unit = True
        compound = []
        for tok in reversed(mods):
            if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.is_alpha:
                compound.insert(0, tok.lower_)
            else:
                break
        unit = " ".join(compound + [lemma])
        end = head.idx + len(head)
        # "prisoners of war"
        if head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "of":
            cand = f"{lemma} of {doc[head.i + 2].lemma_.lower()}"
            if cand in t.of_compounds:
                unit, end = cand, doc[head.i + 2].idx + len(doc[head.i + 2])
        r.unit, r.head, r.end_char = unit, head, end
        r.mod_words = frozenset(tok.lower_ for tok in mods)
        r.modifiers = tuple(tok for tok in mods if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.ent_type_ == "NORP")
                            or (tok.pos_ == "ADJ" and tok.text[:1].isupper() and not tok.is_sent_start))
        if r.demonym_unit:
            r.modifiers = r.modifiers + (head,)

    def _partitive(self, doc: Doc, span: Span, j: int, a: Amount, r: Reading) -> Optional[Reading]:
        """'21 of the schoolgirls', 'dozens of soldiers', '87 of those freed', 'three of them'."""
        k = j + 1
        while k < len(doc) and (doc[k].pos_ in ("DET", "NUM") or doc[k].dep_ == "poss" or doc[k].tag_ == "PRP$"
                                or doc[k].lower_ in ("those", "these", "them", "'s", "\u2019s")):
            if doc[k].lower_ == "them":
                r.anaphoric, r.end_char = True, doc[k].idx + len(doc[k])
                return r
            k += 1
        if k < len(doc) and doc[k].pos_ in ("VERB", "ADJ") and doc[k].tag_ in ("VBN", "VBD", "JJ") and (
                k + 1 >= len(doc) or doc[k + 1].pos_ not in NOUN_POS):
            r.anaphoric, r.partitive_pred, r.end_char = True, doc[k], doc[k].idx + len(doc[k])
            return r
        head, mods = self._noun_run(doc, k)
        if head is None:
            # the parse's object of "of": "hundreds of his (...) party supporters"
            objs = [c for c in doc[j].children if c.dep_ == "pobj"]
            objs += [c for o in objs for c in o.children if c.dep_ == "appos"]
            objs = [o for o in objs if o.pos_ == "NOUN" and o.i - j <= 12]
            if objs:
                head = objs[0]
                mods = tuple(c for c in head.lefts if c.dep_ in ("compound", "amod") and c.i > j)
        if head is None:
            if a.vague:
                return None
            r.anaphoric = True
            return r
        self._take_noun(doc, head, mods, r)
        return r

    def _distributive(self, doc: Doc, k: int, r: Reading) -> None:
        if k < len(doc) and doc[k].lower_ in ("each", "apiece"):
            r.distributive = True
            r.end_char = doc[k].idx + len(doc[k])

    # -- building the claim -------------------------------------------------
    def build(self, doc, text, span, a, r, meta, si, sents, quotes, entity_names, region,
              evidences) -> Optional[NumericClaim]:
        t = self.t
        sent = sents[si]
        if r.head is not None and not (sent.start <= r.head.i < sent.end):
            return None
        anchor = span.root if (r.partitive or r.head is None) else r.head
        r.embedded = _embedded(anchor, sent)
        governor = self.governor(anchor, sent)
        category = self.category(doc, span, a, r, anchor, governor)
        unit = r.unit
        if r.anaphoric and unit is None:
            wanted = category
            if r.partitive_pred is not None:
                wanted = self.trigger(r.partitive_pred, None, None, False) or category
            unit, source = self.antecedent(doc, span, meta, si, sents, governor, wanted)
            if source is not None and category == "OTHER" and r.partitive_pred is None \
                    and self._gapped(governor, span):
                # "5,894 people died in Turkey and 1,932 in Syria": the verb is left out too
                category = source.category
            if unit is None and category in HUMAN_CATEGORIES:
                unit = t.default_unit
            if unit is None:
                return None
        if unit is None or not re.search(r"[a-z]", unit):
            return None
        head_word = unit.split(" of ")[0].split()[-1]
        if not (a.percent or a.currency) and (head_word in t.time_units or head_word in t.not_units):
            return None
        # "the 7.8 quake": a magnitude, unless the noun is plural ("three earthquakes")
        if r.head is not None and head_word in t.magnitude_nouns and (
                r.head.tag_ == "NN" or a.value is not None and a.value != int(a.value)):
            return None
        # "28 degrees north": a coordinate
        if "degree" in unit.split() and r.head is not None and (
                r.head.lower_ in t.compass or r.head.i + 1 < len(doc) and doc[r.head.i + 1].lower_ in t.compass):
            return None
        if unit in t.measure_units or head_word in t.measure_units:
            category = "OTHER"
        currency = a.currency
        if currency is None and not a.percent and head_word in t.currency_names:
            currency = t.currency_qualified.get(self._qualified_currency(r), t.currency_names[head_word])
        if currency:
            category = "MONEY"
        elif a.percent:
            category = "PERCENT"
        elif a.magnitude and t.reader.magnitudes[a.magnitude].get("money_only"):
            return None
        if a.vague and head_word in t.vague_not_counted:
            return None
        # "one": a pronoun far more often than a count; keep it where it counts casualties
        # and the like, or comes with a magnitude
        if a.word_number and a.value == 1 and a.magnitude is None and not currency and (
                category in ("OTHER", "AFFECTED") or r.head is None):
            return None
        # "one of the Americans": singles out a member, counts nothing
        if a.value == 1 and r.partitive and a.magnitude is None and not currency:
            return None
        # "between the two countries": the parties of a relation, not a count
        if a.value == 2 and r.head is not None and span.start > 0 \
                and doc[span.start - 1].lower_ in ("the", "both", "these", "those") \
                and (head_word in t.relational or unit in t.relational):
            return None
        qualifier, q_start = self.qualifier(doc, text, span, a, r)
        if qualifier == "exact" and meta and re.fullmatch(r"\s*\(\s*", text[meta[-1][2].end:a.start]):
            qualifier = meta[-1][2].qualifier   # "about 76km (47 miles)": a conversion keeps the qualifier
        start = min(q_start, a.start)
        end = max(r.end_char if r.end_char > span.end_char else a.end, a.end)
        ev = evidences.get(si) or evidences.setdefault(si, evidence(doc, sent))
        start, end = max(start, ev.start), min(end, ev.end)
        hypothetical, negated = self.modality(doc, span, governor)
        r.category = category
        return NumericClaim(
            id="", text=text[start:end], start=start, end=end,
            value=a.value, low=a.low, high=a.high, unit=unit, currency=currency,
            modifiers=[Modifier(text=m.text, entity_id=link_modifier(m.text, entity_names, t.demonyms))
                       for m in _group_modifiers(r.modifiers)],
            qualifier=qualifier, category=category, distributive=r.distributive,
            in_quote=quotes.at(span.start_char) is not None, in_caption=region == "caption",
            negated=negated, hypothetical=hypothetical, evidence=ev)

    def _qualified_currency(self, r: Reading) -> str:
        words = [m.text.lower() for m in r.modifiers if not m.is_punct]
        if r.head is None:
            return ""
        name = r.head.lemma_.lower()
        for i in range(len(words)):
            cand = " ".join(words[i:] + [name])
            if cand in self.t.currency_qualified:
                return cand
        return ""

    # -- qualifier ------------------------------------------------------------
    def qualifier(self, doc: Doc, text: str, span: Span, a: Amount, r: Reading) -> tuple[str, int]:
        t = self.t
        if a.vague or a.low is not None:
            q_start = span.start_char
            if a.low is not None:
                window = text[max(0, span.start_char - 12):span.start_char]
                mb = re.search(r"between\s+$", window, re.I)
                if mb:
                    q_start = span.start_char - (len(window) - mb.start())
            return "approximate", q_start
        window = text[max(0, span.start_char - 30):span.start_char]
        window = window[window.rfind("\n") + 1:]   # a qualifier never sits on the line before
        m = t.qualifier_before_re.search(window)
        if m and m.group(1).lower() in t.qualifier_fillers:
            # "at least a reported eight": look past the filler
            inner = window[:m.start(1)]
            m2 = t.qualifier_before_re.search(inner)
            if m2 and m2.group(1).lower() not in t.qualifier_fillers:
                m = m2
        if m:
            phrase = m.group(1).lower()
            q_start = span.start_char - (len(window) - m.start(1))
            first = doc.char_span(q_start, q_start + 1, alignment_mode="expand")
            spatial = phrase in ("over", "under", "above", "below", "around")
            # "crops over 2.1 million hectares": a preposition after a noun, not a qualifier
            if not (spatial and first is not None and first.start > 0 and doc[first.start - 1].pos_ in NOUN_POS):
                return t.qualifier_before[phrase], q_start
        for pos in (a.end, r.end_char):
            m = t.qualifier_after_re.match(text[pos:pos + 20])
            if m and (pos == a.end or m.group(1).lower() in t.qualifier_after_noun):
                return t.qualifier_after[m.group(1).lower()], span.start_char
        return "exact", span.start_char

    # -- governor, category, modality ---------------------------------------
    def governor(self, anchor: Token, sent: Span) -> Optional[Token]:
        """The predicate (verb, adjective or event noun) that says what happened to
        the counted things: climb from the noun (or the figure) to its clause."""
        tok = anchor
        for _ in range(6):
            dep = tok.dep_
            head = tok.head
            if head == tok or not (sent.start <= head.i < sent.end):
                return None
            if dep in ("conj", "appos", "nummod", "quantmod", "compound", "nmod", "amod", "npadvmod", "advmod"):
                if dep == "conj" and head.pos_ in ("VERB", "AUX"):
                    return None
                tok = head
                continue
            if dep in SUBJECT_DEPS or dep in ("dobj", "obj", "attr", "oprd", "dative", "acomp", "xcomp"):
                return head
            if dep == "pobj":
                prep = head
                owner = prep.head
                if not (sent.start <= owner.i < sent.end):
                    return None
                if prep.lower_ == "of":
                    if owner.lemma_.lower() in self.t.predicates and owner.pos_ in NOUN_POS \
                            and owner.lemma_.lower() not in self.t.verb_only:
                        return owner
                    # "the return home of 230 soldiers": the parse hangs "of" on "home"
                    for c in owner.children:
                        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in self.t.predicates:
                            return c
                    if owner.pos_ in NOUN_POS:
                        tok = owner
                        continue
                if prep.lower_ in ("to", "for") and owner.pos_ == "NOUN" and owner.lemma_.lower() in self.t.predicates:
                    return owner   # "aid to millions of people"
                if prep.lower_ in ("to", "for") and owner.pos_ == "VERB":
                    # "scale up aid to millions": the parse hangs "to" on the verb, it belongs to "aid"
                    for c in owner.children:
                        if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in self.t.predicates:
                            return c
                if owner.pos_ in ("VERB", "AUX") and (
                        prep.lower_ in self.t.qualifier_before and prep.lower_ not in ("to", "at")
                        or prep.lower_ in ("to", "at") and owner.lemma_.lower() in self.t.toll_verbs):
                    return owner
                if owner.pos_ == "VERB" and prep.lower_ in ("in", "across", "throughout") \
                        and anchor_word(tok) in self.t.place_nouns:
                    return owner
                return None
            if dep in ("relcl", "acl"):
                return head if head.pos_ in ("VERB",) else None
            return None
        return None

    def trigger(self, pred: Token, noun: Optional[Token], unit: Optional[str], as_subject: bool) -> Optional[str]:
        t = self.t
        lemma = pred.lemma_.lower()
        cat = t.predicates.get(lemma)
        if cat is None and pred.lower_ in t.predicates:
            lemma = pred.lower_
            cat = t.predicates[lemma]
        parts = {c.lemma_.lower() for c in pred.children if c.dep_ in ("prt", "dobj", "oprd", "acomp", "advmod", "npadvmod")}
        for p in parts:
            if f"{lemma} {p}" in t.multiword:
                cat = t.multiword[f"{lemma} {p}"]
                return None if cat == "OTHER" else cat
        if cat is None or pred.pos_ in NOUN_POS and lemma in t.verb_only:
            return None
        if lemma in t.phrasal:
            parts = {c.lower_ for c in pred.children if c.dep_ in ("prt", "advmod", "dobj", "oprd", "acomp", "npadvmod")}
            parts |= {c.lemma_.lower() for c in pred.children if c.dep_ in ("prt", "advmod", "dobj", "oprd", "acomp")}
            if not parts & t.phrasal[lemma]:
                return None
        if lemma in t.object_only and as_subject and pred.tag_ != "VBN":
            return None
        if lemma in t.restricted:
            allowed = t.restricted[lemma]
            head_word = (unit or "").split(" of ")[0].split()[-1:] or [""]
            ok = head_word[0] in allowed or ("@person" in allowed and (head_word[0] in t.person_nouns or unit is None))
            if not ok:
                return None
        return cat

    def category(self, doc: Doc, span: Span, a: Amount, r: Reading, anchor: Token, governor: Optional[Token]) -> str:
        t = self.t
        if a.currency:
            return "MONEY"
        if a.percent:
            return "PERCENT"
        if r.light_category:
            return r.light_category
        deferred = None
        if governor is not None and governor.pos_ == "VERB" and anchor_word(anchor) in t.place_nouns \
                and any(c.dep_ == "pobj" and c == anchor or c.dep_ == "prep" and anchor in c.children
                        for c in governor.children) and self.trigger(governor, None, None, False):
            return "AFFECTED"   # "affected in nearly 5,000 villages"
        finite = self._past_reduced_relative(governor, anchor)
        if finite is not governor and self.trigger(finite, anchor, r.unit, self._is_subject(anchor, finite)):
            governor = finite
        if governor is not None:
            as_subject = self._is_subject(anchor, governor)
            cat = self._toll(governor, anchor, r)
            if cat:
                return cat
            cat = self.trigger(governor, anchor, r.unit, as_subject)
            if cat and self._requested(governor):
                deferred, cat = cat, None
            if cat:
                return cat
            cat = self._governor_context(governor, anchor, r, as_subject)
            if cat:
                return cat
        for pred in (r.partitive_pred, r.post_pred):
            if pred is not None:
                cat = self.trigger(pred, None, r.unit, False)
                if cat:
                    return cat
        for owner in (span.root, r.head):
            if owner is None:
                continue
            for c in owner.children:
                if c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ") and c.i > span.start - 3:
                    cat = self.trigger(c, owner, r.unit, False)
                    if cat:
                        return cat
                    # "survivors who have been rendered homeless"
                    for cc in c.children:
                        if cc.dep_ in ("acomp", "oprd", "xcomp") and cc.pos_ in ("ADJ", "VERB"):
                            cat = self.trigger(cc, owner, r.unit, False)
                            if cat:
                                return cat
                    # "prisoners involved in the swap"
                    if c.lemma_.lower() in t.inclusion_verbs:
                        for p in c.children:
                            for o in p.children if p.dep_ in ("prep", "agent") else ():
                                if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in t.predicates:
                                    cat = self.trigger(o, None, r.unit, False)
                                    if cat:
                                        return cat
        if r.embedded:
            # "two policemen" in "14 people, including two policemen, were killed"
            host = next((a for a in anchor.ancestors if a.lower_ in ("including", "among", "excluding", "like")), None)
            if host is not None and host.head.pos_ in ("VERB", "ADJ"):
                cat = self.trigger(host.head, None, r.unit, False)
                if cat:
                    return cat
            if host is not None and host.head.pos_ in NOUN_POS:
                sent = anchor.doc[host.head.sent.start:host.head.sent.end]
                g = self.governor(host.head, sent)
                if g is not None:
                    cat = self.trigger(g, host.head, r.unit, self._is_subject(host.head, g))
                    if cat:
                        return cat
        head_word = (r.unit or "").split(" of ")[0].split()[-1:] or [""]
        if r.unit in t.captive_nouns or head_word[0] in t.captive_nouns:
            if r.mod_words & t.release_modifiers:
                return "RELEASED"
        if deferred:
            return deferred
        if r.unit in t.unit_category:
            return t.unit_category[r.unit]
        return "OTHER"

    def _governor_context(self, governor: Token, anchor: Token, r: Reading, as_subject: bool) -> Optional[str]:
        t = self.t
        # "three sustained injuries", "suffered wounds"; "granted the five clemency"
        for c in governor.children:
            lemma = c.lemma_.lower()
            if c.dep_ in ("dobj", "attr", "acomp") and lemma in t.unit_category and as_subject:
                return t.unit_category[lemma]
            if c.dep_ == "dobj" and c != anchor and not as_subject and c.pos_ == "NOUN" and lemma in t.predicates \
                    and (governor.lower_ in t.light_verbs or governor.lemma_.lower() in t.light_verbs):
                cat = self.trigger(c, anchor, r.unit, False)
                if cat:
                    return cat
            if c.dep_ in ("acomp", "attr", "oprd", "xcomp") and lemma in t.predicates and c != anchor:
                cat = self.trigger(c, anchor, r.unit, True)
                if cat:
                    return cat
        if governor.lemma_.lower() in t.inclusion_verbs:
            # "an exchange involving 900 prisoners"
            if governor.dep_ in ("acl", "relcl") and governor.head.lemma_.lower() in t.predicates \
                    and governor.head.pos_ == "NOUN":
                return t.predicates[governor.head.lemma_.lower()]
            # "among those released were seven", "included in the released group"
            own = set(x.i for x in anchor.subtree)
            for c in governor.children:
                if c.i in own or c.dep_ in ("aux", "auxpass", "neg", "punct"):
                    continue
                for cc in c.subtree:
                    if cc.pos_ in ("VERB", "ADJ") and cc.tag_ in ("VBN", "VBD", "JJ") and cc.dep_ in ("acl", "amod", "relcl", "pobj"):
                        cat = self.trigger(cc, None, r.unit, False)
                        if cat:
                            return cat
        return None

    def _past_reduced_relative(self, governor: Optional[Token], anchor: Token) -> Optional[Token]:
        """'2,800 Ukrainians taken captive in the war have been released': the parser made
        the participle the predicate; the finite verb it is coordinated with is."""
        if governor is None or governor.pos_ != "VERB" or governor.tag_ != "VBN" or governor.i != anchor.i + 1:
            return governor
        if any(c.dep_ in ("aux", "auxpass") for c in governor.children):
            return governor
        for c in list(governor.children) + [governor.head]:
            if c.pos_ == "VERB" and c.i > governor.i and (c.dep_ in ("conj", "ccomp") or c == governor.head) \
                    and any(cc.dep_ in ("aux", "auxpass") for cc in c.children):
                return c
        return governor

    def _toll(self, governor: Token, anchor: Token, r: Reading) -> Optional[str]:
        """'the death toll rose to 50', 'put the number of dead at 73'; a toll counts
        deaths (or injuries...), the noun it names becomes the unit."""
        t = self.t
        if governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() not in t.toll_verbs | {"be"}:
            return None
        args = list(governor.children)
        if governor.dep_ == "conj":   # "the toll rose and could reach 10,000": the subject is shared
            args += [c for c in governor.head.children if c.dep_ in SUBJECT_DEPS]
        for c in args:
            if (c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj") and c != anchor \
                    and c.lemma_.lower() in ("toll", "number", "total", "tally", "count", "figure"):
                for cc in c.subtree:
                    lemma = cc.lemma_.lower()
                    cat = t.predicates.get(lemma) or t.unit_category.get(lemma)
                    if cat in HUMAN_CATEGORIES:
                        if r.unit is None and r.anaphoric:
                            named = lemma if cc.pos_ == "NOUN" and lemma in t.unit_category \
                                and lemma not in ("dead", "wounded", "injured", "displaced") else None
                            r.unit = named or ("death" if cat == "KILLED" else None)
                        return cat
        return None

    def _requested(self, pred: Token) -> bool:
        """'urge Tehran to release the sailors': what is asked for did not happen."""
        tok = pred
        for _ in range(2):
            if tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.head.lemma_.lower() in self.t.request_verbs:
                return True
            if tok.head == tok:
                break
            tok = tok.head
        return False

    @staticmethod
    def _is_subject(noun: Token, governor: Token) -> bool:
        tok = noun
        for _ in range(6):
            if tok.head == governor:
                return tok.dep_ in ("nsubj", "csubj")
            if tok.head == tok:
                return False
            tok = tok.head
        return False

    def modality(self, doc: Doc, span: Span, governor: Optional[Token]) -> tuple[bool, bool]:
        t = self.t
        hypothetical = negated = False
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in ("not", "no"):
            negated = True
        tok = governor
        for _ in range(3):
            if tok is None:
                break
            for c in tok.children:
                if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
                    negated = True
                if c.dep_ == "aux" and c.lower_ in t.modals:
                    hypothetical = True
                if c.dep_ == "mark" and c.lower_ in t.conditional_marks:
                    hypothetical = True
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in t.hypothetical_verbs:
                hypothetical = True
            if tok.dep_ not in ("xcomp", "ccomp", "conj") or tok.head == tok:
                break
            tok = tok.head
        return hypothetical, negated

    # -- antecedents ---------------------------------------------------------
    def antecedent(self, doc: Doc, span: Span, meta, si: int, sents, governor, category) -> Optional[str]:
        """The counted noun a figure stands for when it is left out: an event noun for
        'two more took place', else the nearest earlier claim of the same category,
        else the nearest earlier claim; never a claim inside 'including ...'."""
        t = self.t
        if governor is not None and governor.pos_ == "VERB":
            phrase = governor.lemma_.lower()
            objs = [c.lemma_.lower() for c in governor.children if c.dep_ in ("dobj", "attr")]
            if phrase in t.event_verbs or any(f"{phrase} {o}" in t.event_verbs for o in objs):
                lo = sents[max(0, si - 2)].start
                for k in range(span.start - 1, lo - 1, -1):
                    tok = doc[k]
                    if tok.pos_ == "NOUN" and tok.lemma_.lower() in t.event_nouns:
                        return tok.lemma_.lower(), None
        usable = []
        for looked, (msi, reading, claim) in enumerate(reversed(meta)):
            if looked >= _MAX_ANTECEDENT_LOOKBACK:
                break  # bounded: a page of figures without sentence ends must stay linear
            if msi == si and claim.end <= span.start_char and claim.unit and not reading.demonym_unit \
                    and not reading.embedded and claim.category not in ("MONEY", "PERCENT") \
                    and claim.unit not in t.no_antecedent and not usable:
                return claim.unit, claim   # the nearest claim of the same sentence
            if si - msi > self.antecedent_sentences * 3:
                break
            if claim.currency or claim.category in ("MONEY", "PERCENT") or claim.unit is None:
                continue
            if reading.demonym_unit or reading.embedded or claim.unit in t.no_antecedent:
                continue
            if reading.anaphoric and reading.head is None and claim.unit == t.default_unit and claim.category != category:
                continue
            usable.append((msi, claim))
        if category in HUMAN_CATEGORIES:
            for msi, claim in usable:
                if claim.category == category:
                    return claim.unit, None
        for msi, claim in usable:
            if si - msi <= self.antecedent_sentences:
                return claim.unit, None
        return None, None

    def _gapped(self, governor: Optional[Token], span: Span) -> bool:
        """A figure with no verb of its own: coordinated after an earlier one, or the
        object of a verb of totals ("bringing the total to 7,826")."""
        if governor is None:
            return True
        return governor.lemma_.lower() in self.t.toll_verbs | self.t.inclusion_verbs


# ---------------------------------------------------------------- helpers

def quote_ranges(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, True) for each stretch between quotation marks, within a paragraph;
    an opening mark never closed runs to the paragraph's end."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        para_end = text.find("\n", pos)
        para_end = n if para_end < 0 else para_end
        i = pos
        while i < para_end:
            ch = text[i]
            close = QUOTE_PAIRS.get(ch)
            if close is not None:
                j = text.find(close, i + 1, para_end)
                if j < 0:
                    out.append((i, para_end, True))
                    break
                out.append((i, j + 1, True))
                i = j + 1
            else:
                i += 1
        pos = para_end + 1
    return out


def segments(doc: Doc) -> list[Span]:
    """The model's sentences, cut again at line breaks: a headline, a caption or a
    paragraph never runs into the next one, even where the parser joined them.
    Without a parser or sentencizer, the lines alone."""
    out = []
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                end = tok.i + 1
                if any(not t.is_space for t in doc[start:end]):
                    out.append(doc[start:end])
                start = end
        if start < sent.end and any(not t.is_space for t in doc[start:sent.end]):
            out.append(doc[start:sent.end])
    return out


def repeated_sentences(sents) -> set[int]:
    """Indexes of sentences that repeat an earlier one word for word (a headline the
    page prints twice): their figures are claimed once."""
    seen, out = set(), set()
    for i, s in enumerate(sents):
        key = " ".join(re.findall(r"\w+", s.text.lower()))
        if len(key) < 12:
            continue
        if key in seen:
            out.add(i)
        seen.add(key)
    return out


def _norm_name(s: str) -> str:
    s = s.lower().replace("\u2019", "'").strip()
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^the\s+", "", s)
    return " ".join(s.split())


def entity_index(entities) -> dict[str, str]:
    """Normalized name, alias or mention -> entity id."""
    index: dict[str, str] = {}
    for e in entities:
        names = [e.name, *e.aliases, *(m.text for m in e.mentions)]
        for n in names:
            key = _norm_name(n)
            if key:
                index.setdefault(key, e.id)
    return index


def link_modifier(text: str, index: dict[str, str], demonyms: dict[str, list[str]]) -> Optional[str]:
    """The entity a modifier points to: its own name ("Boko Haram"), a demonym's
    country ("Russian" -> Russia, "Dutch" -> Netherlands), or None."""
    key = _norm_name(text)
    if not key or not index:
        return None
    if key in index:
        return index[key]
    single = _singular(key) if key.endswith("s") else key
    for cand in demonyms.get(key, []) + demonyms.get(single, []):
        if cand in index:
            return index[cand]
    best, best_len = None, 0
    for name, eid in index.items():
        common = 0
        for x, y in zip(single, name):
            if x != y:
                break
            common += 1
        if common >= 4 and common >= len(name) - 1 and len(single) - common <= 4 and common > best_len:
            best, best_len = eid, common
    return best


def anchor_word(tok: Token) -> str:
    return tok.lemma_.lower()


def _linked(figure: Token, noun: Token) -> bool:
    """Whether the parse ties a figure to a noun (directly or through its phrase)."""
    return figure.head == noun or noun in figure.ancestors or figure in noun.children


def _embedded(tok: Token, sent: Span) -> bool:
    """Inside 'including ...', 'among them ...': a part of a group already counted.
    Looks a few heads up only: a long coordination chain must not make it quadratic."""
    for depth, anc in enumerate(tok.ancestors):
        if depth >= 12:
            return False
        if not (sent.start <= anc.i < sent.end) or anc.pos_ in ("VERB", "AUX") and anc.dep_ != "prep":
            return False
        if anc.lower_ in ("including", "among", "excluding", "like"):
            return True
    return False


def _group_modifiers(tokens) -> list:
    """Consecutive tokens of a modifier as one ("Boko Haram"), as spans or tokens."""
    groups: list[list[Token]] = []
    for tok in tokens:
        if groups and groups[-1][-1].i + 1 == tok.i and tok.pos_ == "PROPN" and groups[-1][-1].pos_ == "PROPN":
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return [g[0].doc[g[0].i:g[-1].i + 1] for g in groups]


@Language.factory(
    "newsextract_numeric_claims",
    default_config={"keep_captions": False, "antecedent_sentences": 6, "zero_claims": False},
)
def make_numeric_claims(nlp: Language, name: str, keep_captions: bool, antecedent_sentences: int,
                        zero_claims: bool):
    return NumericClaims(keep_captions=keep_captions, antecedent_sentences=antecedent_sentences,
                         zero_claims=zero_claims)
