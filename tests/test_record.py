"""newsextract.record: from an article to the Doc, and from the Doc to the record.

The record builder is tested on its own with a blank tokenizer and hand-made
component results (so it does not depend on what the extractors find), then
end to end with the session extractor."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from newsextract.record import _cut_point, build_record, prepare_doc, text_hash
from newsextract.schema import Article, Entity, EntityRef, Evidence, Mention, Quote

from test_properties import assert_record_invariants, offset_problems


@pytest.fixture(scope="module")
def blank_nlp():
    from newsextract import extensions  # noqa: F401  (the Doc._ extensions)

    return spacy.blank("en")


def record_for(nlp, text, *, entities=(), quotes=(), max_chars=200_000, **article):
    doc, state = prepare_doc(nlp, Article(text=text, **article), max_chars=max_chars)
    doc._.ne_entities = list(entities)
    doc._.ne_quotes = list(quotes)
    return doc, build_record(doc, state)


# ---------------------------------------------------------------- offsets

def test_span_texts_are_resliced_from_the_source_text(blank_nlp):
    """A component reads the analysis text, where the cleaner blanked characters;
    the record's texts must be the source text at the same offsets."""
    text = "Anna\u200bSmith met Li\x00Wei in Kyiv."
    analysis_name = "Anna Smith"                     # what the model saw
    mention = Mention(text=analysis_name, start=0, end=10)
    quote = Quote(id="Q1", text="met Li Wei", start=11, end=21, speaker=EntityRef(name="Anna Smith"),
                  speaker_text=analysis_name, speaker_start=0, speaker_end=10,
                  evidence=Evidence(text="whatever the model saw", start=0, end=len(text)))
    entity = Entity(id="E1", name="Anna Smith", type="PERSON", mentions=[mention])
    doc, record = record_for(blank_nlp, text, entities=[entity], quotes=[quote])
    assert doc.text != record.text and len(doc.text) == len(record.text)
    assert record.entities[0].mentions[0].text == "Anna\u200bSmith"
    assert record.quotes[0].text == "met Li\x00Wei"
    assert record.quotes[0].speaker_text == "Anna\u200bSmith"
    assert record.quotes[0].evidence.text == text
    assert offset_problems(record.model_dump(mode="json")) == []


def test_a_speaker_without_offsets_keeps_its_words(blank_nlp):
    quote = Quote(id="Q1", text="We will win", start=1, end=12, speaker_text="he",
                  evidence=Evidence(text="", start=0, end=28))
    _, record = record_for(blank_nlp, '"We will win," he said today.', quotes=[quote])
    assert record.quotes[0].speaker_text == "he" and record.quotes[0].speaker_start is None
    assert record.quotes[0].evidence.text == '"We will win," he said today'


def test_offset_problems_reports_what_is_wrong():
    data = {"text": "abcdef", "quotes": [
        {"text": "bc", "start": 1, "end": 3, "speaker_text": "zz", "speaker_start": 4, "speaker_end": 6},
        {"text": "x", "start": 5, "end": 9},
        {"text": "", "start": 4, "end": 2},
    ]}
    problems = offset_problems(data)
    assert len(problems) == 3
    assert "speaker_text 'zz'" in problems[0] and "outside 0..6" in problems[1] and "4/2" in problems[2]


# ---------------------------------------------------------------- the size limit

@pytest.mark.parametrize("text, limit, cut", [
    ("a" * 60 + "\n\n" + "b" * 60, 100, 62),           # the last paragraph break before the limit
    ("a" * 60 + "\n" + "b" * 60, 100, 61),             # else the last line break
    ("a" * 60 + ". " + "b" * 60, 100, 62),             # else the last sentence end
    ("a" * 20 + "\n\n" + "b" * 120, 100, 100),         # a break in the first half does not count
    ("x" * 300, 100, 100),                             # else the limit itself
])
def test_cut_point(text, limit, cut):
    assert _cut_point(text, limit) == cut


def test_a_long_article_is_cut_at_a_paragraph_break_with_a_warning(blank_nlp):
    paragraphs = [f"Paragraph {i} reports that {i} people were freed in Kyiv on Monday." for i in range(40)]
    text = "\n\n".join(paragraphs)
    doc, record = record_for(blank_nlp, text, max_chars=1000)
    assert record.text == text                          # the record keeps the whole text
    assert len(doc.text) <= 1000 and doc.text.endswith("\n\n")
    assert text.startswith(doc.text)
    [warning] = [w for w in record.warnings if w.code == "text_truncated"]
    assert f"text has {len(text)} characters" in warning.message
    assert f"first {len(doc.text)}" in warning.message and "limit 1000" in warning.message


def test_the_extractor_reads_only_up_to_its_limit(extractor, monkeypatch):
    monkeypatch.setattr(extractor, "max_chars", 400)
    text = "\n\n".join(["Russia and Ukraine swapped 95 prisoners each on Saturday, officials said."] * 12)
    record = extractor.extract(text)
    assert record.text == text
    assert "text_truncated" in [w.code for w in record.warnings]
    assert_record_invariants(record, text)
    spans = [m for e in record.entities for m in e.mentions] + record.numeric_claims + record.quotes
    assert all(s.end <= 400 for s in spans)


