"""Typing each candidate: COUNTRY, PLACE, ORGANIZATION or PERSON, from the
gazetteer and the words around it, with a confidence and the other readings of
an ambiguous name ("Georgia" the country or the US state)."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ...gazetteer import Country, Entry, Organization, Place
from .article import Candidate, EntityArticle
from .candidates import context_filter
from .repair import suffix_modifies, title_before
from .tables import POSSESSIVE, word


def code(rec) -> Optional[str]:
    """The country a record belongs to (its own code for a country)."""
    if isinstance(rec, Country):
        return rec.iso2
    if isinstance(rec, (Place, Organization)):
        return rec.country_code
    return None


def describe(rec) -> str:
    """A reading of a name, for `attributes.alternatives`: "PLACE:Georgia (region, US)"."""
    if isinstance(rec, Country):
        if rec.kind == "territory":
            return f"PLACE:{rec.name} (territory, {rec.iso2})"
        return f"COUNTRY:{rec.name} ({rec.iso2})"
    if isinstance(rec, Place):
        where = f", {rec.country_code}" if rec.country_code else ""
        return f"PLACE:{rec.name} ({rec.kind}{where})"
    if isinstance(rec, Organization):
        return f"ORGANIZATION:{rec.name}"
    return ""


def territory_place(country: Country) -> Place:
    return Place(name=country.name, kind="territory", country_code=country.iso2, population=country.population)


def set_type(c: Candidate, etype: str, record, confidence: float, alternatives=()) -> None:
    c.type, c.record, c.confidence = etype, record, round(confidence, 2)
    c.alternatives = [a for a in alternatives if a]


def context_codes(cands: list[Candidate]) -> Counter:
    """The countries the article's gazetteer names point to, for ambiguity: a
    name with one reading counts 1, the first reading of an ambiguous one 1/2."""
    codes = Counter()
    for c in cands:
        if not c.entries:
            continue
        first = code(c.entries[0].record)
        if first:
            codes[first] += 1.0 if len({code(e.record) for e in c.entries}) == 1 else 0.5
    return codes


def classify(art: EntityArticle, c: Candidate, context: Counter) -> None:
    """Set the candidate's type, record and confidence (or leave it untyped: no entity)."""
    doc, tables, gaz = art.doc, art.tables, art.gaz
    entries = c.entries or context_filter(doc, c.start, gaz.lookup(c.text))
    if not entries and c.end - c.start >= 2 and art.words[c.end - 1] in tables.region_suffixes:
        entries = suffixed_place(art, c)
    c.entries = entries
    toks = doc[c.start:c.end]
    if not c.titles:
        c.titles = title_before(art, c.start)
    has_org_word = any(t.lower_ in tables.org_words for t in toks)
    given_first = len(toks) > 1 and tables.is_given_name(toks[0].text)
    c.person_cue = bool(c.titles) or given_first or person_noun_before(art, c.start)
    label = c.label
    if label in ("UNIT", "TEAM"):
        set_type(c, "ORGANIZATION", None, 0.8 if label == "UNIT" else 0.7)
        return
    if label == "PLAYER":
        set_type(c, "PERSON", None, 0.7)
        return
    if gaz.demonyms.country(c.text) and not (entries and isinstance(entries[0].record, (Country, Organization))):
        return  # a demonym the model took for a name ("Ukrainian", "Nepalis", "Thai")
    if not entries and len(toks) == 1 and not toks[0].is_upper and toks[0].lower_ in art.lower_words:
        return  # a common word written with a capital in a headline ("Toll", "Rescue")
    if entries:
        _classify_known(art, c, entries, context, has_org_word, given_first)
        return
    acronym = len(toks) == 1 and toks[0].is_upper and 2 <= len(toks[0].text) <= 6 and toks[0].is_alpha
    prev = doc[c.start - 1] if c.start > 0 else None
    if prev is not None and prev.is_lower and prev.lower_ in tables.org_words and not c.titles:
        set_type(c, "ORGANIZATION", None, 0.65)  # "the opposition party Our Homeland", "news channel TeleNorte"
        return
    if not has_org_word and not c.person_cue and not any(w in tables.org_words for w in art.words[c.start:c.end]) \
            and tables.starts_or_ends_with(
            art.words[c.start:c.end], tables.place_first_words, tables.place_last_words):
        set_type(c, "PLACE", None, 0.7)  # "River Sena", "Kessar Regency", "the Red Church"
        return
    if label in ("GPE", "LOC", "FAC"):
        if acronym:
            set_type(c, "ORGANIZATION", None, 0.6)
        elif gaz.demonyms.country(c.text):
            return  # a demonym tagged as a place ("Ukrainian")
        elif given_first and label != "FAC":
            set_type(c, "PERSON", None, 0.65)
        elif has_org_word and label == "FAC":
            set_type(c, "ORGANIZATION", None, 0.6)
        else:
            set_type(c, "PLACE", None, 0.7 if label == "GPE" else 0.65)
    elif label == "ORG" and not has_org_word and not c.person_cue and place_context(art, c):
        set_type(c, "PLACE", None, 0.55)
    elif label == "ORG":
        last = word(toks[-1].text)
        if last in tables.title_words and last not in tables.org_words:
            return  # "Presidential National Security Advisor" is a title, not a body
        if not has_org_word and (c.titles or given_first):
            set_type(c, "PERSON", None, 0.65)
        else:
            set_type(c, "ORGANIZATION", None, 0.75)
    elif label == "PERSON":
        if acronym:
            set_type(c, "ORGANIZATION", None, 0.5)
        elif len(toks) <= 2 and not c.person_cue and place_context(art, c):
            set_type(c, "PLACE", None, 0.55)
        elif has_org_word and not c.person_cue:
            set_type(c, "ORGANIZATION", None, 0.6)
        else:
            set_type(c, "PERSON", None, 0.85 if c.person_cue or len(toks) > 1 else 0.7)


