"""Running the extractor over many inputs: what `newsextract extract` does.

Inputs are read in order, extracted in this process or by worker processes
(`newsextract.workers`), and their records written in input order. An input
that cannot be read, an article that fails or runs over the time limit, and an
id that another input of the run already has are reported (stderr and the
errors file, with the input's file and line) and skipped; the run goes on. The
"written" count is what the outputs stored. Ctrl-C or SIGTERM stops the run
once the batch in hand is written; `--resume` carries on (`newsextract.resume`).
A database that cannot be used stops the run with one line (`RunStats.fatal`).
"""
from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
import time
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from .io.database import DatabaseError
from .io.readers import HtmlPage, Item, ReadOptions, iter_inputs
from .io.sinks import flush, open_sink, sink_kind
from .pipeline import Extractor, check_model
from .progress import Progress
from .io.tables import storable_key
from .resume import ResumingSink, error_key, repair_jsonl, reported_errors
from .timelimit import DEFAULT_TIMEOUT
from .workers import (DEFAULT_BATCH_SIZE, ExtractorSpec, Outcome, WorkerPool, batches, extract_batch,
                      get_extractor, ordered, reason)

STDIN_SOURCE, STDIN_NAME = "<stdin>", "stdin"   # how the readers name a whole text read from stdin


@dataclass
class RunStats:
    read: int = 0        # inputs read, good or bad
    written: int = 0     # records the outputs stored
    skipped: int = 0     # already in the output (--resume), or given twice in this run
    failed: int = 0      # unreadable inputs, failed articles, repeated ids (see the errors file)
    reported_before: int = 0  # failed inputs the errors file of an earlier run already holds (--resume)
    truncated: int = 0   # records whose text was only partly analysed (--max-chars)
    interrupted: Optional[int] = None  # the signal that stopped the run, if any
    fatal: Optional[str] = None        # why the run had to stop (the database cannot be used, a reader broke)
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def summary(self) -> str:
        """The run in one line, as `extract` ends it."""
        line = f"{self.written} records written, {self.failed + self.reported_before} inputs skipped"
        if self.reported_before:
            line += f" ({self.reported_before} reported by the earlier run)"
        if self.skipped:
            line += f", {self.skipped} already done"
        if self.truncated:
            line += f", {self.truncated} texts truncated to --max-chars"
        return f"{line} ({self.elapsed:.1f} s)"


class ErrorLog:
    """The errors output: one JSON line per input that could not be processed
    ({"id", "file", "line", "offset", "error"}), and a message on stderr for the
    first `echo_limit` of them."""

    def __init__(self, path: Optional[str] = None, *, append: bool = True, echo_limit: int = 50,
                 echo: Optional[Callable[[str], None]] = None):
        self.path = path
        self._fh = open(path, "a" if append else "w", encoding="utf-8") if path else None
        self.echo = echo or (lambda message: print(message, file=sys.stderr))
        self.echo_limit = echo_limit
        self.count = 0

    def report(self, item: Item, reason: str) -> None:
        self.count += 1
        if self._fh:
            entry = {"id": item.id, "file": item.source, "line": item.line, "error": reason}
            if item.offset is not None:
                entry["offset"] = item.offset
            self._fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._fh.flush()
        if self.count <= self.echo_limit:
            ident = f" (id {item.id})" if item.id else ""
            self.echo(f"newsextract: skipped {item.where}{ident}: {reason}")
        elif self.count == self.echo_limit + 1:
            self.echo("newsextract: more skipped inputs are not shown here"
                      + (f"; all are in {self.path}" if self.path else "; keep them all with --errors FILE"))

    def warn(self, item: Item, message: str) -> None:
        self.echo(f"newsextract: warning: {item.where} (id {item.id}): {message}")

    def close(self) -> None:
        if self._fh:
            self._fh.close()
            self._fh = None


