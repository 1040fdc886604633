"""The SQL sink against SQLite and the real PostgreSQL server.

PostgreSQL: 127.0.0.1:5432, user postgres, database test (override with
$NEWSEXTRACT_TEST_POSTGRES). Each test makes its own schema and drops it; the
tests skip, saying why, when no server answers.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsextract.io.sql import (
    METADATA, SCHEMA_TABLE, DatabaseError, IncompatibleSchemaError, LayoutError, SqlSink, database_url, ddl,
)
from newsextract.io.tables import storable_key
from newsextract.schema import ArticleRecord
from sink_records import LONG, expected_counts, hostile_record, leaf_strings, swap_record

PG_BASE = os.environ.get("NEWSEXTRACT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
TESTS = Path(__file__).resolve().parent
EXAMPLES = TESTS.parent / "examples"
CHILD_TABLES = [t for t in METADATA.sorted_tables if t.name not in ("articles", SCHEMA_TABLE)]


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def pg_server():
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed: PostgreSQL tests skipped")
    try:
        psycopg.connect(PG_BASE, connect_timeout=3).close()
    except psycopg.OperationalError as err:
        pytest.skip(f"no PostgreSQL server answers at {PG_BASE}: PostgreSQL tests skipped "
                    f"({str(err).strip().splitlines()[0]})")
    return psycopg


@pytest.fixture
def pg_url(pg_server):
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    schema = f"nx_test_{secrets.token_hex(6)}"
    with pg_server.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_BASE}{'&' if '?' in PG_BASE else '?'}options=-csearch_path%3D{schema}"
    with pg_server.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return request.getfixturevalue("pg_url")


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(database_url(url))


def read_tables(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, as Python values (record_json parsed: JSONB
    in PostgreSQL, text in SQLite)."""
    engine = _engine(url)

    def values(row):
        return tuple(json.loads(v) if isinstance(v, str) and name == "record_json" else v
                     for name, v in row._mapping.items())

    try:
        with engine.connect() as conn:
            return {t.name: sorted((values(r) for r in conn.execute(sa.select(t))), key=repr)
                    for t in METADATA.sorted_tables if t.name != SCHEMA_TABLE}
    finally:
        engine.dispose()


def counts(url: str) -> dict[str, int]:
    return {name: len(rows) for name, rows in read_tables(url).items()}


def per_article(url: str) -> dict[str, Counter]:
    """article id -> rows in each child table."""
    engine = _engine(url)
    out: dict[str, Counter] = {}
    with engine.connect() as conn:
        for aid, in conn.execute(sa.text("SELECT id FROM articles")):
            out[aid] = Counter()
        for t in CHILD_TABLES:
            for aid, n in conn.execute(sa.select(t.c.article_id, sa.func.count()).group_by(t.c.article_id)):
                out.setdefault(aid, Counter())[t.name] = n
    engine.dispose()
    return out


def write(url: str, records, **kwargs) -> SqlSink:
    with SqlSink(url, **kwargs) as sink:
        for record in records:
            sink.write(record)
    return sink


# ---------------------------------------------------------------- URLs and DDL

@pytest.mark.parametrize("target, driver, database", [
    ("news.db", "sqlite+pysqlite", "news.db"),
    ("/data/dump 2024?.db", "sqlite+pysqlite", "/data/dump 2024?.db"),
    ("sqlite:///news.db", "sqlite", "news.db"),
    ("postgresql://u@db.example/news", "postgresql+psycopg", "news"),
    ("postgres://u@db.example/news", "postgresql+psycopg", "news"),
    ("postgresql+psycopg2://u@db.example/news", "postgresql+psycopg2", "news"),
])
def test_database_url(target, driver, database):
    url = database_url(target)
    assert (url.drivername, url.database) == (driver, database)


def test_unsupported_database_is_refused():
    with pytest.raises(DatabaseError, match="unsupported database 'mysql'"):
        database_url("mysql://u@h/db")


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(DatabaseError, match="cannot open postgresql"):
        SqlSink("postgresql://postgres@127.0.0.1:1/test?connect_timeout=3")


