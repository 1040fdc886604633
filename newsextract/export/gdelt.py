"""GDELT Event 2.0 rows: the 61 codebook columns, one row per cluster.

Every column is filled from the cluster or left empty (None) by rule:
- dates: SQLDATE and FractionDate need the day, MonthYear the month, Year the
  year; a coarser date leaves the finer columns empty;
- actors: names in capitals as GDELT writes them; CAMEO country and type codes
  (actors.py); ethnic, religious, known-group and second/third type codes and
  the actors' own geography are not extracted, so they stay empty;
- IsRootEvent: 1 when the first report mentions the event in its lead paragraph;
- EventCode from the members' CAMEO code (the most common), its base (3 digits)
  and root (2 digits); QuadClass and GoldsteinScale from models/export_cameo.json;
- NumMentions: the evidence sentences of all members (at least one each),
  NumSources: distinct outlets (an article without a URL counts as its own
  source), NumArticles: member articles; AvgTone: empty (tone is not measured);
- ActionGeo: geo.py; DATEADDED: the first report's publication day at 00:00:00
  (so that an export is reproducible); SOURCEURL: the first report with a URL.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from .actors import Actor, cluster_actors
from .clusters import ExportCluster, numeric_id, parse_day
from .geo import cluster_geo
from .tables import cameo_table, gdelt_codebook

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def date_columns(date: Optional[str]) -> dict:
    out = {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}
    if not date or not date[:4].isdigit():
        return out
    out["Year"] = int(date[:4])
    if len(date) >= 7 and date[5:7].isdigit():
        out["MonthYear"] = int(date[:4] + date[5:7])
    day = parse_day(date)
    if day:
        out["SQLDATE"] = int(day.strftime("%Y%m%d"))
        out["FractionDate"] = round(day.year + (day.month * 30 + day.day) / 365, 4)
    return out


def actor_columns(prefix: str, actor: Optional[Actor]) -> dict:
    out = {f"{prefix}{f}": None for f in ACTOR_FIELDS}
    if actor:
        out.update({f"{prefix}Code": actor.cameo_code, f"{prefix}Name": actor.name.upper(),
                    f"{prefix}CountryCode": actor.cameo_country, f"{prefix}Type1Code": actor.cameo_type})
    return out


def geo_columns(prefix: str, geo) -> dict:
    out = {f"{prefix}_{f}": None for f in GEO_FIELDS}
    if geo:
        out.update({f"{prefix}_Type": geo.gdelt_type, f"{prefix}_FullName": geo.full_name,
                    f"{prefix}_CountryCode": geo.fips, f"{prefix}_ADM1Code": geo.adm1,
                    f"{prefix}_Lat": geo.latitude, f"{prefix}_Long": geo.longitude,
                    f"{prefix}_FeatureID": geo.gdelt_feature_id})
    return out


def event_code(cluster: ExportCluster) -> Optional[str]:
    codes = Counter(str(m.event["cameo"]) for m in cluster.members if m.event.get("cameo"))
    if not codes:
        return None
    return sorted(codes.items(), key=lambda t: (-t[1], t[0]))[0][0]


def is_root_event(cluster: ExportCluster) -> Optional[int]:
    first = cluster.first
    if first.article.lead_end is None or not first.evidence:
        return None
    return int(any(e.get("start", 0) < first.article.lead_end for e in first.evidence))


def counts_columns(cluster: ExportCluster) -> dict:
    sources = {outlet or ("article:" + article_id) for article_id, outlet in cluster.outlets().items()}
    return {"NumMentions": sum(max(1, len(m.evidence)) for m in cluster.members),
            "NumSources": len(sources),
            "NumArticles": len({m.article.id for m in cluster.members}),
            "AvgTone": None}


def gdelt_row(cluster: ExportCluster) -> dict:
    """One GDELT Event 2.0 record (column name -> value, None for empty) for a cluster."""
    actors = cluster_actors(cluster)
    code = event_code(cluster)
    cameo = cameo_table().codes.get(code) if code else None
    first_day = parse_day(cluster.first.article.published)
    url = next((m.article.url for m in cluster.members if m.article.url), None)
    values = {"GLOBALEVENTID": numeric_id(cluster.id), **date_columns(cluster.cluster.date),
              **actor_columns("Actor1", actors.actor1), **actor_columns("Actor2", actors.actor2),
              "IsRootEvent": is_root_event(cluster), "EventCode": code,
              "EventBaseCode": code[:3] if code else None, "EventRootCode": code[:2] if code else None,
              "QuadClass": cameo.quad_class if cameo else None,
              "GoldsteinScale": cameo.goldstein if cameo else None, **counts_columns(cluster),
              **geo_columns("Actor1Geo", None), **geo_columns("Actor2Geo", None),
              **geo_columns("ActionGeo", cluster_geo(cluster)),
              "DATEADDED": int(first_day.strftime("%Y%m%d") + "000000") if first_day else None,
              "SOURCEURL": url}
    return {name: values[name] for name in gdelt_codebook().names}
