"""Dates of two tellings: the same time or not."""
from __future__ import annotations

import pytest

from newsextract.components.events.mentions import dates_compatible


@pytest.mark.parametrize("a,b,slack,expected", [
    ("2022-09", "2022-09-14", 0, True),
    ("2022-09", "2022-10", 0, False),
    ("2023-02-01", "2023-02-04", 3, True),
    ("2023-02-01", "2023-02-04", 0, False),
    (None, "2022", 0, True),
    ("2022", "2022-12-31", 0, True),
    ("2023-01-31", "2023-02-01", 1, True),
])
def test_dates_compatible(a, b, slack, expected):
    assert dates_compatible(a, b, slack_days=slack) is expected
