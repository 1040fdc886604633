"""The pattern entry point: which entities one sentence says mediate, from the
regex table over the masked sentence, each "actual" or "proposed" (a future or
an offer: "Turkey offered to mediate", "talks to be hosted by Qatar")."""
from __future__ import annotations

import re
from typing import Optional

from .article import MARKER, MediatorArticle
from .tables import MediatorRules

ACTUAL, PROPOSED = "actual", "proposed"


def sentence_mediators(art: MediatorArticle, rules: MediatorRules, sent) -> tuple[dict[str, str], dict]:
    """{marker: status} for the mediators the sentence names (a marker is an
    entity id or D:ISO for a demonym), and where the demonyms are."""
    text = sent.text
    if not rules.prefilter.search(text) or rules.excludes.search(text):
        return {}, {}
    if art.wholly_excluded(sent.start_char, sent.end_char):
        return {}, {}
    masked, demonyms = art.masked(sent)
    found: dict[str, str] = {}
    for pattern in rules.patterns:
        if pattern.requires is not None and not pattern.requires.search(text):
            continue
        for m in pattern.regex.finditer(masked):
            status = PROPOSED if _future(rules, masked, m, pattern.verb_group) else ACTUAL
            for gname in ("m", "m2"):
                if gname in pattern.regex.groupindex and m.group(gname):
                    for mk in MARKER.finditer(masked, m.start(gname), m.end(gname)):
                        for marker in (mk.group(1), _acting_person(art, rules, masked, mk)):
                            if marker and found.get(marker) != ACTUAL:
                                found[marker] = status
    return found, demonyms


def _acting_person(art: MediatorArticle, rules: MediatorRules, masked: str, mk: re.Match) -> Optional[str]:
    """The person named right after a mediating state or body who acts for it:
    "brokered by Turkish President X", "mediated by Algeria's ambassador to Mali, X"."""
    ent = art.by_id.get(mk.group(1))
    if ent is not None and ent.type == "PERSON":
        return None
    m = rules.person_after.match(masked, mk.end())
    if m is None or not rules.person_titles.search(m.group("title")):
        return None
    person = art.by_id.get(m.group("person"))
    return person.id if person is not None and person.type == "PERSON" else None


def unnamed_mediators(art: MediatorArticle, rules: MediatorRules, sents: list) -> list[tuple[int, dict[str, str]]]:
    """Mediators a sentence does not name ("African mediators held talks with
    X, the Ethiopian foreign minister said"): the people that sentence and the
    next introduce with a demonym and a title. (sentence index, {marker: status})."""
    out = []
    for i, sent in enumerate(sents):
        if not rules.unnamed_group.search(sent.text) or art.wholly_excluded(sent.start_char, sent.end_char):
            continue
        masked, _ = art.masked(sent)
        group = rules.unnamed_group.search(masked)
        if group is None or rules.excludes.search(masked):
            continue
        status = PROPOSED if rules.future.search(masked[group.end():group.end() + 40]) else ACTUAL
        for j in (i, i + 1):
            if j >= len(sents):
                break
            people = {}
            for m in rules.titled_person.finditer(sents[j] is sent and masked or art.masked(sents[j])[0]):
                ent = art.by_id.get(m.group("person"))
                if ent is not None and ent.type == "PERSON":
                    people[ent.id] = status
            if people:
                out.append((j, people))
    return out


def _future(rules: MediatorRules, masked: str, m: re.Match, verb_group: Optional[str]) -> bool:
    if verb_group == "between":
        return bool(rules.future.search(masked[m.end("m"):m.end(0)]))
    if verb_group == "before":  # "talks to be hosted by", "will be brokered by"
        return bool(rules.passive_future.search(" ".join(masked[:m.start(0)].split()[-3:])))
    return False
