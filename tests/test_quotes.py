"""Quotes: spans from quotation marks, attribution patterns, speaker resolution."""
from __future__ import annotations

import pytest

from newsextract.quotes import find_quote_spans, norm_name


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quote_spans(text)]


# ---------------------------------------------------------------- spans (text only)

@pytest.mark.parametrize("text, expected", [
    ('"We will fight on," he said.', ["We will fight on,"]),
    ("“We will fight on,” he said.", ["We will fight on,"]),
    ("«We will fight on», he said.", ["We will fight on"]),
    # a single-quoted phrase inside a double-quoted quote stays part of it
    ("“He told me ‘never again’ and left,” she said.", ["He told me ‘never again’ and left,"]),
    # apostrophes are not quotation marks
    ("“It’s the people’s choice, not the generals’,” she said.", ["It’s the people’s choice, not the generals’,"]),
    # mixed glyphs: curly open, straight close
    ("He added: “The Church calls for the release of all\" and left.", ["The Church calls for the release of all"]),
    # a split quote gives two spans
    ("“We came,” she said, “and we stayed.”", ["We came,", "and we stayed."]),
    # wrong-way curly glyph read from context
    ("“We will fight as long as we can“ he said.", ["We will fight as long as we can"]),
    # single quotes as the only marks of a paragraph
    ("‘We will not leave,’ the mayor said.", ["We will not leave,"]),
])
def test_quote_spans(text, expected):
    assert _texts(text) == expected


def test_multi_paragraph_quote_is_one_span_per_paragraph_chained():
    text = ("The agency said: “The first part of the statement runs here.\n\n"
            "“The second paragraph continues it.”\n\nAfter that, normal text.")
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == [
        "The first part of the statement runs here.", "The second paragraph continues it."]
    assert spans[0].continued and spans[1].continues
    assert not spans[0].recovered


def test_unclosed_quote_is_recovered_within_its_paragraph():
    text = ("“We will not leave our homes, the mayor said.\n\n"
            "Later, “the town is calm now,” a resident said.")
    spans = find_quote_spans(text)
    assert spans[0].recovered and spans[0].close_mark is None
    assert text[spans[0].start:spans[0].end].startswith("We will not leave")
    # the next paragraph is read normally
    assert text[spans[1].start:spans[1].end] == "the town is calm now,"


def test_stray_opening_mark_keeps_sentences_and_the_rest():
    text = "He said “the first part is lost. Then “we go home,” she said."
    assert _texts(text) == ["the first part is lost.", "we go home,"]


def test_missing_opening_mark_at_paragraph_start():
    text = "We have done what we could,” the minister said.\n\nNothing else."
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["We have done what we could,"]
    assert spans[0].recovered


def test_no_quotes_no_spans():
    assert find_quote_spans("Nothing quoted here. The parents’ houses, Mark’s car, the ’90s.") == []


def test_norm_name():
    assert norm_name("The Bishops’ Conference") == "bishops conference"
    assert norm_name("Russia's defence ministry") == "russia defence ministry"


# ---------------------------------------------------------------- pipeline

def _quotes(nlp, text, regions=()):
    doc = nlp.make_doc(text)
    doc._.ne_regions = list(regions)
    doc._.ne_warnings = []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc, doc._.ne_quotes


def _speaker(q):
    return q.speaker.name if q.speaker is not None else None


ATTRIBUTION_PATTERNS = [
    # (article, quote starts with, speaker name or None, cue)
    ("“We will not give up the fight,” John Smith said on Monday.", "We will not give up", "John Smith", "said"),
    ("“We will not give up the fight,” said John Smith, the mayor of the town.", "We will not give up", "John Smith", "said"),
    ("John Smith said: “We will not give up the fight.”", "We will not give up", "John Smith", "said"),
    ("“We will not give up the fight,” John Smith told Reuters.", "We will not give up", "John Smith", "told"),
    ("According to John Smith, “the talks have failed completely.”", "the talks have failed", "John Smith", "according to"),
    ("John Smith wrote on Telegram: “The talks have failed completely.”", "The talks have failed", "John Smith", "wrote"),
    ("In a statement, John Smith said: “The talks have failed completely.”", "The talks have failed", "John Smith", "said"),
    ("“The talks have failed completely,” US Secretary of State John Smith said.", "The talks have failed", "John Smith", "said"),
    # anonymous speakers keep no entity
    ("“The talks have failed completely,” a senior official said.", "The talks have failed", None, "said"),
    ("“The talks have failed completely,” sources said.", "The talks have failed", None, "said"),
    ("“The talks have failed completely,” the official told reporters on condition of anonymity.",
     "The talks have failed", None, "told"),
    # 'X quoted Y as saying'
    ("“The money has arrived in the accounts,” the news agency quoted an unnamed source as saying.",
     "The money has arrived", None, ("quoted", "saying")),
    # a partial quote in reported speech: the speaker of the governing verb
    ("John Smith described the deal as “an important step toward peace” in his speech.",
     "an important step toward peace", "John Smith", "described"),
]


