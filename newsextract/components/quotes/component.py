"""The `newsextract_quotes` component: direct quotations and who said them.

1. Spans (`newsextract.text.quote_marks`, text only), cut and filtered into
   quotations (`spans`).
2. Attribution (`attribution`, then `context` for a quotation with no cue beside
   it): the cue and the head of the speaker phrase; else the speaker of the quotation
   it continues, else of the sentence before it.
3. Speakers (`speakers`, `persons`, `documents`): the phrase mapped to an entity of
   `doc._.ne_entities`, a recent compatible subject, or the body a description
   stands for. Anonymous speakers ("a senior official") keep their text and no entity.

All per-article work happens on a `DocState` made for each Doc: the component
object holds only its settings and tables, so an article's quotes never depend on
the articles processed before it.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...schema import Quote, RecordWarning
from ...spans import doc_text, in_caption
from ...text.quote_marks import QuoteSpan, find_quote_spans
from .attribution import anonymous, attribution, chained
from .context import clause_after, colon_frame, sentence_before, signature, transcript_label
from .persons import speaking_person
from .phrases import definite_singular, norm_name, np_span, quote_tokens, semantic_head
from .spans import cut_at_attribution, end_before_attribution, is_partial, is_quotation, quote_evidence
from .speakers import compatible, referents, reporter_of, resolve
from .state import DocState, QuoteSettings, Referent
from .tables import QuoteLexicon, load_lexicon


class QuoteExtractor:
    """Writes `doc._.ne_quotes`: a `Quote` per quotation, with its speaker and cue."""

    def __init__(self, nlp: Language, name: str = "newsextract_quotes", *, min_words: int = 3,
                 short_quote_words: int = 4, chain_paragraphs: int = 1, pronoun_window_chars: int = 1500,
                 cue_window_tokens: int = 120, tables_path: Optional[Union[str, Path]] = None):
        self.name = name
        self.settings = QuoteSettings(min_words=min_words, short_quote_words=short_quote_words,
                                      chain_paragraphs=chain_paragraphs, pronoun_window_chars=pronoun_window_chars,
                                      cue_window_tokens=cue_window_tokens)
        self.lexicon: QuoteLexicon = load_lexicon(tables_path)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ne_quotes = extract_quotes(doc, self.lexicon, self.settings)
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        """Write the tables the component reads (quotes, people, reporting verbs) into `path`."""
        self.lexicon.to_disk(path)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "QuoteExtractor":
        self.lexicon = load_lexicon(path)
        return self


def extract_quotes(doc: Doc, lex: QuoteLexicon, settings: QuoteSettings) -> list[Quote]:
    """The quotations of one article, each with its speaker and cue, in text order."""
    text = doc_text(doc)
    spans = [end_before_attribution(doc, text, q, lex) if q.recovered and q.close_mark is None else q
             for q in find_quote_spans(text)]
    st = DocState(doc, spans, lex, settings)
    quotes: list[Optional[Quote]] = []
    previous: Optional[_Said] = None
    seen: dict[str, int] = {}
    warnings = doc._.ne_warnings
    for qi, qs in enumerate(spans):
        if qs.recovered and warnings is not None:
            warnings.append(RecordWarning(code="quote_mark_recovered",
                                          message=f"unbalanced quotation mark near offset {qs.outer_start}"))
        tokens = quote_tokens(doc, qs)
        if not tokens:
            continue
        cue, subject = _cue_and_subject(st, qi, qs, tokens)
        if qs.recovered and qs.close_mark is None and cue is not None and cue.idx < qs.end:
            qs = cut_at_attribution(text, qs, cue)
        quoted = text[qs.start:qs.end]
        partial = is_partial(text, qs, lex)
        if not is_quotation(text, qs, quoted, partial, cue, lex, settings) or in_caption(doc, qs.start, qs.end):
            if subject is not None and not in_caption(doc, qs.start, qs.end):
                # too short to keep ('"Fine," she said.'), but the quotes after it continue hers
                previous = _speaker(st, qs, cue, subject, previous)
            continue
        said = _speaker(st, qs, cue, subject, previous)
        if subject is not None or cue is not None or previous is None or said.chained is None:
            previous = said
        else:
            previous = _Said(qs, previous.referent, previous.span, previous.text, said.confidence, previous)
        conf = said.confidence - (0.15 if qs.recovered else 0.0)
        referent = said.referent
        speaker = referent.ref if referent is not None and referent.ref is not None else None
        cue_text = None
        if cue is not None:
            cue_text = "according to" if lex.reporting.is_according(cue.lower_) else cue.text
        key = norm_name(quoted)
        if key in seen:
            # the same words quoted twice (a lede repeated in the body): keep the better one
            old = quotes[seen[key]]
            if old.confidence >= conf:
                continue
            quotes[seen[key]] = None
        seen[key] = len(quotes)
        speaker_span = said.span
        quotes.append(Quote(
            id="", text=quoted, start=qs.start, end=qs.end, speaker=speaker, speaker_text=said.text,
            speaker_start=speaker_span.start_char if speaker_span is not None else None,
            speaker_end=speaker_span.end_char if speaker_span is not None else None,
            cue=cue_text, is_partial=partial, confidence=round(max(0.05, min(conf, 0.95)), 2),
            evidence=quote_evidence(st, qs, cue)))
    kept = [q for q in quotes if q is not None]
    for i, q in enumerate(kept, 1):
        q.id = f"Q{i}"
    return kept


def _cue_and_subject(st: DocState, qi: int, qs: QuoteSpan, tokens: list[Token]):
    """(cue, head of the speaker phrase) of a quotation, either may be None: the cue beside
    it, else the clause right after it, its signature, or the frame a colon closes before it."""
    doc, text, lex = st.doc, st.text, st.lex
    partial = is_partial(text, qs, lex)
    cue, subject = attribution(st, qi, qs, tokens, partial)
    label = transcript_label(st, tokens[0].i) or colon_frame(st, _mark_token(doc, qs), signed_only=True)
    if label is not None:
        # a transcript's line, a quotation signed "- X:": the name, whatever is around it
        return None, label
    if subject is None:
        after = clause_after(st, _close_token(doc, qs), text[qs.start:qs.end])
        if after is not None:
            return after
        if not partial:
            subject = signature(st, _close_token(doc, qs), text[qs.start:qs.end])
    if subject is None:
        # "X continued:", "Said X:" (a cue whose subject the parse lost): the frame's name
        subject = colon_frame(st, _mark_token(doc, qs))
    return cue, subject


def _mark_token(doc: Doc, qs: QuoteSpan) -> int:
    """The index of a quotation's first token, its opening mark if it has one."""
    span = doc.char_span(qs.outer_start, qs.outer_end, alignment_mode="expand")
    return span.start if span is not None else 0