class _StopOnSignal:
    """Ctrl-C (or SIGTERM) asks the run to stop once the batch in hand is written
    (records are whole lines); a second Ctrl-C stops at once. Only in the main
    thread, where signals arrive."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self):
        self.signal: Optional[int] = None
        self._previous: dict = {}

    def _handle(self, signum, frame):
        if self.signal is not None and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.signal = signum

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc):
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def _named(item: Item) -> Item:
    """A whole text read from stdin has no name of its own: its record's id comes
    from its text hash (as for any article without an id), not "stdin"."""
    if item.source == STDIN_SOURCE and item.id == STDIN_NAME and item.line is None and item.offset is None:
        if item.article is not None:
            return Item(item.source, article=item.article.model_copy(update={"id": None}))
        if item.page is not None:
            return Item(item.source, page=HtmlPage(item.page.html, None, item.page.url))
    return item


# ------------------------------------------------------------------ the run

def run(items: Iterable[Item], extractor, sink, *, errors: ErrorLog, workers: int = 1,
        progress: Optional[Progress] = None, skip_ids: Union[set, frozenset] = frozenset(),
        batch_size: int = DEFAULT_BATCH_SIZE, executor: Optional[Executor] = None,
        reported: Union[set, frozenset] = frozenset()) -> RunStats:
    """Extract every readable item into `sink`, in input order; report every unreadable
    or failing one to `errors`; skip items whose id is in `skip_ids` or that every
    output of a `ResumingSink` holds, and failed items whose `error_key` is in
    `reported` (an earlier run's errors file).

    `extractor` is an `Extractor` (or an `ExtractorSpec`). With `workers` > 1, or an
    `executor` (whose `workers` slots are kept busy), the work goes to worker processes
    that load their own pipeline once. A SIGINT/SIGTERM stops the run after the batch
    in hand is written; `RunStats.interrupted` then holds the signal."""
    stats = RunStats()
    progress = progress or Progress(enabled=False)
    if progress.enabled:
        errors.echo = progress.print
    resuming: Optional[ResumingSink] = sink if isinstance(sink, ResumingSink) else None
    written_by: dict[str, tuple[str, str]] = {}   # id -> (where its record came from, text hash), this run

    def done(article_id: Optional[str]) -> bool:
        return article_id is not None and (article_id in skip_ids or (resuming is not None and resuming.has(article_id)))

    def readable() -> Iterator[Item]:
        """The items; a reader that fails outright ends the inputs (the batch in hand
        is still written) and the run says where."""
        last = "the start"
        iterator = iter(items)
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                return
            except Exception as err:  # noqa: BLE001 - no later input can be read from a broken reader
                stats.fatal = f"cannot read the inputs after {last}: {reason(err)}"
                return
            last = item.where
            yield item

    def accepted() -> Iterator[Item]:
        for item in readable():
            item = _named(item)
            stats.read += 1
            progress.advance(item)
            if reported and error_key(item) in reported:
                stats.reported_before += 1
            elif item.error:
                stats.failed += 1
                errors.report(item, item.error)
            elif item.id is not None and done(storable_key(item.id, keep_nul=True)):   # its record's id
                stats.skipped += 1
            else:
                yield item
            if stop.signal is not None:
                return

    def store(item: Item, record) -> bool:
        if done(record.id):
            stats.skipped += 1
            return False
        first = written_by.get(record.id)
        if first is not None and first[1] == record.text_hash:   # the same article given again
            stats.skipped += 1
            return False
        if first is not None:
            stats.failed += 1
            errors.report(item, f"not written: id {record.id!r} is already that of another article, "
                                f"from {first[0]} (ids must be unique in a run)")
            return False
        try:
            sink.write(record)
        except ValueError as err:  # this record cannot be stored (e.g. an id too long for a key)
            stats.failed += 1
            errors.report(item, f"not written: {reason(err)}")
            return False
        written_by[record.id] = (item.where, record.text_hash)
        return True

    def write(batch: list[Item], outcomes: list[Outcome]) -> None:
        stored = []
        for item, (record, error) in zip(batch, outcomes):
            if error:
                stats.failed += 1
                errors.report(item, error)
            elif store(item, record):
                stored.append((item, record))
        flush(sink)                   # what was given is stored before it is counted
        stats.written += len(stored)
        for item, record in stored:
            for warning in record.warnings:
                if warning.code == "text_truncated":
                    stats.truncated += 1
                    errors.warn(item, warning.message)
        progress.update(stats)

    with _StopOnSignal() as stop:
        work = batches(accepted(), batch_size)
        try:
            if workers > 1 or executor is not None:
                pool = WorkerPool(ExtractorSpec.of(extractor), workers, executor)
                try:
                    for batch, outcomes in ordered(pool, work, 2 * max(1, workers),
                                                   lambda b: [item.payload for item in b]):
                        write(batch, outcomes)
                        if stop.signal is not None:
                            break
                finally:
                    pool.close(cancel=stop.signal is not None or sys.exc_info()[0] is not None)
            else:
                local = get_extractor(extractor)[0] if isinstance(extractor, ExtractorSpec) else extractor
                for batch in work:
                    write(batch, extract_batch(local, [item.payload for item in batch]))
                    if stop.signal is not None:
                        break
        except DatabaseError as err:
            stats.fatal = str(err)
        stats.interrupted = stop.signal
    progress.update(stats, final=True)
    return stats


# ------------------------------------------------------------------ the extract command

class JobError(Exception):
    """The run cannot start: bad options, the model is missing, an output cannot be opened."""


@dataclass
class ExtractJob:
    """What `newsextract extract` is asked to do (see its --help)."""

    paths: list[str]
    output: Optional[str] = None
    db: Optional[str] = None
    errors: Optional[str] = None
    model: Optional[str] = None
    workers: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    max_chars: int = 200_000
    timeout: Optional[float] = DEFAULT_TIMEOUT
    resume: bool = False
    dask: Optional[str] = None
    read: ReadOptions = field(default_factory=ReadOptions)

    @property
    def jsonl_output(self) -> bool:
        return self.output not in (None, "-") and sink_kind(self.output) == "jsonl"


def _dask_cluster(address: Optional[str], workers: int):
    if not address:
        return contextlib.nullcontext((None, workers))
    from .dask import cluster_executor  # optional: needs Dask installed

    return cluster_executor(address, workers=workers)


def _open_outputs(job: ExtractJob, echo: Callable[[str], None]):
    """The sink (a `ResumingSink` with --resume) and the errors log."""
    if job.resume and job.jsonl_output:
        try:
            dropped = repair_jsonl(job.output)
        except FileNotFoundError:
            dropped = 0
        if dropped:
            echo(f"newsextract: dropped an unfinished last line ({dropped} bytes) from {job.output}")
    try:
        sink = open_sink(job.output, append=job.resume, db=job.db)
    except (OSError, ValueError, RuntimeError) as err:
        raise JobError(f"cannot open the output: {err}") from None
    try:
        if job.resume:
            sink = ResumingSink.of(sink)
        errors = ErrorLog(job.errors, append=job.resume, echo=echo)
    except (OSError, ValueError, RuntimeError) as err:
        sink.close()
        raise JobError(f"cannot resume: {err}") from None
    return sink, errors


def extract_job(job: ExtractJob, progress: Optional[Progress] = None) -> RunStats:
    """Run `job`; raises `JobError` when it cannot start."""
    progress = progress or Progress(enabled=False)
    if job.workers < 1 or job.batch_size < 1 or job.read.max_bytes < 1:
        raise JobError("--workers, --batch-size and --max-bytes must be at least 1")
    if job.timeout is not None and job.timeout <= 0:
        raise JobError("the time limit is a number of seconds above 0 (None for no limit)")
    if job.resume and not (job.jsonl_output or job.db):
        raise JobError("--resume needs the output of the earlier run: -o FILE.jsonl or --db")
    try:
        if job.workers > 1 or job.dask:   # the workers load their own
            extractor = ExtractorSpec(Extractor, check_model(job.model), job.max_chars, job.timeout)
            progress.loading(f"{extractor.model} in the workers")
        else:
            progress.loading(check_model(job.model))
            extractor = Extractor(job.model, max_chars=job.max_chars, timeout=job.timeout)
    except (OSError, RuntimeError) as err:
        raise JobError(str(err)) from None
    sink, errors = _open_outputs(job, progress.print)
    reported = reported_errors(job.errors) if job.resume else frozenset()
    progress.count_inputs(job.paths)
    try:
        with _dask_cluster(job.dask, job.workers) as (executor, slots):
            inputs = iter_inputs(job.paths, options=job.read, exclude=(job.output, job.errors, job.db))
            stats = run(inputs, extractor, sink, errors=errors, workers=slots, progress=progress,
                        batch_size=job.batch_size, executor=executor, reported=reported)
    finally:
        progress.close()
        errors.close()
        unclosed = _close(sink)
    stats.fatal = stats.fatal or unclosed
    return stats


def _close(sink) -> Optional[str]:
    """Close the outputs (the last records are stored then); why that failed, if it did."""
    try:
        sink.close()
    except DatabaseError as err:
        return str(err)
    return None
