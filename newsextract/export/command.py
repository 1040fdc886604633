"""`newsextract export`: records to a GDELT Event 2.0 or ACLED table.

    newsextract export RECORDS.jsonl... --format gdelt-events|acled [-o OUT.tsv|.csv|.parquet]
                       [--db URL] [--per-article] [--no-header]

Exit status: 0 every record was read; 1 some lines were not records (skipped,
named on stderr; the others were exported); 2 bad usage, or the database or the
output cannot be used.
"""
from __future__ import annotations

import argparse
import sys

from ..io.sql import DatabaseError
from . import FORMATS, codebook, export_clusters, rows_of_clusters, write_export
from .inputs import iter_records, stored_assignment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", nargs="*", metavar="RECORDS.jsonl",
                        help="records (extract's JSONL output; best after `newsextract cluster`)")
    parser.add_argument("--format", required=True, choices=FORMATS,
                        help="gdelt-events: the 61 columns of GDELT Event 2.0; acled: ACLED's 31 columns")
    parser.add_argument("-o", "--output", default=None,
                        help="the table to write: .tsv, .csv or .parquet (stdout when omitted: "
                             "TSV for gdelt-events, CSV for acled)")
    parser.add_argument("--db", metavar="URL", default=None,
                        help="read the records stored by `extract --db` (an SQLite path, sqlite:///news.db or "
                             "postgresql://...), with the clusters `cluster --db` stored there")
    parser.add_argument("--per-article", action="store_true",
                        help="one row per event of each article instead of one per cluster")
    parser.add_argument("--no-header", action="store_true",
                        help="no line of column names (GDELT's own files have none)")


def run(args: argparse.Namespace) -> int:
    if not args.records and not args.db:
        print("newsextract: export needs RECORDS.jsonl files or --db URL", file=sys.stderr)
        return 2
    errors: list = []
    try:
        assignment = stored_assignment(args.db) if args.db else None
        clusters = export_clusters(iter_records(args.records, args.db, errors), per_article=args.per_article,
                                   assignment=assignment)
    except (OSError, DatabaseError) as err:
        print(f"newsextract: cannot read the records: {err}", file=sys.stderr)
        return 2
    for where, why in errors:
        print(f"newsextract: skipped {where}: {why}", file=sys.stderr)
    rows = rows_of_clusters(clusters, args.format)
    try:
        write_export(rows, args.format, args.output, header=not args.no_header)
    except (OSError, ValueError) as err:
        print(f"newsextract: cannot write the output: {err}", file=sys.stderr)
        return 2
    unit = "events" if args.per_article else "clusters"
    left_out = len(clusters) - len(rows)
    summary = f"newsextract: {len(rows)} {args.format} rows from {len(clusters)} {unit}"
    if left_out:
        summary += f" ({left_out} outside ACLED's event types)"
    print(f"{summary}; {len(codebook(args.format).columns)} columns", file=sys.stderr)
    return 1 if errors else 0