def _classify_known(art: EntityArticle, c: Candidate, entries: list[Entry], context: Counter,
                    has_org_word: bool, given_first: bool) -> None:
    """A candidate the gazetteer knows: its first reading, unless the context says otherwise."""
    rec, label = entries[0].record, c.label
    if label == "PERSON" and c.person_cue and not isinstance(rec, Organization):
        set_type(c, "PERSON", None, 0.75, alternatives=[describe(e.record) for e in entries[:2]])
    elif isinstance(rec, Organization):
        set_type(c, "ORGANIZATION", rec, 0.95)
    elif isinstance(rec, Country):
        chosen, confidence, others = disambiguate(art, c, entries, context)
        if isinstance(chosen, Country) and chosen.kind != "territory":
            set_type(c, "COUNTRY", chosen, confidence, alternatives=others)
            c.country = chosen.iso2
        else:
            place = chosen if isinstance(chosen, Place) else territory_place(chosen)
            set_type(c, "PLACE", place, confidence, alternatives=others)
    elif label == "PERSON" and not (rec.salient or locative(art, c) or place_context(art, c)):
        set_type(c, "PERSON", None, 0.6, alternatives=[describe(rec)])
    elif label == "ORG" and has_org_word:
        set_type(c, "ORGANIZATION", None, 0.8)
    elif given_first and c.end - c.start > 1 and not entries[0].main_name:
        set_type(c, "PERSON", None, 0.6, alternatives=[describe(rec)])
    else:
        chosen, confidence, others = disambiguate(art, c, entries, context)
        place = chosen if isinstance(chosen, Place) else territory_place(chosen)
        stated = country_after(art, c)
        if region_abroad(place, entries, context) or stated and place.country_code and place.country_code != stated:
            # "the North East" of a country the article never names, "Bali, Indonesia" read as an
            # Indian city: a namesake, not the place meant
            set_type(c, "PLACE", None, 0.6, alternatives=[describe(place)] + others)
            return
        set_type(c, "PLACE", place, confidence if label != "GAZ" else min(confidence, 0.85), alternatives=others)


def region_abroad(place: Place, entries: list[Entry], context: Counter) -> bool:
    """Whether a (non-curated) region lies in a country that nothing else in the
    article points to, while the article points to other countries."""
    if place.kind != "region" or place.curated or not place.country_code:
        return False
    own = 1.0 if len({code(e.record) for e in entries}) == 1 else 0.5  # what the name itself added (context_codes)
    return context[place.country_code] - own <= 0 and sum(context.values()) - own >= 2


def suffixed_place(art: EntityArticle, c: Candidate) -> list[Entry]:
    """Readings of "Idlib province", "Kursk region": the place without its suffix,
    its region first when the suffix names one."""
    doc = art.doc
    base = art.text[c.start_char:doc[c.end - 2].idx + len(doc[c.end - 2].text)]
    places = [e for e in art.gaz.lookup(base) if isinstance(e.record, Place)]
    places.sort(key=lambda e: e.record.kind != "region")
    return places


def person_noun_before(art: EntityArticle, start: int) -> bool:
    """"his brother, Babak", "lawyer Jane Doe": a noun for a person right before a name."""
    doc = art.doc
    j = start - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    return j >= 0 and doc[j].is_lower and doc[j].lower_ in art.tables.person_nouns


