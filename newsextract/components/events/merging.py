"""Mentions merged into events: first inside a sentence (a kill inside an attack, a
deal next to a swap, 'prisoner swap deal'), then across the article by type and
compatible date (one real event told in headline, lede and body is one record;
two exchanges in different months stay two). Two mentions told in two places of
one level ('in Dara district', 'in Kolu district'; two cities), with two unresolved
dates ('on Saturday', 'in December', when the publication date is unknown), or one
of them as another occurrence ('in a separate operation') are two events."""
from __future__ import annotations

import dataclasses
from typing import Optional

from .article import ArticleEvents
from .mentions import Cluster, Mention, dates_compatible

_SWAP_TYPES = ("RELEASE", "PRISONER_EXCHANGE")


def one_per_place(art: ArticleEvents, mentions: list[Mention]) -> list[Mention]:
    """'Protests in Minsk and Grodno': a mention told in several places of one level is
    one event per place (the figures stay with the first place told)."""
    out = []
    for m in mentions:
        places = []
        if m.type in art.lex.one_per_place:
            first = told_place(art, m)
            places = coordinated_places(art, m) or list({e.id: (rank, dist, e) for rank, dist, e in m.locations
                                                         if rank == 0 and dist <= 4 and e.type == "PLACE" and first
                                                         and place_level(art, e) == first[1]}.values())
        if len(places) < 2:
            out.append(m)
            continue
        for k, loc in enumerate(sorted(places, key=lambda x: x[2].mentions[0].start if x[2].mentions else 0)):
            out.append(dataclasses.replace(
                m, locations=[loc], place=loc[2].id, claims=list(m.claims) if k == 0 else [], dates=list(m.dates),
                participants=list(m.participants), mediators=list(m.mediators), merged=[], borrowed=list(m.borrowed)))
    return out


def one_per_date(art: ArticleEvents, mentions: list[Mention]) -> list[Mention]:
    """'talks were held in November and in March': a mention told with dates joined by
    'and' is one event per date."""
    out = []
    for m in mentions:
        dates = coordinated_dates(art, m)
        if len(dates) < 2:
            out.append(m)
            continue
        for k, (d, iso, rank, _) in enumerate(dates):
            out.append(dataclasses.replace(
                m, dates=[(d, iso, rank)], date_options=[], claims=list(m.claims) if k == 0 else [],
                participants=list(m.participants), locations=list(m.locations), mediators=list(m.mediators),
                merged=[], borrowed=list(m.borrowed)))
    return out


def coordinated_dates(art: ArticleEvents, m: Mention) -> list:
    """The dates a mention is nearest to whose phrases are joined by a conjunction, in text
    order; of a range in one phrase ('in November-December'), its first."""
    tree = art.tree
    by_phrase: dict[int, tuple] = {}
    for option in sorted(m.date_options, key=lambda x: x[3].i):
        t = option[3]
        while t.dep_ in ("pobj", "conj", "compound", "nummod", "appos") and not tree.is_root(t) and t.pos_ != "ADP":
            t = tree.head(t)
        by_phrase.setdefault(t.i, (t, option))
    phrases = list(by_phrase.values())
    if len(phrases) < 2:
        return []
    first = phrases[0][0]
    joined = all(p.dep_ == "conj" and tree.head(p).i == first.i for p, _ in phrases[1:])
    return [option for _, option in phrases] if joined else []


def coordinated_places(art: ArticleEvents, m: Mention) -> list:
    """'attacks in Niafunké and Goundam': places joined under one preposition of the trigger."""
    tree = art.tree
    located = {e.id: (rank, dist, e) for rank, dist, e in m.locations if rank == 0 and e.type == "PLACE"}
    by_prep: dict[int, dict] = {}
    for e, root in art.sent_entities.get(m.sent_i, ()):
        if e.id not in located:
            continue
        t = root
        while t.dep_ == "conj" and not tree.is_root(t):
            t = tree.head(t)
        if t.dep_ == "pobj" and not tree.is_root(t) and tree.inside(tree.head(t), m.token):
            by_prep.setdefault(tree.head(t).i, {})[e.id] = located[e.id]
    return next((list(places.values()) for places in by_prep.values() if len(places) > 1), [])


