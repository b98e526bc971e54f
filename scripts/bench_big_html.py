"""A 9 MB HTML page, summarised by two trees side by side: wall time and peak memory.

    python scripts/bench_big_html.py --before /work/main --runs 3

The page (generated, seeded by its index only): an article of eight paragraphs, then ~9 MB
of related-story blocks (``<div><a>…</a><p>…</p></div>``), as a site's endless "more news"
page. Each run is ``python -m summarize PAGE -f json`` in a fresh process, with
``PYTHONPATH`` at the tree; runs of the two trees alternate. Prints min and median wall
seconds and peak RSS (MB) per tree, their ratios, and the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = "".join(
    f"<p>ارتفعت أسعار القمح في الأسواق العالمية بنسبة {i} في المئة خلال الأسبوع الماضي.</p>"
    for i in range(8)
)
BLOCK = (
    "<div class='related'><a href='/news/{i}'>خبر ذو صلة رقم {i}</a><p>وقال مسؤولون إن "
    "الوضع الاقتصادي في المنطقة يشهد تحسنا ملحوظا منذ بداية العام رقم {i}.</p></div>\n"
)


def make_page(path: Path, size: int) -> None:
    """Write the page: the article, then related blocks until ``size`` bytes."""
    parts = [
        f"<html><head><title>t</title></head><body><article><h1>ارتفاع</h1>{ARTICLE}</article>"
    ]
    total, i = 0, 0
    while total < size:
        block = BLOCK.format(i=i)
        parts.append(block)
        total += len(block.encode())
        i += 1
    parts.append("</body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def run_once(tree: str, page: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one summary of ``page`` with ``tree`` on the path."""
    env = {**os.environ, "PYTHONPATH": tree, "SUMMARIZE_OFFLINE": "1"}
    env["SUMMARIZE_HOME"] = tempfile.mkdtemp(prefix="bench_big_html_")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", str(page), "-f", "json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: exit {proc.returncode}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the baseline tree (e.g. /work/main)")
    parser.add_argument("--after", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mb", type=float, default=9.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        make_page(page, int(args.mb * 1e6))
        print(f"page: {page.stat().st_size:,} bytes; load before: {os.getloadavg()}")
        results: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for _ in range(args.runs):
            for name in ("before", "after"):
                results[name].append(run_once(getattr(args, name), page))
        print(f"load after: {os.getloadavg()}")
    stats = {}
    for name, runs in results.items():
        walls, rss = [w for w, _ in runs], [m for _, m in runs]
        stats[name] = (min(walls), statistics.median(walls), max(rss))
        print(
            f"{name}: wall min {stats[name][0]:.1f} s, median {stats[name][1]:.1f} s; "
            f"peak RSS {stats[name][2]:.0f} MB"
        )
    b, a = stats["before"], stats["after"]
    print(
        f"ratio before/after: wall min {b[0] / a[0]:.1f}x, median {b[1] / a[1]:.1f}x; "
        f"peak RSS {b[2] / a[2]:.1f}x"
    )


if __name__ == "__main__":
    main()
