"""From mark spans to quotations: partial quotes, what is no quotation, captions,
duplicates, unbalanced marks."""
from __future__ import annotations

import pytest

from newsextract.components.quotes.spans import is_partial, is_quotation, word_count
from newsextract.components.quotes.state import QuoteSettings
from newsextract.components.quotes.tables import load_lexicon
from newsextract.text.quote_marks import find_quote_spans

from .pipeline import quotes_of, speaker


@pytest.mark.parametrize("text, partial", [
    ("He called the plan “a disgrace for the country.”", True),        # lower case start
    ("He described it as “Not Acceptable At All.”", True),             # after 'as'
    ("He said: “We will not leave.”", False),                          # after a colon
    ("“We will not leave,” he said.", False),                          # opens the paragraph
])
def test_partial_quotes(text, partial):
    qs = find_quote_spans(text)[0]
    assert is_partial(text, qs, load_lexicon()) is partial


@pytest.mark.parametrize("text, quotation", [
    ("The so-called “special military operation” went on.", False),   # a scare marker before it
    ("Activists of the “Bring Back Our Girls” campaign marched.", False),   # a Title Cased name
    ("They shouted “no”.", False),                                     # too short
    ("They shouted “we will never give up”.", True),
])
def test_what_is_a_quotation_without_a_cue(text, quotation):
    qs = find_quote_spans(text)[0]
    quoted = text[qs.start:qs.end]
    lex = load_lexicon()
    assert is_quotation(text, qs, quoted, is_partial(text, qs, lex), None, lex, QuoteSettings()) is quotation


@pytest.mark.parametrize("text, quotes", [
    # a programme's or a work's title, after 'on', 'episode of' or a possessive, whatever its punctuation
    ("“We will never accept a deal that hurts workers,” Anna Lund said on Channel 9’s “The Week Ahead.”",
     ["We will never accept a deal that hurts workers,"]),
    ("In an interview on “Morning Desk,” Tom Reed said the plan was “dead on arrival in the Senate.”",
     ["dead on arrival in the Senate."]),
    ("On Tuesday’s episode of “The Night Report,” Tom Reed said: “We Will Win This Race.”",
     ["We Will Win This Race."]),
    # Title-Cased words a cue introduces are speech
    ("Tom Reed said: “We Will Win This Race.”", ["We Will Win This Race."]),
])
def test_titles_of_works_are_no_quotations(nlp, text, quotes):
    _, found = quotes_of(nlp, text)
    assert [q.text for q in found] == quotes


def test_word_count():
    assert word_count("We’ll see the U.S. state-run firm, 3.5 times") == 8


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = ("The government called it a “special operation” on Monday. "
            "Activists of the “Bring Back Our Girls” campaign marched in the capital. "
            "“We will keep marching every single day,” the campaign's leader Ama Osei said.")
    _, quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["We will keep marching every single day,"]


def test_unbalanced_article_still_gives_the_other_quotes(nlp):
    text = ("“We are ready to talk, the minister said on Friday.\n\n"
            "Officials said the meeting would take place in Oslo.\n\n"
            "“The delegation will arrive on Sunday,” Peter Hansen, a spokesman, said.\n\n"
            "“We hope for a deal soon,” he added.")
    doc, quotes = quotes_of(nlp, text)
    texts = [q.text for q in quotes]
    assert "The delegation will arrive on Sunday," in texts
    assert "We hope for a deal soon," in texts
    assert [speaker(q) for q in quotes if q.text.startswith(("The delegation", "We hope"))] == ["Peter Hansen"] * 2
    assert any(w.code == "quote_mark_recovered" for w in doc._.ne_warnings)
    recovered = [q for q in quotes if q.text.startswith("We are ready")]
    assert recovered and not recovered[0].text.endswith("said on Friday.")


def test_quotes_in_captions_are_not_emitted(nlp):
    caption = "Soldiers in Kyiv. “We will hold the line,” a soldier said. Photo: Reuters"
    body = "“We will hold the city at any cost,” General Ivan Petrenko said on Sunday."
    text = caption + "\n\n" + body
    _, quotes = quotes_of(nlp, text, regions=[("caption", 0, len(caption))])
    assert [q.text for q in quotes] == ["We will hold the city at any cost,"]


def test_duplicate_quote_is_kept_once(nlp):
    text = ("“The war must end now, before winter comes,” Pope Leo said.\n\n"
            "Speaking in Rome, the pope repeated: “The war must end now, before winter comes.”")
    _, quotes = quotes_of(nlp, text)
    assert len(quotes) == 1


def test_messy_article_does_not_fail(nlp):
    text = ("\"\"\n\n“ ” ‘ ’ ' \" «\n\n"
            "He said: “\n\n"
            "“We ‘will’ see,” “he said” ” “ she said.\n\n"
            "It's the '90s' problem, the parents' view, O'Brien's \"\" said.\n\n"
            + "“A very long quote goes on here " * 50 + "and never closes")
    doc, quotes = quotes_of(nlp, text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
