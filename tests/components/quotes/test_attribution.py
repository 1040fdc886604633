"""Attribution: which cue attributes a quote, and the head of its speaker phrase."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsextract.components.quotes import extract_quotes
from newsextract.components.quotes.state import QuoteSettings
from newsextract.components.quotes.tables import load_lexicon
from line_events import line_events

from .handmade import build, colon_quotes, said_quotes
from .pipeline import quotes_of, speaker

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
    # a participle on a document: the subject of the verb the document is the object of
    ("Mayor Tom Reed issued a statement saying the plan was “a disgrace to the whole town.”",
     "a disgrace to the whole town", "Tom Reed", "saying"),
    # '..., said X' after a clause of its own: the subject after the verb
    ("The promise to “take the country back” appeals to older voters, said Alan Brooks, a demographer "
     "at the state university.", "take the country back", "Alan Brooks", "said"),
    # a speech verb the quote's own words govern as a complement is no cue for it
    ("In an interview on Monday, Senator Tom Reed said any candidate who wants to win the state "
     "“owes it to the voters” to answer questions.", "owes it to the voters", "Tom Reed", "said"),
    # a speech verb made of a verb and its particle, before or after the quote
    ("After the vote, Anna Lund shot back, “The council has ignored the town for years.”",
     "The council has ignored", "Anna Lund", "shot"),
    ("“The council has ignored the town for years,” Anna Lund shot back.", "The council has ignored",
     "Anna Lund", "shot"),
    # a verb of thinking or worrying whose clause holds the quote
    ("In the depths of the crisis, Tom Reed worried that the new rules were becoming “a trap for the poor.”",
     "a trap for the poor", "Tom Reed", "worried"),
    # a noun for an act of saying: its possessor, else the subject of the verb it hangs from ...
    ("President Lena Vos closed the summit with a call for members to keep fighting for “dignity and peace "
     "in every country.”", "dignity and peace", "Lena Vos", "call"),
    ("Mayor Tom Reed repeated his warning that the dam was “close to breaking after three days of rain.”",
     "close to breaking", "Tom Reed", "warning"),
    # ... unless a speech verb reports the whole
    ("The state news agency KUNA said Prince Ali Saud delivered a message to the emir dealing with “bilateral "
     "relations and the latest regional developments.”", "bilateral relations", "KUNA", "said"),
    # a document's author named by its participle's agent
    ("According to a statement issued by group spokesman John Smith, the two sides “will keep the truce for "
     "another month.”", "will keep the truce", "John Smith", "according to"),
    # a name set before its description, and a name whose description has a clause of its own
    ("“It is not the position that everything is fine,” Gene Sperling, a top outside adviser to the campaign, "
     "said at an event in Iowa.", "It is not the position", "Gene Sperling", "said"),
    ("“Clinton needs a strategy for the third-party voters,” Nate Silver, the analyst who founded the website, "
     "tweeted on Wednesday.", "Clinton needs a strategy", "Nate Silver", "tweeted"),
    # an infinitive no reporting verb governs reports nothing
    ("President Lena Vos closed the summit with a call for members to continue fighting for “peace and dignity "
     "in the region.”", "peace and dignity", "Lena Vos", "call"),
    ("President Lena Vos ended the two-day gathering of trade ministers at the fair in the capital, with a call "
     "for member states to continue pushing for “open ports and fair tariffs.”",
     "open ports and fair tariffs", "Lena Vos", "call"),
    # the clause a comma opens onto the quote outranks a cue in the sentence after it
    ("Filippo Grandi, the head of the agency, reacted to the deal, “I am concerned about any agreement that "
     "sends people back.” He demands a review of the deal.", "I am concerned", "Filippo Grandi", "reacted"),
    # a subject parsed as a title: the person the title is followed by
    ("Council members met on Friday. Speaker of the Assembly Rep. Maria Lopez (D-NM) said “the budget cannot "
     "pass in this form.”", "the budget cannot pass", "Maria Lopez", "said"),
    ("“We will find whoever did this,” Greenville police Chief Tom Reed said Monday.", "We will find whoever",
     "Tom Reed", "said"),
    # a place the parse took for the subject, with the person set beside it
    ("Speaking at a rally in Dayton, Ohio, Anna Lund went after her rival, calling him “a coward in a "
     "good suit.”", "a coward in a good suit", "Anna Lund", "calling"),
    # a participle hung from the words of the quotation before it: the clause outside them
    ("Tom Reed told the paper that Anna Lund “had a plan that was never going to work,” adding, “She lost "
     "every town in the north.”", "She lost every town", "Tom Reed", "adding"),
    # 'continue to be' tells how long, not who speaks
    ("In a statement, Tom Reed said he is certain Anna Lund will continue to be “a strong voice for the "
     "farmers of the state.”", "a strong voice for the farmers", "Tom Reed", "said"),
    # a partial quote under a stance verb that a speech verb reports: the speech verb's subject ...
    ("Tom Reed said at a rally that Anna Lund once described the trade pact as “the best deal in history” "
     "before she turned against it.", "the best deal in history", "Tom Reed", "said"),
    # ... but a clause of its own keeps its verb's subject
    ("In a statement, the army said its soldiers had shown “great restraint,” though Human Rights Watch "
     "accused them of deciding “to shoot first and ask questions later.”",
     "to shoot first", "Human Rights Watch", "accused"),
    # a participle after a comma speaks for the clause whose subject can speak, not the nearest verb's
    ("Tom Reed argued that a toll would keep trucks off the old bridge, saying it is “simply about keeping "
     "the bridge standing.”", "simply about keeping", "Tom Reed", "saying"),
    ("Opponents were quick to respond, with Tom Reed tweeting that it was a “fiasco” for the council and "
     "asking, “Who approved a budget with no money for the schools?”", "Who approved a budget", "Tom Reed", "asking"),
    # verbs of taking a side quote their subject's words
    ("In a speech on Friday, Tom Reed attacked “the reckless spending of the city council.”",
     "the reckless spending", "Tom Reed", "attacked"),
    ("Anna Lund supports “a longer school day for every pupil” in her plan.",
     "a longer school day", "Anna Lund", "supports"),
    ("Tom Reed credited the win to “a great many volunteers knocking on doors in the rain.”",
     "a great many volunteers", "Tom Reed", "credited"),
    # no space between the comma and the quotation mark
    ("Lawmakers met on Tuesday. Maria Lopez said,“The vote will happen next week.”",
     "The vote will happen", "Maria Lopez", "said"),
    # a date before the description is no name set beside it
    ("At the town hall in Greenville Monday, the longtime supporter retorted: “There is no better "
     "candidate in this race.”", "There is no better candidate", None, "retorted"),
]


@pytest.mark.parametrize("text, start, who, cue", ATTRIBUTION_PATTERNS)
def test_attribution_patterns(nlp, text, start, who, cue):
    _, quotes = quotes_of(nlp, text)
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    q = found[0]
    assert speaker(q) == who
    assert q.cue in (cue if isinstance(cue, tuple) else (cue,))
    assert q.speaker_text and text[q.speaker_start:q.speaker_end] == q.speaker_text


@pytest.mark.parametrize("text, speakers", [
    # 'he' after a quotation is the man named since the quotation before, not its speaker
    ("“The plan is a gift to the banks,” Tom Reed tweeted on Monday.\n\nPeter Lund, the mayor, fired back: "
     "“As the man who wrote the plan,” he wrote, “I know what is in it.”",
     ["Tom Reed", "Peter Lund", "Peter Lund"]),
    # ... and the speaker of the quotation before when no one else is named since
    ("The ministry of transport gave the figures on Monday. “Repairs have begun on every main road,” the "
     "ministry said.\n\n“The ministry of defence has lent us 40 trucks for the work,” it said.",
     ["ministry of transport", "ministry of transport"]),
    ("“The plan is a gift to the banks,” Tom Reed told reporters on Monday.\n\n“It will cost every family "
     "a fortune,” he said.", ["Tom Reed", "Tom Reed"]),
])
def test_a_pronoun_after_a_quotation(nlp, text, speakers):
    _, quotes = quotes_of(nlp, text)
    assert [speaker(q) for q in quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # the subject of a passive verb, not its agent, speaks in the verb's conjunct
    ("As the band stopped playing, Anna Lund was joined on stage by Senator Tom Reed and joked, “You have "
     "all been far too patient tonight,” drawing loud cheers.", ["Anna Lund"]),
    # a conjunct parsed under the reported clause speaks for the one who reports it
    ("Standing before volunteers at the campaign office, Anna Lund, 64, said it was too soon to celebrate "
     "but added, “We all know which way the count is going.”", ["Anna Lund"]),
    # a cue after the quote that reports words of its own does not attribute the quote
    ("“It is a dark day for the league,” Tom Reed told reporters outside the stadium in Leeds. “Nobody "
     "checked the accounts for years.” Chairwoman Anna Lund said she would have resigned.",
     ["Tom Reed", "Tom Reed"]),
])
def test_the_speaker_beyond_the_nearest_verb(nlp, text, speakers):
    _, quotes = quotes_of(nlp, text)
    assert [speaker(q) for q in quotes] == speakers


def test_split_quote_gives_two_quotes_with_one_speaker(nlp):
    _, quotes = quotes_of(nlp, "“We came here to talk,” Maria Lopez said, “and we will stay until the end.”")
    assert [q.text for q in quotes] == ["We came here to talk,", "and we will stay until the end."]
    assert [speaker(q) for q in quotes] == ["Maria Lopez", "Maria Lopez"]


def _two_frame_verbs():
    """Smith described “a big step forward” called by Jones: the quote hangs from two
    frame verbs at the same distance, so only the order of its words can choose."""
    return build([
        ("Smith", "NNP", None, 1, "nsubj", True),
        ("described", "VBD", "describe", None, "ROOT", True),
        ("“", "``", None, 1, "punct", False),
        ("a", "DT", None, 5, "det", True),
        ("big", "JJ", None, 5, "amod", True),
        ("step", "NN", None, 1, "dobj", True),
        ("forward", "RB", None, 8, "advmod", False),
        ("”", "''", None, 1, "punct", True),
        ("called", "VBD", "call", 1, "conj", True),
        ("by", "IN", None, 8, "agent", True),
        ("Jones", "NNP", None, 9, "pobj", False),
        (".", ".", None, 1, "punct", False),
    ])


def test_of_two_subjects_parsed_the_one_nearest_before_the_verb_speaks():
    """'In Dover, Delaware, Reed went after Lund, calling him "a coward."' parsed with both the
    place and the person as the verb's subjects: the person, right before the verb, speaks."""
    doc = build([
        ("In", "IN", None, 6, "prep", True),
        ("Dover", "NNP", None, 0, "pobj", False),
        (",", ",", None, 6, "punct", True),
        ("Delaware", "NNP", None, 6, "nsubj", False),
        (",", ",", None, 6, "punct", True),
        ("Reed", "NNP", None, 6, "nsubj", True),
        ("went", "VBD", "go", None, "ROOT", True),
        ("after", "IN", None, 6, "prep", True),
        ("Lund", "NNP", None, 7, "pobj", False),
        (",", ",", None, 6, "punct", True),
        ("calling", "VBG", "call", 6, "advcl", True),
        ("him", "PRP", None, 10, "dobj", True),
        ("“", "``", None, 14, "punct", False),
        ("a", "DT", None, 14, "det", True),
        ("coward", "NN", None, 10, "oprd", False),
        (".", ".", None, 6, "punct", False),
        ("”", "''", None, 6, "punct", False),
    ])
    quotes = extract_quotes(doc, load_lexicon(), QuoteSettings(min_words=2))
    assert [(q.cue, q.speaker_text) for q in quotes] == [("calling", "Reed")]


