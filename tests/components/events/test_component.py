"""Typed event records from small hand-written articles.

Most tests run the events component alone on a Doc whose entities and numeric
claims are given by the test (as the earlier components would leave them), so
that they pin down what the component does with its inputs; a few run the whole
Extractor end to end. This is the component's contract: the module tests beside
it pin down its parts on hand-built Docs.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsextract.components.events import EventExtractor
from newsextract.schema import Entity, EntityAttributes, Evidence, Mention, Modifier, NumericClaim, RoleEvidence

PUBLISHED = "2023-02-04"  # a Saturday


@pytest.fixture(scope="module")
def events_pipe(base_nlp):
    return EventExtractor(base_nlp, "newsextract_events")


def _entities(text: str, names: dict[str, str], roles: dict[str, list[str]]) -> list[Entity]:
    out = []
    for k, (name, etype) in enumerate(names.items(), 1):
        mentions = [Mention(text=m.group(0), start=m.start(), end=m.end())
                    for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]
        ent = Entity(id=f"E{k}", name=name, type=etype, mentions=mentions, roles=roles.get(name, []))
        if "MEDIATOR" in ent.roles and mentions:
            m = mentions[0]
            ent.role_evidence = [RoleEvidence(role="MEDIATOR", evidence=Evidence(text=m.text, start=m.start, end=m.end))]
        out.append(ent)
    return out


def _claims(text: str, claims: list[tuple]) -> list[NumericClaim]:
    out = []
    for k, (phrase, value, unit, category, *extra) in enumerate(claims, 1):
        start = text.index(phrase)
        span = dict(text=phrase, start=start, end=start + len(phrase))
        out.append(NumericClaim(id=f"N{k}", value=value, unit=unit, category=category,
                                currency=extra[0] if extra else None, evidence=Evidence(**span), **span))
    return out


@pytest.fixture(scope="module")
def run(base_nlp, events_pipe):
    """Events of `text`, given its entities {name: type} and claims [(phrase, value, unit, category)]."""

    def run(text, entities=None, claims=(), published=PUBLISHED, roles=None, regions=()):
        doc = base_nlp(text)
        doc._.ne_regions = list(regions)
        doc._.ne_published = published
        doc._.ne_entities = _entities(text, entities or {}, roles or {})
        doc._.ne_claims = _claims(text, list(claims))
        return events_pipe(doc)._.ne_events

    return run


def asserted(events):
    return [e for e in events if e.modality == "asserted"]


def names(refs):
    return {r.name for r in refs}


# ------------------------------------------------------------------ one type each

def test_prisoner_exchange_told_three_times_is_one_record(run):
    text = ("Russia and Ukraine swap prisoners in deal brokered by the United Arab Emirates\n\n"
            "Russia and Ukraine exchanged 95 prisoners each on Saturday in a swap brokered by the United Arab Emirates, "
            "officials said.\n\n"
            "Families waited for hours at the border crossing.\n\n"
            "The exchange was carried out near the border, the ministry said.")
    events = run(text, {"Russia": "COUNTRY", "Ukraine": "COUNTRY", "United Arab Emirates": "COUNTRY"},
                 [("95 prisoners", 95, "prisoner", "RELEASED")])
    (ev,) = asserted(events)
    assert ev.type == "PRISONER_EXCHANGE"
    assert {"Russia", "Ukraine"} <= names(ev.participants)
    assert all(p.role == "side" for p in ev.participants)
    assert ev.mediator.name == "United Arab Emirates"
    assert "United Arab Emirates" not in names(ev.participants)
    assert (ev.date, ev.date_precision, ev.date_text) == ("2023-02-04", "day", "Saturday")
    assert [c.value for c in ev.counts] == [95]
    assert len(ev.evidence) == 3
    for span in ev.evidence:
        assert text[span.start:span.end] == span.text
    assert ev.cameo == "0841" and ev.id == "V1"


def test_released_per_side_from_the_counts_modifiers(base_nlp, events_pipe):
    text = "230 Ukrainians and 248 Russians released in swap\n\nThe swap was mediated by the Gulf state, Kyiv said."
    doc = base_nlp(text)
    doc._.ne_regions, doc._.ne_published = [], PUBLISHED
    doc._.ne_entities = _entities(text, {"Ukraine": "COUNTRY", "Russia": "COUNTRY"}, {})
    claims = _claims(text, [("230 Ukrainians", 230, "Ukrainian", "RELEASED"), ("248 Russians", 248, "Russian", "RELEASED")])
    claims[0].modifiers = [Modifier(text="Ukrainians", entity_id="E1")]
    claims[1].modifiers = [Modifier(text="Russians", entity_id="E2")]
    doc._.ne_claims = claims
    (ev,) = events_pipe(doc)._.ne_events
    assert ev.type == "PRISONER_EXCHANGE"
    assert {(s.side.name, s.value) for s in ev.released_per_side} == {("Ukraine", 230), ("Russia", 248)}
    assert {"Ukraine", "Russia"} <= names(ev.participants)


def test_background_exchange_is_its_own_dated_record(run):
    text = ("Russia and Ukraine exchanged 63 prisoners on Saturday.\n\n"
            "Exchanges between the two countries have become more regular. "
            "In September, more than 300 soldiers were swapped. The latest swap came in January.")
    events = asserted(run(text, {"Russia": "COUNTRY", "Ukraine": "COUNTRY"},
                          [("63 prisoners", 63, "prisoner", "RELEASED"), ("300 soldiers", 300, "soldier", "RELEASED")]))
    by_date = {e.date: e for e in events if e.type == "PRISONER_EXCHANGE"}
    assert set(by_date) == {"2023-02-04", "2022-09", "2023-01"}
    assert [c.value for c in by_date["2022-09"].counts] == [300]
    assert by_date["2022-09"].date_precision == "month"
    assert [c.value for c in by_date["2023-02-04"].counts] == [63]


def test_release(run):
    text = "Militants freed two aid workers in Mali on Tuesday, the foreign ministry said."
    (ev,) = run(text, {"Mali": "COUNTRY"}, [("two aid workers", 2, "aid worker", "RELEASED")])
    assert ev.type == "RELEASE" and ev.modality == "asserted"
    assert ev.location.name == "Mali"
    assert ev.released == 2
    assert ev.date == "2023-01-31"


def test_releases_in_an_exchange_story_join_the_exchange(run):
    text = ("Iran and Sweden free prisoners in swap mediated by Oman\n\n"
            "Iran released Johan Floderus on Saturday, while Sweden freed Hamid Noury.")
    events = asserted(run(text, {"Iran": "COUNTRY", "Sweden": "COUNTRY", "Oman": "COUNTRY",
                                 "Johan Floderus": "PERSON", "Hamid Noury": "PERSON"}))
    assert [e.type for e in events] == ["PRISONER_EXCHANGE"]
    assert events[0].mediator.name == "Oman"
    assert events[0].date == "2023-02-04"


def test_attack_with_casualties(run):
    text = "At least 12 people were killed and 30 wounded when a car bomb exploded at a market in Kabul on Monday."
    (ev,) = run(text, {"Kabul": "PLACE"},
                [("12 people", 12, "person", "KILLED"), ("30", 30, "person", "WOUNDED")])
    assert ev.type == "ATTACK"
    assert (ev.killed, ev.wounded) == (12, 30)
    assert ev.location.name == "Kabul"
    assert ev.participants == []
    assert ev.date == "2023-01-30"
    assert ev.cameo == "183"


def test_attack_roles(run):
    text = "Israel struck targets of Islamic Jihad in the Gaza Strip on Tuesday, killing 15 people."
    events = run(text, {"Israel": "COUNTRY", "Islamic Jihad": "ORGANIZATION", "Gaza Strip": "PLACE"},
                 [("15 people", 15, "person", "KILLED")])
    (ev,) = events
    assert ev.type == "ATTACK"
    roles = {p.name: p.role for p in ev.participants}
    assert roles["Israel"] == "attacker"
    assert ev.location.name == "Gaza Strip"
    assert ev.killed == 15


def test_meeting(run):
    text = "The foreign ministers of France and Germany met in Berlin on Thursday to discuss the crisis."
    (ev,) = run(text, {"France": "COUNTRY", "Germany": "COUNTRY", "Berlin": "PLACE"})
    assert ev.type == "MEETING"
    assert {"France", "Germany"} <= names(ev.participants)
    assert ev.location.name == "Berlin"
    assert ev.date == "2023-02-02"


def test_agreement_is_not_planned_because_it_was_agreed(run):
    text = "Israel and Islamic Jihad agreed to a ceasefire on Saturday after talks in Cairo mediated by Egypt."
    events = run(text, {"Israel": "COUNTRY", "Islamic Jihad": "ORGANIZATION", "Cairo": "PLACE", "Egypt": "COUNTRY"})
    agreement = next(e for e in events if e.type == "AGREEMENT")
    assert agreement.modality == "asserted"
    assert agreement.cameo == "0871"
    assert {"Israel", "Islamic Jihad"} <= names(agreement.participants)
    assert agreement.mediator.name == "Egypt"


def test_protest(run):
    text = "Thousands of protesters rallied in Minsk on Sunday against the result of the vote."
    events = run(text, {"Minsk": "PLACE"})
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.location.name == "Minsk"
    assert protest.participants == []
    assert protest.date == "2023-01-29"


def test_arrest(run):
    text = "Police arrested 11 people in Hong Kong on Saturday after clashes near a train station."
    events = run(text, {"Hong Kong": "PLACE"}, [("11 people", 11, "person", "DETAINED")])
    arrest = next(e for e in events if e.type == "ARREST")
    assert arrest.detained == 11
    assert arrest.location.name == "Hong Kong"
    assert arrest.cameo == "173"


def test_election(run):
    text = "Ghana held a presidential election on Wednesday. Nana Akufo-Addo won 53.85 percent of the vote."
    events = run(text, {"Ghana": "COUNTRY", "Nana Akufo-Addo": "PERSON"},
                 [("53.85 percent", 53.85, "percent", "PERCENT")])
    (ev,) = events
    assert ev.type == "ELECTION" and ev.date == "2023-02-01"
    assert [c.value for c in ev.counts] == [53.85]
    assert ev.cameo is None  # CAMEO has no code for elections


def test_disaster_has_no_participants(run):
    text = "A powerful earthquake struck southern Turkey on Monday, killing more than 2,000 people, Turkey's government said."
    events = run(text, {"Turkey": "COUNTRY"}, [("more than 2,000 people", 2000, "person", "KILLED")])
    disaster = next(e for e in events if e.type == "DISASTER")
    assert disaster.participants == []
    assert disaster.killed == 2000
    assert not any(e.type == "ATTACK" for e in events)


def test_aid_needs_an_amount(run):
    text = "Germany pledged 244 million euros in humanitarian aid for Sudan on Monday."
    (ev,) = run(text, {"Germany": "COUNTRY", "Sudan": "COUNTRY"},
                [("244 million euros", 244_000_000, "euro", "MONEY", "EUR")])
    assert ev.type == "AID"
    assert (ev.amount, ev.currency) == (244_000_000, "EUR")
    assert ev.cameo == "073"
    roles = {p.name: p.role for p in ev.participants}
    assert roles.get("Germany") == "donor"
    # the same words without an amount are no aid event
    assert run("Officials said the prisoners were given medical aid after the flight, he said. It was cold.") == []


def test_sanction(run):
    text = "The European Union imposed sanctions on 14 Belarusian officials on Friday."
    (ev,) = run(text, {"European Union": "ORGANIZATION"}, [("14 Belarusian officials", 14, "official", "OTHER")])
    assert ev.type == "SANCTION"
    assert "European Union" in names(ev.participants)
    assert [c.value for c in ev.counts] == [14]
    assert ev.date == "2023-02-03"


def test_statement_only_when_it_is_the_news(run):
    text = "UN envoy Staffan de Mistura hopes the talks will help Syria\n\nHe spoke in Geneva."
    events = run(text, {"Staffan de Mistura": "PERSON", "Syria": "COUNTRY", "Geneva": "PLACE"})
    statement = [e for e in events if e.type == "STATEMENT"]
    assert len(statement) == 1 and names(statement[0].participants) == {"Staffan de Mistura"}
    # a headline that reports an event through 'says' is about the event
    text = "U.S. says Houthis released two Americans\n\nThe two were flown to Oman on Saturday."
    events = run(text, {"U.S.": "COUNTRY", "Houthis": "ORGANIZATION", "Oman": "COUNTRY"})
    assert not any(e.type == "STATEMENT" for e in events)
    assert any(e.type == "RELEASE" for e in events)


# ------------------------------------------------------------------ modality

@pytest.mark.parametrize("text,etype,modality", [
    ("Russia denied that its forces attacked the convoy.", "ATTACK", "negated"),
    ("The army did not attack the village.", "ATTACK", "negated"),
    ("The two leaders will meet in Geneva next week.", "MEETING", "planned"),
    ("Iran and the United States are expected to swap prisoners.", "PRISONER_EXCHANGE", "planned"),
    ("The Church called for the release of all hostages held by the group.", "RELEASE", "planned"),
    ("A proposed ceasefire was discussed by the envoys.", "AGREEMENT", "planned"),
    ("If talks fail, the army could launch an offensive.", "ATTACK", "hypothetical"),
    ("The rebels freed five hostages on Friday.", "RELEASE", "asserted"),
    ("Talks between the two sides to be held in Geneva next month were announced.", "MEETING", "planned"),
    ("Many have not returned to their homes since the earthquake struck in April.", "DISASTER", "asserted"),
    ("The prisoner exchange could not take place because of the weather.", "PRISONER_EXCHANGE", "negated"),
])
def test_modality(run, text, etype, modality):
    events = run(text)
    assert any(e.type == etype and e.modality == modality for e in events), [(e.type, e.modality) for e in events]


def test_planned_event_is_not_reported_as_happened(run):
    text = ("The presidents of Russia and Turkey will meet in Sochi on Monday, the Kremlin said.\n\n"
            "The meeting is expected to focus on grain exports.")
    events = run(text, {"Russia": "COUNTRY", "Turkey": "COUNTRY", "Sochi": "PLACE", "Kremlin": "ORGANIZATION"})
    meetings = [e for e in events if e.type == "MEETING"]
    assert meetings and all(e.modality == "planned" for e in meetings)


# ------------------------------------------------------------------ what is not an event

def test_caption_events_are_not_emitted(run):
    caption = "Soldiers swap prisoners near the border on Saturday [Reuters]"
    text = "Markets were calm on Friday.\n\n" + caption + "\n\nThe weather was mild."
    start = text.index(caption)
    events = run(text, regions=[("caption", start, start + len(caption))])
    assert events == []


def test_undated_background_mention_is_not_an_event(run):
    text = ("The president visited a school in the capital on Monday.\n\n"
            "Teachers welcomed the visit warmly.\n\n"
            "The country's economy grew last year.\n\n"
            "Prisoner exchanges have become more frequent since the war began.")
    events = asserted(run(text))
    assert [e.type for e in events] == ["MEETING"]


def test_released_statement_is_not_a_release(run):
    text = "The ministry released a statement and a video on Sunday about the prisoners."
    assert not any(e.type == "RELEASE" for e in run(text))


def test_two_exchanges_in_different_months_stay_two(run):
    text = ("Russia and Ukraine exchanged 100 prisoners in December, officials said.\n\n"
            "Another exchange of 50 prisoners took place in January.")
    events = asserted(run(text, {"Russia": "COUNTRY", "Ukraine": "COUNTRY"},
                          [("100 prisoners", 100, "prisoner", "RELEASED"), ("50 prisoners", 50, "prisoner", "RELEASED")]))
    assert sorted(e.date for e in events) == ["2022-12", "2023-01"]


def test_elliptic_mention_takes_the_type_told_before(run):
    text = ("Russia and Ukraine exchanged 63 prisoners on Saturday.\n\n"
            "In September, more than 300 soldiers were swapped. Two more took place in December.")
    events = asserted(run(text, {"Russia": "COUNTRY", "Ukraine": "COUNTRY"},
                          [("63 prisoners", 63, "prisoner", "RELEASED"), ("300 soldiers", 300, "soldier", "RELEASED")]))
    assert sorted(e.date for e in events if e.type == "PRISONER_EXCHANGE") == ["2022-09", "2022-12", "2023-02-04"]


def test_actor_named_by_a_definite_description(run):
    text = ("The National Liberation Army is the last active rebel group in Colombia. "
            "In January 2019, the group bombed a police academy, killing 20 cadets.")
    events = run(text, {"National Liberation Army": "ORGANIZATION", "Colombia": "COUNTRY"},
                 [("20 cadets", 20, "cadet", "KILLED")])
    attack = next(e for e in events if e.type == "ATTACK")
    assert attack.date == "2019-01"
    assert "National Liberation Army" in names(attack.participants)
    assert attack.killed == 20


def test_sides_named_by_demonyms(base_nlp, events_pipe):
    """'The Russian invasion': Russia takes part, when the article names it."""
    text = "Russia is a large country. The Russian invasion of Ukraine began in February 2022."
    doc = base_nlp(text)
    doc._.ne_regions, doc._.ne_published, doc._.ne_claims = [], PUBLISHED, []
    ents = _entities(text, {"Russia": "COUNTRY", "Ukraine": "COUNTRY"}, {})
    ents[0].attributes = EntityAttributes(iso_alpha2="RU")
    ents[1].attributes = EntityAttributes(iso_alpha2="UA")
    doc._.ne_entities = ents
    (ev,) = events_pipe(doc)._.ne_events
    assert ev.type == "ATTACK" and ev.date == "2022-02"
    assert {"Russia", "Ukraine"} <= names(ev.participants)


def test_cumulative_figure_is_its_own_event(run):
    text = ("Russia and Ukraine exchanged 115 prisoners each on Saturday.\n\n"
            "In total, Ukraine has brought home 3,520 prisoners of war in such exchanges.")
    events = asserted(run(text, {"Russia": "COUNTRY", "Ukraine": "COUNTRY"},
                          [("115 prisoners", 115, "prisoner", "RELEASED"), ("3,520 prisoners", 3520, "prisoner", "RELEASED")]))
    by_count = {tuple(c.value for c in e.counts): e for e in events}
    assert set(by_count) == {(115,), (3520,)}
    assert by_count[(115,)].date == "2023-02-04"
    assert by_count[(3520,)].date is None


def test_captives_coming_home_tell_a_release(run):
    text = ("A flight carrying Houthi prisoners of war left Saudi Arabia on Saturday bound for Sanaa.\n\n"
            "The weather in the region was hot.")
    events = run(text, {"Houthi": "ORGANIZATION", "Saudi Arabia": "COUNTRY", "Sanaa": "PLACE"})
    (ev,) = events
    assert ev.type == "RELEASE" and ev.date == "2023-02-04"
    assert "Saudi Arabia" in names(ev.participants)


def test_date_from_the_sentence_before(run):
    text = ("Alexander Lukashenko won a sixth term in Sunday's presidential election, officials said.\n\n"
            "Thousands of protesters clashed with riot police in Minsk.")
    events = run(text, {"Alexander Lukashenko": "PERSON", "Minsk": "PLACE"}, published="2020-08-10")
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.date == "2020-08-09" and protest.date_text == "Sunday"


def test_kidnapping_and_police_arrest_are_two_events(run):
    text = ("Gunmen kidnapped 20 villagers in Zamfara on Sunday, police said.\n\n"
            "Police later arrested three suspects.")
    events = asserted(run(text, {"Zamfara": "PLACE"},
                          [("20 villagers", 20, "villager", "DETAINED"), ("three suspects", 3, "suspect", "DETAINED")]))
    arrests = sorted((e.cameo, [c.value for c in e.counts]) for e in events if e.type == "ARREST")
    assert arrests == [("173", [3]), ("181", [20])]


def test_mediator_from_entity_roles_goes_to_the_main_story(run):
    text = "Yemen's warring sides swapped prisoners on Friday.\n\nOfficials thanked Oman for its efforts."
    events = run(text, {"Yemen": "COUNTRY", "Oman": "COUNTRY"}, roles={"Oman": ["MEDIATOR"]})
    (ev,) = events
    assert ev.mediator.name == "Oman"


# ------------------------------------------------------------------ end to end

def test_extractor_writes_valid_event_records(extractor):
    rec = extractor.extract(
        "Russia and Ukraine swap prisoners\n\n"
        "Russia and Ukraine exchanged 95 prisoners each on Saturday in a deal brokered by the United Arab Emirates.",
        published="2023-02-04", id="t1")
    events = asserted(rec.events)
    assert [e.type for e in events] == ["PRISONER_EXCHANGE"]
    ev = events[0]
    assert ev.date == "2023-02-04"
    assert {"Russia", "Ukraine"} <= names(ev.participants)
    for span in ev.evidence:
        assert rec.text[span.start:span.end] == span.text
    dumped = rec.model_dump(mode="json")
    assert dumped["events"][0]["type"] == "PRISONER_EXCHANGE"


def test_extractor_on_text_without_events(extractor):
    rec = extractor.extract("The weather was mild and the shops were open.", id="t2")
    assert rec.events == []


# ------------------------------------------------------------------ robustness

_WORDS = ["Russia", "Ukraine", "swapped", "prisoners", "on", "Saturday", "in", "September", "2016", "the", "talks",
          "attack", "killed", "were", "not", "will", "released", "since", "last", "October", "Jan.", "3,", "\n", "\n\n",
          ".", ",", "“", "”", "-", "mediated", "by", "ceasefire", "protest", "arrested", "election", "aid", "$5",
          "million", "sanctions", "earthquake", "said", "two", "more", "took", "place", "é", "   ", "1900", "GMT"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=60), st.sampled_from([None, "2023-02-04", "1999-12-31"]))
def test_any_word_salad_gives_valid_records(run, words, published):
    text = " ".join(words)
    entities = {"Russia": "COUNTRY", "Ukraine": "COUNTRY"} if "Russia" in words and "Ukraine" in words else {}
    for ev in run(text, entities, published=published):
        assert ev.id.startswith("V")
        assert ev.modality in ("asserted", "negated", "planned", "hypothetical")
        for span in ev.evidence:
            assert text[span.start:span.end] == span.text
        if ev.date:
            assert len(ev.date) == {"day": 10, "month": 7, "year": 4}[ev.date_precision]
