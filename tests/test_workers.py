"""Worker processes: a worker stuck past the time limit is replaced and its article
reported; workers do not outlive the process that started them.

The workers here build a `QuickExtractor` (no model to load), so the tests time
the pool, not spaCy."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsextract.io.readers import HtmlPage
from newsextract.record import text_hash
from newsextract.schema import Article, ArticleRecord
from newsextract.workers import ExtractorSpec, WorkerPool, ordered

TESTS = Path(__file__).resolve().parent


class QuickExtractor:
    """Records without NLP, built the way a worker builds an `Extractor`."""

    def __init__(self, model=None, *, max_chars=200_000, timeout=None):
        self.timeout = timeout

    def pipe(self, articles, batch_size=32, n_process=1):
        for art in articles:
            yield ArticleRecord(id=art.id, text=art.text, text_hash=text_hash(art.text))


class StuckPage(HtmlPage):
    """A page whose reading hangs where no signal reaches (native code that does
    not check for them): only stopping the worker ends it."""

    def to_article(self):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)


def test_a_worker_stuck_past_the_limit_is_replaced_and_the_rest_extracted():
    spec = ExtractorSpec(QuickExtractor, timeout=1.0)
    pool = WorkerPool(spec, 2, stall_grace=3.0)
    batches = [[Article(id="a", text="One."), StuckPage(b"", "stuck"), Article(id="c", text="Three.")],
               [Article(id="d", text="Four.")]]
    started = time.monotonic()
    try:
        got = [outcomes for _, outcomes in ordered(pool, batches, 2)]
    finally:
        pool.close()
    assert [[(r.id if r else None) for r, _ in outcomes] for outcomes in got] == [["a", None, "c"], ["d"]]
    assert "time limit of 1 s" in got[0][1][1] and "replaced" in got[0][1][1]
    assert time.monotonic() - started < 60


POOL_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from test_workers import QuickExtractor, StuckPage
    from newsextract.workers import ExtractorSpec, WorkerPool

    pool = WorkerPool(ExtractorSpec(QuickExtractor), 2)
    futures = [pool.submit([StuckPage(b"", f"stuck-{i}")]) for i in range(2)]
    while len(pool._processes()) < 2:
        time.sleep(0.1)
    time.sleep(1)                          # both are working on their page
    print(" ".join(str(p.pid) for p in pool._processes()), flush=True)
    time.sleep(600)
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_exit_when_their_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", POOL_SCRIPT, str(TESTS)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    workers: list[int] = []
    try:
        line = parent.stdout.readline()
        assert line.strip(), parent.stderr.read()
        workers = [int(pid) for pid in line.split()]
        assert all(_alive(pid) for pid in workers)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived their parent"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
