"""The reporting-verb kernel: one table, one lookup per question."""
from __future__ import annotations

import pytest

from newsextract.text.reporting import ReportingTable, ReportingVerbs

reporting = ReportingVerbs.load()  # the packaged tables
from newsextract.text.tables import TableError, load_table


@pytest.mark.parametrize("question, word, expected", [
    (reporting.is_speech_verb, "say", True),
    (reporting.is_speech_verb, "tweet", True),
    (reporting.is_speech_verb, "describe", False),
    (reporting.is_speech_verb, "said", False),          # lemmas, not forms
    (reporting.is_stance_verb, "describe", True),
    (reporting.is_stance_verb, "say", True),            # every speech verb is a stance verb
    (reporting.is_stance_verb, "eat", False),
    (reporting.is_speech_form, "said", True),
    (reporting.is_speech_form, "say", False),
    (reporting.is_quoting_verb, "quote", True),
    (reporting.is_quoting_verb, "say", False),
    (reporting.is_addressee_verb, "tell", True),
    (reporting.is_addressee_verb, "say", False),
    (reporting.is_according, "according", True),
    (reporting.is_according, "accord", False),
    (reporting.is_aspectual, "continue", True),        # 'continue to be': no speech with an infinitive
    (reporting.is_aspectual, "say", False),
])
def test_lookups(question, word, expected):
    assert question(word) is expected


def test_a_customised_table_round_trips(tmp_path):
    verbs = ReportingVerbs.load()
    data = verbs.table.model_dump(by_alias=True)
    data["speech_verbs"]["words"].append("mutter")
    custom = ReportingVerbs(ReportingTable.model_validate(data))
    custom.to_disk(tmp_path)
    again = ReportingVerbs.load(tmp_path)
    assert again.is_speech_verb("mutter") and not verbs.is_speech_verb("mutter")


def test_a_misspelled_key_fails_at_load(tmp_path):
    (tmp_path / "reporting.json").write_text('{"speech_verb": {"words": []}}', "utf-8")
    with pytest.raises(TableError, match="reporting.json"):
        load_table("reporting.json", ReportingTable, tmp_path)


@pytest.mark.parametrize("word, expected", [
    ("Stated", True), ("continued", True), ("argues", True), ("replied", True), ("said", True),
    ("Reed", False), ("statement", False), ("arrived", False),
])
def test_speech_words_in_any_regular_inflection(word, expected):
    assert reporting.is_speech_word(word) is expected


def test_frame_verbs_introduce_a_speaker_but_are_no_speech_verbs():
    assert reporting.is_frame_verb("fume") and not reporting.is_speech_verb("fume")


@pytest.mark.parametrize("lemma, particle, expected", [
    ("shoot", "back", True), ("point", "out", True), ("put", "it", True),
    ("shoot", "down", False), ("point", "at", False), ("say", "back", False),
])
def test_phrasal_speech_verbs_need_their_particle(lemma, particle, expected):
    assert reporting.is_phrasal_speech(lemma, particle) is expected


def test_a_table_written_before_the_aspectual_list_still_loads(tmp_path):
    data = ReportingVerbs.load().table.model_dump(by_alias=True)
    del data["aspectual_verbs"]
    older = ReportingVerbs(ReportingTable.model_validate(data))
    assert not older.is_aspectual("continue") and older.is_speech_verb("continue")
