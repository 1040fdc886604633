"""Build newsextract's currency table from CLDR's currency data (via babel).

Inputs
  babel          CLDR data (Unicode License v3; babel itself BSD-3-Clause): the
                 ISO 4217 codes in use as legal tender in some territory, their
                 English names ("Hong Kong Dollar") and the symbols locales write
                 them with ("HK$", "₽")
  models/numeric_currency_extras.json   the project's own choices: codes and
                 nouns left out, the default code of a shared noun ("dollar"),
                 spellings and signs CLDR lacks

Output (in models/)
  numeric_currencies.json  unit_names (code -> the noun a figure counts), signs
                           (sign -> code), names (noun -> code), qualified_names
                           ("hong kong dollar" -> code): the keys
                           newsextract's numeric claims read

Which CLDR data goes in:
  codes    every code some territory uses today (no end date, legal tender),
           less `excluded_codes`
  signs    English symbols ("CA$", "₹"); English-locale symbols holding a
           currency sign that only one code uses ("US$", "GH₵"); symbols of any
           locale that are one currency sign used by one code only ("₽", "₸")
  names    the last word of the English name ("rand"), where it names one
           code only, less `not_names`; a noun several codes share ("dollar")
           only with the default the extras give
  qualified_names  the whole English name, lower-cased, where its noun is a name

Run from the repository root:  python models/scripts/build_currencies.py [--out DIR]
(needs babel at the version pinned in the `currencies` extra: pip install -e ".[currencies]")
The output depends only on babel's version, which it records in `_about`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

from babel import Locale, localedata
from babel.core import get_global

MODELS = Path(__file__).resolve().parent.parent
OUTPUT = "numeric_currencies.json"
EXTRAS = "numeric_currency_extras.json"
ENGLISH = "en"
SIGNS_NOTE = "Signs written before (or, for those marked, after) the figure."
NAMES_NOTE = ("The counted noun after a figure ('3bn euros'), by lemma; a qualifier before it narrows "
              "the code ('Hong Kong dollars').")


def current_codes() -> set[str]:
    """Codes some territory uses as legal tender today (CLDR: no end date)."""
    codes = set()
    for rows in get_global("territory_currencies").values():
        for code, _start, end, tender in rows:
            if end is None and tender:
                codes.add(code)
    return codes


def is_sign(char: str) -> bool:
    return unicodedata.category(char) == "Sc"


def english_locales() -> list[Locale]:
    return [Locale.parse(name) for name in sorted(localedata.locale_identifiers())
            if name == ENGLISH or name.startswith(ENGLISH + "_")]


def symbols_by_locale(locales) -> dict[str, set[str]]:
    """symbol -> the codes it stands for in `locales` (symbols that are the code itself left out)."""
    found: dict[str, set[str]] = defaultdict(set)
    for loc in locales:
        for code, symbol in loc.currency_symbols.items():
            if symbol != code:
                found[symbol].add(code)
    return found


def all_locales() -> list[Locale]:
    out = []
    for name in sorted(localedata.locale_identifiers()):
        try:
            out.append(Locale.parse(name))
        except (ValueError, LookupError):  # a locale babel lists but cannot load
            continue
    return out


def build_signs(codes: set[str], extras: dict) -> dict[str, str]:
    signs: dict[str, str] = {}
    english = Locale.parse(ENGLISH)
    for code, symbol in english.currency_symbols.items():
        if code in codes and symbol != code:
            signs[symbol] = code
    for symbol, owners in symbols_by_locale(english_locales()).items():
        if len(owners) == 1 and any(is_sign(c) for c in symbol) and len(symbol) > 1:
            signs.setdefault(symbol, next(iter(owners)))
    for symbol, owners in symbols_by_locale(all_locales()).items():
        if len(symbol) == 1 and is_sign(symbol) and len(owners) == 1:
            signs.setdefault(symbol, next(iter(owners)))
    signs = {s: c for s, c in signs.items() if c in codes}
    signs.update(extras["signs"])
    return dict(sorted(signs.items()))


def english_name(code: str) -> str:
    """The English name, lower-cased, without a parenthesis, hyphens as spaces."""
    name = Locale.parse(ENGLISH).currencies[code]
    name = re.sub(r"\s*\(.*?\)", "", name).replace("-", " ")
    return " ".join(name.lower().split())


def build_tables(extras: dict) -> dict:
    codes = current_codes() - set(extras["excluded_codes"])
    nouns: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        nouns[english_name(code).split()[-1]].add(code)

    unit_names = {code: english_name(code).split()[-1] for code in codes}
    unit_names.update(extras["unit_names"])
    known = set(unit_names)

    names = {noun: next(iter(owners)) for noun, owners in nouns.items()
             if len(owners) == 1 and noun not in extras["not_names"]}
    names.update(extras["names"])

    qualified = {}
    for code in codes:
        name = english_name(code)
        if " " in name and name.split()[-1] in names:
            qualified[name] = code
    qualified.update(extras["qualified_names"])

    for table in (names, qualified, extras["signs"]):
        unknown = sorted(set(table.values()) - known)
        if unknown:
            raise SystemExit(f"{EXTRAS}: codes {unknown} have no unit name (add them to unit_names)")
    return {
        "_about": ("Currency signs, codes and names for newsextract.numeric_claims, mapped to ISO 4217 codes. "
                   f"Generated by models/scripts/build_currencies.py from CLDR data (babel {version('babel')}; "
                   "CLDR: Unicode License v3, babel: BSD-3-Clause) and the project's own "
                   f"{EXTRAS} (MIT); do not edit by hand. A bare '$' reads as US dollars."),
        "unit_names": dict(sorted(unit_names.items())),
        "_signs_note": SIGNS_NOTE,
        "signs": build_signs(known, extras),
        "_names_note": NAMES_NOTE,
        "names": dict(sorted(names.items())),
        "qualified_names": dict(sorted(qualified.items())),
        # passed through from the extras: currency names that are also weights
        "_weight_note": extras["_weight_note"],
        "weight_names": extras["weight_names"],
        "money_nouns": extras["money_nouns"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODELS, help="where to write the table (default: models/)")
    args = parser.parse_args(argv)
    extras = json.loads((MODELS / EXTRAS).read_text("utf-8"))
    tables = build_tables(extras)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / OUTPUT).write_text(json.dumps(tables, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{OUTPUT}: {len(tables['unit_names'])} codes, {len(tables['signs'])} signs, "
          f"{len(tables['names'])} names, {len(tables['qualified_names'])} qualified names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
