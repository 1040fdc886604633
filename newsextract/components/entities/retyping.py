"""What the rest of the article says about a name: a surname the model took for
a place is the person named in full elsewhere, a name listed among places is a
place, and later occurrences of an established name the model did not tag are
mentions too."""
from __future__ import annotations

from ...gazetteer import Organization, Place
from ...text.names import name_key
from .article import Candidate, EntityArticle
from .candidates import OTHER_LABELS, dateline
from .classify import describe, locative, place_context, set_type
from .people import NameIndex, acronym_fits, same_person
from .repair import suffix_modifies, title_before


def retype_by_article(art: EntityArticle, cands: list[Candidate]) -> None:
    """Fix a label with what the rest of the article says: a surname the model
    took for a place is the person named in full elsewhere ("Borrell"); a name
    listed among places is a place ("Mariupol and Kherson")."""
    doc, tables = art.doc, art.tables
    named = {c.record for c in cands if c.type == "PLACE" and isinstance(c.record, Place)
             and name_key(c.text) == name_key(c.record.name)}
    for c in cands:  # "Gaza" is the Gaza Strip where the article names the Gaza Strip
        if c.type == "PLACE" and isinstance(c.record, Place):
            other = next((e.record for e in c.entries if e.record in named and e.record != c.record
                          and name_key(e.record.name) != name_key(c.text)), None)
            if other is not None:
                c.record = other
    taken = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:  # "Kursk" + "region" when the gazetteer, not the model, found Kursk
        if c.type == "PLACE" and c.end < len(doc) and doc[c.end].is_lower and doc[c.end].lower_ in \
                tables.place_suffixes and c.end not in taken and not suffix_modifies(doc, c.end):
            c.end += 1
            art.span(c)
    particles = tables.particles
    fulls = NameIndex(name_key(c.text).split() for c in cands if c.type == "PERSON" and c.end - c.start >= 2)
    singles = {name_key(c.text) for c in cands if c.type == "PERSON" and c.end - c.start == 1}
    # "Secretary Austin ... Austin announced": a name the article gives a title is a person throughout
    titled = {name_key(c.text) for c in cands if c.type == "PERSON" and c.titles and c.end - c.start == 1}
    for c in cands:
        if c.type in ("PERSON", "COUNTRY") or isinstance(c.record, Organization):
            continue
        words = name_key(c.text).split()
        if " ".join(words) in titled and not locative(art, c) and not place_context(art, c):
            set_type(c, "PERSON", None, 0.7, alternatives=[describe(c.record)] if c.record else c.alternatives)
            continue
        if isinstance(c.record, Place) and c.record.salient and not c.label == "PERSON":
            continue
        if any(same_person(words, f, particles) or same_person(f, words, particles) for f in fulls.near(words)) \
                or (not c.entries and " ".join(words) in singles):
            set_type(c, "PERSON", None, 0.7, alternatives=c.alternatives)
    places = {tables.place_key(c.text) for c in cands if c.type == "PLACE"}
    for c in cands:  # "Azovstal" after "the Azovstal steel plant", "Langtang" after "Langtang village"
        if c.record is None and name_key(c.text) in places and (
                c.type == "ORGANIZATION" and not any(t.lower_ in tables.org_words for t in doc[c.start:c.end])
                or c.type == "PERSON" and not c.person_cue and c.end - c.start == 1):
            set_type(c, "PLACE", None, 0.65)
    surnames = {}
    for c in cands:
        if c.type == "PERSON" and c.end - c.start >= 2:
            surnames.setdefault(doc[c.end - 1].text, c.start)
    for c in cands:  # "Michael Jordan ... Jordan thanked the fans"
        if c.type == "COUNTRY" and c.end - c.start == 1 and c.role == "name" and surnames.get(c.text, len(doc)) < c.start \
                and not (c.start > 0 and doc[c.start - 1].lower_ in tables.place_preps):
            set_type(c, "PERSON", None, 0.6, alternatives=[describe(c.record)])
            c.country = None
    _places_in_lists(art, cands, fulls)
    _people_in_lists(art, cands, fulls)


def _places_in_lists(art: EntityArticle, cands: list[Candidate], fulls: NameIndex) -> None:
    """A doubtful person or a one-word body listed next to a place ("Mariupol and
    Kherson", "Bhola, Feni and Noakhali") is a place."""
    doc, tables = art.doc, art.tables
    ordered = sorted(cands, key=lambda c: c.start)
    for idx, c in enumerate(ordered):
        doubtful_body = c.type == "ORGANIZATION" and c.end - c.start == 1 and c.record is None \
            and not c.entries and art.words[c.start] not in tables.org_words and not doc[c.start].is_upper
        if not doubtful_body and (c.type != "PERSON" or c.person_cue or (c.confidence >= 0.85 and c.end - c.start > 1)):
            continue
        words = name_key(c.text).split()
        if any(same_person(words, f, tables.particles) for f in fulls.near(words) if f != words):
            continue
        neighbours = []
        if idx > 0:
            neighbours.append((ordered[idx - 1], ordered[idx - 1].end, c.start))
        if idx + 1 < len(ordered):
            neighbours.append((ordered[idx + 1], c.end, ordered[idx + 1].start))
        for other, a, b in neighbours:
            between = [t.lower_ for t in doc[a:b]]
            if other.type == "PLACE" and 0 < len(between) <= 2 and all(w in tables.list_joiners for w in between):
                place = c.record if isinstance(c.record, Place) else (
                    next((e.record for e in c.entries if isinstance(e.record, Place)), None))
                set_type(c, "PLACE", place, 0.7)
                break


