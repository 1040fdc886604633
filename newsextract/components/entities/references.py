"""Phrases that name a country without its name: its government ("the Swiss
government", "the government of Nigeria"), its capital used for it ("Moscow
said", "the Kiev regime"), a description ("the Gulf country"); and "the
Russian capital", which names the city."""
from __future__ import annotations

from typing import Optional

from ...gazetteer import Organization, Place
from ...text.names import name_key
from .article import Candidate, EntityArticle
from .classify import describe
from .tables import APOSTROPHES, POSSESSIVE

POSSESSIVE_MARKS = POSSESSIVE | APOSTROPHES


def country_references(art: EntityArticle, cands: list[Candidate]) -> list[Candidate]:
    """Phrases that refer to a country without its name: "the Venezuelan
    government", "the government of Nigeria", "Omani authorities", "the Gulf
    country"; and to its capital: "the Russian capital", "capital of Oman"."""
    doc, tables, gaz = art.doc, art.tables, art.gaz
    out = []
    for c in cands:  # "the Kiev regime", "the Moscow government": the capital stands for the country
        if c.type == "PLACE" and isinstance(c.record, Place) and gaz.capital_of(c.record) in gaz.countries \
                and c.end < len(doc) and doc[c.end].lower_ in tables.country_heads \
                and doc[c.end].lower_ not in tables.non_government_heads:
            iso = gaz.capital_of(c.record)
            c.alternatives = [describe(c.record)]
            c.type, c.role, c.country, c.record = "COUNTRY", "capital", iso, gaz.countries[iso]
    by_end = {c.end: c for c in cands if c.type == "COUNTRY"}
    by_start = {c.start: c for c in cands if c.type == "COUNTRY"}
    n = len(doc)
    for i, tok in enumerate(doc):
        low = tok.lower_
        if low in tables.country_heads and tok.pos_ in ("NOUN", "PROPN") and low not in tables.non_government_heads:
            iso, start = country_before(art, i, by_end)
            end = i + 1
            if iso is None and i + 2 < n and doc[i + 1].lower_ == "of" and (i + 2) in by_start:
                inner = by_start[i + 2]
                iso, start, end = inner.country, i, inner.end
            if iso:
                k = start  # "the (interim) government of X"
                while k > 0 and start - k < 2 and doc[k - 1].is_lower and doc[k - 1].pos_ == "ADJ":
                    k -= 1
                if k > 0 and doc[k - 1].lower_ == "the":
                    start = k - 1
                out.append(reference(art, start, end, iso, "government"))
                for other in cands:  # the model's "Government of Oman" is no organization
                    if other.type == "ORGANIZATION" and not isinstance(other.record, Organization) \
                            and start <= other.start and other.end <= end:
                        other.type = None
        elif low in tables.capital_noun and i > 0:
            iso, start = country_before(art, i, by_end)
            end = i + 1
            if iso is None and i + 2 < n and doc[i + 1].lower_ == "of" and (i + 2) in by_start:
                iso, start, end = by_start[i + 2].country, i, by_start[i + 2].end
            capital = gaz.capitals.get(iso) if iso else None
            if capital:
                nxt = doc[end] if end < n else None
                if nxt is not None and nxt.is_title and name_key(nxt.text) == name_key(capital.name):
                    continue  # "Yemen's capital Sanaa": the name itself follows
                ref = reference(art, start, end, iso, "descriptor")
                ref.type, ref.record, ref.country = "PLACE", capital, None
                out.append(ref)
        elif low in tables.country_nouns and i >= 2 and doc[i - 2].lower_ == "the" and tok.pos_ == "NOUN":
            iso = described_country(art, i, cands)
            if iso:
                out.append(reference(art, i - 2, i + 1, iso, "descriptor"))
    return [r for r in out if not art.excluded(r.start_char, r.end_char)]


def country_before(art: EntityArticle, i: int, by_end: dict):
    """The country named right before token i ("Russia's", "Russian", "U.S."),
    as (ISO code, first token), or (None, i)."""
    doc = art.doc
    j = i - 1
    while j >= 0 and doc[j].lower_ in POSSESSIVE_MARKS:
        j -= 1
    if j >= 0 and (j + 1) in by_end:
        c = by_end[j + 1]
        return c.country, c.start
    if j >= 0 and doc[j].is_title:
        iso = art.gaz.demonyms.country(doc[j].text)
        if iso and not (j > 0 and doc[j - 1].is_title and doc[j - 1].lower_ != "the" and not doc[j - 1].is_sent_start):
            return iso, j
    return None, i


