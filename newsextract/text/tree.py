"""The dependency parse cut at segment borders.

The base parser may hang a headline on the paragraph after it; here a head in
another segment counts as none, so that what a trigger reaches stays in its own
line and sentence.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .segments import segment_index, segments


class LocalTree:
    """Heads, children and distances of the parse, inside one segment."""

    def __init__(self, doc: Doc, segs: Optional[list[Span]] = None):
        self.seg = segment_index(doc, segs if segs is not None else segments(doc))

    def head(self, t: Token) -> Token:
        h = t.head
        return h if self.seg[h.i] == self.seg[t.i] else t

    def is_root(self, t: Token) -> bool:
        return self.head(t).i == t.i

    def dep(self, t: Token) -> str:
        return "ROOT" if self.is_root(t) else t.dep_

    def children(self, t: Token) -> list[Token]:
        return [c for c in t.children if self.seg[c.i] == self.seg[t.i]]

    def subtree(self, t: Token) -> list[Token]:
        out, todo = [], [t]
        while todo:
            x = todo.pop()
            out.append(x)
            todo.extend(self.children(x))
        return out

    def distance(self, a: Token, b: Token, limit: int = 12) -> int:
        """Edges between two tokens in the tree (99: not connected)."""
        depth = {}
        t, d = a, 0
        while d <= limit:
            depth[t.i] = d
            h = self.head(t)
            if h.i == t.i:
                break
            t, d = h, d + 1
        t, d = b, 0
        while d <= limit:
            if t.i in depth:
                return depth[t.i] + d
            h = self.head(t)
            if h.i == t.i:
                break
            t, d = h, d + 1
        if self.seg[a.i] == self.seg[b.i] and self.seg[a.i] >= 0:
            # two local roots of one segment (the parse hung part of it on another line):
            # joined through a virtual root above both
            return max(depth.values()) + d + 2
        return 99

    def between(self, a: Token, b: Token, limit: int = 12) -> list[int]:
        """The tokens on the tree path from `a` to `b`, both left out ([] when not connected)."""
        up_a, t = [], a
        while len(up_a) <= limit:
            up_a.append(t.i)
            h = self.head(t)
            if h.i == t.i:
                break
            t = h
        up_b, t = [], b
        while len(up_b) <= limit:
            if t.i in up_a:
                path = up_a[:up_a.index(t.i) + 1] + up_b[::-1]
                return path[1:-1] if len(path) > 1 else []
            up_b.append(t.i)
            h = self.head(t)
            if h.i == t.i:
                break
            t = h
        return []

    def depth_below(self, tok: Token, ancestor: Token) -> int:
        """Edges from `tok` up to `ancestor`, or -1 when `ancestor` does not govern it."""
        d, t = 0, tok
        while t.i != ancestor.i:
            h = self.head(t)
            if h.i == t.i or d > 12:
                return -1
            t, d = h, d + 1
        return d

    def inside(self, tok: Token, ancestor: Token) -> bool:
        return self.depth_below(tok, ancestor) >= 0

    def near_words(self, tok: Token, nouns_only: bool = False) -> set[str]:
        """Lemmas and forms of a token's children, grandchildren and head, and of a
        particle right after it ('handed over', whatever the parse made of 'over');
        with `nouns_only`, of those that are nouns."""
        near = []
        if tok.i + 1 < len(tok.doc) and tok.nbor(1).tag_ == "RP" and self.seg[tok.i + 1] == self.seg[tok.i]:
            near.append(tok.nbor(1))
        for c in self.children(tok):
            near.append(c)
            near.extend(self.children(c))
        head = self.head(tok)
        if head.i != tok.i:
            near.append(head)
            if head.dep_ == "prep" or tok.dep_ == "pobj":  # 'prisoners of war': the noun the phrase hangs on
                near.append(self.head(head))
        words = set()
        for t in near:
            if not nouns_only or t.pos_ in ("NOUN", "PROPN"):
                words.add(t.lemma_.lower())
                words.add(t.lower_)
        return words