@pytest.mark.parametrize("dialect, needle", [
    ("postgresql", "CREATE INDEX ix_entities_name ON entities USING hash (name)"),
    ("postgresql", "FOREIGN KEY(article_id, entity_id) REFERENCES entities (article_id, id) ON DELETE CASCADE"),
    ("sqlite", "CREATE INDEX ix_events_date ON events (date)"),
    ("sqlite", "PRIMARY KEY (article_id, event_id, ord)"),
])
def test_ddl(dialect, needle):
    assert needle in ddl(dialect)


# ---------------------------------------------------------------- writing

def test_tables_hold_every_item_and_answer_the_readme_queries(db_url):
    write(db_url, [swap_record(i) for i in range(6)])
    found = per_article(db_url)
    assert sorted(found) == [f"art-{i:05d}" for i in range(6)]
    for i in range(6):
        assert {k: v for k, v in found[f"art-{i:05d}"].items() if v} == expected_counts(i)
    engine = _engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("""
            SELECT e.article_id, e.date, p.name, s.value
            FROM events e
            JOIN entities m ON m.article_id = e.article_id AND m.id = e.mediator_entity_id
            JOIN event_side_counts s ON s.article_id = e.article_id AND s.event_id = e.id
            JOIN event_participants p ON p.article_id = s.article_id AND p.event_id = s.event_id
                                      AND p.entity_id = s.side_entity_id
            WHERE e.type = 'PRISONER_EXCHANGE' AND m.attributes_iso_alpha2 = 'AE'
            ORDER BY e.date, p.name""")).all()
        readme = conn.execute(sa.text("""
            SELECT a.id, a.title, e.date, c.value AS released, c.unit
            FROM events e
            JOIN articles a ON a.id = e.article_id
            JOIN entities m ON m.article_id = e.article_id AND m.id = e.mediator_entity_id
            LEFT JOIN event_counts c ON c.article_id = e.article_id AND c.event_id = e.id
                                    AND c.category = 'RELEASED'
            WHERE e.type = 'PRISONER_EXCHANGE' AND m.attributes_iso_alpha2 = 'AE'
            ORDER BY e.date NULLS LAST, a.id, c.ord""")).all()
    engine.dispose()
    assert len(rows) == 12
    assert rows[0] == ("art-00000", "2024-01-01", "Russia", 10.0)
    assert rows[-1] == ("art-00005", "2024-01-06", "Ukraine", 15.0)
    assert [(r.id, r.released, r.unit) for r in readme] == [(f"art-{i:05d}", 10.0 + i, "prisoner") for i in range(6)]


def test_rerun_adds_nothing(db_url):
    records = [swap_record(i) for i in range(4)]
    write(db_url, records)
    before = read_tables(db_url)
    sink = write(db_url, records)
    assert (sink.stats.inserted, sink.stats.unchanged) == (0, 4)
    assert read_tables(db_url) == before


def test_changed_text_replaces_the_article_rows(db_url):
    write(db_url, [swap_record(i) for i in range(3)])
    others = {k: v for k, v in per_article(db_url).items() if k != "art-00001"}
    changed = swap_record(1, text_suffix="\n\nA correction was appended.")
    changed.entities = changed.entities[:2]
    sink = write(db_url, [changed])
    assert (sink.stats.replaced, sink.stats.inserted) == (1, 0)
    after = per_article(db_url)
    assert after["art-00001"]["entities"] == 2
    assert after["art-00001"]["mentions"] == 4
    assert {k: v for k, v in after.items() if k != "art-00001"} == others
    engine = _engine(db_url)
    with engine.connect() as conn:
        stored_hash = conn.execute(sa.text("SELECT text_hash FROM articles WHERE id = 'art-00001'")).scalar()
    engine.dispose()
    assert stored_hash == changed.text_hash


def test_same_text_new_extraction_updates_the_rows(db_url):
    write(db_url, [swap_record(0)])
    better = swap_record(0)
    better.entities[2].confidence = 0.42
    sink = write(db_url, [better])
    assert sink.stats.updated == 1
    engine = _engine(db_url)
    with engine.connect() as conn:
        value = conn.execute(sa.text("SELECT confidence FROM entities WHERE id = 'e3'")).scalar()
    engine.dispose()
    assert value == pytest.approx(0.42)


def test_stored_ids_for_resuming(db_url):
    write(db_url, [swap_record(i) for i in range(2)])
    with SqlSink(db_url) as sink:
        assert sink.stored_ids() == {r.id: r.text_hash for r in (swap_record(0), swap_record(1))}


