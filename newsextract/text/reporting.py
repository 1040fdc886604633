"""Reporting and attribution verbs: the one home of the verbs by which a text says
who said something ("said", "told", "according to", "quoted ... as saying").

The words live in `models/reporting.json`; a component reads them through its
`tables_path` as a `ReportingVerbs` (`ReportingVerbs.load(folder)`), and code that
needs only the packaged table uses `ReportingVerbs.load()` (read once per process).
Lookups take a lemma or a word form in lower case.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from .tables import Table, load_table, write_table

FILENAME = "reporting.json"


class WordList(Table):
    words: list[str]


class ReportingTable(Table):
    speech_verbs: WordList
    stance_verbs: WordList
    frame_verbs: WordList
    phrasal_speech_verbs: WordList
    speech_nouns: WordList
    speech_forms: WordList
    quoting_verbs: WordList
    addressee_verbs: WordList
    according_to: WordList
    aspectual_verbs: WordList = WordList(words=[])


class ReportingVerbs:
    """The reporting-verb table, compiled into sets for lookups."""

    def __init__(self, table: ReportingTable):
        self.table = table
        self.speech = frozenset(table.speech_verbs.words)
        self.stance = frozenset(table.stance_verbs.words) | self.speech
        self.frame = frozenset(table.frame_verbs.words)
        self.stance |= self.frame
        self.speech_nouns = frozenset(table.speech_nouns.words)
        self.phrasal: dict[str, frozenset] = {}
        for phrase in table.phrasal_speech_verbs.words:
            verb, particle = phrase.split(maxsplit=1)
            self.phrasal[verb] = self.phrasal.get(verb, frozenset()) | {particle}
        self.forms = frozenset(table.speech_forms.words)
        self.quoting = frozenset(table.quoting_verbs.words)
        self.addressee = frozenset(table.addressee_verbs.words)
        self.according = frozenset(table.according_to.words)
        self.aspectual = frozenset(table.aspectual_verbs.words)

    @classmethod
    def load(cls, folder: Optional[Union[str, Path]] = None) -> "ReportingVerbs":
        """From `folder`, else the packaged `models/` (read once per process)."""
        return cls(load_table(FILENAME, ReportingTable, folder)) if folder is not None else packaged()

    def to_disk(self, folder: Union[str, Path]) -> Path:
        return write_table(self.table, folder, FILENAME)

    def is_speech_verb(self, lemma: str) -> bool:
        """A verb that introduces or attributes direct speech: say, tell, add, warn..."""
        return lemma in self.speech

    def is_stance_verb(self, lemma: str) -> bool:
        """A verb whose clause may hold someone's words: every speech verb, and describe, call..."""
        return lemma in self.stance

    def is_frame_verb(self, lemma: str) -> bool:
        """A verb that, heading the sentence right before a quotation standing alone,
        introduces its speaker ('X fumed on Tuesday.'): echo, blast, wonder..."""
        return lemma in self.frame

    def is_speech_noun(self, lemma: str) -> bool:
        """A noun for an act of saying whose phrase may hold the words said: call, appeal, warning..."""
        return lemma in self.speech_nouns

    def is_phrasal_speech(self, lemma: str, particle: str) -> bool:
        """A verb and particle that are a speech verb together: ('shoot', 'back'), ('point', 'out')."""
        return particle in self.phrasal.get(lemma, ())

    def phrasal_particles(self, lemma: str) -> frozenset:
        """The particles that make `lemma` a speech verb ('shoot' -> {'back'}), empty if none."""
        return self.phrasal.get(lemma, frozenset())

    def is_speech_word(self, word: str) -> bool:
        """A word that is a speech verb in any regular inflection ('Stated', 'continues',
        'argued'): for words the tagger did not read as verbs."""
        w = word.lower()
        if w in self.forms or w in self.speech:
            return True
        for suffix, restore in (("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", ""), ("ied", "y"), ("ies", "y")):
            if w.endswith(suffix) and w[:-len(suffix)] + restore in self.speech:
                return True
        return False

    def is_speech_form(self, word: str) -> bool:
        """A form read as a speech verb whatever its tag: said, says, told..."""
        return word in self.forms

    def is_quoting_verb(self, lemma: str) -> bool:
        """quote, cite: 'X quoted Y as saying' (Y is the speaker)."""
        return lemma in self.quoting

    def is_addressee_verb(self, lemma: str) -> bool:
        """tell: the object is the one spoken to, never the speaker."""
        return lemma in self.addressee

    def is_aspectual(self, lemma: str) -> bool:
        """continue, keep: no speech verb when it governs an infinitive ('continue to be')."""
        return lemma in self.aspectual

    def is_according(self, word: str) -> bool:
        """The first word of 'according to X'."""
        return word in self.according


@lru_cache(maxsize=1)
def packaged() -> ReportingVerbs:
    return ReportingVerbs(load_table(FILENAME, ReportingTable))