def _close_token(doc: Doc, qs: QuoteSpan) -> int:
    """The index of a quotation's last token, its closing mark if it has one."""
    span = doc.char_span(qs.outer_start, qs.outer_end, alignment_mode="expand")
    return span.end - 1 if span is not None else 0


@dataclass
class _Said:
    """Who said a quotation, as the next quotations may continue it."""

    span_of_quote: QuoteSpan
    referent: Optional[Referent]
    span: Optional[Span]              # the speaker phrase as written
    text: Optional[str]
    confidence: float
    chained: Optional["_Said"] = None  # the earlier quotation whose speaker this one keeps


def _speaker(st: DocState, qs: QuoteSpan, cue: Optional[Token], subject: Optional[Token],
             previous: Optional[_Said]) -> _Said:
    """The speaker of a quotation from its speaker phrase's head, else from the quotation it continues."""
    lex = st.lex
    if subject is None:
        if previous is not None and chained(st, previous.span_of_quote, qs, previous.referent):
            conf = 0.65 if previous.referent is not None and previous.referent.ref is not None else 0.45
            return _Said(qs, previous.referent, previous.span, previous.text, conf, previous)
        if cue is None and not is_partial(st.text, qs, lex) and not st.text[qs.start:qs.end].endswith(","):
            # a quotation standing alone ('"...," the' ends in a comma: its own attribution follows)
            subject = sentence_before(st, _mark_token(st.doc, qs))
        if subject is None:
            return _Said(qs, None, None, None, 0.4)
    head = speaking_person(st, semantic_head(subject))
    speaker_span = np_span(subject, lex)
    if not (speaker_span.start <= head.i < speaker_span.end):
        speaker_span = np_span(head, lex)
    np_override = speaker_span if head is not subject else None
    subject = head
    referent = None
    recent = previous is not None and previous.referent is not None \
        and qs.paragraph - previous.span_of_quote.paragraph <= 1
    if subject.lower_ in lex.pronouns:
        gender, number = lex.pronouns[subject.lower_]
        # "X told reporters he thought ...": X; else quote-chain continuity: "he said" after his own quote
        referent = reporter_of(st, subject, gender, number == "plur")
        if referent is None and recent and compatible(previous.referent, gender, number == "plur") \
                and not _named_since(st, previous, qs, gender, number == "plur"):
            referent = previous.referent
    if referent is None:
        referent = resolve(st, subject, np_override)
    if referent is not None and referent.ref is None and recent and previous.referent.kind == "person" \
            and definite_singular(subject) and (referent.kind == "other" or referent.unresolved) \
            and referent.gender in (None, previous.referent.gender):
        # "the 45-year-old added", "the officer said": the person just quoted
        referent = previous.referent
    if anonymous(st, cue, subject):
        referent = Referent(None, referent.kind if referent else "person")
    conf = 0.85 if referent is not None and referent.ref is not None else 0.6
    return _Said(qs, referent, speaker_span, speaker_span.text, conf)


