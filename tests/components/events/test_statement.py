"""STATEMENT: the lede's statement verb of a named speaker, telling more than a report."""
from __future__ import annotations

import pytest

from newsextract.components.events.statement import statement

P = (".", ".", "PUNCT", ".", "punct")


def _lede(verb: str, lemma: str, obj: tuple) -> list[tuple]:
    return [("Macron", "Macron", "PROPN", "NNP", "nsubj", 1), (verb, lemma, "VERB", "VBD", "ROOT", 1),
            ("new", "new", "ADJ", "JJ", "amod", 3), obj + ("dobj", 1), P + (1,)]


@pytest.mark.parametrize("verb,lemma,obj,expected", [
    ("urged", "urge", ("talks", "talk", "NOUN", "NNS"), True),           # a statement about an event
    ("said", "say", ("talks", "talk", "NOUN", "NNS"), False),            # a report only
    ("welcomed", "welcome", ("counterparts", "counterpart", "NOUN", "NNS"), False),  # hosting, not a statement
    ("urges", "urg", ("talks", "talk", "NOUN", "NNS"), True),            # a lemma the model got wrong
])
def test_statement(article, verb, lemma, obj, expected):
    art = article(_lede(verb, lemma, obj), {"Macron": ("PERSON", 0, 1)})
    found = statement(art)
    assert (found is not None) is expected
    if found is not None:
        (m,) = found.mentions
        assert found.type == "STATEMENT" and [e.name for _, e in m.participants] == ["Macron"]
