"""Direct quotations and who said them.

1. Spans (`find_quote_spans`, text only): quotation marks are paired paragraph by
   paragraph, their direction read from the characters around them, so a stray or
   missing mark costs one quote, never the article. A paragraph that opens a quote
   and does not close it continues into the next paragraph that opens one.
2. Attribution (`QuoteExtractor`): the reporting verb whose clause holds the quote
   (dependency path), else the reporting clause right beside it ("...," X said /
   X said: "..." / according to X), else the speaker of the quote chain.
3. Speakers: the subject of the cue is mapped to an entity of `doc._.ne_entities`
   (names), to the recent compatible subject (pronouns, with gender from titles and
   given names) or to an entity the description stands for ("the ministry").
   Anonymous speakers ("a senior official") keep their text and no entity.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .gazetteer import read_model_json
from .schema import EntityRef, Quote, RecordWarning
from .spans import doc_text, evidence_between, in_caption

# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class QuoteTables:
    strong_verbs: frozenset
    frame_verbs: frozenset
    quote_verbs: frozenset
    pronouns: dict
    male_titles: frozenset
    female_titles: frozenset
    person_titles: frozenset
    role_synonyms: dict
    person_heads: frozenset
    anonymous_heads: frozenset
    org_heads: frozenset
    document_heads: frozenset
    scare_markers: frozenset
    male_names: frozenset
    female_names: frozenset
    anonymity_markers: frozenset


def _words(section) -> frozenset:
    return frozenset(w.lower() for w in (section["words"] if isinstance(section, dict) else section))


@lru_cache(maxsize=1)
def load_tables() -> QuoteTables:
    data = read_model_json("quotes.json")
    names = read_model_json("quotes_given_names.json")
    verbs = data["reporting_verbs"]
    return QuoteTables(
        strong_verbs=frozenset(verbs["strong"]),
        frame_verbs=frozenset(verbs["frame"]) | frozenset(verbs["strong"]),
        quote_verbs=frozenset(data["quoted_as_saying"]["verbs"]),
        pronouns={k: tuple(v) for k, v in data["pronouns"].items() if not k.startswith("_")},
        male_titles=frozenset(data["gendered_titles"]["male"]),
        female_titles=frozenset(data["gendered_titles"]["female"]),
        person_titles=_words(data["person_titles"]),
        role_synonyms={k: frozenset(v) for k, v in data["role_synonyms"].items() if not k.startswith("_")},
        person_heads=_words(data["person_description_heads"]),
        anonymous_heads=_words(data["anonymous_heads"]),
        org_heads=_words(data["organization_description_heads"]),
        document_heads=_words(data["document_heads"]),
        scare_markers=_words(data["scare_markers"]),
        male_names=frozenset(names["male"]),
        anonymity_markers=_words(data["anonymity_markers"]),
        female_names=frozenset(names["female"]),
    )


# ---------------------------------------------------------------- quote spans

_OPEN_GLYPHS = "“„‟«"
_CLOSE_GLYPHS = "”»"
_DOUBLE_MARKS = '"' + _OPEN_GLYPHS + _CLOSE_GLYPHS
_SINGLE_MARKS = "‘’'‚‛"
_BEFORE_OPEN = set(" \t\n([{—–-/:;") | set(_DOUBLE_MARKS) | set(_SINGLE_MARKS)
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-…") | set(_DOUBLE_MARKS) | set(_SINGLE_MARKS)
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’']?(?=\s)")
_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")


@dataclass
class QuoteSpan:
    """One quotation: `start`/`end` delimit the words inside the marks."""

    start: int
    end: int
    open_mark: Optional[int]          # offset of the opening mark, None if recovered without one
    close_mark: Optional[int]         # offset of the closing mark, None if the paragraph ended first
    paragraph: int
    continues: bool = False           # continues the previous paragraph's unclosed quote
    continued: bool = False           # left open at its paragraph's end, continued in the next
    recovered: bool = False           # built around a stray or missing mark
    single: bool = False              # delimited by single quotation marks

    @property
    def outer_start(self) -> int:
        return self.open_mark if self.open_mark is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


def _mark_direction(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the quotation mark at text[i], from the
    characters around it (which beat the glyph: typists get curly marks wrong)."""
    prev = text[i - 1] if i > lo else None
    nxt = text[i + 1] if i + 1 < hi else None
    opens = prev is None or prev in _BEFORE_OPEN
    closes = nxt is None or nxt in _AFTER_CLOSE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    ch = text[i]
    if ch in _OPEN_GLYPHS:
        return "open"
    if ch in _CLOSE_GLYPHS:
        return "close"
    return "either"


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():            # don't, Mark’s, O’Brien
        return True
    if nxt.isdigit() and not prev.isalnum():        # ’90s
        return True
    return prev in "sSzZ" and (nxt.isspace() or nxt in ",.;:")   # parents’ (plural possessive)


def _pair_marks(text: str, marks: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (open, close), stray opens and stray closes among a paragraph's marks."""
    pairs, stray_open, stray_close = [], [], []
    open_at = None
    for pos, direction in marks:
        if direction == "either":
            direction = "close" if open_at is not None else "open"
        if direction == "open":
            if open_at is not None:
                stray_open.append(open_at)
            open_at = pos
        elif open_at is not None:
            pairs.append((open_at, pos))
            open_at = None
        else:
            stray_close.append(pos)
    if open_at is not None:
        stray_open.append(open_at)
    return pairs, stray_open, stray_close


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, in order. Pure text: no parse needed."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]
    found: list[QuoteSpan] = []
    pending_continuation = False
    for pi, (lo, hi) in enumerate(paragraphs):
        marks = [(i, _mark_direction(text, i, lo, hi)) for i in range(lo, hi) if text[i] in _DOUBLE_MARKS]
        single = False
        if not marks:
            marks = [(i, _mark_direction(text, i, lo, hi)) for i in range(lo, hi)
                     if text[i] in _SINGLE_MARKS and not _is_apostrophe(text, i, lo, hi)]
            single = True
        pairs, stray_open, stray_close = _pair_marks(text, marks)
        spans: list[QuoteSpan] = []
        for o, c in pairs:
            s, e = _trim(text, o + 1, c)
            spans.append(QuoteSpan(s, e, o, c, pi, single=single))
        first_mark = marks[0][0] if marks else None
        for o in stray_open:
            later = [m for m, _ in marks if m > o]
            if not later:
                # open to the paragraph's end: a quote continued in the next paragraph,
                # or one whose closing mark was lost
                s, e = _trim(text, o + 1, hi)
                nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
                cont = bool(nxt) and text[nxt[0]] in (_SINGLE_MARKS if single else _DOUBLE_MARKS) \
                    and _mark_direction(text, nxt[0], nxt[0], nxt[1]) != "close"
                spans.append(QuoteSpan(s, e, o, None, pi, continued=cont, recovered=not cont, single=single))
            else:
                # a mark opened again before this one closed: keep the whole sentences up to there
                ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, o + 1, later[0])]
                if ends:
                    s, e = _trim(text, o + 1, ends[-1])
                    spans.append(QuoteSpan(s, e, o, None, pi, recovered=True, single=single))
        for c in stray_close:
            # a closing mark with no opening: the quote ran from the paragraph start
            if c == first_mark and c > lo and text[c - 1] in ",.!?…":
                s, e = _trim(text, lo, c)
                spans.append(QuoteSpan(s, e, None, c, pi, recovered=not pending_continuation,
                                       continues=pending_continuation, single=single))
        spans.sort(key=lambda q: q.start)
        if spans and pending_continuation and spans[0].outer_start == lo:
            spans[0].continues = True
        pending_continuation = any(q.continued for q in spans)
        found.extend(q for q in spans if q.end > q.start)
    return found


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