def test_ids_differing_by_nul_or_a_lone_surrogate_are_different_rows(db_url):
    records = []
    for n, ident in enumerate(["a\x00b", "a\ufffdb", "a\ud800b"]):
        record = swap_record(n)
        record.id = ident
        records.append(record)
    write(db_url, records)
    assert len(per_article(db_url)) == 3


def test_record_json_is_jsonb_in_postgresql_and_queryable(pg_url):
    write(pg_url, [swap_record(0), swap_record(1)])
    engine = _engine(pg_url)
    with engine.connect() as conn:
        kind = conn.execute(sa.text("SELECT data_type FROM information_schema.columns WHERE table_schema = "
                                    "current_schema() AND table_name = 'articles' AND column_name = 'record_json'"
                                    )).scalar()
        found = conn.execute(sa.text("SELECT id FROM articles WHERE record_json @> :q"),
                             {"q": json.dumps({"id": "art-00001"})}).scalars().all()
    engine.dispose()
    assert kind == "jsonb"
    assert found == ["art-00001"]
    assert "record_json JSONB" in ddl("postgresql") and "record_json TEXT" in ddl("sqlite")


def test_a_batch_is_committed_whole(db_url):
    sink = SqlSink(db_url, batch_size=3, max_delay=3600)
    sink.write(swap_record(0))
    sink.write(swap_record(1))
    assert counts(db_url)["articles"] == 0
    sink.write(swap_record(2))
    assert counts(db_url)["articles"] == 3
    sink.write(swap_record(3))
    sink.close()
    assert counts(db_url)["articles"] == 4


def test_one_batch_mixing_new_changed_unchanged_and_repeated_articles(db_url):
    write(db_url, [swap_record(0), swap_record(1)])
    changed = swap_record(1, text_suffix=" Update.")
    sink = write(db_url, [swap_record(0), changed, swap_record(2), swap_record(2, text_suffix=" v2")],
                 batch_size=10)
    s = sink.stats
    assert (s.unchanged, s.replaced, s.inserted) == (1, 2, 1)
    assert per_article(db_url)["art-00002"]["mentions"] == expected_counts(2)["mentions"]
    engine = _engine(db_url)
    with engine.connect() as conn:
        texts = dict(conn.execute(sa.text("SELECT id, text FROM articles")).all())
    engine.dispose()
    assert texts["art-00001"].endswith("Update.") and texts["art-00002"].endswith(" v2")
    assert len(texts) == 3


def test_queued_records_are_committed_after_max_delay(db_url):
    sink = SqlSink(db_url, batch_size=1000, max_delay=0)
    sink.write(swap_record(0))
    assert counts(db_url)["articles"] == 1
    sink.close()


@pytest.mark.parametrize("only", [None, LONG], ids=["mixed", "long"])
def test_hostile_strings_in_every_field(db_url, only):
    record = hostile_record(only=only)
    write(db_url, [record])
    tables = read_tables(db_url)
    stored: set[str] = set()
    for rows in tables.values():
        for row in rows:
            stored |= leaf_strings([v.isoformat() if hasattr(v, "isoformat") else v for v in row])
    missing = {s for s in leaf_strings(record.model_dump(mode="json"))
               if s not in stored and s.replace("\x00", "\ufffd") not in stored and storable_key(s) not in stored}
    assert missing == set()
    assert not any("\x00" in v for rows in tables.values() for row in rows for v in row if isinstance(v, str))
    (article,) = tables["articles"]
    record_json = article[[c.name for c in METADATA.tables["articles"].columns].index("record_json")]
    if "postgresql" not in db_url:                                          # SQLite: the JSONL line, NUL kept
        assert ArticleRecord.model_validate(record_json) == record
    else:                                                                   # PostgreSQL JSONB: NUL as U+FFFD
        assert record_json == json.loads(record.model_dump_json().replace("\\u0000", "\\ufffd"))
    names = [row[3] for row in tables["entities"]]
    assert LONG in names
    assert write(db_url, [record]).stats.unchanged == 1


def test_an_id_too_long_to_be_a_key_is_refused_and_the_run_goes_on(db_url):
    bad = swap_record(0)
    bad.id = "x" * 5000
    sink = SqlSink(db_url)
    with pytest.raises(LayoutError, match="articles.id is 5000 bytes"):
        sink.write(bad)
    sink.write(swap_record(1))
    sink.close()
    assert list(per_article(db_url)) == ["art-00001"]


