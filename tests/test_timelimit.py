"""The per-article time limit: the timer itself, the extractor that uses it, and a
batch in which one article runs over it while the others are extracted."""
from __future__ import annotations

import signal
import time

import pytest

from newsextract.timelimit import ArticleTimeout, TimeLimit
from newsextract.workers import extract_batch

# The spaCy tokenizer is quadratic on a run of emoji (8,000 take about 20 s): long
# enough that only the limit ends it.
EMOJI_RUN = "Residents posted " + "\U0001F600" * 40_000 + " online."
QUOTE_RUN = "He said " + '"' * 40_000 + " nothing."
GOOD = "Officials in Nairobi said on Monday that 12 people were injured when a bus overturned."


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_the_limit_stops_work_that_runs_over_it():
    started = time.monotonic()
    with TimeLimit(0.2) as limit:
        limit.restart()
        with pytest.raises(ArticleTimeout, match="time limit of 0.2 s"):
            busy(5)
    assert time.monotonic() - started < 2


def test_paused_and_restarted_work_within_the_limit_is_not_stopped():
    with TimeLimit(0.3) as limit:
        for _ in range(4):                 # 4 x 0.2 s of work, each under the limit
            limit.restart()
            busy(0.2)
            limit.pause()
            busy(0.4)                      # the caller's time is not counted


def test_the_handler_before_is_restored_and_no_limit_means_none():
    before = signal.getsignal(signal.SIGALRM)
    with TimeLimit(1):
        pass
    assert signal.getsignal(signal.SIGALRM) == before
    with TimeLimit(None) as limit:
        limit.restart()
        busy(0.1)
    assert not TimeLimit(None).active and not TimeLimit(0).active


def test_code_that_swallows_the_timeout_is_stopped_again():
    with TimeLimit(0.2) as limit:
        limit.restart()
        with pytest.raises(ArticleTimeout):
            try:
                busy(5)
            except ArticleTimeout:
                busy(5)                    # a component's `except Exception: pass`


@pytest.fixture
def quick(extractor, monkeypatch):
    """The session extractor with a 2-second limit."""
    monkeypatch.setattr(extractor, "timeout", 2.0)
    return extractor


@pytest.mark.parametrize("slow_text", [EMOJI_RUN, QUOTE_RUN], ids=["emoji", "quotation marks"])
def test_the_tokenizers_slow_paths_are_bounded(quick, slow_text):
    started = time.monotonic()
    with pytest.raises(ArticleTimeout) as caught:
        list(quick.pipe([GOOD, slow_text, GOOD]))
    assert caught.value.index == 1          # known: it was being read when time ran out
    assert time.monotonic() - started < 10


def test_a_batch_keeps_every_article_but_the_one_over_the_limit(quick):
    payloads = [GOOD, EMOJI_RUN, GOOD + " Again.", QUOTE_RUN, GOOD + " Once more."]
    started = time.monotonic()
    outcomes = extract_batch(quick, payloads)
    assert [record is not None for record, _ in outcomes] == [True, False, True, False, True]
    assert "time limit of 2 s" in outcomes[1][1] and "time limit of 2 s" in outcomes[3][1]
    assert time.monotonic() - started < 20
    # the pipeline is unharmed: the same article gives the same record as before
    assert outcomes[0][0] == next(quick.pipe([GOOD]))
