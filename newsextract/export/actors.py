"""Who did what to whom: a cluster's participants as GDELT and ACLED actors.

A participant's codes come only from what the record and the gazetteer know
(models/export_actor_types.json says how): its country, a CAMEO type code and
an ACLED inter code, each left empty when nothing tells it.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..clustering import entity_key
from .clusters import ExportCluster, MemberEvent
from .lookup import organization_kind
from .tables import actor_types, country_table


@dataclass(frozen=True)
class Actor:
    name: str
    iso2: Optional[str] = None       # the country the actor belongs to
    cameo_type: Optional[str] = None  # GOV, MIL, COP, REB, IGO, ...
    acled_inter: Optional[int] = None
    is_country: bool = False  # a country named as an actor: named as the country table names it

    @property
    def cameo_country(self) -> Optional[str]:
        return country_table().code(self.iso2, "cameo")

    @property
    def cameo_code(self) -> Optional[str]:
        """GDELT's full actor code: country code then type code ("RUSMIL", "IGO")."""
        return ((self.cameo_country or "") + (self.cameo_type or "")) or None


@lru_cache(maxsize=1)
def _name_patterns() -> list[tuple[str, re.Pattern]]:
    """(type code, pattern) in the table's order: the first type whose words a name holds wins."""
    return [(code, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I))
            for code, words in actor_types().name_words.items()]


def _title_type(titles: list[str]) -> Optional[str]:
    """A person's type from a title, matched whole or as its last words ("Deputy Prime Minister")."""
    table = actor_types().person_titles
    for title in titles:
        t = " ".join(title.casefold().replace(".", "").split())
        for code, known in table.items():
            if any(t == k or t.endswith(" " + k) for k in known):
                return code
    return None


def _organization_type(name: str) -> Optional[str]:
    kind = organization_kind(name)
    if kind:
        return actor_types().org_kinds.get(kind)
    return next((code for code, pattern in _name_patterns() if pattern.search(name)), None)


def actor_of(name: str, entity: Optional[dict]) -> Actor:
    """The actor a participant (its name, and its record entity if linked) stands for."""
    table = actor_types()
    if not entity:
        return Actor(name=name)
    attrs = entity.get("attributes") or {}
    etype = entity.get("type")
    if etype == "COUNTRY":
        iso2 = attrs.get("iso_alpha2") or _iso2_of_iso3(attrs.get("iso_alpha3"))
        codes = country_table().get(iso2)
        # one name per country, as both codebooks write it ("Russia" for "Russian Federation", "USA")
        return Actor(name=codes.name if codes else name, iso2=iso2,
                     acled_inter=table.country_acled_inter if iso2 else None, is_country=codes is not None)
    if etype == "ORGANIZATION":
        code = _organization_type(entity.get("name") or name)
    elif etype == "PERSON":
        code = _title_type(list(attrs.get("titles") or ()))
    else:
        code = None
    inter = table.types[code].acled_inter if code in table.types else None
    return Actor(name=name, iso2=attrs.get("country_code"), cameo_type=code, acled_inter=inter)


def _iso2_of_iso3(iso3: Optional[str]) -> Optional[str]:
    if not iso3:
        return None
    return next((iso2 for iso2, c in country_table().countries.items() if c.iso3 == iso3.upper()), None)


@dataclass
class _Candidate:
    actor: Actor
    order: int
    members: set
    names: Counter
    roles: Counter


@dataclass(frozen=True)
class ClusterActors:
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    associates1: tuple = ()  # other actors on actor1's side (same directional role)
    associates2: tuple = ()


def _participant_key(member: MemberEvent, participant: dict) -> str:
    entity = member.entity(participant)
    name = participant.get("name") or ""
    if not entity:
        return entity_key(name)
    attrs = entity.get("attributes") or {}
    iso2 = attrs.get("iso_alpha2") if entity.get("type") == "COUNTRY" else None
    return entity_key(entity.get("name") or name, iso2=iso2, etype=entity.get("type"))


def _candidates(cluster: ExportCluster) -> list[_Candidate]:
    found: dict[str, _Candidate] = {}
    for n, member in enumerate(cluster.members):
        for participant in member.event.get("participants") or ():
            if not isinstance(participant, dict) or not participant.get("name"):
                continue
            key = _participant_key(member, participant)
            c = found.get(key)
            if c is None:
                c = found[key] = _Candidate(actor_of(participant["name"], member.entity(participant)),
                                            len(found), set(), Counter(), Counter())
            c.members.add(n)
            c.names[participant["name"]] += 1
            c.roles[participant.get("role") or "participant"] += 1
    ranked = sorted(found.values(), key=lambda c: (-len(c.members), c.order))
    for c in ranked:  # the spelling most members use (a country keeps its table name)
        name = sorted(c.names.items(), key=lambda t: (-t[1], t[0]))[0][0]
        if name != c.actor.name and not c.actor.is_country:
            c.actor = dataclasses.replace(c.actor, name=name)
    return ranked


def cluster_actors(cluster: ExportCluster) -> ClusterActors:
    """Actor1 acts on Actor2: by the participants' roles where a role tells the
    direction (attacker, target, ...), else the actors most members name, in order."""
    table = actor_types()
    ranked = _candidates(cluster)
    if not ranked:
        return ClusterActors()
    sources = [c for c in ranked if any(r in table.source_roles for r in c.roles)]
    targets = [c for c in ranked if any(r in table.target_roles for r in c.roles) and c not in sources[:1]]
    first = sources[0] if sources else ranked[0]
    rest = [c for c in ranked if c is not first]
    second = targets[0] if targets else next((c for c in rest if c not in sources), None)
    return ClusterActors(
        actor1=first.actor, actor2=second.actor if second else None,
        associates1=tuple(c.actor for c in sources[1:] if c is not second),
        associates2=tuple(c.actor for c in targets[1:] if c is not first))
