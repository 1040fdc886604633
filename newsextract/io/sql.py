"""SQL sink: records into normalized tables, in SQLite (the embedded default) or
PostgreSQL (psycopg 3), through SQLAlchemy 2 Core.

The tables come from `newsextract.io.tables` (derived from `schema.py`); the
`articles` table adds `record_json` (the whole record, exactly as the JSONL sink
writes it) and `record_hash` (its sha256).

Writes are idempotent and crash-safe: an article is keyed on its id; storing a
record whose `record_hash` is already there does nothing; a record whose text
(`text_hash`) or extraction changed replaces that article's rows. Records are
committed in batches (`batch_size` articles, or whatever is queued once the oldest
has waited `max_delay` seconds, and on `flush()`/`close()`), each batch one
transaction: a killed process leaves every article either whole or absent.

NUL characters: PostgreSQL text cannot hold them, so in every text column (on
both backends, which therefore hold the same rows) NUL becomes U+FFFD, one
character for one so offsets stay right; `record_json` keeps them (as \\u0000).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from ..schema import SCHEMA_VERSION, ArticleRecord
from .tables import INDEXES, LAYOUT, LayoutError, iter_rows, layout_fingerprint

__all__ = ["SqlSink", "IncompatibleSchemaError", "DatabaseError", "LayoutError", "database_url",
           "build_metadata", "ddl", "SCHEMA_TABLE"]

SCHEMA_TABLE = "newsextract_schema"
#: Columns the `articles` table has besides the record's own.
ARTICLE_EXTRAS = (("articles", "record_json", "text"), ("articles", "record_hash", "text"))

_TYPES = {"text": sa.Text, "int": sa.BigInteger, "float": sa.Double, "bool": sa.Boolean,
          "date": sa.Date, "json": sa.JSON}


class DatabaseError(RuntimeError):
    """The database cannot be opened or used (bad URL, no driver, no server)."""


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


def build_metadata() -> sa.MetaData:
    """The SQLAlchemy tables for the layout, with keys, foreign keys and indexes."""
    metadata = sa.MetaData()
    for table in LAYOUT:
        columns = [
            sa.Column(c.name, _TYPES[c.kind], nullable=c.nullable, primary_key=c.name in table.key,
                      autoincrement=False, comment=c.description)
            for c in table.columns
        ]
        columns += [sa.Column(name, _TYPES[kind]) for t, name, kind in ARTICLE_EXTRAS if t == table.name]
        constraints = []
        if table.parent:
            parent_key = next(t.key for t in LAYOUT if t.name == table.parent)
            constraints.append(sa.ForeignKeyConstraint(
                list(table.parent_key), [f"{table.parent}.{k}" for k in parent_key], ondelete="CASCADE"))
        sa.Table(table.name, metadata, *columns, *constraints)
    for table, column, kind in INDEXES:
        sa.Index(f"ix_{table}_{column}", metadata.tables[table].c[column],
                 postgresql_using="hash" if kind == "equal" else "btree")
    sa.Table(SCHEMA_TABLE, metadata,
             sa.Column("schema_version", sa.Text, primary_key=True),
             sa.Column("layout", sa.Text, nullable=False),
             sa.Column("created_at", sa.Text, nullable=False))
    return metadata


METADATA = build_metadata()
LAYOUT_ID = layout_fingerprint(ARTICLE_EXTRAS)


def ddl(dialect: str = "postgresql") -> str:
    """CREATE TABLE / CREATE INDEX statements for `dialect` ('postgresql' or 'sqlite')."""
    from sqlalchemy.dialects import postgresql, sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    dialects = {"postgresql": postgresql.dialect(), "sqlite": sqlite.dialect()}
    if dialect not in dialects:
        raise ValueError(f"dialect is one of {sorted(dialects)}, not {dialect!r}")
    out = [str(CreateTable(t).compile(dialect=dialects[dialect])).strip() + ";" for t in METADATA.sorted_tables]
    for t in METADATA.sorted_tables:
        out += [str(CreateIndex(i).compile(dialect=dialects[dialect])).strip() + ";" for i in t.indexes]
    return "\n\n".join(out) + "\n"


def _sqlite_connect(dbapi_connection, _record):
    # Let SQLAlchemy's "begin" event issue BEGIN, so every transaction (DDL too) is real.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=60000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(conn):
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine(target: str) -> sa.Engine:
    url = database_url(target)
    serializer = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    try:
        engine = sa.create_engine(url, json_serializer=serializer)
    except ModuleNotFoundError as err:
        raise DatabaseError(f"{url.drivername} needs the {err.name!r} package: "
                            f"pip install 'newsextract[postgresql]'") from None
    if url.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


@dataclass
class SqlStats:
    inserted: int = 0     # new articles
    replaced: int = 0     # text changed: rows replaced
    updated: int = 0      # same text, different extraction: rows replaced
    unchanged: int = 0    # already stored exactly: nothing written


@dataclass
class _Prepared:
    id: str
    text_hash: str
    record_hash: str
    rows: dict[str, list[dict[str, Any]]]


def record_json(record: ArticleRecord) -> str:
    """The record as the JSONL sink writes it (a record holding lone surrogates,
    which UTF-8 cannot encode, falls back to ASCII-escaped JSON)."""
    try:
        return record.model_dump_json()
    except Exception:  # noqa: BLE001 - pydantic refuses unencodable strings
        return json.dumps(record.model_dump(mode="json"))


class SqlSink:
    """Write records to a SQLite file or a PostgreSQL database (see module doc).

    >>> with SqlSink("news.db") as sink:      # doctest: +SKIP
    ...     sink.write(record)
    """

    def __init__(self, target: str, *, batch_size: int = 32, max_delay: float = 2.0):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.url = database_url(target)
        self.batch_size = batch_size
        self.max_delay = max_delay
        self._oldest = 0.0
        self.stats = SqlStats()
        self._pending: list[_Prepared] = []
        self._tables = METADATA.tables
        self.engine = create_engine(target)
        try:
            with self.engine.begin() as conn:
                _ensure_schema(conn)
        except sa.exc.OperationalError as err:
            self.engine.dispose()
            where = self.url.render_as_string(hide_password=True)
            raise DatabaseError(f"cannot open {where}: {str(err.orig).strip() or err}") from None
        except Exception:
            self.engine.dispose()
            raise

    # ------------------------------------------------------------ writing

    def write(self, record: ArticleRecord) -> None:
        """Queue `record` (see the module doc for when it is committed).
        Raises `LayoutError` (nothing queued) for an id too long to be a key."""
        prepared = self._prepare(record)
        if not self._pending:
            self._oldest = time.monotonic()
        self._pending.append(prepared)
        if len(self._pending) >= self.batch_size or time.monotonic() - self._oldest >= self.max_delay:
            self.flush()

    def write_many(self, records: Iterable[ArticleRecord]) -> None:
        for record in records:
            self.write(record)

    def flush(self) -> None:
        """Commit the queued records in one transaction."""
        if not self._pending:
            return
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    stats = self._store(conn, self._pending)
            except sa.exc.IntegrityError:
                # another writer stored one of these articles between our check and insert
                if attempt == 2:
                    raise
                continue
            break
        for name in vars(stats):
            setattr(self.stats, name, getattr(self.stats, name) + getattr(stats, name))
        self._pending.clear()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _prepare(self, record: ArticleRecord) -> _Prepared:
        text = record_json(record)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        rows: dict[str, list[dict[str, Any]]] = {}
        for table, row in iter_rows(record):
            rows.setdefault(table.name, []).append(row)
        article = rows["articles"][0]
        article["record_json"], article["record_hash"] = text, digest
        return _Prepared(article["id"], article["text_hash"], digest, rows)

    def _store(self, conn: sa.Connection, batch: list[_Prepared]) -> SqlStats:
        """Store a batch with a handful of statements whatever its size: which
        articles are there, delete the changed ones, insert every table's rows."""
        articles = self._tables["articles"]
        ids = list({p.id: None for p in batch})
        before = {row.id: (row.text_hash, row.record_hash) for row in conn.execute(
            sa.select(articles.c.id, articles.c.text_hash, articles.c.record_hash).where(articles.c.id.in_(ids)))}
        stats, state, final = SqlStats(), dict(before), {}
        for p in batch:                      # as if written one by one: the last record of an id wins
            old = state.get(p.id)
            if old is None:
                stats.inserted += 1
            elif old[1] == p.record_hash:
                stats.unchanged += 1
            elif old[0] != p.text_hash:
                stats.replaced += 1
            else:
                stats.updated += 1
            state[p.id] = (p.text_hash, p.record_hash)
            final[p.id] = p
        stale = [i for i in final if i in before and before[i][1] != final[i].record_hash]
        fresh = [p for i, p in final.items() if i not in before or i in stale]
        if stale:
            for table in reversed(LAYOUT):   # children first, whatever the foreign-key settings
                t = self._tables[table.name]
                column = t.c.id if table.parent is None else t.c.article_id
                conn.execute(sa.delete(t).where(column.in_(stale)))
        for table in LAYOUT:
            rows = [row for p in fresh for row in p.rows.get(table.name, ())]
            if rows:
                conn.execute(self._tables[table.name].insert(), rows)
        return stats

    # ------------------------------------------------------------ reading

    def stored_ids(self) -> dict[str, str]:
        """id -> text_hash of every stored article (to skip them on a resumed run)."""
        articles = self._tables["articles"]
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(articles.c.id, articles.c.text_hash)).all())


