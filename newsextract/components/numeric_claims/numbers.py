"""Figures in raw text: digits, written-out numbers, magnitudes, money, percentages,
ranges and vague amounts, found with one compiled regex and read to a value.

Knows nothing of the parse: which figures are claims is decided later. The
words come from numbers.json and numeric_currencies.json; the regexes here only
encode how a figure is written (digit groups, where a sign or a magnitude sits,
the "X to Y" / "between X and Y" / "1 in 5" shapes).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from .tables import CurrenciesTable, NumbersTable


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _phrase_alternation(words) -> str:
    """Like `alternation`, a space standing for any one whitespace character and a
    word ending in a letter closed by a word boundary."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        pattern = re.escape(w).replace(r"\ ", r"\s")
        parts.append(pattern + (r"\b" if w[-1:].isalnum() else ""))
    return "|".join(parts)


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
    low_end: int = 0                   # a range: where its low figure ends ("between 20| and 30")
    high_start: int = 0                # a range: where its high figure starts ("between 20 and |30")
    unit: Optional[str] = None         # a unit written onto the digits: "76km"


class NumberReader:
    """Finds figures in raw text with one compiled regex and reads their value.

    Knows nothing of the parse: which figures are claims is decided later."""

    def __init__(self, numbers: NumbersTable, currencies: CurrenciesTable):
        self.units = numbers.units
        self.tens = numbers.tens
        self.scales = numbers.scales
        self.fractions = {k.lower(): v for k, v in numbers.fractions.items()}
        self.magnitudes = {k.lower(): v for k, v in numbers.magnitudes.items()}
        self.vague = {k.lower(): v for k, v in numbers.vague.items()}
        self.signs = currencies.signs
        self.codes = set(currencies.unit_names)
        self.attached_units = {k.lower(): v for k, v in numbers.attached_units.items()}
        self.and_after = [w.lower() for w in numbers.and_after]
        self.percent_words = {" ".join(k.lower().split()): v for k, v in numbers.percent_words.items()}
        word = alternation(list(self.units) + list(self.tens) + list(self.scales))
        sign = alternation(self.signs)
        code = alternation(self.codes)
        mag = alternation(self.magnitudes)
        # thousands grouping, South-Asian lakh grouping ("12,45,300"), or none
        digits = r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
        # "and" joins number words only after these scales: "two hundred and fifty"
        joined = "".join(rf"|(?<={re.escape(w)})\s+and\s+" for w in self.and_after)
        # "half a million", "a quarter of a million"
        fraction = rf"(?:(?:an?\s+)?(?:{alternation(self.fractions)})\s+(?:of\s+)?)"
        words = (rf"(?:{fraction}?an?\s+(?:{alternation(self.scales)})|(?:{word}))"
                 rf"(?:(?:\s*-\s*|\s+{joined})(?:{word}))*")
        self.pattern = re.compile(
            rf"(?<![\w.,/:#@&$€£¥₹])"
            rf"(?:(?P<pre>(?-i:{sign}|{code}))\s?)?"
            rf"(?:(?P<digits>{digits})|(?P<words>\b{words}\b))"
            rf"(?:(?P<magsp>\s*)(?P<mag>{mag})\b)?"
            rf"(?:(?<=\d)(?P<aunit>{alternation(self.attached_units)})\b)?"
            rf"(?:(?P<postsp>\s?)(?P<post>(?-i:{sign}|{code}))(?![\w$]))?"
            rf"(?P<pct>(?:\s*|-)(?:{_phrase_alternation(self.percent_words)}))?"
            rf"(?![\w]|[.,:/]\d|['\u2019]s\b)",
            re.I,
        )
        # phone numbers: "+44 20 7946 0958", "(555) 123-4567", "555-123-4567"
        self.phone_pattern = re.compile(
            r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b")
        self.vague_pattern = re.compile(rf"\b(?:{_phrase_alternation(self.vague)})", re.I)
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
        # "a quarter of a million": the article before a fraction is no number
        lead = 1 if len(parts) > 1 and parts[0] in ("a", "an") and parts[1] in self.fractions else 0
        for i, w in enumerate(parts):
            if i < lead:
                continue
            if w == "and" or w == "of" and last == "fraction":
                used = i + 1
                continue
            if w in self.fractions and i == lead:
                current, last = self.fractions[w], "fraction"
            elif w in ("a", "an"):
                if last != "fraction":
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
        # vague amounts first: "several dozen" is one vague amount, not "dozen" = 12
        vague = [Amount(m.start(), m.end(), None, vague=True, digits=" ".join(m.group(0).lower().split()))
                 for m in self.vague_pattern.finditer(text)]
        vague_starts = [a.start for a in vague]
        for m in self.pattern.finditer(text):
            if phones and any(s <= m.start() < e for s, e in phones):
                continue
            k = bisect_left(vague_starts, m.end()) - 1   # the last vague amount starting before this figure ends
            if k >= 0 and vague[k].end > m.start():
                continue
            amount = self._amount(m, text)
            if amount is not None:
                out.append(amount)
        out.extend(vague)
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
            if (info.attached_only and not attached) or word_number and info.value < 1000:
                end = m.start("mag") - len(m.group("magsp"))
            else:
                magnitude = mag
                value *= info.value
        percent = None
        if m.group("pct"):
            percent = self.percent_words[" ".join(m.group("pct").lower().lstrip("-").split())]
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
                        low *= self.magnitudes[a.magnitude].value
                    if low >= high and gap.strip() in ("-", "\u2013") and not (prev.currency or prev.percent):
                        out[-1] = None   # "won 12-3": a score, not an amount
                        continue
                    if low < high:
                        out[-1] = Amount(prev.start, a.end, None, currency=prev.currency or a.currency,
                                         percent=prev.percent or a.percent, low=low, high=high,
                                         word_number=prev.word_number, magnitude=a.magnitude or prev.magnitude,
                                         digits=prev.digits, parts=(prev, a) if "to" in gap.lower() else (),
                                         low_end=prev.end, high_start=a.start)
                        continue
            if out and out[-1] is None:
                out.pop()
            out.append(a)
        return [a for a in out if a is not None]
