"""The MEDIATOR role from the pattern table (newsextract.components.mediators), on
small articles through the full pipeline.
"""
from __future__ import annotations

import pytest

from ..lookup import find


@pytest.mark.parametrize("text, mediator", [
    ("Russia and Ukraine swapped 100 prisoners each in a deal brokered by Qatar.", "Qatar"),
    ("Iran and Sweden freed prisoners in an Oman-mediated swap on Saturday.", "Oman"),
    ("The release of the hostages was mediated by Egypt and Qatar, officials said.", "Egypt"),
    ("The release of the hostages was mediated by Egypt and Qatar, officials said.", "Qatar"),
    ("The exchange took place with Turkey's help, the ministry said.", "Turkey"),
    ("The two sides agreed to a truce under UN auspices on Friday.", "UN"),
    ("The two sides agreed to a truce under the auspices of the African Union.", "African Union"),
    ("Egyptian mediators said Hamas had accepted the ceasefire proposal.", "Egypt"),
    ("Kenya thanked Ethiopia for its efforts in securing the release of the aid workers.", "Ethiopia"),
    ("Israel praised Egypt's vigorous efforts to bring about a ceasefire.", "Egypt"),
    ("Switzerland acted as an intermediary between Washington and Tehran.", "Switzerland"),
    ("The deal was reached thanks to the mediation of Saudi Arabia, the statement said.", "Saudi Arabia"),
    ("Qatar, a longtime mediator in the conflict, secured the agreement of both sides.", "Qatar"),
    ("Talks sponsored by the United Nations in Kuwait collapsed in August.", "United Nations"),
    ("The swap was facilitated by the International Committee of the Red Cross.",
     "International Committee of the Red Cross"),
    ("Saudi-brokered talks between the warring parties resumed in Jeddah.", "Saudi Arabia"),
    ("Cuba and Norway, which are guarantors of the process, hosted the talks.", "Norway"),
    ("Ankara brokered the grain deal in 2022.", "Turkey"),
    # a person acting for the mediating state is a mediator too
    ("The truce was mediated by Norway's ambassador to Peru, Jonas Berg.", "Jonas Berg"),
    ("The truce was mediated by Norway's ambassador to Peru, Jonas Berg.", "Norway"),
    ("The accord was brokered by Turkish President Jonas Berg on Monday.", "Jonas Berg"),
    ("The accord was brokered by Turkish President Jonas Berg on Monday.", "Turkey"),
    # mediators the sentence does not name: the people introduced with a demonym and a title
    ("African mediators held talks with the rebels on Sunday, Ethiopian Foreign Minister Abebe Kebede said.",
     "Abebe Kebede"),
    ("Qatar has for years been a key mediator in the crisis.", "Qatar"),
    ("The ICRC, as a neutral and humanitarian intermediary, received the detainees.", "ICRC"),
    ("Kenya thanked the Ugandan side for hosting the talks.", "Uganda"),
    ("The talks were held with the mediation of the interim government of Afghanistan.", "Afghanistan"),
    ("The United Arab Emirates said it had successfully mediated the exchange.", "United Arab Emirates"),
    ("The Varna Declaration was brokered by Norway in March.", "Norway"),
])
def test_mediator_role(run, text, mediator):
    ents = run(text)
    ent = find(ents, mediator)
    assert ent is not None, mediator
    assert "MEDIATOR" in ent.roles
    ev = [r for r in ent.role_evidence if r.role == "MEDIATOR" and r.status == "actual"]
    assert ev and ev[0].evidence.text in text


@pytest.mark.parametrize("text", [
    "Germany pledged $100 million at the donor conference hosted by France and the EU.",
    "The parties to the conflict met in Geneva, and Norway paid for the hotel.",
    "Qatar and Egypt were among the countries that sent aid.",
    "Ukraine thanked Poland for its support.",
    "The men were freed with the help of Oman, Russia's defence ministry said.",
    "After communicating with Saudi Arabia to facilitate the permits, the men were flown home.",
    "Kenya thanked Uganda for hosting refugees.",
])
def test_not_mediators(run, text):
    assert not any("MEDIATOR" in e.roles for e in run(text) if e.name not in ("Oman",))


def test_parties_of_a_passive_deal_are_not_mediators(run):
    ents = run("The prisoner exchange between Armenia and Azerbaijan was facilitated by the European Union.")
    assert [e.name for e in ents if "MEDIATOR" in e.roles] == ["European Union"]


@pytest.mark.parametrize("text, proposer", [
    ("Turkey offered to mediate between the two sides.", "Turkey"),
    ("The International Committee of the Red Cross will act as an intermediary in the operation.",
     "International Committee of the Red Cross"),
])
def test_proposed_mediation_is_not_the_mediator_role(run, text, proposer):
    ent = find(run(text), proposer)
    assert ent is not None
    assert "MEDIATOR" not in ent.roles and "PROPOSED_MEDIATOR" in ent.roles
    assert [r.status for r in ent.role_evidence] == ["proposed"]


def test_mediator_evidence_points_into_the_text(run, nlp):
    text = ("Prisoners were released on Sunday.\n\nThe exchange, brokered by the United Arab Emirates, "
            "involved 200 soldiers.")
    doc = nlp(text)
    uae = find(doc._.ne_entities, "United Arab Emirates")
    ev = uae.role_evidence[0].evidence
    assert text[ev.start:ev.end] == ev.text and ev.text.startswith("The exchange")


def test_unnamed_mediators_are_the_titled_people_of_the_next_sentence(run):
    ents = run("African mediators held talks with the rebels on Sunday. They were led by Kenyan President "
               "Daniel Mwangi and Ugandan Prime Minister John Okello, a spokesman said.")
    assert {e.name for e in ents if "MEDIATOR" in e.roles} == {"Daniel Mwangi", "John Okello"}
