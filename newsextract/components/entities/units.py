"""Military units named by their number: "the 24th Mechanized Brigade", "5
Brigade", "the 1st Cavalry Division", and lists that share one head noun ("the
22nd, 93rd Mechanized and 80th Air Assault Brigades": three units). The base
model reads the number as an ORDINAL or CARDINAL and keeps at most the words
after it; a unit is an organization."""
from __future__ import annotations

import re

from .article import Candidate, EntityArticle

# "24th", "1st", "5": the number a unit is named by
UNIT_NUMBER = re.compile(r"^\d{1,3}(?:st|nd|rd|th)?$")
MAX_TYPE_WORDS = 3  # capitalized words between the number and the head ("Territorial Defense")
LIST_JOINERS = frozenset({",", "and", "&"})


def unit_mentions(art: EntityArticle) -> list[Candidate]:
    """Every numbered unit of the article, as ORGANIZATION candidates (label UNIT)."""
    doc, words, heads = art.doc, art.words, art.tables.unit_heads
    n = len(doc)
    out: list[Candidate] = []
    items: list[tuple[int, int]] = []  # the list of numbered items waiting for their head
    i = 0
    while i < n:
        if not UNIT_NUMBER.match(doc[i].text):
            items = [] if doc[i].text not in LIST_JOINERS else items
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= MAX_TYPE_WORDS and doc[j].is_title and words[j] not in heads:
            j += 1
        bare = not doc[i].text[-1:].isalpha()
        if j < n and doc[j].is_title and words[j] in heads and not (
                bare and j + 1 < n and doc[j + 1].is_lower and doc[j + 1].pos_ == "NOUN"):  # "5 Army trucks"
            out.extend(art.span(Candidate(s, e, "UNIT")) for s, e in items)
            out.append(art.span(Candidate(i, j + 1, "UNIT")))
            items = []
            i = j + 1
            continue
        # "22nd," or "93rd Mechanized and": an item of a list whose head comes later
        if j < n and doc[j].text in LIST_JOINERS and (j > i + 1 or doc[i].text[-1:].isalpha()):
            items.append((i, j))
        else:
            items = []
        i = j
    return out
