"""Short texts, end to end: a one- to three-sentence wire snippet or a press release
must still yield its event, typed right, with its figure (and, where it names one,
its place). External event data sets are made of exactly such texts; the sentences
here are written for these tests, one or more per event family."""
from __future__ import annotations

import pytest

PUBLISHED = "2023-03-10"  # a Friday

# (text, event type, a figure among its counts or None, its place or None)
SNIPPETS = [
    # arrests, abductions, sentences
    ("Police detained 14 demonstrators outside parliament in Lima on Friday.", "ARREST", 14, "Lima"),
    ("Coalition forces detained two suspected insurgents during an operation in Kandahar province on Tuesday.",
     "ARREST", 2, "Kandahar province"),
    ("Security forces arrested 25 suspected militants in raids across Kashmir.", "ARREST", 25, None),
    ("Gunmen kidnapped 30 students from a school in Kaduna state early on Thursday.", "ARREST", 30, None),
    ("A court in Moscow sentenced the journalist to 16 years in prison on Wednesday.", "ARREST", None, None),
    ("Three fishermen were taken hostage by pirates off the coast of Somalia.", "ARREST", 3, None),
    ("The army said in a statement on Monday that troops arrested 17 suspects in the town of Damboa.\n"
     "The suspects were handed over to the police.", "ARREST", 17, None),
    # attacks with no named victim or perpetrator: shelling, artillery, rockets, missiles, drones, air strikes
    ("Artillery shelling hit the outskirts of Marinka overnight, the regional governor said.", "ATTACK", None, None),
    ("A drone strike on a convoy near Idlib killed six people on Sunday.", "ATTACK", 6, "Idlib"),
    ("Rebels fired mortar shells at an army camp in the north of the country.", "ATTACK", None, None),
    ("Two rockets landed near the airport in Erbil late on Monday, causing no casualties.", "ATTACK", None, None),
    ("Missile strikes destroyed a power plant in the city of Dnipro on Thursday.", "ATTACK", None, "Dnipro"),
    ("Israeli air strikes pounded the southern town of Rafah overnight.", "ATTACK", None, None),
    ("Troops neutralized seven gunmen in a raid on a hideout in Borno state.", "ATTACK", None, None),
    ("Gunmen opened fire on a bus in Quetta, killing nine passengers.", "ATTACK", 9, "Quetta"),
    ("A roadside bomb exploded near a police patrol in Kirkuk, wounding four officers.", "ATTACK", 4, None),
    ("Heavy artillery fire was reported along the front line near Avdiivka on Saturday.", "ATTACK", None, None),
    # disasters told only through damage, the displaced or the dead
    ("Floods in the eastern province displaced more than 20,000 people this week.", "DISASTER", 20000, None),
    ("A forest fire destroyed 300 homes near the town of Vina on Saturday.", "DISASTER", 300, "Vina"),
    ("A landslide buried 12 houses in a village in Yunnan province.", "DISASTER", 12, None),
    ("The heat wave has killed at least 40 people across the region since Monday.", "DISASTER", 40, None),
    ("A cholera outbreak has killed 23 people in the camps around Goma, health officials said.", "DISASTER", 23, None),
    ("Storm Ciaran left 200,000 homes without power in northern France.", "DISASTER", 200000, None),
    ("The drought has left 1.2 million people in need of food aid in southern Madagascar.", "DISASTER", 1200000, None),
    ("A magnitude 6.1 earthquake struck off the coast of Sumatra on Wednesday, killing three people.",
     "DISASTER", 3, None),
    ("A ferry capsized on Lake Kivu on Sunday, and 15 passengers are missing.", "DISASTER", 15, None),
    ("A fire broke out at a textile factory in Karachi on Tuesday.", "DISASTER", None, None),
    # agreements signed, reached, concluded, agreed
    ("The two countries signed a memorandum of understanding on energy cooperation in Baku on Monday.",
     "AGREEMENT", None, "Baku"),
    ("The warring parties reached a ceasefire deal late on Sunday after talks in Jeddah.", "AGREEMENT", None, None),
    ("Sudan and South Sudan concluded an accord on oil transit fees in Addis Ababa.", "AGREEMENT", None, None),
    ("A 72-hour truce agreed by the army and the rebels took effect at midnight.", "AGREEMENT", None, None),
    ("Leaders adopted a joint declaration on climate finance at the end of the summit.", "AGREEMENT", None, None),
    ("Argentina and China agreed to a currency swap worth $5 billion.", "AGREEMENT", 5_000_000_000, None),
    # meetings by receive, phone, courtesy call, talks
    ("President Ruto received the Ethiopian foreign minister at State House in Nairobi on Tuesday.",
     "MEETING", None, None),
    ("Chancellor Scholz phoned President Macron on Friday to discuss the crisis.", "MEETING", None, None),
    ("The Emir of Qatar held talks with the French president in Paris on Monday.", "MEETING", None, "Paris"),
    ("The new ambassador paid a courtesy call on the foreign minister in Islamabad.", "MEETING", None, None),
    # sanctions: expulsions, severed ties, measures
    ("Niger expelled the French ambassador on Friday.", "SANCTION", None, None),
    ("Morocco severed diplomatic ties with Iran on Tuesday.", "SANCTION", None, None),
    ("The European Union imposed sanctions on 12 officials over the crackdown.", "SANCTION", 12, None),
    # releases and exchanges
    ("Soldiers rescued 11 hostages from a rebel camp in Cauca province on Saturday.", "RELEASE", 11, None),
    ("The rebels released 18 abducted villagers in Zamfara state on Sunday.", "RELEASE", 18, None),
    ("Authorities freed 300 prisoners under an amnesty on Independence Day.", "RELEASE", 300, None),
    ("Russia and Ukraine exchanged 95 prisoners of war each on Saturday.", "PRISONER_EXCHANGE", 95, None),
    # protests, strikes, and the arrests at them
    ("Thousands of protesters marched in Santiago on Sunday against the pension reform.", "PROTEST", None, "Santiago"),
    ("Workers went on strike at the port of Durban on Monday, demanding higher wages.", "PROTEST", None, None),
    ("Protesters clashed with police in Dhaka on Friday; 35 people were arrested.", "ARREST", 35, "Dhaka"),
    # elections, aid
    ("Voters in Slovakia went to the polls on Saturday in a parliamentary election.", "ELECTION", None, None),
    ("The ruling party won 120 of 125 seats in the election held on July 23.", "ELECTION", 120, None),
    ("Japan pledged $10 million in humanitarian aid to the flood victims in Pakistan.", "AID", 10_000_000, None),
    ("The World Bank approved a $500 million loan to Kenya on Thursday.", "AID", 500_000_000, None),
]


