"""One real event, one record: grouping the same event across the articles of a dump.

Events are compared only within blocks (type + date bucket, type + month or year
+ participant, type + participant + figure), so the cost grows with the number of
events, not with the number of pairs. A pair is scored by `pair_score` from
features whose weights live in models/clustering.json; pairs are merged greedily
from the best score down, and two clusters merge only when no member pair
conflicts (same article, incompatible dates). The result does not depend on the
order of the input: events are sorted by (article id, index) first and every tie
is broken by those keys.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Optional
from urllib.parse import urlparse

from .gazetteer import Country, Place, load_gazetteer
from .schema import ClusterFigure, ClusterMember, ClusterSource, EventCluster, SourceFigure
from .text.names import name_key


# ---------------------------------------------------------------- settings

@dataclass(frozen=True)
class ClusterSettings:
    threshold: float
    max_block_size: int
    day_tolerance: int
    weights: Mapping[str, float]
    growing_tolls: frozenset

    @classmethod
    def load(cls, path: Optional[str] = None) -> "ClusterSettings":
        if path:
            data = json.loads(Path(path).read_text("utf-8"))
        else:
            data = json.loads(resources.files("newsextract.models").joinpath("clustering.json").read_text("utf-8"))
        return cls(threshold=float(data["threshold"]), max_block_size=int(data["max_block_size"]),
                   day_tolerance=int(data["day_tolerance"]), weights=dict(data["weights"]),
                   growing_tolls=frozenset(data.get("growing_tolls", ())))


@lru_cache(maxsize=1)
def default_settings() -> ClusterSettings:
    return ClusterSettings.load()


# ---------------------------------------------------------------- names

def norm_name(name: str) -> str:
    """A mention's name as the kernel keys it, possessive and leading article dropped."""
    return name_key(name or "", drop_possessive=True, drop_indefinite=True)


@lru_cache(maxsize=1)
def _gazetteer():
    return load_gazetteer()


_GENERIC_PLACE_WORDS = re.compile(r"\s+(region|province|oblast|state|district|city|county|governorate)$", re.I)


@lru_cache(maxsize=65536)
def gazetteer_key(name: str) -> Optional[str]:
    """A key shared by every name of one country or place ("US" = "America" =
    "United States" -> "c:US"; "Kiev" = "Kyiv"), from the packaged gazetteer."""
    entries = _gazetteer().lookup(name)
    if not entries:
        bare = _GENERIC_PLACE_WORDS.sub("", name).strip()
        entries = _gazetteer().lookup(bare) if bare and bare != name else []
    if not entries:
        return None
    rec = entries[0].record
    if isinstance(rec, Country):
        return "c:" + rec.iso2
    if isinstance(rec, Place):
        return f"p:{norm_name(rec.name)}|{rec.country_code or ''}"
    return None


def entity_key(name: str, *, iso2: Optional[str] = None, etype: Optional[str] = None) -> str:
    """The key two mentions of one entity share across articles."""
    if iso2:
        return "c:" + iso2.upper()
    key = gazetteer_key(name) if etype in (None, "COUNTRY", "PLACE") else None
    if key:
        return key
    n = norm_name(name)
    parts = n.split()
    if etype == "PERSON" and len(parts) > 1:
        return "n:" + parts[-1]  # surname: "Joe Biden" = "Biden"
    return "n:" + n


# ---------------------------------------------------------------- events

