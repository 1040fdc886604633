"""categories.py: a claim's category from its predicate, on hand-built parses."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.categories import category, trigger
from newsextract.components.numeric_claims.governors import embedded, governor

from .docs import build, lex
from .parses import parsed


def category_of(key, index=0):
    doc, span, a, r, anchor = parsed(key, index)
    r.embedded = embedded(lex(), anchor, doc[:])
    return category(lex(), doc, span, a, r, anchor, governor(lex(), anchor, doc[:])), r


@pytest.mark.parametrize("key, index, expected", [
    ("arrested", 0, "DETAINED"),
    ("freed", 0, "RELEASED"),
    ("handed over", 0, "RELEASED"),    # "hand" counts with its particle only
    ("handed", 0, "OTHER"),
    ("toll", 0, "KILLED"),
    ("requested", 0, "DETAINED"),      # "urged to release": not released; "it seized" says detained
    ("including", 1, "KILLED"),        # "including two policemen": the host's predicate
    ("villages", 0, "AFFECTED"),
])
def test_category(key, index, expected):
    assert category_of(key, index)[0] == expected


def test_a_toll_names_its_unit():
    cat, r = category_of("toll")
    assert (cat, r.unit) == ("KILLED", "death")


@pytest.mark.parametrize("words, pos, deps, lemmas, unit, as_subject, expected", [
    (["claimed", "lives"], ["VERB", "NOUN"], ["ROOT", "dobj"], ["claim", "life"], "life", False, "KILLED"),
    (["claimed", "lives"], ["VERB", "NOUN"], ["ROOT", "dobj"], ["claim", "life"], "life", True, None),  # object only
    (["claimed", "houses"], ["VERB", "NOUN"], ["ROOT", "dobj"], ["claim", "house"], "house", False, None),  # restricted
    (["took", "refuge"], ["VERB", "NOUN"], ["ROOT", "dobj"], ["take", "refuge"], "person", True, "DISPLACED"),
    (["remains"], ["NOUN"], ["ROOT"], ["remain"], "hostage", False, None),   # a verb only
])
def test_trigger(words, pos, deps, lemmas, unit, as_subject, expected):
    doc = build(words, pos, heads=[0] * len(words), deps=deps, lemmas=lemmas)
    assert trigger(lex(), doc[0], None, unit, as_subject) == expected
