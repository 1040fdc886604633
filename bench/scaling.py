"""How extraction time grows with the length of one article, stage by stage.

Builds articles of 1 KB .. 1 MB from the paragraphs in examples/ (each paragraph
made unique, so the cleaner's repeated-paragraph rule does not blank them), runs
one article at a time through every stage, and prints milliseconds per KB for
each stage and size. A stage whose ms/KB stays flat as the size grows is linear;
one whose ms/KB grows with the size is not.

    python bench/scaling.py                      # news-like text, 1 KB .. 1 MB
    python bench/scaling.py --kinds news,one_line,no_spaces --sizes 1,16,256
    python bench/scaling.py --json > scaling.json

Kinds: `news` (paragraphs), `one_line` (the same text on one line), `no_spaces`
(the text with every space removed: a page that is one huge token per paragraph),
`chrome_heavy` (an advertisement line and a captioned photo after every paragraph:
many cleaner regions), `table` (a page of figures: one line per district, no
sentence ends).

`--check` exits with status 1 when a stage's ms/KB at the largest size is more
than 3 times its ms/KB at the smallest size of 16 KB or more (worse than linear).
The size limit (`--max-chars`, default 2,000,000 here so that nothing is cut) is
what bounds an article in production: 200,000 characters by default.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def example_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((ROOT / "examples").iterdir()):
        if path.suffix == ".json":
            data = json.loads(path.read_text("utf-8"))
            texts = [row["text"] for row in (data if isinstance(data, list) else [data])]
        elif path.suffix == ".txt":
            texts = [path.read_text("utf-8")]
        else:
            continue
        for text in texts:
            paragraphs += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]
    return paragraphs


def build_article(kind: str, size: int, paragraphs: list[str]) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        paragraph = f"{paragraphs[i % len(paragraphs)]} (Update {i}.)"
        if kind == "table":
            paragraph = (f"District {i}: {i * 37 % 5000:,} displaced, {i % 90} killed, {i % 7 + 1}.{i % 10}m "
                         f"dollars pledged, {i % 100}% of homes damaged")
        if kind == "chrome_heavy":
            paragraph += f"\n\nAdvertisement\n\nA convoy passes in this handout photo {i} [Reuters]"
        parts.append(paragraph)
        total += len(paragraph) + 2
        i += 1
    text = "\n\n".join(parts)[:size]
    if kind == "one_line":
        text = text.replace("\n", " ")
    elif kind == "no_spaces":
        text = text.replace(" ", "")
    return text


def time_stages(extractor, text: str) -> dict[str, float]:
    """Seconds spent in each stage for one article."""
    from newsextract.cleaning import clean
    from newsextract.record import build_record, prepare_doc
    from newsextract.schema import Article

    timings = {}
    started = time.perf_counter()
    clean(text)
    timings["clean"] = time.perf_counter() - started

    started = time.perf_counter()
    doc, state = prepare_doc(extractor.nlp, Article(text=text), max_chars=extractor.max_chars)
    timings["prepare+tokenize"] = time.perf_counter() - started  # includes a second clean()
    for name, component in extractor.nlp.pipeline:
        started = time.perf_counter()
        doc = component(doc)
        timings[name] = time.perf_counter() - started
    started = time.perf_counter()
    record = build_record(doc, state)
    record.model_dump_json()
    timings["record+json"] = time.perf_counter() - started
    timings["total"] = sum(timings.values())
    return timings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16,64,256,1024", help="sizes in KB (default 1,4,16,64,256,1024)")
    parser.add_argument("--kinds", default="news", help="news, one_line, no_spaces, chrome_heavy, table (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size below 64 KB; the median is kept")
    parser.add_argument("--max-chars", type=int, default=2_000_000)
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 if a stage grows worse than linearly")
    args = parser.parse_args(argv)

    from newsextract import Extractor

    extractor = Extractor(max_chars=args.max_chars)
    paragraphs = example_paragraphs()
    extractor.extract(build_article("news", 2000, paragraphs))  # warm caches (dateparser, lexemes)
    results = []
    for kind in args.kinds.split(","):
        for kb in (int(s) for s in args.sizes.split(",")):
            text = build_article(kind, kb * 1024, paragraphs)
            runs = [time_stages(extractor, text) for _ in range(args.repeat if kb < 64 else 1)]
            stages = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            results.append({"kind": kind, "kb": kb, "chars": len(text),
                            "ms_per_kb": {k: round(v * 1000 / kb, 3) for k, v in stages.items()},
                            "seconds": round(stages["total"], 3)})
            if not args.json:
                print(f"{kind:>9} {kb:>5} KB {stages['total']:8.2f} s  " + "  ".join(
                    f"{k}={v * 1000 / kb:.2f}" for k, v in stages.items() if k != "total")
                    + f"  total={stages['total'] * 1000 / kb:.2f} ms/KB", flush=True)
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        print()
    worse = superlinear_stages(results)
    for line in worse:
        print(f"worse than linear: {line}", file=sys.stderr)
    return 1 if args.check and worse else 0


def superlinear_stages(results: list[dict], factor: float = 3.0, floor_ms_per_kb: float = 2.0) -> list[str]:
    """Stages whose ms/KB at the largest size exceeds `factor` times the ms/KB at the
    smallest size >= 16 KB (smaller sizes are dominated by fixed costs)."""
    worse = []
    for kind in dict.fromkeys(r["kind"] for r in results):
        runs = sorted((r for r in results if r["kind"] == kind and r["kb"] >= 16), key=lambda r: r["kb"])
        if len(runs) < 2:
            continue
        small, large = runs[0], runs[-1]
        for stage, per_kb in large["ms_per_kb"].items():
            base = max(small["ms_per_kb"].get(stage, 0.0), floor_ms_per_kb / factor)
            if stage != "total" and per_kb > factor * base and per_kb > floor_ms_per_kb:
                worse.append(f"{kind} {stage}: {small['ms_per_kb'][stage]:.2f} ms/KB at {small['kb']} KB, "
                             f"{per_kb:.2f} ms/KB at {large['kb']} KB")
    return worse


if __name__ == "__main__":
    sys.exit(main())
