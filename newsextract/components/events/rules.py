"""A trigger rule: one row of the table's triggers (or patterns), as the matcher reads it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .tables import TriggerRow


@dataclass(frozen=True)
class TriggerRule:
    """One trigger row (or pattern) of the table, as the matcher reads it."""

    type: str
    pos: frozenset
    context: tuple = ()
    context_for: dict = field(default_factory=dict)
    exclude_context_for: dict = field(default_factory=dict)
    near: frozenset = frozenset()
    exclude_near: frozenset = frozenset()
    lowercase: frozenset = frozenset()
    noun_only: frozenset = frozenset()
    needs_date: bool = False
    needs_money: bool = False
    needs_count: bool = False
    needs_agent: bool = False
    needs_argument: bool = False
    since_is_start: bool = False
    absorbed_by: tuple = ()
    cameo: Optional[str] = None
    cameo_by_lemma: dict = field(default_factory=dict)
    __hash__ = object.__hash__


def trigger_rule(row: TriggerRow) -> TriggerRule:
    """The rule of one trigger row."""
    return TriggerRule(
        type=row.type, pos=frozenset(row.pos), context=tuple(row.context), context_for=dict(row.context_for),
        exclude_context_for=dict(row.exclude_context_for), near=frozenset(row.near),
        exclude_near=frozenset(row.exclude_near), lowercase=frozenset(row.lowercase),
        noun_only=frozenset(row.noun_only), needs_date=row.needs_date, needs_money=row.needs_money,
        needs_count=row.needs_count, needs_agent=row.needs_agent, needs_argument=row.needs_argument,
        since_is_start=row.since_is_start, absorbed_by=tuple(row.absorbed_by), cameo=row.cameo,
        cameo_by_lemma=dict(row.cameo_by_lemma),
    )
