"""numbers.py: figures in raw text and their value (no parse involved)."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.numbers import alternation

from .docs import lex


def reader():
    return lex().reader


@pytest.mark.parametrize("words, value", [
    ("eight", 8),
    ("twenty-three", 23),
    ("twenty three", 23),
    ("a dozen", 12),
    ("two dozen", 24),
    ("a hundred", 100),
    ("two hundred and fifty", 250),
    ("three thousand four hundred", 3400),
    ("two hundred and fifty thousand", 250000),
    ("one million", 1_000_000),
    ("half a million", 500_000),
    ("a quarter of a million", 250_000),
    ("quarter of a million", 250_000),
    ("nineteen", 19),
])
def test_words_value(words, value):
    got, used = reader().words_value(words)
    assert got == value
    assert used == len(words.replace("-", " ").split())


@pytest.mark.parametrize("words, value, used", [
    ("two three", 2, 1),           # two numbers side by side: the first alone
    ("twenty thirty", 20, 1),
    ("five and", 5, 1),            # a trailing "and" is not part of the number
    ("people", None, 0),
])
def test_words_value_stops_where_the_number_ends(words, value, used):
    assert reader().words_value(words) == (value, used)


@pytest.mark.parametrize("text, value, currency, percent", [
    ("paid $988m to them", 988e6, "USD", None),
    ("lost 3bn euros", 3e9, None, None),
    ("worth Rs.12.68 billion", 12.68e9, "INR", None),
    ("pledged $1.7Bln", 1.7e9, "USD", None),
    ("more than US$1.7 billion", 1.7e9, "USD", None),
    ("approximately €5.63 billion", 5.63e9, "EUR", None),
    ("a fine of 5,000 HK$", 5000, "HKD", None),
    ("$ 1.7 billion", 1.7e9, "USD", None),
    ("£2.5bn", 2.5e9, "GBP", None),
    ("Rs 500 crore", 5e9, "INR", None),
    ("won 53.85% of", 53.85, None, "percent"),
    ("9.9 per cent", 9.9, None, "percent"),
    ("9.9 percent", 9.9, None, "percent"),
    ("a 9.9 pct rise", 9.9, None, "percent"),
    ("fell 1.5 percentage points", 1.5, None, "percentage point"),
    ("rates up 50 basis points", 50, None, "basis point"),
    ("1,994 of them", 1994, None, None),
    ("5,716,026 votes", 5716026, None, None),
    ("12,45,300 people", 1245300, None, None),     # lakh grouping
    ("2,07,815 houses", 207815, None, None),
    ("a 7-percent lead", 7, None, "percent"),
    ("a quarter of a million refugees", 250_000, None, None),
])
def test_reader_amounts(text, value, currency, percent):
    amounts = reader().find(text)
    assert len(amounts) == 1
    a = amounts[0]
    assert a.value == pytest.approx(value)
    assert a.currency == currency
    assert a.percent == percent


@pytest.mark.parametrize("text, low, high", [
    ("between 20 and 30 soldiers", 20, 30),
    ("20-30 civilians", 20, 30),
    ("20 to 30 people", 20, 30),
    ("$5-10 million", 5e6, 10e6),
])
def test_reader_ranges(text, low, high):
    (a,) = reader().find(text)
    assert (a.value, a.low, a.high) == (None, low, high)


@pytest.mark.parametrize("text", [
    "the 2S7 Pion", "the G7 summit", "COVID-19", "the 1990s", "his 5th visit", "at 3:45", "on 16/06/2020",
    "read 100's of titles", "the MiG-29",
])
def test_reader_ignores_figures_inside_words_dates_and_times(text):
    found = [text[a.start:a.end] for a in reader().find(text)]
    # COVID-19 and MiG-29 are dropped later (a letter then a hyphen), the rest never match
    assert found in ([], ["19"], ["29"])


@pytest.mark.parametrize("text", ["won the vote 12-3", "1 in 5 children", "7 out of 10 voters",
                                  "call 555-123-4567", "call +44 20 7946 0958"])
def test_reader_drops_scores_ratios_and_phone_numbers(text):
    assert reader().find(text) == []


@pytest.mark.parametrize("text, unit", [("a 76km march", "kilometre"), ("winds of 120mph", "mile per hour")])
def test_units_glued_to_the_digits(text, unit):
    (a,) = reader().find(text)
    assert a.unit == unit


@pytest.mark.parametrize("text, vague", [
    ("dozens of soldiers", "dozens"),
    ("tens of thousands fled", "tens of thousands"),
    ("several dozen soldiers", "several dozen"),     # one vague amount, not "dozen" = 12
    ("a few hundred protesters", "a few hundred"),
    ("several thousand people", "several thousand"),
])
def test_vague_amounts(text, vague):
    (a,) = reader().find(text)
    assert (a.value, a.vague, a.digits) == (None, True, vague)


def test_rose_by_then_to_keeps_both_ends_as_parts():
    (a,) = reader().find("rose $2.10 to $84.50")
    assert [p.value for p in a.parts] == [2.10, 84.50]


def test_alternation_puts_the_longest_first():
    assert alternation(["a", "a.b", "ab"]).split("|")[0] == r"a\.b"