@dataclass
class ClusterEvent:
    """What the clusterer needs to know of one event of one article."""

    article_id: str
    index: int
    type: str
    event_id: Optional[str] = None
    date: Optional[str] = None
    participants: frozenset = frozenset()
    participant_names: tuple = ()
    mediator: Optional[str] = None
    mediator_name: Optional[str] = None
    location: Optional[str] = None
    location_name: Optional[str] = None
    location_country: Optional[str] = None
    counts: tuple = ()  # (value, category, claim_id)
    published: Optional[str] = None
    url: Optional[str] = None

    @property
    def key(self):
        return (self.article_id, self.index)

    @property
    def precision(self) -> Optional[str]:
        if not self.date:
            return None
        return {10: "day", 7: "month", 4: "year"}.get(len(self.date))

    def day(self) -> Optional[dt.date]:
        if self.precision == "day":
            try:
                return dt.date.fromisoformat(self.date)
            except ValueError:
                return None
        return None

    def to_json(self) -> dict:
        d = self.__dict__.copy()
        d["participants"] = sorted(self.participants)
        d["participant_names"] = list(self.participant_names)
        d["counts"] = [list(c) for c in self.counts]
        return d

    @classmethod
    def from_json(cls, d: dict) -> "ClusterEvent":
        d = dict(d)
        d["participants"] = frozenset(d.get("participants") or ())
        d["participant_names"] = tuple(d.get("participant_names") or ())
        d["counts"] = tuple(tuple(c) for c in d.get("counts") or ())
        return cls(**d)


def _ref_name(x) -> str:
    if isinstance(x, dict):
        return x.get("name") or ""
    return x or ""


def _clean_date(value) -> Optional[str]:
    if not value:
        return None
    s = str(value)[:10]
    return s if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s) else None


def events_of_record(rec: Mapping) -> list[ClusterEvent]:
    """The events of one record (newsextract output or a gold file) as ClusterEvents.

    Events whose modality is not `asserted` are left out: they did not happen."""
    entities = {e.get("id"): e for e in rec.get("entities") or [] if isinstance(e, dict)}
    published = rec.get("published")
    if isinstance(published, dict):
        published = published.get("date")
    url = rec.get("url") or rec.get("source_url")
    out = []

    def key_of(ref):
        name = _ref_name(ref)
        ent = entities.get(ref.get("entity_id")) if isinstance(ref, dict) else None
        if ent:
            attrs = ent.get("attributes") or {}
            return entity_key(ent.get("name") or name, iso2=attrs.get("iso_alpha2") if ent.get("type") == "COUNTRY" else None,
                            etype=ent.get("type")), ent.get("name") or name, attrs.get("country_code")
        return entity_key(name), name, None

    for i, ev in enumerate(rec.get("events") or []):
        if str(ev.get("modality") or "asserted").lower() != "asserted":
            continue
        parts = [key_of(p) for p in ev.get("participants") or [] if _ref_name(p)]
        med = key_of(ev["mediator"]) if _ref_name(ev.get("mediator")) else None
        loc = key_of(ev["location"]) if _ref_name(ev.get("location")) else None
        counts = []
        for c in ev.get("counts") or []:
            if isinstance(c, dict):
                if c.get("value") is not None:
                    counts.append((float(c["value"]), c.get("category") or "OTHER", c.get("claim_id")))
            elif c is not None:
                counts.append((float(c), "OTHER", None))
        out.append(ClusterEvent(
            article_id=str(rec.get("id")), index=i, type=str(ev.get("type")), event_id=ev.get("id"),
            date=_clean_date(ev.get("date")),
            participants=frozenset(k for k, _, _ in parts), participant_names=tuple(n for _, n, _ in parts),
            mediator=med[0] if med else None, mediator_name=med[1] if med else None,
            location=loc[0] if loc else None, location_name=loc[1] if loc else None,
            location_country=loc[2] if loc else None,
            counts=tuple(counts), published=_clean_date(published), url=url,
        ))
    return out


# ---------------------------------------------------------------- scoring

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


# ---------------------------------------------------------------- clustering

@dataclass
class _Cluster:
    members: list = field(default_factory=list)
    articles: set = field(default_factory=set)


def _can_merge(x: _Cluster, y: _Cluster, settings: ClusterSettings) -> bool:
    if x.articles & y.articles:
        return False
    return all(dates_compatible(a, b, settings.day_tolerance) is not None for a in x.members for b in y.members)


