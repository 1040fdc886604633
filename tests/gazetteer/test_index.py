"""The Gazetteer (newsextract.gazetteer.index): names of countries, places and
organizations, their readings, and scanning a Doc for them."""
from __future__ import annotations

import pytest

from newsextract.gazetteer import Country, Organization, Place, load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize("text, iso2", [
    ("United States", "US"), ("U.S.", "US"), ("USA", "US"), ("America", "US"),
    ("UAE", "AE"), ("United Arab Emirates", "AE"), ("Emirates", "AE"),
    ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"),
    ("Britain", "GB"), ("UK", "GB"), ("Great Britain", "GB"),
    ("Burma", "MM"), ("Myanmar", "MM"), ("Swaziland", "SZ"), ("Zaire", "CD"),
    ("Turkey", "TR"), ("Türkiye", "TR"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
    ("South Korea", "KR"), ("Republic of Korea", "KR"), ("North Korea", "KP"),
    ("Russian Federation", "RU"), ("Republic of Ukraine", "UA"), ("Kingdom of Saudi Arabia", "SA"),
    ("Islamic Republic of Iran", "IR"), ("Viet Nam", "VN"), ("Vietnam", "VN"),
])
def test_country_names_short_forms_and_former_names(gaz, text, iso2):
    country = gaz.country(text)
    assert country is not None and country.iso2 == iso2
    assert country.iso3 and len(country.iso3) == 3


def test_every_iso_country_is_there_with_both_codes(gaz):
    countries = [c for c in gaz.countries.values() if c.kind in ("country", "territory")]
    assert len(countries) >= 249
    assert all(len(c.iso2) == 2 and len(c.iso3) == 3 for c in countries)
    assert gaz.countries["FR"].iso3 == "FRA" and gaz.countries["FR"].capital == "Paris"


def test_acronyms_match_only_in_capitals(gaz):
    assert gaz.country("US") is not None
    assert gaz.lookup("us") == []
    assert gaz.lookup("who") == [] and gaz.lookup("WHO")


def test_dependent_territories_and_historic_states(gaz):
    hk = gaz.lookup("Hong Kong")[0].record
    assert isinstance(hk, Country) and hk.kind == "territory"
    ussr = gaz.country("Soviet Union")
    assert ussr is not None and ussr.kind == "historic_country"
    assert gaz.country("USSR") is ussr


def test_demonym_is_not_a_country_name(gaz):
    assert gaz.country("Egyptian") is None
    assert gaz.demonyms.country("Egyptian") == "EG"


@pytest.mark.parametrize("text, name, kind, cc", [
    ("Kyiv", "Kyiv", "capital", "UA"),
    ("Kiev", "Kyiv", "capital", "UA"),       # a former spelling, from GeoNames alternate names
    ("Bakhmut", "Bakhmut", "city", "UA"),
    ("Mariupol", "Mariupol", "city", "UA"),
    ("Sanaa", "Sanaa", "capital", "YE"),
    ("Bihar", "Bihār", "region", "IN"),      # ISO 3166-2, with an ASCII spelling added
    ("Balochistan", "Balochistan", "region", "PK"),
    ("Black Sea", "Black Sea", "water", None),
    ("Gaza Strip", "Gaza Strip", "region", "PS"),
])
def test_places_with_kind_country_and_coordinates(gaz, text, name, kind, cc):
    place = next(e.record for e in gaz.lookup(text) if isinstance(e.record, Place))
    assert (place.name, place.kind, place.country_code) == (name, kind, cc)
    if kind in ("city", "capital"):
        assert place.latitude is not None and place.longitude is not None and place.population >= 15000


def test_capital_of_a_country(gaz):
    moscow = gaz.capitals["RU"]
    assert moscow.name == "Moscow" and gaz.capital_of(moscow) == "RU"
    assert gaz.capital_of(next(e.record for e in gaz.lookup("Mariupol"))) is None


def test_ambiguous_names_keep_every_reading_most_likely_first(gaz):
    readings = [(type(e.record).__name__, getattr(e.record, "iso2", None) or e.record.country_code)
                for e in gaz.lookup("Georgia")]
    assert readings[0] == ("Country", "GE")
    assert ("Place", "US") in readings


@pytest.mark.parametrize("text, name", [
    ("ICRC", "International Committee of the Red Cross"),
    ("UN", "United Nations"), ("U.N.", "United Nations"),
    ("NATO", "North Atlantic Treaty Organization"),
    ("Pentagon", "Department of Defense"),
    ("Houthi", "Houthis"),
])
def test_organizations_and_their_acronyms(gaz, text, name):
    org = gaz.lookup(text)[0].record
    assert isinstance(org, Organization) and org.name == name


def test_scan_finds_longest_names_and_needs_capitals(gaz, base_nlp):
    doc = base_nlp.make_doc("The United Arab Emirates said the UN and Qatar agreed. us officials in "
                            "Saudi Arabia's capital welcomed it.")
    found = [(doc[m.start:m.end].text, type(m.entries[0].record).__name__) for m in gaz.scan(doc)]
    assert ("United Arab Emirates", "Country") in found
    assert ("UN", "Organization") in found and ("Qatar", "Country") in found
    assert ("Saudi Arabia", "Country") in found
    assert not any(text == "us" for text, _ in found)
    assert not any(text in ("Arab", "Emirates", "Saudi") for text, _ in found)


def test_scan_leaves_trailing_punctuation_out(gaz, base_nlp):
    doc = base_nlp.make_doc("It was published by the European Union.")
    assert [doc[m.start:m.end].text for m in gaz.scan(doc)] == ["European Union"]
