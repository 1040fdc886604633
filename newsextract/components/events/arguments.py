"""A trigger's arguments: the dates, counts, participants, places and mediators of
its sentence, each given to the nearest trigger in the dependency tree when a
sentence holds several."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...text.dates import BOUND_WORDS, START_BOUND_WORDS, DateMention, resolve_mention
from .article import ArticleEvents
from .mediation import cue_mediators
from .mentions import Mention
from .modality import is_generic, modality


def fill(art: ArticleEvents, mentions: list[Mention]) -> None:
    """Modality, genericity, and the sentence's entities, claims and dates, each
    given to the nearest trigger of its sentence."""
    lex, tree = art.lex, art.tree
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent_i, []).append(m)
        m.modality = modality(art, m)
        m.generic = is_generic(art, m)
    for si, ms in by_sent.items():
        _give_dates(art, si, ms)
        # claims: to the nearest trigger whose type they measure
        for c, root in art.sent_claims.get(si, ()):
            fitting = [m for m in ms if claim_fits(art, c, m.type)]
            if fitting:
                min(fitting, key=lambda m: (tree.distance(root, m.token), abs(root.i - m.token.i))).claims.append(c)
        low = art.sents[si].text.lower()
        summed = any(cue in low for cue in lex.cumulative_cues)
        for m in ms:
            m.cumulative = summed and bool(m.claims) and m.type in lex.cumulative_types
            near = tree.near_words(m.token)
            m.unilateral = bool(near & lex.unilateral_cues)
            arguments(art, m)
            if m.type == "RELEASE" and (any(c.distributive for c in m.claims) or tree.near_words(m.token) & lex.mutual_words):
                m.type, m.cameo = "PRISONER_EXCHANGE", lex.cameo["PRISONER_EXCHANGE"]  # 'freeing 50 prisoners each'


def _give_dates(art: ArticleEvents, si: int, ms: list[Mention]) -> None:
    """Each date of the sentence to its nearest trigger; a mention told in a modifying
    clause only takes the dates inside that clause; bounds ("since August") are not
    dates of what happened, except the start of a detention ("held since April 2022")."""
    tree = art.tree
    for d, root in art.sent_dates.get(si, ()):
        iso = resolve_mention(d, art.published)
        if not iso:
            continue
        bound = bounding_word(art, d, root)
        takers = [m for m in ms if (not art.is_subordinate(m) or tree.inside(root, m.token))
                  and (bound is None or tree.inside(m.token, bound) or m.rule.since_is_start)]
        if not takers:
            continue
        dist = {id(m): tree.distance(root, m.token) for m in takers}
        owner = min(takers, key=lambda m: (dist[id(m)], abs(root.i - m.token.i)))
        if bound is not None and not tree.inside(owner.token, bound) and not (
                owner.rule.since_is_start and bound.lower_ in START_BOUND_WORDS):
            continue
        rank = (dist[id(owner)], abs(root.i - owner.token.i))
        if owner.dates and owner.dates[0][2] <= rank:
            continue  # a trigger has one date: the nearest
        if owner.modality in ("planned", "hypothetical"):
            iso = resolve_mention(d, art.published, future=True) or iso  # what is to come
        owner.dates[:] = [(d, iso, rank)]
        for m in ms:
            if m is not owner and bound is None and not art.in_subclause(m):
                m.borrowed.append((d, iso))


def date_start_token(doc: Doc, d: DateMention) -> int:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    return span.start if span is not None else 0


def bounding_word(art: ArticleEvents, d: DateMention, root: Token) -> Optional[Token]:
    """The 'since' / 'until' / 'before' governing a date expression ('since the start of
    the war in February 2022'): a bound of what is told, not its date."""
    tree = art.tree
    t, steps = root, 0
    while steps < 5:
        if t.lower_ in BOUND_WORDS and t.i != root.i:
            return t
        h = tree.head(t)
        if h.i == t.i or (h.pos_ in ("VERB", "AUX") and h.lower_ not in BOUND_WORDS):
            break
        t, steps = h, steps + 1
    if d.is_bound:  # the word right before the expression
        i = date_start_token(art.doc, d) - 1
        if i >= 0 and art.doc[i].lower_ in BOUND_WORDS:
            return art.doc[i]
    return None


def claim_fits(art: ArticleEvents, claim, etype: str) -> bool:
    """A numeric claim measures an event of this type: its category, or its counted noun."""
    cats = art.lex.count_categories.get(etype, ())
    if claim.category in cats or (claim.currency and "MONEY" in cats):
        return True
    if claim.category == "OTHER" and claim.unit:
        unit = claim.unit.lower()
        units = art.lex.other_units.get(etype, ())
        return unit in units or unit.rstrip("s") in units or unit.split()[-1] in units
    return False


def is_attribution(art: ArticleEvents, root: Token, trigger: Token) -> bool:
    """An entity that only reports the event: 'X said', 'according to X', 'X news agency'."""
    lex, tree = art.lex, art.tree
    head = tree.head(root)
    if head.i == trigger.i:
        return False
    while root.dep_ in ("compound", "poss", "appos", "amod") and not tree.is_root(head) and head.i != trigger.i:
        root, head = head, tree.head(head)
    if root.dep_ in ("nsubj", "agent", "pobj") and head.lemma_.lower() in lex.reporting_or_stance:
        return True
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() in lex.telling_verbs:
        return True  # 'told news agency TT'
    if (root.dep_ == "pobj" and head.lower_ in lex.attribution_preps
            and tree.head(head).lemma_.lower() in lex.attribution_phrases):
        return True
    if root.dep_ == "compound" and head.lemma_.lower() in lex.media_nouns:
        return True
    return False


def arguments(art: ArticleEvents, m: Mention) -> None:
    """Participants, places and mediators of one mention, from the entities of its sentence."""
    lex, tree = art.lex, art.tree
    allowed = lex.participants_allowed(m.type)
    for e, root in art.sent_entities.get(m.sent_i, ()):
        dist = tree.distance(root, m.token)
        prep = tree.head(root) if root.dep_ == "pobj" and not tree.is_root(root) else None
        if e.type in ("PLACE", "COUNTRY") and prep is not None and prep.lower_ in lex.place_preps and dist <= 6:
            locative = prep.lower_ in lex.locative_preps
            if locative or e.type == "PLACE":
                m.locations.append(((0 if locative else 1), dist, e))
                if e.type == "PLACE" or (locative and m.type in lex.country_is_place_for):
                    continue  # 'met in Luxembourg': where, not who
        elif e.type in ("PLACE", "COUNTRY") and tree.head(root).i == m.token.i and root.dep_ in ("compound", "poss", "npadvmod"):
            m.locations.append((0, dist, e))
        elif e.type == "PLACE" and dist <= 3:
            m.locations.append((2, dist, e))
        if dist > art.settings.participant_distance or is_attribution(art, root, m.token):
            continue
        if root.dep_ == "appos" and getattr(art.entity_at.get(tree.head(root).i), "type", None) == "PLACE":
            continue  # 'in Bern, Switzerland': the country says where, not who
        if e.type in allowed:
            m.participants.append((dist, e))
    m.locations.sort(key=lambda x: (x[0], x[1]))
    if m.type in lex.no_location_types:
        m.locations = []  # 'sanctions over the war in Ukraine': no place of their own
    m.mediators = cue_mediators(art, m.sent_i)
    if allowed:
        known = {e.id for _, e in m.participants}
        for dist, e in demonym_sides(art, m.token):
            if e.id not in known and e.type in allowed:
                m.participants.append((dist, e))
                known.add(e.id)
    if allowed and not any(d <= 2 for d, _ in m.participants):
        actor = anaphoric_actor(art, m)
        if actor is not None:
            m.participants.append((1, actor))


def demonym_sides(art: ArticleEvents, tok: Token) -> list:
    """Countries of the article named by an adjective next to the trigger or its
    arguments ('the Russian invasion', '115 Ukrainian defenders'): (distance, entity)."""
    if not art.country_by_iso:
        return []
    tree = art.tree
    out = []
    for c in tree.children(tok):
        for x in [c] + tree.children(c):
            iso = art.demonym(x.lower_) if x.dep_ in ("amod", "compound", "nmod") else None
            e = art.country_by_iso.get(iso) if iso else None
            if e is not None:
                out.append((1 if x is c else 2, e))
    return out


def anaphoric_actor(art: ArticleEvents, m: Mention):
    """The entity a pronoun or a definite description in the actor's place stands for
    ('the guerrilla group bombed...', 'they freed...'): the nearest preceding entity of
    a fitting type, in this sentence or the two before it."""
    lex, tree = art.lex, art.tree
    tok = m.token
    args = [c for c in tree.children(tok) if c.dep_ in ("nsubj", "agent")]
    if not args and tok.pos_ == "NOUN":  # 'the group's attack', 'the group undertook operations'
        args = [c for c in tree.children(tok) if c.dep_ == "poss"]
        if not args and tok.dep_ in ("dobj", "attr") and not tree.is_root(tok):
            args = [c for c in tree.children(tree.head(tok)) if c.dep_ == "nsubj"]
    subject = None
    for a in args:
        a = next((g for g in tree.children(a) if g.dep_ == "pobj"), a) if a.dep_ == "agent" else a
        if a.i in art.entity_at:
            return None  # named: not an anaphor
        low = a.lower_
        if a.pos_ == "PRON" and low in lex.anaphora_pronouns:
            subject = lex.anaphora_pronouns[low]
        elif a.lemma_.lower() in lex.anaphora_groups and any(
                c.dep_ == "det" and c.lower_ in lex.anaphora_determiners for c in tree.children(a)):
            subject = lex.anaphora_groups[a.lemma_.lower()]
        if subject:
            start = a.i
            break
    if not subject:
        return None
    for etype in subject:
        for si in range(m.sent_i, max(-1, m.sent_i - 3), -1):
            found = [(root.i, e) for e, root in art.sent_entities.get(si, ()) if root.i < start and e.type == etype]
            if found:
                return max(found, key=lambda x: x[0])[1]
    return None
