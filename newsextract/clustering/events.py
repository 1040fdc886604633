"""What the clusterer knows of an event: `ClusterEvent`, read from a record or a gold file."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Mapping, Optional

from .keys import entity_key


@dataclass
class ClusterEvent:
    """What the clusterer needs to know of one event of one article."""

    article_id: str
    index: int
    type: str
    event_id: Optional[str] = None
    date: Optional[str] = None
    participants: frozenset = frozenset()
    participant_names: tuple = ()
    mediator: Optional[str] = None
    mediator_name: Optional[str] = None
    location: Optional[str] = None
    location_name: Optional[str] = None
    location_country: Optional[str] = None
    counts: tuple = ()  # (value, category, claim_id)
    published: Optional[str] = None
    url: Optional[str] = None

    @property
    def key(self):
        return (self.article_id, self.index)

    @property
    def precision(self) -> Optional[str]:
        if not self.date:
            return None
        return {10: "day", 7: "month", 4: "year"}.get(len(self.date))

    def day(self) -> Optional[dt.date]:
        if self.precision == "day":
            try:
                return dt.date.fromisoformat(self.date)
            except ValueError:
                return None
        return None

    def to_json(self) -> dict:
        d = self.__dict__.copy()
        d["participants"] = sorted(self.participants)
        d["participant_names"] = list(self.participant_names)
        d["counts"] = [list(c) for c in self.counts]
        return d

    @classmethod
    def from_json(cls, d: dict) -> "ClusterEvent":
        d = dict(d)
        d["participants"] = frozenset(d.get("participants") or ())
        d["participant_names"] = tuple(d.get("participant_names") or ())
        d["counts"] = tuple(tuple(c) for c in d.get("counts") or ())
        return cls(**d)


def _ref_name(x) -> str:
    if isinstance(x, dict):
        return x.get("name") or ""
    return x or ""


def _clean_date(value) -> Optional[str]:
    if not value:
        return None
    s = str(value)[:10]
    return s if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s) else None


def events_of_record(rec: Mapping) -> list[ClusterEvent]:
    """The events of one record (newsextract output or a gold file) as ClusterEvents.

    Events whose modality is not `asserted` are left out: they did not happen."""
    entities = {e.get("id"): e for e in rec.get("entities") or [] if isinstance(e, dict)}
    published = rec.get("published")
    if isinstance(published, dict):
        published = published.get("date")
    url = rec.get("url") or rec.get("source_url")
    out = []

    def key_of(ref):
        name = _ref_name(ref)
        ent = entities.get(ref.get("entity_id")) if isinstance(ref, dict) else None
        if ent:
            attrs = ent.get("attributes") or {}
            return entity_key(ent.get("name") or name, iso2=attrs.get("iso_alpha2") if ent.get("type") == "COUNTRY" else None,
                            etype=ent.get("type")), ent.get("name") or name, attrs.get("country_code")
        return entity_key(name), name, None

    for i, ev in enumerate(rec.get("events") or []):
        if str(ev.get("modality") or "asserted").lower() != "asserted":
            continue
        parts = [key_of(p) for p in ev.get("participants") or [] if _ref_name(p)]
        med = key_of(ev["mediator"]) if _ref_name(ev.get("mediator")) else None
        loc = key_of(ev["location"]) if _ref_name(ev.get("location")) else None
        counts = []
        for c in ev.get("counts") or []:
            if isinstance(c, dict):
                if c.get("value") is not None:
                    counts.append((float(c["value"]), c.get("category") or "OTHER", c.get("claim_id")))
            elif c is not None:
                counts.append((float(c), "OTHER", None))
        out.append(ClusterEvent(
            article_id=str(rec.get("id")), index=i, type=str(ev.get("type")), event_id=ev.get("id"),
            date=_clean_date(ev.get("date")),
            participants=frozenset(k for k, _, _ in parts), participant_names=tuple(n for _, n, _ in parts),
            mediator=med[0] if med else None, mediator_name=med[1] if med else None,
            location=loc[0] if loc else None, location_name=loc[1] if loc else None,
            location_country=loc[2] if loc else None,
            counts=tuple(counts), published=_clean_date(published), url=url,
        ))
    return out
