"""The shared text kernel: each piece of knowledge the components share, held once.

Every component imports from here instead of keeping a copy, so that two stages
can never disagree about a name, a sentence border or a quotation mark.

  tables      the one typed loader of the data tables in `models/`
  segments    where a segment (sentence or line) ends: a line break always ends one
  dates       date expressions: found in text, resolved against the publication date
"""
