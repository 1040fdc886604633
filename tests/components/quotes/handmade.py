"""Docs built by hand (words, heads, dependencies, tags), as spaCy's own tests do:
for rules that do not depend on what the statistical model would say."""
from __future__ import annotations

from typing import Optional

import spacy
from spacy.tokens import Doc

from newsextract import extensions  # noqa: F401  (registers Doc._ extensions)

_VOCAB_NLP = spacy.blank("en")

# tag -> coarse part of speech, for the tags these tests use
_POS = {"NNP": "PROPN", "NN": "NOUN", "NNS": "NOUN", "PRP": "PRON", "VBD": "VERB", "VBZ": "VERB", "VB": "VERB", "VBG": "VERB",
        "DT": "DET", "JJ": "ADJ", "IN": "ADP", "``": "PUNCT", "''": "PUNCT", ",": "PUNCT", ".": "PUNCT",
        ":": "PUNCT", "RB": "ADV", "CC": "CCONJ"}


def build(tokens: list[tuple], *, sentence_starts: Optional[list[int]] = None, entities=()) -> Doc:
    """A Doc from (text, tag, lemma, head index, dep, space after) rows; the lemma
    defaults to the lower-cased text, the head to the token itself (a root)."""
    words, spaces, tags, pos, lemmas, heads, deps = [], [], [], [], [], [], []
    for i, row in enumerate(tokens):
        text, tag, lemma, head, dep, space = row
        words.append(text)
        spaces.append(space)
        tags.append(tag)
        pos.append(_POS[tag])
        lemmas.append(lemma or text.lower())
        heads.append(i if head is None else head)
        deps.append(dep)
    starts = None
    if sentence_starts is not None:
        starts = [i in sentence_starts for i in range(len(words))]
    doc = Doc(_VOCAB_NLP.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas,
              heads=heads, deps=deps, sent_starts=starts)
    doc._.ne_entities = list(entities)
    doc._.ne_regions = []
    doc._.ne_warnings = []
    return doc


def said_quotes(n: int) -> Doc:
    """One sentence of n quotations each followed by its cue: '“We go home0,” he said “We go home1,” ...'."""
    rows: list[tuple] = []
    previous_verb = None
    for k in range(n):
        b = len(rows)
        verb = b + 7
        rows += [
            ("“", "``", None, verb, "punct", False),
            ("We", "PRP", "we", b + 2, "nsubj", True),
            ("go", "VB", "go", verb, "ccomp", True),
            (f"home{k}", "NN", "home", b + 2, "advmod", False),
            (",", ",", None, verb, "punct", False),
            ("”", "''", None, verb, "punct", True),
            ("he", "PRP", None, verb, "nsubj", True),
            ("said", "VBD", "say", previous_verb, "parataxis" if previous_verb is not None else "ROOT", True),
        ]
        previous_verb = verb
    return build(rows)


def colon_quotes(n: int) -> Doc:
    """One sentence of n quotations each after a name and a colon: 'Smith0: “We go home” Smith1: ...'."""
    rows: list[tuple] = []
    for k in range(n):
        b = len(rows)
        rows += [
            (f"Smith{k}", "NNP", "smith", 0 if b else None, "dep" if b else "ROOT", False),
            (":", ":", None, 0, "punct", True),
            ("“", "``", None, b + 3, "punct", False),
            ("We", "PRP", "we", b + 4, "nsubj", True),
            ("go", "VB", "go", 0, "dep", True),
            ("home", "NN", "home", b + 4, "advmod", False),
            ("”", "''", None, b + 4, "punct", True),
        ]
    return build(rows)
