"""Repairing the base model's spans: split at punctuation and line breaks, cut
titles, determiners and possessives off, split "<body> <person>" run-ons, join
names the model split ("Ursula von" + "der Leyen"), extend organization names
("Ministry of Foreign Affairs" + "of Ukraine") and places ("Donetsk" + "region")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ...gazetteer import Country, Organization, Place
from .article import Candidate, EntityArticle
from .bodies import generic_body_words
from .tables import APOSTROPHES, POSSESSIVE, word

# a model span is split at these tokens
SPLITTERS = frozenset({",", ";", "|", "•", "/", "(", ")", "[", "]", "—", "–", ":"})
POSSESSIVE_MARKS = POSSESSIVE | APOSTROPHES
SPLIT_POSSESSIVES = POSSESSIVE_MARKS | {"ʼs"}
HYPHENS = ("-", "‑")


def repair(art: EntityArticle, c: Candidate) -> list[Candidate]:
    """Split a model span at punctuation and line breaks, then trim each part."""
    doc = art.doc
    parts, start, across_lines = [], c.start, False
    for i in range(c.start, c.end):
        t = doc[i]
        dash = t.text in HYPHENS and t.whitespace_ and i > 0 and doc[i - 1].whitespace_  # "the Sahara - for years"
        if t.text in SPLITTERS or "\n" in t.text or dash:
            across_lines = across_lines or "\n" in t.text
            if i > start:
                parts.append((start, i))
            start = i + 1
        elif "\n" in t.whitespace_:
            across_lines = True
            parts.append((start, i + 1))
            start = i + 1
    if start < c.end:
        parts.append((start, c.end))
    out = []
    for s, e in parts:
        if across_lines and e - s == 1 and not doc[s].is_upper and not art.gaz.lookup(doc[s].text):
            continue  # one word left over from a span the model ran across lines ("Nepal // Toll")
        out.extend(trim(art, Candidate(s, e, c.label)))
    return out


def trim(art: EntityArticle, c: Candidate) -> list[Candidate]:
    """Cut determiners, possessives and titles off a span; split a title or an
    organization run into a person ("EC chairperson Jane Doe", "Constitutional
    Court Petr Petrov"); extend a place with its suffix ("Donetsk region")."""
    doc, tables, gaz = art.doc, art.tables, art.gaz
    org_words = tables.org_words
    s, e = c.start, c.end
    while s < e and (doc[s].lower_ in tables.leading_words or doc[s].is_punct):
        s += 1
    if inverted_speech_verb(art, s, e):
        s += 1  # '"...," Said Novak:' opening a sentence: the verb of an inverted attribution
    while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in POSSESSIVE_MARKS
                     or doc[e - 1].is_lower and doc[e - 1].is_stop):
        e -= 1  # "the Gulf on": a preposition the model took along
    if e <= s:
        return []
    if s >= 3 and doc[s - 1].is_lower and len(doc[s - 1].text) <= 3 and doc[s - 1].is_alpha \
            and doc[s - 2].text in HYPHENS and not doc[s - 2].whitespace_ and not doc[s - 3].whitespace_ \
            and doc[s - 3].is_title:
        s -= 3  # "Baghlan-e Markazi": a name joined to the one before it by a Persian ezafe
    c.start, c.end = s, e
    for p in range(s + 1, e - 1):
        tail = doc[p + 1:e]
        if doc[p].lower_ in SPLIT_POSSESSIVES and p - s <= 2 and len(tail) >= 2 and tail[0].is_title \
                and any(t.lower_ in org_words for t in tail) and c.label in ("ORG", "FAC") \
                and gaz.lookup(doc[s:p].text) and not generic_body_words(art, p + 1, e):
            # "the Treasury's Office of Foreign Assets Control": the office has a name of its own
            return trim(art, Candidate(s, p, "ORG")) + trim(art, Candidate(p + 1, e, c.label))
        if doc[p].lower_ == "in" and c.label in ("ORG", "FAC") and tail[0].is_title and not gaz.lookup(doc[s:e].text) \
                and not (e + 1 < len(doc) and doc[e].text == "(") \
                and any(isinstance(en.record, Place) and en.record.kind in ("city", "capital") for en in gaz.lookup(tail.text)):
            # "the House of Friendship in Almaty": a body or building, then where it is
            return trim(art, Candidate(s, p, c.label)) + [Candidate(p + 1, e, "GPE")]
        if doc[p].lower_ in SPLIT_POSSESSIVES and e - p - 1 in (2, 3):
            tail = doc[p + 1:e]
            head_body = word(doc[p - 1].text) in org_words or bool(gaz.lookup(doc[s:p].text))
            if all(t.is_title or t.lower_ in tables.particles for t in tail) and \
                    not any(t.lower_ in org_words for t in tail) and \
                    (head_body or tables.is_given_name(tail[0].text)):
                return trim(art, Candidate(s, p, "ORG" if c.label == "PERSON" else c.label)) + \
                    [Candidate(p + 1, e, "PERSON")]
    if e - s >= 2 and word(doc[e - 1].text) not in org_words:  # "the King Salman Center" is a body
        cut = last_title(art, s, e)
        if cut is not None and doc[cut[1]].is_title:
            title_start, title_end = cut
            person = Candidate(title_end, e, "PERSON", titles=[doc[title_start:title_end].text])
            before = [] if title_start == s else trim(art, Candidate(s, title_start, "ORG"))
            keep = [b for b in before if gaz.lookup(doc[b.start:b.end].text) or doc[b.start:b.end].text.isupper()]
            return keep + [person]
    for p in range(s + 1, e - 1):
        if c.label == "ORG" and doc[p].is_lower and doc[p].lower_ in org_words \
                and all(t.text[:1].isupper() for t in doc[p + 1:e]):
            return [Candidate(p + 1, e, "ORG")]  # "the opposition party Our Homeland": the party's name
    if c.label == "ORG" and e - s >= 3 and e < len(doc) and doc[e].pos_ in ("VERB", "AUX") \
            and word(doc[e - 2].text) in org_words and doc[e - 1].is_title and len(doc[e - 1].text) >= 4 \
            and word(doc[e - 1].text) not in org_words and not gaz.lookup(doc[e - 1].text):
        # "Head of the National Disaster Agency Suharyanto said": a body, then a one-word name
        return trim(art, Candidate(s, e - 1, "ORG")) + [Candidate(e - 1, e, "PERSON")]
    split = org_person_split(art, s, e, c.label)
    if split is not None:
        first_known = gaz.lookup(doc[s:split].text)
        keep_first = bool(first_known) or word(doc[split - 1].text) in org_words
        if s > 0 and doc[s - 1].lower_ in tables.joining_preps and not first_known and title_before(art, s - 1):
            keep_first = False  # "Commissioner for Crisis Management Jane Doe": part of the title
        first = Candidate(s, split, "ORG" if c.label == "PERSON" else c.label)
        return ([first] if keep_first else []) + [Candidate(split, e, "PERSON")]
    facility = facility_suffix(art, e)
    known = gaz.lookup(doc[s:e].text) if facility else None
    if facility and (c.label in ("ORG", "FAC", "GPE", "LOC") or c.label == "PERSON" and not title_before(art, s)) \
            and not any(t.lower_ in org_words for t in doc[s:e]) \
            and not (known and known[0].record.kind != "facility" and c.label != "PERSON"):  # "Stockholm airport" stays Stockholm
        c.end, c.label = facility, "FAC"
        return [c]
    if c.label in ("GPE", "LOC") and e - s >= 2 and doc[e - 1].is_lower and doc[e - 1].lower_ in tables.generic_place_nouns:
        c.end = e = e - 1
    if c.label in ("ORG", "GPE", "LOC") and e < len(doc) and doc[e].lower_ in tables.region_suffixes and \
            doc[e].text[:1].isupper() and not (e + 1 < len(doc) and doc[e + 1].is_title) and e - s <= 2 and \
            not any(en.is_country for en in gaz.lookup(doc[s:e].text)) and word(doc[e - 1].text) not in org_words:
        c.end, c.label = e + 1, "GPE"  # "Damaturu LGA", "Natuna Regency": an administrative area
        return [c]
    if c.label in ("GPE", "LOC") and e < len(doc) and doc[e].lower_ in tables.place_suffixes:
        is_country = any(en.is_country for en in gaz.lookup(doc[s:e].text))
        if not is_country and not suffix_modifies(doc, e):
            c.end = e + 1
    return [c]


