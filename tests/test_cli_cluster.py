"""`newsextract extract --cluster` and `newsextract cluster` end to end, on small
articles written for this test: one exchange told by two outlets, another a month later."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

ARTICLES = [
    {"id": "outlet-a", "published": "2024-05-18", "url": "https://a.example.org/swap",
     "text": "Russia and Ukraine swap prisoners\n\nRussia and Ukraine exchanged 75 prisoners each on Saturday "
             "in a deal mediated by the United Arab Emirates, officials in both countries said."},
    {"id": "outlet-b", "published": "2024-05-19", "url": "https://b.example.net/news/1",
     "text": "Ukraine says 75 soldiers home after swap\n\nUkraine and Russia carried out a prisoner exchange on "
             "Saturday, with the UAE acting as mediator. Kyiv said 75 Ukrainian soldiers had returned home."},
    {"id": "outlet-c", "published": "2024-06-25", "url": "https://c.example.com/x",
     "text": "New prisoner swap between Moscow and Kyiv\n\nRussia and Ukraine swapped 90 prisoners of war on "
             "Monday in another exchange brokered by the United Arab Emirates, the Russian Defence Ministry said."},
]


def newsextract(*args, cwd):
    return subprocess.run([sys.executable, "-m", "newsextract", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def exchange_clusters(path):
    ids = {}
    for line in path.read_text().splitlines():
        rec = json.loads(line)
        for ev in rec["events"]:
            if ev["type"] == "PRISONER_EXCHANGE" and ev["modality"] == "asserted":
                ids[rec["id"]] = ev["cluster_id"]
    return ids


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dump")
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    return folder


def test_extract_cluster_groups_one_exchange_across_outlets(dump):
    out = dump / "out.jsonl"
    done = newsextract("extract", "articles.jsonl", "-o", "out.jsonl", "--cluster", "--clusters-out",
                       "clusters.jsonl", "-q", cwd=dump)
    assert done.returncode == 0, done.stderr
    ids = exchange_clusters(out)
    assert ids["outlet-a"] == ids["outlet-b"] != ids["outlet-c"]
    clusters = [json.loads(line) for line in (dump / "clusters.jsonl").read_text().splitlines()]
    swap = next(c for c in clusters if c["cluster_id"] == ids["outlet-a"])
    assert {s["outlet"] for s in swap["sources"]} == {"a.example.org", "b.example.net"}
    assert swap["date"] == "2024-05-18"


def test_cluster_command_is_incremental_and_stable(dump):
    extracted = newsextract("extract", "articles.jsonl", "-o", "plain.jsonl", "-q", cwd=dump)
    assert extracted.returncode == 0, extracted.stderr
    lines = (dump / "plain.jsonl").read_text().splitlines()
    (dump / "day1.jsonl").write_text(lines[0] + "\n")
    (dump / "day2.jsonl").write_text("\n".join(lines[1:]) + "\n")
    for day in ("day1", "day2"):
        done = newsextract("cluster", f"{day}.jsonl", "-o", f"{day}-c.jsonl", "--state", "state", cwd=dump)
        assert done.returncode == 0, done.stderr
    first, second = exchange_clusters(dump / "day1-c.jsonl"), exchange_clusters(dump / "day2-c.jsonl")
    assert second["outlet-b"] == first["outlet-a"]  # today's report joined yesterday's cluster
    assert second["outlet-c"] != first["outlet-a"]


def test_cluster_reports_unreadable_lines_and_needs_input(dump):
    (dump / "bad.jsonl").write_text('{"id": "x", "events": []}\nnot json\n')
    done = newsextract("cluster", "bad.jsonl", "-o", "bad-c.jsonl", cwd=dump)
    assert done.returncode == 1 and "bad.jsonl:2" in done.stderr
    assert newsextract("cluster", cwd=dump).returncode == 2


@pytest.mark.parametrize("target, says", [
    ("mysql://u@h/db", "unsupported database"),
    ("postgresql://postgres@127.0.0.1:1/test?connect_timeout=3", "cannot cluster the events of postgresql"),
    ("missing.db", "no database file"),
    ("notes.db", "cannot cluster the events of"),          # a file that is not a database
    ("empty.db", "holds no newsextract records"),           # a database without our tables
])
def test_cluster_on_an_unusable_database_exits_2_with_one_line(dump, target, says):
    (dump / "notes.db").write_text("this is not a database\n" * 100)
    sqlite3.connect(dump / "empty.db").execute("CREATE TABLE IF NOT EXISTS other (x)").connection.commit()
    done = newsextract("cluster", "--db", target, cwd=dump)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and says in done.stderr, done.stderr
    assert not (dump / "missing.db").exists()
