"""Running the extractor over many inputs: worker processes (or any executor, such
as a Dask cluster's), input order kept, the errors file, resume, progress on
stderr and clean interrupts. A failing article is reported and skipped; the run
goes on.

Work goes out in batches of `batch_size` articles. A worker extracts a batch with
one `nlp.pipe` call; if anything in it fails, it redoes the batch one article at a
time, so only the article at fault is lost. A worker process that dies (killed,
out of memory, a crash in native code) is replaced, and the batches it held are
retried one article at a time to find the article that killed it.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
import time
import traceback
from collections import deque
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, TextIO, Union

from .io.readers import HtmlPage, Item
from .schema import Article, ArticleRecord

Outcome = tuple[Optional[ArticleRecord], Optional[str]]  # a record, or why there is none
DEFAULT_BATCH_SIZE = 16


# ------------------------------------------------------------------ one extractor per process

@dataclass(frozen=True)
class ExtractorSpec:
    """What a worker needs to build the same `Extractor` as the caller's."""

    model: Optional[str] = None
    max_chars: int = 200_000

    @classmethod
    def of(cls, extractor) -> "ExtractorSpec":
        if isinstance(extractor, ExtractorSpec):
            return extractor
        return cls(extractor.model_name, extractor.max_chars)


_EXTRACTORS: dict = {}
_EXTRACTORS_LOCK = threading.Lock()


def get_extractor(spec: ExtractorSpec):
    """This process's `Extractor` for `spec`, loaded on first use and kept, with the
    lock that serialises its use by threads (a spaCy pipeline is not thread-safe)."""
    with _EXTRACTORS_LOCK:
        entry = _EXTRACTORS.get(spec)
        if entry is None:
            from .pipeline import Extractor

            entry = (Extractor(spec.model, max_chars=spec.max_chars), threading.Lock())
            _EXTRACTORS[spec] = entry
        return entry


def _reason(err: BaseException) -> str:
    """An error in one line: type, message and the innermost place it was raised."""
    frames = traceback.extract_tb(err.__traceback__)
    where = f" (at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    message = str(err)
    if len(message) > 300:
        message = message[:300] + "..."
    return f"{type(err).__name__}: {message}{where}"


def _as_article(payload) -> Article:
    if isinstance(payload, HtmlPage):
        return payload.to_article()
    from .pipeline import as_article

    return as_article(payload)


def extract_batch(extractor, payloads: list, batch_size: Optional[int] = None) -> list[Outcome]:
    """An outcome for each payload (`Article`, `HtmlPage`, str or dict), in order."""
    outcomes: list[Optional[Outcome]] = [None] * len(payloads)
    articles, positions = [], []
    for i, payload in enumerate(payloads):
        try:
            articles.append(_as_article(payload))
            positions.append(i)
        except Exception as err:  # noqa: BLE001 - an unreadable page is this article's error
            outcomes[i] = (None, str(err) if isinstance(err, ValueError) else _reason(err))
    try:
        records = list(extractor.pipe(articles, batch_size=batch_size or max(1, len(articles))))
        for i, record in zip(positions, records):
            outcomes[i] = (record, None)
    except Exception:  # noqa: BLE001 - redo one by one to find the article at fault
        for i, article in zip(positions, articles):
            outcomes[i] = extract_one(extractor, article)
    return outcomes


def extract_one(extractor, article: Article) -> Outcome:
    try:
        return next(extractor.pipe([article])), None
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the run
        return None, _reason(err)


def extract_task(spec: ExtractorSpec, payloads: list) -> list[Outcome]:
    """The unit of work sent to a worker (a process of the pool, or a Dask worker)."""
    extractor, lock = get_extractor(spec)
    with lock:
        return extract_batch(extractor, payloads)


def _init_worker(spec: ExtractorSpec) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    get_extractor(spec)


# ------------------------------------------------------------------ workers

WORKER_DIED = ("the worker process died on this article "
               "(killed, out of memory or a crash in native code)")


