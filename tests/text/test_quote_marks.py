"""The quotation-mark span finder: pairing, direction from context, recovery, the offset index."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from line_events import line_events

from newsextract.text import quote_marks
from newsextract.text.quote_marks import QuoteIndex, find_quote_spans


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quote_spans(text)]


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
    # a stray opening mark keeps the whole sentences before the next mark
    ("He said “the first part is lost. Then “we go home,” she said.", ["the first part is lost.", "we go home,"]),
    # nothing quoted: apostrophes of every kind
    ("Nothing quoted here. The parents’ houses, Mark’s car, the ’90s.", []),
    # a run of marks quotes nothing
    ('"' * 50, []),
    # two single marks typed as one double mark: one mark, never two apostrophes
    ("''We are ready,'' the mayor said.", ["We are ready,"]),
    ("``We are ready,'' the mayor said, ''and we will stay.''", ["We are ready,", "and we will stay."]),
    ("Mr. Lind added, ''the rest can wait.'' He left.", ["the rest can wait."]),
    ("She posted two words - ''Never again'' - and a photo of the lake.", ["Never again"]),
    # an apostrophe inside a doubled-mark quote stays an apostrophe
    ("''It's the farmers' land,'' he said.", ["It's the farmers' land,"]),
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


def test_doubled_marks_continue_a_quote_into_the_next_paragraph():
    text = "''The first part runs here.\n\n''The second part ends it.''\n\nThen prose."
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["The first part runs here.", "The second part ends it."]
    assert spans[0].continued and spans[1].continues
    assert text[spans[1].outer_start:spans[1].outer_end] == "''The second part ends it.''"


def test_unclosed_quote_is_recovered_within_its_paragraph():
    text = ("“We will not leave our homes, the mayor said.\n\n"
            "Later, “the town is calm now,” a resident said.")
    spans = find_quote_spans(text)
    assert spans[0].recovered and spans[0].close_mark is None
    assert text[spans[0].start:spans[0].end].startswith("We will not leave")
    assert text[spans[1].start:spans[1].end] == "the town is calm now,"


def test_missing_opening_mark_at_paragraph_start():
    text = "We have done what we could,” the minister said.\n\nNothing else."
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["We have done what we could,"]
    assert spans[0].recovered


@pytest.mark.parametrize("text, offset, inside", [
    ('He said "we go" now.', 8, True),          # the opening mark
    ('He said "we go" now.', 10, True),         # a word inside
    ('He said "we go" now.', 14, True),         # the closing mark
    ('He said "we go" now.', 15, False),        # right after it
    ('He said "we go" now.', 2, False),
    ('“Open to the end of the line\nand out', 20, True),
    ('“Open to the end of the line\nand out', 31, False),
])
def test_index_answers_whether_an_offset_is_quoted(text, offset, inside):
    assert QuoteIndex.of_text(text).inside(offset) is inside


def _line_events(fn, *args) -> int:
    """Python lines run in the span finder's module: an operation counter, not a clock."""
    return line_events((quote_marks.__file__,), fn, *args)


@pytest.mark.parametrize("unit", ["“a ", "“", "”a ", "“a b. ", '"a" ', "‘a ", "''a ", "''"])
def test_work_grows_linearly_with_the_number_of_marks(unit):
    small = _line_events(find_quote_spans, "He said " + unit * 400)
    large = _line_events(find_quote_spans, "He said " + unit * 800)
    assert large <= 2.2 * small, (small, large)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab ,.:\n\"“”‘’'«»—`") + ["said", "He", "We", "''"]), max_size=60).map("".join))
def test_spans_are_ordered_inside_text_and_never_overlap(text):
    spans = find_quote_spans(text)
    index = QuoteIndex(spans)
    last_end = -1
    for q in spans:
        assert 0 <= q.outer_start <= q.start < q.end <= q.outer_end <= len(text)
        assert q.start >= last_end
        assert "\n" not in text[q.start:q.end]
        assert index.at(q.start) is q
        last_end = q.end
