"""categories.py: a claim's category from its predicate, on hand-built parses."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.categories import (_MAX_CONJUNCTS, _last_conjunct, category,
                                                                counts_people, trigger)
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
    ("lost trucks", 0, "AFFECTED"),    # a harm to objects
    ("seized kilograms", 0, "OTHER"),  # a predicate about people says nothing of goods
    ("liberated villages", 0, "OTHER"),
    ("casualties rose", 0, "KILLED"),
    ("toll far", 0, "KILLED"),
    ("in detention", 0, "DETAINED"),
])
def test_category(key, index, expected):
    assert category_of(key, index)[0] == expected


def test_a_toll_names_its_unit():
    cat, r = category_of("toll")
    assert (cat, r.unit) == ("KILLED", "death")


def test_a_toll_of_a_noun_counts_that_noun():
    cat, r = category_of("number of people")
    assert (cat, r.unit) == ("KILLED", "person")


def test_a_counted_noun_as_the_subject_of_a_toll_verb_is_the_unit():
    cat, r = category_of("casualties rose")
    assert (cat, r.unit) == ("KILLED", "casualty")


@pytest.mark.parametrize("words, pos, heads, deps, lemmas, expected", [
    # a preposition and its object make the phrase
    (["taken", "into", "custody"], ["VERB", "ADP", "NOUN"], [0, 0, 1], ["ROOT", "prep", "pobj"],
     ["take", "into", "custody"], "DETAINED"),
    (["forced", "from", "homes"], ["VERB", "ADP", "NOUN"], [0, 0, 1], ["ROOT", "prep", "pobj"],
     ["force", "from", "home"], "DISPLACED"),
    (["shifted", "to", "camps"], ["VERB", "ADP", "NOUN"], [0, 0, 1], ["ROOT", "prep", "pobj"],
     ["shift", "to", "camp"], "DISPLACED"),
    (["shifted", "to", "offices"], ["VERB", "ADP", "NOUN"], [0, 0, 1], ["ROOT", "prep", "pobj"],
     ["shift", "to", "office"], None),
    # the particle right after the verb, whatever the parse hangs it on
    (["hands", "over", "7"], ["VERB", "ADP", "NUM"], [0, 2, 0], ["ROOT", "quantmod", "dobj"],
     ["hand", "over", "7"], "RELEASED"),
    (["picked", "up", "3"], ["VERB", "ADP", "NUM"], [0, 0, 0], ["ROOT", "prt", "dobj"], ["pick", "up", "3"],
     "DETAINED"),
])
def test_trigger_phrases(words, pos, heads, deps, lemmas, expected):
    doc = build(words, pos, heads=heads, deps=deps, lemmas=lemmas)
    assert trigger(lex(), doc[0], None, None, False) == expected


@pytest.mark.parametrize("modifier, lemma, expected", [("kidnapped", "kidnap", "RELEASED"),
                                                     ("stranded", "strand", None)])
def test_rescue_counts_a_noun_its_modifier_says_is_held(modifier, lemma, expected):
    doc = build(["rescued", modifier, "villagers"], ["VERB", "ADJ", "NOUN"], heads=[0, 2, 0],
                deps=["ROOT", "amod", "dobj"], lemmas=["rescue", lemma, "villager"])
    assert trigger(lex(), doc[0], doc[2], "villager", False) == expected


@pytest.mark.parametrize("lemma, expected", [("missing", True), ("strand", True), ("kill", False), ("reach", False)])
def test_counts_people(lemma, expected):
    doc = build([lemma], ["ADJ"], lemmas=[lemma])
    assert counts_people(lex(), doc[0]) is expected


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


def test_the_last_conjunct_is_looked_for_a_few_links_down_only():
    """A list of a thousand coordinated figures must not make every figure walk it."""
    words = ["prisoners"] * 10
    doc = build(words, ["NOUN"] * 10, heads=[max(0, i - 1) for i in range(10)], deps=["ROOT"] + ["conj"] * 9)
    assert _last_conjunct(doc[0]).i == _MAX_CONJUNCTS
    assert _last_conjunct(doc[9]) is None
