"""units.py: the counted noun after a figure, on hand-built parses."""
from __future__ import annotations

import pytest

from newsextract.components.numeric_claims.units import read

from .docs import build, figure, lex

# words, pos, heads, deps, lemmas (None: the lower-cased word), tags (None: from pos)
PARSES = {
    "63 Russian servicemen": (["Ukraine", "freed", "63", "Russian", "servicemen", "."],
                              ["PROPN", "VERB", "NUM", "ADJ", "NOUN", "PUNCT"], [1, 1, 4, 4, 1, 1],
                              ["nsubj", "ROOT", "nummod", "amod", "dobj", "punct"],
                              ["Ukraine", "free", "63", "russian", "serviceman", "."], None),
    "two police officers": (["two", "police", "officers", "died"], ["NUM", "NOUN", "NOUN", "VERB"], [2, 2, 3, 3],
                            ["nummod", "compound", "nsubj", "ROOT"], ["two", "police", "officer", "die"], None),
    "prisoners of war": (["five", "prisoners", "of", "war", "returned"], ["NUM", "NOUN", "ADP", "NOUN", "VERB"],
                         [1, 4, 1, 2, 4], ["nummod", "nsubj", "prep", "pobj", "ROOT"],
                         ["five", "prisoner", "of", "war", "return"], None),
    "30 others": (["30", "others", "were", "injured"], ["NUM", "NOUN", "AUX", "VERB"], [1, 3, 3, 3],
                  ["nummod", "nsubjpass", "auxpass", "ROOT"], ["30", "other", "be", "injure"], None),
    "12 dead": (["left", "12", "dead"], ["VERB", "NUM", "ADJ"], [0, 0, 0], ["ROOT", "dobj", "oprd"], None, None),
    "each": (["freed", "50", "prisoners", "each"], ["VERB", "NUM", "NOUN", "ADV"], [0, 2, 0, 0],
             ["ROOT", "nummod", "dobj", "advmod"], ["free", "50", "prisoner", "each"], None),
    "partitive noun": (["21", "of", "the", "Chibok", "schoolgirls", "were", "freed"],
                       ["NUM", "ADP", "DET", "PROPN", "NOUN", "AUX", "VERB"], [6, 0, 4, 4, 1, 6, 6],
                       ["nsubjpass", "prep", "det", "compound", "pobj", "auxpass", "ROOT"],
                       ["21", "of", "the", "Chibok", "schoolgirl", "be", "free"], None),
    "partitive pronoun": (["three", "of", "them", "died"], ["NUM", "ADP", "PRON", "VERB"], [3, 0, 1, 3],
                          ["nsubj", "prep", "pobj", "ROOT"], None, None),
    "partitive participle": (["87", "of", "those", "freed"], ["NUM", "ADP", "PRON", "VERB"], [0, 0, 1, 2],
                             ["ROOT", "prep", "pobj", "acl"], ["87", "of", "those", "free"],
                             ["CD", "IN", "DT", "VBN"]),
    "currency name": (["spent", "45", "billion", "naira"], ["VERB", "NUM", "NUM", "PROPN"], [0, 2, 3, 0],
                      ["ROOT", "compound", "nummod", "dobj"], None, None),
    "demonym": (["freed", "248", "Russians"], ["VERB", "NUM", "PROPN"], [0, 2, 0], ["ROOT", "nummod", "dobj"],
                None, ["VBD", "CD", "NNPS"]),
    # a list of figures sharing its last, plural noun
    "shared head": (["14", "army", ",", "9", "navy", "and", "22", "rescue", "teams"],
                    ["NUM", "NOUN", "PUNCT", "NUM", "NOUN", "CCONJ", "NUM", "NOUN", "NOUN"],
                    [1, 1, 1, 4, 1, 4, 8, 8, 4], ["nummod", "ROOT", "punct", "nummod", "appos", "cc", "nummod",
                                                  "compound", "conj"],
                    ["14", "army", ",", "9", "navy", "and", "22", "rescue", "team"],
                    ["CD", "NN", ",", "CD", "NN", "CC", "CD", "NN", "NNS"]),
    "no shared head": (["14", "army", "and", "9", "navy"], ["NUM", "NOUN", "CCONJ", "NUM", "NOUN"],
                       [1, 1, 1, 4, 1], ["nummod", "ROOT", "cc", "nummod", "conj"], None,
                       ["CD", "NN", "CC", "CD", "NN"]),
    "possessive": (["three", "suspected", "smugglers", "'", "accomplices"], ["NUM", "VERB", "NOUN", "PART", "NOUN"],
                   [4, 2, 4, 2, 4], ["nummod", "amod", "poss", "case", "ROOT"],
                   ["three", "suspect", "smuggler", "'", "accomplice"], ["CD", "VBN", "NNS", "POS", "NNS"]),
    "curly possessive": (["two", "smugglers", "\u2019", "couriers"], ["NUM", "NOUN", "PUNCT", "NOUN"],
                         [3, 3, 1, 3], ["nummod", "poss", "case", "ROOT"], ["two", "smuggler", "'", "courier"],
                         ["CD", "NNS", "''", "NNS"]),
    # the parser makes the possessor the figure's noun; the possessed noun is still what is counted
    "possessor parse": (["two", "suspected", "pirates", "\u2019", "accomplices"],
                        ["NUM", "VERB", "NOUN", "PUNCT", "NOUN"], [2, 2, 2, 2, 2],
                        ["nummod", "amod", "ROOT", "case", "appos"], ["two", "suspect", "pirate", "'", "accomplice"],
                        ["CD", "VBN", "NNS", "''", "NNS"]),
    "quoted name": (["four", "\u201c", "Bastion", "\u201d", "armoured", "trucks"],
                    ["NUM", "PUNCT", "PROPN", "PUNCT", "ADJ", "NOUN"], [5, 5, 5, 5, 5, 5],
                    ["nummod", "punct", "nmod", "punct", "amod", "ROOT"], ["four", '"', "Bastion", '"', "armoured",
                                                                          "truck"],
                    ["CD", "``", "NNP", "''", "JJ", "NNS"]),
    "slash": (["two", "Boko", "Haram", "/", "ISWAP", "fighters"], ["NUM", "PROPN", "PROPN", "SYM", "PROPN", "NOUN"],
              [5, 2, 5, 5, 5, 5], ["nummod", "compound", "compound", "punct", "compound", "ROOT"],
              ["two", "Boko", "Haram", "/", "ISWAP", "fighter"], None),
    "coordinated adjectives": (["three", "serving", "and", "retired", "officers"],
                               ["NUM", "ADJ", "CCONJ", "ADJ", "NOUN"],
                               [4, 4, 1, 1, 4], ["nummod", "amod", "cc", "conj", "ROOT"],
                               ["three", "serving", "and", "retired", "officer"], None),
    "invariant demonym": (["hosts", "250,000", "Congolese"], ["VERB", "NUM", "PROPN"], [0, 2, 0],
                          ["ROOT", "nummod", "dobj"], None, None),
    "strong": (["a", "5,000", "-", "strong", "force"], ["DET", "NUM", "PUNCT", "ADJ", "NOUN"], [4, 3, 3, 4, 4],
               ["det", "npadvmod", "punct", "amod", "ROOT"], None, None),
    "family of": (["a", "family", "of", "four", "was", "killed"], ["DET", "NOUN", "ADP", "NUM", "AUX", "VERB"],
                  [1, 5, 1, 2, 5, 5], ["det", "nsubjpass", "prep", "pobj", "auxpass", "ROOT"],
                  ["a", "family", "of", "four", "be", "kill"], ["DT", "NN", "IN", "CD", "VBD", "VBN"]),
    "others injured": (["four", "others", "injured"], ["NUM", "NOUN", "VERB"], [1, 1, 1],
                       ["nummod", "ROOT", "acl"], ["four", "other", "injure"], ["CD", "NNS", "VBN"]),
}


