"""Records for the export tests, built from the schema models (no spaCy).

Three outlets report one prisoner exchange between Russia and Ukraine (one
cluster of three articles) and an air strike in the Kursk region whose toll
rises from 3 to 5; the third also reports a protest in Kyiv, and a planned
meeting that must not be exported.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from newsextract.schema import (
    ArticleRecord, Attack, CountRef, Entity, EntityAttributes, Evidence, Meeting, NumericClaim, Participant,
    PrisonerExchange, Protest, Published, Region,
)

EXCHANGE_ID = "C0123456789ab"
STRIKE_ID = "C00000000beef"
PROTEST_ID = "C0000000c0ffe"

COUNTRIES = {
    "Russia": EntityAttributes(iso_alpha2="RU", iso_alpha3="RUS"),
    "Ukraine": EntityAttributes(iso_alpha2="UA", iso_alpha3="UKR"),
}
PLACES = {
    "Kursk region": EntityAttributes(country_code="RU", feature_kind="region"),
    "Kyiv": EntityAttributes(country_code="UA", feature_kind="capital", latitude=50.4547, longitude=30.5238),
}


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def _entities(text: str) -> list[Entity]:
    out = []
    for name, attrs in COUNTRIES.items():
        out.append(Entity(id="c-" + name, name=name, type="COUNTRY", attributes=attrs))
    for name, attrs in PLACES.items():
        if name in text:
            out.append(Entity(id="p-" + name, name=name, type="PLACE", attributes=attrs))
    if "National Police" in text:
        out.append(Entity(id="o-police", name="National Police", type="ORGANIZATION",
                          attributes=EntityAttributes(country_code="UA")))
    return out


def _side(name: str, role: str) -> Participant:
    return Participant(entity_id="c-" + name, name=name, role=role)


def article(n: int, *, killed: int, published: dt.date, url: str, extra: str = "") -> ArticleRecord:
    """Outlet `n`'s report: the exchange of 2024-05-18 first, the strike of 2024-05-17 after."""
    headline = "Russia and Ukraine swap prisoners"
    swap = "Russia and Ukraine exchanged 75 prisoners each on Saturday."
    strike = f"A Russian air strike in the Kursk region on Friday killed {killed} people, officials said."
    text = f"{headline}\n\n{swap}\n\n{strike}" + (f"\n\n{extra}" if extra else "") + "\n\nSubscribe to our newsletter"
    claim_ev = _evidence(text, strike)
    killed_at = text.index(f"killed {killed}") + len("killed ")
    claims = [NumericClaim(id="N1", text=f"{killed} people", start=killed_at, end=killed_at + len(f"{killed} people"),
                           value=killed, unit="person", category="KILLED", evidence=claim_ev)]
    events = [
        PrisonerExchange(id="V1", participants=[_side("Russia", "side"), _side("Ukraine", "side")],
                         date="2024-05-18", date_precision="day", cameo="0841", evidence=[_evidence(text, swap)],
                         counts=[CountRef(claim_id="N0", value=75, unit="prisoner", category="RELEASED")]),
        Attack(id="V2", participants=[_side("Russia", "attacker"), _side("Ukraine", "target")],
               location={"entity_id": "p-Kursk region", "name": "Kursk region"}, date="2024-05-17",
               date_precision="day", cameo="195", evidence=[claim_ev], killed=killed,
               counts=[CountRef(claim_id="N1", value=killed, unit="person", category="KILLED")]),
    ]
    regions = [Region(kind="chrome", start=text.index("Subscribe"), end=len(text))]
    return ArticleRecord(id=f"wire-{n}", title=headline, url=url, published=Published(date=published, source="given"),
                         text_hash=hashlib.sha256(text.encode()).hexdigest(), text=text, regions=regions,
                         entities=_entities(text), numeric_claims=claims, events=events)


def third_article() -> ArticleRecord:
    protest = "Hundreds protested in Kyiv on Monday as the National Police watched."
    meeting = "The two sides will meet in Istanbul next month."
    rec = article(3, killed=5, published=dt.date(2024, 5, 20), url="https://www.c.example.com/x",
                  extra=f"{protest} {meeting}")
    rec.events.append(Protest(id="V3", participants=[Participant(entity_id="o-police", name="National Police")],
                              location={"entity_id": "p-Kyiv", "name": "Kyiv"}, date="2024-05-20",
                              date_precision="day", cameo="141", evidence=[_evidence(rec.text, protest)]))
    rec.events.append(Meeting(id="V4", participants=[_side("Russia", "participant"), _side("Ukraine", "participant")],
                              modality="planned", cameo="046", evidence=[_evidence(rec.text, meeting)]))
    return rec


def dump(*, clustered: bool = True) -> list[dict]:
    """The three articles as record dicts; with `clustered`, as `newsextract cluster` leaves them."""
    records = [article(1, killed=3, published=dt.date(2024, 5, 18), url="https://a.example.org/swap"),
               article(2, killed=5, published=dt.date(2024, 5, 19), url="https://b.example.net/news/1"),
               third_article()]
    out = [r.model_dump(mode="json") for r in records]
    if clustered:
        ids = {"V1": EXCHANGE_ID, "V2": STRIKE_ID, "V3": PROTEST_ID}
        for rec in out:
            for ev in rec["events"]:
                if ev["modality"] == "asserted":
                    ev["cluster_id"] = ids[ev["id"]]
    return out
