"""Benchmark of the cross-article clusterer on generated event records.

    python bench/cluster_bench.py [--sizes 10000,25000,50000,100000]

Generates synthetic events (a few hundred real-world occurrences a month, each
reported by 1-40 outlets with their own figures and dates a day apart, plus
undated running totals), clusters them, and prints time, peak memory and pairs
scored per size, so the cost curve can be read off. No article text involved.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsextract.clustering import ClusterEvent, cluster_events  # noqa: E402

TYPES = ["PRISONER_EXCHANGE", "ATTACK", "MEETING", "AGREEMENT", "PROTEST", "ARREST", "DISASTER", "AID"]
COUNTRIES = [f"c:{a}{b}" for a in "ABCDEFGHIJ" for b in "KLMNOPQRST"]  # 100 made-up country keys


def generate(n_events: int, seed: int = 7) -> list[ClusterEvent]:
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    events, article = [], 0
    while len(events) < n_events:
        etype = rng.choice(TYPES)
        day = start + dt.timedelta(days=rng.randrange(3650))
        sides = frozenset(rng.sample(COUNTRIES, 2))
        base = rng.randrange(5, 500)
        for _ in range(rng.choice([1, 1, 2, 3, 5, 8, 15, 40])):
            article += 1
            when = day + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
            precision = rng.random()
            date = when.isoformat() if precision < 0.8 else (when.isoformat()[:7] if precision < 0.95 else None)
            value = base + rng.choice([0, 0, rng.randrange(0, 50)])
            events.append(ClusterEvent(article_id=f"art{article:07d}", index=0, type=etype, date=date,
                                       participants=sides, counts=((float(value), "OTHER", None),),
                                       published=(when + dt.timedelta(days=1)).isoformat()))
            if len(events) >= n_events:
                break
    return events


def run(n: int) -> dict:
    events = generate(n)
    tracemalloc.start()
    t0 = time.perf_counter()
    stats = {}
    assignment = cluster_events(events, stats=stats)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"events": n, "seconds": elapsed, "us_per_event": 1e6 * elapsed / n,
            "peak_mb": peak / 2**20, "pairs": stats["pairs_scored"], "clusters": len(set(assignment.values()))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,25000,50000,100000")
    args = ap.parse_args(argv)
    print("| events | seconds | µs/event | pairs scored | clusters | peak traced MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in map(int, args.sizes.split(",")):
        r = run(n)
        print(f"| {r['events']:,} | {r['seconds']:.2f} | {r['us_per_event']:.0f} | {r['pairs']:,} | "
              f"{r['clusters']:,} | {r['peak_mb']:.0f} |", flush=True)
    print(f"\nprocess max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
