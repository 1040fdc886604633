"""Modality and genericity of a trigger: did it happen (asserted), did it not
(negated), is it to come (planned) or only thought of (hypothetical); and is it
a kind of event ('past exchanges') rather than one event."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .article import ArticleEvents
from .mentions import Mention

# the relations a trigger's modality climbs through to the words governing it
_CLIMB_DEPS = frozenset({
    "xcomp", "ccomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "acomp", "oprd",
    "conj", "appos", "amod", "dep", "pcomp", "acl", "relcl", "npadvmod", "advcl",
})


def modality(art: ArticleEvents, m: Mention) -> str:
    """The trigger's own modal words first, then those of the words governing it, up
    to the first finite clause or reporting verb."""
    lex, tree = art.lex, art.tree
    found = modal_children(art, m.token, first=True)
    if found:
        return found
    cur, steps, adjunct = m.token, 0, False
    while steps < 5 and not tree.is_root(cur) and cur.dep_ in _CLIMB_DEPS:
        if cur.dep_ in ("advcl", "relcl", "acl") and cur.pos_ in ("VERB", "AUX"):
            break  # 'after residents voted', 'who was arrested': a clause of its own
        head = tree.head(cur)
        lemma = head.lemma_.lower()
        if lemma in lex.reporting_verbs:
            break
        if lemma in lex.negating_governors:
            return "negated"
        if (lemma in lex.planned_governors and m.type not in lex.planned_not_for.get(lemma, ())
                and (lemma not in lex.planned_xcomp_only or cur.dep_ in ("xcomp", "ccomp"))):
            return "planned"
        if lemma in lex.hypothetical_governors:
            return "hypothetical"
        # a verb's negation or auxiliary covers its complements, not a phrase hanging on it
        # ('have not returned since the quake': the quake happened)
        adjunct = adjunct or (cur.dep_ == "prep" and head.pos_ in ("VERB", "AUX"))
        found = modal_children(art, head, first=False)
        if found and not (adjunct and found == "negated"):
            return found
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("xcomp", "conj", "ccomp", "pcomp"):
            break  # a finite clause: its modality was read above; what governs it does not carry over
        cur, steps = head, steps + 1
    return "asserted"


def modal_children(art: ArticleEvents, tok: Token, first: bool) -> Optional[str]:
    """The modality a token's own children give it; a negation outranks the rest.
    `first`: the token is the trigger itself, whose modifiers count too ('planned talks')."""
    lex, tree = art.lex, art.tree
    found = None
    for c in tree.children(tok):
        low = c.lower_
        if c.dep_ == "neg" or (low in lex.negation_words and c.dep_ in ("det", "advmod", "preconj")):
            return "negated"
        if found:
            continue
        if c.dep_ in ("aux", "auxpass"):
            if low in lex.planned_aux:
                found = "planned"
            elif low in lex.hypothetical_aux:
                found = "hypothetical"
            elif low in lex.infinitive_marks and tok.pos_ in ("VERB", "AUX") and not (
                    tok.dep_ in ("xcomp", "ccomp", "conj") and tree.head(tok).lemma_.lower() in lex.implicative_verbs):
                found = "planned"  # an infinitive tells what is to happen ('talks to be held')
        elif c.dep_ == "mark" and low in lex.hypothetical_marks:
            found = "hypothetical"
        elif first and c.dep_ in ("amod", "compound", "advmod", "nmod") and (
                low in lex.planned_modifiers or c.lemma_.lower() in lex.planned_modifiers):
            found = "planned"
        elif first and c.dep_ in ("acl", "relcl") and any(
                g.dep_ in ("aux", "auxpass") and g.lower_ in lex.planned_clause_aux for g in tree.children(c)):
            found = "planned"  # 'talks to be held next week', 'a meeting that will take place'
    return found


def is_generic(art: ArticleEvents, m: Mention) -> bool:
    """'past exchanges', 'attacks like this one', uncounted plurals: a kind of event."""
    lex, tree = art.lex, art.tree
    tok = m.token
    for c in tree.children(tok):
        if c.dep_ in ("amod", "det", "predet", "advmod") and c.lower_ in lex.generic_modifiers:
            return True
        if c.dep_ == "prep" and c.lower_ in lex.comparison_preps:
            return True
    if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in lex.generic_plurals:
        counted = any(c.dep_ in ("nummod", "det") and c.lower_ in lex.counting_determiners or c.dep_ == "nummod"
                      for c in tree.children(tok))
        return not counted
    return False
