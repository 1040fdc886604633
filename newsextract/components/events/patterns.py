"""Multi-word triggers ('took to the streets', 'held talks'): dependency paths
from a head lemma, from the table's `patterns` rows.

A path is followed down the segment-local parse, each step to the first child
with the step's dependency label whose form or lemma is one of the step's words;
`also` names dependents the head must have besides the path. The rows are indexed
by head lemma, so a token costs one dict lookup. (spaCy's DependencyMatcher reads
the same patterns about ten times slower here: it matches every node of every
pattern against every token.)
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .rules import TriggerRule
from .tables import PatternRow
from .tree import LocalTree


class TriggerPatterns:
    """The `patterns` rows indexed by head lemma: (path, also, rule), in table order."""

    def __init__(self, rows: list[PatternRow]):
        self.by_head: dict[str, list[tuple[tuple, tuple, TriggerRule]]] = {}
        for row in rows:
            path = tuple((dep, frozenset(words)) for dep, words in row.path)
            also = tuple((dep, frozenset(words)) for dep, words in row.also)
            rule = TriggerRule(type=row.type, pos=frozenset(), cameo=row.cameo, absorbed_by=tuple(row.absorbed_by))
            for head in row.head:
                self.by_head.setdefault(head, []).append((path, also, rule))

    def match(self, tree: LocalTree, tok: Token) -> Optional[TriggerRule]:
        """The rule of the first row whose path hangs below the token."""
        for path, also, rule in self.by_head.get(tok.lemma_.lower(), ()):
            if also and not all(any(c.dep_ == dep and c.lower_ in words for c in tree.children(tok))
                                for dep, words in also):
                continue
            cur = tok
            for dep, words in path:
                cur = next((c for c in tree.children(cur)
                            if c.dep_ == dep and (c.lower_ in words or c.lemma_.lower() in words)), None)
                if cur is None:
                    break
            if cur is not None:
                return rule
        return None