class WorkerPool:
    """Batches of articles extracted by `workers` spawned processes that each load the
    pipeline once, or by a given executor (for example a Dask client's). Results
    come back per batch through `outcomes`, which survives a dead worker."""

    def __init__(self, spec: ExtractorSpec, workers: int, executor: Optional[Executor] = None):
        self.spec, self.workers = spec, max(1, workers)
        self._own = executor is None
        self.executor = executor or self._start()

    def _start(self) -> Executor:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.spec,))

    def _restart(self, broken: Optional[Future] = None) -> None:
        """A new process pool, unless `broken` came from an older one (already replaced)."""
        if not self._own or (broken is not None and getattr(broken, "pool", None) is not self.executor):
            return
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def submit(self, payloads: list) -> Future:
        try:
            future = self.executor.submit(extract_task, self.spec, payloads)
        except BrokenProcessPool:
            self._restart()
            future = self.executor.submit(extract_task, self.spec, payloads)
        future.pool = self.executor
        return future

    def outcomes(self, future: Future, payloads: list) -> list[Outcome]:
        """The batch's outcomes. If its worker died, the batch is tried once more whole
        (the culprit may have been another batch), then one article at a time."""
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart(future)
            retry = self.submit(payloads)
            try:
                return retry.result()
            except BrokenProcessPool:
                self._restart(retry)
        except Exception:  # noqa: BLE001 - e.g. a Dask worker lost; find the article at fault
            pass
        return self._one_by_one(payloads)

    def _one_by_one(self, payloads: list) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for payload in payloads:
            future = self.submit([payload])
            try:
                outcomes.extend(future.result())
            except BrokenProcessPool:
                self._restart(future)
                outcomes.append((None, WORKER_DIED))
            except Exception as err:  # noqa: BLE001
                outcomes.append((None, f"the worker failed on this article: {_reason(err)}"))
        return outcomes

    def close(self, *, cancel: bool = False) -> None:
        if not self._own:
            return
        if cancel:
            processes = list((getattr(self.executor, "_processes", None) or {}).values())
            self.executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()  # drop the batches in progress: --resume redoes them
        self.executor.shutdown(wait=True)


def parallel_records(articles, *, model, n_process, batch_size=DEFAULT_BATCH_SIZE,
                     max_chars=200_000) -> Iterator[ArticleRecord]:
    """Records in input order from `n_process` worker processes, each loading the
    pipeline once; raises on the first article that fails."""
    pool = WorkerPool(ExtractorSpec(model, max_chars), n_process)
    finished = False
    try:
        for payloads, outcomes in _ordered(pool, batches(articles, batch_size), 2 * n_process):
            for record, error in outcomes:
                if error:
                    raise RuntimeError(error)
                yield record
        finished = True
    finally:
        pool.close(cancel=not finished)


def batches(values: Iterable, size: int) -> Iterator[list]:
    """`values` in lists of `size` (the last one shorter)."""
    batch = []
    for value in values:
        batch.append(value)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered(pool: WorkerPool, work: Iterable[list], window: int,
             payloads: Callable[[list], list] = lambda batch: batch):
    """(batch, outcomes) in input order, with at most `window` batches in flight."""
    in_flight: deque = deque()

    def settle():
        batch, sent, future = in_flight.popleft()
        return batch, pool.outcomes(future, sent)

    for batch in work:
        sent = payloads(batch)
        in_flight.append((batch, sent, pool.submit(sent)))
        if len(in_flight) >= window:
            yield settle()
    while in_flight:
        yield settle()


# ------------------------------------------------------------------ reporting

@dataclass
class RunStats:
    read: int = 0        # inputs read, good or bad
    written: int = 0     # records written
    skipped: int = 0     # already in the output (--resume)
    failed: int = 0      # unreadable inputs and failed articles (see the errors file)
    truncated: int = 0   # records whose text was only partly analysed (--max-chars)
    interrupted: Optional[int] = None  # the signal that stopped the run, if any
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