# entity labels where a rule reads them
ENTS = {"invariant demonym": ["O", "O", "B-NORP"]}


def reading(key):
    words, pos, heads, deps, lemmas, tags = PARSES[key]
    doc = build(words, pos, heads=heads, deps=deps, lemmas=lemmas, tags=tags, ents=ENTS.get(key))
    span, a = figure(doc)
    return doc, read(lex(), doc, span, a)


@pytest.mark.parametrize("key, unit, anaphoric, text_end", [
    ("63 Russian servicemen", "serviceman", False, "servicemen"),
    ("two police officers", "police officer", False, "officers"),
    ("prisoners of war", "prisoner of war", False, "war"),
    ("30 others", None, True, "others"),
    ("12 dead", None, True, "dead"),
    ("each", "prisoner", False, "each"),
    ("partitive noun", "schoolgirl", False, "schoolgirls"),
    ("partitive pronoun", None, True, "them"),
    ("partitive participle", None, True, "freed"),
    ("currency name", "naira", False, "naira"),
    ("demonym", "russian", False, "Russians"),
    ("shared head", "team", False, "army"),
    ("no shared head", "army", False, "army"),
    ("possessive", "accomplice", False, "accomplices"),
    ("slash", "fighter", False, "fighters"),
    ("curly possessive", "courier", False, "couriers"),
    ("quoted name", "truck", False, "trucks"),
    ("possessor parse", "accomplice", False, "accomplices"),
    ("coordinated adjectives", "officer", False, "officers"),
    ("invariant demonym", "congolese", False, "Congolese"),
    ("strong", "person", False, "force"),
    ("family of", "person", False, "four"),
    ("others injured", None, True, "injured"),
])
def test_counted_noun(key, unit, anaphoric, text_end):
    doc, r = reading(key)
    assert (r.unit, r.anaphoric) == (unit, anaphoric)
    assert doc.text[:r.end_char].endswith(text_end)


