"""Attribution from the context of a quotation with no cue beside it: the frame a
colon closes, and the sentence right before a quotation standing alone."""
from __future__ import annotations

import pytest

from .pipeline import quotes_of, speaker

CONTEXT_PATTERNS = [
    # (article, [speaker of each quotation, in order])
    # a colon closing a clause whose verb is no reporting verb
    ("Mayor Tom Reed was blunt in his verdict: “The plan cannot go ahead as written.”", ["Tom Reed"]),
    # a colon ending the paragraph before: the frame holds for the paragraphs that follow
    ("Mayor Tom Reed issued the following statement:\n\n“Our prayers are with the families of the victims.”\n\n"
     "“We will rebuild every house.”", ["Tom Reed", "Tom Reed"]),
    # a verbless frame after a dash
    ("Signs of a shift were there all along - More from Anna Lund: “The data show a clear change in the "
     "last week of the race.”", ["Anna Lund"]),
    # a frame naming a place or an outlet, or no one, gives no speaker
    ("Mayor Tom Reed spoke in May. Then, later that month on Channel Four: “I have never said we made a mistake.”",
     [None]),
    ("The rules are simple: “No one enters after dark and no one leaves before dawn.”", [None]),
    # a subject and a verb right after a quotation ending in a comma or '!' attribute it, whatever the verb
    ("“Go back to your seat,” Mayor Tom Reed barked as a guard led the man out.", ["Tom Reed"]),
    ("“This is fantastic!” beamed Anna Lund of Greenville, who had come to see the parade.", ["Anna Lund"]),
    # ... but after a '?' a capital may open a new sentence of its own
    ("“Why should I be surprised?” Tom Reed asked.\n\n“It has been years.” Anna Lund retweeted the message to "
     "her followers.", ["Tom Reed", "Tom Reed"]),
    # a name after a dash signs the quotation, on its line or the next
    ("Voters were asked about the race.\n\n“I will vote for the first time this year and I am excited.” — "
     "Maria Lopez\n\n“The economy is what matters to me.” - John Smith, 45", ["Maria Lopez", "John Smith"]),
    ("Anna Berg spoke at length.\n\n“We need more schools in the north.”\n\n- Anna Berg.\n\nThe claim is partly "
     "true.", ["Anna Berg"]),
    # on the quotation's own line, a name with at most a verbless description signs it ...
    ("Students spoke about the vote.\n\n“I will vote for the first time this year and I am excited.” Maria Lopez, "
     "19, student", ["Maria Lopez"]),
    ("Young voters told us why they care.\n\n“I want a president who respects my family.” (Julia R. Ortiz Manzano, "
     "19)\n\n“We are tired of being used,” Ramona Gutiérrez, 22, Tucson", ["Julia R. Ortiz Manzano", "Ramona Gutiérrez"]),
    # the horizontal bar of a testimonial, with or without a space
    ("Shoppers told us about the new market.\n\n“The stalls open far too late for working people.” ― Olga "
     "Petrenko\n“I found fresh bread for half the price.”― Karim Haddad", ["Olga Petrenko", "Karim Haddad"]),
    # ... but a line of its own with no dash may be a photo credit
    ("“We will rebuild the school before winter.”\n\nAnna Berg / Reuters", [None]),
    # a name signing the frame after a dash outranks the verb before it
    ("Pollsters agree - Anna Lund: “One lesson was simple: keep on contacting voters as late as possible.”",
     ["Anna Lund"]),
    # an inverted frame ('Said X:') and a frame whose colon hangs from a clause inside it
    ("Economist Mark Novak studied the budget. Said Novak: “The numbers do not add up for the second year.”",
     ["Mark Novak"]),
    ("Former governor Anna Lund explained in detail what had gone wrong with the tender in a letter to the "
     "council: “The bids came in late. Half the firms were never told.”", ["Anna Lund"]),
    # a frame whose subject speaks for no one, ending in a person's name
    ("The late swing in the count came as no shock to the statistician Daniel Hart: “Rural ballots are "
     "always counted last in this county.”", ["Daniel Hart"]),
    # a transcript's line: the capitalized label opening it
    ("The debate went on for an hour.\n\n“PENCE: We will cut taxes for every family in this country.”\n\n"
     "“KAINE: That is not what your plan says.”", ["PENCE", "KAINE"]),
    # the sentence before a quotation standing alone introduces its speaker
    ("Mayor Tom Reed fumed on Tuesday.\n\n“This is a disgrace and the town deserves better.”", ["Tom Reed"]),
    ("Mayor Tom Reed said that the bridge would be finished by spring.\n\n“That is because the state has paid its "
     "share at last.”", ["Tom Reed"]),
    ("Mayor Tom Reed issued a statement on Friday.\n\n“Our prayers are with the families of the victims.”",
     ["Tom Reed"]),
    ("Mayor Tom Reed distanced himself from the plan by saying he would vote against it.\n\n"
     "“I am going to fight this in every meeting until the end.”", ["Tom Reed"]),
    # ... unless that sentence reports no speaking
    ("Mayor Tom Reed arrived in the town on Tuesday.\n\n“The roads are closed and the schools are shut.”", [None]),
    # a quotation ending in a comma waits for its own attribution, even when the text stops
    ("Mayor Tom Reed has denied the charge.\n\n“The council celebrates the release of our colleague,” the", [None]),
]


@pytest.mark.parametrize("text, expected", CONTEXT_PATTERNS)
def test_context_attribution(nlp, text, expected):
    _, quotes = quotes_of(nlp, text)
    assert [speaker(q) for q in quotes] == expected, [(q.text, q.speaker_text) for q in quotes]
