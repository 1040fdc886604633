"""The quotes stage: direct quotations and who said them (`newsextract_quotes`).

  component    the spaCy component and its factory
  tables       models/quotes.json, typed, with the people and reporting tables
  state        the per-article state (a DocState per Doc)
  spans        quotation-mark spans cut and filtered into quotations
  attribution  the cue and the speaker phrase's head
  context      the frames around a quotation with no cue: colon, signature, sentence before
  speakers     who a speaker phrase stands for
  persons      people as speakers: titles, gender, names
  documents    documents as speakers: the words naming their author
  phrases      token helpers: noun phrases, heads, name keys
"""
from .component import QuoteExtractor, extract_quotes, make_quotes

__all__ = ["QuoteExtractor", "extract_quotes", "make_quotes"]
