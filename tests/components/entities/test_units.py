"""Military units named by their number (newsextract.components.entities.units)."""
from __future__ import annotations

import pytest

from ..lookup import find


@pytest.mark.parametrize("text, units", [
    ("Attacks by the 41st Mechanized Brigade were repelled near the village.", ["41st Mechanized Brigade"]),
    ("The 9th, 17th Mountain and 25th Air Assault Brigades lost positions.",
     ["9th", "17th Mountain", "25th Air Assault Brigades"]),
    ("A soldier from 7 Brigade was arrested on Monday.", ["7 Brigade"]),
])
def test_numbered_units_are_organizations(run, text, units):
    ents = run(text)
    for name in units:
        unit = find(ents, name)
        assert unit is not None and unit.type == "ORGANIZATION", name


def test_a_number_before_a_unit_word_used_as_a_modifier_is_no_unit(run):
    assert find(run("The convoy carried 5 Army trucks to the border."), "5 Army") is None
