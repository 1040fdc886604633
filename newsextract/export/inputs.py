"""Records in: JSONL files, or a database written by `extract --db`.

The reading itself is the project's existing readers' (JSONL line by line;
the SQL sink's `articles.record_json`); a database's cluster ids are those
`newsextract cluster --db` stored in its `event_cluster_members` table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

import sqlalchemy as sa

from ..io.cluster_store import MEMBERS
from ..io.records import read_records
from ..io.sql import DatabaseError, database_url
from ..report import database_records


@dataclass
class LoadedRecords:
    records: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (where, why) of every line that is not a record
    assignment: Optional[dict] = None  # a database's stored cluster ids, when it has some


def _keep(record: dict) -> dict:
    """A record without what no export column needs (quotes, claims other than the
    events' own are not read); the text stays until the lead paragraph is found."""
    return {k: v for k, v in record.items() if k not in ("quotes", "numeric_claims", "warnings")}


def stored_assignment(url: str) -> Optional[dict]:
    """{(article id, event index): cluster id} from a clustered database; None when never clustered."""
    engine = sa.create_engine(database_url(url))  # read only: no write lock, unlike the sink's engine
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table(MEMBERS.name):
                return None
            rows = conn.execute(sa.select(MEMBERS.c.article_id, MEMBERS.c.event_index, MEMBERS.c.cluster_id))
            found = {(r.article_id, r.event_index): r.cluster_id for r in rows}
    except sa.exc.SQLAlchemyError as err:
        raise DatabaseError(f"cannot read clusters from the database: {getattr(err, 'orig', None) or err}") from None
    finally:
        engine.dispose()
    return found or None


def load_records(paths: Iterable[str] = (), db: Optional[str] = None) -> LoadedRecords:
    """Every record of the JSONL `paths` and of the database `db`."""
    loaded = LoadedRecords()
    sources = [read_records(list(paths))]
    if db:
        sources.append(database_records(db))
    for source in sources:
        for where, record, error in source:
            if error or record is None:
                loaded.errors.append((where, error or "unreadable record"))
            else:
                loaded.records.append(_keep(record))
    if db:
        loaded.assignment = stored_assignment(db)
    return loaded
