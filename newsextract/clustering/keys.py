"""Keys two mentions of one entity share across articles ("US" = "America")."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..gazetteer import Country, Place, load_gazetteer
from ..text.names import name_key
from .settings import default_settings


def norm_name(name: str) -> str:
    """A mention's name as the kernel keys it, possessive and leading article dropped."""
    return name_key(name or "", drop_possessive=True, drop_indefinite=True)


@lru_cache(maxsize=65536)
def gazetteer_key(name: str) -> Optional[str]:
    """A key shared by every name of one country or place ("US" = "America" =
    "United States" -> "c:US"; "Kiev" = "Kyiv"), from the packaged gazetteer."""
    entries = load_gazetteer().lookup(name)
    if not entries:
        suffix = default_settings().generic_place_suffix
        bare = suffix.sub("", name).strip() if suffix else name
        entries = load_gazetteer().lookup(bare) if bare and bare != name else []
    if not entries:
        return None
    rec = entries[0].record
    if isinstance(rec, Country):
        return "c:" + rec.iso2
    if isinstance(rec, Place):
        return f"p:{norm_name(rec.name)}|{rec.country_code or ''}"
    return None


def entity_key(name: str, *, iso2: Optional[str] = None, etype: Optional[str] = None) -> str:
    """The key two mentions of one entity share across articles."""
    if iso2:
        return "c:" + iso2.upper()
    key = gazetteer_key(name) if etype in (None, "COUNTRY", "PLACE") else None
    if key:
        return key
    n = norm_name(name)
    parts = n.split()
    if etype == "PERSON" and len(parts) > 1:
        return "n:" + parts[-1]  # surname: "Joe Biden" = "Biden"
    return "n:" + n
