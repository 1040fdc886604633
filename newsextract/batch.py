"""Running the extractor over many inputs: workers, ordering, the errors file,
progress on stderr. A failing article is reported and skipped; the run goes on."""
from __future__ import annotations

import json
import sys
import time
import traceback
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, TextIO

from .io.readers import Item
from .schema import Article, ArticleRecord

_WORKER = None


def _init_worker(model, max_chars):
    global _WORKER
    from .pipeline import Extractor

    _WORKER = Extractor(model, max_chars=max_chars)


def _extract_one(article: Article):
    try:
        return next(_WORKER.pipe([article])), None
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the run
        return None, f"{type(err).__name__}: {err}"


def parallel_records(articles, *, model, n_process, batch_size=32, max_chars=200_000) -> Iterator[ArticleRecord]:
    """Records in input order from `n_process` worker processes, each loading the pipeline once."""
    from .pipeline import as_article

    for record, error in _parallel(map(as_article, articles), model, n_process, batch_size, max_chars):
        if error:
            raise RuntimeError(error)
        yield record


def _parallel(articles, model, n_process, batch_size, max_chars):
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(model, max_chars)) as pool:
        yield from pool.imap(_extract_one, articles, chunksize=max(1, batch_size // 4))


@dataclass
class RunStats:
    read: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    started: float = field(default_factory=time.monotonic)


class Progress:
    """A one-line progress counter on stderr (only when it is a terminal)."""

    def __init__(self, stream: TextIO = sys.stderr, enabled: Optional[bool] = None):
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self._last = 0.0

    def update(self, stats: RunStats, final: bool = False):
        now = time.monotonic()
        if not self.enabled or (not final and now - self._last < 0.5):
            return
        self._last = now
        rate = stats.written / max(1e-9, now - stats.started)
        self.stream.write(f"\r{stats.written} articles, {stats.failed} errors, {rate:.1f} articles/s")
        if final:
            self.stream.write("\n")
        self.stream.flush()


class ErrorLog:
    """The errors output: one JSON line per input that could not be processed."""

    def __init__(self, path: Optional[str]):
        self.path = path
        self._fh = open(path, "a", encoding="utf-8") if path else None

    def report(self, where: str, reason: str, article_id: Optional[str] = None):
        entry = {"source": where, "id": article_id, "error": reason}
        if self._fh:
            self._fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._fh.flush()
        print(f"newsextract: skipped {where}" + (f" (id {article_id})" if article_id else "") + f": {reason}",
              file=sys.stderr)

    def close(self):
        if self._fh:
            self._fh.close()


def run(items: Iterable[Item], extractor, sink, *, errors: ErrorLog, workers: int = 1,
        progress: Optional[Progress] = None, skip_ids: frozenset = frozenset()) -> RunStats:
    """Extract every readable item into `sink`; report every unreadable or failing one."""
    stats = RunStats()
    progress = progress or Progress(enabled=False)
    pending: list[Item] = []

    def good_items():
        for item in items:
            stats.read += 1
            if item.error:
                stats.failed += 1
                errors.report(item.where, item.error)
                continue
            if item.article.id in skip_ids:
                stats.skipped += 1
                continue
            pending.append(item)
            yield item.article

    if workers > 1:
        results = _parallel(good_items(), extractor.model_name, workers, 32, extractor.max_chars)
    else:
        results = (_safe_extract(extractor, art) for art in good_items())
    for record, error in results:
        item = pending.pop(0)
        if error:
            stats.failed += 1
            errors.report(item.where, error, item.article.id)
        else:
            sink.write(record)
            stats.written += 1
        progress.update(stats)
    progress.update(stats, final=True)
    return stats


def _safe_extract(extractor, article: Article):
    try:
        return next(extractor.pipe([article])), None
    except Exception as err:  # noqa: BLE001
        tb = traceback.extract_tb(err.__traceback__)[-1]
        return None, f"{type(err).__name__}: {err} (at {tb.filename.rsplit('/', 1)[-1]}:{tb.lineno})"