def test_modifiers_partitive_distributive_and_predicates():
    assert [m.text for m in reading("63 Russian servicemen")[1].modifiers] == ["Russian"]
    assert reading("each")[1].distributive
    assert reading("partitive noun")[1].partitive
    assert reading("partitive participle")[1].partitive_pred.text == "freed"
    assert reading("12 dead")[1].post_pred.text == "dead"
    r = reading("demonym")[1]
    assert r.demonym_unit and [m.text for m in r.modifiers] == ["Russians"]


def test_a_vague_amount_with_no_noun_counts_nothing():
    doc = build(["several", "times"], ["ADJ", "NOUN"], heads=[1, 1], deps=["amod", "ROOT"],
                lemmas=["several", "time"])
    span, a = figure(doc)
    assert read(lex(), doc, span, a).unit == "time"     # a unit; "time" is dropped later as not counted
    doc = build(["dozens", "of", "times"], ["NOUN", "ADP", "NOUN"], heads=[0, 0, 1], deps=["ROOT", "prep", "pobj"],
                lemmas=["dozen", "of", "time"])
    span, a = figure(doc)
    assert read(lex(), doc, span, a).unit == "time"


def test_a_group_of_n_takes_the_group_s_predicate():
    r = reading("family of")[1]
    assert r.head.text == "family"


def test_others_take_the_predicate_right_after_them():
    assert reading("others injured")[1].post_pred.text == "injured"


@pytest.mark.parametrize("words, pos, tags", [
    (["fired", "155mm", "artillery", "shells"], ["VERB", "NUM", "NOUN", "NOUN"], ["VBD", "CD", "NN", "NNS"]),
    (["ten", "boxes", "of", "7.62", "mm", "ammunition"], ["NUM", "NOUN", "ADP", "NUM", "NOUN", "NOUN"],
     ["CD", "NNS", "IN", "CD", "NN", "NN"]),
])
def test_a_calibre_counts_nothing(words, pos, tags):
    doc = build(words, pos, tags=tags)
    span, a = figure(doc, len(lex().reader.find(doc.text)) - 1)
    assert read(lex(), doc, span, a) is None
