"""One Entity per real entity: the article's mentions grouped by what they name.
People by name parts ("Zelenskyy" is "Volodymyr Zelenskyy"), countries by ISO
code, organizations by acronym ("ICRC", "(YRCS)") and by body key ("the
ministry"), places by gazetteer record."""
from __future__ import annotations

from typing import Optional

from ...gazetteer import Organization, Place
from ...schema import Entity, Mention
from ...spans import region_at
from ...text.names import name_key
from .article import Candidate, EntityArticle
from .building import finish
from .people import NameIndex, acronym_fits, capitals_fit, initials, same_person


def resolve(art: EntityArticle, cands: list[Candidate]) -> list[Entity]:
    """The entities of the article, numbered E1, E2... in order of first mention;
    every candidate gets its `entity`."""
    doc = art.doc
    entities: list[Entity] = []
    groups: dict[tuple, Entity] = {}
    info: dict[int, dict] = {}
    acronyms = defined_acronyms(art, cands)
    # "Goundam" located by the gazetteer once and not the next time is still one place
    located = {}
    for c in cands:
        if c.type == "PLACE" and isinstance(c.record, Place) and c.role == "name":
            located.setdefault(name_key(c.text), c.record)
    for c in cands:
        if c.type == "PLACE" and c.record is None and c.role == "name":
            c.record = located.get(name_key(c.text))
    people = people_groups(art, cands)
    # "the Ministry of Foreign Affairs" is "the UAE Foreign Ministry" when one country's is named
    anchored: dict[tuple, set] = {}
    for c in cands:
        if c.body_key and c.body_key[0]:
            anchored.setdefault(c.body_key[1:], set()).add(c.body_key[0])
    for c in cands:
        if c.body_key and not c.body_key[0] and len(anchored.get(c.body_key[1:], ())) == 1 and c.body_key[2]:
            c.body_key = (next(iter(anchored[c.body_key[1:]])),) + c.body_key[1:]
    bodies: list[tuple[Entity, tuple]] = []
    for c in cands:
        if c.role == "appositive":
            ent = c.record.entity if isinstance(c.record, Candidate) else None
        elif c.role == "generic_body":
            ent = match_body(c.body_key, bodies)
            if ent is None and c.body_key and c.body_key[2] and not c.body_key[0]:
                key = ("BODY", None, c.body_key[1], c.body_key[2])
                ent = groups.get(key) or _new_entity(entities, groups, info, "ORGANIZATION", key)
                c.role = "body"
        else:
            key = acronyms.get(id(c)) or group_key(art, c, people)
            ent = groups.get(key) or _new_entity(entities, groups, info, c.type, key)
        if ent is None:
            continue
        c.entity = ent
        data = info[id(ent)]
        ent.mentions.append(Mention(text=c.text, start=c.start_char, end=c.end_char,
                                    in_caption=region_at(doc, c.start_char, c.end_char) == "caption"))
        if c.role in ("name", "acronym", "body"):
            data["names"].append(c.text)
        data["titles"].extend(c.titles)
        data["conf"].append(c.confidence)
        data["alts"].extend(c.alternatives)
        if c.record is not None and data["record"] is None and not isinstance(c.record, Candidate):
            if not (c.role == "descriptor" and ent.type == "PLACE" and data["names"]):
                data["record"] = c.record
        if c.role == "body" and c.body_key:
            bodies.append((ent, c.body_key))
            if c.body_key[0] and len(c.body_key[0]) == 2:
                data.setdefault("country", c.body_key[0])
    for ent in entities:
        finish(art.tables, art.gaz, ent, info[id(ent)])
    entities = [e for e in entities if e.mentions]
    for i, ent in enumerate(entities, 1):
        ent.id = f"E{i}"
    return entities


def _new_entity(entities, groups, info, etype: str, key: tuple) -> Entity:
    ent = Entity(id="", name="?", type=etype)
    entities.append(ent)
    groups[key] = ent
    info[id(ent)] = {"names": [], "titles": [], "conf": [], "alts": [], "record": None}
    return ent


