"""newsextract: news articles in, typed database-ready records out.

    >>> import newsextract
    >>> record = newsextract.extract("Russia and Ukraine swapped 63 prisoners on Saturday.",
    ...                              published="2023-02-04")
"""
from __future__ import annotations

import importlib.util as _importlib_util
import sys as _sys
from functools import lru_cache
from pathlib import Path as _Path
from typing import Optional


def _use_checkout_models() -> None:
    """In an installed package the data tables are `newsextract/models`; run from a
    source checkout (`python -m newsextract` in the repository, or an editable
    install) they sit in `../models`: register that folder under the same name, so
    both read alike and a checkout always reads its own tables."""
    root = _Path(__file__).resolve().parent.parent
    folder = root / "models"
    if not ((folder / "__init__.py").is_file() and (root / "pyproject.toml").is_file()):
        return
    spec = _importlib_util.spec_from_file_location(__name__ + ".models", folder / "__init__.py",
                                                   submodule_search_locations=[str(folder)])
    module = _importlib_util.module_from_spec(spec)
    _sys.modules[spec.name] = module
    spec.loader.exec_module(module)


_use_checkout_models()

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