def merge_in_sentence(art: ArticleEvents, mentions: list[Mention]) -> list[Mention]:
    """Fold mentions that name one happening inside a sentence: same type with
    compatible dates, a kill inside an attack, a deal next to a swap, a compound
    ('prisoner swap deal')."""
    lex, tree = art.lex, art.tree
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent_i, []).append(m)
    out = []
    for si in sorted(by_sent):
        kept: list[Mention] = []
        exchange_near = {m.type for sj in (si - 1, si) for m in by_sent.get(sj, ())}
        # a killing after the others: 'was shot dead ... in a clash between protesters and police'
        for m in sorted(by_sent[si], key=lambda x: (x.token.lemma_.lower() in lex.kill_lemmas, x.token.i)):
            host = None
            compound_child = next((k for k in kept if k.token.dep_ == "compound" and tree.head(k.token).i == m.token.i), None)
            if compound_child is not None:
                host = compound_child
            elif m.token.lemma_.lower() in lex.kill_lemmas and m.type == "ATTACK":
                host = next((k for k in kept if k.type in lex.absorb_kill_into and k is not m
                             and k.modality == m.modality), None)
            elif m.rule.absorbed_by and exchange_near & set(m.rule.absorbed_by):
                host = next((k for k in kept if k.type in m.rule.absorbed_by), None)
                if host is None:
                    continue  # told with an exchange in the previous sentence: part of that story
            if host is None:
                host = next((k for k in kept if k.type == m.type and k.modality == m.modality
                             and dates_compatible(k.date and k.date[1], m.date and m.date[1])
                             and not m.distinct and same_place(art, [k], m) and same_unresolved([k], m)
                             and same_kind(art, [k], m)), None)
            if host is None and m.type in _SWAP_TYPES:
                host = next((k for k in kept if k.type in _SWAP_TYPES and k.modality == m.modality
                             and dates_compatible(k.date and k.date[1], m.date and m.date[1])), None)
                if host is not None and m.type == "PRISONER_EXCHANGE":
                    host.type, host.cameo = m.type, m.cameo
            if host is None:
                kept.append(m)
                continue
            if host.rule.needs_agent and not m.rule.needs_agent and host.type == m.type:
                kept[kept.index(host)] = m  # 'were killed ... when a bomb exploded': the bomb tells the event
                host, m = m, host
            fold(host, m)
        # 'the Ukrainians taken captive ... have been released': a clause describing the
        # people of another event, with no date of its own, is part of that event's telling
        for m in list(kept):
            if m.dates or not art.is_subordinate(m) or tree.is_root(m.token):
                continue
            noun = tree.head(m.token)
            if noun.pos_ == "NUM":
                continue  # 'one was killed and about 120 arrested': a predicate, parsed as a modifier
            if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue  # 'received an envoy after the states severed ties': an event of its own
            host = next((k for k in kept if k is not m and not art.is_subordinate(k) and k.modality == m.modality
                         and tree.distance(noun, k.token) <= 2), None)
            if host is not None:
                kept.remove(m)
                fold(host, m)
        out.extend(kept)
    return out


def fold(host: Mention, m: Mention) -> None:
    """`m` becomes part of `host`: its dates, claims, arguments and modality join."""
    host.merged.append(m)
    host.dates += [d for d in m.dates if d not in host.dates]
    host.borrowed += [d for d in m.borrowed if d not in host.borrowed]
    host.claims += [c for c in m.claims if c not in host.claims]
    host.participants += m.participants
    host.locations = sorted(host.locations + m.locations, key=lambda x: (x[0], x[1]))
    host.mediators += [e for e in m.mediators if e not in host.mediators]
    host.generic = host.generic and m.generic
    host.unresolved = host.unresolved or m.unresolved
    host.lede = host.lede or m.lede
    if m.modality == "asserted":
        host.modality = "asserted"


