"""The translation call budget at real size: time and peak memory of ``summarize batch``
translating whole articles with NLLB-600M's shape, against ``SUMMARIZE_BATCH_TOKENS``.

    python -m scripts.bench_neural realsize-budget [--budgets 16384,8192,4096] [--docs 4]

The model is built as ``realsize`` builds it (random weights, int8, translations decoding
as many tokens as their longest source sentence). Each measurement is a fresh interpreter
that loads the model with the budget, translates the articles once and reports its seconds
and its own peak RSS (``VmHWM``); budgets are interleaved, the order reversed every other
repetition. A markdown table goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.bench_neural import models


def child(root: Path, data: Path, budget: int, docs: int) -> None:
    """One measurement: load with ``budget``, translate ``docs`` articles, print JSON."""
    from scripts.bench_neural import realsize_work as work
    from scripts.bench_neural import runs
    from scripts.bench_neural.procs import _peak_rss_kib

    work.fixed_length()
    real = work.SHAPES["nllb-600m"]
    neural = work.realistic(runs.load(work.bench_model(real, root), "int8", budget), real)
    articles = work.batch_docs(data, docs)
    start = time.perf_counter()
    work.batch(neural, real.task, articles)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rss_mib": _peak_rss_kib() / 1024}))


def main(argv: list[str] | None = None) -> None:
    """Build the shape once, then measure every budget in its own interpreter."""
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_neural realsize-budget")
    parser.add_argument("--budgets", default="16384,8192,4096")
    parser.add_argument("--docs", type=int, default=4)
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--data", type=Path, default=models.DATA)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.root, args.data, args.child, args.docs)
        return
    from scripts.bench_neural import realsize_work as work

    budgets = [int(b) for b in args.budgets.split(",")]
    results: dict[int, list[dict[str, float]]] = {b: [] for b in budgets}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench_budget_") as tmp:
        root = Path(tmp)
        work.build(work.SHAPES["nllb-600m"], root, args.data)
        for rep in range(args.reps):
            for budget in budgets if rep % 2 == 0 else list(reversed(budgets)):
                cmd = [sys.executable, "-m", "scripts.bench_neural", "realsize-budget"]
                cmd += ["--child", str(budget), "--root", str(root), "--data", str(args.data)]
                cmd += ["--docs", str(args.docs)]
                done = subprocess.run(
                    cmd, cwd=models.ROOT, capture_output=True, text=True, check=True
                )
                results[budget].append(json.loads(done.stdout.strip().splitlines()[-1]))
                print(f"budget {budget}: {results[budget][-1]}", file=sys.stderr)
    base = statistics.median(r["seconds"] for r in results[budgets[0]])
    print(f"NLLB-600M shape, int8, {args.docs} articles translated by `summarize batch`:\n")
    print("| SUMMARIZE_BATCH_TOKENS | s (min / median) | time / first | peak RSS MiB |")
    print("| ---: | ---: | ---: | ---: |")
    for budget in budgets:
        times = [r["seconds"] for r in results[budget]]
        rss = max(r["rss_mib"] for r in results[budget])
        median = statistics.median(times)
        print(f"| {budget} | {min(times):.1f} / {median:.1f} | {median / base:.2f} | {rss:.0f} |")
    print(f"\nLoad average: {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after.")
