"""Cross-article event clustering: the scoring function on its own, then whole dumps."""
from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from newsextract.clustering import (
    ClusterEvent,
    ClusterSettings,
    ClusterState,
    block_keys,
    cluster_events,
    cluster_records,
    dates_compatible,
    default_settings,
    entity_key,
    events_of_record,
    pair_score,
)
from newsextract.clustering.building import _outlet
from newsextract.text.tables import TableError, read_json


def record(aid, published, *events, url=None):
    return {"id": aid, "published": published, "url": url or f"https://{aid}.example.org/story",
            "events": [dict(e) for e in events]}


def exchange(date, counts, mediator="United Arab Emirates", sides=("Russia", "Ukraine")):
    return {"type": "PRISONER_EXCHANGE", "participants": list(sides), "mediator": mediator,
            "location": None, "date": date, "counts": counts}


def quake(date, counts, location="Nepal"):
    return {"type": "DISASTER", "participants": [], "mediator": None, "location": location,
            "date": date, "counts": counts}


def ev(**kw):
    base = dict(article_id="a", index=0, type="PRISONER_EXCHANGE")
    base.update(kw)
    return ClusterEvent(**base)


# ---------------------------------------------------------------- the scoring function

@pytest.mark.parametrize("a,b,expected", [
    ("2024-01-03", "2024-01-03", "same_day"),
    ("2024-01-03", "2024-01-04", "adjacent_day"),
    ("2024-01-03", "2024-01-09", None),
    ("2024-01-03", "2024-01", "same_month"),
    ("2024-01", "2024-02", None),
    ("2024-01-31", "2024", "same_year"),
    ("2024-01-03", None, "missing"),
    ("2023-12-31", "2024-01-01", "adjacent_day"),
])
def test_date_compatibility(a, b, expected):
    assert dates_compatible(ev(date=a), ev(date=b, article_id="b"), 1) == expected


def test_pair_score_rewards_agreement_and_forbids_conflicts():
    s = default_settings()
    same = pair_score(ev(date="2024-01-03", participants=frozenset({"c:RU", "c:UA"}), counts=((230.0, "RELEASED", None),)),
                      ev(article_id="b", date="2024-01-03", participants=frozenset({"c:RU", "c:UA"}),
                         counts=((230.0, "RELEASED", None),)), s)
    other_sides = pair_score(ev(date="2024-01-03", participants=frozenset({"c:RU", "c:UA"})),
                             ev(article_id="b", date="2024-01-03", participants=frozenset({"c:US", "c:IR"})), s)
    assert same >= s.threshold > other_sides
    # different types, the same article, a month apart: never one event
    assert pair_score(ev(), ev(type="ATTACK", article_id="b"), s) is None
    assert pair_score(ev(date="2024-01-03"), ev(index=1, date="2024-01-03"), s) is None
    assert pair_score(ev(date="2024-01-03"), ev(article_id="b", date="2024-02-03"), s) is None


def test_the_same_day_alone_is_not_enough():
    s = default_settings()
    assert pair_score(ev(type="ATTACK", date="2024-01-03"), ev(type="ATTACK", article_id="b", date="2024-01-03"),
                      s) < s.threshold


def test_rising_toll_is_no_conflict_but_other_figures_are():
    s = default_settings()
    base = dict(type="DISASTER", date="2015-04-25", location="c:NP")
    toll = pair_score(ev(**base, counts=((20.0, "KILLED", None),)),
                      ev(**base, article_id="b", counts=((358.0, "KILLED", None),)), s)
    freed = pair_score(ev(**base, counts=((20.0, "RELEASED", None),)),
                       ev(**base, article_id="b", counts=((358.0, "RELEASED", None),)), s)
    assert toll > freed


def test_blocking_keys_put_adjacent_days_together_and_months_apart():
    tol = default_settings().day_tolerance
    a = block_keys(ev(date="2024-01-03", participants=frozenset({"c:RU"})), tol)
    b = block_keys(ev(date="2024-01-04", participants=frozenset({"c:RU"})), tol)
    c = block_keys(ev(date="2024-02-20", participants=frozenset({"c:RU"})), tol)
    assert a & b
    assert not {k for k in a & c if k[0] in ("d", "m")}


# ---------------------------------------------------------------- dumps

