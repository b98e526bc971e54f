"""Time the cleaner on the sample article repeated N times: this tree against an older commit.

    python scripts/bench_clean.py [--base COMMIT] [--reps 3] [--copies 100 800]
    python scripts/bench_clean.py --per-article [--base COMMIT] [--reps 5]

The base commit's ``summarize/`` is exported with ``git archive`` to a temporary folder and
both cleaners run in fresh subprocesses, alternating, on the same input. Prints min and
median seconds of each, the ratio, and the machine load (``os.getloadavg``).

``--per-article`` times one article at a time instead: the sample article and the pasted
golden pages (``tests/text/clean/pages/*/*.txt``), each cleaned 20 times after a warm-up
call, in milliseconds per article (the mean over all of them, per run).
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


_PER_ARTICLE = (
    "import sys, time; from summarize.text.clean import clean_article; "
    "texts = [open(p, encoding='utf-8').read() for p in sys.argv[1:]]; "
    "[clean_article(t) for t in texts]; t = time.perf_counter(); "
    "[clean_article(t) for _ in range(20) for t in texts]; "
    "print((time.perf_counter() - t) / (20 * len(texts)))"
)


def _per_article(pythonpath: Path, paths: list[Path]) -> float:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    out = subprocess.run(
        [sys.executable, "-c", _PER_ARTICLE, *map(str, paths)],
        env=env,
        cwd=pythonpath,
        check=True,
        capture_output=True,
    )
    return float(out.stdout) * 1000


def _compare_per_article(base: Path, reps: int) -> None:
    paths = [SAMPLE, *sorted((ROOT / "tests" / "text" / "clean" / "pages").glob("*/*.txt"))]
    old: list[float] = []
    new: list[float] = []
    for _ in range(reps):
        old.append(_per_article(base, paths))
        new.append(_per_article(ROOT, paths))
    mo, mn = statistics.median(old), statistics.median(new)
    print(
        f"{len(paths)} articles, ms per article: base min {min(old):.2f} median {mo:.2f} | "
        f"this min {min(new):.2f} median {mn:.2f} | ratio of medians {mo / mn:.2f}x"
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
    parser.add_argument("--per-article", action="store_true")
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
        if args.per_article:
            _compare_per_article(base, args.reps)
            print(f"load after: {os.getloadavg()}")
            return
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
