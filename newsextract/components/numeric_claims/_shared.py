"""This component's own copies of knowledge the shared text kernel is taking over.

TO BE REPLACED BY THE KERNEL: each piece below has (or will have) its one
implementation in `newsextract/text/`; switch this module's users there and
delete the copy. Nothing else in the component repeats these pieces.

  quote_ranges   -> newsextract/text/quote_marks.py
  segments       -> newsextract/text/segments.py
  norm_name      -> newsextract/text/names.py
  Demonyms, DemonymsTable (models/numeric_demonyms.json) -> newsextract/text/demonyms.py

How each copy behaves, exactly (so a kernel version can be judged against it):

* `quote_ranges(text)`: paragraphs are cut at every "\\n". Inside one, an opening
  mark (U+201C, U+201E, U+00AB or a straight double quote) is closed by the first
  matching closer after it in the same paragraph (U+201D, U+201D, U+00BB, the
  straight quote; the straight quote closes itself, so its direction is never
  looked at); an opening mark never closed runs to the paragraph's end. Single
  quotes and apostrophes are never quotation marks. A range covers the marks
  themselves; nothing is trimmed. Only `in_quote` of a claim reads it.
* `segments(doc)`: the parser's sentences (the whole Doc if it has none), cut
  after every token whose text or trailing whitespace holds a "\\n": the token
  with the line break stays at the end of the segment before. Segments made only
  of space tokens are dropped.
* `norm_name(s)`: lower case, U+2019 -> "'", strip, a final "'s" dropped, a
  leading "the " dropped, runs of whitespace -> one space. Dots, hyphens and
  accents are kept ("u.s." stays "u.s."); "a"/"an" are kept.
* `Demonyms.countries(word)`: the names (lower case) models/numeric_demonyms.json
  lists for `word` (lower-cased key), e.g. "dutch" -> ["netherlands", "holland"].
  Only demonyms whose country is not found by trimming the ending are listed;
  `subjects.link_modifier` finds "russian" -> "russia" by a shared-prefix rule.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...text.tables import Table

# opening quotation mark -> the mark that closes it
QUOTE_PAIRS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", '"': '"'}

_POSSESSIVE_END = re.compile(r"'s$")
_LEADING_THE = re.compile(r"^the\s+")


def quote_ranges(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, True) for each stretch between quotation marks, within a paragraph;
    an opening mark never closed runs to the paragraph's end."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        para_end = text.find("\n", pos)
        para_end = n if para_end < 0 else para_end
        i = pos
        while i < para_end:
            close = QUOTE_PAIRS.get(text[i])
            if close is not None:
                j = text.find(close, i + 1, para_end)
                if j < 0:
                    out.append((i, para_end, True))
                    break
                out.append((i, j + 1, True))
                i = j + 1
            else:
                i += 1
        pos = para_end + 1
    return out


def segments(doc: Doc) -> list[Span]:
    """The model's sentences, cut again at line breaks: a headline, a caption or a
    paragraph never runs into the next one, even where the parser joined them.
    Without a parser or sentencizer, the lines alone."""
    out = []
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                end = tok.i + 1
                if any(not t.is_space for t in doc[start:end]):
                    out.append(doc[start:end])
                start = end
        if start < sent.end and any(not t.is_space for t in doc[start:sent.end]):
            out.append(doc[start:sent.end])
    return out


def norm_name(s: str) -> str:
    """The key under which a modifier and an entity name are compared."""
    s = s.lower().replace("\u2019", "'").strip()
    s = _POSSESSIVE_END.sub("", s)
    s = _LEADING_THE.sub("", s)
    return " ".join(s.split())


class DemonymsTable(Table):
    """numeric_demonyms.json: demonym -> the country names it points to."""

    demonyms: dict[str, list[str]]


class Demonyms:
    """Demonym -> country names, lower-cased once at load."""

    def __init__(self, table: DemonymsTable):
        self.names = {k.lower(): [n.lower() for n in v] for k, v in table.demonyms.items()}

    def countries(self, word: str) -> list[str]:
        return self.names.get(word, [])
