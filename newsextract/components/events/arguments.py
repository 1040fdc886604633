"""A trigger's arguments: the dates, counts, participants, places and mediators of
its sentence, each given to the nearest trigger in the dependency tree when a
sentence holds several."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...text.dates import BOUND_WORDS, START_BOUND_WORDS, DateMention, resolve_mention
from .article import ArticleEvents
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
        # claims: to the nearest trigger whose type they measure, first those they measure first
        # ('police detained 14 demonstrators': the arrest's figure, not the protest's)
        for c, root in art.sent_claims.get(si, ()):
            fitting = [m for m in ms if claim_fits(art, c, m.type)]
            fitting = [m for m in fitting if m.type in lex.primary_types.get(c.category, ())] or fitting
            if fitting:
                min(fitting, key=lambda m: (tree.distance(root, m.token), abs(root.i - m.token.i))).claims.append(c)
        low = art.sents[si].text.lower()
        summed = any(cue in low for cue in lex.cumulative_cues)
        for m in ms:
            m.cumulative = summed and bool(m.claims) and m.type in lex.cumulative_types
            near = tree.near_words(m.token)
            m.unilateral = bool(near & lex.unilateral_cues)
            m.distinct = distinct_cue(art, m.token)
            # (the sides of the talks behind a deal or a release are its sides too)
            arguments(art, m, {x.token.i for x in ms if x is not m and x.modality == m.modality
                               and not (x.type == "MEETING" and m.type in lex.talks_lead_to)})
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
            if art.published is None and not d.is_bound:
                _give_unresolved(art, d, root, ms)
            continue
        bound = bounding_word(art, d, root)
        # 'since 1991, when the army occupied the region': the clause on the date is dated by it
        takers = [m for m in ms
                  if (not art.is_subordinate(m) or tree.inside(root, m.token) or tree.inside(m.token, root))
                  and (bound is None or tree.inside(m.token, bound) or m.rule.since_is_start
                       or tree.inside(m.token, root))]
        if not takers:
            continue
        dist = {id(m): tree.distance(root, m.token) for m in takers}
        owner = min(takers, key=lambda m: (dist[id(m)], abs(root.i - m.token.i)))
        if bound is not None and not tree.inside(owner.token, bound) and not (
                owner.rule.since_is_start and bound.lower_ in START_BOUND_WORDS) and not tree.inside(owner.token, root):
            continue
        if tree.inside(owner.token, root):
            bound = None
        rank = (dist[id(owner)], abs(root.i - owner.token.i))
        if owner.modality in ("planned", "hypothetical"):
            iso = resolve_mention(d, art.published, future=True) or iso  # what is to come
        if bound is None:
            owner.date_options.append((d, iso, rank, root))
        if owner.dates and owner.dates[0][2] <= rank:
            continue  # a trigger has one date: the nearest
        owner.dates[:] = [(d, iso, rank)]
        for m in ms:
            if m is not owner and bound is None and not art.in_subclause(m):
                m.borrowed.append((d, iso))


def _give_unresolved(art: ArticleEvents, d: DateMention, root: Token, ms: list[Mention]) -> None:
    """With no publication date, 'on Saturday' and 'in December' resolve to no day, but
    they still tell two times apart: the nearest trigger keeps what the expression
    says ('wd:saturday'), so that events told with different ones are not merged."""
    tree = art.tree
    takers = [m for m in ms if not art.is_subordinate(m) or tree.inside(root, m.token)]
    if takers:
        owner = min(takers, key=lambda m: (tree.distance(root, m.token), abs(root.i - m.token.i)))
        owner.unresolved = owner.unresolved or f"{d.kind}:{' '.join(d.text.lower().split())}"


def distinct_cue(art: ArticleEvents, tok: Token) -> bool:
    """'a separate attack', 'in a separate operation, 9 were freed', 'in another development':
    told as another occurrence than the ones before."""
    tree, lex = art.tree, art.lex
    cues = lex.distinct_cues
    nouns = [tok] + [g for c in tree.children(tok) if c.dep_ == "prep" for g in tree.children(c) if g.dep_ == "pobj"]
    if any(c.lower_ in cues and c.dep_ in ("amod", "det", "advmod") for n in nouns for c in tree.children(n)):
        return True
    return any(t.lower_ in cues and t.dep_ in ("amod", "det") and tree.head(t).lemma_.lower() in lex.distinct_heads
               for t in art.sents[art.sent_of[tok.i]])


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
    if root.dep_ in ("nsubj", "agent", "pobj") and head.lemma_.lower() in lex.source_or_judging:
        return True
    if root.dep_ in ("dobj", "dative") and lex.reporting.is_addressee_verb(head.lemma_.lower()):
        return True  # 'told news agency TT'
    if (root.dep_ == "pobj" and head.lower_ in lex.attribution_preps
            and lex.is_source_phrase(tree.head(head))):
        return True
    if root.dep_ == "compound" and head.lemma_.lower() in lex.media_nouns:
        return True
    return False


def arguments(art: ArticleEvents, m: Mention, other_triggers: frozenset = frozenset()) -> None:
    """Participants, places and mediators of one mention, from the entities of its sentence;
    an entity reached only through another trigger of the sentence, told as just as real,
    is that one's ('after days of fighting, envoys held talks with X': X met, X did not
    fight; but 'urged X to release the sailors it seized': X seized them)."""
    lex, tree = art.lex, art.tree
    allowed = lex.participants_allowed(m.type)
    for e, root in art.sent_entities.get(m.sent_i, ()):
        dist = tree.distance(root, m.token)
        base = root
        while base.dep_ == "conj" and not tree.is_root(base):  # 'in Niafunké and Goundam'
            base = tree.head(base)
        prep = tree.head(base) if base.dep_ == "pobj" and not tree.is_root(base) else None
        if e.type in ("PLACE", "COUNTRY") and prep is not None and prep.lower_ in lex.place_preps and dist <= 6:
            locative = prep.lower_ in lex.locative_preps
            if locative or e.type == "PLACE":
                m.locations.append(((0 if locative else 1), dist, e))
                if e.type == "PLACE" or (locative and m.type in lex.country_is_place_for):
                    continue  # 'met in Luxembourg': where, not who
        elif e.type in ("PLACE", "COUNTRY") and tree.head(root).i == m.token.i and root.dep_ in ("compound", "poss", "npadvmod"):
            m.locations.append((0, dist, e))
        elif e.type in ("PLACE", "COUNTRY") and struck_place(art, root, m.token):
            m.locations.append((0, dist, e))
            continue  # 'an earthquake struck Nepal': where, not who
        elif e.type == "PLACE" and dist <= 3:
            m.locations.append((2, dist, e))
        if dist > art.settings.participant_distance:
            continue
        if is_attribution(art, root, m.token):
            if m.type in lex.source_actor_types and is_armed(art, e) and is_passive(art, m.token):
                m.participants.append((3, e))  # 'soldiers were detained, the security service said'
            continue
        path = tree.between(root, m.token)
        if other_triggers and other_triggers.intersection(path):
            continue
        if in_other_clause(art, path, m.token):
            continue  # 'talks were held after X was sworn in': X's clause, not the talks' side
        if root.dep_ == "appos" and getattr(art.entity_at.get(tree.head(root).i), "type", None) == "PLACE":
            continue  # 'in Bern, Switzerland': the country says where, not who
        if e.type in allowed:
            m.participants.append((dist, e))
    m.locations.sort(key=lambda x: (x[0], x[1]))
    if m.type in lex.no_location_types:
        m.locations = []  # 'sanctions over the war in Ukraine': no place of their own
    m.mediators = list(art.mediators_by_sent.get(m.sent_i, ()))
    if allowed:
        known = {e.id for _, e in m.participants}
        for dist, e in demonym_sides(art, m.token):
            if e.id not in known and e.type in allowed:
                m.participants.append((dist, e))
                known.add(e.id)
    if allowed:
        actor = anaphoric_actor(art, m)
        if actor is not None and all(e.id != actor.id for _, e in m.participants):
            m.participants.append((1, actor))


def struck_place(art: ArticleEvents, root: Token, trigger: Token) -> bool:
    """'an earthquake struck Nepal', 'strikes pounded Rafah': the object of the verb whose
    subject is the trigger is the place it hit."""
    tree = art.tree
    if root.dep_ != "dobj" or tree.is_root(root):
        return False
    verb = tree.head(root)
    return verb.lemma_.lower() in art.lex.struck_verbs and (
        trigger.dep_ == "nsubj" and tree.head(trigger).i == verb.i)


def in_other_clause(art: ArticleEvents, path: list[int], trigger: Token) -> bool:
    """A path through the head of an adverbial or relative clause the trigger is not in."""
    doc, tree = art.doc, art.tree
    return any(doc[i].dep_ in ("advcl", "relcl") and doc[i].pos_ in ("VERB", "AUX") and not tree.inside(trigger, doc[i])
               for i in path)


def resolve_parties(art: ArticleEvents, mentions: list[Mention]) -> None:
    """'talks between the parties', 'the two sides agreed': the sides of the last event
    told before with two named sides."""
    lex, tree = art.lex, art.tree
    last: list = []
    for m in sorted(mentions, key=lambda x: x.token.i):
        sides = [c for c in tree.children(m.token) if c.dep_ == "nsubj"] + [
            g for c in tree.children(m.token) if c.dep_ == "prep" and c.lower_ in lex.between_preps
            for g in tree.children(c) if g.dep_ == "pobj"]
        if last and any(s.lemma_.lower() in lex.party_nouns and s.i not in art.entity_at for s in sides):
            known = {e.id for _, e in m.participants}
            m.participants[:0] = [(1, e) for e in last if e.id not in known]
        named = list({e.id: e for d, e in m.participants if e.type in ("COUNTRY", "ORGANIZATION")}.values())
        if len(named) >= 2:
            last = named[:2]


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
    first = tok
    while not args and first.pos_ == "VERB" and first.dep_ == "conj" and not tree.is_root(first):
        first = tree.head(first)  # 'troops killed 13, arrested nine and rescued 18'
        args = [c for c in tree.children(first) if c.dep_ in ("nsubj", "agent")]
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
        elif a.lower_ in lex.armed_nouns and not any(c.dep_ == "poss" for c in tree.children(a)):
            return armed_body_before(art, a)  # 'troops neutralized seven gunmen': the forces named before
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


def is_armed(art: ArticleEvents, e) -> bool:
    """An organization named as an armed or security body ('Frontier Corps', 'State Security Service')."""
    words = set(e.name.lower().split())
    lex = art.lex
    return e.type == "ORGANIZATION" and bool(words & lex.armed_name_words) and not words & lex.unarmed_name_words


def is_passive(art: ArticleEvents, tok: Token) -> bool:
    """'were detained': a passive trigger with no agent."""
    kids = art.tree.children(tok)
    return any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)


def armed_body_before(art: ArticleEvents, tok: Token):
    """The armed body the article names last before `tok`."""
    for si in range(art.sent_of[tok.i], -1, -1):
        found = [(root.i, e) for e, root in art.sent_entities.get(si, ()) if root.i < tok.i and is_armed(art, e)]
        if found:
            return max(found, key=lambda x: x[0])[1]
    return None
