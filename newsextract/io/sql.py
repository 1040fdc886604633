"""SQL sink: records into normalized tables, in SQLite (the embedded default) or
PostgreSQL (psycopg 3), through SQLAlchemy 2 Core.

The tables come from `newsextract.io.tables` (derived from `schema.py`); the
`articles` table adds `record_json` (the whole record: JSONB in PostgreSQL, the
JSONL line as text in SQLite) and `record_hash` (the sha256 of that line).

Writes are idempotent and crash-safe: an article is keyed on its id; storing a
record whose `record_hash` is already there does nothing; a record whose text
(`text_hash`) or extraction changed replaces that article's rows. Records are
committed in batches (`batch_size` articles, or whatever is queued once the oldest
has waited `max_delay` seconds, and on `flush()`/`close()`), each batch one
transaction: a killed process leaves every article either whole or absent.
Concurrent writers are safe: in PostgreSQL the tables are created under an
advisory lock, and the writers of one article take turns on a lock of its own,
so the second replaces or keeps the first's rows instead of failing on the key.
A lost connection is reconnected and the batch retried (`database.RETRIES`).

NUL characters: PostgreSQL text and JSONB cannot hold them, so in every text
column (on both backends, which therefore hold the same rows) and in PostgreSQL's
`record_json`, NUL becomes U+FFFD, one character for one so offsets stay right;
SQLite's `record_json` keeps them (as \\u0000).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from ..schema import SCHEMA_VERSION, ArticleRecord
from .database import (DatabaseError, IncompatibleSchemaError, create_engine, database_url, failure, lock_schema,
                       transaction)
from .tables import (INDEXES, LAYOUT, LayoutError, Table, iter_rows, json_ready, layout_fingerprint, record_json,
                     storable_key)

__all__ = ["SqlSink", "IncompatibleSchemaError", "DatabaseError", "LayoutError", "database_url",
           "build_metadata", "ddl", "SCHEMA_TABLE"]

SCHEMA_TABLE = "newsextract_schema"
_TYPES = {"text": sa.Text, "int": sa.BigInteger, "float": sa.Double, "bool": sa.Boolean,
          "date": sa.Date, "json": sa.JSON}
class RecordJson(sa.types.TypeDecorator):
    """The whole record: JSONB in PostgreSQL (queried with ->, ->>, @>; NUL and lone
    surrogates, which JSONB cannot hold, as U+FFFD), the JSONL line as text
    elsewhere. Bound as the JSON text."""

    impl = sa.Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.JSONB())
        return dialect.type_descriptor(sa.Text())

    def process_bind_param(self, value, dialect):
        if value is not None and dialect.name == "postgresql":
            return json_ready(json.loads(value), keep_nul=False)   # JSONB binds a value the engine serializes
        return value


#: Columns the `articles` table has besides the record's own: (table, name, kind, type)
ARTICLE_EXTRAS = (("articles", "record_json", "record", RecordJson), ("articles", "record_hash", "text", sa.Text))


def _extras_fingerprint(dialect: str) -> tuple:
    # SQLite's record_json is the text it always was (its databases stay readable)
    return tuple((t, name, "jsonb" if kind == "record" and dialect == "postgresql" else
                  "text" if kind == "record" else kind) for t, name, kind, _ in ARTICLE_EXTRAS)


def build_metadata(layout: list[Table] = LAYOUT, indexes: tuple = INDEXES, extras: tuple = ARTICLE_EXTRAS,
                   metadata: sa.MetaData = None) -> sa.MetaData:
    """The SQLAlchemy tables of a layout, with keys, foreign keys and indexes."""
    metadata = metadata if metadata is not None else sa.MetaData()
    for table in layout:
        columns = [
            sa.Column(c.name, _TYPES[c.kind], nullable=c.nullable, primary_key=c.name in table.key,
                      autoincrement=False, comment=c.description)
            for c in table.columns
        ]
        columns += [sa.Column(name, kind_type) for t, name, _, kind_type in extras if t == table.name]
        constraints = []
        if table.parent:
            parent_key = next(t.key for t in layout if t.name == table.parent)
            constraints.append(sa.ForeignKeyConstraint(
                list(table.parent_key), [f"{table.parent}.{k}" for k in parent_key], ondelete="CASCADE"))
        sa.Table(table.name, metadata, *columns, *constraints)
    for table, column, kind in indexes:
        sa.Index(f"ix_{table}_{column}", metadata.tables[table].c[column],
                 postgresql_using="hash" if kind == "equal" else "btree")
    return metadata


METADATA = build_metadata()
sa.Table(SCHEMA_TABLE, METADATA,
         sa.Column("schema_version", sa.Text, primary_key=True),
         sa.Column("layout", sa.Text, nullable=False),
         sa.Column("created_at", sa.Text, nullable=False))
LAYOUT_IDS = {dialect: layout_fingerprint(_extras_fingerprint(dialect)) for dialect in ("sqlite", "postgresql")}
LAYOUT_ID = LAYOUT_IDS["sqlite"]
_DIALECTS = {"postgresql": postgresql.dialect(), "sqlite": sqlite.dialect()}


def ddl(dialect: str = "postgresql", metadata: sa.MetaData = METADATA) -> str:
    """CREATE TABLE / CREATE INDEX statements for `dialect` ('postgresql' or 'sqlite')."""
    if dialect not in _DIALECTS:
        raise ValueError(f"dialect is one of {sorted(_DIALECTS)}, not {dialect!r}")
    out = [str(CreateTable(t).compile(dialect=_DIALECTS[dialect])).strip() + ";" for t in metadata.sorted_tables]
    for t in metadata.sorted_tables:
        out += [str(CreateIndex(i).compile(dialect=_DIALECTS[dialect])).strip() + ";" for i in t.indexes]
    return "\n\n".join(out) + "\n"


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


def _article_lock(article_id: str) -> int:
    """The advisory lock key of one article (a signed 64-bit number)."""
    return int.from_bytes(hashlib.sha256(article_id.encode("utf-8")).digest()[:8], "big", signed=True)


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
            transaction(self.engine, _ensure_schema, doing="open", retries=0)
        except BaseException:
            self.engine.dispose()
            raise

    # ------------------------------------------------------------ writing

    def write(self, record: ArticleRecord) -> None:
        """Queue `record` (see the module doc for when it is committed).
        Raises `LayoutError` (nothing queued) for an id that cannot be a key."""
        prepared = self._prepare(record)
        if not self._pending:
            self._oldest = time.monotonic()
        self._pending.append(prepared)
        if len(self._pending) >= self.batch_size or time.monotonic() - self._oldest >= self.max_delay:
            self.flush()

    def flush(self) -> None:
        """Commit the queued records in one transaction; raises `DatabaseError` (the
        records stay queued) when the database cannot be reached after retrying."""
        if not self._pending:
            return
        for attempt in range(3):
            try:
                stats = transaction(self.engine, lambda conn: self._store(conn, self._pending), doing="write to")
            except sa.exc.IntegrityError as err:
                # another writer changed one of these articles under us (SQLite without locks here)
                if attempt == 2:
                    raise failure(self.url, "write to", err) from None
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
        if conn.dialect.name == "postgresql":   # writers of one article take turns (in one order: no deadlock)
            conn.execute(sa.text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k"),
                         {"keys": sorted({_article_lock(i) for i in ids})})
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

    @staticmethod
    def key(article_id: str) -> str:
        """The key an article is stored under (see `storable_key`)."""
        return storable_key(article_id)

    def stored_ids(self) -> dict[str, str]:
        """key -> text_hash of every stored article (to skip them on a resumed run)."""
        articles = self._tables["articles"]
        return transaction(self.engine, lambda conn: dict(
            conn.execute(sa.select(articles.c.id, articles.c.text_hash)).all()), doing="read")


def _ensure_schema(conn: sa.Connection) -> None:
    """Create the tables on first use; refuse a database whose tables differ."""
    lock_schema(conn)
    inspector = sa.inspect(conn)
    existing = set(inspector.get_table_names())
    ours = [t for t in METADATA.sorted_tables if t.name != SCHEMA_TABLE]
    version_table = METADATA.tables[SCHEMA_TABLE]
    layout_id = LAYOUT_IDS.get(conn.dialect.name, LAYOUT_ID)
    if SCHEMA_TABLE in existing:
        stored = conn.execute(sa.select(version_table)).first()
        if stored is None or stored.layout != layout_id:
            held = f"schema {stored.schema_version} (layout {stored.layout})" if stored else "no schema version"
            raise IncompatibleSchemaError(
                f"this database holds newsextract tables of {held}; this newsextract writes schema "
                f"{SCHEMA_VERSION} (layout {layout_id}). Write to a new database (or PostgreSQL schema), "
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
            schema_version=SCHEMA_VERSION, layout=layout_id,
            created_at=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")))
