"""THE name key (newsextract.text.names): which spellings of a name meet."""
from __future__ import annotations

import pytest

from newsextract.text.names import name_key


@pytest.mark.parametrize("a, b", [
    ("U.S.", "US"),
    ("Côte d'Ivoire", "Cote d’Ivoire"),
    ("the Netherlands", "Netherlands"),
    ("Nagorno-Karabakh", "Nagorno Karabakh"),
    ("RUSSIAʼS", "Russias"),
    ("  Gaza   Strip ", "gaza strip"),
])
def test_name_key_makes_spellings_meet(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("Niger") != name_key("Nigeria")
    assert name_key("Guinea") != name_key("Guinea-Bissau")


@pytest.mark.parametrize("text, options, key", [
    ("Côte d’Ivoire", {}, "cote divoire"),
    ("The Hague", {}, "hague"),
    ("Russia's", {}, "russias"),
    ("Russia's", {"drop_possessive": True}, "russia"),
    ("RUSSIAʼS army", {"drop_possessive": True}, "russia army"),
    ("the bishops' conference", {"drop_possessive": True}, "bishops conference"),
    ("Jones’s lawyer", {"drop_possessive": True}, "jones lawyer"),
    ("Said", {"drop_possessive": True}, "said"),
    ("a spokesman", {}, "a spokesman"),
    ("a spokesman", {"drop_indefinite": True}, "spokesman"),
    ("An Giang", {"drop_indefinite": True}, "giang"),
    ("Procter & Gamble", {}, "procter & gamble"),
    ("Al-Shabaab (Somalia)", {}, "al shabaab somalia"),
    ("ΑΘΗΝΑ", {}, "αθηνα"),
    ("", {}, ""),
])
def test_name_key_options(text, options, key):
    assert name_key(text, **options) == key
