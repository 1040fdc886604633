"""Lemmas as the counted-noun rules compare them: lower case, and singular where
the model leaves a plural alone."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon


def singular(word: str) -> str:
    """A plural noun's singular, for words the lemmatizer leaves alone (proper nouns)."""
    if len(word) > 3 and word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def lower_lemma(lex: Lexicon, tok: Token) -> str:
    """The token's lemma in lower case, plurals the model leaves alone made singular."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" or lemma == tok.lower_ and (tok.tag_ in ("NNS", "NNPS") or lemma.endswith("men")):
        lemma = singular(tok.lower_)
    return lex.lemma_fixes.get(lemma, lemma)
