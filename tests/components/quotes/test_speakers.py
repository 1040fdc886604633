"""Speakers: names, pronouns, descriptions and documents mapped to who they stand for."""
from __future__ import annotations

import pytest

from .pipeline import quotes_of, quotes_with_entities, speaker


def test_paragraph_continuation_keeps_the_speaker(nlp):
    text = ("“They are free and on home soil again,” Prime Minister Anna Berg told reporters.\n\n"
            "“They are in good condition given the circumstances.”\n\n"
            "The talks lasted two years.")
    _, quotes = quotes_of(nlp, text)
    assert [speaker(q) for q in quotes] == ["Anna Berg", "Anna Berg"]
    assert quotes[1].cue is None


def test_multi_paragraph_statement_keeps_its_speaker(nlp):
    text = ("In a statement, the Red Cross said: “Our teams have begun a humanitarian operation in the north.\n\n"
            "“The operation will last several days and will reach every family.”\n\n"
            "The war began two years ago.")
    _, quotes = quotes_of(nlp, text)
    assert len(quotes) == 2
    assert speaker(quotes[0]) == speaker(quotes[1]) == "Red Cross"


def test_a_quote_too_short_to_keep_still_passes_its_speaker_on(nlp):
    text = ("Mayor Tom Reed opened the fair on Monday. “Fine,” Reed said of the new bridge. "
            "“And the road will be finished by spring. We will open it together.”")
    _, quotes = quotes_of(nlp, text)
    assert [(q.text[:8], speaker(q)) for q in quotes] == [("And the ", "Tom Reed")]


def test_a_reported_clause_pronoun_is_its_reporter_not_the_last_speaker(nlp):
    text = ("Anna Lund called the claim “totally false and made up.” After the debate, Tom Reed told "
            "reporters he thought Lund had “made up the whole story.”")
    _, quotes = quotes_of(nlp, text)
    assert [speaker(q) for q in quotes] == ["Anna Lund", "Tom Reed"]


def test_a_surname_the_tagger_did_not_read_as_a_name_is_still_a_name(nlp):
    text = ("Brett O’Donnell ran the campaign in 2012.\n\n"
            "“It is taxing on campaign resources,” O’Donnell said.")
    _, quotes = quotes_of(nlp, text)
    assert speaker(quotes[0]) is not None and speaker(quotes[0]).endswith("O’Donnell")


def test_a_short_title_glued_to_the_name_is_no_part_of_the_speaker(nlp):
    _, quotes = quotes_of(nlp, "“The talks will resume next week,” said CS Otieno. “We are hopeful,” he added.")
    assert [speaker(q) for q in quotes] == ["Otieno", "Otieno"]


def test_a_storm_is_no_speaker_and_a_titled_name_is_a_person_whatever_their_types(nlp):
    text = ("Cyclone Nila hit the coast on Sunday night. Flood relief minister Tarun Das visited the camps on Monday."
            "\n\n“We have enough food for two weeks,” the minister said. “The roads will open soon,” he added.")
    _, quotes = quotes_with_entities(nlp, text, [("Tarun Das", "PLACE", ["Tarun Das"]),
                                                 ("Cyclone Nila", "PERSON", ["Cyclone Nila"])])
    assert [speaker(q) for q in quotes] == ["Tarun Das", "Tarun Das"]


def test_a_title_with_its_complement_names_the_role(nlp):
    text = ("Crops were lost in the north, State Minister for Disaster Management and Relief Anna Berg said on Monday."
            "\n\n“We have sent food to every district,” the state minister said.")
    _, quotes = quotes_of(nlp, text)
    assert speaker(quotes[0]) == "Anna Berg"


def test_a_given_name_typed_apart_from_its_surname_is_the_same_person(nlp):
    text = "Mohan Rahm visited the camps on Monday.\n\n“Help is on its way to every village,” Mohan added."
    _, quotes = quotes_with_entities(nlp, text, [("Mohan", "PLACE", ["Mohan"]), ("Rahm", "PERSON", ["Rahm"])])
    assert speaker(quotes[0]) == "Mohan Rahm"


def test_plural_anonymous_sources_with_no_determiner_stay_anonymous(nlp):
    text = ("Security officials said the bomb was hidden in a car.\n\n"
            "“The attack was planned for months,” official sources said.")
    _, quotes = quotes_of(nlp, text)
    assert speaker(quotes[0]) is None and quotes[0].speaker_text == "official sources"


