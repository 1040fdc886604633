"""Records in: JSONL files, or a database written by `extract --db`.

The reading itself is the project's existing readers' (JSONL line by line;
the SQL sink's `articles.record_json`); a database's cluster ids are those
`newsextract cluster --db` stored in its `event_cluster_members` table.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import sqlalchemy as sa

from ..io.cluster_store import MEMBERS
from ..io.database import database_records, require_existing
from ..io.records import read_records
from ..io.sql import DatabaseError, database_url


def stored_assignment(url: str) -> Optional[dict]:
    """{(article id, event index): cluster id} from a clustered database; None when never clustered."""
    location = database_url(url)
    require_existing(location)
    engine = sa.create_engine(location)  # read only: no write lock, unlike the sink's engine
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


def iter_records(paths: Iterable[str] = (), db: Optional[str] = None,
                 errors: Optional[list] = None) -> Iterator[dict]:
    """Every record of the JSONL `paths`, then of the database `db`, one at a time
    (the export keeps only a text-free view of each); `errors` receives (where, why)
    of every line that is not a record."""
    sources = [read_records(list(paths))]
    if db:
        sources.append(database_records(db))
    for source in sources:
        for where, record, error in source:
            if error or record is None:
                if errors is not None:
                    errors.append((where, error or "unreadable record"))
            else:
                yield record
