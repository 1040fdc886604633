"""newsextract: news articles in, typed database-ready records out.

    >>> import newsextract
    >>> record = newsextract.extract("Russia and Ukraine swapped 63 prisoners on Saturday.",
    ...                              published="2023-02-04")
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from .pipeline import Extractor, ModelNotFoundError, add_components, load_base_model
from .schema import SCHEMA_VERSION, Article, ArticleRecord, json_schema

__version__ = "0.1.0"
__all__ = [
    "Extractor", "ModelNotFoundError", "add_components", "load_base_model", "extract",
    "Article", "ArticleRecord", "SCHEMA_VERSION", "json_schema", "default_extractor",
]


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The extractor `newsextract.extract` uses, loaded on first use."""
    return Extractor()


def extract(text: str, *, id: Optional[str] = None, title: Optional[str] = None,
            published=None, url: Optional[str] = None) -> ArticleRecord:
    """Extract one article with the cached default extractor."""
    return default_extractor().extract(text, id=id, title=title, published=published, url=url)
