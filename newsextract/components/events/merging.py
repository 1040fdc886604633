"""Mentions merged into events: first inside a sentence (a kill inside an attack, a
deal next to a swap, 'prisoner swap deal'), then across the article by type and
compatible date (one real event told in headline, lede and body is one record;
two exchanges in different months stay two)."""
from __future__ import annotations

from typing import Optional

from .article import ArticleEvents
from .mentions import Cluster, Mention, dates_compatible

_SWAP_TYPES = ("RELEASE", "PRISONER_EXCHANGE")


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
        for m in by_sent[si]:
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
                             and dates_compatible(k.date and k.date[1], m.date and m.date[1])), None)
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
        target.mentions.append(m)
        if m.modality == "asserted":
            target.modality = "asserted"
    clusters.sort(key=lambda c: (min(x.token.i for x in c.mentions), lex.type_order.get(c.type, 99)))
    return clusters


def find_cluster(art: ArticleEvents, clusters: list[Cluster], m: Mention, etype: str) -> Optional[Cluster]:
    """The event a mention names, if one is already open: same type and a compatible date.
    A denied or planned mention of a happening already told as real joins it ('did not
    call it an exchange'); otherwise it opens its own, non-asserted event."""
    kinds = art.lex.event_kinds
    same = [c for c in clusters if c.type == etype and c.cumulative == m.cumulative]
    kind = kinds.get(m.token.lemma_.lower())
    if kind:  # a kidnapping and a police arrest are two events
        same = [c for c in same if all(kinds.get(x.token.lemma_.lower(), kind) == kind for x in c.mentions)]
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
    return next((c for c in cands if c.date is None or art.is_main_date(c.date)), None)
