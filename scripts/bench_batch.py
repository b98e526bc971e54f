"""Benchmark ``summarize batch`` with the extractive engine: throughput and peak memory.

The input is the dev set (../shared/data/ant_bbc_arabic/data.jsonl, read at run time)
repeated to N records, written to a temporary folder (never into the repository). Each
run is a whole ``summarize batch`` process with stdout to /dev/null. Reported per run:
wall time, articles/s, CPU seconds of all its processes, the peak RSS of the largest
process (``wait4``'s ``ru_maxrss``, which covers the pool's worker processes) and the
peak of the summed RSS of the process tree (sampled every 50 ms from /proc).

    python scripts/bench_batch.py                       # 10,000 records, 1 vs 2 processes
    python scripts/bench_batch.py --memory 10000 100000 # plus peak memory at both sizes
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ant_bbc_arabic" / "data.jsonl"
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def make_input(folder: Path, n: int, data: Path) -> Path:
    """``n`` records cycling through the dev set (ids made unique), written once."""
    path = folder / f"batch_{n}.jsonl"
    if path.exists():
        return path
    rows = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = rows[i % len(rows)]
            record = {"id": f"{i}-{row['id']}", "text": row["text"], "title": row.get("title")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc/PID/task/*/children)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def run(path: Path, workers: int) -> dict[str, float]:
    """One ``summarize batch`` process over ``path``; timings and memory."""
    cmd = [sys.executable, "-m", "summarize", "batch", str(path), "-q", "--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=ROOT)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, sum(_rss_kb(p) for p in _tree(proc.pid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"summarize batch failed with exit code {proc.returncode}")
    records = sum(1 for _ in path.open("rb"))
    return {
        "records": records,
        "workers": workers,
        "seconds": round(wall, 2),
        "per_s": round(records / wall, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "tree_rss_mb": round(peak_tree / 1024, 1),
    }


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--records", type=int, default=10_000, help="throughput runs")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 0])
    parser.add_argument("--memory", type=int, nargs="*", default=[], help="sizes, auto workers")
    parser.add_argument("--tmp", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    folder = args.tmp / "summarize_bench_batch"
    folder.mkdir(exist_ok=True)
    rows = []
    for workers in args.workers:
        rows.append(run(make_input(folder, args.records, args.data), workers))
        print(json.dumps(rows[-1]), file=sys.stderr)
    for n in args.memory:
        rows.append(run(make_input(folder, n, args.data), 0))
        print(json.dumps(rows[-1]), file=sys.stderr)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")
    print(
        "| records | --workers | seconds | articles/s | CPU s, all processes "
        "| peak RSS, largest process | peak RSS, all processes |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        workers = "auto" if r["workers"] == 0 else int(r["workers"])
        print(
            f"| {int(r['records']):,} | {workers} | {r['seconds']} | {r['per_s']} | {r['cpu_s']} "
            f"| {r['max_rss_mb']} MB | {r['tree_rss_mb']} MB |"
        )


if __name__ == "__main__":
    main()