def group_key(art: EntityArticle, c: Candidate, people: dict) -> tuple:
    """What mentions of one entity share."""
    if c.type == "COUNTRY":
        return ("COUNTRY", c.country or name_key(c.text))
    if c.type == "PERSON":
        return ("PERSON", people.get(id(c), name_key(c.text)))
    if c.type == "ORGANIZATION":
        if c.body_key and c.body_key[0]:
            return ("BODY",) + c.body_key
        if isinstance(c.record, Organization):
            return ("ORG", c.record.name)
        return ("ORG", name_key(c.text))
    if isinstance(c.record, Place):
        return ("PLACE", c.record.name, c.record.country_code)
    return ("PLACE", art.tables.place_key(c.text))


def match_body(key: Optional[tuple], bodies: list) -> Optional[Entity]:
    """The body a generic mention ("the ministry", "the Russian ministry")
    refers to: the last one named that fits what the mention says."""
    for ent, body_key in reversed(bodies):
        if key is None or ((key[1] == body_key[1]) and (key[2] is None or key[2] == body_key[2])
                           and (key[0] is None or key[0] == body_key[0])):
            return ent
    return None


def defined_acronyms(art: EntityArticle, cands: list[Candidate]) -> dict:
    """Acronyms the article defines ("... Red Crescent Society (YRCS)") or that
    are the initials of a name it uses: id(candidate) -> group key of the name."""
    doc = art.doc
    full: dict[str, tuple] = {}
    by_start = {c.start: c for c in cands if c.role == "name"}
    for c in sorted(cands, key=lambda c: c.start):
        if c.type not in ("ORGANIZATION", "PERSON", "COUNTRY", "PLACE") or c.end - c.start < 2 \
                or c.role not in ("name", "body"):
            continue
        key = group_key(art, c, {})
        if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")":
            acro = doc[c.end + 1].text
            if acro.isupper() and acro.isalpha() and 2 <= len(acro) <= 8 and acronym_fits(acro, c.text):
                full.setdefault(acro, (key, c.type))
        # "USAID (US Agency for International Development)": the acronym first, the name in brackets
        before = by_start.get(c.start - 2)
        if before is not None and c.end < len(doc) and doc[c.start - 1].text == "(" and doc[c.end].text == ")" \
                and before.end == c.start - 1 and doc[before.start:before.end].text.isupper() \
                and capitals_fit(doc[before.start:before.end].text, c.text):
            full.setdefault(doc[before.start:before.end].text, (key, c.type))
        if c.type == "PLACE":
            continue
        for ini in initials(c.text, c.type == "PERSON", art.tables.initials_skip):
            full.setdefault(ini, (key, c.type))
    out = {}
    for c in cands:
        toks = doc[c.start:c.end]
        if len(toks) != 1 or not toks[0].is_upper or toks[0].text not in full or c.role != "name":
            continue
        if c.type not in ("ORGANIZATION", "PERSON", "COUNTRY", "PLACE"):
            continue
        key, etype = full[toks[0].text]
        if key != group_key(art, c, {}):
            out[id(c)] = key
            c.type, c.role = etype, "acronym"
    return out


def people_groups(art: EntityArticle, cands: list[Candidate]) -> dict:
    """id(candidate) -> the full name a person mention belongs to: the surname
    alone, first + last, a variant spelling of the surname, the given name
    alone when only one person has it."""
    persons = [c for c in cands if c.type == "PERSON" and c.role == "name"]
    particles = art.tables.particles

    def words(c):
        return name_key(c.text).split()

    fulls = NameIndex()
    for c in sorted(persons, key=lambda c: -len(words(c))):
        w = words(c)
        if len(w) >= 2 and not any(same_person(w, f, particles) for f in fulls.near(w)):
            fulls.add(w)
    out, seen_at = {}, {}
    for c in sorted(persons, key=lambda c: c.start):
        w = words(c)
        matches = [f for f in fulls.near(w) if same_person(w, f, particles)]
        if not matches and len(w) == 1:
            by_given = [f for f in fulls if f[0] == w[0]]
            if len(by_given) == 1 and (art.tables.is_given_name(w[0]) or c.titles):
                matches = by_given
        if not matches:
            continue
        if len(matches) > 1:  # the one named last before this mention, else the most named
            matches.sort(key=lambda f: (seen_at.get(" ".join(f), [-1])[-1], len(seen_at.get(" ".join(f), []))),
                         reverse=True)
        target = " ".join(matches[0])
        seen_at.setdefault(target, []).append(c.start)
        out[id(c)] = target
    return out
