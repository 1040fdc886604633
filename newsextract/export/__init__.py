"""Events and clusters as the tables conflict researchers already use: GDELT Event
2.0 and ACLED, one row per real-world event (cluster), or per event with
`per_article=True`.

    from newsextract.export import export_rows, export_dataframe
    rows = export_rows(records, "gdelt-events")      # list of dicts, codebook order
    frame = export_dataframe(records, "acled")       # pandas, documented dtypes

`records` are record dicts (as read from newsextract's JSONL or database) or
`ArticleRecord`s. Every column is filled from the records or left empty (None)
by the rules in gdelt.py and acled.py; the codebooks and mapping tables are data
in models/ (export_*.json).
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional, Union

from .acled import acled_row
from .clusters import ExportCluster, export_clusters
from .gdelt import gdelt_row
from .tables import Codebook, acled_codebook, gdelt_codebook
from .writers import DATAFRAME_DTYPES, file_kind, read_rows, to_dataframe, write_rows

FORMATS = ("gdelt-events", "acled")
DEFAULT_FILE_KIND = {"gdelt-events": "tsv", "acled": "csv"}


def codebook(format: str) -> Codebook:
    """The columns (names and types, in order) of an export format."""
    if format == "gdelt-events":
        return gdelt_codebook()
    if format == "acled":
        return acled_codebook()
    raise ValueError(f"unknown export format {format!r}: one of {', '.join(FORMATS)}")


def columns(format: str) -> list[str]:
    return codebook(format).names


def _as_dicts(records: Iterable) -> list[dict]:
    return [r.model_dump(mode="json") if hasattr(r, "model_dump") else r for r in records]


def rows_of_clusters(clusters: Iterable[ExportCluster], format: str) -> list[dict]:
    codebook(format)  # fails early on an unknown format
    make = gdelt_row if format == "gdelt-events" else acled_row
    return [row for row in (make(c) for c in clusters) if row is not None]


def export_rows(records: Iterable[Union[dict, object]], format: str = "gdelt-events", *,
                per_article: bool = False, assignment: Optional[Mapping[tuple, str]] = None) -> list[dict]:
    """The rows of `format` for `records`: one per cluster (or per asserted event
    with `per_article`); ACLED rows only for events within ACLED's scope.
    `assignment` ({(article id, event index): cluster id}) overrides the records' own cluster ids."""
    clusters = export_clusters(_as_dicts(records), per_article=per_article, assignment=assignment)
    return rows_of_clusters(clusters, format)


def export_dataframe(records: Iterable, format: str = "gdelt-events", **options):
    """`export_rows` as a pandas DataFrame with the dtypes of DATAFRAME_DTYPES."""
    return to_dataframe(export_rows(records, format, **options), codebook(format))


def write_export(rows: list[dict], format: str, path: Optional[str], *, header: bool = True) -> int:
    """Write rows to `path` (.tsv, .csv or .parquet by its name; stdout for None)."""
    return write_rows(rows, codebook(format), path, file_kind(path, DEFAULT_FILE_KIND[format]), header=header)


def read_export(path: str, format: str, *, header: Optional[bool] = None) -> list[dict]:
    """The typed rows of a file `write_export` wrote (or one of the same shape)."""
    return read_rows(path, codebook(format), header=header)


__all__ = ["FORMATS", "DATAFRAME_DTYPES", "codebook", "columns", "export_rows", "export_dataframe",
           "write_export", "read_export", "rows_of_clusters", "export_clusters"]
