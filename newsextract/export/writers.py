"""Writing and reading export tables: CSV, TSV, Parquet, and pandas DataFrames.

Values are typed by the codebook (models/export_*_columns.json): INTEGER and
FLOAT columns hold numbers, STRING text, DATE an ISO date (YYYY-MM-DD); an empty
cell is None. In a DataFrame those are the nullable dtypes Int64, Float64,
string and datetime64[ns]; in Parquet int64, float64, string and date32.
A text table has a header line of column names unless `header=False` (GDELT's
own files have none: pass the names when reading such a file).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sys
from pathlib import Path
from typing import Iterable, Optional

from .tables import Codebook

DATAFRAME_DTYPES = {"INTEGER": "Int64", "FLOAT": "Float64", "STRING": "string", "DATE": "datetime64[ns]"}


def file_kind(path: Optional[str], default: str) -> str:
    """'tsv', 'csv' or 'parquet' from the output's name; `default` for stdout or another suffix."""
    suffix = Path(path).suffix.lower() if path not in (None, "-") else ""
    return {".tsv": "tsv", ".tab": "tsv", ".csv": "csv", ".parquet": "parquet"}.get(suffix, default)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _text_table(rows: Iterable[dict], codebook: Codebook, delimiter: str, header: bool, out) -> int:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(codebook.names)
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in codebook.names])
        n += 1
    return n


def arrow_schema(codebook: Codebook):
    import pyarrow as pa

    types = {"INTEGER": pa.int64(), "FLOAT": pa.float64(), "STRING": pa.string(), "DATE": pa.date32()}
    return pa.schema([(c.name, types[c.type]) for c in codebook.columns])


def write_rows(rows: list[dict], codebook: Codebook, path: Optional[str], kind: str, *, header: bool = True) -> int:
    """Write `rows` to `path` (stdout for None or '-') as `kind`; the number of rows.
    A file is written beside and renamed, so it is never left half-written."""
    if kind == "parquet":
        if path in (None, "-"):
            raise ValueError("Parquet output needs a file: -o FILE.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        dates = [c.name for c in codebook.columns if c.type == "DATE"]
        prepared = [{**row, **{d: dt.date.fromisoformat(row[d]) if row.get(d) else None for d in dates}}
                    for row in rows]
        table = pa.Table.from_pylist(prepared, schema=arrow_schema(codebook))
        tmp = f"{path}.partial"
        pq.write_table(table, tmp)
        os.replace(tmp, path)
        return len(rows)
    delimiter = "\t" if kind == "tsv" else ","
    if path in (None, "-"):
        return _text_table(rows, codebook, delimiter, header, sys.stdout)
    tmp = f"{path}.partial"
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        n = _text_table(rows, codebook, delimiter, header, fh)
    os.replace(tmp, path)
    return n


def _typed(value: str, column_type: str):
    if value == "":
        return None
    if column_type == "INTEGER":
        return int(value)
    if column_type == "FLOAT":
        return float(value)
    return value


def read_rows(path: str, codebook: Codebook, *, header: Optional[bool] = None) -> list[dict]:
    """The rows of an export file, typed by the codebook (the inverse of `write_rows`).
    `header=None`: a text file has a header when its first line is the column names."""
    kind = file_kind(path, "csv")
    if kind == "parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
        return [{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()} for row in rows]
    text = Path(path).read_text("utf-8")
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t" if kind == "tsv" else ","))
    if header is None:
        header = bool(lines) and lines[0] == codebook.names
    types = [c.type for c in codebook.columns]
    return [{name: _typed(value, t) for name, value, t in zip(codebook.names, line, types)}
            for line in lines[1 if header else 0:]]


def to_dataframe(rows: list[dict], codebook: Codebook):
    """A pandas DataFrame of `rows` with the codebook's columns in order and the
    nullable dtypes of DATAFRAME_DTYPES (pandas is needed for this one only)."""
    try:
        import pandas as pd
    except ImportError as err:  # the rest of the export works without pandas
        raise ImportError("a DataFrame needs pandas: pip install pandas (rows work without it)") from err
    frame = pd.DataFrame.from_records(rows, columns=codebook.names)
    for column in codebook.columns:
        if column.type == "DATE":
            frame[column.name] = pd.to_datetime(frame[column.name], format="%Y-%m-%d").astype("datetime64[ns]")
        else:
            frame[column.name] = frame[column.name].astype(DATAFRAME_DTYPES[column.type])
    return frame
