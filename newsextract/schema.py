"""The record schema: the public contract of newsextract.

Every model here is pydantic v2. Offsets (`start`, `end`) are character offsets
into `ArticleRecord.text`, the cleaned source text (see `newsextract.cleaning`),
so that for every item `record.text[item.start:item.end] == item.text`.
Events form a discriminated union on `type`. SQL and Parquet tables and the
published JSON Schema are derived from these models.
"""
from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal, Optional, Union, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"

EntityType = Literal["PERSON", "COUNTRY", "PLACE", "ORGANIZATION"]
Qualifier = Literal["exact", "at_least", "more_than", "at_most", "less_than", "approximate"]
ClaimCategory = Literal[
    "KILLED", "WOUNDED", "DETAINED", "RELEASED", "DISPLACED", "AFFECTED", "MONEY", "PERCENT", "OTHER"
]
Modality = Literal["asserted", "negated", "planned", "hypothetical"]
DatePrecision = Literal["day", "month", "year"]
RegionKind = Literal["chrome", "caption", "credit", "byline", "dateline"]
REGION_KINDS: tuple[str, ...] = get_args(RegionKind)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Model):
    """A piece of the cleaned text: `text == record.text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Evidence(TextSpan):
    """The sentence an item was read from."""


class Region(_Model):
    """A part of the text the cleaner set aside: site chrome, a photo caption, a credit."""

    kind: RegionKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class RecordWarning(_Model):
    code: str
    message: str


# ---------------------------------------------------------------- entities

class Mention(TextSpan):
    in_caption: bool = False


class EntityAttributes(_Model):
    iso_alpha2: Optional[str] = None
    iso_alpha3: Optional[str] = None
    country_code: Optional[str] = Field(None, description="ISO alpha-2 of the country a place or body belongs to")
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    feature_kind: Optional[str] = Field(None, description="city, region, capital, water, ... (gazetteer places)")
    titles: list[str] = Field(default_factory=list, description="titles seen before a person's name")
    gender: Optional[Literal["male", "female"]] = None
    alternatives: list[str] = Field(default_factory=list, description="other readings of an ambiguous name")


class RoleEvidence(_Model):
    role: str
    status: Literal["actual", "proposed"] = "actual"
    evidence: Evidence


class Entity(_Model):
    id: str
    name: str = Field(description="canonical name: the fullest form in the article")
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list, description="e.g. MEDIATOR")
    role_evidence: list[RoleEvidence] = Field(default_factory=list)
    attributes: EntityAttributes = Field(default_factory=EntityAttributes)
    confidence: float = Field(1.0, ge=0, le=1)


class EntityRef(_Model):
    entity_id: Optional[str] = None
    name: str


# ---------------------------------------------------------------- numeric claims

class Modifier(_Model):
    text: str
    entity_id: Optional[str] = None


class NumericClaim(TextSpan):
    id: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = Field(None, description="the counted noun, singular lemma")
    currency: Optional[str] = Field(None, description="ISO 4217 code for money")
    modifiers: list[Modifier] = Field(default_factory=list)
    qualifier: Qualifier = "exact"
    category: ClaimCategory = "OTHER"
    distributive: bool = Field(False, description="'50 prisoners each'")
    in_quote: bool = False
    in_caption: bool = False
    negated: bool = False
    hypothetical: bool = False
    evidence: Evidence


# ---------------------------------------------------------------- quotes

class Quote(TextSpan):
    id: str
    speaker: Optional[EntityRef] = None
    speaker_text: Optional[str] = Field(None, description="the speaker as written: 'he', 'a senior official'")
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    cue: Optional[str] = Field(None, description="the reporting verb or frame: said, told, according to")
    is_partial: bool = False
    confidence: float = Field(0.5, ge=0, le=1)
    evidence: Evidence


# ---------------------------------------------------------------- events

class Participant(EntityRef):
    role: str = Field("participant", description="side, attacker, target, host, actor, ...")


class CountRef(_Model):
    claim_id: str
    value: Optional[float] = None
    unit: Optional[str] = None
    category: ClaimCategory = "OTHER"


class EventBase(_Model):
    id: str
    participants: list[Participant] = Field(default_factory=list)
    mediator: Optional[EntityRef] = None
    location: Optional[EntityRef] = None
    date: Optional[str] = Field(None, description="ISO date: YYYY-MM-DD, YYYY-MM or YYYY per precision")
    date_precision: Optional[DatePrecision] = None
    date_text: Optional[str] = Field(None, description="the phrase the date came from")
    counts: list[CountRef] = Field(default_factory=list)
    trigger: Optional[str] = None
    evidence: list[Evidence] = Field(default_factory=list)
    modality: Modality = "asserted"
    confidence: float = Field(0.5, ge=0, le=1)
    cameo: Optional[str] = Field(None, description="CAMEO event code, for GDELT-style datasets")
    cluster_id: Optional[str] = None


class SideCount(_Model):
    side: EntityRef
    value: Optional[float] = None
    claim_id: Optional[str] = None


class PrisonerExchange(EventBase):
    type: Literal["PRISONER_EXCHANGE"] = "PRISONER_EXCHANGE"
    released_per_side: list[SideCount] = Field(default_factory=list)


class Release(EventBase):
    type: Literal["RELEASE"] = "RELEASE"
    released: Optional[float] = None


class Attack(EventBase):
    type: Literal["ATTACK"] = "ATTACK"
    killed: Optional[float] = None
    wounded: Optional[float] = None


class Meeting(EventBase):
    type: Literal["MEETING"] = "MEETING"


class Agreement(EventBase):
    type: Literal["AGREEMENT"] = "AGREEMENT"


class Protest(EventBase):
    type: Literal["PROTEST"] = "PROTEST"


class Arrest(EventBase):
    type: Literal["ARREST"] = "ARREST"
    detained: Optional[float] = None


class Election(EventBase):
    type: Literal["ELECTION"] = "ELECTION"


class Disaster(EventBase):
    type: Literal["DISASTER"] = "DISASTER"
    killed: Optional[float] = None
    affected: Optional[float] = None


class Aid(EventBase):
    type: Literal["AID"] = "AID"
    amount: Optional[float] = None
    currency: Optional[str] = None


class Sanction(EventBase):
    type: Literal["SANCTION"] = "SANCTION"


class Statement(EventBase):
    type: Literal["STATEMENT"] = "STATEMENT"


Event = Annotated[
    Union[
        PrisonerExchange, Release, Attack, Meeting, Agreement, Protest,
        Arrest, Election, Disaster, Aid, Sanction, Statement,
    ],
    Field(discriminator="type"),
]

EVENT_MODELS: dict[str, type[EventBase]] = {
    m.model_fields["type"].default: m
    for m in (PrisonerExchange, Release, Attack, Meeting, Agreement, Protest,
              Arrest, Election, Disaster, Aid, Sanction, Statement)
}
EVENT_TYPES = tuple(EVENT_MODELS)


# ---------------------------------------------------------------- articles

class Article(BaseModel):
    """One input article. Extra fields are kept out of the record."""

    model_config = ConfigDict(extra="ignore")

    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[Union[_dt.date, str]] = None
    url: Optional[str] = None


class Published(_Model):
    date: Optional[_dt.date] = None
    source: Optional[Literal["given", "inferred"]] = Field(
        None, description="'given' on input, or 'inferred' from the text (dateline, caption)")


class ArticleRecord(_Model):
    schema_version: str = SCHEMA_VERSION
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    published: Published = Field(default_factory=Published)
    text_hash: str = Field(description="sha256 of `text`")
    text: str = Field(description="the cleaned source text all offsets point into")
    regions: list[Region] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    numeric_claims: list[NumericClaim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of one `ArticleRecord`, for downstream validation and DDL."""
    schema = ArticleRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"newsextract ArticleRecord {SCHEMA_VERSION}"
    return schema


