"""Whether a claim is negated ("did not confirm that 30 died") or hypothetical
("could reach 100", "if 50 are freed", "fear 1,000 dead")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

# how many clauses up (through xcomp / ccomp / conj) a cue may sit
_MAX_CLAUSES = 3


def modality(lex: Lexicon, doc: Doc, span: Span, governor: Optional[Token]) -> tuple[bool, bool]:
    """(hypothetical, negated) of the figure at `span` under its `governor`."""
    hypothetical = negated = False
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in lex.negation_before:
        negated = True
    tok = governor
    for _ in range(_MAX_CLAUSES):
        if tok is None:
            break
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lex.negation_adverbs):
                negated = True
            if c.dep_ == "aux" and c.lower_ in lex.modals:
                hypothetical = True
            if c.dep_ == "mark" and c.lower_ in lex.conditional_marks:
                hypothetical = True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.hypothetical_verbs:
            hypothetical = True
        if tok.dep_ not in ("xcomp", "ccomp", "conj") or tok.head == tok:
            break
        tok = tok.head
    return hypothetical, negated
