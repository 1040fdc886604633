"""The per-article time limit.

Some inputs make parts of the pipeline that are not ours slow (the spaCy
tokenizer is quadratic on long runs of emoji or quotation marks); the limit
bounds them. It is a real-time timer (SIGALRM) whose handler raises
`ArticleTimeout` in the code that is running, so it also stops native code that
checks for signals (the regex engine the tokenizer calls does). Signals reach
only the main thread: elsewhere (a Dask worker's task thread) the limit is not
enforced, and `TimeLimit.active` says so.
"""
from __future__ import annotations

import signal
import threading
from typing import Optional

DEFAULT_TIMEOUT = 60.0
REPEAT = 1.0


class ArticleTimeout(Exception):
    """An article took longer than the time limit. `index` is its position in the
    articles given, when known (None: one of the articles being processed)."""

    def __init__(self, seconds: float, index: Optional[int] = None):
        super().__init__(f"the article took longer than the time limit of {seconds:g} s (--timeout)")
        self.seconds = seconds
        self.index = index


def usable() -> bool:
    """Whether a time limit can be enforced here (the main thread, on a system with SIGALRM)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class TimeLimit:
    """A restartable time limit: `restart()` gives the work that follows `seconds`,
    `pause()` stops the clock. Used as a context manager, which installs and then
    restores the SIGALRM handler. `seconds` None or 0: no limit."""

    def __init__(self, seconds: Optional[float]):
        self.seconds = seconds or None
        self.active = self.seconds is not None and usable()
        self._previous = None
        self._armed = False

    def _expired(self, signum, frame):
        if self._armed:
            raise ArticleTimeout(self.seconds)

    def restart(self) -> None:
        """The clock starts again; once the time is up, ArticleTimeout is raised, and
        again every `REPEAT` seconds until paused (in case code catches it)."""
        if self.active:
            self._armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds, REPEAT)

    def pause(self) -> None:
        if self.active:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)

    def __enter__(self) -> "TimeLimit":
        if self.active:
            self._previous = signal.signal(signal.SIGALRM, self._expired)
        return self

    def __exit__(self, *exc) -> None:
        if self.active:
            self.pause()
            signal.signal(signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL)
