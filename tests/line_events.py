"""An operation counter for tests of how work grows: the Python lines a call runs in
some files of the package (a count, not a clock, so the tests hold on any machine)."""
from __future__ import annotations

import sys


def line_events(roots: tuple[str, ...], fn, *args) -> int:
    """Lines run, while `fn(*args)` runs, in the files whose paths start with one of `roots`."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(roots):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    return count