@pytest.mark.parametrize("text, etype, figure, place", SNIPPETS, ids=[s[0][:40] for s in SNIPPETS])
def test_a_short_text_yields_its_event(extractor, text, etype, figure, place):
    record = extractor.extract(text, published=PUBLISHED)
    events = [e for e in record.events if e.type == etype and e.modality == "asserted"]
    assert events, [(e.type, e.modality) for e in record.events]
    if figure is not None:
        assert any(figure in [c.value for c in e.counts] for e in events)
    if place is not None:
        assert any(e.location is not None and e.location.name == place for e in events)


@pytest.mark.parametrize("text, etype", [
    ("The company released its annual report on Monday.", "RELEASE"),
    ("Rescue workers searched the rubble for survivors.", "RELEASE"),
    ("The ministry received a letter from the ambassador.", "MEETING"),
    ("North Korea tested a new missile engine, state media said.", "ATTACK"),
    ("The National Election Committee published its annual budget.", "ELECTION"),
    # a landslide victory buries no one
    ("The ruling party won the parliamentary elections by a landslide on Sunday.", "DISASTER"),
    ("Governing Coalition Takes Council Vote by a Landslide\n\nThe coalition won 40 of the 45 seats, officials said.",
     "DISASTER"),
])
def test_no_event_where_none_is_told(extractor, text, etype):
    record = extractor.extract(text, published=PUBLISHED)
    assert not [e for e in record.events if e.type == etype and e.modality == "asserted"]


def test_protests_in_two_cities_are_two_events(extractor):
    text = "Thousands of protesters rallied in Minsk and Grodno on Sunday against the election result."
    protests = [e for e in extractor.extract(text, published=PUBLISHED).events if e.type == "PROTEST"]
    assert sorted(e.location.name for e in protests if e.location) == ["Grodno", "Minsk"]


def test_without_a_publication_date_a_past_exchange_is_not_folded_into_today_s(extractor):
    """The README's case: 'in December, 200 soldiers were swapped' is another exchange
    than Saturday's, even when no publication date says which December."""
    text = ("Russia and Ukraine swap prisoners\n\n"
            "Russia and Ukraine exchanged 95 prisoners each on Saturday, the defence ministry said.\n\n"
            "In December, more than 200 soldiers were swapped in a similar deal.")
    record = extractor.extract(text)
    assert record.published is None or record.published.date is None
    events = [e for e in record.events if e.type == "PRISONER_EXCHANGE"]
    assert sorted(tuple(c.value for c in e.counts) for e in events) == [(95,), (200,)]


def test_a_deal_is_reached_where_its_talks_were_held(extractor):
    text = ("Colombia and the rebels held talks in Havana on Monday, mediated by Cuba.\n\n"
            "The two sides agreed to a ceasefire on Monday.")
    events = extractor.extract(text, published=PUBLISHED).events
    deal = next(e for e in events if e.type == "AGREEMENT" and e.modality == "asserted")
    assert deal.location is not None and deal.location.name == "Havana"
    assert deal.mediator is not None and deal.mediator.name == "Cuba"
