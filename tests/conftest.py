"""Session-wide fixtures: the spaCy pipeline and the Extractor are loaded once."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from newsextract.pipeline import add_components, load_base_model

    return add_components(load_base_model())


@pytest.fixture(scope="session")
def extractor():
    from newsextract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def base_nlp():
    from newsextract.pipeline import load_base_model

    return load_base_model()
