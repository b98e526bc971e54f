"""Time the cleaner on the sample article repeated N times: this tree against an older commit.

    python scripts/bench_clean.py [--base COMMIT] [--reps 3] [--copies 100 800]

The base commit's ``summarize/`` is exported with ``git archive`` to a temporary folder and
both cleaners run in fresh subprocesses, alternating, on the same input. Prints min and
median seconds of each, the ratio, and the machine load (``os.getloadavg``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "article.txt"
_CHILD = (
    "import sys, time; from summarize.text.clean import clean_article; "
    "raw = open(sys.argv[1], encoding='utf-8').read(); t = time.perf_counter(); "
    "clean_article(raw); print(time.perf_counter() - t)"
)


def _time(pythonpath: Path, path: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        env=env,
        cwd=pythonpath,  # python -c puts the working directory first on sys.path
        check=True,
        capture_output=True,
    )
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="9b061d5")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--copies", type=int, nargs="+", default=[100, 800])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        archive = subprocess.run(
            ["git", "archive", args.base, "summarize"], cwd=ROOT, check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        text = SAMPLE.read_text(encoding="utf-8")
        print(f"load before: {os.getloadavg()}")
        for copies in args.copies:
            path = Path(tmp) / f"x{copies}.txt"
            path.write_text("\n\n".join([text] * copies), encoding="utf-8")
            old: list[float] = []
            new: list[float] = []
            for _ in range(args.reps):
                old.append(_time(base, path))
                new.append(_time(ROOT, path))
            mo, mn = statistics.median(old), statistics.median(new)
            print(
                f"x{copies} ({path.stat().st_size / 1e6:.2f} MB): base min {min(old):.2f}s "
                f"median {mo:.2f}s | this min {min(new):.2f}s median {mn:.2f}s | "
                f"ratio of medians {mo / mn:.1f}x"
            )
        print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
