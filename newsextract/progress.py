"""Progress of a batch run on stderr, drawn by tqdm.

On a terminal: a bar with the inputs done, their total when it is known (the
lines of JSONL/CSV files, counted in the background while the run starts, plus
one per text or HTML file), the rate, the time left, and the errors so far; a
"loading model" phase comes first. Elsewhere (a log file, a pipe), when forced
with --progress: the same figures as a plain line every `PLAIN_INTERVAL` seconds.
Messages (skipped inputs) are printed above the bar.
"""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Iterable, Optional, TextIO

from tqdm import tqdm

from .io.readers import Item, decompressed, files_under, format_of

PLAIN_INTERVAL = 10.0
LINE_FORMATS = ("jsonl", "csv", "tsv")   # one input per line (a CSV record may span more)
ONE_PER_FILE = ("text", "html")


def _lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as raw, decompressed(raw) as data:
        for chunk in iter(lambda: data.read(1 << 20), b""):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def input_total(paths: Iterable[str]) -> Optional[int]:
    """How many inputs `paths` hold (lines of line-based files, one per text or HTML
    file); None when any of them cannot be sized (stdin, JSON arrays, WARC)."""
    total = 0
    for p in paths:
        path = Path(p)
        files = list(files_under(path)) if p != "-" and path.is_dir() else [path]
        for f in files:
            kind = format_of(f.name) if p != "-" else None
            if kind in ONE_PER_FILE:
                total += 1
            elif kind in LINE_FORMATS and f.is_file():
                try:
                    total += _lines(f)
                except (OSError, EOFError, ValueError):
                    return None
            else:
                return None
    return total


class Progress:
    """The progress display of one run (see the module doc). `enabled` None: on a
    terminal only; True: also elsewhere, as plain lines."""

    def __init__(self, stream: Optional[TextIO] = None, enabled: Optional[bool] = None):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.enabled = self.tty if enabled is None else enabled
        self._bar: Optional[tqdm] = None
        self._total: Optional[int] = None
        self._done = 0
        self._lines: dict[str, int] = {}
        self._started = time.monotonic()
        self._last_plain = self._started
        self._phase = "loading model"
        self.counting: Optional[threading.Thread] = None

    # -- phases -----------------------------------------------------------
    def loading(self, model: str) -> None:
        """The model is being loaded (before any article)."""
        self._phase = f"loading model {model}"
        self._show()

    def count_inputs(self, paths: list[str]) -> None:
        """Find the total in the background; it appears once known."""
        if not self.enabled:
            return

        def count():
            self._total = input_total(paths)

        self.counting = threading.Thread(target=count, name="newsextract-count-inputs", daemon=True)
        self.counting.start()

    # -- the run ----------------------------------------------------------
    def advance(self, item: Item) -> None:
        """One more input read: a line-based input moves by its line number, so the
        blank lines skipped before it count too."""
        if item.line is not None and format_of(item.source) in LINE_FORMATS:
            previous = self._lines.get(item.source, 0)
            self._done += max(1, item.line - previous)
            self._lines[item.source] = item.line
        else:
            self._done += 1

    def update(self, stats, final: bool = False) -> None:
        if not self.enabled:
            return
        if stats.written or stats.failed or final:
            self._phase = "extracting"
        if final and self._total is not None:
            self._done = max(self._done, self._total) if stats.interrupted is None else self._done
        figures = {"written": f"{stats.written:,}", "errors": f"{stats.failed:,}"}
        if stats.skipped:
            figures["already done"] = f"{stats.skipped:,}"
        self._show(figures, final)

    def _show(self, figures: Optional[dict] = None, final: bool = False) -> None:
        if not self.enabled:
            return
        if not self.tty:
            self._plain(figures or {}, final)
            return
        if self._bar is None:
            self._bar = tqdm(total=self._total, desc=self._phase, unit=" inputs", file=self.stream,
                             dynamic_ncols=True, mininterval=0.5, smoothing=0.1, leave=True)
        bar = self._bar
        if bar.total != self._total:
            bar.total = self._total
        bar.set_description_str(self._phase, refresh=False)
        if figures is not None:
            bar.set_postfix(figures, refresh=False)
        bar.update(self._done - bar.n)
        if final:
            bar.refresh()
            bar.close()
            self._bar = None

    def _plain(self, figures: dict, final: bool) -> None:
        now = time.monotonic()
        if not final and now - self._last_plain < PLAIN_INTERVAL:
            return
        self._last_plain = now
        elapsed = now - self._started
        meter = tqdm.format_meter(self._done, self._total, elapsed, unit=" inputs", ncols=0,
                                  rate=self._done / elapsed if elapsed > 0 else None)
        extra = ", ".join(f"{k} {v}" for k, v in figures.items())
        self.stream.write(f"newsextract: {self._phase}: {meter}" + (f", {extra}" if extra else "") + "\n")
        self.stream.flush()

    def print(self, message: str) -> None:
        """A message on its own line, above the bar."""
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            self.stream.write(message + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
