"""Connecting to the database (SQLite or PostgreSQL, through SQLAlchemy 2 Core), the
errors that mean it cannot be used, retrying over a lost connection, the lock
under which tables are created, and reading stored records back.

Every failure to reach or use the database is a `DatabaseError` with one line
saying which database and why (the password hidden), never a driver traceback.
"""
from __future__ import annotations

import json
import os
import time
from typing import Callable, Iterator, Optional, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

T = TypeVar("T")

# pg_advisory_xact_lock key under which newsextract creates or checks its tables
SCHEMA_LOCK = 0x6E6577737874  # "newsxt"
# a lost connection is retried this many times, waiting PAUSE, 2 PAUSE, 4 PAUSE, ...
RETRIES = 5
PAUSE = 0.25


class DatabaseError(RuntimeError):
    """The database cannot be opened or used (bad URL, no driver, no server, lost)."""


class IncompatibleSchemaError(DatabaseError):
    """The database holds tables this version of newsextract does not write."""


def database_url(target: str) -> URL:
    """A SQLAlchemy URL from a bare path (SQLite), `sqlite:///...` or `postgresql://...`
    (mapped to the psycopg 3 driver)."""
    if "://" not in target:
        return URL.create("sqlite+pysqlite", database=target)
    try:
        url = make_url(target)
    except sa.exc.ArgumentError as err:
        raise DatabaseError(f"not a database URL: {target!r} ({err})") from None
    backend = url.drivername.split("+", 1)[0]
    if backend == "sqlite":
        return url
    if backend in ("postgresql", "postgres"):
        driver = url.drivername.split("+", 1)[1] if "+" in url.drivername else "psycopg"
        return url.set(drivername=f"postgresql+{driver}")
    raise DatabaseError(f"unsupported database {backend!r}: use a path, sqlite:///file.db or postgresql://...")


def shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _sqlite_connect(dbapi_connection, _record):
    # Let SQLAlchemy's "begin" event issue BEGIN, so every transaction (DDL too) is real.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=60000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(conn):
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def require_existing(url: URL) -> None:
    """A missing SQLite file is an error: connecting to read would create an empty one."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:" \
            and not os.path.isfile(url.database):
        raise DatabaseError(f"no database file {url.database}")


def create_engine(target: str, *, must_exist: bool = False) -> sa.Engine:
    """An engine for `target`; with `must_exist`, a missing SQLite file is an error
    (reading must not create an empty database)."""
    url = database_url(target)
    if must_exist:
        require_existing(url)
    serializer = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    try:
        engine = sa.create_engine(url, json_serializer=serializer, pool_pre_ping=True)
    except ModuleNotFoundError as err:
        raise DatabaseError(f"{url.drivername} needs the {err.name!r} package: "
                            f"pip install 'newsextract[postgresql]'") from None
    if url.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def failure(url: URL, doing: str, err: sa.exc.SQLAlchemyError) -> DatabaseError:
    """`err` as one line: what failed, where, and the driver's first line."""
    cause = str(getattr(err, "orig", None) or err).strip().splitlines()
    return DatabaseError(f"cannot {doing} {shown(url)}: {cause[0] if cause else type(err).__name__}")


def transaction(engine: sa.Engine, work: Callable[[sa.Connection], T], *, doing: str,
                retries: Optional[int] = None) -> T:
    """`work(conn)` in one transaction. A lost or refused connection is retried
    `retries` times (default `RETRIES`) with a growing pause (the transaction is
    redone whole); then, and for any other database failure, a `DatabaseError`.
    IntegrityError passes through, for the caller to decide."""
    retries = RETRIES if retries is None else retries
    for attempt in range(retries + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as err:
            if attempt == retries:
                raise failure(engine.url, doing, err) from None
            time.sleep(PAUSE * 2 ** attempt)
        except sa.exc.IntegrityError:
            raise
        except sa.exc.SQLAlchemyError as err:
            raise failure(engine.url, doing, err) from None
    raise AssertionError("unreachable")


def lock_schema(conn: sa.Connection) -> None:
    """Serialise creating and checking the tables among concurrent first users of a
    PostgreSQL database (SQLite transactions here are already exclusive)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


# ------------------------------------------------------------------ stored records

def _as_record(value) -> dict:
    """record_json as a dict: PostgreSQL (JSONB) gives it parsed, SQLite as text."""
    record = value if isinstance(value, dict) else json.loads(value)
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    return record


def stored_records(conn: sa.Connection, *, batch: int = 500) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """(article id, record, error) for every stored article, in id order, streamed
    from `articles.record_json` (the whole record as the JSONL sink writes it)."""
    rows = conn.execute(sa.text("SELECT id, record_json FROM articles ORDER BY id"),
                        execution_options={"stream_results": True, "yield_per": batch})
    for article_id, raw in rows:
        try:
            yield article_id, _as_record(raw), None
        except (TypeError, ValueError, RecursionError) as err:
            yield article_id, None, f"not a JSON record: {err}"


def database_records(target: str) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """(where, record, error) for the records stored at `target` (see `stored_records`)."""
    engine = create_engine(target, must_exist=True)
    where = shown(engine.url)
    try:
        with engine.connect() as conn:
            for article_id, record, error in stored_records(conn):
                yield f"{where}#{article_id}", record, error
    except sa.exc.SQLAlchemyError as err:
        raise failure(engine.url, "read records from", err) from None
    finally:
        engine.dispose()
