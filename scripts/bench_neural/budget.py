"""Token budget per batched decoding call: time and peak memory against the budget.

The tool gives each ``translate_batch`` call ``BATCH_TOKENS`` padded source tokens × beam
(``summarize/engines/neural/model.py``). This measures what that budget buys against smaller ones
and against one call per article, on the mT5-small-sized random model of
``engines.py`` (same builder, same article-like inputs from the dev set, read at run
time): each run is a fresh child process that loads the int8 model, decodes every document
once untimed (warm-up), then once timed, and reports its own peak RSS (``VmHWM``). Budgets
are given as source tokens × beam, so ``--budgets 8192`` at beam 4 means 2048 source tokens
per call (the tool's budget before this benchmark). Runs are interleaved, the order
reversed on every other repetition; a ratio is the median of per-repetition ratios.

    python -m scripts.bench_neural budget                 # markdown table on stdout
    python -m scripts.bench_neural budget --docs 32 --reps 3 --beams 1,4
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scripts.bench_neural import models, runs
from scripts.bench_neural.procs import run_worker
from summarize.engines.neural.model import BATCH_TOKENS


def _hwm_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker(spec: dict[str, Any]) -> dict[str, float]:
    """In a child: load the model, decode the documents (warm-up, then timed), report."""
    home = Path(spec["home"])
    model = models.BenchModel("small-mt5", "summarize", Path(spec["hf"]), home, spec["names"])
    neural = runs.load(model, "int8")
    docs = [runs.document(text) for text in spec["texts"]]
    work = runs.Workload(docs)
    beam = int(spec["beam"])
    if spec["budget"] == "loop":
        run = lambda: runs.tool_loop(neural, "summarize", work, beam)  # noqa: E731
    else:
        neural.batch_tokens = int(spec["budget"])
        run = lambda: runs.tool_batch(neural, "summarize", work, beam)  # noqa: E731
    run()
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    neural.close()
    return {"seconds": seconds, "peak_mib": _hwm_mib()}


def _median_ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def _child(spec: dict[str, Any], root: Path) -> dict[str, float]:
    path = root / "spec.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return run_worker(path, "budget")


def main(argv: list[str] | None = None) -> None:
    """Build the model, run every (beam, budget) in children, print a markdown table."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench_neural budget", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=models.DATA)
    parser.add_argument("--docs", type=int, default=18)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--beams", default="4")
    parser.add_argument("--budgets", default=f"8192,{BATCH_TOKENS},32768")
    parser.add_argument("--no-loop", action="store_true", help="skip one call per article")
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(json.loads(Path(args.worker).read_text(encoding="utf-8")))))
        return
    if not args.data.is_file():
        sys.exit(f"no dev set at {args.data} (read at run time, never copied into the repo)")
    budgets: list[str] = [b for b in args.budgets.split(",") if b]
    if not args.no_loop:
        budgets.append("loop")
    with tempfile.TemporaryDirectory(prefix="bench_budget_") as tmp:
        root = Path(tmp)
        model = next(
            m for m in models.build_small(root, root / "home", args.data) if m.key == "small-mt5"
        )
        neural = runs.load(model, "int8")
        texts = [d.text for d in runs.make_docs(neural, "summarize", args.docs, args.data)]
        source_tokens = sum(
            len(u.source)
            for u in runs.workload(neural, "summarize", [runs.document(t) for t in texts]).units
        )
        neural.close()
        base = {"home": str(model.home), "hf": str(model.hf), "names": model.names, "texts": texts}
        print(
            "| beam | budget (source tokens × beam) | source tokens per call | seconds "
            "(median) | min (s) | docs/s | loop/this | peak RSS (MiB) |"
        )
        print("|---:|---|---:|---:|---:|---:|---:|---:|")
        load_before = os.getloadavg()
        for beam in (int(b) for b in args.beams.split(",")):
            times: dict[str, list[float]] = {b: [] for b in budgets}
            peaks: dict[str, float] = dict.fromkeys(budgets, 0.0)
            for rep in range(args.reps):
                for budget in budgets if rep % 2 == 0 else list(reversed(budgets)):
                    result = _child({**base, "beam": beam, "budget": budget}, root)
                    times[budget].append(result["seconds"])
                    peaks[budget] = max(peaks[budget], result["peak_mib"])
                    print(f"beam {beam} {budget}: {result}", file=sys.stderr)
            for budget in budgets:
                median = statistics.median(times[budget])
                per_call = "one article" if budget == "loop" else str(int(budget) // beam)
                loop = (
                    f"{_median_ratio(times['loop'], times[budget]):.2f}" if "loop" in times else "–"
                )
                print(
                    f"| {beam} | {budget} | {per_call} | {median:.2f} | {min(times[budget]):.2f} "
                    f"| {args.docs / median:.2f} "
                    f"| {loop} | {peaks[budget]:.0f} |"
                )
        print(f"\n{args.docs} documents, {source_tokens} source tokens, {args.reps} repetitions.")
        loads = " → ".join(f"{x[0]:.2f}" for x in (load_before, os.getloadavg()))
        print(f"{os.cpu_count()} cores; 1-minute load average {loads} (start → end).")