def place_context(art: EntityArticle, c: Candidate) -> bool:
    """"in Dolakha", "Dolakha district", "the town of Charikot", "districts of
    Dolakha and X": a place, whatever the model's label."""
    doc, tables = art.doc, art.tables
    after = doc[c.end] if c.end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in tables.place_suffixes \
            and not suffix_modifies(doc, c.end):
        return True
    if c.start > 1 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in tables.place_of_nouns:
        return True
    before = doc[c.start - 1].lower_ if c.start > 0 else ""
    return before in tables.locative_preps and (after is None or after.lower_ not in tables.not_place_after)


def locative(art: EntityArticle, c: Candidate) -> bool:
    doc = art.doc
    before = doc[c.start - 1].lower_ if c.start > 0 else ""
    after = doc[c.end].lower_ if c.end < len(doc) else ""
    return before in art.tables.place_preps or after in art.tables.place_suffixes


def disambiguate(art: EntityArticle, c: Candidate, entries: list[Entry], context: Counter):
    """The most likely reading of a name with several (Georgia the country or
    the US state): a prior by kind, plus the countries the article names.
    Returns (record, confidence, descriptions of the other readings)."""
    doc = art.doc
    readings, seen = [], set()
    for rank, e in enumerate(entries[:6]):
        if rank and not e.main_name:
            continue  # another place's rare alternate name ("Egypt", a name once used in Arizona)
        rec = e.record
        key = (type(rec).__name__, code(rec), getattr(rec, "kind", ""))
        if key in seen or isinstance(rec, Organization):
            continue
        seen.add(key)
        own = context[code(rec)] - (1.0 if rank == 0 and len(entries) == 1 else 0.5 if rank == 0 else 0.0) \
            if code(rec) else 0.0  # a place of no one country ("the Sahel") has no context to count
        if isinstance(rec, Place) and rec.kind == "region" and city_before(art, c, rec.country_code):
            own += 3  # "Savannah, Georgia": a city, then its state
        if isinstance(rec, Place) and rec.country_code and rec.country_code == country_after(art, c):
            own += 3  # "Bali, Indonesia": a place, then its country
        if isinstance(rec, Country):
            score = 4.0 + 0.5 * min(own, 4) + 0.5 * sum(min(context[n], 2) for n in rec.neighbours)
            if country_cue(art, c):
                score += 2.0
        else:
            weight = 1.5 if rec.kind in ("region", "capital") or rec.population >= 100_000 or rec.curated else 0.5
            score = {0: 2.0, 1: 1.0}.get(rank, 0.5) + weight * min(own, 4)
            if c.end < len(doc) and doc[c.end].lower_ in art.tables.region_nouns_after:
                score += 2.0
        readings.append((score, rec))
    readings.sort(key=lambda r: -r[0])
    if len(readings) == 1:
        return readings[0][1], 0.95 if c.label != "PERSON" else 0.8, []
    best_score, best = readings[0]
    # a city and the region of the same name in one country are one answer to "where"
    rivals = [s for s, r in readings[1:] if code(r) != code(best) or type(r) is not type(best)]
    second = rivals[0] if rivals else 0.0
    others = [describe(r) for _, r in readings[1:3]]
    # an ambiguous name is never certain: 0.5 when two readings tie, up to 0.9
    return best, round(0.5 + 0.4 * (best_score - second) / best_score, 2), others


def country_cue(art: EntityArticle, c: Candidate) -> bool:
    """"Colombia's government", "the government of Colombia": said of a country."""
    doc, heads = art.doc, art.tables.country_heads
    n = len(doc)
    if c.end + 1 < n and doc[c.end].lower_ in POSSESSIVE and doc[c.end + 1].lower_ in heads:
        return True
    return c.start > 1 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in heads


def country_after(art: EntityArticle, c: Candidate) -> Optional[str]:
    """The ISO code of a country named right after the candidate and a comma ("Bali, Indonesia")."""
    doc = art.doc
    if c.end + 1 >= len(doc) or doc[c.end].text != ",":
        return None
    for k in range(c.end + 2, min(len(doc), c.end + 5) + 1):
        country = art.gaz.country(doc[c.end + 1:k].text)
        if country is not None:
            return country.iso2
    return None


def city_before(art: EntityArticle, c: Candidate, country_code: Optional[str]) -> bool:
    """Whether "<a city of country `country_code`>, " comes right before the candidate."""
    doc = art.doc
    if c.start < 2 or doc[c.start - 1].text != "," or not country_code:
        return False
    j = c.start - 1
    for k in range(max(0, j - 4), j):
        entries = art.gaz.lookup(doc[k:j].text)
        if any(isinstance(e.record, Place) and e.record.country_code == country_code
               and e.record.kind in ("city", "capital") for e in entries):
            return True
    return False
