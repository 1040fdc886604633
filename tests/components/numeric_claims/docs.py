"""Hand-built Docs for the rule tests: words with the parse written out, so a rule
is tested on the analysis it reads, whatever the statistical model would say;
and the two helpers of the tests that run the full pipeline."""
from __future__ import annotations

from typing import Optional

import spacy
from spacy.tokens import Doc, Span

from newsextract.components.numeric_claims.lexicon import Lexicon, packaged_lexicon
from newsextract.components.numeric_claims.numbers import Amount

VOCAB = spacy.blank("en").vocab
# a tag for each coarse part of speech, where a test does not name one
_TAGS = {"NOUN": "NN", "PROPN": "NNP", "VERB": "VBD", "AUX": "VBD", "ADJ": "JJ", "NUM": "CD", "DET": "DT",
         "ADP": "IN", "PUNCT": ".", "PRON": "PRP", "ADV": "RB", "PART": "RP", "CCONJ": "CC", "SCONJ": "IN"}


def lex() -> Lexicon:
    return packaged_lexicon()


def build(words: list[str], pos: list[str], heads: Optional[list[int]] = None, deps: Optional[list[str]] = None,
          tags: Optional[list[str]] = None, lemmas: Optional[list[str]] = None,
          ents: Optional[list[str]] = None, spaces: Optional[list[bool]] = None) -> Doc:
    """A Doc from words and their analysis; heads are absolute token indexes."""
    n = len(words)
    if spaces is None:
        spaces = [i + 1 < n and words[i + 1] not in (".", ",", ")", ":") and words[i] != "(" for i in range(n)]
    return Doc(VOCAB, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps,
               tags=tags or [_TAGS.get(p, "XX") for p in pos],
               lemmas=lemmas or [w.lower() for w in words], ents=ents)


def figure(doc: Doc, index: int = 0) -> tuple[Span, Amount]:
    """The `index`-th figure the reader finds in the Doc, and its tokens."""
    a = lex().reader.find(doc.text)[index]
    return doc.char_span(a.start, a.end, alignment_mode="expand"), a


def claims_of(nlp, text):
    """The claims the full pipeline finds in `text`."""
    return nlp(text)._.ne_claims


def find(claims, value, unit):
    """The claim of that value and unit (fails, listing the claims, when there is none)."""
    for c in claims:
        if c.value == value and c.unit == unit:
            return c
    raise AssertionError(f"no claim {value} {unit!r} in {[(c.text, c.value, c.unit) for c in claims]}")
