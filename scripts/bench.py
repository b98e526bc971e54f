"""Benchmarks of `summarize`, each measured side by side with its baseline in one run.

    python scripts/bench.py startup [--runs 20]

``startup`` times whole processes: ``summarize --help`` and a full extractive run on the
bundled sample, against the bare interpreter (``python -c pass``) as the floor. Other
benchmarks live in their own scripts (compare_extractive.py, bench_batch.py, bench_neural/)
and are listed in docs/benchmarks.md with the commands that reproduce them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "article.txt"


def _time(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median and min wall time (s) of ``runs`` runs of ``cmd`` (after one warm-up)."""
    subprocess.run(cmd, capture_output=True, check=True)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def startup(runs: int) -> None:
    """Whole-process wall time of the CLI against the bare interpreter."""
    py = sys.executable
    cases = {
        "python -c pass (floor)": [py, "-c", "pass"],
        "summarize --help": [py, "-m", "summarize", "--help"],
        "summarize examples/article.txt": [py, "-m", "summarize", str(SAMPLE)],
        "summarize examples/article.txt -f json": [
            py,
            "-m",
            "summarize",
            str(SAMPLE),
            "-f",
            "json",
        ],
    }
    rows = [(name, *_time(cmd, runs)) for name, cmd in cases.items()]
    floor = rows[0][1]
    print("| command | median (ms) | min (ms) | × floor |\n|---|---|---|---|")
    for name, median, best in rows:
        print(f"| `{name}` | {median * 1000:.0f} | {best * 1000:.0f} | {median / floor:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="bench", required=True)
    p = sub.add_parser("startup", help="whole-process wall time of the CLI")
    p.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if args.bench == "startup":
        startup(args.runs)


if __name__ == "__main__":
    main()
