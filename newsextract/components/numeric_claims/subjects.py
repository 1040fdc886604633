"""What a claim is about: the antecedent of a figure whose noun is left out, and
the entities its modifiers name ("63 Russian servicemen" -> Russia)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from ...schema import NumericClaim
from ...text.demonyms import Demonyms
from ...text.names import name_key
from .lemmas import singular
from .lexicon import Lexicon
from .units import Reading

#: how many earlier claims a left-out noun's antecedent search looks at
MAX_ANTECEDENT_LOOKBACK = 64
# a modifier links to a name it shares this many first letters with ("Russian" -> "Russia")
_MIN_SHARED_PREFIX = 4
_MAX_UNSHARED_SUFFIX = 4

# (sentence index, reading, claim) of each claim taken so far in the article
Taken = tuple[int, Reading, NumericClaim]


def antecedent(lex: Lexicon, doc: Doc, span: Span, taken: list[Taken], si: int, sents, governor, category,
               max_sentences: int, people_only: bool = False) -> tuple[Optional[str], Optional[NumericClaim]]:
    """The counted noun a figure stands for when it is left out: an event noun for
    'two more took place', else the nearest earlier claim of the same category,
    else the nearest earlier claim; never a claim inside 'including ...', and, for
    `people_only` ("19 others"), never a count of deaths or injuries.
    The claim is returned with the unit when it is in the same sentence."""
    if governor is not None and governor.pos_ == "VERB":
        phrase = governor.lemma_.lower()
        objs = [c.lemma_.lower() for c in governor.children if c.dep_ in ("dobj", "attr")]
        if phrase in lex.event_verbs or any(f"{phrase} {o}" in lex.event_verbs for o in objs):
            lo = sents[max(0, si - 2)].start
            for k in range(span.start - 1, lo - 1, -1):
                tok = doc[k]
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.event_nouns:
                    return tok.lemma_.lower(), None
    usable = []
    for looked, (msi, reading, claim) in enumerate(reversed(taken)):
        if looked >= MAX_ANTECEDENT_LOOKBACK:
            break  # bounded: a page of figures without sentence ends must stay linear
        if people_only and claim.unit and claim.unit.split()[-1] in lex.count_nouns:
            continue
        if msi == si and claim.end <= span.start_char and claim.unit and not reading.demonym_unit \
                and not reading.embedded and claim.category not in ("MONEY", "PERCENT") \
                and claim.unit not in lex.no_antecedent and not usable:
            return claim.unit, claim   # the nearest claim of the same sentence
        if si - msi > max_sentences * 3:
            break
        if claim.currency or claim.category in ("MONEY", "PERCENT") or claim.unit is None:
            continue
        if reading.demonym_unit or reading.embedded or claim.unit in lex.no_antecedent:
            continue
        if reading.anaphoric and reading.head is None and claim.unit == lex.default_unit \
                and claim.category != category:
            continue
        usable.append((msi, claim))
    if category in lex.human_categories:
        for msi, claim in usable:
            if claim.category == category:
                return claim.unit, None
    for msi, claim in usable:
        if si - msi <= max_sentences:
            return claim.unit, None
    return None, None


def gapped(lex: Lexicon, governor: Optional[Token]) -> bool:
    """A figure with no verb of its own: coordinated after an earlier one, or the
    object of a verb of totals ("bringing the total to 7,826")."""
    if governor is None:
        return True
    lemma = governor.lemma_.lower()
    return lemma in lex.toll_verbs or lemma in lex.inclusion_verbs


def entity_index(entities) -> dict[str, str]:
    """Normalized name, alias or mention -> entity id."""
    index: dict[str, str] = {}
    for e in entities:
        iso2 = e.attributes.iso_alpha2 if e.type == "COUNTRY" and e.attributes else None
        if iso2:
            index.setdefault("iso:" + iso2, e.id)
        names = [e.name, *e.aliases, *(m.text for m in e.mentions)]
        for n in names:
            key = name_key(n, drop_possessive=True)
            if key:
                index.setdefault(key, e.id)
    return index


def link_modifier(text: str, index: dict[str, str], demonyms: Demonyms,
                  modifier_names: dict[str, list[str]]) -> Optional[str]:
    """The entity a modifier points to: its own name ("Boko Haram"), a demonym's
    country ("Russian" -> Russia, "Dutch" -> Netherlands), or None."""
    key = name_key(text, drop_possessive=True)
    if not key or not index:
        return None
    if key in index:
        return index[key]
    single = singular(key) if key.endswith("s") else key
    for code in demonyms.countries(key) + demonyms.countries(single):
        if "iso:" + code in index:
            return index["iso:" + code]
    for cand in modifier_names.get(key, []) + modifier_names.get(single, []):
        if cand in index:
            return index[cand]
    best, best_len = None, 0
    for name, eid in index.items():
        common = 0
        for x, y in zip(single, name):
            if x != y:
                break
            common += 1
        if common >= _MIN_SHARED_PREFIX and common >= len(name) - 1 \
                and len(single) - common <= _MAX_UNSHARED_SUFFIX and common > best_len:
            best, best_len = eid, common
    return best


def group_modifiers(tokens) -> list:
    """Consecutive tokens of a modifier as one ("Boko Haram"), as spans."""
    groups: list[list[Token]] = []
    for tok in tokens:
        if groups and groups[-1][-1].i + 1 == tok.i and tok.pos_ == "PROPN" and groups[-1][-1].pos_ == "PROPN":
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return [g[0].doc[g[0].i:g[-1].i + 1] for g in groups]
