"""Numeric claims: every number an article asserts, with its counted unit.

First cut: digit numbers followed by a counted noun. Deepened below.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .schema import NumericClaim
from .spans import evidence, in_caption

_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@Language.factory("newsextract_numeric_claims", default_config={})
def make_numeric_claims(nlp: Language, name: str):
    return NumericClaims()


class NumericClaims:
    def __call__(self, doc: Doc) -> Doc:
        claims = []
        for tok in doc:
            if not _NUMBER.match(tok.text) or tok.ent_type_ in ("DATE", "TIME"):
                continue
            head = tok.head
            if tok.dep_ != "nummod" or head.pos_ not in ("NOUN", "PROPN"):
                continue
            if in_caption(doc, tok.idx, tok.idx + len(tok)):
                continue
            claims.append(NumericClaim(
                id=f"N{len(claims) + 1}", text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                value=float(tok.text.replace(",", "")), unit=head.lemma_.lower(),
                evidence=evidence(doc, tok.sent)))
        doc._.ne_claims = claims
        return doc
