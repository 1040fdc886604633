"""Events as records: which clusters are reported, and each one's date,
participants with their roles, place, counts, evidence and CAMEO code."""
from __future__ import annotations

from ...schema import EVENT_MODELS, CountRef, EntityRef, Participant, SideCount
from ...spans import evidence
from ...text.dates import resolve_mention
from .arguments import is_attribution
from .article import ArticleEvents
from .mediation import event_mediator
from .mentions import Cluster, Mention


def keep(art: ArticleEvents, c: Cluster) -> bool:
    """Reported: the main news (lede), or a background event the text dates or measures.
    Words that are often said of a process ('as a result of negotiations') need a side
    ('talks between X and Y', 'X and Y held talks')."""
    if all(m.rule.needs_argument for m in c.mentions) and not any(
            art.between_sides(m.token) or any(d <= 2 for d, _ in m.participants) for m in c.mentions):
        return False
    if c.explicit_dates or c.lede:
        return True
    return any(m.claims for m in c.mentions)


def talks_behind(art: ArticleEvents, c: Cluster, kept: list[Cluster]) -> bool:
    """Undated talks told in the same sentence as a reported exchange, release or deal,
    with a named side or place ('the release was negotiated between X and Y')."""
    if c.type != "MEETING" or c.modality != "asserted":
        return False
    told = {m.sent_i for k in kept if k.type in art.lex.talks_lead_to for m in k.mentions}
    return any(m.sent_i in told and (art.between_sides(m.token) or m.locations) for m in c.mentions)


def _date(art: ArticleEvents, c: Cluster, mentions: list[Mention], everything: list[Mention]):
    """(date, precision, text, dated): the first stated date; the publication date for
    the main news of the day."""
    dates = [m.dates[0] for m in sorted(everything, key=lambda m: m.token.i) if m.dates]
    main_story = any(m.lede and not m.generic and not art.is_subordinate(m) for m in mentions)
    if not dates:  # a date the sentence gives to another trigger ('at a conference on Tuesday, donors pledged')
        dates = [d for m in everything for d in m.borrowed if not main_story or art.is_main_date(d[1])]
    if not dates and c.modality == "asserted" and not c.cumulative:
        # the sentence before, when it dates the news of the week ('... in Sunday's vote.
        # Protesters clashed ...'); an older date there may belong to anything
        dates = [(d, iso) for m in mentions for d, _ in art.sent_dates.get(m.sent_i - 1, ())
                 if not d.is_bound and (iso := resolve_mention(d, art.published)) and art.is_main_date(iso)
                 and len(iso) == 10][:1]
    if dates:
        d = dates[0][0]
        return dates[0][1], d.precision, d.text, True
    if art.published and c.modality == "asserted" and main_story and not c.cumulative:
        return art.published, "day", None, False
    return None, None, None, False


def record(art: ArticleEvents, c: Cluster, vid: str, mediators_by_sent: dict):
    """The typed record of one cluster."""
    lex, tree = art.lex, art.tree
    mentions = sorted(c.mentions, key=lambda m: m.token.i)
    everything = [x for m in mentions for x in [m] + m.merged]
    first = mentions[0]
    date, precision, date_text, dated = _date(art, c, mentions, everything)
    mediator = event_mediator(art, c.type, mentions, everything, mediators_by_sent)
    # participants, nearest and most often first, the mediator left out
    score: dict[str, float] = {}
    ents = {}
    for m in everything:
        for dist, e in m.participants:
            if mediator is not None and e.id == mediator.id:
                continue
            score[e.id] = score.get(e.id, 0.0) + 1.0 / (1 + dist)
            ents[e.id] = e
    if not score:
        fallback_participants(art, c.type, mentions, mediator, score, ents)
    allowed = lex.participants_allowed(c.type)
    ranked = [k for k in sorted(score, key=lambda k: -score[k]) if ents[k].type in allowed][:art.settings.max_participants]
    participants = [Participant(entity_id=None if k.startswith("~") else k, name=ents[k].name,
                                role=role(art, c.type, ents[k], everything)) for k in ranked]
    location = None
    for rank in (0, 1, 2):
        best = next((x for m in everything for x in m.locations if x[0] == rank), None)
        if best is not None:
            location = EntityRef(entity_id=best[2].id, name=best[2].name)
            break
    claims, seen = [], set()
    for m in everything:
        for cl in m.claims:
            key = (cl.value, cl.category) if cl.value is not None else cl.id
            if key not in seen:
                seen.add(key)
                claims.append(cl)
    counts = [CountRef(claim_id=cl.id, value=cl.value, unit=cl.unit, category=cl.category) for cl in claims]
    evid, starts = [], set()
    for m in everything:
        ev = evidence(art.doc, art.sents[m.sent_i])
        if ev.start not in starts:
            starts.add(ev.start)
            evid.append(ev)
    evid.sort(key=lambda e: e.start)
    cameo = next((m.cameo for m in everything if m.rule.pos), first.cameo)  # a word's own code before a pattern's
    near = set()
    for m in everything:
        near |= tree.near_words(m.token)
    for etype, words, code in lex.cameo_refine:
        if etype == c.type and near & words:
            cameo = code
            break
    confidence = (0.45 + 0.1 * dated + 0.1 * bool(participants) + 0.1 * bool(counts)
                  + 0.05 * min(3, len(mentions) - 1))
    if c.modality != "asserted":
        confidence -= 0.1
    fields = dict(
        id=vid, participants=participants,
        mediator=EntityRef(entity_id=mediator.id, name=mediator.name) if mediator else None,
        location=location, date=date, date_precision=precision, date_text=date_text, counts=counts,
        trigger=first.token.text, evidence=evid, modality=c.modality, confidence=round(min(0.95, confidence), 2),
        cameo=cameo,
    )
    fields.update(type_specific(art, c.type, claims, participants))
    return EVENT_MODELS[c.type](**fields)