def can_create(art: ArticleEvents, m: Mention) -> bool:
    """Whether a mention may start an event of its own (others only join one)."""
    if m.rule.needs_date and not m.dates:
        return False
    if m.rule.needs_money and not any(c.category == "MONEY" or c.currency for c in m.claims):
        return False
    if m.rule.needs_count and not m.claims:
        return False
    if m.rule.needs_agent and not art.has_agent(m):
        return False  # 'twenty were killed in India': an attack only when someone did it
    if (m.generic or art.is_descriptive(m)) and not (m.dates or m.claims):
        return False
    return True


def cluster(art: ArticleEvents, mentions: list[Mention]) -> list[Cluster]:
    """The events of the article: each mention joins the open event it names, or opens one."""
    lex = art.lex
    clusters: list[Cluster] = []
    lead = next((m for m in sorted(mentions, key=lambda m: m.token.i)
                 if m.lede and not art.is_subordinate(m) and m.modality == "asserted"), None)
    art.main_type = lead.type if lead is not None else None
    # exchanges first, so that the releases of an exchange story can join them
    ordered = sorted(mentions, key=lambda m: (m.type == "RELEASE", m.token.i))
    for m in ordered:
        types = ("PRISONER_EXCHANGE", "RELEASE") if m.type == "RELEASE" and not m.unilateral else (m.type,)
        if m.rule.needs_agent and not art.has_agent(m):  # a bare 'were killed': the attack or disaster told nearby
            near = sorted((c for c in clusters if c.type in lex.absorb_kill_into), key=lambda c: -c.last_sent)
            types = tuple(dict.fromkeys(c.type for c in near)) or types
        target = None
        for etype in types:
            target = find_cluster(art, clusters, m, etype)
            if target is not None:
                break
        if target is None:
            if not can_create(art, m):
                continue
            etype = m.type
            if etype == "RELEASE" and not m.unilateral and "PRISONER_EXCHANGE" in art.types_seen:
                etype = "PRISONER_EXCHANGE"  # a release told in an exchange story is an exchange's
            target = Cluster(etype, m.modality)
            clusters.append(target)
        if target.modality != "asserted" and m.modality == "asserted" and told_before(art, m):
            target.mentions.append(m)  # 'these elections', said of the vote planned: still planned
            continue
        target.mentions.append(m)
        if m.modality == "asserted":
            target.modality = "asserted"
    clusters.sort(key=lambda c: (min(x.token.i for x in c.mentions), lex.type_order.get(c.type, 99)))
    return clusters


def find_cluster(art: ArticleEvents, clusters: list[Cluster], m: Mention, etype: str) -> Optional[Cluster]:
    """The event a mention names, if one is already open: same type and a compatible date.
    A denied or planned mention of a happening already told as real joins it ('did not
    call it an exchange'); otherwise it opens its own, non-asserted event."""
    if m.distinct:
        return None
    if told_before(art, m):  # 'these elections': the one told before, whatever its modality
        told = [c for c in clusters if c.type == etype]
        if told:
            return max(told, key=lambda c: c.last_sent)
    same = [c for c in clusters if c.type == etype and c.cumulative == m.cumulative
            and same_place(art, c.mentions, m) and same_unresolved(c.mentions, m) and same_kind(art, c.mentions, m)]
    if not same:
        return None
    asserted = [c for c in same if c.modality == "asserted"]
    if m.modality != "asserted":
        hit = by_date(art, asserted, m)
        return hit if hit is not None else by_date(art, [c for c in same if c.modality == m.modality], m)
    return by_date(art, asserted, m)


