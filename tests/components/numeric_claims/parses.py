"""Hand-built parses of the sentences the governor, category and modality tests read.

Each entry: words, pos, heads (absolute), deps, lemmas (None: the lower-cased
word), tags (None: from pos), as the English parser analyses such a sentence."""
from __future__ import annotations

from newsextract.components.numeric_claims.units import read

from .docs import build, figure, lex

PARSES = {
    "arrested": (["Police", "arrested", "45", "protesters", "."], ["NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
                 [1, 1, 3, 1, 1], ["nsubj", "ROOT", "nummod", "dobj", "punct"],
                 ["police", "arrest", "45", "protester", "."], None),
    "freed": (["Hamas", "freed", "13", "hostages"], ["PROPN", "VERB", "NUM", "NOUN"], [1, 1, 3, 1],
              ["nsubj", "ROOT", "nummod", "dobj"], ["Hamas", "free", "13", "hostage"], None),
    "handed over": (["They", "handed", "over", "23", "soldiers"], ["PRON", "VERB", "ADP", "NUM", "NOUN"],
                    [1, 1, 1, 4, 1], ["nsubj", "ROOT", "prt", "nummod", "dobj"],
                    ["they", "hand", "over", "23", "soldier"], None),
    "handed": (["They", "handed", "23", "soldiers"], ["PRON", "VERB", "NUM", "NOUN"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "nummod", "dobj"], ["they", "hand", "23", "soldier"], None),
    "toll": (["The", "death", "toll", "rose", "to", "45"], ["DET", "NOUN", "NOUN", "VERB", "ADP", "NUM"],
             [2, 2, 3, 3, 3, 4], ["det", "compound", "nsubj", "ROOT", "prep", "pobj"],
             ["the", "death", "toll", "rise", "to", "45"], None),
    "could reach": (["The", "toll", "could", "reach", "100"], ["DET", "NOUN", "AUX", "VERB", "NUM"],
                    [1, 3, 3, 3, 3], ["det", "nsubj", "aux", "ROOT", "dobj"],
                    ["the", "toll", "could", "reach", "100"], ["DT", "NN", "MD", "VB", "CD"]),
    "requested": (["They", "urged", "Tehran", "to", "release", "15", "sailors", "it", "seized"],
                  ["PRON", "VERB", "PROPN", "PART", "VERB", "NUM", "NOUN", "PRON", "VERB"],
                  [1, 1, 1, 4, 1, 6, 4, 8, 6],
                  ["nsubj", "ROOT", "dobj", "aux", "xcomp", "nummod", "dobj", "nsubj", "relcl"],
                  ["they", "urge", "Tehran", "to", "release", "15", "sailor", "it", "seize"], None),
    "not confirm": (["Officials", "did", "not", "confirm", "that", "30", "people", "died"],
                    ["NOUN", "AUX", "PART", "VERB", "SCONJ", "NUM", "NOUN", "VERB"], [3, 3, 3, 3, 7, 6, 7, 3],
                    ["nsubj", "aux", "neg", "ROOT", "mark", "nummod", "nsubj", "ccomp"],
                    ["official", "do", "not", "confirm", "that", "30", "people", "die"], None),
    "if freed": (["They", "leave", "if", "50", "are", "freed"], ["PRON", "VERB", "SCONJ", "NUM", "AUX", "VERB"],
                 [1, 1, 5, 5, 5, 1], ["nsubj", "ROOT", "mark", "nsubjpass", "auxpass", "advcl"],
                 ["they", "leave", "if", "50", "be", "free"], ["PRP", "VBP", "IN", "CD", "VBP", "VBN"]),
    "including": (["14", "people", ",", "including", "two", "policemen", ",", "were", "killed"],
                  ["NUM", "NOUN", "PUNCT", "VERB", "NUM", "NOUN", "PUNCT", "AUX", "VERB"],
                  [1, 8, 1, 1, 5, 3, 1, 8, 8],
                  ["nummod", "nsubjpass", "punct", "prep", "nummod", "pobj", "punct", "auxpass", "ROOT"],
                  ["14", "people", ",", "include", "two", "policeman", ",", "be", "kill"],
                  ["CD", "NNS", ",", "VBG", "CD", "NNS", ",", "VBD", "VBN"]),
    "villages": (["Crops", "were", "affected", "in", "5,000", "villages"],
                 ["NOUN", "AUX", "VERB", "ADP", "NUM", "NOUN"], [2, 2, 2, 2, 5, 3],
                 ["nsubjpass", "auxpass", "ROOT", "prep", "nummod", "pobj"],
                 ["crop", "be", "affect", "in", "5,000", "village"], None),
    "lost trucks": (["The", "army", "lost", "four", "trucks"], ["DET", "NOUN", "VERB", "NUM", "NOUN"],
                    [1, 2, 2, 4, 2], ["det", "nsubj", "ROOT", "nummod", "dobj"],
                    ["the", "army", "lose", "four", "truck"], None),
    "seized kilograms": (["Police", "seized", "40", "kilograms"], ["NOUN", "VERB", "NUM", "NOUN"], [1, 1, 3, 1],
                         ["nsubj", "ROOT", "nummod", "dobj"], ["police", "seize", "40", "kilogram"], None),
    "liberated villages": (["They", "liberated", "300", "villages"], ["PRON", "VERB", "NUM", "NOUN"], [1, 1, 3, 1],
                           ["nsubj", "ROOT", "nummod", "dobj"], ["they", "liberate", "300", "village"], None),
    "casualties rose": (["The", "casualties", "rose", "to", "25"], ["DET", "NOUN", "VERB", "ADP", "NUM"],
                        [1, 2, 2, 2, 3], ["det", "nsubj", "ROOT", "prep", "pobj"],
                        ["the", "casualty", "rise", "to", "25"], None),
    # the parser gives the toll to a participle; "stands" has no subject of its own
    "toll far": (["said", "the", "death", "toll", "from", "storms", "recorded", "there", "stands", "at", "88"],
                 ["VERB", "DET", "NOUN", "NOUN", "ADP", "NOUN", "VERB", "ADV", "VERB", "ADP", "NUM"],
                 [0, 3, 3, 6, 3, 4, 0, 6, 0, 8, 9],
                 ["ROOT", "det", "compound", "nsubj", "prep", "pobj", "ccomp", "advmod", "ccomp", "prep", "pobj"],
                 ["say", "the", "death", "toll", "from", "storm", "record", "there", "stand", "at", "88"],
                 ["VBD", "DT", "NN", "NN", "IN", "NNS", "VBN", "RB", "VBZ", "IN", "CD"]),
    "in detention": (["There", "are", "275", "prisoners", "in", "detention"],
                     ["PRON", "VERB", "NUM", "NOUN", "ADP", "NOUN"], [1, 1, 3, 1, 1, 4],
                     ["expl", "ROOT", "nummod", "attr", "prep", "pobj"],
                     ["there", "be", "275", "prisoner", "in", "detention"], None),
    # the parser hangs a second object on the verb
    "object on verb": (["killed", "14", "soldiers", "and", "three", "people"],
                       ["VERB", "NUM", "NOUN", "CCONJ", "NUM", "NOUN"],
                       [0, 2, 0, 0, 5, 0], ["ROOT", "nummod", "dobj", "cc", "nummod", "conj"],
                       ["kill", "14", "soldier", "and", "three", "people"], None),
    "clause on verb": (["They", "left", "and", "two", "people", "stayed"],
                       ["PRON", "VERB", "CCONJ", "NUM", "NOUN", "VERB"], [1, 1, 1, 4, 1, 1],
                       ["nsubj", "ROOT", "cc", "nummod", "conj", "conj"],
                       ["they", "leave", "and", "two", "people", "stay"],
                       None),
    "people in districts": (["People", "in", "12", "districts", "were", "affected"],
                            ["NOUN", "ADP", "NUM", "NOUN", "AUX", "VERB"], [5, 0, 3, 1, 5, 5],
                            ["nsubjpass", "prep", "nummod", "pobj", "auxpass", "ROOT"],
                            ["people", "in", "12", "district", "be", "affect"], None),
    "number of people": (["The", "number", "of", "people", "killed", "rose", "to", "200"],
                         ["DET", "NOUN", "ADP", "NOUN", "VERB", "VERB", "ADP", "NUM"], [1, 5, 1, 2, 3, 5, 5, 6],
                         ["det", "nsubj", "prep", "pobj", "acl", "ROOT", "prep", "pobj"],
                         ["the", "number", "of", "people", "kill", "rise", "to", "200"],
                         ["DT", "NN", "IN", "NNS", "VBN", "VBD", "IN", "CD"]),
}


def parsed(key: str, index: int = 0):
    """(doc, span, amount, reading, anchor) of the `index`-th figure of a parse."""
    words, pos, heads, deps, lemmas, tags = PARSES[key]
    doc = build(words, pos, heads=heads, deps=deps, lemmas=lemmas, tags=tags)
    span, a = figure(doc, index)
    r = read(lex(), doc, span, a)
    anchor = span.root if (r.partitive or r.head is None) else r.head
    return doc, span, a, r, anchor
