"""The qualifier of a figure: "at least", "nearly", "up to" before it, "or more"
after it or its noun; a range or a vague amount is "approximate" (a vague amount
keeps a bound: "no more than a few hundred"; a range is split into its two ends
later, in article.py)."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from .lexicon import Lexicon
from .numbers import Amount
from .units import NOUN_POS, Reading

# "between" opening a range "between 20 and 30": the claim starts there
_BETWEEN_BEFORE = re.compile(r"between\s+$", re.I)
# how far before a figure a qualifier may start, and after it one may end
_BEFORE_WINDOW = 30
_AFTER_WINDOW = 20
_BETWEEN_WINDOW = 12


def qualifier(lex: Lexicon, doc: Doc, text: str, span: Span, a: Amount, r: Reading) -> tuple[str, int]:
    """The qualifier of the figure and where the claim's text starts."""
    if a.vague:
        # "no more than a few hundred": a bound on a vague amount is kept; else approximate
        phrase, q_start = _before(lex, doc, text, span)
        if phrase is not None and lex.qualifier_before[phrase] not in ("exact", "approximate"):
            return lex.qualifier_before[phrase], q_start
        return "approximate", span.start_char
    if a.low is not None:
        q_start = span.start_char
        if a.low is not None:
            window = text[max(0, span.start_char - _BETWEEN_WINDOW):span.start_char]
            mb = _BETWEEN_BEFORE.search(window)
            if mb:
                q_start = span.start_char - (len(window) - mb.start())
        return "approximate", q_start
    phrase, q_start = _before(lex, doc, text, span)
    if phrase is not None:
        return lex.qualifier_before[phrase], q_start
    for pos in (a.end, r.end_char):
        m = lex.qualifier_after_re.match(text[pos:pos + _AFTER_WINDOW])
        if m and (pos == a.end or m.group(1).lower() in lex.qualifier_after_noun):
            return lex.qualifier_after[m.group(1).lower()], span.start_char
    return "exact", span.start_char


def _before(lex: Lexicon, doc: Doc, text: str, span: Span) -> tuple[Optional[str], int]:
    """The qualifier phrase right before the figure and where it starts, or (None, start)."""
    window = text[max(0, span.start_char - _BEFORE_WINDOW):span.start_char]
    window = window[window.rfind("\n") + 1:]   # a qualifier never sits on the line before
    m = lex.qualifier_before_re.search(window)
    if m and m.group(1).lower() in lex.qualifier_fillers:
        # "at least a reported eight": look past the filler
        inner = window[:m.start(1)]
        m2 = lex.qualifier_before_re.search(inner)
        if m2 and m2.group(1).lower() not in lex.qualifier_fillers:
            m = m2
    if not m:
        return None, span.start_char
    phrase = m.group(1).lower()
    q_start = span.start_char - (len(window) - m.start(1))
    first = doc.char_span(q_start, q_start + 1, alignment_mode="expand")
    if phrase in lex.spatial and first is not None and first.start > 0:
        before = doc[first.start - 1]
        # "crops over 2.1 million hectares": a preposition after a noun, not a qualifier
        if before.pos_ in NOUN_POS:
            return None, span.start_char
        # "hands over 10 detainees": the particle of a phrasal verb, not a qualifier
        if before.pos_ == "VERB" and first[0].lower_ in lex.phrasal.get(before.lemma_.lower(), ()):
            return None, span.start_char
    return phrase, q_start