def test_incompatible_schema_is_refused(db_url):
    write(db_url, [swap_record(0)])
    engine = _engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE {SCHEMA_TABLE} SET layout = 'an-older-layout', schema_version = '0.9.0'"))
    engine.dispose()
    with pytest.raises(IncompatibleSchemaError, match=r"schema 0\.9\.0 .*writes schema 1\."):
        SqlSink(db_url)


def test_foreign_tables_of_the_same_name_are_refused(db_url):
    engine = _engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)"))
    engine.dispose()
    with pytest.raises(IncompatibleSchemaError, match="events already exist"):
        SqlSink(db_url)


def test_a_dropped_column_is_detected(db_url):
    write(db_url, [swap_record(0)])
    engine = _engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE quotes DROP COLUMN cue"))
    engine.dispose()
    with pytest.raises(IncompatibleSchemaError, match=r"quotes lacks columns \['cue'\]"):
        SqlSink(db_url)


# ---------------------------------------------------------------- a killed writer

WRITER = textwrap.dedent("""
    import sys, time
    import sqlalchemy as sa
    sys.path.insert(0, sys.argv[4])
    from sink_records import swap_record
    from newsextract.io.sql import SqlSink

    url, stop_at, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sink = SqlSink(url, batch_size=batch, max_delay=3600)
    started = 0

    def pause_mid_article(conn, cursor, statement, params, context, executemany):
        # after the article row of the `stop_at`-th article and before its mentions:
        # say so, then wait to be killed
        global started
        if statement.startswith("INSERT INTO articles "):
            started += len(params) if executemany else 1
        elif started >= stop_at and statement.startswith("INSERT INTO mentions "):
            print("MID", flush=True)
            time.sleep(600)

    sa.event.listen(sink.engine, "after_cursor_execute", pause_mid_article)
    for i in range(10 * stop_at):
        sink.write(swap_record(i))
""")


