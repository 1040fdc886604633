"""Multi-word triggers ('took to the streets', 'held talks'): dependency paths
from a head lemma, from the table's `patterns` rows.

A path is followed down the segment-local parse, each step to the first child
with the step's dependency label whose form or lemma is one of the step's words
(or, for "*", any common noun);
`also` names dependents the head must have besides the path; `two_sides`, that its
subject is plural or coordinated ('A and B agreed to a currency swap'). The rows are indexed
by head lemma, so a token costs one dict lookup. (spaCy's DependencyMatcher reads
the same patterns about ten times slower here: it matches every node of every
pattern against every token.)
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .rules import TriggerRule
from .tables import PatternRow
from ...text.tree import LocalTree


class TriggerPatterns:
    """The `patterns` rows indexed by head lemma: (path, also, two_sides, rule), in table order."""

    def __init__(self, rows: list[PatternRow]):
        self.by_head: dict[str, list[tuple[tuple, tuple, TriggerRule]]] = {}
        for row in rows:
            path = tuple((dep, frozenset(words)) for dep, words in row.path)
            also = tuple((dep, frozenset(words)) for dep, words in row.also)
            rule = TriggerRule(type=row.type, pos=frozenset(), cameo=row.cameo, absorbed_by=tuple(row.absorbed_by))
            for head in row.head:
                self.by_head.setdefault(head, []).append((path, also, row.two_sides, rule))

    def match(self, tree: LocalTree, tok: Token) -> Optional[TriggerRule]:
        """The rule of the first row whose path hangs below the token."""
        for path, also, two_sides, rule in self.by_head.get(tok.lemma_.lower(), ()):
            if also and not all(any(c.dep_ == dep and c.lower_ in words for c in tree.children(tok))
                                for dep, words in also):
                continue
            if two_sides and not any(c.dep_ in ("nsubj", "nsubjpass") and (
                    c.tag_ in ("NNS", "NNPS") or any(g.dep_ in ("conj", "appos") for g in tree.children(c)))
                    for c in tree.children(tok)):
                continue
            cur = tok
            for dep, words in path:
                cur = next((c for c in tree.children(cur) if c.dep_ == dep and (
                    c.lower_ in words or c.lemma_.lower() in words or ("*" in words and c.pos_ == "NOUN"))), None)
                if cur is None:
                    break
            if cur is not None:
                return rule
        return None
