"""Time the support check on a streamed output, word by word, as the terminal renderers feed it.

    python scripts/bench_support.py --words 200,400,800 --reps 3
    PYTHONPATH=<git archive of a base commit> python scripts/bench_support.py --words 200,400

An English output of N words (a sentence with a title, names, a weekday and numbers,
repeated) is fed to ``Marker`` one word at a time against the Arabic example article; min and
median seconds over ``--reps`` runs, and the load average, go to stdout.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from summarize.text.support import Marker, Support

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "The Minister Ahmed Saleh said on Monday that 25 people were hurt in Cairo and Giza. "


def stream(article: str, words: int) -> float:
    """Seconds to feed a ``words``-word output to a fresh marker, word by word."""
    text = " ".join((SENTENCE * (words // 15 + 1)).split()[:words]) + " "
    start = time.perf_counter()
    marker = Marker(Support(article))
    for word in text.split(" "):
        marker.feed(word + " ")
    marker.flush()
    return time.perf_counter() - start


def main() -> None:
    """Print one row per output length."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", default="200,400,800")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    article = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    print(f"load before: {os.getloadavg()[0]:.2f}")
    print("| words streamed | min s | median s |")
    print("| ---: | ---: | ---: |")
    for words in (int(w) for w in args.words.split(",")):
        times = [stream(article, words) for _ in range(args.reps)]
        print(f"| {words} | {min(times):.3f} | {statistics.median(times):.3f} |")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
