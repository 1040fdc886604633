"""The `Doc._` extensions newsextract's components read and write.

Set by the `Extractor` before the components run (all optional, so the
components also work in a plain `nlp.add_pipe(...)` pipeline):
  ne_regions    list of (kind, start_char, end_char): chrome, caption, credit...
  ne_published  ISO date string the article was published, or None
Written by the components, in pipeline order:
  ne_entities   list[schema.Entity]        (newsextract_entities)
  ne_mediations list[Mediation]            (newsextract_mediators: who mediated, in which
                                            sentence, actual or proposed; read by events)
  ne_claims     list[schema.NumericClaim]  (newsextract_numeric_claims)
  ne_quotes     list[schema.Quote]         (newsextract_quotes)
  ne_events     list[schema.Event]         (newsextract_events)
  ne_warnings   list[schema.RecordWarning] (any component may append)
"""
from spacy.tokens import Doc

DOC_EXTENSIONS = (
    "ne_regions", "ne_published", "ne_entities", "ne_mediations", "ne_claims", "ne_quotes", "ne_events", "ne_warnings",
)


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