def test_a_tie_between_cues_is_broken_by_the_quote_not_by_memory():
    """The same Doc built again lands elsewhere in memory; Tokens hash by their Doc's
    address, so a set of them iterates in another order: the cue must not follow it."""
    lexicon, settings = load_lexicon(), QuoteSettings()
    docs = [_two_frame_verbs() for _ in range(40)]      # all alive at once: 40 addresses
    cues = [[(q.cue, q.speaker_text) for q in extract_quotes(doc, lexicon, settings)] for doc in docs]
    assert cues == [[("described", "Smith")]] * len(docs)


def _line_events(fn, *args) -> int:
    """Python lines run in the quotes package and the text kernel: an operation counter."""
    import newsextract.components.quotes as package
    import newsextract.text as kernel
    return line_events((str(Path(package.__file__).parent), str(Path(kernel.__file__).parent)), fn, *args)


def test_attribution_work_is_linear_in_a_run_of_quotes():
    """One sentence of many '“...,” he said': each quote looks at a bounded stretch."""
    lexicon, settings = load_lexicon(), QuoteSettings()
    small_doc, large_doc = said_quotes(60), said_quotes(120)
    small = _line_events(extract_quotes, small_doc, lexicon, settings)
    large = _line_events(extract_quotes, large_doc, lexicon, settings)
    assert len(extract_quotes(large_doc, lexicon, settings)) == 120
    assert large <= 2.3 * small, (small, large)


def test_context_work_is_linear_in_a_run_of_framed_quotes():
    """One sentence of many 'Smith: “...”' with no cue: each frame is read over a bounded stretch."""
    lexicon, settings = load_lexicon(), QuoteSettings()
    small_doc, large_doc = colon_quotes(60), colon_quotes(120)
    small = _line_events(extract_quotes, small_doc, lexicon, settings)
    large = _line_events(extract_quotes, large_doc, lexicon, settings)
    assert large <= 2.3 * small, (small, large)
