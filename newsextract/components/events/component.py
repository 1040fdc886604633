"""The `newsextract_events` component: typed event records, who did what to whom,
where and when, mediated by whom, measured by which numbers.

Flow for one Doc (state in an `ArticleEvents` made per Doc):
  1. triggers (triggers.py): token lemmas and dependency patterns of models/events.json;
  2. per trigger, modality (modality.py) and the entities, numeric claims and dates
     of its sentence (arguments.py, mediation.py), each given to the nearest trigger;
  3. mentions merged into events in a sentence, then across the article (merging.py);
  4. an event is reported when it is in the lede, dated or measured (records.py).
Results go to `doc._.ne_events` as `schema.Event` records (ids V1, V2, ...).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers Doc._ extensions)
from ...text.demonyms import load_demonyms
from ...text.tables import load_table, write_table
from .arguments import fill
from .article import ArticleEvents, EventSettings
from .lexicon import EventLexicon
from .mediation import give_article_mediator, role_mediators
from .merging import cluster, merge_in_sentence
from .records import keep, record, shared_actors, talks_behind
from .statement import statement
from .tables import EventsTable
from .triggers import find_mentions

TABLE_FILE = "events.json"


@Language.factory(
    "newsextract_events",
    assigns=["doc._.ne_events"],
    requires=["doc._.ne_entities", "doc._.ne_claims", "token.dep", "token.lemma", "token.tag"],
    default_config={"lede_sentences": 3, "max_participants": 4, "participant_distance": 5, "main_date_slack": 7,
                    "tables_path": None},
)
def make_events(nlp: Language, name: str, lede_sentences: int, max_participants: int, participant_distance: int,
                main_date_slack: int, tables_path: Optional[str]) -> "EventExtractor":
    settings = EventSettings(lede_sentences=lede_sentences, max_participants=max_participants,
                             participant_distance=participant_distance, main_date_slack=main_date_slack)
    return EventExtractor(nlp, name, settings=settings, tables_path=tables_path)


class EventExtractor:
    """Holds the events table, indexed once; each Doc is worked on by its own `ArticleEvents`.

    The table is read at construction from `tables_path` (None: the packaged one). A
    saved pipeline loaded where that folder no longer exists reads the copy it carries
    (`from_disk`, called by spacy.load); used before that, it fails naming the folder."""

    def __init__(self, nlp: Optional[Language] = None, name: str = "newsextract_events",
                 settings: EventSettings = EventSettings(), tables_path: Union[str, Path, None] = None):
        self.name = name
        self.settings = settings
        self.demonym = load_demonyms().country
        self.tables_path = tables_path
        self.table: Optional[EventsTable] = None
        self.lexicon: Optional[EventLexicon] = None
        if tables_path is None or (Path(tables_path) / TABLE_FILE).is_file():
            self._load(load_table(TABLE_FILE, EventsTable, tables_path))

    def _load(self, table: EventsTable) -> None:
        self.table = table
        self.lexicon = EventLexicon(table)

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            self._load(load_table(TABLE_FILE, EventsTable, self.tables_path))
        doc._.ne_events = extract_events(ArticleEvents(self.lexicon, self.settings, self.demonym, doc))
        return doc

    def to_disk(self, path: Union[str, Path], exclude=tuple()) -> None:
        """Write the events table into `path` (nlp.to_disk)."""
        if self.table is None:
            self._load(load_table(TABLE_FILE, EventsTable, self.tables_path))
        write_table(self.table, path, TABLE_FILE)

    def from_disk(self, path: Union[str, Path], exclude=tuple()) -> "EventExtractor":
        """Read the events table back from `path` (spacy.load)."""
        self._load(load_table(TABLE_FILE, EventsTable, path))
        return self


def extract_events(art: ArticleEvents) -> list:
    """The event records of one article."""
    mentions = find_mentions(art)
    fill(art, mentions)
    mentions = merge_in_sentence(art, mentions)
    clusters = cluster(art, mentions)
    kept = [c for c in clusters if keep(art, c)]
    clusters = [c for c in clusters if c in kept or talks_behind(art, c, kept)]
    st = statement(art)
    if st is not None:
        clusters.append(st)
    mediators_by_sent, article_mediators = role_mediators(art)
    events = [record(art, c, f"V{i}", mediators_by_sent) for i, c in enumerate(clusters, 1)]
    give_article_mediator(art, events, article_mediators)
    shared_actors(art, events)
    return events
