"""newsextract on Dask: bags, dataframes and the batch run on a (small, in-process) LocalCluster."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("dask", reason="Dask is not installed: pip install 'newsextract[dask]'")
pytest.importorskip("distributed", reason="dask.distributed is not installed: pip install 'newsextract[dask]'")

import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from newsextract.batch import ErrorLog, run  # noqa: E402
from newsextract.dask import extract_bag  # noqa: E402
from newsextract.io.readers import Item  # noqa: E402
from newsextract.pipeline import Extractor  # noqa: E402
from newsextract.workers import ExtractorSpec  # noqa: E402
from newsextract.schema import Article  # noqa: E402

STORIES = [
    {"id": "d1", "body": "Police in Lima detained 14 people after a protest outside Congress on Friday."},
    {"id": "d2", "body": "The government of Norway pledged 200 million dollars for flood relief in Pakistan."},
    {"id": "d3", "summary": "a row without any text field"},
    {"id": "d4", "body": "Heavy snow closed the main road between Kabul and Mazar-i-Sharif for two days."},
    {"id": "d5", "body": "Voters in Senegal chose a new president on Sunday in a calm election, observers said."},
]


@pytest.fixture(scope="module")
def client():
    # threads in this process keep the test fast; real runs use worker processes
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            yield c


def test_bag_gives_records_in_order_with_errors_kept(client):
    bag = db.from_sequence(STORIES, npartitions=2)
    out = extract_bag(bag).compute()
    assert [r["id"] for r in out] == ["d1", "d2", "d3", "d4", "d5"]
    assert "no text field" in out[2]["error"]
    assert out[0]["entities"] and out[0]["text"] == STORIES[0]["body"]
    assert json.loads(json.dumps(out[1]))["published"] == {"date": None, "source": None}


def test_bag_of_plain_strings_with_errors_dropped(client):
    bag = db.from_sequence([s["body"] for s in STORIES if "body" in s] + ["   "], npartitions=2)
    out = extract_bag(bag, errors="drop").compute()
    assert len(out) == 4 and all(r["id"].startswith("sha256:") for r in out)


def test_dataframe_gives_id_record_and_error_columns(client):
    pd = pytest.importorskip("pandas", reason="dask.dataframe needs pandas: pip install 'dask[dataframe]'")
    import dask.dataframe as dd

    from newsextract.dask import extract_dataframe

    frame = pd.DataFrame([{"id": s["id"], "body": s.get("body", "")} for s in STORIES])
    out = extract_dataframe(dd.from_pandas(frame, npartitions=2)).compute()
    assert list(out.columns) == ["id", "record", "error"]
    assert list(out["id"]) == ["d1", "d2", "d3", "d4", "d5"]
    assert out.loc[out["id"] == "d3", "error"].item() == "empty text"
    assert json.loads(out["record"].iloc[0])["id"] == "d1"


def test_batch_run_on_the_cluster_keeps_order(client):
    class Sink(list):
        write = list.append

        def close(self):
            pass

    items = [Item("stories", line=n, article=Article(id=s["id"], text=s["body"]))
             for n, s in enumerate(STORIES, 1) if "body" in s]
    sink = Sink()
    stats = run(items, ExtractorSpec(Extractor), sink, errors=ErrorLog(), workers=2, batch_size=1,
                executor=client.get_executor(pure=False))
    assert [r.id for r in sink] == ["d1", "d2", "d4", "d5"]
    assert stats.failed == 0