def test_no_warning_under_the_limit(blank_nlp):
    _, record = record_for(blank_nlp, "Short text.", max_chars=100)
    assert record.warnings == []


# ---------------------------------------------------------------- id and metadata

def test_id_falls_back_to_the_text_hash(blank_nlp):
    _, record = record_for(blank_nlp, "Kyiv\r\nfreed 95.")
    assert record.text == "Kyiv\nfreed 95."
    assert record.text_hash == text_hash("Kyiv\nfreed 95.")
    assert record.id == "sha256:" + record.text_hash[:16]
    _, same = record_for(blank_nlp, "Kyiv\nfreed 95.", id="")
    assert same.id == record.id


def test_given_id_title_url_pass_through_except_lone_surrogates(blank_nlp):
    _, record = record_for(blank_nlp, "Text.", id="a/b 'c'; DROP", title="T\ud800", url="http://x/\udfff")
    assert record.id == "a/b 'c'; DROP"
    assert record.title == "T\ufffd" and record.url == "http://x/\ufffd"
    record.model_dump_json()                            # writable as UTF-8


def test_ids_differing_by_nul_or_a_lone_surrogate_stay_different(blank_nlp):
    given = ["a\x00b", "a\ufffdb", "a\ud800b", "a\udc00b", "a\ufffdb~" + "0" * 12]
    ids = [record_for(blank_nlp, "Text.", id=ident)[1].id for ident in given]
    assert len(set(ids)) == len(given)
    assert ids[:2] == ["a\x00b", "a\ufffdb"]                 # JSON holds NUL: kept as given
    assert ids[2].startswith("a\ufffdb~") and ids[3].startswith("a\ufffdb~")
    assert not any(c in i for i in ids for c in ("\ud800", "\udc00"))


@pytest.mark.parametrize("published, expected", [
    ("2024-03-02", dt.date(2024, 3, 2)),
    ("2024-03-02T10:15:00Z", dt.date(2024, 3, 2)),
    (dt.date(2024, 3, 2), dt.date(2024, 3, 2)),
    ("March 2, 2024", dt.date(2024, 3, 2)),
])
def test_published_given(blank_nlp, published, expected):
    _, record = record_for(blank_nlp, "KYIV, Jan. 5, 2020 (Reuters) — Talks resumed.", published=published)
    assert record.published.date == expected and record.published.source == "given"
    assert record.warnings == []


def test_published_inferred_from_the_top_of_the_text(blank_nlp):
    _, record = record_for(blank_nlp, "By Anna Smith\nMarch 2, 2024\n\nKYIV — Talks resumed on Saturday.")
    assert record.published.date == dt.date(2024, 3, 2) and record.published.source == "inferred"


def test_published_unknown(blank_nlp):
    _, record = record_for(blank_nlp, "Talks resumed on Saturday.")
    assert record.published.date is None and record.published.source is None


def test_unreadable_published_is_a_warning_not_an_error(blank_nlp):
    _, record = record_for(blank_nlp, "Talks resumed. March 2, 2024.", published="not a date at all")
    assert [w.code for w in record.warnings] == ["bad_published"]
    assert record.published.source in ("inferred", None)


# ---------------------------------------------------------------- evidence size

def test_an_over_long_evidence_sentence_is_cut_around_its_item(blank_nlp):
    """A page without sentence ends made every item carry the whole page as its
    evidence: a 28 KB text gave a 56 MB record."""
    from newsextract.schema import NumericClaim

    text = "figures " * 2000 + "and 95 prisoners " + "were freed " * 2000
    at = text.index("95")
    whole = Evidence(text=text, start=0, end=len(text))  # one object shared by two items
    claims = [NumericClaim(id="N1", text="95", start=at, end=at + 2, value=95, evidence=whole),
              NumericClaim(id="N2", text="fig", start=0, end=3, value=1, evidence=whole)]
    doc, state = prepare_doc(blank_nlp, Article(text=text))
    doc._.ne_claims = claims
    record = build_record(doc, state, max_evidence_chars=200)
    first, second = record.numeric_claims
    assert first.evidence.end - first.evidence.start == 200
    assert first.evidence.start <= at and at + 2 <= first.evidence.end
    assert abs((at - first.evidence.start) - (first.evidence.end - at - 2)) <= 1   # centred
    assert (second.evidence.start, second.evidence.end) == (0, 200)
    assert [w.code for w in record.warnings] == ["evidence_trimmed"]
    assert "2 evidence sentences" in record.warnings[0].message
    assert offset_problems(record.model_dump(mode="json")) == []


def test_ordinary_evidence_is_left_whole(extractor):
    text = "Russia and Ukraine exchanged 95 prisoners each on Saturday, the ministry said."
    record = extractor.extract(text)
    assert record.numeric_claims
    assert all(c.evidence.text in (text, text[:-1]) for c in record.numeric_claims)
    assert "evidence_trimmed" not in [w.code for w in record.warnings]
