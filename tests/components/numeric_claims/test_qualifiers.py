"""qualifiers.py: "at least", "nearly", "or more" ... and where the claim starts."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.qualifiers import qualifier
from newsextract.components.numeric_claims.units import Reading

from .docs import build, figure, lex


@pytest.mark.parametrize("words, pos, noun_end, expected, starts_with", [
    (["At", "least", "20", "people"], ["ADP", "ADV", "NUM", "NOUN"], 4, "at_least", "At least"),
    (["nearly", "300", "girls"], ["ADV", "NUM", "NOUN"], 3, "approximate", "nearly"),
    (["up", "to", "100", "people"], ["ADP", "ADP", "NUM", "NOUN"], 4, "at_most", "up to"),
    (["fewer", "than", "50", "migrants"], ["ADJ", "ADP", "NUM", "NOUN"], 4, "less_than", "fewer than"),
    (["at", "least", "a", "reported", "eight"], ["ADP", "ADV", "DET", "VERB", "NUM"], 5, "at_least", "at least"),
    (["200", "or", "so", "people"], ["NUM", "CCONJ", "ADV", "NOUN"], 4, "approximate", "200"),
    (["50", "people", "or", "more"], ["NUM", "NOUN", "CCONJ", "ADJ"], 2, "at_least", "50"),
    (["50", "people", "plus", "staff"], ["NUM", "NOUN", "CCONJ", "NOUN"], 2, "exact", "50"),   # after the noun: no
    (["Turnout", "was", "over", "71", "percent"], ["NOUN", "AUX", "ADP", "NUM", "NOUN"], 5, "more_than", "over"),
    (["crops", "over", "2.1", "million", "hectares"], ["NOUN", "ADP", "NUM", "NUM", "NOUN"], 5, "exact", "2.1"),
    (["between", "20", "and", "30", "soldiers"], ["ADP", "NUM", "CCONJ", "NUM", "NOUN"], 5, "approximate", "between"),
    (["dozens", "of", "soldiers"], ["NOUN", "ADP", "NOUN"], 3, "approximate", "dozens"),
    # a bound on a vague amount is kept
    (["no", "more", "than", "a", "few", "hundred", "people"], ["DET", "ADJ", "ADP", "DET", "ADJ", "NUM", "NOUN"], 7,
     "at_most", "no more than"),
    (["up", "to", "several", "thousand", "people"], ["ADP", "ADP", "ADJ", "NUM", "NOUN"], 5, "at_most", "up to"),
    (["nearly", "several", "dozen", "people"], ["ADV", "ADJ", "NOUN", "NOUN"], 4, "approximate", "several"),
    (["Rebels", "freed", "12", "hostages"], ["NOUN", "VERB", "NUM", "NOUN"], 4, "exact", "12"),
])
def test_qualifier(words, pos, noun_end, expected, starts_with):
    doc = build(words, pos)
    span, a = figure(doc)
    r = Reading(end_char=doc[noun_end - 1].idx + len(doc[noun_end - 1]))
    got, start = qualifier(lex(), doc, doc.text, span, a, r)
    assert got == expected
    assert doc.text[start:].startswith(starts_with)


def test_a_qualifier_never_comes_from_the_line_before():
    doc = build(["about", "\n", "12", "hostages"], ["ADV", "SPACE", "NUM", "NOUN"], spaces=[False, False, True, False])
    span, a = figure(doc)
    assert qualifier(lex(), doc, doc.text, span, a, Reading(end_char=len(doc.text)))[0] == "exact"


@pytest.mark.parametrize("words, lemmas, expected, starts_with", [
    (["They", "hand", "over", "7", "detainees"], ["they", "hand", "over", "7", "detainee"], "exact", "7"),
    (["They", "handed", "over", "7", "detainees"], ["they", "hand", "over", "7", "detainee"], "exact", "7"),
    (["They", "sent", "over", "10", "trucks"], ["they", "send", "over", "10", "truck"], "more_than", "over"),
])
def test_the_particle_of_a_phrasal_verb_is_no_qualifier(words, lemmas, expected, starts_with):
    doc = build(words, ["PRON", "VERB", "ADP", "NUM", "NOUN"], lemmas=lemmas)
    span, a = figure(doc)
    got, start = qualifier(lex(), doc, doc.text, span, a, Reading(end_char=len(doc.text)))
    assert (got, doc.text[start:].startswith(starts_with)) == (expected, True)