def inverted_speech_verb(art: EntityArticle, s: int, e: int) -> bool:
    """Whether the span's first word is a speech verb opening an inverted attribution
    ("Said Novak:", "Added Kumar,"): a verb (not a name such as Said) that starts its
    sentence, with the span running to a colon or comma."""
    doc = art.doc
    first = doc[s]
    return e - s >= 2 and first.pos_ == "VERB" and first.tag_ in ("VBD", "VBZ") and first.is_sent_start \
        and art.tables.reporting.is_speech_verb(first.lemma_.lower()) \
        and e < len(doc) and doc[e].text in (":", ",")


def capitalized(tok) -> bool:
    """A name's word: a capital, then not all capitals ("Matiang’i", "McCain"; not "the", "UN")."""
    return tok.text[:1].isupper() and not tok.is_upper


def suffix_modifies(doc: Doc, i: int) -> bool:
    """Whether the place noun at token i belongs to what follows ("state news
    agency") rather than to the name before it."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN", "ADJ")


def facility_suffix(art: EntityArticle, e: int) -> Optional[int]:
    """The end of a lower-case facility noun starting at token e ("steel plant"), if any."""
    words = art.words
    if e >= len(words) or words[e] not in art.tables.facility_first_words:
        return None
    for suffix in art.tables.facility_suffixes:
        end = e + len(suffix)
        if tuple(words[e:end]) == suffix and all(t.is_lower for t in art.doc[e:end]):
            return end
    return None


def last_title(art: EntityArticle, s: int, e: int) -> Optional[tuple[int, int]]:
    """(start, end) of the last title phrase inside tokens [s, e) with a name after it."""
    tables, words, best, i = art.tables, art.words, None, s
    while i < e:
        for n in range(min(tables.max_title_len, e - i), 0, -1):
            if tuple(words[i:i + n]) in tables.title_gender:
                best = (i, i + n)
                i += n - 1
                break
        i += 1
    if best is None or best[1] >= e:
        return None
    return best


def title_before(art: EntityArticle, start: int) -> list[str]:
    """Title phrases written right before a name ("President", "Foreign Minister")."""
    tables, words, titles, i = art.tables, art.words, [], start
    while i > 0:
        for n in range(min(tables.max_title_len, i), 0, -1):
            if tuple(words[i - n:i]) in tables.title_gender:
                titles.insert(0, art.doc[i - n:i].text)
                i -= n
                break
        else:
            break
    return titles


def org_person_split(art: EntityArticle, s: int, e: int, label: str) -> Optional[int]:
    """Where a run-on "<organization, country> <First Last>" splits, if it is one."""
    if e - s < 3 or label not in ("ORG", "GPE", "PERSON"):
        return None
    doc, tables = art.doc, art.tables
    particles = tables.particles
    for k in (e - 2, e - 3):
        if k <= s or doc[k - 1].is_punct:
            continue
        tail = doc[k:e]
        if any(t.lower_ in tables.org_words for t in tail) or not tail[0].is_title:
            continue
        if not all(t.is_title or t.lower_ in particles for t in tail):
            continue
        if k == e - 3 and tail[1].lower_ not in particles and not tables.is_given_name(tail[0].text):
            continue
        head = art.gaz.lookup(doc[s:k].text)
        head_named = bool(head) and isinstance(head[0].record, (Country, Organization))
        head_body = word(doc[k - 1].text) in tables.org_words
        head_title = s > 0 and doc[s - 1].lower_ in tables.joining_preps and bool(title_before(art, s - 1))
        if label == "PERSON":
            if head_named or head_title:
                return k
        elif head_named or head_body or head_title or tables.is_given_name(tail[0].text):
            return k
    return None


def join_split_names(art: EntityArticle, spans: list[Candidate]) -> list[Candidate]:
    """Persons whose name runs on past the model's span: over particles
    ("Ursula von" + "der Leyen") or over one more untagged name ("Iván Duque" +
    "Márquez")."""
    doc = art.doc
    spans.sort(key=lambda c: c.start)
    starts = {c.start for c in spans}
    out: list[Candidate] = []
    particles = art.tables.particles
    n = len(doc)
    i = 0
    while i < len(spans):
        c = spans[i]
        if c.label == "PERSON":
            j = c.end
            while j < n and doc[j].lower_ in particles and j - c.end < 3 and doc[j - 1].whitespace_:
                j += 1
            ends_in_particle = doc[c.end - 1].lower_ in particles
            if (j > c.end or ends_in_particle) and j < n and doc[j].is_title:
                k = j + 1
                while k < n and doc[k].is_title and k - j < 2 and doc[k - 1].whitespace_ == " ":
                    k += 1
                c = Candidate(c.start, k, "PERSON", titles=c.titles)
                while i + 1 < len(spans) and spans[i + 1].start < k:
                    i += 1
            elif i + 1 < len(spans) and spans[i + 1].start == c.end and spans[i + 1].label == "PERSON" \
                    and doc[c.end - 1].whitespace_ == " " and doc[c.end - 1].is_title \
                    and not all(w in art.tables.title_words for w in art.words[c.start:c.end]):
                # "Hassan Sheikh" + "Mohamud": two person spans with only a space between are one name
                c = Candidate(c.start, spans[i + 1].end, "PERSON", titles=c.titles)
                i += 1
            elif ((c.end - c.start >= 2 or c.titles) and j < n and j not in starts and capitalized(doc[j]) and doc[j].pos_ == "PROPN"
                  and doc[j - 1].whitespace_ == " " and doc[j].text not in art.tables.non_entities
                  and not art.gaz.lookup(doc[j].text) and not doc[j].ent_type_):
                c = Candidate(c.start, j + 1, "PERSON", titles=c.titles)
        out.append(c)
        i += 1
    return out


def extend_org_backwards(art: EntityArticle, spans: list[Candidate]) -> list[Candidate]:
    """Organization names whose first conjunct the model left out or split off:
    "the Liberation and Justice Movement", "the Garment Makers and Exporters
    Association": capitalized words and "and" before a name that ends in an
    organization noun belong to it."""
    doc, org_words, gaz = art.doc, art.tables.org_words, art.gaz
    by_token = {i: c for c in spans for i in range(c.start, c.end)}
    org_ends = {c.end for c in spans if c.label == "ORG"}
    for c in spans:
        if c.end <= c.start or word(doc[c.end - 1].text) not in org_words or c.label not in ("ORG", "PERSON", "GPE"):
            continue
        k = c.start
        while k > 0 and not doc[k].is_sent_start and "\n" not in doc[k - 1].whitespace_:
            prev = doc[k - 1]
            if prev.is_title and not prev.is_punct and prev.lower_ not in art.tables.determiners:
                k -= 1
            elif prev.lower_ in ("and", "&") and k > 1 and doc[k - 2].is_title and not doc[k - 2].is_sent_start \
                    and not gaz.lookup(doc[k - 2].text) and word(doc[k - 2].text) not in org_words \
                    and k - 1 not in org_ends:  # "the Irish Navy and Air Corps": two bodies
                k -= 2
            else:
                break
        if k < c.start and any(doc[j].lower_ in ("and", "&") for j in range(k, c.start)):
            for j in range(k, c.start):
                other = by_token.get(j)
                if other is not None and other is not c:
                    other.end = other.start  # swallowed
            c.start, c.label = k, "ORG"
    return [c for c in spans if c.end > c.start]


def extend_org_names(art: EntityArticle, spans: list[Candidate]) -> list[Candidate]:
    """Organization names that run on past the model's span: "Office of the
    Special Envoy" + "of the Secretary-General for Yemen", "Ministry of Foreign
    Affairs" + "of Ukraine"."""
    doc, org_words = art.doc, art.tables.org_words
    starts = {c.start: c for c in spans}
    n = len(doc)
    for c in spans:
        if c.label != "ORG" or c.end <= c.start or not ({word(doc[c.start].text), word(doc[c.end - 1].text)} & org_words):
            continue
        for _ in range(2):
            j = c.end
            if j + 1 >= n or doc[j].lower_ not in art.tables.joining_preps or "\n" in doc[j - 1].whitespace_:
                break
            k = j + 1
            if doc[k].lower_ == "the":
                k += 1
            m = k
            while m < n and m - k < 5 and (doc[m].is_title or doc[m].text in HYPHENS) and not doc[m].whitespace_.count("\n"):
                m += 1
            while m > k and doc[m - 1].text in HYPHENS:
                m -= 1
            if m == k:
                break
            nxt = starts.get(k)
            if nxt is not None and nxt.end > m:
                m = nxt.end
            for other in spans:
                if other is not c and k <= other.start < m:
                    other.end = other.start  # swallowed
            c.end = m
    return [c for c in spans if c.end > c.start]
