"""ACLED rows: ACLED's 31 columns, one row per cluster within ACLED's scope.

Every column is filled from the cluster or left empty (None) by rule:
- event_id_cnty: the ISO alpha-3 code of the event's country and the cluster's
  number (as GLOBALEVENTID); without a known country, the number alone;
- event_date, time_precision: only a day-precise date (ACLED has no month or
  year dates); year from any date;
- disorder_type, event_type, sub_event_type: models/export_acled_mapping.json;
  events no rule maps (meetings, elections, disasters, ...) are not written;
- actor1/actor2, assoc_actor_1/2, inter1/inter2: actors.py (associates are the
  other actors of the same directional role, joined by "; "); interaction: the
  two inter codes, lower first (a lone actor: its code and 0), empty when an
  actor's code is unknown; civilian_targeting by event type (the mapping table);
- iso (ISO numeric), region (ACLED's), country, admin1 (a region the event is
  placed in), location, latitude, longitude, geo_precision: geo.py and the tables;
  admin2, admin3, source_scale and tags are not known and stay empty;
- source: the members' outlets, first report first; notes: the first report's
  evidence sentence; fatalities: the cluster's reconciled KILLED figure (the
  latest source's, see clustering), empty when no member reports one (ACLED
  writes 0 there: `fillna(0)` reproduces that); timestamp: the latest report's
  publication day at 00:00 UTC, in Unix seconds.
"""
from __future__ import annotations

import calendar
from typing import Optional

from .actors import Actor, cluster_actors
from .clusters import ExportCluster, numeric_id, parse_day
from .gdelt import event_code
from .geo import cluster_geo
from .tables import acled_codebook, acled_mapping, country_table


def interaction(inter1: Optional[int], inter2: Optional[int], has_actor2: bool) -> Optional[int]:
    if inter1 is None or (has_actor2 and inter2 is None):
        return None
    if not has_actor2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _names(actors: tuple) -> Optional[str]:
    return acled_mapping().source_separator.join(a.name for a in actors) or None


def fatalities(cluster: ExportCluster) -> Optional[int]:
    figure = next((f for f in cluster.cluster.figures if f.category == "KILLED"), None)
    return int(figure.latest) if figure and figure.latest is not None else None


def _sources(cluster: ExportCluster) -> Optional[str]:
    outlets = list(dict.fromkeys(o for o in cluster.outlets().values() if o))
    return acled_mapping().source_separator.join(outlets) or None


def _timestamp(cluster: ExportCluster) -> Optional[int]:
    days = [d for d in (parse_day(m.article.published) for m in cluster.members) if d]
    return calendar.timegm(max(days).timetuple()) if days else None


def acled_row(cluster: ExportCluster) -> Optional[dict]:
    """One ACLED event (column name -> value, None for empty), or None when the
    cluster's event is outside what ACLED records."""
    mapping = acled_mapping()
    rule = mapping.rule_for(cluster.cluster.type, event_code(cluster))
    if rule is None:
        return None
    actors = cluster_actors(cluster)
    a1, a2 = actors.actor1 or Actor(name=""), actors.actor2
    geo = cluster_geo(cluster)
    country = country_table().get(geo.iso2) if geo else None
    date = cluster.cluster.date
    day = parse_day(date)
    notes = next((e.get("text") for m in cluster.members for e in m.evidence if e.get("text")), None)
    values = {
        "event_id_cnty": (country.iso3 if country else "") + str(numeric_id(cluster.id)),
        "event_date": day.isoformat() if day else None, "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "time_precision": mapping.time_precision.get("day") if day else None,
        "disorder_type": mapping.sub_event_disorder.get(rule.sub_event_type, mapping.disorder_types.get(rule.event_type)),
        "event_type": rule.event_type, "sub_event_type": rule.sub_event_type,
        "actor1": a1.name or None, "assoc_actor_1": _names(actors.associates1), "inter1": a1.acled_inter,
        "actor2": a2.name if a2 else None, "assoc_actor_2": _names(actors.associates2),
        "inter2": a2.acled_inter if a2 else None,
        "interaction": interaction(a1.acled_inter, a2.acled_inter if a2 else None, a2 is not None) if a1.name else None,
        "civilian_targeting": mapping.civilian_targeting.label
        if rule.event_type in mapping.civilian_targeting.event_types else None,
        "iso": country.iso_numeric if country else None, "region": mapping.region_of(geo.iso2) if geo else None,
        "country": country.name if country else None,
        "admin1": geo.name if geo and geo.kind == "region" else None, "admin2": None, "admin3": None,
        "location": geo.name if geo and geo.kind not in ("country", "territory") else None,
        "latitude": geo.latitude if geo else None, "longitude": geo.longitude if geo else None,
        "geo_precision": mapping.geo_precision.get(geo.kind or "") if geo else None,
        "source": _sources(cluster), "source_scale": None, "notes": notes,
        "fatalities": fatalities(cluster), "tags": None, "timestamp": _timestamp(cluster),
    }
    return {name: values[name] for name in acled_codebook().names}
