"""Paragraph breaks are sentence breaks.

News text puts headlines, datelines and captions on lines of their own, often
without a full stop; the base parser then runs them into the next paragraph and
every component downstream reads a two-paragraph "sentence". This component runs
before the parser and starts a sentence after every line break, which the parser
respects.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.tokens import Doc


@Language.factory("newsextract_line_breaks", default_config={"min_newlines": 1})
def make_line_breaks(nlp: Language, name: str, min_newlines: int):
    return LineBreakSentencizer(min_newlines)


class LineBreakSentencizer:
    """Sets `is_sent_start` on the first token after `min_newlines` or more newlines."""

    def __init__(self, min_newlines: int = 1):
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        need = self.min_newlines
        starts = []
        after_break = False
        for token in doc:
            if token.is_space or not token.text.strip():
                if token.text.count("\n") >= need or (token.whitespace_ == "" and "\n" in token.text and need <= 1):
                    after_break = True
                continue
            if after_break and token.i > 0:
                starts.append(token.i)
            after_break = "\n" in token.whitespace_ and need <= 1
        if starts:
            # one array write: setting Token.is_sent_start checks the whole doc each time
            values = doc.to_array([SENT_START])
            values[starts] = 1
            doc.from_array([SENT_START], values)
        return doc