def test_an_acronym_typed_as_a_person_is_no_he(nlp):
    text = ("The NORDEX board met on Friday. Its head, Tom Reed, spoke at the event.\n\n"
            "“We keep fighting for clean power in the region,” he said.")
    _, quotes = quotes_with_entities(nlp, text, [("NORDEX", "PERSON", ["NORDEX"]), ("Tom Reed", "PERSON", ["Tom Reed"])])
    assert speaker(quotes[0]) == "Tom Reed"


@pytest.mark.parametrize("entities", [
    [("Anna Berg", "PERSON", ["Anna Berg"]), ("Our Land", "PERSON", ["Our Land"])],
    [("Our Land", "PERSON", ["Our Land"])],          # the person not even an entity
])
def test_a_person_of_a_party_is_the_person_not_the_party(nlp, entities):
    text = ("The bill passed easily. However, Anna Berg of the Opposition party Our Land was among the MPs who "
            "voted against it, urging the house to “stop the slide before it is too late.”")
    _, quotes = quotes_with_entities(nlp, text, entities)
    assert speaker(quotes[0]) == "Anna Berg"


def test_armed_men_described_by_their_kind_are_the_group_named_before(nlp):
    text = ("The Northern Liberation Front attacked the base at dawn.\n\n"
            "The post fell by noon, according to the rebels, who claim to have “taken control of the whole camp.”")
    _, quotes = quotes_with_entities(nlp, text, [("Northern Liberation Front", "ORGANIZATION",
                                                  ["Northern Liberation Front"])])
    assert speaker(quotes[0]) == "Northern Liberation Front"


def test_a_state_body_of_a_named_country_is_the_country(nlp):
    text = "Talks with Iran resumed on Monday. “We are ready for a deal,” the Iranian government said."
    _, quotes = quotes_with_entities(nlp, text, [("Iran", "COUNTRY", ["Iran", "Iranian"])])
    assert speaker(quotes[0]) == "Iran"


def test_pronoun_chain_with_two_people_of_different_genders(nlp):
    text = ("Maria Lopez met John Smith in Geneva on Monday.\n\n"
            "“We had a difficult but useful meeting,” she said.\n\n"
            "“There is still a long way to go,” he said.\n\n"
            "Smith later flew home. “I am tired but hopeful,” he told reporters.")
    _, quotes = quotes_of(nlp, text)
    assert [speaker(q) for q in quotes] == ["Maria Lopez", "John Smith", "John Smith"]
    assert [q.speaker_text for q in quotes] == ["she", "he", "he"]


def test_pronoun_gender_from_titles(nlp):
    text = ("Mrs Kowalczyk and Mr Novak signed the agreement in Prague.\n\n"
            "“This is a historic day for both countries,” he said.")
    _, quotes = quotes_of(nlp, text)
    assert speaker(quotes[0]) is not None and "Novak" in speaker(quotes[0])


def test_pronoun_it_keeps_the_organisation_of_the_chain(nlp):
    text = ("“The first payment has been sent to all the states on time,” the Finance Ministry said Monday.\n\n"
            "“The ministry of agriculture has released the second payment,” it said.")
    _, quotes = quotes_of(nlp, text)
    assert speaker(quotes[1]) == speaker(quotes[0])
    assert quotes[0].speaker is not None and "Finance Ministry" in quotes[0].speaker.name


def test_description_resolves_to_titled_person(nlp):
    text = ("President Joe Biden welcomed the release of the prisoners on Monday.\n\n"
            "“This required difficult decisions that I did not take lightly,” the president said.")
    _, quotes = quotes_of(nlp, text)
    assert speaker(quotes[0]) == "Joe Biden"
    assert quotes[0].speaker_text == "the president"


def test_description_of_an_earlier_anonymous_speaker_stays_anonymous(nlp):
    text = ("A rebel official said on Saturday that the prisoners were handed over.\n\n"
            "“We handed over the prisoners to the mediators this morning,” the official told reporters.")
    _, quotes = quotes_of(nlp, text)
    assert quotes[0].speaker is None and quotes[0].speaker_text == "the official"


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
    _, quotes = quotes_of(nlp, text)
    got = [(q.text, speaker(q), q.speaker_text) for q in quotes]
    assert len(got) == len(expected), got
    for (qtext, who, speaker_text), (start, want_speaker, want_text) in zip(got, expected):
        assert qtext.startswith(start)
        assert (who, speaker_text) == (want_speaker, want_text)
