"""The `newsextract_events` component: typed event records, who did what to whom,
where and when, mediated by whom, measured by which numbers.

Flow for one Doc (state in an `ArticleEvents` made per Doc):
  1. triggers (triggers.py): token lemmas and dependency patterns of models/events.json;
  2. per trigger, modality (modality.py) and the entities, numeric claims and dates
     of its sentence (arguments.py), each given to the nearest trigger, and the
     mediators the mediators component found there (doc._.ne_mediations, mediation.py);
  3. a mention told in several places or with several dates split into one per place
     or date, then mentions merged into events in a sentence and across the article,
     kept apart by places of one level, distinct cues and kinds (merging.py);
  4. an event is reported when it is in the lede, dated, measured or told by a finite
     past verb (records.py); its place (places.py) and its date worked out, and a deal
     shares place and mediator with the talks told with it.
Results go to `doc._.ne_events` as `schema.Event` records (ids V1, V2, ...).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers Doc._ extensions)
from ...text.demonyms import load_demonyms
from ...text.reporting import ReportingVerbs
from ...text.tables import load_table, write_table
from .arguments import fill, resolve_parties
from .article import ArticleEvents, EventSettings
from .lexicon import EventLexicon
from .mediation import give_article_mediator, sentence_mediators
from .places import share_with_talks
from .merging import cluster, merge_in_sentence, one_per_date, one_per_place
from .records import keep, record, shared_actors, talks_behind
from .statement import statement
from .tables import EventsTable
from .triggers import find_mentions

TABLE_FILE = "events.json"


@Language.factory(
    "newsextract_events",
    assigns=["doc._.ne_events"],
    requires=["doc._.ne_entities", "doc._.ne_mediations", "doc._.ne_claims", "token.dep", "token.lemma", "token.tag"],
    default_config={"lede_sentences": 3, "max_participants": 4, "participant_distance": 5, "main_date_slack": 7,
                    "voting_day_slack": 60, "tables_path": None},
)
def make_events(nlp: Language, name: str, lede_sentences: int, max_participants: int, participant_distance: int,
                main_date_slack: int, voting_day_slack: int, tables_path: Optional[str]) -> "EventExtractor":
    settings = EventSettings(lede_sentences=lede_sentences, max_participants=max_participants,
                             participant_distance=participant_distance, main_date_slack=main_date_slack,
                             voting_day_slack=voting_day_slack)
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
        self.reporting: Optional[ReportingVerbs] = None
        self.lexicon: Optional[EventLexicon] = None
        if tables_path is None or (Path(tables_path) / TABLE_FILE).is_file():
            self._load(tables_path)

    def _load(self, folder: Union[str, Path, None]) -> None:
        """The events table and the kernel's reporting verbs, from `folder` (None: packaged)."""
        self.table = load_table(TABLE_FILE, EventsTable, folder)
        self.reporting = ReportingVerbs.load(folder)
        self.lexicon = EventLexicon(self.table, self.reporting)

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            self._load(self.tables_path)
        doc._.ne_events = extract_events(ArticleEvents(self.lexicon, self.settings, self.demonym, doc))
        return doc

    def to_disk(self, path: Union[str, Path], exclude=tuple()) -> None:
        """Write the events table and the reporting verbs into `path` (nlp.to_disk)."""
        if self.table is None:
            self._load(self.tables_path)
        write_table(self.table, path, TABLE_FILE)
        self.reporting.to_disk(path)

    def from_disk(self, path: Union[str, Path], exclude=tuple()) -> "EventExtractor":
        """Read the tables back from `path` (spacy.load)."""
        self._load(path)
        return self


def extract_events(art: ArticleEvents) -> list:
    """The event records of one article."""
    art.mediators_by_sent, article_mediators = sentence_mediators(art.doc, art.sent_of, art.entities)
    mentions = find_mentions(art)
    fill(art, mentions)
    resolve_parties(art, mentions)
    mentions = merge_in_sentence(art, one_per_date(art, one_per_place(art, mentions)))
    clusters = cluster(art, mentions)
    kept = [c for c in clusters if keep(art, c)]
    clusters = [c for c in clusters if c in kept or talks_behind(art, c, kept)]
    st = statement(art)
    if st is not None:
        clusters.append(st)
    events = [record(art, c, f"V{i}") for i, c in enumerate(clusters, 1)]
    share_with_talks(art, clusters, events)
    give_article_mediator(art, events, article_mediators)
    shared_actors(art, events)
    return events