@pytest.mark.parametrize("batch_size", [1, 4])
def test_a_writer_killed_mid_article_leaves_only_whole_articles(db_url, batch_size, tmp_path):
    stop_at = 27
    proc = subprocess.Popen([sys.executable, "-c", WRITER, db_url, str(stop_at), str(batch_size), str(TESTS)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        line = proc.stdout.readline()
        assert line.strip() == "MID", proc.stderr.read() if proc.poll() is not None else "no MID"
        assert time.monotonic() < deadline
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    found = per_article(db_url)
    committed = ((stop_at - 1) // batch_size) * batch_size
    assert sorted(found) == [f"art-{i:05d}" for i in range(committed)]
    for article_id, rows in found.items():
        i = int(article_id.split("-")[1])
        assert {k: v for k, v in rows.items() if v} == expected_counts(i), article_id
    # the database is usable afterwards and the run can be resumed
    sink = write(db_url, [swap_record(i) for i in range(stop_at + 2)])
    assert (sink.stats.unchanged, sink.stats.inserted) == (committed, stop_at + 2 - committed)


# ---------------------------------------------------------------- end to end

@pytest.fixture
def _extract(extractor, monkeypatch):
    """`newsextract extract examples/ -q ARGS...` in this process, with the session's pipeline."""
    from newsextract.cli import main

    monkeypatch.setattr("newsextract.batch.Extractor", lambda *a, **k: extractor)
    return lambda *args: main(["extract", str(EXAMPLES), "-q", *args])


def test_cli_examples_give_the_same_rows_in_sqlite_and_postgresql(_extract, tmp_path, pg_url):
    sqlite_path = str(tmp_path / "news.db")
    assert _extract("--db", sqlite_path) == 0
    assert _extract("--db", pg_url) == 0
    lite, pg = read_tables(sqlite_path), read_tables(pg_url)
    assert lite == pg, "the same rows, record_json parsed"
    assert len(lite["articles"]) == len(list(EXAMPLES.iterdir()))
    assert lite["entities"] and lite["events"] and lite["numeric_claims"]
    assert _extract("--db", sqlite_path) == 0
    assert _extract("--db", pg_url) == 0
    assert read_tables(sqlite_path) == lite and read_tables(pg_url) == pg


def test_cli_writes_both_jsonl_and_the_database(_extract, tmp_path):
    out, db = tmp_path / "out.jsonl", tmp_path / "news"
    assert _extract("-o", str(out), "--db", str(db)) == 0
    ids = {json.loads(line)["id"] for line in out.read_text().splitlines()}
    assert ids == {row[0] for row in read_tables(str(db))["articles"]}


def test_cli_bad_database_url_exits_2(_extract, capsys):
    assert _extract("--db", "mysql://u@h/db") == 2
    assert "unsupported database" in capsys.readouterr().err


# ---------------------------------------------------------------- concurrent writers, lost connections

CONCURRENT_WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[3])
    from sink_records import swap_record
    from newsextract.io.sql import SqlSink

    url, start_at = sys.argv[1], float(sys.argv[2])
    time.sleep(max(0.0, start_at - time.time()))     # every writer opens the empty schema at once
    with SqlSink(url, batch_size=1) as sink:
        for i in range(12):
            sink.write(swap_record(i))
""")


@pytest.mark.postgres
def test_concurrent_writers_on_a_fresh_schema_all_succeed_without_duplicates(pg_url):
    start_at = time.time() + 8
    writers = [subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, pg_url, str(start_at), str(TESTS)],
                                stderr=subprocess.PIPE, text=True) for _ in range(4)]
    failures = [w.stderr.read()[-800:] for w in writers if w.wait(timeout=180) != 0]
    assert failures == []
    found = per_article(pg_url)
    assert sorted(found) == [f"art-{i:05d}" for i in range(12)]
    for article_id, rows in found.items():
        assert {k: v for k, v in rows.items() if v} == expected_counts(int(article_id.split("-")[1]))


def _backend_pid(sink: SqlSink) -> int:
    with sink.engine.connect() as conn:
        return conn.execute(sa.text("SELECT pg_backend_pid()")).scalar()


def _terminate(pid: int) -> None:
    with sa.create_engine(database_url(PG_BASE)).connect() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


@pytest.mark.postgres
def test_a_lost_connection_is_reconnected_and_the_batch_retried(pg_url, monkeypatch):
    monkeypatch.setattr("newsextract.io.database.PAUSE", 0.05)
    sink = SqlSink(pg_url, batch_size=1)
    sink.write(swap_record(0))
    _terminate(_backend_pid(sink))                  # dropped while idle in the pool
    sink.write(swap_record(1))
    killed = []

    def drop_mid_batch(conn, cursor, statement, params, context, executemany):
        if statement.startswith("INSERT INTO articles") and not killed:
            killed.append(conn.connection.dbapi_connection.info.backend_pid)
            _terminate(killed[0])                   # dropped in the middle of a transaction

    sa.event.listen(sink.engine, "after_cursor_execute", drop_mid_batch)
    sink.write(swap_record(2))
    sink.close()
    assert killed and sorted(per_article(pg_url)) == [f"art-{i:05d}" for i in range(3)]


def test_a_database_gone_for_good_is_one_clear_error_after_the_retries(monkeypatch, tmp_path):
    from newsextract.io.database import transaction

    monkeypatch.setattr("newsextract.io.database.PAUSE", 0.01)
    attempts = []

    class Gone:
        url = database_url("postgresql://reader:secret@db.example/news")

        def begin(self):
            attempts.append(1)
            raise sa.exc.OperationalError("connect", {}, Exception("connection refused\nDETAIL: more"))

    with pytest.raises(DatabaseError) as caught:
        transaction(Gone(), lambda conn: None, doing="write to", retries=3)
    assert len(attempts) == 4
    assert str(caught.value) == "cannot write to postgresql+psycopg://reader:***@db.example/news: connection refused"


def test_cli_database_lost_mid_run_exits_2_with_one_line(_extract, tmp_path, monkeypatch, capsys):
    def gone(self, conn, batch):
        raise sa.exc.OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr("newsextract.io.database.RETRIES", 1)
    monkeypatch.setattr("newsextract.io.database.PAUSE", 0.01)
    monkeypatch.setattr(SqlSink, "_store", gone)
    assert _extract("--db", str(tmp_path / "news.db")) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("newsextract: cannot write to sqlite")
    assert "server closed the connection unexpectedly" in err and "Traceback" not in err
