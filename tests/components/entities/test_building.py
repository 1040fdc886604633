"""Entity records (newsextract.components.entities.building): attributes, titles, gender."""
from __future__ import annotations

import pytest

from ..lookup import find


def test_place_and_country_attributes(run):
    ents = run("The prisoners were flown from Abu Dhabi to Kyiv, Ukraine's capital.")
    kyiv = next(e for e in ents if e.name == "Kyiv")
    assert kyiv.attributes.country_code == "UA" and kyiv.attributes.feature_kind == "capital"
    assert abs(kyiv.attributes.latitude - 50.45) < 0.1 and abs(kyiv.attributes.longitude - 30.52) < 0.1
    ukraine = find(ents, "Ukraine")
    assert (ukraine.attributes.iso_alpha2, ukraine.attributes.iso_alpha3) == ("UA", "UKR")


@pytest.mark.parametrize("text, name, gender", [
    ("Prime Minister Giorgia Meloni arrived in Rome.", "Giorgia Meloni", "female"),
    ("Mr Abdi Farah told reporters he was hopeful.", "Abdi Farah", "male"),
    ("French President Emmanuel Macron spoke first.", "Emmanuel Macron", "male"),
    ("Foreign Minister Kofi Mensah spoke first.", "Kofi Mensah", "male"),
    ("Spokesperson Sam Okafor declined to comment.", "Sam Okafor", None),
])
def test_gender_from_titles_and_given_names(run, text, name, gender):
    person = find(run(text), name)
    assert person is not None and person.type == "PERSON"
    assert person.attributes.gender == gender
