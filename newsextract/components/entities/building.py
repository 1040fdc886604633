"""Finishing an Entity record from its grouped mentions: the canonical name (the
fullest form), aliases, attributes (codes, coordinates, titles, gender) and a
confidence."""
from __future__ import annotations

from typing import Optional

from ...gazetteer import Country, Gazetteer, Organization, Place
from ...schema import Entity, EntityAttributes
from ...text.names import name_key
from .tables import EntityTables, word


def strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text[:4].lower() == "the " else text


def titled(text: str, skip: frozenset) -> bool:
    """Whether every word but the `skip` ones ("of", "the") starts with a capital."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in skip]
    return bool(words) and all(w[0].isupper() for w in words)


def finish(tables: EntityTables, gaz: Gazetteer, ent: Entity, data: dict) -> None:
    """Canonical name (the fullest form), aliases, attributes, confidence."""
    rec = data["record"]
    names = [strip_the(n) for n in data["names"]]
    if not names:
        names = [rec.name] if isinstance(rec, (Country, Place, Organization)) else [strip_the(m.text) for m in ent.mentions]
    if ent.type == "COUNTRY" and isinstance(rec, Country):
        official = {name_key(x) for x in gaz.country_names.get(rec.iso2, [])}
        names = [n for n in names if name_key(n) in official] or names
    if ent.type == "ORGANIZATION":
        ent.name = max(names, key=lambda n: (titled(n, tables.title_case_skip), len(n.split()), len(n)))
    else:
        ent.name = max(names, key=lambda n: (len(n.split()), len(n)))
    seen = {name_key(ent.name)}
    for m in ent.mentions:
        alias = strip_the(m.text)
        if name_key(alias) not in seen:
            seen.add(name_key(alias))
            ent.aliases.append(alias)
    ent.attributes = _attributes(tables, ent, rec, data)
    confs = data["conf"] or [0.8]
    ent.confidence = round(min(1.0, max(confs) + 0.02 * (len(confs) - 1)), 2)


def _attributes(tables: EntityTables, ent: Entity, rec, data: dict) -> EntityAttributes:
    attrs = EntityAttributes()
    if isinstance(rec, Country) and ent.type == "COUNTRY":
        attrs.iso_alpha2, attrs.iso_alpha3 = rec.iso2, rec.iso3
    elif isinstance(rec, Place):
        attrs.country_code = rec.country_code
        attrs.latitude, attrs.longitude = rec.latitude, rec.longitude
        attrs.feature_kind = rec.kind
        last = name_key(ent.name).split()[-1:]
        if rec.kind in ("city", "capital") and last and last[0] in tables.region_suffixes:
            # "Donetsk region" is the region around the city: no point coordinates
            attrs.feature_kind, attrs.latitude, attrs.longitude = "region", None, None
    elif isinstance(rec, Organization):
        attrs.country_code = rec.country_code
    if ent.type == "ORGANIZATION" and not attrs.country_code:
        attrs.country_code = data.get("country")  # a government body's country
    if ent.type == "PERSON":
        attrs.titles = list(dict.fromkeys(data["titles"]))
        attrs.gender = gender(tables, ent.name, attrs.titles)
    attrs.alternatives = list(dict.fromkeys(data["alts"]))
    return attrs


def gender(tables: EntityTables, name: str, titles: list[str]) -> Optional[str]:
    """The gender a title tells ("Mrs", "King"), else a common given name."""
    for t in titles:
        words = tuple(word(w) for w in t.replace("-", " - ").split())
        for n in range(len(words), 0, -1):
            g = tables.title_gender.get(words[:n]) or tables.title_gender.get(words[-n:])
            if g:
                return g
    parts = name.split()
    return tables.given_name_gender(parts[0]) if len(parts) > 1 else None
