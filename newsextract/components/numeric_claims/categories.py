"""The category of a claim (KILLED, RELEASED, AFFECTED ...): from the governing
predicate, then the predicates on the noun itself, then the noun.

The words are in numeric_categories.json; the code says where in the parse a
trigger counts (its particle, its subject or object role, a request around it).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .governors import (
    anchor_word,
    embedding_host,
    governor,
    is_subject,
    past_reduced_relative,
    requested,
)
from .lemmas import lower_lemma
from .lexicon import Lexicon
from .numbers import Amount
from .units import NOUN_POS, SUBJECT_DEPS, Reading

# the children of a predicate that may be its particle or the rest of a phrasal predicate
_PARTICLE_DEPS = ("prt", "dobj", "oprd", "acomp", "advmod", "npadvmod")
_PHRASAL_LEMMA_DEPS = ("prt", "advmod", "dobj", "oprd", "acomp")
_PREPOSITION_DEPS = ("prep", "dative")
_COMPLEMENT_DEPS = ("oprd", "acomp", "xcomp")
# how many coordination links the participle of a last conjunct is looked for through
_MAX_CONJUNCTS = 4
# how many words before its verb a toll noun the parser gave to another verb may be
_MAX_TOLL_DISTANCE = 16
# a finite verb has a subject of its own; one the parser left without is missing it (an infinitive,
# "scramble to reach thousands", takes its head's)
_FINITE_TAGS = ("VBZ", "VBD", "VBP")
# the parts of speech of a particle written right after its verb
_PARTICLE_POS = ("ADP", "ADV", "PART", "ADJ")


def trigger(lex: Lexicon, pred: Token, noun: Optional[Token], unit: Optional[str], as_subject: bool) -> Optional[str]:
    """The category `pred` gives a counted noun (`unit`), or None."""
    lemma = pred.lemma_.lower()
    cat = lex.predicates.get(lemma)
    if cat is None and pred.lower_ in lex.predicates:
        lemma = pred.lower_
        cat = lex.predicates[lemma]
    parts = {c.lemma_.lower() for c in pred.children if c.dep_ in _PARTICLE_DEPS}
    after = _word_after(pred)
    if after:
        parts.add(after)
    # "taken into custody", "forced from their homes": a preposition and its object
    parts |= _prepositional_objects(pred)
    for p in parts:
        if f"{lemma} {p}" in lex.multiword:
            cat = lex.multiword[f"{lemma} {p}"]
            return None if cat == "OTHER" else cat
    if cat is None or pred.pos_ in NOUN_POS and lemma in lex.verb_only:
        return None
    if lemma in lex.phrasal:
        parts = {c.lower_ for c in pred.children if c.dep_ in _PARTICLE_DEPS}
        parts |= {c.lemma_.lower() for c in pred.children if c.dep_ in _PHRASAL_LEMMA_DEPS}
        if after:
            parts.add(after)
        if not parts & lex.phrasal[lemma]:
            return None
    if lemma in lex.object_only and as_subject and pred.tag_ != "VBN":
        return None
    if lemma in lex.restricted:
        allowed = lex.restricted[lemma]
        head_word = (unit or "").split(" of ")[0].split()[-1:] or [""]
        ok = head_word[0] in allowed or ("@person" in allowed and (head_word[0] in lex.person_nouns or unit is None)) \
            or "@captive" in allowed and noun is not None and _held(lex, noun)
        if not ok:
            return None
    return cat


def counts_people(lex: Lexicon, pred: Optional[Token]) -> bool:
    """Whether `pred` only counts people ("33 went missing"): a left-out noun under it is 'person'."""
    if pred is None:
        return False
    # "left millions hungry": the predicate is the verb's complement
    return any(p.lemma_.lower() in lex.person_predicates or p.lower_ in lex.person_predicates
               for p in [pred, *(c for c in pred.children if c.dep_ in _COMPLEMENT_DEPS)])


def _held(lex: Lexicon, noun: Token) -> bool:
    """'18 kidnapped villagers', 'abducted schoolgirls': a noun its modifier says is held."""
    return any(c.dep_ in ("amod", "compound") and lex.predicates.get(c.lemma_.lower()) == "DETAINED"
               and c.lemma_.lower() not in lex.verb_only for c in noun.children)


def _prepositional_objects(pred: Token) -> set[str]:
    """'into custody', 'from home': each preposition of `pred` with its object's lemma."""
    return {f"{c.lower_} {o.lemma_.lower()}" for c in pred.children if c.dep_ in _PREPOSITION_DEPS
            for o in c.children if o.dep_ == "pobj"}


