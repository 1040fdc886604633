"""Government bodies: named after their country ("Russia's defence ministry",
"the Israeli army", "the EU's external action office"), described beside a
named organization ("Swedish news agency TT"), and the generic mentions that
refer back to one ("the ministry", "the Russian ministry"). A body is keyed
(country or intergovernmental body, head noun, portfolio)."""
from __future__ import annotations

from typing import Optional

from ...gazetteer import Organization, Place
from .article import Candidate, EntityArticle
from .tables import POSSESSIVE, word


def body_key(art: EntityArticle, start: int, end: int, anchor: Optional[str]) -> Optional[tuple]:
    """(country or body, head noun, portfolio) of a government body's name."""
    tables, gaz = art.tables, art.gaz
    toks = [t for t in art.doc[start:end] if t.is_alpha or t.text.replace(".", "").isalpha() or t.text in POSSESSIVE]
    words = [word(t.text) for t in toks]
    head = None
    for h in tables.body_heads:
        for k in range(len(words) - len(h) + 1):
            if tuple(words[k:k + len(h)]) == h:
                head = h[-1]
                break
        if head:
            break
    if head is None:
        return None
    iso, portfolio = anchor, None
    for t, w in zip(toks, words):
        if iso is None and t.text[:1].isupper():
            country = gaz.country(t.text)
            iso = gaz.demonyms.country(t.text) or (country.iso2 if country else None)
        if portfolio is None and w in tables.portfolios:
            portfolio = tables.portfolios[w]
    joined = " ".join(words)
    for form, canon in tables.portfolios.items():
        if " " in form and form in joined:
            portfolio = canon
    return (iso, head, portfolio)


def generic_body_words(art: EntityArticle, start: int, end: int) -> bool:
    """Whether a body's name says only what it does ("Foreign Ministry", "Ministry
    of Defence"), not which one it is."""
    tables = art.tables
    return all(w in tables.body_head_words or w in tables.portfolios or w in tables.body_name_joiners
               for w in art.words[start:end] if w.isalpha())


def anchor_before(art: EntityArticle, j: int, anchors: dict):
    """The country, demonym or intergovernmental body that ends right before
    token j ("Russia's", "Israeli", "the EU's"): (anchor key, start) or (None, j)."""
    doc = art.doc
    k = j
    while k > 0 and doc[k - 1].lower_ in POSSESSIVE:
        k -= 1
    if k in anchors:
        a = anchors[k]
        if isinstance(a.record, Place):
            return art.gaz.capital_of(a.record), a.start
        return (a.country or "ORG:" + a.record.name), a.start
    if k > 0 and doc[k - 1].is_title:
        dem = art.gaz.demonyms.country(doc[k - 1].text)
        if dem and not (k > 1 and doc[k - 2].is_title and not doc[k - 2].is_sent_start):
            return dem, k - 1
    return None, j