@pytest.mark.parametrize("text, start, speaker, cue", ATTRIBUTION_PATTERNS)
def test_attribution_patterns(nlp, text, start, speaker, cue):
    _, quotes = _quotes(nlp, text)
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    q = found[0]
    assert _speaker(q) == speaker
    assert q.cue in (cue if isinstance(cue, tuple) else (cue,))
    assert q.speaker_text and text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_split_quote_gives_two_quotes_with_one_speaker(nlp):
    _, quotes = _quotes(nlp, "“We came here to talk,” Maria Lopez said, “and we will stay until the end.”")
    assert [q.text for q in quotes] == ["We came here to talk,", "and we will stay until the end."]
    assert [_speaker(q) for q in quotes] == ["Maria Lopez", "Maria Lopez"]


def test_paragraph_continuation_keeps_the_speaker(nlp):
    text = ("“They are free and on home soil again,” Prime Minister Anna Berg told reporters.\n\n"
            "“They are in good condition given the circumstances.”\n\n"
            "The talks lasted two years.")
    _, quotes = _quotes(nlp, text)
    assert [_speaker(q) for q in quotes] == ["Anna Berg", "Anna Berg"]
    assert quotes[1].cue is None


def test_multi_paragraph_statement_keeps_its_speaker(nlp):
    text = ("In a statement, the Red Cross said: “Our teams have begun a humanitarian operation in the north.\n\n"
            "“The operation will last several days and will reach every family.”\n\n"
            "The war began two years ago.")
    _, quotes = _quotes(nlp, text)
    assert len(quotes) == 2
    assert _speaker(quotes[0]) == _speaker(quotes[1]) == "Red Cross"


def test_pronoun_chain_with_two_people_of_different_genders(nlp):
    text = ("Maria Lopez met John Smith in Geneva on Monday.\n\n"
            "“We had a difficult but useful meeting,” she said.\n\n"
            "“There is still a long way to go,” he said.\n\n"
            "Smith later flew home. “I am tired but hopeful,” he told reporters.")
    _, quotes = _quotes(nlp, text)
    assert [_speaker(q) for q in quotes] == ["Maria Lopez", "John Smith", "John Smith"]
    assert [q.speaker_text for q in quotes] == ["she", "he", "he"]


def test_pronoun_gender_from_titles(nlp):
    text = ("Mrs Kowalczyk and Mr Novak signed the agreement in Prague.\n\n"
            "“This is a historic day for both countries,” he said.")
    _, quotes = _quotes(nlp, text)
    assert _speaker(quotes[0]) is not None and "Novak" in _speaker(quotes[0])


def test_pronoun_it_keeps_the_organisation_of_the_chain(nlp):
    text = ("“The first payment has been sent to all the states on time,” the Finance Ministry said Monday.\n\n"
            "“The ministry of agriculture has released the second payment,” it said.")
    _, quotes = _quotes(nlp, text)
    assert _speaker(quotes[1]) == _speaker(quotes[0])
    assert quotes[0].speaker is not None and "Finance Ministry" in quotes[0].speaker.name


def test_description_resolves_to_titled_person(nlp):
    text = ("President Joe Biden welcomed the release of the prisoners on Monday.\n\n"
            "“This required difficult decisions that I did not take lightly,” the president said.")
    _, quotes = _quotes(nlp, text)
    assert _speaker(quotes[0]) == "Joe Biden"
    assert quotes[0].speaker_text == "the president"


def test_description_of_an_earlier_anonymous_speaker_stays_anonymous(nlp):
    text = ("A rebel official said on Saturday that the prisoners were handed over.\n\n"
            "“We handed over the prisoners to the mediators this morning,” the official told reporters.")
    _, quotes = _quotes(nlp, text)
    assert quotes[0].speaker is None and quotes[0].speaker_text == "the official"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = ("The government called it a “special operation” on Monday. "
            "Activists of the “Bring Back Our Girls” campaign marched in the capital. "
            "“We will keep marching every single day,” the campaign's leader Ama Osei said.")
    _, quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["We will keep marching every single day,"]


def test_unbalanced_article_still_gives_the_other_quotes(nlp):
    text = ("“We are ready to talk, the minister said on Friday.\n\n"
            "Officials said the meeting would take place in Oslo.\n\n"
            "“The delegation will arrive on Sunday,” Peter Hansen, a spokesman, said.\n\n"
            "“We hope for a deal soon,” he added.")
    doc, quotes = _quotes(nlp, text)
    texts = [q.text for q in quotes]
    assert "The delegation will arrive on Sunday," in texts
    assert "We hope for a deal soon," in texts
    assert [_speaker(q) for q in quotes if q.text.startswith(("The delegation", "We hope"))] == ["Peter Hansen"] * 2
    assert any(w.code == "quote_mark_recovered" for w in doc._.ne_warnings)
    recovered = [q for q in quotes if q.text.startswith("We are ready")]
    assert recovered and not recovered[0].text.endswith("said on Friday.")


def test_quotes_in_captions_are_not_emitted(nlp):
    caption = "Soldiers in Kyiv. “We will hold the line,” a soldier said. Photo: Reuters"
    body = "“We will hold the city at any cost,” General Ivan Petrenko said on Sunday."
    text = caption + "\n\n" + body
    _, quotes = _quotes(nlp, text, regions=[("caption", 0, len(caption))])
    assert [q.text for q in quotes] == ["We will hold the city at any cost,"]


