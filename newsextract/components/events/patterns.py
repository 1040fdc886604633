"""Multi-word triggers ('took to the streets', 'held talks'): spaCy DependencyMatcher
patterns from the table's `patterns` rows, matched once per Doc.

The node named "trigger" is the word that carries the event (first in every
pattern). Two token extensions let a pattern read words as the rules do: `ne_lemma`
(the lemma, lower-cased) and `ne_forms` (the form and that lemma, for INTERSECTS).
A match counts only inside one segment (a line, a sentence); where several rows
match one trigger, the first row of the table wins.
"""
from __future__ import annotations

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ...text.tables import TableError
from .rules import TriggerRule
from .tables import PatternRow


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _forms(token: Token) -> list[str]:
    return [token.lower_, token.lemma_.lower()]


for _name, _getter in (("ne_lemma", _lemma), ("ne_forms", _forms)):
    if not Token.has_extension(_name):
        Token.set_extension(_name, getter=_getter)


class TriggerPatterns:
    """The `patterns` rows in one DependencyMatcher."""

    def __init__(self, rows: list[PatternRow], vocab: Vocab):
        self.matcher = DependencyMatcher(vocab)
        self.rules: list[TriggerRule] = []
        for i, row in enumerate(rows):
            self.rules.append(TriggerRule(type=row.type, pos=frozenset(), cameo=row.cameo,
                                          absorbed_by=tuple(row.absorbed_by)))
            try:
                self.matcher.add(str(i), [row.pattern])
            except ValueError as err:
                raise TableError(f"events.json: patterns.{i}: not a DependencyMatcher pattern ({err})") from None

    def triggers(self, doc: Doc, segment_of: list[int]) -> dict[int, TriggerRule]:
        """Token index of each trigger a pattern finds -> the rule of the first row that matches."""
        if not self.rules or not doc.has_annotation("DEP"):
            return {}
        best: dict[int, int] = {}
        strings = self.matcher.vocab.strings
        for match_id, token_ids in self.matcher(doc):
            trigger, seg = token_ids[0], segment_of[token_ids[0]]
            if seg < 0 or any(segment_of[t] != seg for t in token_ids):
                continue
            row = int(strings[match_id])
            if row < best.get(trigger, len(self.rules)):
                best[trigger] = row
        return {t: self.rules[row] for t, row in best.items()}