def _word_after(pred: Token) -> Optional[str]:
    """The particle or complement right after a verb, whatever the parse made of it
    ("hands over 10 detainees": the parser reads "over 10" as a qualified figure; "went
    missing": an adverbial clause); only the phrase tables give it a meaning."""
    if pred.pos_ != "VERB" or pred.i + 1 >= len(pred.doc):
        return None
    nxt = pred.doc[pred.i + 1]
    return nxt.lower_ if nxt.pos_ in _PARTICLE_POS else None


def category(lex: Lexicon, doc: Doc, span: Span, a: Amount, r: Reading, anchor: Token,
             gov: Optional[Token]) -> str:
    """The claim's category; "OTHER" when nothing names what happened."""
    if a.currency:
        return "MONEY"
    if a.percent:
        return "PERCENT"
    cat = _category(lex, doc, span, a, r, anchor, gov)
    head_word = (r.unit or "").split(" of ")[0].split()[-1:] or [""]
    if r.unit in lex.thing_nouns or head_word[0] in lex.thing_nouns:
        # objects and places: "lost four trucks" -> AFFECTED; "seized 40 kilograms" -> OTHER
        if gov is not None and _harms_things(lex, gov):
            return "AFFECTED"
        if cat in lex.human_categories:
            return "OTHER"
    return cat


def _harms_things(lex: Lexicon, pred: Token) -> bool:
    """Whether `pred` destroys, damages or takes out what it governs ("disabled", "shot down")."""
    lemma = pred.lemma_.lower()
    if lemma in lex.thing_harm or pred.lower_ in lex.thing_harm:
        return True
    return any(f"{lemma} {p}" in lex.thing_harm for p in _particles(pred))


def _particles(pred: Token) -> set[str]:
    parts = {c.lower_ for c in pred.children if c.dep_ in _PARTICLE_DEPS}
    after = _word_after(pred)
    return parts | {after} if after else parts


def _category(lex: Lexicon, doc: Doc, span: Span, a: Amount, r: Reading, anchor: Token,
              gov: Optional[Token]) -> str:
    if r.light_category:
        return r.light_category
    deferred = None
    if gov is not None and gov.pos_ == "VERB" and anchor_word(anchor) in lex.place_nouns \
            and any(c.dep_ == "pobj" and c == anchor or c.dep_ == "prep" and anchor in c.children
                    for c in gov.children) and trigger(lex, gov, None, None, False):
        return "AFFECTED"   # "affected in nearly 5,000 villages"
    finite = past_reduced_relative(gov, anchor)
    if finite is not gov and trigger(lex, finite, anchor, r.unit, is_subject(anchor, finite)):
        gov = finite
    if gov is not None:
        as_subject = is_subject(anchor, gov)
        cat = _toll(lex, gov, anchor, r)
        if cat:
            return cat
        cat = trigger(lex, gov, anchor, r.unit, as_subject)
        if cat and requested(lex, gov):
            deferred, cat = cat, None
        if cat:
            return cat
        cat = _governor_context(lex, gov, anchor, r, as_subject)
        if cat:
            return cat
    for pred in (r.partitive_pred, r.post_pred):
        if pred is not None:
            cat = trigger(lex, pred, None, r.unit, False)
            if cat:
                return cat
    cat = _noun_predicates(lex, span, r)
    if cat:
        return cat
    if r.embedded:
        # "two policemen" in "14 people, including two policemen, were killed"
        host = embedding_host(lex, anchor)
        if host is not None and host.head.pos_ in ("VERB", "ADJ"):
            cat = trigger(lex, host.head, None, r.unit, False)
            if cat:
                return cat
        if host is not None and host.head.pos_ in NOUN_POS:
            sent = anchor.doc[host.head.sent.start:host.head.sent.end]
            g = governor(lex, host.head, sent)
            if g is not None:
                cat = trigger(lex, g, host.head, r.unit, is_subject(host.head, g))
                if cat:
                    return cat
    head_word = (r.unit or "").split(" of ")[0].split()[-1:] or [""]
    if r.unit in lex.captive_nouns or head_word[0] in lex.captive_nouns:
        if r.mod_words & lex.release_modifiers:
            return "RELEASED"
    if deferred:
        return deferred
    if r.unit in lex.unit_category:
        return lex.unit_category[r.unit]
    return "OTHER"


