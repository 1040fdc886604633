"""Where records go, in one import: `open_sink(target)` picks JSONL, SQLite,
PostgreSQL or Parquet from a target string (see `newsextract.io.sinks`)."""
from __future__ import annotations

from .io.sinks import JsonlSink, Sink, TeeSink, open_sink


def __getattr__(name):
    # the SQL and Parquet sinks import SQLAlchemy / pyarrow: load them on first use
    if name in ("SqlSink", "IncompatibleSchemaError", "DatabaseError", "ddl"):
        from .io import sql

        return getattr(sql, name)
    if name == "ParquetSink":
        from .io.parquet import ParquetSink

        return ParquetSink
    raise AttributeError(f"module 'newsextract.sinks' has no attribute {name!r}")


__all__ = ["open_sink", "Sink", "JsonlSink", "TeeSink", "SqlSink", "ParquetSink",
           "IncompatibleSchemaError", "DatabaseError", "ddl"]
