"""article.py: the claims of whole sentences through the full pipeline (the parse
matters here): figures, counted nouns, qualifiers, categories, flags."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsextract.components.numeric_claims.article import repeated_sentences

from .docs import build, claims_of, find


# ---------------------------------------------------------------- claims in sentences

POSITIVE = [
    # sentence, value, unit, qualifier, category
    ("At least 20 people were killed when a car bomb exploded.", 20, "person", "at_least", "KILLED"),
    ("Police arrested 45 protesters on Sunday.", 45, "protester", "exact", "DETAINED"),
    ("The storm displaced more than 1.5 million people.", 1.5e6, "person", "more_than", "DISPLACED"),
    ("The storm destroyed 3,400 homes.", 3400, "home", "exact", "AFFECTED"),
    ("Nearly 300 girls were abducted from their school.", 300, "girl", "approximate", "DETAINED"),
    ("Hamas freed 13 Israeli hostages on Friday.", 13, "hostage", "exact", "RELEASED"),
    ("Twenty-three Russian servicemen were handed over to Russia.", 23, "serviceman", "exact", "RELEASED"),
    ("Five Ukrainian prisoners of war were returned home.", 5, "prisoner of war", "exact", "RELEASED"),
    ("Two police officers were released to the Red Cross.", 2, "police officer", "exact", "RELEASED"),
    ("Ukraine has released dozens of Russian soldiers.", None, "soldier", "approximate", "RELEASED"),
    ("Several hostages were released on Friday.", None, "hostage", "approximate", "RELEASED"),
    ("Thousands of protesters marched through the capital.", None, "protester", "approximate", "OTHER"),
    ("Some 197 captives remain missing.", 197, "captive", "approximate", "DETAINED"),
    ("The rebels are holding 36 Ukrainian soldiers.", 36, "soldier", "exact", "DETAINED"),
    ("More than 70 people were hospitalised after the blast.", 70, "person", "more_than", "WOUNDED"),
    ("Up to 100 people may have been killed in the landslide.", 100, "person", "at_most", "KILLED"),
    ("Officials said fewer than 50 migrants drowned.", 50, "migrant", "less_than", "KILLED"),
    ("The floods claimed at least 1,258 lives.", 1258, "life", "at_least", "KILLED"),
    ("The death toll rose to 45 on Monday.", 45, "death", "exact", "KILLED"),
    ("Officials put the number of dead at 73.", 73, "death", "exact", "KILLED"),
    ("The number of casualties climbed to 30.", 30, "casualty", "exact", "KILLED"),
    ("The attack left 12 dead and 40 injured.", 40, "person", "exact", "WOUNDED"),
    ("Japan offered $988m in loans.", 988e6, "dollar", "exact", "MONEY"),
    ("The company lost 3bn euros last year.", 3e9, "euro", "exact", "MONEY"),
    ("The EU pledged well over a billion euros.", 1e9, "euro", "more_than", "MONEY"),
    ("Damage is put at Rs.12.68 billion.", 12.68e9, "rupee", "exact", "MONEY"),
    ("He won 53.2% of the vote.", 53.2, "percent", "exact", "PERCENT"),
    ("Turnout was over 71 percent.", 71, "percent", "more_than", "PERCENT"),
    ("The candidate received 5,716,026 votes.", 5716026, "vote", "exact", "OTHER"),
    ("The floods affected crops over 2.1 million hectares of land.", 2.1e6, "hectare", "exact", "AFFECTED"),
    ("Over 11.5 million people have been affected in nearly 5,000 villages.", 5000, "village", "approximate",
     "AFFECTED"),
    ("The army deployed 5,000 troops to the region.", 5000, "troop", "exact", "OTHER"),
    ("At least 50 kilogrammes of explosive material was used.", 50, "kilogram", "at_least", "OTHER"),
    ("The convoy stopped about 5 km from the border.", 5, "kilometre", "approximate", "OTHER"),
    ("Half a million people fled the fighting.", 5e5, "person", "exact", "DISPLACED"),
    ("The talks ended in a six-candidate race.", 6, "candidate", "exact", "OTHER"),
    ("The court sentenced 20 men to prison.", 20, "man", "exact", "DETAINED"),
    ("The package will provide some 10 million people with food.", 10e6, "person", "approximate", "AFFECTED"),
    ("Between 20 and 30 soldiers died in the ambush.", 20, "soldier", "at_least", "KILLED"),
    ("Between 20 and 30 soldiers died in the ambush.", 30, "soldier", "at_most", "KILLED"),
    ("The rebels hand over 7 captured soldiers.", 7, "soldier", "exact", "RELEASED"),
    ("Officials said the crowd numbered up to several dozen people.", None, "person", "at_most", "OTHER"),
    ("The army said several dozen insurgents were killed.", None, "insurgent", "approximate", "KILLED"),
    ("At least 12,45,300 people have been affected.", 1245300, "person", "at_least", "AFFECTED"),
    ("The candidate holds a 7-percent lead.", 7, "percent", "exact", "PERCENT"),
    ("Police said people in 12 districts had been affected by the storm.", 12, "district", "exact", "AFFECTED"),
    ("The drone destroyed one self-propelled howitzer.", 1, "howitzer", "exact", "AFFECTED"),
    ("The Treasury also sanctioned one Panamanian firm.", 1, "firm", "exact", "OTHER"),
    ("Officials said these four people would be questioned.", 4, "person", "exact", "OTHER"),
    ("Thousands-strong crowds marched through the capital.", None, "person", "approximate", "OTHER"),
    ("A 5,000-strong force was sent to the border.", 5000, "person", "exact", "OTHER"),
    ("Uganda hosts a quarter of a million Congolese.", 250000, "congolese", "exact", "OTHER"),
    ("Two gunmen were shot dead and several others injured.", None, "gunman", "approximate", "WOUNDED"),
    ("The report named three serving and retired officers.", 3, "officer", "exact", "OTHER"),
    ("The war has left millions hungry.", None, "person", "approximate", "AFFECTED"),
    ("120 Kenyans and 85 Somalis freed in Qatar-brokered deal", 120, "kenyan", "exact", "RELEASED"),
    # seats, shares, thresholds; lakh and crore
    ("The party won 45 of the 120 seats in parliament.", 45, "seat", "exact", "OTHER"),
    ("The ruling party lost 12 seats.", 12, "seat", "exact", "OTHER"),
    ("Parties must pass a 5 percent threshold to enter parliament.", 5, "percent", "exact", "PERCENT"),
    ("Over 12 lakh people have been affected.", 1.2e6, "person", "more_than", "AFFECTED"),
    ("The state released Rs 250 crore for relief.", 2.5e9, "rupee", "exact", "MONEY"),
    # the model reads "more than 45" as a date; under a toll it is a count
    ("Officials reported a death toll of more than 60 after the storm.", 60, "person", "more_than", "KILLED"),
    ("Forces disabled four \u201cBastion\u201d armoured trucks.", 4, "truck", "exact", "AFFECTED"),
    ("52 Ukrainian Sailors Freed In Swap", 52, "sailor", "exact", "RELEASED"),
    ("The ministry said 60 soldiers taken captive in the east have been freed.", 60, "soldier", "exact", "RELEASED"),
    ("The number of people killed in the quake has risen to nearly 300.", 300, "person", "approximate", "KILLED"),
    ("Clashes leave 12 dead in northern city", 12, "person", "exact", "KILLED"),
    ("The militants killed eight and wounded 15 villagers.", 8, "person", "exact", "KILLED"),
    ("Some 380,000 people have taken refuge in shelters.", 380000, "person", "approximate", "DISPLACED"),
    ("The government has spent 45 billion naira on the programme.", 45e9, "naira", "exact", "MONEY"),
    ("The central bank raised rates by 50 basis points.", 50, "basis point", "exact", "PERCENT"),
    ("The European Union sent 27 search and rescue teams.", 27, "team", "exact", "OTHER"),
    ("A total of 1,200 people have been evacuated so far.", 1200, "person", "exact", "DISPLACED"),
    ("Police said they found 300 rounds of ammunition.", 300, "round", "exact", "OTHER"),
    ("Hamas handed over the remains of 4 hostages.", 4, "hostage", "exact", "RELEASED"),
    ("Israel said 240 hostages were taken to Gaza.", 240, "hostage", "exact", "DETAINED"),
]


@pytest.mark.parametrize("sentence, value, unit, qualifier, category", POSITIVE)
def test_claim_table(nlp, sentence, value, unit, qualifier, category):
    c = find(claims_of(nlp, sentence), value, unit)
    assert (c.qualifier, c.category) == (qualifier, category)
    assert sentence[c.start:c.end] == c.text


NEGATIVE = [
    "He was 45 years old and his son, aged 12, survived.",
    "The talks lasted three weeks and the second round begins on June 14.",
    "The three-story building collapsed at 3:45 pm.",
    "A 7.8-magnitude earthquake struck on February 6, 2023.",
    "Riot police fired 40-millimeter sponge grenades.",
    "Security Council Resolution 242 called for a withdrawal.",
    "The G7 met on Tuesday, and the 2S7 Pion fired again.",
    "Call 555-123-4567 for more information.",
    "He served 10 years in prison in the 1990s.",
    "Relations between the two countries improved.",
    "The operation took place in several stages.",
    "One of the hostages was a French national.",
    "Roughly a third of the population was displaced.",
    "Many people and a few officials attended.",
    "The vote was 12-3 in favour of the motion.",
    "The 24-hour ceasefire began at 0600 GMT on 12 March 2024.",
    "A two-state solution remains the goal of the 27-nation bloc.",
    "Flight 17 was shot down in 2014.",
    "No one will surrender the city.",
    "The UN estimates that 1 in 5 children are malnourished.",
    "At least 7 out of 10 voters backed the measure.",
    "A 7.8 magnitude earthquake struck the coast.",
    "Call +44 20 7946 0958 or (555) 123-4567.",
    "The plan covers the 2019-2024 period.",
    "The rebels have carried out several attacks since July.",
    "The summit adopted several joint declarations.",
    "The two factions agreed to a truce.",
    "The three states signed a trade pact.",
    "The army said in a statement of two sentences that it had withdrawn.",
    "Rebels shelled the town with 81mm mortar rounds.",
    "Police found 7.62 mm ammunition in the car.",
    "We met in one place.",
    "The programme ran from 1998 to 2004.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_not_claims(nlp, sentence):
    assert [(c.text, c.value, c.unit) for c in claims_of(nlp, sentence)] == []


def test_partitive_with_a_noun_counts_that_noun(nlp):
    cs = claims_of(nlp, "Twenty-one of the Chibok schoolgirls were freed on Thursday.")
    c = find(cs, 21, "schoolgirl")
    assert c.category == "RELEASED"
    assert c.text == "Twenty-one of the Chibok schoolgirls"



# ---------------------------------------------------------------- fields and flags

def test_ids_offsets_and_evidence(nlp):
    text = "Rebels freed 12 hostages.\n\nThe army said 40 soldiers were wounded in the fighting."
    doc = nlp(text)
    cs = doc._.ne_claims
    assert [c.id for c in cs] == ["N1", "N2"]
    for c in cs:
        assert text[c.start:c.end] == c.text
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text
        assert c.start >= c.evidence.start and c.end <= c.evidence.end
    assert cs[1].evidence.text == "The army said 40 soldiers were wounded in the fighting."


def test_distributive(nlp):
    c = find(claims_of(nlp, "Russia and Ukraine freed at least 50 prisoners each."), 50, "prisoner")
    assert c.distributive and c.qualifier == "at_least" and c.category == "RELEASED"
    assert c.text.endswith("each")


def test_a_change_is_two_figures_not_a_range(nlp):
    cs = claims_of(nlp, "Brent crude rose $2.10 to $84.50 a barrel.")
    assert [(c.value, c.low, c.high) for c in cs] == [(2.10, None, None), (84.50, None, None)]


def test_a_range_is_two_claims_its_low_and_its_high_end(nlp):
    cs = claims_of(nlp, "Between 20 and 30 soldiers died in the ambush.")
    assert [(c.value, c.low, c.high, c.qualifier, c.text) for c in cs] == [
        (20, 20, 30, "at_least", "Between 20"), (30, 20, 30, "at_most", "30 soldiers")]


def test_a_range_of_money_takes_the_magnitude_on_both_ends(nlp):
    cs = claims_of(nlp, "The fund needs $5-10 million this year.")
    assert [(c.value, c.currency, c.qualifier) for c in cs] == [(5e6, "USD", "at_least"), (10e6, "USD", "at_most")]


def test_money_fields(nlp):
    cs = claims_of(nlp, "A fine of 5,000 HK$ ($639) was imposed.")
    hk = find(cs, 5000, "dollar")
    usd = find(cs, 639, "dollar")
    assert (hk.currency, usd.currency) == ("HKD", "USD")
    assert hk.category == usd.category == "MONEY"


@pytest.mark.parametrize("sentence, value, currency, category", [
    ("A truck packed with 500 pounds of fertiliser exploded.", 500, None, "OTHER"),
    ("The agency will ship 40,000 pounds of food aid supplies.", 40000, None, "OTHER"),
    ("Britain pledged 30 million pounds of aid.", 30e6, "GBP", "MONEY"),
    ("The club paid 50 million pounds for the striker.", 50e6, "GBP", "MONEY"),
])
def test_pounds_weigh_goods_and_pay_for_things(nlp, sentence, value, currency, category):
    c = find(claims_of(nlp, sentence), value, "pound")
    assert (c.currency, c.category) == (currency, category)


def test_qualified_currency_name(nlp):
    c = find(claims_of(nlp, "Bail was set at 20,000 Hong Kong dollars."), 20000, "dollar")
    assert c.currency == "HKD"


def test_in_quote_negated_and_hypothetical(nlp):
    cs = claims_of(nlp, '"We have lost 14 soldiers in this battle," the commander said.')
    c = find(cs, 14, "soldier")
    assert c.in_quote and c.category == "KILLED"
    c = find(claims_of(nlp, "The government did not confirm that 30 people had died."), 30, "person")
    assert c.negated
    c = find(claims_of(nlp, "The death toll could reach 100, officials warned."), 100, "death")
    assert c.hypothetical and c.category == "KILLED"
    c = find(claims_of(nlp, "Hamas freed 13 hostages on Friday."), 13, "hostage")
    assert not (c.negated or c.hypothetical or c.in_quote)


def test_requested_release_is_not_the_category(nlp):
    c = find(claims_of(nlp, "They urged Tehran to release the 15 British sailors it seized last week."),
             15, "sailor")
    assert c.category == "DETAINED"


def test_sentence_repeated_word_for_word_is_claimed_once(nlp):
    text = ("Floods displace 5,000 families in the north\n\n"
            "Floods displace 5,000 families in the north\n\n"
            "Rescuers said 5,000 families were displaced.")
    values = [(c.value, c.unit) for c in claims_of(nlp, text)]
    assert values == [(5000, "family"), (5000, "family")]


def test_repeated_sentences_are_found_by_their_words():
    words = ["Floods", "displace", "families", "\n", "FLOODS", "displace", "families", "!", "\n", "Short", "\n",
             "Short"]
    doc = build(words, ["NOUN"] * len(words), spaces=[w not in ("\n",) and i + 1 < len(words) and words[i + 1] != "\n"
                                                     for i, w in enumerate(words)])
    sents = [doc[0:4], doc[4:9], doc[9:11], doc[11:12]]
    assert repeated_sentences(sents) == {1}    # "Short" is too short to count as a repeat


# ---------------------------------------------------------------- any text

PIECES = ["$", "\u20ac", "5", "1,000", "2.5", "million", "bn", "m", "-", "to", "between", "and", "of", "the",
          "people", "killed", "%", "dozens", "\n", "\n\n", '"', "\u201c", "\u201d", "at least", "over", "one",
          "twenty", "three", "Rs.", "HK$", "(", ")", "each", "others", "were", "freed", "2023", "June", "half",
          "in", "out of", ":", "+44", "555-123-4567", "hostages", "years", ".", ",", "Ukrainian", "those"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_claims_point_into_their_sentence(nlp, pieces):
    text = " ".join(pieces)
    for c in claims_of(nlp, text):
        assert text[c.start:c.end] == c.text
        assert c.evidence.start <= c.start <= c.end <= c.evidence.end
        assert c.qualifier == "approximate" or c.value is not None


def test_runs_of_digits_too_long_for_a_float_are_not_claims(extractor):
    """Regression (found by the property tests): 400 digits overflowed to inf and crashed."""
    record = extractor.extract("They freed " + "9" * 400 + " prisoners. Another 1,500 soldiers were released.")
    assert [(c.value, c.text) for c in record.numeric_claims] == [(1500.0, "1,500 soldiers")]
