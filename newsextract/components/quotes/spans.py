"""From quotation-mark spans to quotations: an unclosed quote cut before its own
attribution, partial quotes, and what is no quotation at all (scare quotes,
labels, titles). The marks themselves are read by `newsextract.text.quote_marks`."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from ...spans import evidence_between
from ...text.quote_marks import QuoteSpan, trim
from .state import DocState, QuoteSettings
from .tables import QuoteLexicon

_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
_SENTENCE_PUNCT_END = re.compile(r"[.!?,;]\s*$")
_NO_PARTIAL_AFTER = ":,\n—–-("
# how far before a quote its context is read (characters)
_PARTIAL_CONTEXT = 40
_SCARE_CONTEXT = 30
# the most words a work's title in quotation marks is taken to have
_TITLE_MAX_WORDS = 8
_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
# how far after a comma inside an unclosed quote its own attribution is looked for (tokens)
_ATTRIBUTION_REACH = 8
# a cue this close (tokens) brings its sentence into the quote's evidence
_CUE_EVIDENCE_TOKENS = 80


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def is_partial(text: str, qs: QuoteSpan, lex: QuoteLexicon) -> bool:
    """A quote that is part of its sentence ('called it "a disgrace"'): it starts in lower
    case, or right after a word that makes it the sentence's object or complement."""
    quoted = text[qs.start:qs.end]
    first = next((c for c in quoted if c.isalpha()), "")
    if first and first.islower():
        return True
    before = text[max(0, qs.outer_start - _PARTIAL_CONTEXT):qs.outer_start].rstrip()
    if not before or before[-1] in _NO_PARTIAL_AFTER:
        return False
    word = before.split()[-1].lower() if before.split() else ""
    return word in lex.partial_openers


def is_quotation(text: str, qs: QuoteSpan, quoted: str, partial: bool, cue: Optional[Token],
                 lex: QuoteLexicon, settings: QuoteSettings) -> bool:
    """Scare quotes, labels and titles are not quotations: too short, or short
    with no reporting context, or a Title Cased name."""
    n = word_count(quoted)
    if n < settings.min_words:
        return False
    before = text[max(0, qs.outer_start - _SCARE_CONTEXT):qs.outer_start].split()
    if before and before[-1].lower().strip(",") in lex.scare_markers and cue is None:
        return False
    if qs.single and cue is None:
        return False
    words = _WORD_RE.findall(quoted)
    titled = all(w[0].isupper() or w.lower() in lex.title_minor for w in words)
    if titled and not _SENTENCE_PUNCT_END.search(quoted) and cue is None:
        return False
    if titled and n <= _TITLE_MAX_WORDS and before and _names_a_work(before[-1], lex):
        return False
    if n <= settings.short_quote_words and cue is None and partial:
        return False
    return True


def _names_a_work(word_before: str, lex: QuoteLexicon) -> bool:
    """Whether the word before a Title-Cased quoted phrase makes it a work's or a programme's
    name: 'on', 'episode of', or a possessive ('CNN’s')."""
    w = word_before.lower()
    return w in lex.title_context or w.endswith(_POSSESSIVE_ENDS)


def end_before_attribution(doc: Doc, text: str, qs: QuoteSpan, lex: QuoteLexicon) -> QuoteSpan:
    """An unclosed quote that runs into its own attribution ("We are ready, the
    minister said.") ends at the comma before it."""
    span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
    if span is None:
        return qs
    for tok in span:
        if tok.text != "," or tok.i + 1 >= span.end:
            continue
        for v in doc[tok.i + 1:min(span.end, tok.i + _ATTRIBUTION_REACH)]:
            if lex.reporting.is_speech_verb(v.lemma_.lower()) and v.tag_.startswith("VB"):
                between = doc[tok.i + 1:v.i]
                if all(b.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PRON", "PUNCT") for b in between):
                    s, e = trim(text, qs.start, tok.idx + 1)
                    return QuoteSpan(s, e, qs.open_mark, None, qs.paragraph, recovered=True, single=qs.single)
                break
            if v.is_punct:
                break
    return qs


def cut_at_attribution(text: str, qs: QuoteSpan, cue: Token) -> QuoteSpan:
    """An unclosed quote whose cue was found inside it ends at the comma before the cue."""
    cut = text.rfind(",", qs.start, cue.idx)
    if cut > qs.start:
        s, e = trim(text, qs.start, cut + 1)
        return QuoteSpan(s, e, qs.open_mark, None, qs.paragraph, recovered=True, single=qs.single)
    return qs


def quote_evidence(st: DocState, qs: QuoteSpan, cue: Optional[Token]):
    """The sentences of the quote, and of its cue when the cue is near."""
    doc = st.doc
    first = doc.char_span(qs.outer_start, qs.outer_end, alignment_mode="expand")
    lo, hi = first.start, first.end
    s_lo, s_hi = st.sent(lo)[0], st.sent(hi - 1)[1]
    if cue is not None and abs(cue.i - lo) < _CUE_EVIDENCE_TOKENS:
        s_lo, s_hi = min(s_lo, st.sent(cue.i)[0]), max(s_hi, st.sent(cue.i)[1])
    return evidence_between(doc, doc[s_lo].idx, doc[s_hi - 1].idx + len(doc[s_hi - 1].text))