def test_record_offsets_ids_and_fields(extractor):
    text = ("UNITED NATIONS — The envoy spoke after the vote.\n\n"
            "“We will fight as long as we can,” said Foreign Minister Elena Petrova. "
            "She added that the vote was “a clear message to the world”.")
    record = extractor.extract(text, id="t1")
    assert [q.id for q in record.quotes] == [f"Q{i}" for i in range(1, len(record.quotes) + 1)]
    for q in record.quotes:
        assert record.text[q.start:q.end] == q.text
        assert record.text[q.evidence.start:q.evidence.end] == q.evidence.text
        if q.speaker_start is not None:
            assert record.text[q.speaker_start:q.speaker_end] == q.speaker_text
        assert 0 <= q.confidence <= 1
    first, second = record.quotes
    assert first.speaker is not None and first.speaker.name == "Elena Petrova"
    assert first.is_partial is False
    assert second.is_partial is True
    assert second.speaker is not None and second.speaker.name == "Elena Petrova"
    assert second.speaker_text == "She"


def test_duplicate_quote_is_kept_once(nlp):
    text = ("“The war must end now, before winter comes,” Pope Leo said.\n\n"
            "Speaking in Rome, the pope repeated: “The war must end now, before winter comes.”")
    _, quotes = _quotes(nlp, text)
    assert len(quotes) == 1


MORE_PATTERNS = [
    # (article, [(quote start, speaker, speaker_text)])
    ("Speaking to reporters in Ankara, Turkish President Recep Tayyip Erdogan said:\n\n"
     "“We will continue our mediation efforts until peace comes.”",
     [("We will continue", "Recep Tayyip Erdogan", "Turkish President Recep Tayyip Erdogan")]),
    ("“I have not seen my son in three years,” said Olena, whose son is held abroad. “I just want him home.”",
     [("I have not seen", "Olena", "Olena"), ("I just want", "Olena", "Olena")]),
    ("“It is a good day for us,” Ms. Kim told The Associated Press. “I didn’t expect it at all,” the 45-year-old added.",
     [("It is a good day", "Kim", "Ms. Kim"), ("I didn’t expect", "Kim", "the 45-year-old")]),
    ("Foreign ministry spokeswoman Maria Zakharova criticised the decision. “This is a provocation,” she told "
     "state television. Foreign Minister Sergei Lavrov agreed. “We will respond to it,” he said.",
     [("This is a provocation", "Maria Zakharova", "she"), ("We will respond", "Sergei Lavrov", "he")]),
    ("“Negotiations are still ongoing in Cairo,” a Hamas official told AFP.",
     [("Negotiations are still", "Hamas", "a Hamas official")]),
    ("The ceasefire, which the UN called “a glimmer of hope for millions,” began at dawn.",
     [("a glimmer of hope", "UN", "the UN")]),
    ("“The fighters will be released in stages,” read a statement from Hamas.",
     [("The fighters will", "Hamas", "a statement")]),
    ("Zelensky: “We will bring all our people home.”", [("We will bring", "Zelensky", "Zelensky")]),
    ("“We pray for those still held captive,” the bishops’ conference tweeted.",
     [("We pray for", "bishops’ conference", "the bishops’ conference")]),
    ("“We have received 120 prisoners,” said Colonel Ahmed Saleh, a spokesman for the coalition. "
     "“Another group will follow,” the officer said.",
     [("We have received", "Ahmed Saleh", "Colonel Ahmed Saleh, a spokesman for the coalition"),
      ("Another group", "Ahmed Saleh", "the officer")]),
]


@pytest.mark.parametrize("text, expected", MORE_PATTERNS)
def test_more_attribution_patterns(nlp, text, expected):
    _, quotes = _quotes(nlp, text)
    got = [(q.text, _speaker(q), q.speaker_text) for q in quotes]
    assert len(got) == len(expected), got
    for (qtext, speaker, speaker_text), (start, want_speaker, want_text) in zip(got, expected):
        assert qtext.startswith(start)
        assert (speaker, speaker_text) == (want_speaker, want_text)


# ---------------------------------------------------------------- robustness

from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("ab ,.:\n\"“”‘’'«»—") + ["said", "He", "We"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_spans_are_ordered_inside_text_and_never_overlap(text):
    spans = find_quote_spans(text)
    last_end = -1
    for q in spans:
        assert 0 <= q.outer_start <= q.start < q.end <= q.outer_end <= len(text)
        assert q.start >= last_end
        assert "\n" not in text[q.start:q.end]
        last_end = q.end


def test_messy_article_does_not_fail(nlp):
    text = ("\"\"\n\n“ ” ‘ ’ ' \" «\n\n"
            "He said: “\n\n"
            "“We ‘will’ see,” “he said” ” “ she said.\n\n"
            "It's the '90s' problem, the parents' view, O'Brien's \"\" said.\n\n"
            + "“A very long quote goes on here " * 50 + "and never closes")
    doc, quotes = _quotes(nlp, text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
