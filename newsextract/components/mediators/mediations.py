"""What the mediators component found, as `doc._.ne_mediations`: one `Mediation`
per entity and sentence that says it mediated (or offered to), from either entry
point (the regex patterns or the dependency cues). The MEDIATOR roles of the
entities are set from the same findings, so that the entities' roles and the
events' mediators (the events component reads this list) never disagree."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["actual", "proposed"]
Source = Literal["pattern", "cue"]


@dataclass(frozen=True)
class Mediation:
    """An entity a sentence names as a mediator: `start`/`end` are the character
    offsets of that sentence (the evidence), `status` says whether the mediation
    happened ("actual") or is only offered or to come ("proposed")."""

    entity_id: str
    status: Status
    start: int
    end: int
    source: Source


def add_mediation(found: list[Mediation], entity_id: str, status: Status, start: int, end: int,
                  source: Source) -> None:
    """Record one finding, once per entity and sentence; an actual one outranks a proposed one."""
    for k, old in enumerate(found):
        if old.entity_id == entity_id and old.start == start:
            if old.status != "actual" and status == "actual":
                found[k] = Mediation(entity_id, status, start, end, old.source)
            return
    found.append(Mediation(entity_id, status, start, end, source))
