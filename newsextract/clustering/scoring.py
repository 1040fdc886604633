"""Which events are compared (blocking) and how strongly a pair is one event (`pair_score`)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from .events import ClusterEvent
from .settings import ClusterSettings, default_settings


def dates_compatible(a: ClusterEvent, b: ClusterEvent, tolerance: int) -> Optional[str]:
    """How two dates agree: 'same_day', 'adjacent_day', 'same_month', 'same_year',
    'missing' (one or both unknown), or None when they cannot be one event."""
    if not a.date or not b.date:
        return "missing"
    da, db = a.day(), b.day()
    if da and db:
        diff = abs((da - db).days)
        return "same_day" if diff == 0 else ("adjacent_day" if diff <= tolerance else None)
    n = min(len(a.date), len(b.date))
    if a.date[:n] != b.date[:n]:
        return None
    return "same_month" if n == 7 else "same_year"


def _place_relation(a_key, a_country, b_key, b_country) -> str:
    if a_key == b_key:
        return "same"
    a_country = a_country or (a_key.rsplit("|", 1)[1] if a_key.startswith("p:") else None)
    b_country = b_country or (b_key.rsplit("|", 1)[1] if b_key.startswith("p:") else None)
    # a place inside a country the other names is neither the same nor a different place
    if (a_key.startswith("c:") and b_country and a_key[2:] == b_country.upper()) or \
       (b_key.startswith("c:") and a_country and b_key[2:] == a_country.upper()):
        return "contained"
    return "different"


def pair_score(a: ClusterEvent, b: ClusterEvent, settings: Optional[ClusterSettings] = None) -> Optional[float]:
    """The evidence that `a` and `b` are one real-world event; None when they cannot be."""
    s = settings or default_settings()
    w = s.weights
    if a.type != b.type or a.article_id == b.article_id:
        return None
    dates = dates_compatible(a, b, s.day_tolerance)
    if dates is None:
        return None
    score = w["date_" + dates]
    if a.participants and b.participants:
        inter = len(a.participants & b.participants)
        score += w["participants_jaccard"] * inter / len(a.participants | b.participants) if inter \
            else w["participants_disjoint"]
    if a.location and b.location:
        rel = _place_relation(a.location, a.location_country, b.location, b.location_country)
        score += {"same": w["location_same"], "different": w["location_different"]}.get(rel, 0.0)
    if a.mediator and b.mediator:
        score += w["mediator_same"] if a.mediator == b.mediator else w["mediator_different"]
    if a.counts and b.counts:
        va, vb = {c[0] for c in a.counts}, {c[0] for c in b.counts}
        if va & vb:
            score += w["count_shared"]
        else:
            cats = {c[1] for c in a.counts} & {c[1] for c in b.counts}
            if not cats & s.growing_tolls:  # a toll that grows is no conflict
                score += w["count_disjoint_same_category"]
    return score


def block_keys(e: ClusterEvent, tolerance: int) -> set:
    """Blocking keys: two events are compared only when they share one.

    d: type + day (and the next `tolerance` days), for day-precise events;
    m: type + month + participant or place, where month- and year-precise events
       meet the day-precise events of their month (a year event joins its 12 months);
    u: type + participant, for undated events;
    c: type + participant + figure, where undated background mentions meet the
       event whose figure they repeat."""
    keys = set()
    anchors = set(e.participants) | ({e.location} if e.location else set()) or {"-"}
    day = e.day()
    if day:
        for k in range(tolerance + 1):
            keys.add(("d", e.type, (day + dt.timedelta(days=k)).isoformat()))
    if e.date:
        months = [e.date[:7]] if len(e.date) >= 7 else [f"{e.date[:4]}-{m:02d}" for m in range(1, 13)]
        for a in anchors:
            for month in months:
                keys.add(("m", e.type, month, a))
    else:
        for a in anchors:
            keys.add(("u", e.type, a))
    for a in anchors:
        for c in e.counts:
            keys.add(("c", e.type, a, c[0]))
    return keys


def _block_pairs(kind: str, members: list, evs: list):
    """The pairs of a block worth scoring: in m and c blocks, two day-precise events
    already met in their d block (or cannot be one event), so one must be coarser."""
    if kind in ("d", "u"):
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield members[x], members[y]
        return
    coarse = [i for i in members if evs[i].precision != "day"]
    for i in coarse:
        for j in members:
            if j == i or (j < i and evs[j].precision != "day"):
                continue  # itself, or a coarse pair already yielded from j
            yield (i, j) if i < j else (j, i)
