"""Cost per article of the extractive engine's word-budget selection: knapsack against greedy.

For the first ``--articles`` rows of a JSONL set (``text``, ``references``, optional
``title``), cleaned and split once as ``compare_extractive.py`` does, it times
``ExtractiveEngine.summarize`` under ``--max-words N`` (N = the reference's length) with the
knapsack over the 40 best-scored sentences (``selection="knapsack"``), with greedy MMR (the
shipped selection) and with the uncapped knapsack. The
three are interleaved in every repetition; it prints milliseconds per article (min and
median over ``--reps``), the ratio to greedy, and the load average.

    python scripts/bench_knapsack.py --data /tmp/multi.jsonl --articles 300 --reps 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from compare_extractive import document, load
from extractive_lengths import selection

from summarize.engines.base import Document, Length
from summarize.engines.extractive.engine import ExtractiveEngine

SYSTEMS = ("knapsack", "greedy", "uncapped")


def once(engine: ExtractiveEngine, docs: list[tuple[Document, int]]) -> float:
    """Seconds to summarise every document at its budget."""
    start = time.perf_counter()
    for doc, budget in docs:
        "".join(engine.summarize(doc, Length(max_words=budget), doc.lang))
    return time.perf_counter() - start


def timed(system: str, docs: list[tuple[Document, int]]) -> float:
    if system == "greedy":
        return once(ExtractiveEngine(selection="greedy"), docs)
    engine = ExtractiveEngine(selection="knapsack")
    if system == "knapsack":
        return once(engine, docs)
    with selection(system):
        return once(engine, docs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="JSONL set")
    parser.add_argument("--articles", type=int, default=300, help="first rows timed")
    parser.add_argument("--reps", type=int, default=5, help="repetitions")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    articles = load(args.data)[: args.articles]
    docs = [(document(a), a.budget) for a in articles]
    times: dict[str, list[float]] = {s: [] for s in SYSTEMS}
    load_before = os.getloadavg()
    for _ in range(args.reps):
        for system in SYSTEMS:
            times[system].append(1000 * timed(system, docs) / len(docs))
    load_after = os.getloadavg()
    base = statistics.median(times["greedy"])
    print(f"{args.data.name}: {len(docs)} articles, {args.reps} reps, ms per article")
    print("| selection | min | median | median / greedy |")
    print("| --- | ---: | ---: | ---: |")
    for system, values in times.items():
        median = statistics.median(values)
        print(f"| {system} | {min(values):.2f} | {median:.2f} | {median / base:.2f} |")
    print(f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print(f"\npython scripts/bench_knapsack.py {' '.join(sys.argv[1:])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
