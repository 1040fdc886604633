"""Paragraph breaks are sentence breaks.

News text puts headlines, datelines and captions on lines of their own, often
without a full stop; the base parser then runs them into the next paragraph and
every component downstream reads a two-paragraph "sentence". This component runs
before the parser and starts a sentence after every line break (the rule of
`newsextract.text.segments`), which the parser respects.
"""
from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..text.segments import line_starts


@Language.factory("newsextract_line_breaks", assigns=["token.is_sent_start"], default_config={"min_newlines": 1})
def make_line_breaks(nlp: Language, name: str, min_newlines: int) -> "LineBreakSentencizer":
    return LineBreakSentencizer(min_newlines)


class LineBreakSentencizer:
    """Sets `is_sent_start` on the first token after `min_newlines` or more newlines."""

    def __init__(self, min_newlines: int = 1):
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        starts = line_starts(doc, self.min_newlines)
        if starts:
            # one array write: setting Token.is_sent_start checks the whole doc each time
            values = doc.to_array([SENT_START])
            values[starts] = 1
            doc.from_array([SENT_START], values)
        return doc