def three_outlets():
    return [
        record("kyiv-daily", "2024-01-03", exchange("2024-01-03", [230])),
        record("moscow-wire", "2024-01-04", exchange("2024-01-03", [248])),
        record("gulf-news", "2024-01-04", exchange("2024-01-03", [230, 248])),
    ]


def cluster_ids(records):
    return {(r["id"], i): e.get("cluster_id") for r in records for i, e in enumerate(r["events"])}


def partition(records):
    groups = {}
    for key, cid in cluster_ids(records).items():
        groups.setdefault(cid, set()).add(key)
    return sorted(sorted(g) for g in groups.values())


def test_one_exchange_told_by_three_outlets_is_one_cluster():
    records, clusters = cluster_records(three_outlets())
    assert len({cid for cid in cluster_ids(records).values()}) == 1
    (c,) = clusters
    assert c.type == "PRISONER_EXCHANGE" and c.date == "2024-01-03"
    assert {s.article_id for s in c.sources} == {"kyiv-daily", "moscow-wire", "gulf-news"}
    assert sorted(f.value for fig in c.figures for f in fig.figures) == [230, 230, 248, 248]
    assert c.first_seen.isoformat() == "2024-01-03" and c.last_seen.isoformat() == "2024-01-04"


def test_exchanges_of_the_same_sides_in_different_months_stay_apart():
    recs = [record("a", "2024-01-03", exchange("2024-01-03", [230])),
            record("b", "2024-02-08", exchange("2024-02-08", [100])),
            record("c", "2024-02-09", exchange("2024-02-08", [100]))]
    records, clusters = cluster_records(recs)
    assert partition(records) == [[("a", 0)], [("b", 0), ("c", 0)]]


def test_rising_toll_is_one_cluster_with_its_history():
    recs = [record("d1", "2015-04-25", quake("2015-04-25", [{"value": 718, "category": "KILLED"}])),
            record("d2", "2015-04-28", quake("2015-04-25", [{"value": 4310, "category": "KILLED"}])),
            record("d3", "2015-05-10", quake("2015-04-25", [{"value": 7913, "category": "KILLED"}]))]
    records, clusters = cluster_records(recs)
    (c,) = clusters
    (killed,) = c.figures
    assert [f.value for f in killed.figures] == [718, 4310, 7913]
    assert killed.latest == 7913


def test_background_mention_joins_its_cluster():
    recs = three_outlets() + [record("later", "2024-02-08",
                                     exchange("2024-02-08", [100]),
                                     exchange("2024-01", [230], mediator=None))]
    records, _ = cluster_records(recs)
    ids = cluster_ids(records)
    assert ids[("later", 1)] == ids[("kyiv-daily", 0)]
    assert ids[("later", 0)] != ids[("kyiv-daily", 0)]


def test_undated_running_totals_do_not_join_a_dated_exchange():
    recs = three_outlets() + [record("totals", "2024-01-04", exchange(None, [2598]))]
    records, _ = cluster_records(recs)
    ids = cluster_ids(records)
    assert ids[("totals", 0)] != ids[("kyiv-daily", 0)]


def test_planned_events_are_not_clustered():
    planned = exchange("2024-01-10", [50])
    planned["modality"] = "planned"
    records, clusters = cluster_records([record("p", "2024-01-03", planned)])
    assert "cluster_id" not in records[0]["events"][0] and clusters == []


def test_shuffled_input_gives_the_same_clusters():
    recs = three_outlets() + [record("x", "2024-02-08", exchange("2024-02-08", [100]))]
    expected = cluster_ids(cluster_records(json.loads(json.dumps(recs)))[0])
    for seed in range(5):
        shuffled = json.loads(json.dumps(recs))
        random.Random(seed).shuffle(shuffled)
        assert cluster_ids(cluster_records(shuffled)[0]) == expected


def test_incremental_equals_one_batch_and_keeps_ids(tmp_path):
    day1 = three_outlets()[:2]
    day2 = three_outlets()[2:] + [record("x", "2024-02-08", exchange("2024-02-08", [100]))]
    batch = cluster_ids(cluster_records(json.loads(json.dumps(day1 + day2)))[0])

    state = ClusterState(tmp_path / "state")
    first = cluster_ids(cluster_records(json.loads(json.dumps(day1)), state=state)[0])
    state.save()
    state = ClusterState(tmp_path / "state")
    second = cluster_ids(cluster_records(json.loads(json.dumps(day2)), state=state)[0])
    state.save()
    assert second[("gulf-news", 0)] == first[("kyiv-daily", 0)]  # joined today's cluster, id kept
    merged = {**first, **second}
    assert sorted(map(sorted, _groups(merged))) == sorted(map(sorted, _groups(batch)))
    # re-running a dump changes nothing
    state = ClusterState(tmp_path / "state")
    again = cluster_ids(cluster_records(json.loads(json.dumps(day2)), state=state)[0])
    assert again == second


