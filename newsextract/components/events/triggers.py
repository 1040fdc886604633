"""Triggers: the words of an article that tell an event.

A token's lemma (or form) is looked up in the trigger rows of the table, each
row with the context it needs; multi-word triggers are dependency paths from a
head lemma (patterns.py); an elliptic mention ('two more took place') takes the type told just
before; captives on their way home ('a flight carrying detainees landed') tell a
release.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...spans import in_caption
from .article import ArticleEvents
from .rules import TriggerRule
from .mentions import Mention


def context_ok(art: ArticleEvents, names, tok: Token, si: int, near: set) -> bool:
    """A rule's context: words of the sentence (and the one before), or with a
    'near:' name, words next to the trigger; 'near:people' also takes a named
    person, a plural proper noun ('Ukrainians') or a counted group."""
    lex, tree = art.lex, art.tree
    words = art.words_of(si)
    for name in names:
        if name.startswith("near:"):
            if near & lex.contexts.get(name[5:], frozenset()):
                return True
            if name == "near:people":
                args = tree.children(tok) + ([tree.head(tok)] if tok.dep_ in ("acl", "amod", "relcl") else [])
                for c in args:
                    if c.i in art.entity_at and art.entity_at[c.i].type == "PERSON":
                        return True
                    if c.tag_ == "NNPS" or any(g.dep_ == "nummod" for g in tree.children(c)):
                        return True
            continue
        if words & lex.contexts.get(name, frozenset()):
            return True
        cats = lex.context_claims.get(name)
        if cats and any(c.category in cats for c, _ in art.sent_claims.get(si, ())):
            return True
    return False


def match_rule(art: ArticleEvents, tok: Token, si: int) -> Optional[TriggerRule]:
    """The first trigger row whose lemma, part of speech, neighbours and context fit the token."""
    lex = art.lex
    lemma = tok.lemma_.lower()
    rules = lex.rules.get(lemma) or lex.rules.get(tok.lower_)
    if not rules:
        return None
    near = None
    pos = tok.pos_
    if pos == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        pos = "NOUN"  # 'the unfreezing of funds' tagged as an adjective
    for rule in rules:
        if pos not in rule.pos:
            continue
        if lemma in rule.lowercase and not tok.text.islower():
            continue
        if lemma in rule.noun_only and tok.pos_ == "VERB":
            continue
        if near is None:
            near = art.tree.near_words(tok)
        if rule.near and not (near & rule.near):
            continue
        if rule.exclude_near and near & rule.exclude_near:
            continue
        excl = rule.exclude_context_for.get(lemma)
        if excl and context_ok(art, excl, tok, si, near):
            continue
        need = rule.context_for.get(lemma, rule.context)
        if need and rule.type not in art.types_seen and not context_ok(art, need, tok, si, near):
            continue
        return rule
    return None


def match_pattern(art: ArticleEvents, tok: Token) -> Optional[TriggerRule]:
    """A multi-word trigger headed by the token ('took to the streets', 'held talks')."""
    return art.lex.patterns.match(art.tree, tok)


def captives_moving(art: ArticleEvents, tok: Token) -> Optional[TriggerRule]:
    """'Prisoners of war left Saudi Arabia', 'a flight carrying detainees landed', 'Americans
    detained in Iran arrived home': captives on their way home tell a release."""
    if tok.pos_ != "VERB":
        return None
    lex, tree = art.lex, art.tree
    for subj in (c for c in tree.children(tok) if c.dep_ == "nsubj"):
        people = [subj] + [g for c in tree.children(subj) if c.dep_ == "acl" and c.lemma_.lower() in lex.carrying_verbs
                           for g in tree.children(c) if g.dep_ == "dobj"]
        for p in people:
            if p.lemma_.lower() in lex.captive_nouns or any(
                    c.dep_ in ("acl", "amod") and c.lemma_.lower() in lex.captive_states for c in tree.children(p)):
                return lex.motion_rule
    return None


def elliptic(art: ArticleEvents, tok: Token, si: int, before: list[Mention]) -> Optional[TriggerRule]:
    """'Two more took place in December': an event verb whose subject is a bare number or
    'another', naming the type of the last event told (this sentence or the one before)."""
    lex, tree = art.lex, art.tree
    lemma = tok.lemma_.lower()
    if lemma not in lex.elliptic_verbs or tok.pos_ not in ("VERB", "NOUN"):
        return None
    particles = lex.elliptic_particles.get(lemma)
    if particles and not any(c.lower_ in particles for c in tree.children(tok)):
        return None
    subj = next((c for c in tree.children(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NUM", "ADJ", "PRON", "DET") or subj.lemma_.lower() not in lex.elliptic_subjects:
        return None
    recent = [m for m in before if si - m.sent_i <= 1]
    if not recent:
        return None
    counts: dict[str, int] = {}
    for m in recent:
        counts[m.type] = counts.get(m.type, 0) + 1
    top = max(counts.values())
    return next(m.rule for m in recent if counts[m.type] == top)  # the type most told, first told


def find_mentions(art: ArticleEvents) -> list[Mention]:
    """Every trigger of the article, in text order."""
    lex, tree = art.lex, art.tree
    mentions = []
    for si, sent in enumerate(art.sents):
        for tok in sent:
            if not tok.is_alpha and "-" not in tok.text:
                continue
            rule = match_rule(art, tok, si) or lex.patterns.match(tree, tok)
            if rule is None and tok.lemma_.lower() in lex.elliptic_verbs:
                rule = elliptic(art, tok, si, mentions)
            if rule is None and tok.lemma_.lower() in lex.motion_verbs:
                rule = captives_moving(art, tok)
            if rule is None:
                continue
            if in_caption(art.doc, tok.idx, tok.idx + len(tok)):
                continue
            if (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj"
                    and tree.head(tok).lemma_.lower() in lex.attribution_verbs):
                continue  # 'the conference said': a body speaking, not an event
            cameo = rule.cameo_by_lemma.get(tok.lemma_.lower()) or rule.cameo or lex.cameo.get(rule.type)
            art.types_seen.add(rule.type)
            mentions.append(Mention(rule.type, tok, si, rule, cameo, lede=si in art.lede))
    return mentions