def _people_in_lists(art: EntityArticle, cands: list[Candidate], fulls: NameIndex) -> None:
    """"Both Morales and Mesa": a one-word name listed right after a person the
    article names in full, with no place context, is a person too."""
    doc, tables = art.doc, art.tables
    ordered = sorted(cands, key=lambda c: c.start)
    for prev, c in zip(ordered, ordered[1:]):
        if prev.type != "PERSON" or c.type not in ("PLACE", "ORGANIZATION") or c.end - c.start != 1 \
                or isinstance(c.record, Organization) or c.person_cue:
            continue
        between = [t.lower_ for t in doc[prev.end:c.start]]
        words = name_key(prev.text).split()
        if between != ["and"] or not any(same_person(words, f, tables.particles) for f in fulls.near(words)):
            continue
        if locative(art, prev) or locative(art, c) or place_context(art, c):
            continue
        set_type(c, "PERSON", None, 0.6, alternatives=[describe(c.record)] if c.record else c.alternatives)


def untagged_list_places(art: EntityArticle, cands: list[Candidate]) -> list[Candidate]:
    """"Satkhira, Bagerhat, Jhalakathi, Barishal": a capitalized word the model left
    untagged between two places of a list is a place too."""
    doc, joiners = art.doc, art.tables.list_joiners
    places = [c for c in cands if c.type == "PLACE"]
    if len(places) < 2:
        return []
    ends = {c.end: c for c in places}
    starts = {c.start: c for c in places}
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for i, tok in enumerate(doc):
        if i in taken or not tok.is_title or tok.pos_ != "PROPN" or tok.is_sent_start or tok.ent_type_:
            continue
        j = i + 1
        while j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN" and j not in taken and j - i < 3:
            j += 1
        left = i - 1 if i > 0 and doc[i - 1].text == "," else None
        right = j + 1 if j < len(doc) and doc[j].lower_ in joiners else None
        if right is not None and right < len(doc) and doc[right].lower_ in joiners:
            right += 1  # ", and"
        if left is not None and left in ends and right is not None and right in starts:
            c = art.span(Candidate(i, j, "LIST", type="PLACE", confidence=0.6))
            if not art.excluded(c.start_char, c.end_char):
                out.append(c)
                taken.update(range(i, j))
    return out


def propagate_names(art: EntityArticle, cands: list[Candidate]) -> list[Candidate]:
    """Other occurrences of a name the article has established ("Azovstal" after
    "the Azovstal steel plant", "Zelenskyy" after "Volodymyr Zelenskyy") that the
    model did not tag."""
    doc, text = art.doc, art.text
    known: dict[str, Candidate] = {}
    for c in cands:
        if c.role != "name" or c.type not in ("PERSON", "ORGANIZATION", "PLACE", "COUNTRY") or c.nested:
            continue
        if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")" \
                and doc[c.end + 1].is_upper and doc[c.end + 1].is_alpha and acronym_fits(doc[c.end + 1].text, c.text):
            known.setdefault(doc[c.end + 1].text, c)  # "(INEC)": its acronym, defined here
        if c.type == "COUNTRY":
            continue
        known.setdefault(c.text, c)
        if c.type == "PLACE" and c.label == "FAC":
            base = art.tables.place_key(c.text)
            known.setdefault(text[c.start_char:c.start_char + len(base)], c)
        if c.type == "PERSON" and c.end - c.start >= 2:
            surname = doc[c.end - 1].text
            if len(surname) >= 4 and surname[0].isupper() and not art.gaz.lookup(surname):
                known.setdefault(surname, c)
    if not known:
        return []
    max_len = max(len(k.split()) for k in known)
    taken = {i for c in cands for i in range(c.start, c.end)}
    out, n, i = [], len(doc), 0
    while i < n:
        tok = doc[i]
        if i in taken or not tok.text[:1].isupper() or tok.ent_type_ in OTHER_LABELS:
            i += 1
            continue
        for k in range(min(n, i + max_len), i, -1):
            if any(j in taken for j in range(i, k)):
                continue
            surface = text[tok.idx:doc[k - 1].idx + len(doc[k - 1].text)]
            source = known.get(surface)
            if source is not None and name_key(doc[i:k].text) == name_key(surface):
                c = art.span(Candidate(i, k, "COPY", type=source.type, record=source.record, entries=source.entries,
                                       confidence=min(source.confidence, 0.8),
                                       titles=title_before(art, i) if source.type == "PERSON" else []))
                if not art.excluded(c.start_char, c.end_char) and not dateline(art, c):
                    out.append(c)
                    taken.update(range(i, k))
                i = k - 1
                break
        i += 1
    return out