def fallback_participants(art: ArticleEvents, etype: str, mentions: list[Mention], mediator, score: dict,
                          ents: dict) -> None:
    """No entity near any trigger: the actors named elsewhere in the trigger's sentence,
    else (for two-sided events) in the sentence before."""
    lex = art.lex
    allowed = lex.participants_allowed(etype)
    if not allowed or etype in lex.no_fallback_participants:
        return
    first = mentions[0]
    for si in (first.sent_i, first.sent_i - 1):
        if si < first.sent_i and etype not in lex.neighbour_participants:
            break
        for e, root in art.sent_entities.get(si, ()):
            if e.type in allowed and (mediator is None or e.id != mediator.id) and not is_attribution(art, root, first.token):
                score[e.id] = score.get(e.id, 0.0) + 0.1
                ents[e.id] = e
        if score:
            return


def role(art: ArticleEvents, etype: str, entity, mentions: list[Mention]) -> str:
    """The participant's role: from its dependency relation to a trigger (table `roles`)."""
    tree, roles = art.tree, art.lex.roles
    rules = roles.by_relation.get(etype, ())
    for m in mentions if rules else ():
        for e, root in art.sent_entities.get(m.sent_i, ()):
            if e is not entity:
                continue
            head = tree.head(root)
            if head.i == m.token.i and head.i != root.i:
                rel = root.dep_
            elif tree.head(head).i == m.token.i and root.dep_ == "pobj":
                rel = head.dep_ + ">" + head.lower_
            else:
                rel = ""
            for rule in rules:
                if (rel in rule.relations or any(rel.startswith(p) for p in rule.relation_prefixes)) and (
                        not rule.entity_types or entity.type in rule.entity_types):
                    return rule.role
    by_type = roles.by_entity_type.get(etype, {})
    return by_type.get(entity.type) or roles.default.get(etype) or roles.fallback


def type_specific(art: ArticleEvents, etype: str, claims: list, participants: list[Participant]) -> dict:
    """The fields of one event type filled from its counts ('killed', 'amount', the
    released per side of an exchange)."""
    out = {}
    for name, cats in art.lex.type_fields.get(etype, {}).items():
        cl = next((c for c in claims if c.category in cats and c.value is not None), None)
        if cl is not None:
            out[name] = cl.value
            if name == "amount" and cl.currency:
                out["currency"] = cl.currency
    if etype == "PRISONER_EXCHANGE":
        # '230 Ukrainian prisoners', '248 Russians': the side a count of freed people belongs to
        # (the numeric claim's modifier), the largest count per side; such a side takes part
        best: dict[str, object] = {}
        for cl in claims:
            if cl.category not in art.lex.count_categories["PRISONER_EXCHANGE"] and not cl.modifiers:
                continue
            for mo in cl.modifiers:
                e = art.entity_by_id.get(mo.entity_id)
                if e is None or e.type not in ("COUNTRY", "ORGANIZATION"):
                    continue
                old = best.get(e.id)
                if old is None or (cl.value or 0) > (old[1].value or 0):
                    best[e.id] = (e, cl)
                break
        out["released_per_side"] = [SideCount(side=EntityRef(entity_id=e.id, name=e.name), value=cl.value, claim_id=cl.id)
                                    for e, cl in best.values()]
        known = {p.entity_id for p in participants}
        side = art.lex.roles.default["PRISONER_EXCHANGE"]
        participants.extend(Participant(entity_id=e.id, name=e.name, role=side)
                            for e, _ in best.values() if e.id not in known)
    return out


def shared_actors(art: ArticleEvents, events: list) -> None:
    """'Two civilians had been released June 12': an event of a type the article tells
    several times, with nobody doing it, is done by whoever does it in the first one."""
    for etype, roles in art.lex.actor_roles.items():
        told = [ev for ev in events if ev.type == etype and ev.modality == "asserted"]
        donors = [p for ev in told[:1] for p in ev.participants if p.role in roles]
        for ev in told[1:]:
            if donors and not any(p.role in roles for p in ev.participants):
                known = {p.entity_id for p in ev.participants}
                ev.participants = [p.model_copy() for p in donors if p.entity_id not in known] + ev.participants
