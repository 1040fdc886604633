"""Direct quotations and their speakers (first working version; being deepened)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .schema import EntityRef, Quote
from .spans import evidence, in_caption

_QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]{3,}?)[\"”]")
_SAID_RE = re.compile(r"\b(said|says|told|added)\b")


@Language.factory("newsextract_quotes", default_config={"min_words": 3})
def make_quotes(nlp: Language, name: str, min_words: int):
    return QuoteExtractor(min_words=min_words)


class QuoteExtractor:
    def __init__(self, min_words: int = 3):
        self.min_words = min_words

    def __call__(self, doc: Doc) -> Doc:
        quotes = []
        for m in _QUOTE_RE.finditer(doc.text):
            start, end = m.span(1)
            if len(m.group(1).split()) < self.min_words or in_caption(doc, start, end):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            speaker, cue = None, None
            for tok in sent:
                if tok.lower_ in ("said", "says", "told", "added") and not (start <= tok.idx < end):
                    cue = tok.text
                    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                    if subj:
                        s = subj[0]
                        speaker = doc[s.left_edge.i:s.i + 1]
                    break
            quotes.append(Quote(
                id=f"Q{len(quotes) + 1}", text=doc.text[start:end], start=start, end=end,
                speaker=EntityRef(name=speaker.text) if speaker is not None else None,
                speaker_text=speaker.text if speaker is not None else None,
                speaker_start=speaker.start_char if speaker is not None else None,
                speaker_end=speaker.end_char if speaker is not None else None,
                cue=cue, evidence=evidence(doc, sent)))
        doc._.ne_quotes = quotes
        return doc