def cluster_events(events: Iterable[ClusterEvent], settings: Optional[ClusterSettings] = None,
                   *, previous: Optional[Mapping[tuple, str]] = None,
                   stats: Optional[dict] = None) -> dict[tuple, str]:
    """Assign a cluster id to every event: {(article_id, index): cluster_id}.

    `stats`, when given, receives counts of events, blocks and pairs scored.
    `previous` maps event keys to the ids they had in an earlier run; a cluster
    keeps the id most of its previously-seen members had, so adding articles
    never renumbers existing clusters."""
    s = settings or default_settings()
    evs = sorted(events, key=lambda e: e.key)
    blocks = defaultdict(list)
    for i, e in enumerate(evs):
        for k in block_keys(e, s.day_tolerance):
            blocks[k].append(i)
    pairs = {}
    for bkey, members in blocks.items():
        if len(members) < 2 or len(members) > s.max_block_size:
            continue
        for i, j in _block_pairs(bkey[0], members, evs):
            if (i, j) not in pairs:
                pairs[(i, j)] = pair_score(evs[i], evs[j], s)
    if stats is not None:
        stats.update(events=len(evs), blocks=len(blocks), pairs_scored=len(pairs),
                     blocks_skipped=sum(len(m) > s.max_block_size for m in blocks.values()))
    ranked = sorted(((sc, i, j) for (i, j), sc in pairs.items() if sc is not None and sc >= s.threshold),
                    key=lambda t: (-t[0], t[1], t[2]))
    parent = list(range(len(evs)))
    clusters = {i: _Cluster(members=[e], articles={e.article_id}) for i, e in enumerate(evs)}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in ranked:
        ri, rj = find(i), find(j)
        if ri == rj or not _can_merge(clusters[ri], clusters[rj], s):
            continue
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        clusters[root].members += clusters[other].members
        clusters[root].articles |= clusters[other].articles
        del clusters[other]
    return _name_clusters(clusters, previous or {})


def _name_clusters(clusters: dict, previous: Mapping[tuple, str]) -> dict[tuple, str]:
    assigned, used = {}, set()
    # the biggest clusters claim their previous ids first; ties by their first member
    order = sorted(clusters.values(), key=lambda c: (-len(c.members), min(m.key for m in c.members)))
    for c in order:
        votes = Counter(previous[m.key] for m in c.members if m.key in previous)
        cid = next((v for v, _ in sorted(votes.items(), key=lambda t: (-t[1], t[0])) if v not in used), None)
        if cid is None:
            first = min(m.key for m in c.members)
            cid = "C" + hashlib.sha1(f"{c.members[0].type}|{first[0]}|{first[1]}".encode()).hexdigest()[:12]
        used.add(cid)
        for m in c.members:
            assigned[m.key] = cid
    return assigned


# ---------------------------------------------------------------- cluster records

