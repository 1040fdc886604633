"""What the component works with inside one article: trigger mentions, and the
clusters of mentions that become event records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from .rules import TriggerRule


@dataclass(eq=False)
class Mention:
    """One trigger in the text and what its sentence says about it."""

    type: str
    token: Token
    sent_i: int
    rule: TriggerRule
    cameo: Optional[str]
    lede: bool = False
    modality: str = "asserted"
    generic: bool = False
    dates: list = field(default_factory=list)        # [(DateMention, iso, rank)]: its nearest date
    claims: list = field(default_factory=list)       # [NumericClaim]
    participants: list = field(default_factory=list)  # [(distance, entity)]
    locations: list = field(default_factory=list)    # [(rank, distance, entity)]
    mediators: list = field(default_factory=list)    # [entity]
    merged: list = field(default_factory=list)       # other mentions folded into this one
    borrowed: list = field(default_factory=list)     # dates of the sentence given to another trigger
    cumulative: bool = False                          # 'released so far', 'a total of': a sum of many events
    unilateral: bool = False                          # 'returned without exchange'

    @property
    def date(self):
        return self.dates[0] if self.dates else None


@dataclass(eq=False)
class Cluster:
    """Mentions of one real event, across the article."""

    type: str
    modality: str
    mentions: list = field(default_factory=list)

    @property
    def explicit_dates(self):
        """The date of each dated mention (its nearest), in text order."""
        return [m.dates[0] for m in sorted(self.mentions, key=lambda m: m.token.i) if m.dates]

    @property
    def date(self) -> Optional[str]:
        dates = self.explicit_dates
        return dates[0][1] if dates else None

    @property
    def lede(self) -> bool:
        return any(m.lede for m in self.mentions)

    @property
    def cumulative(self) -> bool:
        return all(m.cumulative for m in self.mentions)

    @property
    def last_sent(self) -> int:
        return max(m.sent_i for m in self.mentions)


def dates_compatible(a: Optional[str], b: Optional[str], slack_days: int = 0) -> bool:
    """Two ISO dates of any precision name the same time: equal down to the
    coarser precision (2022-09 and 2022-09-14), or days at most `slack_days` apart."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    if slack_days and len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= slack_days
    return False