def _noun_predicates(lex: Lexicon, span: Span, r: Reading) -> Optional[str]:
    """A predicate on the figure or its noun: "prisoners released", "survivors who have
    been rendered homeless", "prisoners involved in the swap", "prisoners in detention"."""
    # "120 Kenyans and 85 Somalis freed": the last conjunct's participle is every one's
    last = _last_conjunct(r.head) if r.head is not None else None
    for owner in (span.root, r.head, last):
        if owner is None:
            continue
        cat = state(lex, owner, r)
        if cat:
            return cat
        for c in owner.children:
            if owner is last and (c.dep_ == "amod" or c.i < owner.i):
                continue   # the last conjunct's own adjective is its own
            if c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ") and c.i > span.start - 3:
                cat = trigger(lex, c, owner, r.unit, False)
                if cat:
                    return cat
                for cc in c.children:
                    if cc.dep_ in ("acomp", "oprd", "xcomp") and cc.pos_ in ("ADJ", "VERB"):
                        cat = trigger(lex, cc, owner, r.unit, False)
                        if cat:
                            return cat
                if c.lemma_.lower() in lex.inclusion_verbs:
                    for p in c.children:
                        for o in p.children if p.dep_ in ("prep", "agent") else ():
                            if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in lex.predicates:
                                cat = trigger(lex, o, None, r.unit, False)
                                if cat:
                                    return cat
    return None


def _last_conjunct(noun: Token) -> Optional[Token]:
    """The last noun coordinated after `noun` ("120 Kenyans and 85 Somalis"), a few
    links down at most: a list of a thousand figures must not make every one walk it."""
    last, tok = None, noun
    for _ in range(_MAX_CONJUNCTS):
        nxt = next((c for c in tok.rights if c.dep_ == "conj"), None)
        if nxt is None:
            break
        last = tok = nxt
    return last


def state(lex: Lexicon, owner: Token, r: Reading) -> Optional[str]:
    """'in detention', 'in captivity' on `owner`: the state the counted things are in."""
    for c in owner.children:
        if c.dep_ == "prep" and c.lower_ in lex.state_prepositions:
            for o in c.children:
                if o.dep_ == "pobj" and o.pos_ in NOUN_POS:
                    cat = trigger(lex, o, None, r.unit, False)
                    if cat:
                        return cat
    return None


