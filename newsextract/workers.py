"""Extracting batches of articles: in this process, in worker processes that each
load the pipeline once, or on any executor (a Dask cluster's).

A batch is extracted with one `Extractor.pipe` call; if anything in it fails, the
rest is redone one article at a time, so only the article at fault is lost. An
article over the time limit is that article's error. A worker process that dies
(killed, out of memory, a crash in native code) or stops answering is replaced,
and the batches it held are retried one article at a time to find the culprit.
Workers exit when the process that started them dies.

This module does not import the pipeline: an `ExtractorSpec` carries the class
that builds the extractor, so `newsextract.pipeline` can use the workers.
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional

from .io.readers import HtmlPage
from .record import as_article
from .schema import Article, ArticleRecord
from .timelimit import ArticleTimeout, TimeLimit

Outcome = tuple[Optional[ArticleRecord], Optional[str]]  # a record, or why there is none
DEFAULT_BATCH_SIZE = 16
WORKER_DIED = ("the worker process died on this article "
               "(killed, out of memory or a crash in native code)")
# a worker that has not answered this long after its batch's time limit is stopped
# (starting a replacement and loading the model is part of the wait)
STALL_GRACE = 120.0


# ------------------------------------------------------------------ one extractor per process

@dataclass(frozen=True)
class ExtractorSpec:
    """What a worker needs to build the same extractor as the caller's: the class
    (an `Extractor`) and its options."""

    factory: Callable[..., Any]
    model: Optional[str] = None
    max_chars: int = 200_000
    timeout: Optional[float] = None

    @classmethod
    def of(cls, extractor) -> "ExtractorSpec":
        if isinstance(extractor, ExtractorSpec):
            return extractor
        return extractor.spec

    def build(self):
        return self.factory(self.model, max_chars=self.max_chars, timeout=self.timeout)


_EXTRACTORS: dict = {}
_EXTRACTORS_LOCK = threading.Lock()


def get_extractor(spec: ExtractorSpec):
    """This process's extractor for `spec`, loaded on first use and kept, with the
    lock that serialises its use by threads (a spaCy pipeline is not thread-safe)."""
    with _EXTRACTORS_LOCK:
        entry = _EXTRACTORS.get(spec)
        if entry is None:
            entry = (spec.build(), threading.Lock())
            _EXTRACTORS[spec] = entry
        return entry


def reason(err: BaseException) -> str:
    """An error in one line: type, message and the innermost place it was raised."""
    if isinstance(err, ArticleTimeout):
        return str(err)
    frames = traceback.extract_tb(err.__traceback__)
    where = f" (at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    message = str(err)
    if len(message) > 300:
        message = message[:300] + "..."
    return f"{type(err).__name__}: {message}{where}"


# ------------------------------------------------------------------ extracting a batch

def _to_article(payload, timeout: Optional[float]) -> Article:
    if not isinstance(payload, HtmlPage):
        return as_article(payload)
    with TimeLimit(timeout) as limit:  # finding an HTML page's text is part of the article's time
        limit.restart()
        return payload.to_article()


def extract_batch(extractor, payloads: list, batch_size: Optional[int] = None) -> list[Outcome]:
    """An outcome for each payload (`Article`, `HtmlPage`, str or dict), in order."""
    timeout = getattr(extractor, "timeout", None)
    outcomes: list[Optional[Outcome]] = [None] * len(payloads)
    articles, positions = [], []
    for i, payload in enumerate(payloads):
        try:
            articles.append(_to_article(payload, timeout))
            positions.append(i)
        except Exception as err:  # noqa: BLE001 - an unreadable page is this article's error
            outcomes[i] = (None, str(err) if isinstance(err, ValueError) else reason(err))
    done = 0
    try:
        for record in extractor.pipe(articles, batch_size=batch_size or max(1, len(articles))):
            outcomes[positions[done]] = (record, None)
            done += 1
    except Exception as err:  # noqa: BLE001 - redo the rest one by one to find the article at fault
        if isinstance(err, ArticleTimeout) and err.index is not None:
            outcomes[positions[err.index]] = (None, str(err))
        for i, article in zip(positions[done:], articles[done:]):
            if outcomes[i] is None:
                outcomes[i] = extract_one(extractor, article)
    return outcomes


def extract_one(extractor, article: Article) -> Outcome:
    try:
        return next(iter(extractor.pipe([article]))), None
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the run
        return None, reason(err)


def extract_task(spec: ExtractorSpec, payloads: list) -> list[Outcome]:
    """The unit of work sent to a worker (a process of the pool, or a Dask worker)."""
    extractor, lock = get_extractor(spec)
    with lock:
        return extract_batch(extractor, payloads)


# ------------------------------------------------------------------ worker processes

_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int, poll: float = 0.5) -> None:
    """Make this worker exit when `parent` dies: the kernel kills it (Linux prctl),
    and a watchdog thread checks the parent everywhere else."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass

    def watch():
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    if os.getppid() != parent:  # it died before prctl took effect
        os._exit(1)
    threading.Thread(target=watch, name="newsextract-parent-watch", daemon=True).start()


