"""Date expressions: finding them in prose and resolving them against the publication date."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from newsextract.text.dates import find_dates, infer_published, parse_published, resolve_mention

# published 2023-02-04 is a Saturday
RESOLUTION = [
    ("The ministry said on Saturday that it was over.", "Saturday", "2023-02-04", "day"),
    ("They met on Friday night in Kyiv.", "Friday night", "2023-02-03", "day"),
    ("It happened last Saturday.", "last Saturday", "2023-01-28", "day"),
    ("Tehran seized the sailors last Friday.", "last Friday", "2023-01-27", "day"),  # yesterday would be "Friday"
    ("Rebels attacked last Monday.", "last Monday", "2023-01-30", "day"),
    ("Leaders met last October in the capital.", "last October", "2022-10", "month"),
    ("In September, more than 300 soldiers were swapped.", "September", "2022-09", "month"),
    ("The invasion began last February.", "last February", "2022-02", "month"),
    ("The talks were held in February.", "February", "2023-02", "month"),
    ("He was detained on January 3.", "January 3", "2023-01-03", "day"),
    ("He was detained on Jan. 3, 2024.", "Jan. 3, 2024", "2024-01-03", "day"),
    ("Talks concluded on 20 March 2023 in Bern.", "20 March 2023", "2023-03-20", "day"),
    ("The strike happened yesterday.", "yesterday", "2023-02-03", "day"),
    ("Protesters gathered last night.", "last night", "2023-02-03", "day"),
    ("He was arrested in November 2019.", "November 2019", "2019-11", "month"),
    ("A 2016 peace deal ended the war.", "2016", "2016", "year"),
    ("He was first elected in 1990.", "1990", "1990", "year"),
    ("Zelensky noted last month that it had slowed.", "last month", "2023-01", "month"),
    ("Inflation rose last year.", "last year", "2022", "year"),
    ("It opened on 2021-06-30.", "2021-06-30", "2021-06-30", "day"),
]


@pytest.mark.parametrize("sentence,expression,expected,precision", RESOLUTION)
def test_expressions_found_and_resolved(sentence, expression, expected, precision):
    found = find_dates(sentence)
    assert [d.text for d in found] == [expression]
    d = found[0]
    assert sentence[d.start:d.end] == expression
    assert d.precision == precision
    assert resolve_mention(d, "2023-02-04") == expected


@pytest.mark.parametrize("sentence", [
    "They may march tomorrow.",          # the verbs, not the months
    "The 2S7 gun fired 2000 rounds.",      # a count, not a year
    "Rockets were fired up to 1900 GMT.",  # a time of day
    "Fighting lasted from 2014-2016.",     # a span of years is not one date
])
def test_not_dates(sentence):
    assert find_dates(sentence) == []


def test_bound_dates_are_marked():
    """'since August' says when a span began, not when the event told happened."""
    (d,) = find_dates("the first exchange since August")
    assert d.is_bound
    (d,) = find_dates("the exchange in August")
    assert not d.is_bound


def test_offsets_shift_with_offset():
    (d,) = find_dates("on Monday", offset=100)
    assert (d.start, d.end) == (103, 109)


def test_relative_dates_need_a_publication_date():
    (d,) = find_dates("on Saturday")
    assert resolve_mention(d, None) is None
    (d,) = find_dates("on 20 March 2023")
    assert resolve_mention(d, None) == "2023-03-20"


def test_weekday_in_a_paper_of_that_day_is_that_day():
    (d,) = find_dates("came through on Monday")
    assert resolve_mention(d, "2023-09-18") == "2023-09-18"  # a Monday
    assert resolve_mention(d, "2023-09-19") == "2023-09-18"


@pytest.mark.parametrize("expression,expected", [
    ("on Monday", "2022-10-03"),     # the paper's own day
    ("on Tuesday", "2022-10-04"),
    ("in March", "2023-03"),
    ("on January 1", "2023-01-01"),
    ("last Friday", "2022-09-30"),
    ("next Monday", "2022-10-10"),
])
def test_planned_events_look_ahead(expression, expected):
    (d,) = find_dates(expression)
    assert resolve_mention(d, "2022-10-03", future=True) == expected  # a Monday


def test_last_month_name_in_that_month_is_a_year_back():
    (d,) = find_dates("last October")
    assert resolve_mention(d, "2023-10-14") == "2022-10"


def test_published_dates():
    assert parse_published("2024-01-03") == dt.date(2024, 1, 3)
    assert parse_published("2024-01-03T10:00:00Z") == dt.date(2024, 1, 3)
    assert parse_published("January 3, 2024") == dt.date(2024, 1, 3)
    assert parse_published("not a date at all") is None
    assert infer_published("Xinhua, October 16, 2016\nSANAA, Oct. 15") == dt.date(2016, 10, 16)
    assert infer_published("no date here") is None


def test_resolution_is_cached_and_cheap():
    """dateparser is only called on found expressions, and each once per publication date."""
    text = "On Saturday, after talks in September and a meeting last October, they met on January 3. " * 50
    found = find_dates(text)
    assert len(found) == 200
    start = time.perf_counter()
    for d in found:
        resolve_mention(d, "2023-02-04")
    assert time.perf_counter() - start < 0.5


# ------------------------------------------------------------------ the table

def test_the_table_holds_the_words_of_the_patterns():
    """Every word list of the date patterns comes from models/dates.json."""
    from newsextract.text.dates import BOUND_WORDS, TABLE

    assert "September" in TABLE.months and "Sept" in TABLE.month_abbreviations
    assert BOUND_WORDS == {"since", "until", "till", "before"}
    assert TABLE.modifiers["last"] == "previous" and TABLE.relative_days["yesterday"] == -1


@pytest.mark.parametrize("key", ["months", "modifiers", "relative_days", "bound_words"])
def test_a_misspelled_or_missing_key_fails_at_load(tmp_path, key):
    import json

    from newsextract.text.dates import DatesTable
    from newsextract.text.tables import TableError, load_table, read_json

    data = read_json("dates.json")
    data[key + "_"] = data.pop(key)
    (tmp_path / "dates.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(TableError, match=key):
        load_table("dates.json", DatesTable, tmp_path)


@pytest.mark.parametrize("sentence,expression,expected", [
    ("Talks were held earlier this month.", "earlier this month", "2023-02"),
    ("Elections are due next year.", "next year", "2024"),
    ("Shelling resumed Late Monday.", "Late Monday", "2023-01-30"),
    ("It ended this morning.", "this morning", "2023-02-04"),
    ("It ended Yesterday, officials said.", "Yesterday", "2023-02-03"),
    ("The vote is due this March.", "this March", "2023-03"),
])
def test_relative_expressions_resolve_by_direction(sentence, expression, expected):
    (d,) = find_dates(sentence)
    assert d.text == expression
    assert resolve_mention(d, "2023-02-04") == expected