def _groups(ids):
    g = {}
    for k, v in ids.items():
        g.setdefault(v, set()).add(k)
    return list(g.values())


def test_events_of_record_reads_newsextract_records():
    rec = {"id": "r1", "published": {"date": "2024-01-03", "source": "given"}, "url": None,
           "entities": [{"id": "E1", "name": "United Arab Emirates", "type": "COUNTRY",
                         "attributes": {"iso_alpha2": "AE"}}],
           "events": [{"type": "PRISONER_EXCHANGE", "participants": [], "date": "2024-01-03",
                       "mediator": {"entity_id": "E1", "name": "UAE"},
                       "counts": [{"claim_id": "N1", "value": 230, "category": "RELEASED"}]}]}
    (e,) = events_of_record(rec)
    assert e.mediator == "c:AE" and e.published == "2024-01-03"
    assert e.counts == ((230.0, "RELEASED", "N1"),)


def test_cost_grows_with_events_not_pairs():
    """Many events on many days: blocking keeps the compared pairs near-linear."""
    start = dt.date(2020, 1, 1)
    evs = [ClusterEvent(article_id=f"a{i}", index=0, type="ATTACK",
                        date=(start + dt.timedelta(days=(i * 7919) % 1000)).isoformat(),
                        participants=frozenset({f"c:X{i % 50}"})) for i in range(3000)]
    stats = {}
    assignment = cluster_events(evs, stats=stats)
    assert len(assignment) == 3000
    assert stats["pairs_scored"] < 20 * len(evs)  # all pairs would be 4.5 million


def test_dask_clustering_equals_single_process():
    pytest.importorskip("dask.bag", reason="dask is an optional extra: pip install 'newsextract[dask]'")
    from newsextract.clustering import cluster_events_dask

    recs = three_outlets() + [record("x", "2024-02-08", exchange("2024-02-08", [100]), quake("2024-02-08", [3]))]
    evs = [e for r in recs for e in events_of_record(r)]
    assert cluster_events_dask(evs, npartitions=3, scheduler="sync") == cluster_events(evs)


def test_dask_clustering_on_a_local_cluster():
    distributed = pytest.importorskip("dask.distributed", reason="needs dask[distributed]")
    from newsextract.clustering import cluster_events_dask

    recs = three_outlets() + [record("x", "2024-02-08", exchange("2024-02-08", [100]))]
    evs = [e for r in recs for e in events_of_record(r)]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        assert cluster_events_dask(evs, npartitions=2) == cluster_events(evs)


@pytest.mark.parametrize("a,b", [
    ("UAE", "United Arab Emirates"), ("US", "America"), ("U.S.", "United States"), ("Kiev", "Kyiv"),
])
def test_names_of_one_place_share_a_key_across_articles(a, b):
    assert entity_key(a) == entity_key(b)


def test_one_exchange_named_differently_by_each_outlet_is_one_cluster():
    recs = [record("a", "2023-09-18", exchange("2023-09-18", [5], mediator="Qatar", sides=("US", "Iran"))),
            record("b", "2023-09-19", exchange("2023-09-18", [5], mediator="Qatar", sides=("America", "Iran"))),
            record("c", "2023-09-19", exchange("2023-09-18", [5, 5], mediator=None, sides=("United States", "Iran")))]
    records, clusters = cluster_records(recs)
    assert len(clusters) == 1


@pytest.mark.parametrize("url, outlet", [
    ("https://www.example.com/a", "example.com"),
    ("https://news.example.org:443/story", "news.example.org"),
    ("not a url", None),
    ("http://[bad", None),
])
def test_a_source_outlet_is_its_host_without_www_or_port(url, outlet):
    assert _outlet(url) == outlet


def test_a_misspelled_weight_in_a_settings_file_fails_naming_it(tmp_path):
    data = read_json("clustering.json")
    data["weights"]["date_same_dya"] = data["weights"].pop("date_same_day")
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(TableError, match="date_same_dya"):
        ClusterSettings.load(path)
