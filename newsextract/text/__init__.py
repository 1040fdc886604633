"""The shared text kernel: each piece of knowledge the components share, held once.

Every component imports from here instead of keeping a copy, so that two stages
can never disagree about a name, a sentence border or a quotation mark.

  tables       the one typed loader of the data tables in `models/`
  names        the name key two spellings of a name are compared on
  demonyms     the demonym table: adjective or people -> country (ISO alpha-2)
  quote_marks  quotation-mark spans, and whether an offset is inside a quotation
  people       given names, titles, and the gender they tell; person nouns, name particles
  reporting    reporting and attribution verbs ("said", "according to", "quoted as saying")
  segments     where a segment (sentence or line) ends: a line break always ends one
  dates        date expressions: found in text, resolved against the publication date
"""
