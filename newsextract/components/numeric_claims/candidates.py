"""Which figures can be claims: dates, times, durations, ages, designations and
descriptive measures are not."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .lemmas import singular
from .lexicon import Lexicon
from .numbers import Amount

# a bare four-digit figure from 1800 to 2100 reads as a year
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
# the word glued after a hyphen: "7.8-magnitude", "three-story"
_HYPHENATED_WORD = re.compile(r"-([A-Za-z][\w-]*)")
# a bracketed figure after a name under this is an age: "Smith (45)"
_MAX_BRACKETED_AGE = 120


def is_candidate(lex: Lexicon, doc: Doc, span: Span, a: Amount, text: str) -> bool:
    """Whether the figure at `span` may be a claim, from its words and its neighbours."""
    before = text[max(0, a.start - 2):a.start]
    # designations glued to letters: "Su-25", "COVID-19"
    if before.endswith("-") and len(before) == 2 and before[0].isalpha():
        return False
    if a.currency or a.percent:
        return True
    ents = {tok.ent_type_ for tok in span}
    if ents & lex.name_entity_labels:
        return False
    if a.vague:
        return True
    # months next to the figure: "June 14", "14 June"
    prev_tok = doc[span.start - 1] if span.start > 0 else None
    next_tok = doc[span.end] if span.end < len(doc) else None
    for tok in (prev_tok, next_tok):
        if tok is not None and tok.is_title and tok.lower_.rstrip(".") in lex.months:
            return False
    # a span of years: "the 2019-2024 period", "1990 to 1995"
    if a.low is not None and not a.word_number and _YEAR.fullmatch(a.digits) \
            and a.high == int(a.high) and _YEAR.fullmatch(str(int(a.high))):
        return False
    if a.value is not None and not a.word_number and _YEAR.fullmatch(a.digits):
        if next_tok is None or next_tok.tag_ not in ("NNS", "NNPS"):
            return False
    # "magnitude 7.8", "a magnitude of 7.3"
    for k in (span.start - 1, span.start - 2):
        if k >= 0 and doc[k].lower_ in lex.measure_cues and (k == span.start - 1 or doc[k + 1].lower_ == "of"):
            return False
    if lex.measure_after.match(text[a.end:a.end + 20]):
        return False
    # ages
    if prev_tok is not None and prev_tok.lower_ in lex.age_cues:
        return False
    if lex.age_after.match(text[a.end:a.end + 14]):
        return False
    if prev_tok is not None and prev_tok.text == "(" and next_tok is not None and next_tok.text == ")" \
            and a.value is not None and a.value < _MAX_BRACKETED_AGE and span.start > 1 \
            and doc[span.start - 2].pos_ == "PROPN":
        return False
    # times and durations written after the figure ("1 am", "three weeks")
    if next_tok is not None and (next_tok.lower_.rstrip(".") in lex.time_units
                                 or next_tok.lower_.rstrip(".") in lex.clock_marks):
        return False
    if next_tok is not None and next_tok.text == ":":
        return False
    # hyphenated measures that describe ("7.8-magnitude", "three-story")
    if text[a.end:a.end + 1] == "-":
        m = _HYPHENATED_WORD.match(text[a.end:a.end + 30])
        if m:
            word = m.group(1).lower()
            head = word.split("-")[0]
            if head in lex.descriptive_units or singular(head) in lex.descriptive_units or word in lex.descriptive_units:
                return False
    return True


def is_designation(lex: Lexicon, doc: Doc, span: Span) -> bool:
    """'Resolution 242', 'Flight 17': a figure right after a name or a series word."""
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_.rstrip(".") in lex.designation_cues or prev.lower_ in lex.designation_cues:
        return True
    if prev.text in lex.designation_signs:
        return True
    return prev.pos_ == "PROPN" and prev.is_title and not prev.is_sent_start and prev.ent_type_ != "NORP"