def _named_since(st: DocState, previous: _Said, qs: QuoteSpan, gender: Optional[str], plural: bool) -> bool:
    """Whether someone a pronoun could stand for, other than the previous quotation's speaker,
    is named as a subject between the two ('"...," Axelrod tweeted. Fallon fired back: "...,"
    he wrote': he is Fallon)."""
    doc, order = st.doc, st.referent_order
    referents(st)
    prev = previous.span_of_quote
    before = previous.referent.ref.name if previous.referent is not None and previous.referent.ref is not None else None
    span = doc.char_span(prev.outer_start, prev.outer_end, alignment_mode="expand")
    if span is None:
        return False
    lo = bisect_left(order, span.end)
    for k in range(lo, len(order)):
        i = order[k]
        if doc[i].idx >= qs.outer_start:
            break
        ref = st.referent_at.get(i)
        if st.quote_of_token[i] == -1 and doc[i].pos_ != "PRON" and ref is not None and ref.ref is not None \
                and ref.ref.name != before and compatible(ref, gender, plural):
            return True
    return False


@Language.factory(
    "newsextract_quotes",
    assigns=["doc._.ne_quotes"],
    requires=["doc._.ne_entities", "token.dep", "token.lemma", "token.tag"],
    default_config={"min_words": 3, "short_quote_words": 4, "chain_paragraphs": 1, "pronoun_window_chars": 1500,
                    "cue_window_tokens": 120, "tables_path": None},
)
def make_quotes(nlp: Language, name: str, min_words: int, short_quote_words: int, chain_paragraphs: int,
                pronoun_window_chars: int, cue_window_tokens: int,
                tables_path: Optional[str]) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, min_words=min_words, short_quote_words=short_quote_words,
                          chain_paragraphs=chain_paragraphs, pronoun_window_chars=pronoun_window_chars,
                          cue_window_tokens=cue_window_tokens, tables_path=tables_path)