# ---------------------------------------------------------------- normalization

_NORM_PUNCT = re.compile(r"[^\w\s]")


def norm_name(s: str) -> str:
    """Case-folded, determiner, possessive and punctuation dropped: for comparing names."""
    s = s.replace("’", "'").lower()
    s = re.sub(r"'s\b", "", s)
    s = _NORM_PUNCT.sub(" ", s.replace(".", ""))
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    return " ".join(s.split())


# ---------------------------------------------------------------- speakers

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "parataxis", "dep", "prep", "pobj")
_NP_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj", "prep")
_DETERMINERS = {"the", "this", "that", "these", "those"}
_INDEFINITE = {"a", "an", "some", "one", "another", "several", "two", "three", "many", "few", "no", "any"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_FIRST_SECOND = {"i", "we", "you", "me", "us", "my", "our", "your"}
SPEAKER_TYPES = ("PERSON", "ORGANIZATION")
# titles written right before a person's name that no organisation takes
_NAME_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
                          "president", "minister", "senator", "governor", "mayor", "judge", "sheikh", "king", "queen"})


def _is_quote_mark(tok: Token) -> bool:
    """A quotation mark token, not the possessive of "the bishops’ conference"."""
    if not tok.is_quote or tok.dep_ == "case" or tok.tag_ == "POS":
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return not (prev is not None and not prev.whitespace_ and prev.text[-1:] in "sSzZ" and tok.whitespace_)


@dataclass
class Referent:
    """Who a noun phrase stands for, as far as the article tells."""

    ref: Optional[EntityRef]          # the entity (or name as written), None if unknown/anonymous
    kind: str                         # 'person', 'org', 'document', 'other'
    gender: Optional[str] = None
    plural: bool = False
    etype: Optional[str] = None       # entity type when an entity of the article
    unresolved: bool = False          # a definite description ('the officer') no earlier phrase matched


@dataclass
class _Candidate:
    token: Token
    rank: tuple
    via: str


@dataclass
class _DocState:
    """Per-article lookups, built once per Doc and only as far as needed."""

    doc: Doc
    quote_of_token: list = field(default_factory=list)
    para_starts: list = field(default_factory=list)
    mention_starts: list = field(default_factory=list)
    mentions: list = field(default_factory=list)      # (start, end, entity)
    aliases: dict = field(default_factory=dict)       # norm name -> entity
    entities: list = field(default_factory=list)
    ner_starts: list = field(default_factory=list)
    ner: list = field(default_factory=list)           # base model's PERSON/ORG spans
    referents: Optional[list] = None                  # (token index, Referent) of subjects, in order
    referent_order: list = field(default_factory=list)
    titles_done: bool = False
    documents_open: set = field(default_factory=set)  # guards document -> owner -> document cycles
    referent_at: dict = field(default_factory=dict)
    person_titles: dict = field(default_factory=dict)  # entity key -> set of title words
    person_gender: dict = field(default_factory=dict)  # entity key -> gender