# ---------------------------------------------------------------- cross-article clusters

class SourceFigure(_Model):
    """One source's figure for a cluster: who said how many, and when."""

    value: float
    article_id: str
    published: Optional[_dt.date] = None
    claim_id: Optional[str] = None


class ClusterFigure(_Model):
    category: ClaimCategory = "OTHER"
    figures: list[SourceFigure] = Field(default_factory=list)
    latest: Optional[float] = Field(None, description="the figure of the latest source (a toll's current value)")
    highest: Optional[float] = None


class ClusterMember(_Model):
    article_id: str
    event_index: int
    event_id: Optional[str] = None


class ClusterSource(_Model):
    article_id: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[_dt.date] = None


class EventCluster(_Model):
    """One real-world occurrence reported by one or more articles."""

    cluster_id: str
    type: str
    date: Optional[str] = Field(None, description="the most precise date most members agree on")
    date_range: list[str] = Field(default_factory=list, description="[earliest, latest] member dates")
    participants: list[str] = Field(default_factory=list)
    mediator: Optional[str] = None
    location: Optional[str] = None
    figures: list[ClusterFigure] = Field(default_factory=list)
    first_seen: Optional[_dt.date] = None
    last_seen: Optional[_dt.date] = None
    members: list[ClusterMember] = Field(default_factory=list)
    sources: list[ClusterSource] = Field(default_factory=list)
    confidence: float = Field(0.5, ge=0, le=1)
