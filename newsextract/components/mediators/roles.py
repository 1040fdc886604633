"""Setting the MEDIATOR role on entities, with the sentence as evidence; a
demonym naming a mediator ("Egyptian mediators") is a mention of its country,
which is found among the entities or added."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from ...schema import Entity, EntityAttributes, Evidence, Mention, RoleEvidence
from ...spans import evidence, region_at
from .article import DEMONYM_PREFIX, MediatorArticle
from .patterns import ACTUAL
from .tables import MediatorTables

MEDIATOR, PROPOSED_MEDIATOR = "MEDIATOR", "PROPOSED_MEDIATOR"


def assign_roles(art: MediatorArticle, tables: MediatorTables, sent: Span, found: dict[str, str],
                 demonyms: dict) -> list[tuple[Entity, str]]:
    """Give every entity `found` in `sent` its role: MEDIATOR when the mediation
    is actual, PROPOSED_MEDIATOR when it is future or offered. Returns the
    entities given a role, with the status."""
    ev = evidence(art.doc, sent)
    given = []
    for mk, status in found.items():
        if mk.startswith(DEMONYM_PREFIX):
            ent = demonym_entity(art, tables, mk[len(DEMONYM_PREFIX):], demonyms.get(mk))
        else:
            ent = art.by_id.get(mk)
        if ent is None or ent.type == "PLACE":
            continue
        role = MEDIATOR if status == ACTUAL else PROPOSED_MEDIATOR
        if role not in ent.roles:
            ent.roles.append(role)
        if not any(r.evidence.start == ev.start and r.status == status for r in ent.role_evidence):
            ent.role_evidence.append(RoleEvidence(role=MEDIATOR, status=status, evidence=Evidence(**ev.model_dump())))
        given.append((ent, status))
    return given


def settle_roles(entities: list[Entity]) -> None:
    """An entity that mediated is no longer only a proposed mediator."""
    for ent in entities:
        if MEDIATOR in ent.roles and PROPOSED_MEDIATOR in ent.roles:
            ent.roles.remove(PROPOSED_MEDIATOR)


def demonym_entity(art: MediatorArticle, tables: MediatorTables, iso: str, span) -> Optional[Entity]:
    """A demonym naming a mediator ("Egyptian mediators", "Russian-brokered") is
    a mention of the country: found or added, with the demonym as an alias."""
    country = tables.country(iso)
    if country is None or span is None:
        return None
    start, end = span
    entities = art.entities
    ent = next((e for e in entities if e.type == "COUNTRY" and e.attributes.iso_alpha2 == iso), None)
    if ent is None:
        ent = Entity(id=f"E{len(entities) + 1}", name=country.name, type="COUNTRY", confidence=0.75,
                     attributes=EntityAttributes(iso_alpha2=country.iso2, iso_alpha3=country.iso3))
        entities.append(ent)
        art.by_id[ent.id] = ent
    if not any(m.start == start for m in ent.mentions):
        ent.mentions.append(Mention(text=art.text[start:end], start=start, end=end,
                                    in_caption=region_at(art.doc, start, end) == "caption"))
        ent.mentions.sort(key=lambda m: m.start)
        if art.text[start:end] not in ent.aliases:
            ent.aliases.append(art.text[start:end])
    return ent