def _ensure_schema(conn: sa.Connection) -> None:
    """Create the tables on first use; refuse a database whose tables differ."""
    inspector = sa.inspect(conn)
    existing = set(inspector.get_table_names())
    ours = [t for t in METADATA.sorted_tables if t.name != SCHEMA_TABLE]
    version_table = METADATA.tables[SCHEMA_TABLE]
    if SCHEMA_TABLE in existing:
        stored = conn.execute(sa.select(version_table)).first()
        if stored is None or stored.layout != LAYOUT_ID:
            held = f"schema {stored.schema_version} (layout {stored.layout})" if stored else "no schema version"
            raise IncompatibleSchemaError(
                f"this database holds newsextract tables of {held}; this newsextract writes schema "
                f"{SCHEMA_VERSION} (layout {LAYOUT_ID}). Write to a new database (or PostgreSQL schema), "
                f"or export the old tables and drop them.")
        for table in ours:
            if table.name in existing:
                have = {c["name"] for c in inspector.get_columns(table.name)}
                missing = [c.name for c in table.columns if c.name not in have]
                if missing:
                    raise IncompatibleSchemaError(
                        f"table {table.name} lacks columns {missing}: it was changed after newsextract "
                        f"created it; write to a new database")
    else:
        clash = sorted(t.name for t in ours if t.name in existing)
        if clash:
            raise IncompatibleSchemaError(
                f"tables {', '.join(clash)} already exist but were not created by newsextract "
                f"(no {SCHEMA_TABLE} table); use another database or PostgreSQL schema")
    METADATA.create_all(conn, checkfirst=True)
    if SCHEMA_TABLE not in existing:
        conn.execute(version_table.insert().values(
            schema_version=SCHEMA_VERSION, layout=LAYOUT_ID,
            created_at=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")))