def by_date(art: ArticleEvents, cands: list[Cluster], m: Mention) -> Optional[Cluster]:
    """Among open events of the mention's type, the one its date (or its place in the text) names."""
    if not cands:
        return None
    iso = m.date[1] if m.date else None
    if iso is not None:
        exact = [c for c in cands if c.date is not None and dates_compatible(c.date, iso)]
        if exact:
            return exact[0]
        if art.is_main_date(iso):
            # the news of the week: an undated telling of it, or (an exchange runs over days)
            # the same exchange dated a day or two apart; two releases on two days are two
            return next((c for c in cands if c.date is None or (
                c.type in art.lex.multi_day_types and dates_compatible(c.date, iso, 2))), None)
        if m.type in art.lex.voting_day_types and art.is_recent(iso, art.settings.voting_day_slack):
            # results told this week of a vote held weeks before: one election, dated on voting day
            return next((c for c in cands if all(x.date is None or art.is_main_date(x.date[1]) for x in c.mentions)),
                        None)
        # a background date: an open event told so far only in passing ('the girls kidnapped by X'),
        # or by the same word as context of another story ('amid the incursion ... the incursion
        # launched on August 6')
        lemma = m.token.lemma_.lower()
        return next((c for c in cands if c.date is None and (
            all(art.is_subordinate(x) for x in c.mentions)
            or (c.type != art.main_type and any(x.token.lemma_.lower() == lemma for x in c.mentions)))), None)
    recent = [c for c in cands if any(0 <= m.sent_i - x.sent_i <= 1 for x in c.mentions)]
    if recent:
        return recent[-1]
    return next((c for c in cands if c.date is None or art.is_main_date(c.date) or (
        c.type in art.lex.voting_day_types and art.is_recent(c.date, art.settings.voting_day_slack))), None)


def place_level(art: ArticleEvents, e) -> Optional[str]:
    """How large a place is ('district', 'city', 'province'), from its gazetteer kind or the
    last word of its name; None when unknown."""
    lex = art.lex
    level = lex.kind_levels.get(e.attributes.feature_kind or "")
    return level or lex.word_levels.get(e.name.rsplit(None, 1)[-1].lower())


def told_place(art: ArticleEvents, m: Mention):
    """The place a mention is told in ('freed in Kolu district'): a PLACE of known level
    on the trigger itself (not 'freed ... said a worker who saw them in X'), or the one
    place a mention told in several was given (`one_per_place`)."""
    if m.place is not None:
        return m.place, place_level(art, art.entity_by_id[m.place]) or "told"
    for rank, dist, e in m.locations:
        if rank == 0 and dist <= 2 and e.type == "PLACE":
            level = place_level(art, e)
            return (e.id, level) if level else None
        break
    return None


def same_place(art: ArticleEvents, mentions: list[Mention], m: Mention) -> bool:
    """No two places of one level: the mention's and the event's (a district and the city
    around it may be one event; two districts, or two cities, are two)."""
    mine = told_place(art, m)
    if mine is None:
        return True
    theirs = {p for x in mentions for p in [told_place(art, x)] if p is not None and comparable(art, p[1], mine[1])}
    return not theirs or mine in theirs


def told_before(art: ArticleEvents, m: Mention) -> bool:
    """'these elections', 'that attack': a demonstrative with no date of its own points back."""
    return not m.dates and any(c.dep_ == "det" and c.lower_ in art.lex.demonstratives
                               for c in art.tree.children(m.token))


def comparable(art: ArticleEvents, a: str, b: str) -> bool:
    """Two place levels that cannot hold one another: equal, or a place of a mention told in
    several ('told', level unknown) and any level but the largest."""
    return a == b or ("told" in (a, b) and art.lex.largest_level not in (a, b))


def same_kind(art: ArticleEvents, mentions: list[Mention], m: Mention) -> bool:
    """A kidnapping and a police arrest, a phone call and a visit, are two events."""
    kinds = art.lex.event_kinds
    kind = kinds.get(m.token.lemma_.lower())
    return not kind or all(kinds.get(x.token.lemma_.lower(), kind) == kind for x in mentions)


def same_unresolved(mentions: list[Mention], m: Mention) -> bool:
    """With no publication date: not 'in December' joined to what was told 'on Saturday'."""
    if m.unresolved is None:
        return True
    theirs = {x.unresolved for x in mentions if x.unresolved}
    return not theirs or m.unresolved in theirs
