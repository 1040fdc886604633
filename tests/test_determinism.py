"""Same input, same output: a record never depends on what one Extractor did before it.

A set of hand-written articles is extracted in one order, in the reverse order, each
article alone and each twice in a row, all with one Extractor; every record must be
byte-identical across the runs."""
from __future__ import annotations

import pytest

_SPEAKERS = [
    ("Maria Lopez", "she", "the minister", "Ms Lopez"),
    ("John Carter", "he", "the general", "Mr Carter"),
]
_CUES = ["said", "added", "told reporters", "warned", "described the plan as"]


def _alternating(rounds: int) -> str:
    """Two speakers taking turns, named, as pronouns, as descriptions, with varied cues."""
    paragraphs = ["Foreign Minister Maria Lopez met General John Carter in Geneva on Monday."]
    for i in range(rounds):
        name, pronoun, description, titled = _SPEAKERS[i % 2]
        who = (name, pronoun, description, titled)[i % 4]
        cue = _CUES[i % len(_CUES)]
        if cue.startswith("described"):
            paragraphs.append(f"{who.capitalize() if who[0].islower() else who} {cue} “a step toward "
                              f"a lasting peace in round {i}” and left the room.")
        else:
            paragraphs.append(f"“We will not accept a deal that leaves families without water in round {i},” "
                              f"{who} {cue}. The talks went on into the night.")
        if i % 3 == 2:
            paragraphs.append(f"“There is still a long way to go before round {i + 1},” {pronoun} said.")
    return "\n\n".join(paragraphs)


ARTICLES = [
    ("alternating", _alternating(40)),
    ("short", "“The first payment has been sent to all the states on time,” the Finance Ministry said Monday.\n\n"
              "“The ministry of agriculture has released the second payment,” it said."),
    ("titles", "Mrs Kowalczyk and Mr Novak signed the agreement in Prague.\n\n"
               "“This is a historic day for both countries,” he said. “We thank our partners,” she added.\n\n"
               "President Joe Biden welcomed the release of the prisoners on Monday.\n\n"
               "“This required difficult decisions that I did not take lightly,” the president said."),
    ("statement", "In a statement, the Red Cross said: “Our teams have begun a humanitarian operation.\n\n"
                  "“The operation will last several days and will reach every family.”\n\n"
                  "A rebel official said on Saturday that the prisoners were handed over.\n\n"
                  "“We handed over the prisoners to the mediators this morning,” the official told reporters."),
    ("unbalanced", "“We are ready to talk, the minister said on Friday.\n\n"
                   "“The delegation will arrive on Sunday,” Peter Hansen, a spokesman, said.\n\n"
                   "“We hope for a deal soon,” he added. " + "“A run of marks " * 30),
]


def _records(extractor, articles) -> dict[str, str]:
    return {r.id: r.model_dump_json() for r in extractor.pipe({"id": i, "text": t} for i, t in articles)}


@pytest.fixture(scope="module")
def forward(extractor):
    return _records(extractor, ARTICLES)


def test_reverse_order_gives_the_same_records(extractor, forward):
    assert _records(extractor, ARTICLES[::-1]) == forward


def test_each_article_alone_and_twice_gives_the_same_record(extractor, forward):
    for article in ARTICLES:
        assert _records(extractor, [article]) == {article[0]: forward[article[0]]}
        again = [r.model_dump_json() for r in extractor.pipe([{"id": article[0], "text": article[1]}] * 2)]
        assert again == [forward[article[0]]] * 2


def test_the_alternating_article_has_its_quotes_attributed(forward):
    """The comparison above is about something: the long article has its quotes and speakers."""
    import json
    record = json.loads(forward["alternating"])
    speakers = {q["speaker"]["name"] for q in record["quotes"] if q["speaker"]}
    assert len(record["quotes"]) >= 40 and {"Maria Lopez", "John Carter"} <= speakers
