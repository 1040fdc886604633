"""The typed form of models/events.json: every word the events component reads.

A misspelled or unknown key, or an event type the schema does not know, fails
at load with the file and the key named (see `newsextract.text.tables`).
"""
from __future__ import annotations

from typing import Annotated, Optional

from pydantic import AfterValidator, field_validator, model_validator

from ...schema import EVENT_MODELS, EntityType
from ...text.tables import Table


def _known_type(value: str) -> str:
    if value not in EVENT_MODELS:
        raise ValueError(f"unknown event type {value!r} (known: {', '.join(EVENT_MODELS)})")
    return value


EventType = Annotated[str, AfterValidator(_known_type)]
Words = list[str]
DepStep = tuple[str, Words]  # a dependency label and the words (forms or lemmas) its token may be


class TriggerRow(Table):
    """Lemmas that tell an event of one type, with the context each needs."""

    type: EventType
    lemmas: Words
    pos: Words = ["NOUN", "VERB", "PROPN"]
    context: Words = []                       # context names (see `contexts`): one must be present
    context_for: dict[str, Words] = {}        # a lemma's own context, instead of `context`
    exclude_context_for: dict[str, Words] = {}
    near: Words = []                          # words one of which must be next to the trigger
    exclude_near: Words = []
    lowercase: Words = []                     # lemmas that are triggers only written in lower case
    noun_only: Words = []
    needs_date: bool = False
    needs_money: bool = False
    needs_count: bool = False
    needs_agent: bool = False
    needs_argument: bool = False
    since_is_start: bool = False              # 'held since April': the bound is the start, a date of it
    absorbed_by: list[EventType] = []
    cameo: Optional[str] = None
    cameo_by_lemma: dict[str, str] = {}


class PatternRow(Table):
    """A multi-word trigger: a head lemma and a path of dependents below it."""

    type: EventType
    head: Words
    path: list[DepStep]
    also: list[DepStep] = []                  # dependents the head must have besides the path
    cameo: Optional[str] = None
    absorbed_by: list[EventType] = []


class CameoRefinement(Table):
    type: EventType
    near: Words
    cameo: str


class ModalityCues(Table):
    negation_words: Words
    negating_governors: Words
    planned_aux: Words
    hypothetical_aux: Words
    hypothetical_marks: Words
    infinitive_marks: Words                   # 'talks to be held': what is to happen
    planned_clause_aux: Words                 # 'a meeting that will take place'
    planned_governors: Words
    planned_governors_not_for: dict[str, list[EventType]]
    planned_modifiers: Words
    hypothetical_governors: Words
    reporting_verbs: Words
    planned_governors_xcomp_only: Words
    implicative_verbs: Words


class GenericCues(Table):
    modifiers: Words
    comparison_preps: Words                   # 'attacks like this one'
    plural_nouns: Words
    counting_determiners: Words               # 'the two exchanges': counted, not generic


class CountCues(Table):
    categories: dict[EventType, Words]
    other_units: dict[EventType, Words]
    type_fields: dict[EventType, dict[str, Words]]


class MediationCues(Table):
    passive_verbs: Words
    nouns: Words
    hyphen_suffixes: Words
    agentive_verbs: Words
    owner_preps: Words                        # 'the mediation of X'
    acting_as_preps: Words                    # 'X acted as an intermediary'
    acting_as_nouns: Words
    event_types: list[EventType]              # in the order an article-level mediator is given to them


class StatementCues(Table):
    verbs: Words
    reporting_only: Words


class AttributionCues(Table):
    """Entities that only report an event: 'X said', 'told news agency Y', 'according to X'."""

    verbs: Words
    telling_verbs: Words
    phrase_heads: Words                       # 'according (to)'
    preps: Words
    media_nouns: Words


class FallbackParticipants(Table):
    none_for: list[EventType]
    previous_sentence_for: list[EventType]


class Anaphora(Table):
    pronouns: dict[str, list[EntityType]]
    group_nouns: dict[EntityType, Words]
    determiners: Words


class Elliptic(Table):
    verbs: Words
    particles: dict[str, Words]               # 'take' counts only with 'place'
    subjects: Words


class Cumulative(Table):
    cues: Words
    types: list[EventType]


class CaptivesMoving(Table):
    verbs: Words
    carrying_verbs: Words
    captive_nouns: Words
    captive_states: Words


class LocationCues(Table):
    none_for: list[EventType]
    country_is_only_place_for: list[EventType]
    locative_preps: Words
    other_place_preps: Words


class RoleRule(Table):
    """A participant's role, from its dependency relation to the trigger: `dep` for a
    direct dependent, `dep>word` for the object of a preposition (`prep>on`)."""

    role: str
    relations: Words = []
    relation_prefixes: Words = []
    entity_types: list[EntityType] = []


class RoleCues(Table):
    by_relation: dict[EventType, list[RoleRule]]
    by_entity_type: dict[EventType, dict[EntityType, str]]
    default: dict[EventType, str]
    fallback: str


class EventsTable(Table):
    """models/events.json."""

    cameo: dict[EventType, Optional[str]]
    cameo_refine: list[CameoRefinement]
    type_priority: list[EventType]
    contexts: dict[str, Words]
    context_claims: dict[str, Words]
    triggers: list[TriggerRow]
    patterns: list[PatternRow]
    verb_suffixes: list[tuple[str, str]]
    modality: ModalityCues
    generic: GenericCues
    counts: CountCues
    absorb_kill_into: list[EventType]
    kill_lemmas: Words
    participant_types: dict[str, list[EntityType]]
    mediation: MediationCues
    statement: StatementCues
    attribution: AttributionCues
    participants_fallback: FallbackParticipants
    mutual_words: Words
    between_preps: Words
    agent_preps: Words                        # 'killed by X': the one who did it
    talks_lead_to: list[EventType]
    anaphora: Anaphora
    elliptic: Elliptic
    cumulative: Cumulative
    unilateral_cues: Words
    captives_moving: CaptivesMoving
    stance_verbs: Words
    location: LocationCues
    event_kinds: dict[str, Words]
    multi_day_types: list[EventType]
    actor_roles: dict[EventType, Words]
    roles: RoleCues

    @field_validator("participant_types")
    @classmethod
    def _default_and_event_types(cls, value: dict[str, list]) -> dict[str, list]:
        """A `default` row, and the others named by event type."""
        if "default" not in value:
            raise ValueError("a 'default' row is needed")
        for key in value:
            if key != "default":
                _known_type(key)
        return value

    @model_validator(mode="after")
    def _contexts_named(self) -> "EventsTable":
        """Every context a trigger row names is a section of `contexts` (or `near:` one)."""
        for i, row in enumerate(self.triggers):
            names = [*row.context, *(n for ns in row.context_for.values() for n in ns),
                     *(n for ns in row.exclude_context_for.values() for n in ns)]
            for name in names:
                if name.removeprefix("near:") not in self.contexts:
                    raise ValueError(f"triggers.{i}: unknown context {name!r} (known: {', '.join(self.contexts)})")
        return self
