"""Event clusters kept in the database (SQLite and the real PostgreSQL server)."""
from __future__ import annotations

import sqlalchemy as sa

from newsextract.io.cluster_store import cluster_database
from newsextract.io.sql import SqlSink
from sink_records import swap_record
from test_sql import db_url, pg_server, pg_url  # noqa: F401  (fixtures)


def _outlet_copy(record, new_id):
    return record.model_copy(update={"id": new_id, "url": f"https://{new_id}.example.org/story"})


def _write(url, records):
    with SqlSink(url) as sink:
        for r in records:
            sink.write(r)


def _cluster_ids(url):
    engine = sa.create_engine(url if "://" in url else f"sqlite:///{url}")
    if engine.url.get_backend_name() == "postgresql":
        engine = sa.create_engine(engine.url.set(drivername="postgresql+psycopg"))
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT article_id, id, cluster_id FROM events ORDER BY article_id, id")).all()
        n = conn.execute(sa.text("SELECT count(*) FROM event_clusters")).scalar()
    engine.dispose()
    return {(a, e): c for a, e, c in rows}, n


def test_same_exchange_in_two_outlets_shares_a_cluster_and_reruns_change_nothing(db_url):
    day1 = [swap_record(0), _outlet_copy(swap_record(0), "outlet-b")]
    _write(db_url, day1)
    cluster_database(db_url)
    ids, n = _cluster_ids(db_url)
    assert ids[("art-00000", "v1")] == ids[("outlet-b", "v1")] is not None
    # an attack with nothing but its day in common is not known to be the same one
    assert ids[("art-00000", "v2")] != ids[("outlet-b", "v2")]

    # the next day's dump: one more report of the same exchange, and another exchange
    _write(db_url, day1 + [_outlet_copy(swap_record(0), "outlet-c"), swap_record(5)])
    cluster_database(db_url)
    later, n_later = _cluster_ids(db_url)
    assert later[("outlet-c", "v1")] == ids[("art-00000", "v1")]  # joined; the id did not change
    assert later[("art-00005", "v1")] != ids[("art-00000", "v1")]
    assert n_later == n + 3  # the new exchange and two attacks

    cluster_database(db_url)
    assert _cluster_ids(db_url) == (later, n_later)