def _init_worker(spec: ExtractorSpec, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _die_with_parent(parent)
    get_extractor(spec)


class WorkerPool:
    """Batches of articles extracted by `workers` spawned processes that each load the
    pipeline once, or by a given executor (for example a Dask client's). Results
    come back per batch through `outcomes`, which survives a dead or stuck worker."""

    def __init__(self, spec: ExtractorSpec, workers: int, executor: Optional[Executor] = None, *,
                 stall_grace: float = STALL_GRACE):
        self.spec, self.workers = spec, max(1, workers)
        self.stall_grace = stall_grace
        self._own = executor is None
        self.executor = executor or self._start()

    def _start(self) -> Executor:
        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.spec, os.getpid()))

    def _processes(self) -> list:
        return list((getattr(self.executor, "_processes", None) or {}).values())

    def _restart(self, broken: Optional[Future] = None, *, kill: bool = False) -> None:
        """A new process pool, unless `broken` came from an older one (already replaced)."""
        if not self._own or (broken is not None and getattr(broken, "pool", None) is not self.executor):
            return
        processes = self._processes() if kill else []
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()
        self.executor = self._start()

    def submit(self, payloads: list) -> Future:
        try:
            future = self.executor.submit(extract_task, self.spec, payloads)
        except BrokenProcessPool:
            self._restart()
            future = self.executor.submit(extract_task, self.spec, payloads)
        future.pool = self.executor
        return future

    def _wait(self, future: Future, articles: int) -> list[Outcome]:
        """The future's result; a worker of our pool silent past its time limit is
        stopped (FutureTimeout)."""
        if not self._own or not self.spec.timeout:
            return future.result()
        try:
            return future.result(timeout=self.spec.timeout * articles + self.stall_grace)
        except FutureTimeout:
            self._restart(future, kill=True)
            raise

    def outcomes(self, future: Future, payloads: list) -> list[Outcome]:
        """The batch's outcomes. If its worker died, the batch is tried once more whole
        (the culprit may have been another batch), then one article at a time."""
        try:
            return self._wait(future, len(payloads))
        except BrokenProcessPool:
            self._restart(future)
            retry = self.submit(payloads)
            try:
                return self._wait(retry, len(payloads))
            except (BrokenProcessPool, FutureTimeout):
                self._restart(retry)
        except Exception:  # noqa: BLE001 - a stuck worker, a Dask worker lost: find the article at fault
            pass
        return self._one_by_one(payloads)

    def _one_by_one(self, payloads: list) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for payload in payloads:
            future = self.submit([payload])
            try:
                outcomes.extend(self._wait(future, 1))
            except BrokenProcessPool:
                self._restart(future)
                outcomes.append((None, WORKER_DIED))
            except FutureTimeout:
                outcomes.append((None, f"{ArticleTimeout(self.spec.timeout)}; the worker did not stop "
                                       "and was replaced"))
            except Exception as err:  # noqa: BLE001
                outcomes.append((None, f"the worker failed on this article: {reason(err)}"))
        return outcomes

    def close(self, *, cancel: bool = False) -> None:
        if not self._own:
            return
        if cancel:
            processes = self._processes()
            self.executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()  # drop the batches in progress: --resume redoes them
        self.executor.shutdown(wait=True)


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


def ordered(pool: WorkerPool, work: Iterable[list], window: int,
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


def parallel_records(articles: Iterable, spec: ExtractorSpec, n_process: int,
                     batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[ArticleRecord]:
    """Records in input order from `n_process` worker processes, each loading the
    pipeline once; raises on the first article that fails."""
    pool = WorkerPool(spec, n_process)
    finished = False
    try:
        for _, outcomes in ordered(pool, batches(articles, batch_size), 2 * n_process):
            for record, error in outcomes:
                if error:
                    raise RuntimeError(error)
                yield record
        finished = True
    finally:
        pool.close(cancel=not finished)