def _governor_context(lex: Lexicon, gov: Token, anchor: Token, r: Reading, as_subject: bool) -> Optional[str]:
    # "three sustained injuries", "suffered wounds"; "granted the five clemency"
    for c in gov.children:
        lemma = c.lemma_.lower()
        if c.dep_ in ("dobj", "attr", "acomp") and lemma in lex.unit_category and as_subject:
            return lex.unit_category[lemma]
        if c.dep_ == "dobj" and c != anchor and not as_subject and c.pos_ == "NOUN" and lemma in lex.predicates \
                and (gov.lower_ in lex.light_verbs or gov.lemma_.lower() in lex.light_verbs):
            cat = trigger(lex, c, anchor, r.unit, False)
            if cat:
                return cat
        if c.dep_ in ("acomp", "attr", "oprd", "xcomp") and lemma in lex.predicates and c != anchor:
            cat = trigger(lex, c, anchor, r.unit, True)
            if cat:
                return cat
    if gov.lemma_.lower() in lex.inclusion_verbs:
        # "there are 275 prisoners in detention"
        cat = state(lex, gov, r)
        if cat:
            return cat
        # "an exchange involving 900 prisoners"
        if gov.dep_ in ("acl", "relcl") and gov.head.lemma_.lower() in lex.predicates \
                and gov.head.pos_ == "NOUN":
            return lex.predicates[gov.head.lemma_.lower()]
        # "among those released were seven", "included in the released group"
        own = set(x.i for x in anchor.subtree)
        for c in gov.children:
            if c.i in own or c.dep_ in ("aux", "auxpass", "neg", "punct"):
                continue
            for cc in c.subtree:
                if cc.pos_ in ("VERB", "ADJ") and cc.tag_ in ("VBN", "VBD", "JJ") \
                        and cc.dep_ in ("acl", "amod", "relcl", "pobj"):
                    cat = trigger(lex, cc, None, r.unit, False)
                    if cat:
                        return cat
    return None


def _counted(lex: Lexicon, toll: Token) -> Optional[str]:
    """'the number of people killed': the noun a toll counts, after its 'of'."""
    for prep in toll.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for o in prep.children:
                if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() not in lex.toll_adjectives:
                    return lower_lemma(lex, o)
    return None


def _toll(lex: Lexicon, gov: Token, anchor: Token, r: Reading) -> Optional[str]:
    """'the death toll rose to 50', 'put the number of dead at 73'; a toll counts
    deaths (or injuries...), the noun it names becomes the unit."""
    lemma = gov.lemma_.lower()
    if gov.pos_ not in ("VERB", "AUX") or not (lemma in lex.toll_verbs or lemma in lex.copulas):
        return None
    args = list(gov.children)
    if gov.dep_ == "conj":   # "the toll rose and could reach 10,000": the subject is shared
        args += [c for c in gov.head.children if c.dep_ in SUBJECT_DEPS]
    if not any(c.dep_ in SUBJECT_DEPS for c in args) and anchor.dep_ == "pobj" and gov.tag_ in _FINITE_TAGS:
        # "said the toll from the storms recorded in ... stands at 88": the parser
        # gave the toll to another verb; the nearest toll subject before the verb is its subject
        for k in range(gov.i - 1, max(gov.sent.start, gov.i - _MAX_TOLL_DISTANCE) - 1, -1):
            tok = gov.doc[k]
            if tok.dep_ in SUBJECT_DEPS and tok.lemma_.lower() in lex.toll_nouns:
                args.append(tok)
                break
    for c in args:
        lemma = c.lemma_.lower()
        if c.dep_ in SUBJECT_DEPS and c != anchor and r.anaphoric and r.unit is None \
                and lex.unit_category.get(lemma) in lex.human_categories:
            r.unit = lemma   # "the casualties rose to 25": the subject is the counted noun
            return lex.unit_category[lemma]
        if (c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj") and c != anchor and lemma in lex.toll_nouns:
            for cc in c.subtree:
                lemma = cc.lemma_.lower()
                cat = lex.predicates.get(lemma) or lex.unit_category.get(lemma)
                if cat in lex.human_categories:
                    if r.unit is None and r.anaphoric:
                        named = lemma if cc.pos_ == "NOUN" and lemma in lex.unit_category \
                            and lemma not in lex.toll_adjectives else None
                        r.unit = named or _counted(lex, c) or lex.toll_default_units.get(cat)
                    return cat
    return None
