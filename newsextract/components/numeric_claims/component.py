"""The `newsextract_numeric_claims` component: factory, config, tables on disk.

It holds only what it loaded at construction (the compiled tables and its
settings); the work on an article happens in an `ArticleClaims` made per Doc.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers Doc._ extensions)
from ...schema import NumericClaim
from .article import ArticleClaims
from .lexicon import Lexicon, load_lexicon
from .tables import read_tables, write_tables


class NumericClaims:
    """Writes `doc._.ne_claims`: every number the article asserts, with what it counts.

    `keep_captions`: keep claims inside captions (flagged `in_caption`) instead of
    dropping them; `antecedent_sentences`: how many sentences back a left-out
    noun's antecedent may be; `zero_claims`: add "no casualties" as value 0,
    negated; `tables_path`: a folder holding the six tables (None: the packaged
    `models/`)."""

    def __init__(self, keep_captions: bool = False, antecedent_sentences: int = 6, zero_claims: bool = False,
                 tables_path: Optional[Union[str, Path]] = None):
        self.keep_captions = keep_captions
        self.zero_claims = zero_claims
        self.antecedent_sentences = antecedent_sentences
        self.lexicon: Lexicon = load_lexicon(tables_path)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ne_claims = self.claims(doc)
        return doc

    def claims(self, doc: Doc) -> list[NumericClaim]:
        """The claims of one Doc, without writing them on it."""
        article = ArticleClaims(self.lexicon, doc, self.keep_captions, self.antecedent_sentences)
        return article.claims(zero_claims=self.zero_claims)

    def to_disk(self, path: Union[str, Path], *, exclude=tuple()) -> None:
        """Write the component's tables into `path` (called by `nlp.to_disk`)."""
        write_tables(self.lexicon.tables, path)

    def from_disk(self, path: Union[str, Path], *, exclude=tuple()) -> "NumericClaims":
        """Read the tables back from `path` (called by `spacy.load`)."""
        self.lexicon = Lexicon(read_tables(path))
        return self


@Language.factory(
    "newsextract_numeric_claims",
    assigns=["doc._.ne_claims"],
    requires=["doc._.ne_entities", "doc.sents", "token.dep", "token.lemma", "token.tag", "token.ent_type"],
    default_config={"keep_captions": False, "antecedent_sentences": 6, "zero_claims": False, "tables_path": None},
)
def make_numeric_claims(nlp: Language, name: str, keep_captions: bool, antecedent_sentences: int,
                        zero_claims: bool, tables_path: Optional[str]) -> NumericClaims:
    return NumericClaims(keep_captions=keep_captions, antecedent_sentences=antecedent_sentences,
                         zero_claims=zero_claims, tables_path=tables_path)
