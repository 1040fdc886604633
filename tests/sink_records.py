"""Records for the sink tests, built from the schema models directly (no spaCy).

`swap_record(i)` is a small realistic article whose item counts depend on `i`
(so a test can tell a whole article from half of one); `hostile_record()` fills
every field of every model with hostile strings.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import typing
from typing import Literal

from pydantic import BaseModel

from newsextract.schema import (
    EVENT_MODELS, ArticleRecord, Attack, CountRef, Entity, EntityAttributes, EntityRef, Evidence,
    Mention, NumericClaim, Participant, PrisonerExchange, Published, Quote, SideCount,
)

PARTIES = [("Russia", "RU"), ("Ukraine", "UA"), ("Armenia", "AM"), ("Azerbaijan", "AZ"), ("Israel", "IL")]


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def expected_counts(i: int) -> dict[str, int]:
    """Rows `swap_record(i)` has in each child table."""
    sides = 2
    return {"entities": sides + 1, "mentions": 2 * sides + 1 + (i % 4), "numeric_claims": 1,
            "quotes": 1, "events": 2, "event_participants": sides + 1, "event_side_counts": sides,
            "event_counts": 1, "event_evidence": 2}


def swap_record(i: int, *, text_suffix: str = "") -> ArticleRecord:
    """Article `i`: a UAE-mediated prisoner exchange between two parties, releasing
    `10 + i` each, and an attack; `i % 4` extra mentions of the mediator."""
    (a, a_code), (b, b_code) = PARTIES[i % len(PARTIES)], PARTIES[(i + 1) % len(PARTIES)]
    n = 10 + i
    sentence = f"{a} and {b} exchanged {n} prisoners each in a deal brokered by the United Arab Emirates."
    quote_sentence = '"Every one of them is home," the ministry said.'
    extra = " ".join("The UAE helped." for _ in range(i % 4))
    text = f"{sentence}\n\n{quote_sentence}\n\n{extra}{text_suffix}"
    sent_ev = Evidence(text=sentence, start=0, end=len(sentence))
    q_start = text.index(quote_sentence)
    quote_ev = Evidence(text=quote_sentence, start=q_start, end=q_start + len(quote_sentence))

    def mentions(needle):
        spans, at = [], 0
        while needle in text[at:]:
            s, e = _span(text, needle, at)
            spans.append(Mention(text=needle, start=s, end=e))
            at = e
        return spans

    entities = [
        Entity(id="e1", name=a, type="COUNTRY", mentions=mentions(a) + [mentions(a)[0]],
               attributes=EntityAttributes(iso_alpha2=a_code, country_code=a_code)),
        Entity(id="e2", name=b, type="COUNTRY", mentions=mentions(b) + [mentions(b)[0]],
               attributes=EntityAttributes(iso_alpha2=b_code, country_code=b_code)),
        Entity(id="e3", name="United Arab Emirates", type="COUNTRY", aliases=["UAE"], roles=["MEDIATOR"],
               mentions=mentions("United Arab Emirates") + mentions("UAE"),
               attributes=EntityAttributes(iso_alpha2="AE", iso_alpha3="ARE", country_code="AE")),
    ]
    c_start, c_end = _span(text, f"{n} prisoners")
    claim = NumericClaim(id="c1", text=f"{n} prisoners", start=c_start, end=c_end, value=n, unit="prisoner",
                         category="RELEASED", distributive=True, evidence=sent_ev)
    qs, qe = _span(text, "Every one of them is home,")
    quote = Quote(id="q1", text=text[qs:qe], start=qs, end=qe, speaker_text="the ministry", cue="said",
                  evidence=quote_ev)
    published = dt.date(2024, 1, 1) + dt.timedelta(days=i)
    swap = PrisonerExchange(
        id="v1", participants=[Participant(entity_id="e1", name=a, role="side"),
                               Participant(entity_id="e2", name=b, role="side"),
                               Participant(entity_id="e3", name="United Arab Emirates", role="mediator")],
        mediator=EntityRef(entity_id="e3", name="United Arab Emirates"), date=published.isoformat(),
        date_precision="day", counts=[CountRef(claim_id="c1", value=n, unit="prisoner", category="RELEASED")],
        released_per_side=[SideCount(side=EntityRef(entity_id="e1", name=a), value=n, claim_id="c1"),
                           SideCount(side=EntityRef(entity_id="e2", name=b), value=n, claim_id="c1")],
        trigger="exchanged", evidence=[sent_ev, quote_ev], confidence=0.9)
    attack = Attack(id="v2", killed=3, date=published.isoformat(), date_precision="day")
    record = ArticleRecord(
        id=f"art-{i:05d}", title=f"{a} and {b} swap prisoners", url=f"https://example.org/{i}",
        published=Published(date=published, source="given"),
        text_hash=hashlib.sha256(text.encode()).hexdigest(), text=text,
        entities=entities, numeric_claims=[claim], quotes=[quote], events=[swap, attack])
    return record


# ---------------------------------------------------------------- hostile strings

HOSTILE = [
    "O'Brien \"the\" `Quoted` \\backslash\\",
    "'); DROP TABLE articles; --",
    "a\x00b NUL \x00 inside",
    "%s %(name)s ? :param $1 ${x} {0} %% _ LIKE '%'",
    "\u202eright-to-left\u200b zero-width \U0001F600 emoji \ufeff BOM",
    "line\nbreak\r\ntab\tend",
    "",
]
LONG = "Ḱhālid al-Long Name " * 600          # ~12,000 characters, ~13 kB of UTF-8


def hostile_record(*, only: str | None = None) -> ArticleRecord:
    """Every field of every model set, each string field to a hostile string in
    turn, or to `only` (the long one, say); keys and B-tree-indexed fields, which
    are bounded, get short hostile strings."""
    strings = itertools.cycle([only] if only is not None else HOSTILE + [LONG])
    counter = itertools.count()
    bounded = {"id", "date", "entity_id", "claim_id"}

    def value(annotation, name: str):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            return value(typing.get_args(annotation)[0], name)
        if origin is typing.Union or origin is getattr(__import__("types"), "UnionType", None):
            args = [t for t in typing.get_args(annotation) if t is not type(None)]
            return value(args[0], name)
        if origin is Literal:
            values = typing.get_args(annotation)
            return values[next(counter) % len(values)]
        if origin is list:
            return [value(typing.get_args(annotation)[0], name) for _ in range(2)]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return fill(annotation)
        if annotation is str:
            if name in bounded:
                return f"{HOSTILE[next(counter) % 6]}#{next(counter)}"
            return next(strings)
        if annotation is bool:
            return True
        if annotation is int:
            return next(counter)
        if annotation is float:
            return 0.25
        if annotation is dt.date:
            return dt.date(2024, 2, 29)
        raise TypeError(f"no hostile value for {annotation!r}")

    def fill(model: type[BaseModel]):
        return model(**{name: value(info.annotation, name) for name, info in model.model_fields.items()
                        if name != "schema_version" and not (name == "type" and not info.is_required())})

    record = fill(ArticleRecord)
    record.events = [fill(model) for model in EVENT_MODELS.values()]
    record.id = HOSTILE[1] + HOSTILE[2]
    return record


def leaf_strings(value) -> set[str]:
    """Every string inside a dumped record (keys excluded)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(leaf_strings(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(leaf_strings(v) for v in value)) if value else set()
    return set()