def body_mentions(art: EntityArticle, cands: list[Candidate]) -> list[Candidate]:
    """Government bodies named after their country ("Russia's defence ministry",
    "the Israeli army", "the EU's external action office", "South Korea's Foreign
    Ministry") and generic mentions that refer back to one ("the ministry",
    "the Russian ministry", "the ministry of finance")."""
    doc, gaz = art.doc, art.gaz
    anchors = {c.end: c for c in cands if c.type == "COUNTRY" or (
        isinstance(c.record, Organization) and c.record.kind == "intergovernmental")}
    for c in cands:  # "Moscow's defence ministry": a capital anchors its country's bodies
        if c.type == "PLACE" and isinstance(c.record, Place) and gaz.capital_of(c.record) in gaz.countries \
                and c.end + 1 < len(doc) and doc[c.end].lower_ in POSSESSIVE:
            anchors.setdefault(c.end, c)
    covered = {i for c in cands if not c.nested for i in range(c.start, c.end)}
    _key_named_bodies(art, cands, anchors)
    orgs = [o for o in cands if o.type == "ORGANIZATION"]
    orgs_by_end = {o.end_char: o for o in orgs}
    orgs_by_start = {o.start_char: o for o in orgs}
    out = []
    n, tables, words = len(doc), art.tables, art.words
    i = 0
    while i < n:
        found = None
        if words[i] in tables.body_first_words:
            for h in tables.body_heads:
                end = i + len(h)
                if end <= n and tuple(words[i:end]) == h and not any(j in covered for j in range(i, end)):
                    found = end
                    break
        if found is None:
            i += 1
            continue
        end = found
        # modifiers between the anchor and the head: "Iran's (intelligence) ministry"
        j, steps = i, 0
        anchor, start = anchor_before(art, j, anchors)
        while anchor is None and j > 0 and steps < 4:
            prev = doc[j - 1]
            if prev.is_alpha and prev.pos_ in ("ADJ", "NOUN", "PROPN") and (j - 1) not in covered and \
                    prev.lower_ not in tables.determiners:
                j -= 1
                steps += 1
                anchor, start = anchor_before(art, j, anchors)
            elif prev.lower_ in POSSESSIVE and j > 1 and doc[j - 2].is_alpha:
                j -= 1
            else:
                break
        tail_end = end
        if end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].lower_ in tables.portfolios:
            tail_end = end + 2  # "the ministry of finance"
            if tail_end < n and doc[tail_end].lower_ in tables.portfolio_tail:
                tail_end += 1
        if anchor is not None:
            key = body_key(art, start, tail_end, None if anchor.startswith("ORG:") else anchor)
            if key is None:
                i = end
                continue
            key = (anchor,) + key[1:]
            # "the Russian ministry", "the Ukrainian office": no name of its own, only a reference
            generic = key[2] is None and not doc[i].is_title and j == i and end - i == 1 \
                and key[1] in tables.generic_reference_heads
            c = Candidate(start, tail_end, "BODY", type="ORGANIZATION", role="generic_body" if generic else "body",
                          body_key=key, confidence=0.75)
        else:
            first = j
            if first > 0 and doc[first - 1].lower_ == "the":
                first -= 1
            elif tail_end == end:
                i = end
                continue
            key = body_key(art, first, tail_end, None)
            c = Candidate(first, tail_end, "BODY", type="ORGANIZATION", role="generic_body", body_key=key,
                          confidence=0.6)
        art.span(c)
        if not art.excluded(c.start_char, c.end_char):
            appositive = appositive_org(art, c, orgs_by_end, orgs_by_start)
            if appositive is not None:
                c.role, c.body_key, c.record = "appositive", None, appositive
            out.append(c)
            covered.update(range(c.start, c.end))
        i = tail_end
    return out


def _key_named_bodies(art: EntityArticle, cands: list[Candidate], anchors: dict) -> None:
    """The model's organizations that are government bodies get their key;
    "South Korea's" + "Foreign Ministry" becomes one name."""
    for c in cands:
        if c.type == "ORGANIZATION" and c.label not in ("GAZ",) and not isinstance(c.record, Organization):
            key = body_key(art, c.start, c.end, None)
            if not key:
                continue
            if key[0] is None:
                anchor, start = anchor_before(art, c.start, anchors)
                if anchor:
                    # "South Korea's" + "Foreign Ministry" is one name; "Nigeria's" + "Independent
                    # National Electoral Commission" is a country and a body with a name of its own
                    if generic_body_words(art, c.start, c.end):
                        c.start = start
                        art.span(c)
                    key = (anchor,) + key[1:]
            c.body_key, c.role = key, "body"


def appositive_org(art: EntityArticle, c: Candidate, orgs_by_end: dict, orgs_by_start: dict) -> Optional[Candidate]:
    """A body phrase that describes a named organization beside it: "the
    Department of State Services, Nigeria's secret intelligence agency",
    "Swedish news agency TT"."""
    text = art.text
    for gap in range(4):
        for other in (orgs_by_end.get(c.start_char - gap), orgs_by_start.get(c.end_char + gap)):
            if other is None or other is c:
                continue
            between = text[other.end_char:c.start_char] if other.end_char <= c.start_char \
                else text[c.end_char:other.start_char]
            if between.strip() in ("", ",") and "\n" not in between:
                return other
    return None
