"""From an article to a `Doc` ready for the pipeline, and from the processed `Doc`
to the `ArticleRecord` (the public contract)."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Optional, Union

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from .text import dates
from .cleaning import CleanedText, clean, scrub_surrogates
from .io.tables import storable_key
from .schema import Article, ArticleRecord, Evidence, Published, RecordWarning

# An evidence sentence longer than this (a page without sentence ends) is cut to a
# window around its item; else every item would carry the whole page and the record
# would grow with the square of the text.
MAX_EVIDENCE_CHARS = 1500


ArticleLike = Union[str, Article, Mapping]


def text_hash(text: str) -> str:
    """The sha256 of a text (lone surrogates included as they are)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def as_article(item: ArticleLike) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    if isinstance(item, Mapping):
        return Article.model_validate(dict(item))
    raise TypeError(f"an article is a str, a dict or an Article, not {type(item).__name__}")


def record_id(given: Optional[str], digest: str) -> str:
    """The record's id: the one given, else `sha256:` and the start of the text hash.

    A lone surrogate cannot be written as UTF-8; replacing it alone would make
    different ids one, so such an id also carries a hash of the original (see
    `storable_key`). NUL stays: JSON holds it, and each database key is made
    storable the same way."""
    if given is None or given == "":
        return f"sha256:{digest[:16]}"
    return storable_key(str(given), keep_nul=True)


@dataclass
class ArticleState:
    """What the record needs besides the Doc: the input and the cleaner's output."""

    article: Article
    cleaned: CleanedText
    published: Published
    index: int = 0
    warnings: list[RecordWarning] = field(default_factory=list)


def _given_date(value, warnings) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = dates.parse_published(str(value))
    if parsed is None:
        warnings.append(RecordWarning(code="bad_published", message=f"could not read published date {str(value)[:80]!r}"))
    return parsed


def _cut_point(text: str, limit: int) -> int:
    """Where to stop reading a text longer than `limit`: the last paragraph break
    before the limit, else the last sentence end, else the limit itself."""
    for sep in ("\n\n", "\n", ". "):
        cut = text.rfind(sep, 0, limit)
        if cut > limit // 2:
            return cut + len(sep)
    return limit


def prepare_doc(nlp: Language, article: Article, *, index: int = 0, max_chars: int = 200_000):
    warnings: list[RecordWarning] = []
    cleaned = clean(article.text)
    analysis = cleaned.analysis
    if len(analysis) > max_chars:
        cut = _cut_point(analysis, max_chars)
        warnings.append(RecordWarning(
            code="text_truncated",
            message=f"text has {len(analysis)} characters; only the first {cut} were analysed (limit {max_chars})"))
        analysis = analysis[:cut]
    given = _given_date(article.published, warnings)
    if given is not None:
        published = Published(date=given, source="given")
    else:
        inferred = dates.infer_published(cleaned.text[:2000])
        published = Published(date=inferred, source="inferred" if inferred else None)
    doc = nlp.make_doc(analysis)
    # the regions of the part that was read (the record keeps them all)
    doc._.ne_regions = [(r.kind, r.start, min(r.end, len(analysis))) for r in cleaned.regions
                        if r.start < len(analysis)]
    doc._.ne_published = published.date.isoformat() if published.date else None
    doc._.ne_warnings = []
    return doc, ArticleState(article=article, cleaned=cleaned, published=published, index=index, warnings=warnings)


@lru_cache(maxsize=None)
def _span_fields(model: type) -> tuple[tuple[str, str, str], ...]:
    """The (start, end, text) field names of a model class: `start`/`end`/`text`, or
    `x_start`/`x_end`/`x_text` (a quote's `speaker_*`), so a new field that follows
    the pattern is covered. Worked out once per class, not per item."""
    fields = model.model_fields
    out = []
    for name in fields:
        if name == "start" or name.endswith("_start"):
            prefix = name[: -len("start")]
            if prefix + "end" in fields and prefix + "text" in fields:
                out.append((name, prefix + "end", prefix + "text"))
    return tuple(out)


def _reslice(obj, source: str) -> None:
    """Make every span's text the source text at its offsets (the analysis text the
    model read differs from it only where the cleaner blanked characters)."""
    if isinstance(obj, list):
        for item in obj:
            _reslice(item, source)
        return
    if not isinstance(obj, BaseModel):
        return
    for start_name, end_name, text_name in _span_fields(type(obj)):
        start, end = getattr(obj, start_name), getattr(obj, end_name)
        if isinstance(start, int) and isinstance(end, int):
            setattr(obj, text_name, source[start:end])
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, (BaseModel, list)):
            _reslice(value, source)


def _window(evidence: Evidence, lo: int, hi: int, limit: int) -> Evidence:
    """`evidence` narrowed to at most `limit` characters, centred on [lo, hi)."""
    if evidence.end - evidence.start <= limit:
        return evidence
    lo, hi = max(lo, evidence.start), min(max(hi, lo), evidence.end)
    start = max(evidence.start, lo - max(0, limit - (hi - lo)) // 2)
    end = min(evidence.end, start + limit)
    start = max(evidence.start, end - limit)
    return Evidence(text="", start=start, end=end)


def _bound_evidence(obj, limit: int) -> int:
    """Narrow every over-long evidence in `obj` (an item's around the item itself,
    others from their start); returns how many were narrowed."""
    if isinstance(obj, list):
        return sum(_bound_evidence(item, limit) for item in obj)
    if not isinstance(obj, BaseModel):
        return 0
    narrowed = 0
    start, end = getattr(obj, "start", None), getattr(obj, "end", None)
    centre = (start, end) if isinstance(start, int) and isinstance(end, int) else None
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, Evidence):
            lo, hi = centre or (value.start, value.start)
            new = _window(value, lo, hi, limit)
            if new is not value:
                setattr(obj, name, new)
                narrowed += 1
        elif isinstance(value, list) and value and isinstance(value[0], Evidence):
            for i, ev in enumerate(value):
                new = _window(ev, *(centre or (ev.start, ev.start)), limit)
                if new is not ev:
                    value[i] = new
                    narrowed += 1
        elif isinstance(value, (BaseModel, list)):
            narrowed += _bound_evidence(value, limit)
    return narrowed


def build_record(doc: Doc, state: ArticleState, *, max_evidence_chars: int = MAX_EVIDENCE_CHARS) -> ArticleRecord:
    art, source = state.article, state.cleaned.text
    digest = text_hash(source)
    record = ArticleRecord(
        id=record_id(art.id, digest),
        title=scrub_surrogates(art.title),
        url=scrub_surrogates(art.url),
        published=state.published,
        text_hash=digest,
        text=source,
        regions=state.cleaned.regions,
        entities=doc._.ne_entities or [],
        numeric_claims=doc._.ne_claims or [],
        quotes=doc._.ne_quotes or [],
        events=doc._.ne_events or [],
        warnings=state.warnings + list(doc._.ne_warnings or []),
    )
    sections = (record.entities, record.numeric_claims, record.quotes, record.events)
    narrowed = sum(_bound_evidence(section, max_evidence_chars) for section in sections)
    if narrowed:
        record.warnings.append(RecordWarning(
            code="evidence_trimmed",
            message=f"{narrowed} evidence sentences longer than {max_evidence_chars} characters "
                    "were cut to a window around their item"))
    for section in sections:
        _reslice(section, source)
    return record
