"""modality.py: negated and hypothetical claims, on hand-built parses."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.governors import governor
from newsextract.components.numeric_claims.modality import modality

from .docs import build, figure, lex
from .parses import parsed


@pytest.mark.parametrize("key, hypothetical, negated", [
    ("could reach", True, False),      # a modal on the predicate
    ("not confirm", False, True),      # a negation on the verb above
    ("if freed", True, False),         # a condition
    ("freed", False, False),
])
def test_modality(key, hypothetical, negated):
    doc, span, a, r, anchor = parsed(key)
    assert modality(lex(), doc, span, governor(lex(), anchor, doc[:])) == (hypothetical, negated)


def test_no_right_before_the_figure_negates_it():
    doc = build(["not", "50", "people"], ["PART", "NUM", "NOUN"])
    span, _ = figure(doc)
    assert modality(lex(), doc, span, None) == (False, True)