class Progress:
    """A one-line counter with articles/s on stderr: by default only when stderr is a
    terminal (rewritten in place); forced on elsewhere, a new line every 10 s."""

    def __init__(self, stream: TextIO = sys.stderr, enabled: Optional[bool] = None):
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.enabled = self.tty if enabled is None else enabled
        self._last = 0.0
        self._shown = False

    def update(self, stats: RunStats, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self._last < (0.5 if self.tty else 10.0)):
            return
        self._last = now
        rate = stats.written / max(1e-9, now - stats.started)
        line = f"{stats.written} articles, {stats.failed} errors"
        if stats.skipped:
            line += f", {stats.skipped} already done"
        line += f", {rate:.1f} articles/s, {_clock(now - stats.started)}"
        if self.tty:
            self.stream.write(f"\r\x1b[K{line}" + ("\n" if final else ""))
            self._shown = not final
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def print(self, message: str) -> None:
        """A message on its own line, above the counter."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self._shown = False
        self.stream.write(message + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


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


# ------------------------------------------------------------------ resume

_RECORD_ID = re.compile(rb'^\{"schema_version":\s*"[^"]*",\s*"id":\s*("(?:[^"\\]|\\.)*")')


def repair_jsonl(path: str) -> int:
    """Drop a last line left unfinished by a killed run; the number of bytes dropped."""
    with open(path, "r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return 0
        end, step = size, 1 << 16
        while end > 0:  # find the last newline, reading backwards
            start = max(0, end - step)
            fh.seek(start)
            cut = fh.read(end - start).rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            end = start
        else:
            keep = 0
        fh.truncate(keep)
        return size - keep


def done_ids(path: str) -> set[str]:
    """The ids of the records in a JSONL output, read line by line (a record's id is
    read from the start of its line; other lines are parsed whole)."""
    ids: set[str] = set()
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # unfinished: that article was not written
            m = _RECORD_ID.match(raw)
            if m:
                ids.add(json.loads(m.group(1)))
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("id") is not None:
                ids.add(str(record["id"]))
    return ids


# ------------------------------------------------------------------ interrupts

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


# ------------------------------------------------------------------ the run

def run(items: Iterable[Item], extractor, sink, *, errors: ErrorLog, workers: int = 1,
        progress: Optional[Progress] = None, skip_ids: Union[set, frozenset] = frozenset(),
        batch_size: int = DEFAULT_BATCH_SIZE, executor: Optional[Executor] = None) -> RunStats:
    """Extract every readable item into `sink`, in input order; report every unreadable
    or failing one to `errors`; skip items whose id is in `skip_ids`.

    `extractor` is an `Extractor` (or an `ExtractorSpec`). With `workers` > 1, or an
    `executor` (whose `workers` slots are kept busy), the work goes to worker processes
    that load their own pipeline once. A SIGINT/SIGTERM stops the run after the batch
    in hand is written; `RunStats.interrupted` then holds the signal."""
    stats = RunStats()
    progress = progress or Progress(enabled=False)
    if progress.enabled:
        errors.echo = progress.print

    def accepted() -> Iterator[Item]:
        for item in items:
            stats.read += 1
            if item.error:
                stats.failed += 1
                errors.report(item, item.error)
            elif item.id is not None and item.id in skip_ids:
                stats.skipped += 1
            else:
                yield item
            if stop.signal is not None:
                return

    def write(batch: list[Item], outcomes: list[Outcome]) -> None:
        for item, (record, error) in zip(batch, outcomes):
            if error:
                stats.failed += 1
                errors.report(item, error)
                continue
            try:
                sink.write(record)
            except ValueError as err:  # this record cannot be stored (e.g. an id too long for a key)
                stats.failed += 1
                errors.report(item, f"not written: {_reason(err)}")
                continue
            stats.written += 1
            for warning in record.warnings:
                if warning.code == "text_truncated":
                    stats.truncated += 1
                    errors.warn(item, warning.message)
        progress.update(stats)

    with _StopOnSignal() as stop:
        work = batches(accepted(), batch_size)
        if workers > 1 or executor is not None:
            pool = WorkerPool(ExtractorSpec.of(extractor), workers, executor)
            try:
                for batch, outcomes in _ordered(pool, work, 2 * max(1, workers),
                                                lambda b: [item.payload for item in b]):
                    write(batch, outcomes)
                    if stop.signal is not None:
                        break
            finally:
                pool.close(cancel=stop.signal is not None)
        else:
            local = extractor if not isinstance(extractor, ExtractorSpec) else get_extractor(extractor)[0]
            for batch in work:
                write(batch, extract_batch(local, [item.payload for item in batch]))
                if stop.signal is not None:
                    break
        stats.interrupted = stop.signal
    progress.update(stats, final=True)
    return stats
