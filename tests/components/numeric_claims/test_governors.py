"""governors.py: the predicate over a counted noun, on hand-built parses."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.governors import embedded, governor, is_subject, requested

from .docs import lex
from .parses import parsed


@pytest.mark.parametrize("key, index, expected", [
    ("arrested", 0, "arrested"),       # the object's verb
    ("toll", 0, "rose"),               # "rose to 45": a toll verb over "to"
    ("not confirm", 0, "died"),        # the subject's verb
    ("villages", 0, "affected"),       # "affected in 5,000 villages": a place noun under "in"
    ("including", 0, "killed"),
    ("including", 1, None),            # under "including": no predicate of its own
    ("object on verb", 1, "killed"),   # a second object the parser hung on the verb
    ("clause on verb", 0, None),       # a coordinated clause's subject is no object
    ("people in districts", 0, "affected"),   # places the people are in take their predicate
])
def test_governor(key, index, expected):
    doc, span, a, r, anchor = parsed(key, index)
    gov = governor(lex(), anchor, doc[:])
    assert (gov.text if gov is not None else None) == expected


def test_a_governor_outside_the_sentence_is_none():
    doc, span, a, r, anchor = parsed("arrested")
    assert governor(lex(), anchor, doc[2:4]) is None


def test_subject_request_and_embedding():
    doc, span, a, r, anchor = parsed("not confirm")
    assert is_subject(anchor, doc[7])
    doc, span, a, r, anchor = parsed("arrested")
    assert not is_subject(anchor, doc[1])
    doc, *_ = parsed("requested")
    assert requested(lex(), doc[4]) and not requested(lex(), doc[8])
    doc, span, a, r, anchor = parsed("including", 1)
    assert embedded(lex(), anchor, doc[:])
    doc, span, a, r, anchor = parsed("including", 0)
    assert not embedded(lex(), anchor, doc[:])