class QuoteExtractor:
    """The `newsextract_quotes` component: writes `doc._.ne_quotes`."""

    def __init__(self, nlp: Language, name: str = "newsextract_quotes", *, min_words: int = 3,
                 short_quote_words: int = 4, chain_paragraphs: int = 1, pronoun_window_chars: int = 1500):
        self.name = name
        self.t = load_tables()
        self.min_words = min_words
        self.short_quote_words = short_quote_words
        self.chain_paragraphs = chain_paragraphs
        self.pronoun_window_chars = pronoun_window_chars
        self._sents_doc, self._sents = None, ([], [])

    # ------------------------------------------------------------ per-Doc caches
    def _sent(self, doc: Doc, i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence holding token i (`Token.sent` scans the Doc)."""
        if self._sents_doc is not doc:
            starts = [sent.start for sent in doc.sents]
            self._sents_doc, self._sents = doc, (starts, starts[1:] + [len(doc)])
        starts, ends = self._sents
        k = bisect_right(starts, i) - 1
        return starts[k], ends[k]

    # ------------------------------------------------------------ component
    def __call__(self, doc: Doc) -> Doc:
        spans = [self._end_before_attribution(doc, q) if q.recovered and q.close_mark is None else q
                 for q in find_quote_spans(doc_text(doc))]
        st = self._state(doc, spans)
        quotes: list[Quote] = []
        previous: Optional[tuple[QuoteSpan, Optional[Referent], Optional[Span], Optional[str]]] = None
        seen: dict[str, int] = {}
        warnings = doc._.ne_warnings if doc._.ne_warnings is not None else []
        for qi, qs in enumerate(spans):
            if qs.recovered and warnings is not None:
                warnings.append(RecordWarning(code="quote_mark_recovered",
                                              message=f"unbalanced quotation mark near offset {qs.outer_start}"))
            tokens = [t for t in self._quote_tokens(doc, qs)]
            if not tokens:
                continue
            cue, subject = self._attribution(st, qi, qs, tokens, self._is_partial(doc, qs))
            if qs.recovered and qs.close_mark is None and cue is not None and cue.idx < qs.end:
                qs = self._cut_at_attribution(doc, qs, cue)
            text = doc_text(doc)[qs.start:qs.end]
            partial = self._is_partial(doc, qs)
            if not self._is_quotation(doc, qs, text, partial, cue):
                continue
            if in_caption(doc, qs.start, qs.end):
                continue
            referent, speaker_span, speaker_text, conf = None, None, None, 0.4
            if subject is not None:
                head = self._semantic_head(subject)
                speaker_span = self._np_span(subject)
                if not (speaker_span.start <= head.i < speaker_span.end):
                    speaker_span = self._np_span(head)
                np_override = speaker_span if head is not subject else None
                subject = head
                speaker_text = speaker_span.text
                referent = None
                if subject.lower_ in self.t.pronouns and previous is not None and previous[1] is not None \
                        and qs.paragraph - previous[0].paragraph <= 1:
                    # quote-chain continuity: "he said" after his own quote
                    gender, number = self.t.pronouns[subject.lower_]
                    if self._compatible(previous[1], gender, number == "plur"):
                        referent = previous[1]
                if referent is None:
                    referent = self._resolve(st, subject, np_override)
                if referent is not None and referent.ref is None and previous is not None \
                        and previous[1] is not None and previous[1].kind == "person" \
                        and qs.paragraph - previous[0].paragraph <= 1 and self._definite_singular(subject) \
                        and (referent.kind == "other" or referent.unresolved) \
                        and referent.gender in (None, previous[1].gender):
                    # "the 45-year-old added", "the officer said": the person just quoted
                    referent = previous[1]
                if self._anonymous(cue, subject):
                    referent = Referent(None, referent.kind if referent else "person")
                conf = 0.85 if referent is not None and referent.ref is not None else 0.6
            elif previous is not None and self._chained(st, previous[0], qs, previous[1]):
                referent, speaker_span, speaker_text = previous[1], previous[2], previous[3]
                conf = 0.65 if referent is not None and referent.ref is not None else 0.45
            if subject is not None or cue is not None or previous is None or \
                    not self._chained(st, previous[0], qs, previous[1]):
                previous = (qs, referent, speaker_span, speaker_text)
            else:
                previous = (qs, previous[1], previous[2], previous[3])
            if qs.recovered:
                conf -= 0.15
            speaker = None
            if referent is not None and referent.ref is not None:
                speaker = referent.ref
            cue_text = None
            if cue is not None:
                cue_text = "according to" if cue.lower_ == "according" else cue.text
            ev = self._evidence(doc, qs, cue)
            key = norm_name(text)
            if key in seen:
                # the same words quoted twice (a lede repeated in the body): keep the better one
                old = quotes[seen[key]]
                if old.confidence >= conf:
                    continue
                quotes.pop(seen[key])
                seen = {norm_name(q.text): i for i, q in enumerate(quotes)}
            seen[key] = len(quotes)
            quotes.append(Quote(
                id="", text=text, start=qs.start, end=qs.end, speaker=speaker, speaker_text=speaker_text,
                speaker_start=speaker_span.start_char if speaker_span is not None else None,
                speaker_end=speaker_span.end_char if speaker_span is not None else None,
                cue=cue_text, is_partial=partial, confidence=round(max(0.05, min(conf, 0.95)), 2),
                evidence=ev))
        for i, q in enumerate(quotes, 1):
            q.id = f"Q{i}"
        doc._.ne_quotes = quotes
        return doc

    # ------------------------------------------------------------ state
    def _state(self, doc: Doc, spans: list[QuoteSpan]) -> _DocState:
        st = _DocState(doc=doc)
        st.quote_of_token = [-1] * len(doc)
        for qi, qs in enumerate(spans):
            for t in self._quote_tokens(doc, qs, with_marks=True):
                st.quote_of_token[t.i] = qi
        st.para_starts = [m.start() for m in _PARAGRAPH_RE.finditer(doc_text(doc)) if m.group().strip()]
        mentions = []
        for ent in doc._.ne_entities or ():
            st.entities.append(ent)
            for m in ent.mentions:
                mentions.append((m.start, m.end, ent))
            for alias in [ent.name, *ent.aliases]:
                key = norm_name(alias)
                if key and key not in st.aliases:
                    st.aliases[key] = ent
        mentions.sort(key=lambda m: (m[0], -m[1]))
        st.mentions = mentions
        st.mention_starts = [m[0] for m in mentions]
        ner = [(e.start_char, e.end_char, e) for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
        st.ner = ner
        st.ner_starts = [m[0] for m in ner]
        return st

    @staticmethod
    def _quote_tokens(doc: Doc, qs: QuoteSpan, with_marks: bool = False):
        lo, hi = (qs.outer_start, qs.outer_end) if with_marks else (qs.start, qs.end)
        span = doc.char_span(lo, hi, alignment_mode="expand")
        return list(span) if span is not None else []

    def _para(self, st: _DocState, char: int) -> int:
        return bisect_right(st.para_starts, char) - 1

    # ------------------------------------------------------------ filters
    def _is_partial(self, doc: Doc, qs: QuoteSpan) -> bool:
        text = doc_text(doc)[qs.start:qs.end]
        first = next((c for c in text if c.isalpha()), "")
        if first and first.islower():
            return True
        before = doc_text(doc)[max(0, qs.outer_start - 40):qs.outer_start].rstrip()
        if not before or before[-1] in ":,\n—–-(":
            return False
        word = before.split()[-1].lower() if before.split() else ""
        return word in {"as", "that", "of", "to", "the", "a", "an", "for", "and", "or", "about", "called",
                        "described", "termed", "with", "by", "in", "on", "from", "because", "its", "their", "his", "her"}

    def _is_quotation(self, doc: Doc, qs: QuoteSpan, text: str, partial: bool, cue: Optional[Token]) -> bool:
        """Scare quotes, labels and titles are not quotations: too short, or short
        with no reporting context, or a Title Cased name."""
        n = word_count(text)
        if n < self.min_words:
            return False
        before = doc_text(doc)[max(0, qs.outer_start - 30):qs.outer_start].split()
        if before and before[-1].lower().strip(",") in self.t.scare_markers and cue is None:
            return False
        if qs.single and cue is None:
            return False
        words = _WORD_RE.findall(text)
        titled = all(w[0].isupper() or w.lower() in {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at"}
                     for w in words)
        if titled and not re.search(r"[.!?,;]\s*$", text) and cue is None:
            return False
        if n <= self.short_quote_words and cue is None and partial:
            return False
        return True

    # ------------------------------------------------------------ attribution
    def _attribution(self, st: _DocState, qi: int, qs: QuoteSpan, tokens: list[Token], partial: bool = False):
        """(cue token, subject token) for a quote; either may be None."""
        doc = st.doc
        para = self._para(st, qs.outer_start)
        lo_char = st.para_starts[para]
        hi_char = st.para_starts[para + 1] if para + 1 < len(st.para_starts) else len(doc_text(doc))
        inside = {t.i for t in tokens}

        def outside(t: Token) -> bool:
            return t.i not in inside and st.quote_of_token[t.i] == -1 and lo_char <= t.idx < hi_char

        cands: list[_Candidate] = []
        first_i, last_i = tokens[0].i, tokens[-1].i
        open_i = first_i - 1 if qs.open_mark is not None else first_i
        close_i = last_i + 1 if qs.close_mark is not None else last_i
        ends_comma = bool(re.search(r"[,;]\s*$", doc_text(doc)[qs.start:qs.outer_end])) or \
            doc_text(doc)[qs.outer_end:qs.outer_end + 1] == ","
        before_colon = doc_text(doc)[lo_char:qs.outer_start].rstrip()[-1:] in (":", ",")
        if not doc_text(doc)[lo_char:qs.outer_start].strip() and para > 0 and doc_text(doc)[:lo_char].rstrip().endswith(":"):
            # 'X said:' closing the paragraph before the quote
            lo_char = st.para_starts[para - 1]
            before_colon = True

        # 1. the dependency path: a reporting verb governing the quote, or attached to it;
        # it outranks the clause beside a partial quote ("X told them that the money
        # 'will not move', according to aides": X's words)
        dep_rank = -1 if partial else 1
        attach = set()
        for t in tokens:
            h = t.head
            if h.i not in inside and h.i != t.i:
                attach.add(h)
            for c in t.children:
                if c.i not in inside and outside(c) and c.lemma_.lower() in self.t.strong_verbs and c.pos_ in ("VERB", "AUX"):
                    cands.append(_Candidate(c, (dep_rank, abs(c.i - close_i)), "dep"))
        for a in attach:
            v, steps = a, 0
            while steps < 6 and outside(v):
                lemma = v.lemma_.lower()
                if v.lower_ == "according":
                    cands.append(_Candidate(v, (dep_rank, self._gap(v, open_i, close_i)), "dep"))
                    break
                if lemma in self.t.frame_verbs and v.pos_ in ("VERB", "AUX"):
                    cands.append(_Candidate(v, (dep_rank, self._gap(v, open_i, close_i)), "dep"))
                    break
                if v.head.i == v.i:
                    break
                v, steps = v.head, steps + 1

        # 2. reporting clauses beside the quote in the same sentence(s) and paragraph
        sent_lo = self._sent(doc, open_i)[0]
        sent_hi = self._sent(doc, close_i)[1]
        if before_colon and open_i > 0:
            sent_lo = min(sent_lo, self._sent(doc, open_i - 1)[0])
        if close_i + 1 < len(doc) and self._sent(doc, close_i)[1] <= close_i + 1:
            sent_hi = max(sent_hi, self._sent(doc, close_i + 1)[1])
        for t in doc[sent_lo:sent_hi]:
            if not outside(t):
                continue
            is_verb = t.lemma_.lower() in self.t.strong_verbs and (
                t.tag_.startswith("VB") or t.lower_ in ("said", "says", "told", "added", "read", "reads"))
            is_according = t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"
            if not (is_verb or is_according):
                continue
            after = t.i > close_i
            gap = self._gap(t, open_i, close_i)
            between = doc[close_i + 1:t.i] if after else doc[t.i + 1:open_i]
            crosses = any(st.quote_of_token[b.i] not in (-1, qi) for b in between)
            adjacent = gap <= 8 and not crosses and not any(
                b.pos_ in ("VERB", "AUX") and b.dep_ not in ("aux", "auxpass") for b in between
                if b.lower_ not in ("according",))
            if after:
                prefer = 0 if ends_comma or not before_colon else 1
            else:
                prefer = 0 if before_colon else 1
            finite = t.tag_ != "VBG" or is_according or any(c.dep_ in _SUBJ for c in t.children)
            rank = (0 if adjacent and finite else 2, prefer, gap) if not crosses else (3, prefer, gap)
            cands.append(_Candidate(t, rank, "window"))
        if not cands:
            return None, self._colon_speaker(st, lo_char, open_i)
        cands.sort(key=lambda c: c.rank)
        for cand in cands:
            subject = self._cue_subject(st, cand.token, open_i, close_i)
            if subject is None:
                continue
            if cand.token.lemma_.lower() not in self.t.strong_verbs and cand.via == "dep":
                # a frame verb whose subject is no one ("The U.S. calls for ...", the spokesman added)
                ref = self._resolve(st, subject)
                if ref is None or ref.ref is None or ref.etype not in (None, *SPEAKER_TYPES):
                    stronger = self._strong_ancestor(st, cand.token, inside, open_i, close_i)
                    if stronger is not None:
                        return stronger
            return cand.token, subject
        return cands[0].token, None

    def _colon_speaker(self, st: _DocState, lo_char: int, open_i: int) -> Optional[Token]:
        """'Zelensky: "We will win."' - a bare name and a colon opening the paragraph."""
        doc = st.doc
        if open_i < 2 or doc[open_i - 1].text != ":":
            return None
        words = [t for t in doc[max(0, open_i - 7):open_i - 1] if t.idx >= lo_char and not t.is_space]
        if not words or len(words) > 5 or words[0].idx > lo_char + 1:
            return None
        if any(t.pos_ in ("VERB", "AUX") or st.quote_of_token[t.i] != -1 for t in words):
            return None
        names = [t for t in words if t.pos_ == "PROPN"]
        return names[-1] if names else None

    def _strong_ancestor(self, st: _DocState, v: Token, inside: set, open_i: int, close_i: int):
        for _ in range(5):
            if v.head.i == v.i:
                return None
            v = v.head
            if v.i in inside or st.quote_of_token[v.i] != -1:
                return None
            if v.lemma_.lower() in self.t.strong_verbs and v.pos_ in ("VERB", "AUX"):
                subject = self._cue_subject(st, v, open_i, close_i)
                if subject is not None:
                    return v, subject
        return None

    @staticmethod
    def _gap(t: Token, open_i: int, close_i: int) -> int:
        if t.i > close_i:
            return t.i - close_i - 1
        if t.i < open_i:
            return open_i - t.i - 1
        return 0

    def _cue_subject(self, st: _DocState, cue: Token, open_i: int, close_i: int) -> Optional[Token]:
        """The speaker phrase's head for a cue: from the parse, else from the words beside it."""
        subj = self._parsed_subject(st, cue)
        if subj is not None and st.quote_of_token[subj.i] == -1 and subj.lower_ not in _FIRST_SECOND:
            return subj
        doc = st.doc
        if cue.lower_ == "according":
            return None
        if cue.i > close_i:
            # "...," X said: only a noun phrase between the quote and the cue
            between = [t for t in doc[close_i + 1:cue.i] if not t.is_space]
            nominal = [t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON")]
            if nominal and all(t.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT", "PART", "NUM", "ADP", "CCONJ")
                               for t in between):
                return nominal[-1]
            # "...," said X
            if all(t.is_punct for t in between):
                return self._next_nominal(doc, cue.i + 1)
        return None

    def _parsed_subject(self, st: _DocState, cue: Token) -> Optional[Token]:
        doc = st.doc
        if cue.lower_ == "according":
            to = next((c for c in cue.children if c.lower_ == "to"), None)
            if to is None and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "to":
                to = doc[cue.i + 1]
            if to is not None:
                obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if obj is None and to.i + 1 < len(doc):
                    obj = self._next_nominal(doc, to.i + 1)
                return obj
            return None
        # "X quoted Y as saying", "Y was quoted as saying"
        if cue.head.lower_ == "as" and cue.head.head.lemma_.lower() in self.t.quote_verbs:
            q = cue.head.head
            obj = next((c for c in q.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return obj
        if cue.lemma_.lower() in self.t.quote_verbs and any(c.lower_ == "as" for c in cue.children):
            obj = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return obj
        v = cue
        for _ in range(4):
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            if agent is not None:
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is not None:
                if subj.lower_ in _RELATIVE and v.dep_ == "relcl":
                    return v.head
                if subj.lower_ not in ("there",):
                    return subj
            if v.lemma_.lower() != "tell" and v.i > 0 and (
                    st.quote_of_token[v.i - 1] != -1 or doc[v.i - 1].is_punct and v.i > 1 and st.quote_of_token[v.i - 2] != -1):
                # "...," said X
                inverted = next((c for c in v.rights if c.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos", "dep", "nsubjpass")
                                 and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
                if inverted is not None:
                    return inverted
            if v.dep_ in _CLIMB and v.head.i != v.i:
                v = v.head
                continue
            break
        return None

    @staticmethod
    def _next_nominal(doc: Doc, i: int) -> Optional[Token]:
        for t in doc[i:i + 6]:
            if t.is_punct:
                return None
            if t.pos_ in ("PROPN", "NOUN", "PRON"):
                # the head of the phrase that starts here
                h = t
                while h.head.i != h.i and h.dep_ in ("compound", "amod", "det", "poss", "nmod", "case") and h.head.i > h.i:
                    h = h.head
                return h
        return None

    def _end_before_attribution(self, doc: Doc, qs: QuoteSpan) -> QuoteSpan:
        """An unclosed quote that runs into its own attribution ("We are ready, the
        minister said.") ends at the comma before it."""
        span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
        if span is None:
            return qs
        for tok in span:
            if tok.text != "," or tok.i + 1 >= span.end:
                continue
            for v in doc[tok.i + 1:min(span.end, tok.i + 8)]:
                if v.lemma_.lower() in self.t.strong_verbs and v.tag_.startswith("VB"):
                    between = doc[tok.i + 1:v.i]
                    if all(b.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PRON", "PUNCT") for b in between):
                        s, e = _trim(doc_text(doc), qs.start, tok.idx + 1)
                        return QuoteSpan(s, e, qs.open_mark, None, qs.paragraph, recovered=True, single=qs.single)
                    break
                if v.is_punct:
                    break
        return qs

    def _cut_at_attribution(self, doc: Doc, qs: QuoteSpan, cue: Token) -> QuoteSpan:
        """An unclosed quote that runs into its own attribution ends at the comma before it."""
        text = doc_text(doc)
        cut = text.rfind(",", qs.start, cue.idx)
        if cut > qs.start:
            s, e = _trim(text, qs.start, cut + 1)
            return QuoteSpan(s, e, qs.open_mark, None, qs.paragraph, recovered=True, single=qs.single)
        return qs

    def _chained(self, st: _DocState, prev: QuoteSpan, qs: QuoteSpan, prev_ref: Optional[Referent] = None) -> bool:
        """A quote with no cue keeps the previous speaker when it continues that quote,
        or follows it closely (same or next paragraph) with no new speaker named between."""
        if qs.continues:
            return True
        gap = qs.paragraph - prev.paragraph
        if gap < 0 or gap > self.chain_paragraphs:
            return False
        refs = self._referents(st)
        doc = st.doc
        prev_end = doc.char_span(prev.outer_start, prev.outer_end, alignment_mode="expand").end
        attribution_end = self._sent(doc, prev_end - 1)[1] if prev_end < len(doc) else prev_end
        if prev_end < len(doc) and self._sent(doc, prev_end - 1)[1] <= prev_end:
            attribution_end = self._sent(doc, prev_end)[1]
        lo = bisect_left(st.referent_order, attribution_end)
        for i in st.referent_order[lo:]:
            if doc[i].idx >= qs.outer_start:
                break
            if st.quote_of_token[i] != -1:
                continue
            ref = refs[i]
            if doc[i].pos_ == "PRON" or ref.kind not in ("person", "org"):
                continue
            if prev_ref is not None and (ref is prev_ref or ref.ref is not None and prev_ref.ref is not None
                                         and ref.ref.name == prev_ref.ref.name):
                continue
            speaks = doc[i].head.lemma_.lower() in self.t.strong_verbs
            if ref.ref is not None or speaks:
                return False
        return True

    @staticmethod
    def _definite_singular(head: Token) -> bool:
        return head.pos_ in ("NOUN", "ADJ") and head.tag_ in ("NN", "JJ") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children)

    def _anonymous(self, cue: Optional[Token], subject: Token) -> bool:
        """'..., the official said on condition of anonymity' (a named speaker stays named)."""
        if cue is None or subject.pos_ in ("PROPN", "PRON"):
            return False
        lo, hi = self._sent(cue.doc, cue.i)
        return any(t.lower_ in self.t.anonymity_markers for t in cue.doc[max(lo, subject.i + 1):hi])

    def _evidence(self, doc: Doc, qs: QuoteSpan, cue: Optional[Token]):
        first = doc.char_span(qs.outer_start, qs.outer_end, alignment_mode="expand")
        lo, hi = first.start, first.end
        s_lo, s_hi = self._sent(doc, lo)[0], self._sent(doc, hi - 1)[1]
        if cue is not None and abs(cue.i - lo) < 80:
            s_lo, s_hi = min(s_lo, self._sent(doc, cue.i)[0]), max(s_hi, self._sent(doc, cue.i)[1])
        return evidence_between(doc, doc[s_lo].idx, doc[s_hi - 1].idx + len(doc[s_hi - 1].text))

    # ------------------------------------------------------------ noun phrases
    def _np_span(self, head: Token) -> Span:
        """The speaker as written: the head's phrase without relative clauses or trailing
        punctuation; an apposition naming the person is kept ("his father, John Smith")."""
        doc = head.doc
        lo, hi = head.i, head.i + 1
        for c in head.lefts:
            if c.dep_ in ("punct",) or c.is_space:
                continue
            lo = min(lo, c.left_edge.i)
        for c in head.rights:
            if c.dep_ in ("relcl", "acl", "advcl", "cc", "conj") or c.lower_ in _RELATIVE or c.is_space:
                break
            if c.dep_ == "punct":
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "from", "for", "at"):
                break
            hi = max(hi, c.right_edge.i + 1)
        # never into a quotation or past a colon
        for k in range(head.i + 1, hi):
            if _is_quote_mark(doc[k]) or doc[k].text == ":":
                hi = k
                break
        for k in range(head.i - 1, lo - 1, -1):
            if _is_quote_mark(doc[k]) or doc[k].text == ":":
                lo = k + 1
                break
        # stop at a comma unless an apposition follows it
        for k in range(head.i + 1, hi):
            if doc[k].text == "," and not (k + 1 < hi and doc[k + 1].pos_ in ("PROPN", "DET", "NOUN", "ADJ")
                                           and any(a.dep_ == "appos" for a in head.children if a.i > k)):
                hi = k
                break
            if doc[k].text in ",;" and k > head.i and any(a.dep_ == "appos" and a.i < k for a in head.children):
                hi = k
                break
        while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
            hi -= 1
        while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        return doc[lo:hi]

    def _semantic_head(self, head: Token) -> Token:
        """The noun a mis-parsed subject stands for ("the Bring Back Our Girls movement"
        parsed with 'Bring' as the subject): the last noun of its phrase before a comma."""
        if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return head
        doc = head.doc
        for t in doc[head.i:min(len(doc), head.i + 8)]:
            if t.is_punct or t.is_space:
                break
            if t.pos_ == "NOUN" and t.head.i in range(head.i, t.i + 1) or t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj"):
                return t
        return head

    def _mention_at(self, st: _DocState, t: Token):
        """The entity of the article one of whose mentions covers token `t`."""
        i = bisect_right(st.mention_starts, t.idx) - 1
        while i >= 0 and i >= bisect_right(st.mention_starts, t.idx) - 4:
            s, e, ent = st.mentions[i]
            if s <= t.idx < e:
                return ent
            i -= 1
        return None

    def _ner_at(self, st: _DocState, t: Token) -> Optional[Span]:
        i = bisect_right(st.ner_starts, t.idx) - 1
        if i >= 0:
            s, e, span = st.ner[i]
            if s <= t.idx < e:
                return span
        return None

    # ------------------------------------------------------------ resolution
    def _resolve(self, st: _DocState, head: Token, np: Optional[Span] = None) -> Optional[Referent]:
        ref = self._referents(st).get(head.i) if np is None else None
        if ref is not None:
            return ref
        return self._resolve_np(st, head, np)

    def _entity_referent(self, st: _DocState, ent) -> Referent:
        if ent.type != "PERSON" and " " not in ent.name.strip():
            # a surname the entities component typed as a place or body: the person named in full
            fuller = next((e for e in st.entities if e.type == "PERSON" and len(e.name.split()) > 1
                           and e.name.split()[-1] == ent.name.strip()), None)
            if fuller is not None:
                ent = fuller
        etype = ent.type
        kind = "person" if etype == "PERSON" else "org" if etype == "ORGANIZATION" else "other"
        gender = None
        name = ent.name
        if etype == "PERSON":
            self._ensure_titles(st)
            name = self._clean_person_name(name)
            gender = (ent.attributes.gender if ent.attributes else None) or st.person_gender.get(ent.id) \
                or self._name_gender(name, self._titles_of(st, ent))
        return Referent(EntityRef(entity_id=ent.id, name=name), kind, gender, etype=etype)

    def _clean_person_name(self, name: str) -> str:
        """A person's name without the titles in front ('EC Chairperson Jane Doe' -> 'Jane Doe')."""
        words = name.split()
        while len(words) > 2 and (words[0].lower() in self.t.person_titles
                                  or words[0].isupper() and len(words[0]) <= 5):
            words.pop(0)
        if len(words) == 2 and words[0].lower() in self.t.person_titles and words[0].lower() not in self.t.male_names:
            words.pop(0)
        return " ".join(words)

    def _ensure_titles(self, st: _DocState) -> None:
        """Titles written before or beside each person's mentions ('Russian President X',
        'X, his sister'), and the gender they tell."""
        if st.titles_done:
            return
        st.titles_done = True
        doc = st.doc
        for ent in st.entities:
            if ent.type != "PERSON":
                continue
            words = st.person_titles.setdefault(ent.id, set())
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                k = span.start - 1
                while k >= 0 and span.start - k <= 5:
                    tok = doc[k]
                    if tok.lower_ in self.t.person_titles or tok.ent_type_ in ("NORP", "GPE") and tok.pos_ != "PUNCT":
                        words.add(tok.lower_)
                        k -= 1
                    else:
                        break
                for tok in span:
                    if tok.lower_ in self.t.person_titles:
                        words.add(tok.lower_)
                last = span[-1]
                for c in last.children:
                    if c.dep_ == "appos" and c.pos_ == "NOUN":
                        words.add(c.lemma_.lower())
                if last.dep_ == "appos" and last.head.pos_ == "NOUN":
                    words.add(last.head.lemma_.lower())
            for w in words:
                if w in self.t.male_titles:
                    st.person_gender.setdefault(ent.id, "male")
                elif w in self.t.female_titles:
                    st.person_gender.setdefault(ent.id, "female")

    def _name_gender(self, name: str, titles=()) -> Optional[str]:
        for title in titles or ():
            for w in str(title).lower().split():
                if w in self.t.male_titles:
                    return "male"
                if w in self.t.female_titles:
                    return "female"
        for w in name.split():
            lw = w.lower().strip(".,")
            if lw in self.t.person_titles and lw not in self.t.male_names and lw not in self.t.female_names:
                if lw in self.t.male_titles:
                    return "male"
                if lw in self.t.female_titles:
                    return "female"
                continue
            if lw in self.t.male_names:
                return "male"
            if lw in self.t.female_names:
                return "female"
            return None
        return None

    def _strip_titles(self, tokens: list[Token]) -> list[Token]:
        out = list(tokens)
        while len(out) > 1 and (out[0].lower_ in self.t.person_titles or out[0].ent_type_ in ("NORP", "GPE")
                                or out[0].tag_ == "POS" or out[0].lower_ in _DETERMINERS):
            out.pop(0)
        # "Al Jazeera's Zein Basravi": the name starts after the possessive
        for k, t in enumerate(out):
            if t.tag_ == "POS" and k + 1 < len(out):
                out = out[k + 1:]
                break
        return out

    def _name_referent(self, st: _DocState, head: Token) -> Optional[Referent]:
        """A proper name the entities component did not list: the name as written, titles stripped."""
        span = self._ner_at(st, head)
        if span is not None and span.label_ in ("GPE", "NORP"):
            return Referent(None, "other", etype="COUNTRY")
        if span is not None:
            toks = [t for t in span if not t.is_punct or t.text in "-.'’"]
            kind = "person" if span.label_ == "PERSON" else "org"
        else:
            toks = [t for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "flat") or t.i == head.i]
            toks = [t for t in toks if t.pos_ == "PROPN" or t.i == head.i]
            kind = "person" if head.ent_type_ == "PERSON" else "org" if head.ent_type_ == "ORG" else "person"
        toks = self._strip_titles(toks)
        if toks and toks[-1].tag_ == "POS":
            toks = toks[:-1]
        if not toks:
            return None
        name = doc_text(head.doc)[toks[0].idx:toks[-1].idx + len(toks[-1])]
        if kind == "person":
            name = self._fuller_name(st, name)
            return Referent(EntityRef(name=name), "person", self._name_gender(name), etype="PERSON")
        return Referent(EntityRef(name=name), "org", etype="ORGANIZATION")

    def _fuller_name(self, st: _DocState, name: str) -> str:
        """'Smith' -> 'John Smith' when the article names him in full."""
        if " " in name:
            return name
        for s, e, span in st.ner:
            if span.label_ == "PERSON" and len(span) > 1 and span[-1].text == name:
                return " ".join(t.text for t in self._strip_titles(list(span)))
        return name

    def _resolve_np(self, st: _DocState, head: Token, np: Optional[Span] = None) -> Optional[Referent]:
        """Who the phrase headed by `head` stands for."""
        t = self.t
        lower = head.lower_
        lemma = head.lemma_.lower()
        np = np if np is not None else self._np_span(head)
        # an entity of the article: the head itself, an apposition, or (for "a ministry official") a modifier
        ent = self._mention_at(st, head)
        if ent is not None and lemma not in t.person_heads | t.org_heads | t.document_heads:
            ref = self._entity_referent(st, ent)
            if ref.kind != "person" and head.pos_ == "PROPN":
                # "Mr Novak", "President Novak": a person whatever type the name was given
                title = next((c.lower_ for c in head.lefts if c.dep_ == "compound" and c.lower_ in _NAME_TITLES), None)
                if title is not None:
                    ref.kind, ref.etype = "person", "PERSON"
                    ref.gender = "male" if title in t.male_titles else "female" if title in t.female_titles else None
            return ref
        appos = [c for c in head.children if c.dep_ == "appos"]
        for a in appos:
            ea = self._mention_at(st, a)
            person_noun = lemma in t.person_heads or lemma in t.person_titles
            if ea is not None and (ea.type == "PERSON" or person_noun and a.pos_ == "PROPN"):
                # "his brother, Babak": a person whatever type the name was given
                ref = self._entity_referent(st, ea)
                ref.kind, ref.etype = "person", "PERSON"
                self._note_title(st, ea, lemma)
                if ref.gender is None:
                    ref.gender = st.person_gender.get(ea.id)
                return ref
            if a.pos_ == "PROPN" and (a.ent_type_ == "PERSON" or person_noun and a.ent_type_ not in ("GPE", "NORP", "ORG")):
                ref = self._name_referent(st, a)
                if ref is not None and person_noun:
                    ref.kind, ref.etype = "person", "PERSON"
                    if lemma in t.male_titles or lemma in t.female_titles:
                        ref.gender = "male" if lemma in t.male_titles else "female"
                return ref
        if ent is not None:
            return self._entity_referent(st, ent)
        if lower in t.pronouns:
            return self._resolve_pronoun(st, head)
        key = norm_name(np.text)
        if key in st.aliases and lemma not in t.anonymous_heads:
            return self._entity_referent(st, st.aliases[key])
        if lemma in t.document_heads or lower in t.document_heads:
            return self._resolve_document(st, head)
        if head.pos_ == "PROPN" and lemma not in t.person_heads and lemma not in t.org_heads:
            return self._name_referent(st, head)
        if lemma in t.person_heads or lower in t.person_heads:
            return self._resolve_person_description(st, head, np)
        if lemma in t.org_heads or lower in t.org_heads:
            return self._resolve_org_description(st, head, np)
        return Referent(None, "other", plural=head.tag_ in ("NNS", "NNPS"))

    def _inner_entity(self, st: _DocState, np: Span, head: Token, types=("ORGANIZATION",)):
        for tok in np:
            if tok.i == head.i:
                continue
            if tok.dep_ == "amod" and tok.head.i == head.i and tok.pos_ == "ADJ":
                continue
            ent = self._mention_at(st, tok)
            if ent is not None and ent.type in types:
                return ent
        return None

    def _determiner(self, np: Span, head: Token) -> Optional[str]:
        det = next((c for c in head.children if c.dep_ in ("det", "poss", "nummod") and c.i < head.i), None)
        return det.lower_ if det is not None else None

    def _resolve_person_description(self, st: _DocState, head: Token, np: Span) -> Referent:
        t = self.t
        lemma = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS")
        gender = "male" if lemma in t.male_titles else "female" if lemma in t.female_titles else None
        if lemma not in ("source",):
            org = self._inner_entity(st, np, head)
            if org is not None:
                return self._entity_referent(st, org)
            org_name = self._inner_org_name(st, np, head)
            if org_name is not None:
                return Referent(EntityRef(name=org_name), "org", etype="ORGANIZATION")
        det = self._determiner(np, head)
        if det in _DETERMINERS or det is None and plural:
            # a definite description: the titled person it names, or an earlier description like it
            found = self._antecedent_for_role(st, head, lemma, plural)
            if found is not None:
                return found
            return Referent(None, "person", gender, plural=plural, unresolved=det == "the" and not plural)
        return Referent(None, "person", gender, plural=plural)

    def _inner_org_name(self, st: _DocState, np: Span, head: Token) -> Optional[str]:
        """'a Bomb Disposal Squad official': a capitalized body name in the phrase."""
        toks = [x for x in np if x.i < head.i and x.dep_ == "compound" and x.pos_ == "PROPN"
                and x.ent_type_ not in ("NORP", "GPE", "PERSON") and x.lower_ not in self.t.person_titles]
        if len(toks) >= 2 and toks[-1].lower_ in self.t.org_heads:
            return " ".join(x.text for x in toks)
        return None

    def _note_title(self, st: _DocState, ent, word: str) -> None:
        st.person_titles.setdefault(ent.id, set()).add(word)
        if word in self.t.male_titles:
            st.person_gender.setdefault(ent.id, "male")
        elif word in self.t.female_titles:
            st.person_gender.setdefault(ent.id, "female")

    def _titles_of(self, st: _DocState, ent) -> set:
        titles = set(st.person_titles.get(ent.id, set()))
        for title in (ent.attributes.titles if ent.attributes else []) or []:
            titles.update(str(title).lower().split())
        return titles

    def _antecedent_for_role(self, st: _DocState, head: Token, lemma: str, plural: bool) -> Optional[Referent]:
        roles = self.t.role_synonyms.get(lemma, frozenset({lemma}))
        role_words = {w for r in roles for w in r.split()}
        refs = self._referents(st)
        self._ensure_titles(st)
        best_pos, best = -1, None
        if not plural:
            origin = {c.lower_ for c in head.children if c.ent_type_ in ("NORP", "GPE")}
            titled = [ent for ent in st.entities if ent.type == "PERSON" and self._titles_of(st, ent) & role_words]
            if origin and any(self._titles_of(st, e) & origin for e in titled):
                titled = [e for e in titled if self._titles_of(st, e) & origin]
            for ent in titled:
                for m in ent.mentions:
                    if m.start < head.idx and m.start > best_pos:
                        best_pos, best = m.start, self._entity_referent(st, ent)
        # an earlier phrase with the same head ("a Houthi official" ... "the official")
        for i in reversed(st.referent_order):
            if i >= head.i:
                continue
            tok = st.doc[i]
            if tok.idx <= best_pos:
                break
            if tok.lemma_.lower() == lemma or (plural and tok.tag_ in ("NNS", "NNPS") and
                                                 tok.lemma_.lower() in self.t.person_heads):
                if refs[i].ref is None and plural and lemma not in self.t.anonymous_heads:
                    # "The Colombian bishops ... the bishops": the group as first named
                    group = self._np_span(tok)
                    words = [x for x in group if x.lower_ not in _DETERMINERS and not x.is_punct]
                    if len(words) > 1 and any(x.text[:1].isupper() for x in words):
                        name = doc_text(st.doc)[words[0].idx:words[-1].idx + len(words[-1])]
                        return Referent(EntityRef(name=name), "org", plural=True, etype="ORGANIZATION")
                return refs[i]
        return best

    def _resolve_org_description(self, st: _DocState, head: Token, np: Span) -> Referent:
        lemma = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS")
        inner = self._inner_entity(st, np, head, ("ORGANIZATION",))
        if inner is not None:
            return self._entity_referent(st, inner)
        if any(x.ent_type_ in ("GPE", "NORP") for x in np if x.i != head.i) and lemma in ("government", "authorities", "authority", "side", "regime"):
            return Referent(None, "org", etype="COUNTRY", plural=plural)
        det = self._determiner(np, head)
        modifiers = [x for x in np if x.i != head.i and x.dep_ not in ("det", "punct") and x.lower_ not in _DETERMINERS]
        if det in _INDEFINITE:
            return Referent(None, "org", plural=plural)
        # an entity of the article whose name has this head ("the ministry" -> "Ministry of Defence")
        best_pos, best = -1, None
        for ent in st.entities:
            if ent.type != "ORGANIZATION":
                continue
            if lemma not in norm_name(ent.name).split() and not any(lemma in norm_name(a).split() for a in ent.aliases):
                continue
            for m in ent.mentions:
                if best_pos < m.start < head.idx:
                    best_pos, best = m.start, ent
        if best is not None and not modifiers:
            return self._entity_referent(st, best)
        if modifiers:
            # "the Israeli prime minister's office": the body named as written
            toks = [x for x in np if x.lower_ not in _DETERMINERS]
            name = doc_text(st.doc)[toks[0].idx:toks[-1].idx + len(toks[-1])] if toks else np.text
            return Referent(EntityRef(name=name), "org", plural=plural, etype="ORGANIZATION")
        # an earlier, fuller phrase with the same head ("the ministry of home affairs")
        chunk = self._earlier_chunk(st, head, lemma)
        if chunk is not None:
            return chunk
        if lemma in ("organization", "organisation", "group", "agency", "body"):
            ent = self._recent_entity(st, head.idx, ("ORGANIZATION",))
            if ent is not None:
                return self._entity_referent(st, ent)
        return Referent(None, "org", plural=plural)

    def _recent_entity(self, st: _DocState, before: int, types):
        i = bisect_left(st.mention_starts, before) - 1
        while i >= 0:
            s, e, ent = st.mentions[i]
            if ent.type in types:
                return ent
            i -= 1
        return None

    def _earlier_chunk(self, st: _DocState, head: Token, lemma: str) -> Optional[Referent]:
        """An earlier, fuller phrase with the same head noun ("the ministry of home affairs"
        before "the ministry"): its entity, or its words as the body's name."""
        doc = st.doc
        for tok in reversed(doc[max(0, head.i - 1500):head.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            lo = min([c.left_edge.i for c in tok.lefts if c.dep_ != "punct"] + [tok.i])
            end = tok.i
            for x in tok.rights:
                if x.lower_ == "of":
                    end = x.right_edge.i
            if lo == tok.i and end == tok.i:
                continue
            phrase = doc[lo:end + 1]
            inner = self._inner_entity(st, phrase, tok, ("ORGANIZATION",))
            if inner is not None:
                return self._entity_referent(st, inner)
            toks = [x for x in phrase if x.lower_ not in _DETERMINERS and x.dep_ != "det"]
            if toks and (len(toks) > 1 or end > tok.i):
                name = doc_text(doc)[toks[0].idx:doc[end].idx + len(doc[end])]
                return Referent(EntityRef(name=name), "org", etype="ORGANIZATION")
        return None

    def _resolve_document(self, st: _DocState, head: Token) -> Optional[Referent]:
        """A statement, a press release, a document: the speaker is its author."""
        if head.i in st.documents_open:
            return None
        st.documents_open.add(head.i)
        try:
            return self._document_author(st, head)
        finally:
            st.documents_open.discard(head.i)

    def _document_author(self, st: _DocState, head: Token) -> Optional[Referent]:
        owner = self._document_owner(st, head)
        if owner is not None:
            return owner
        # the author of the last statement or document the article mentioned
        for tok in reversed(st.doc[max(0, head.i - 400):head.i]):
            if tok.lemma_.lower() in self.t.document_heads and tok.pos_ in ("NOUN", "PROPN"):
                o = self._document_owner(st, tok)
                if o is not None:
                    return o
                # "X said in a statement": the statement's author is the subject of its verb
                if tok.head.dep_ == "prep" or tok.dep_ == "pobj":
                    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
                    if verb.lemma_.lower() in self.t.strong_verbs:
                        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
                        if subj is not None and subj.lemma_.lower() not in self.t.document_heads:
                            return self._resolve(st, subj)
        return Referent(None, "document")

    def _document_owner(self, st: _DocState, head: Token) -> Optional[Referent]:
        doc = st.doc
        if head.i + 2 < len(doc) and doc[head.i + 1].lower_ in ("from", "by") and \
                not any(c.dep_ == "prep" for c in head.children):
            # "read a statement from Hamas", the 'from' phrase attached elsewhere by the parser
            obj = self._next_nominal(doc, head.i + 2)
            if obj is not None and obj.lemma_.lower() not in self.t.document_heads:
                return self._resolve_np(st, obj)
        for c in head.children:
            if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her"):
                return self._resolve_np(st, c)
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in self.t.document_heads:
                    # "the Official Journal of the European Union": the body it is of, even when
                    # the whole title was taken as one name
                    named = st.aliases.get(norm_name(self._np_span(obj).text))
                    if named is not None and named is not self._mention_at(st, head):
                        return self._entity_referent(st, named)
                    return self._resolve_np(st, obj)
        ent = self._inner_entity(st, self._np_span(head), head, ("ORGANIZATION", "PERSON"))
        if ent is not None:
            return self._entity_referent(st, ent)
        return None

    # ------------------------------------------------------------ light coreference
    def _referents(self, st: _DocState) -> dict:
        """Subjects of the article in order, each resolved (pronouns against earlier ones)."""
        if st.referents is not None:
            return st.referent_at
        st.referents = []
        st.referent_order = []
        doc = st.doc
        for tok in doc:
            according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 \
                and doc[tok.head.i - 1].lower_ == "according"
            # "Mrs X and Mr Y signed": each conjoined subject is a subject
            conjoined = tok.dep_ == "conj" and tok.head.dep_ in _SUBJ and tok.pos_ in ("PROPN", "NOUN")
            if not (according or conjoined) and (
                    tok.dep_ not in _SUBJ or tok.lower_ in _RELATIVE or tok.lower_ in _FIRST_SECOND):
                continue
            if tok.pos_ == "PRON" and tok.lower_ not in self.t.pronouns:
                continue
            ref = self._resolve_np(st, tok)
            if ref is None:
                continue
            st.referent_at[tok.i] = ref
            st.referent_order.append(tok.i)
            st.referents.append((tok.i, ref))
        return st.referent_at

    def _compatible(self, ref: Referent, gender: Optional[str], plural: bool) -> bool:
        if gender in ("male", "female"):
            return ref.kind == "person" and not ref.plural and ref.gender in (None, gender)
        if gender == "neuter":
            return ref.kind in ("org", "document") or ref.etype in ("COUNTRY", "PLACE", "ORGANIZATION")
        if plural:
            return ref.plural or ref.kind == "org"
        return True

    def _resolve_pronoun(self, st: _DocState, head: Token) -> Optional[Referent]:
        gender, number = self.t.pronouns[head.lower_]
        plural = number == "plur"
        doc = st.doc
        limit = head.idx - self.pronoun_window_chars
        self._referents(st)
        order = st.referent_order
        k = bisect_left(order, head.i) - 1
        subject_at, found = -1, None
        while k >= 0:
            i = order[k]
            if doc[i].idx < limit:
                break
            ref = st.referent_at[i]
            if ref is not None and self._compatible(ref, gender, plural):
                subject_at, found = doc[i].idx, ref
                break
            k -= 1
        if gender in ("male", "female"):
            # a person named as an object ("X met Y. ... he said") in a later paragraph than any subject
            m = bisect_left(st.mention_starts, head.idx) - 1
            while m >= 0 and st.mentions[m][0] > max(subject_at, limit):
                ent = st.mentions[m][2]
                if ent.type == "PERSON":
                    ref = self._entity_referent(st, ent)
                    if self._compatible(ref, gender, plural):
                        if found is None or self._para(st, st.mentions[m][0]) > self._para(st, subject_at):
                            found = ref
                        break
                m -= 1
        if found is None:
            return Referent(None, "person" if gender in ("male", "female") else "other", gender, plural=plural)
        if gender in ("male", "female") and found.ref is not None and found.ref.entity_id:
            st.person_gender.setdefault(found.ref.entity_id, gender)
        if found.gender is None and gender in ("male", "female"):
            found.gender = gender
        return found


@Language.factory(
    "newsextract_quotes",
    default_config={"min_words": 3, "short_quote_words": 4, "chain_paragraphs": 1, "pronoun_window_chars": 1500},
)
def make_quotes(nlp: Language, name: str, min_words: int, short_quote_words: int, chain_paragraphs: int,
                pronoun_window_chars: int) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, min_words=min_words, short_quote_words=short_quote_words,
                          chain_paragraphs=chain_paragraphs, pronoun_window_chars=pronoun_window_chars)