def described_country(art: EntityArticle, i: int, cands: list[Candidate]) -> Optional[str]:
    """The country "the Gulf country" points back to: the last one named before
    it that the description fits (or the only one in the article)."""
    doc = art.doc
    codes = art.tables.region_descriptors.get(doc[i - 1].lower_)
    if not codes or codes == ["neighbours"]:
        return None
    allowed = set()
    for code in codes:
        if code.startswith("continent:"):
            allowed |= art.gaz.continents.get(code.split(":", 1)[1], set())
        else:
            allowed.add(code)
    start = doc[i - 2].idx
    for c in sorted((c for c in cands if c.type == "COUNTRY" and c.country), key=lambda c: c.end_char, reverse=True):
        if c.end_char <= start and c.country in allowed:
            return c.country
    later = {c.country for c in cands if c.type == "COUNTRY" and c.country in allowed}
    return next(iter(later)) if len(later) == 1 else None


def reference(art: EntityArticle, start: int, end: int, iso: str, role: str) -> Candidate:
    return art.span(Candidate(start, end, "REF", role=role, type="COUNTRY", country=iso,
                              record=art.gaz.countries.get(iso), confidence=0.8, nested=True))


def capital_metonyms(art: EntityArticle, cands: list[Candidate]) -> None:
    """A capital used for its government ("Moscow said", "Tehran's funds",
    "talks between Washington and Caracas", "supplied to Kyiv") is a mention
    of the country; where it is a place ("landed in Tehran", "Moscow time",
    "flew to Doha") it stays a PLACE."""
    gaz = art.gaz
    for c in cands:
        if c.type != "PLACE" or not isinstance(c.record, Place) or c.role != "name":
            continue
        iso = gaz.capital_of(c.record)
        if art.words[c.end - 1] in art.tables.place_suffixes:
            continue  # "Kathmandu Valley", "Kyiv region": a place, never the government
        if iso in gaz.countries and is_metonym(art, c):
            c.type, c.role, c.country = "COUNTRY", "capital", iso
            c.alternatives = [describe(c.record)]
            c.record = gaz.countries[iso]


def is_metonym(art: EntityArticle, c: Candidate) -> bool:
    doc, tables = art.doc, art.tables
    n = len(doc)
    prev = doc[c.start - 1] if c.start > 0 else None
    nxt = doc[c.end] if c.end < n else None
    if nxt is not None and (nxt.lower_ in tables.place_suffixes or nxt.text == "," and c.end + 2 < n
                            and doc[c.end + 1].lower_ in tables.apposition_articles
                            and doc[c.end + 2].lower_ in tables.capital_noun):
        return False
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.dep_ != "appos" \
            and doc[c.end - 1].dep_ in ("compound", "nmod", "amod"):
        return False  # "Moscow time", "the Moscow talks"
    if nxt is not None and nxt.lower_ in POSSESSIVE:  # "Kabul's main prison", "Moscow's streets": the city
        owner = nxt.head if nxt.head.i >= c.end else doc[c.end - 1].head if doc[c.end - 1].head.i > c.end else None
        if owner is not None and (owner.lower_ in tables.place_head_nouns or owner.is_title):
            return False
    if prev is not None and prev.lower_ in tables.metonym_blockers:
        return False
    if prev is not None and prev.text == "," and c.start > 1 and doc[c.start - 2].lower_ in tables.capital_noun:
        return False  # "flown to the capital, Abuja"
    if prev is not None and prev.lower_ in tables.locative_preps:
        holder = doc[c.start - 2].lower_ if c.start > 1 else ""
        return holder in tables.government_holders  # "officials in Kyiv"
    if prev is not None and prev.lower_ in tables.direction_preps:
        head = prev.head
        return not (head.lemma_.lower() in tables.motion_words or head.lower_ in tables.motion_words)
    root = doc[c.start:c.end].root
    if root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in tables.motion_words:
        return False  # "troops left Kyiv", "they reached Moscow"
    return True