def _outlet(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else (host or None)


def _most_common(values):
    values = [v for v in values if v]
    if not values:
        return None
    return sorted(Counter(values).items(), key=lambda t: (-t[1], str(t[0])))[0][0]


def build_clusters(events: Iterable[ClusterEvent], assignment: Mapping[tuple, str]) -> list[EventCluster]:
    groups = defaultdict(list)
    for e in events:
        groups[assignment[e.key]].append(e)
    out = []
    for cid in sorted(groups):
        members = sorted(groups[cid], key=lambda e: e.key)
        dates = sorted(e.date for e in members if e.date)
        best_precision = max((len(d) for d in dates), default=0)
        date = _most_common([d for d in dates if len(d) == best_precision])
        by_cat = defaultdict(list)
        for e in members:
            for value, cat, claim in e.counts:
                by_cat[cat].append(SourceFigure(value=value, article_id=e.article_id,
                                                published=e.published if e.published and len(e.published) == 10 else None,
                                                claim_id=claim))
        figures = []
        for cat in sorted(by_cat):
            figs = sorted(by_cat[cat], key=lambda f: (str(f.published or ""), f.article_id, f.value))
            figures.append(ClusterFigure(category=cat, figures=figs, latest=figs[-1].value,
                                         highest=max(f.value for f in figs)))
        names = Counter(n for e in members for n in e.participant_names)
        pubs = sorted(e.published for e in members if e.published and len(e.published) == 10)
        sources = {}
        for e in members:
            sources.setdefault(e.article_id, ClusterSource(
                article_id=e.article_id, url=e.url, outlet=_outlet(e.url),
                published=e.published if e.published and len(e.published) == 10 else None))
        out.append(EventCluster(
            cluster_id=cid, type=members[0].type, date=date,
            date_range=[dates[0], dates[-1]] if dates else [],
            participants=[n for n, _ in sorted(names.items(), key=lambda t: (-t[1], t[0]))],
            mediator=_most_common([e.mediator_name for e in members]),
            location=_most_common([e.location_name for e in members]),
            figures=figures, first_seen=pubs[0] if pubs else None, last_seen=pubs[-1] if pubs else None,
            members=[ClusterMember(article_id=e.article_id, event_index=e.index, event_id=e.event_id) for e in members],
            sources=list(sources.values()),
            confidence=round(min(0.95, 0.5 + 0.1 * (len(sources) - 1)), 2) if len(sources) > 1 else 0.5,
        ))
    return out


# ---------------------------------------------------------------- records in, records out

class ClusterState:
    """Clusters kept between runs in a folder: `events.jsonl` (what was seen) and
    the assignment. Tomorrow's dump joins today's clusters or opens new ones."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.events: dict[tuple, ClusterEvent] = {}
        self.assignment: dict[tuple, str] = {}
        path = self.folder / "events.jsonl"
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    ev = ClusterEvent.from_json(row["event"])
                    self.events[ev.key] = ev
                    self.assignment[ev.key] = row["cluster_id"]

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / "events.jsonl.tmp"
        with tmp.open("w", encoding="utf-8") as fh:
            for key in sorted(self.events):
                fh.write(json.dumps({"cluster_id": self.assignment[key], "event": self.events[key].to_json()},
                                    ensure_ascii=False) + "\n")
        tmp.replace(self.folder / "events.jsonl")


def cluster_records(records: list[dict], *, settings: Optional[ClusterSettings] = None,
                    state: Optional[ClusterState] = None) -> tuple[list[dict], list[EventCluster]]:
    """Set `cluster_id` on every asserted event of `records` (dicts, changed in place
    and returned) and return the cluster records. With `state`, earlier articles'
    events take part and keep their cluster ids; re-running the same records changes nothing."""
    fresh = [e for rec in records for e in events_of_record(rec)]
    pool = dict(state.events) if state else {}
    for e in fresh:
        pool[e.key] = e  # an article seen again replaces its earlier events
    fresh_articles = {e.article_id for e in fresh} | {str(r.get("id")) for r in records}
    fresh_keys = {e.key for e in fresh}
    for key in [k for k in pool if k[0] in fresh_articles and k not in fresh_keys]:
        del pool[key]
    assignment = cluster_events(pool.values(), settings, previous=state.assignment if state else None)
    for rec in records:
        for i, ev in enumerate(rec.get("events") or []):
            key = (str(rec.get("id")), i)
            if key in assignment:
                ev["cluster_id"] = assignment[key]
    if state is not None:
        state.events, state.assignment = pool, assignment
    return records, build_clusters(pool.values(), assignment)


def cluster_events_dask(events: Iterable[ClusterEvent], settings: Optional[ClusterSettings] = None, *,
                        previous: Optional[Mapping[tuple, str]] = None, npartitions: int = 8,
                        scheduler=None) -> dict[tuple, str]:
    """`cluster_events` on a Dask cluster, partitioned by event type.

    Every blocking key starts with the event type and events of different types
    are never one occurrence, so each type is clustered on its own worker and the
    result equals the single-process one. `scheduler` is passed to `compute`
    (None: the active distributed Client, else Dask's default)."""
    import dask.bag as db

    s = settings or default_settings()
    prev = dict(previous or {})
    bag = db.from_sequence(list(events), npartitions=npartitions)
    per_type = bag.groupby(lambda e: e.type).map(
        lambda kv: cluster_events(kv[1], s, previous={e.key: prev[e.key] for e in kv[1] if e.key in prev}))
    result = {}
    for part in per_type.compute(scheduler=scheduler):
        result.update(part)
    return result
