"""newsextract on a Dask cluster, beyond one machine (`pip install newsextract[dask]`).

Every worker process loads one `Extractor` on its first task and keeps it (see
`newsextract.workers.get_extractor`); tasks then reuse it. The per-article time
limit is not enforced here (tasks run in worker threads, and the limit needs a
process's main thread). Workers need newsextract
and the spaCy model installed. Prefer one thread per worker process
(`dask worker --nthreads 1`): a pipeline serves one thread at a time.

Two ways in:

* from the command line, the ordinary batch run with its workers on the cluster
  (the client reads the inputs and writes the output, in order, with --resume
  and the errors file as usual)::

      newsextract extract dump/ -o records.jsonl --dask tcp://scheduler:8786

* from Python, records from a `dask.bag` of articles (str, dict or `Article`) or
  from a `dask.dataframe` with a text column::

      import dask.bag as db
      from newsextract.dask import extract_bag
      bag = db.read_text("dump-*.jsonl.gz").map(json.loads)
      extract_bag(bag).map(json.dumps).to_textfiles("records-*.jsonl")
"""
from __future__ import annotations

import contextlib
import json
import logging
from typing import Iterable, Optional

from .io.readers import FieldMap, HtmlPage, RowError
from .pipeline import Extractor
from .schema import Article
from .workers import ExtractorSpec, batches, extract_batch, get_extractor

try:
    import dask  # noqa: F401
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError("newsextract.dask needs Dask: pip install 'newsextract[dask]'") from err

RECORD_COLUMNS = ("id", "record", "error")


def _payload(row, fields: FieldMap):
    """An article from a bag or dataframe row; without an id, the record's id is the
    hash of its text (a row number would not be unique across partitions)."""
    if isinstance(row, (Article, HtmlPage)):
        return row
    if isinstance(row, str):
        if not row.strip():
            raise RowError("empty text")
        return Article(text=row)
    return fields.article(row, None)


def extract_partition(rows: Iterable, *, model: Optional[str] = None, max_chars: int = 200_000,
                      fields: Optional[FieldMap] = None, batch_size: int = 16) -> list[dict]:
    """The records of a partition as JSON-ready dicts, in order. A row that is not an
    article, or an article that fails, gives `{"id": ..., "error": "..."}` instead."""
    fields = fields or FieldMap()
    extractor, lock = get_extractor(ExtractorSpec(Extractor, model, max_chars, None))
    out: list[dict] = []
    for batch in batches(rows, batch_size):
        payloads, positions, results = [], [], [None] * len(batch)
        for i, row in enumerate(batch):
            try:
                payloads.append(_payload(row, fields))
                positions.append(i)
            except (RowError, ValueError) as err:
                results[i] = {"id": getattr(err, "id", None), "error": str(err)}
        with lock:
            outcomes = extract_batch(extractor, payloads)
        for i, payload, (record, error) in zip(positions, payloads, outcomes):
            results[i] = (record.model_dump(mode="json") if record is not None
                          else {"id": getattr(payload, "id", None), "error": error})
        out.extend(results)
    return out


def extract_bag(bag, *, model: Optional[str] = None, max_chars: int = 200_000,
                fields: Optional[FieldMap] = None, errors: str = "keep"):
    """A bag of record dicts from a bag of articles (str, dict rows or `Article`s).

    errors="keep" leaves `{"id", "error"}` dicts in the bag (filter them with
    `"error" in r`); errors="drop" leaves them out."""
    if errors not in ("keep", "drop"):
        raise ValueError("errors is 'keep' or 'drop'")
    records = bag.map_partitions(extract_partition, model=model, max_chars=max_chars, fields=fields)
    return records.filter(lambda r: "error" not in r) if errors == "drop" else records


def _extract_frame(frame, model, max_chars, fields):
    import pandas as pd

    rows = frame.to_dict(orient="records")
    results = extract_partition(rows, model=model, max_chars=max_chars, fields=fields)
    return pd.DataFrame({
        "id": [r.get("id") for r in results],
        "record": [None if "error" in r else json.dumps(r, ensure_ascii=False) for r in results],
        "error": [r.get("error") for r in results],
    }, index=frame.index, columns=list(RECORD_COLUMNS))


def extract_dataframe(ddf, *, model: Optional[str] = None, max_chars: int = 200_000,
                      fields: Optional[FieldMap] = None):
    """A dask DataFrame with one row per input row: `id`, `record` (the record as
    JSON, None on failure) and `error` (None on success). The text column and the
    others are found as in the CSV reader (`fields` names them)."""
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in RECORD_COLUMNS})
    return ddf.map_partitions(_extract_frame, model, max_chars, fields, meta=meta)


@contextlib.contextmanager
def cluster_executor(address: str, *, workers: int = 1):
    """(executor, slots) for `newsextract.batch.run` on a Dask cluster: `address` of a
    running scheduler, or "local" for a LocalCluster of `workers` single-threaded
    processes. `slots` is how many batches the cluster works on at once."""
    from distributed import Client, LocalCluster

    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        if not client.nthreads():
            client.wait_for_workers(1, timeout=120)
        slots = sum(client.nthreads().values()) or 1
        executor = client.get_executor(pure=False)
        yield executor, slots
    finally:
        client.close()
        if cluster is not None:
            # a worker busy unloading its model is killed after a grace period: expected, not news
            logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
            cluster.close()
