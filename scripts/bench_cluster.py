"""Benchmark ``summarize batch --cluster`` against the local batch command on one machine.

The input is the dev set (../shared/data/ant_bbc_arabic/data.jsonl, read at run time)
repeated to N records, written to a temporary folder (never into the repository). The
extractive engine summarises every record to 3 sentences; every configuration writes the
same output file format. Measured, each as the median of ``--repeat`` runs:

- local batch, one process (``--workers 1``): the per-article cost on one core;
- local batch, a pool of 2 processes (``--workers 2``);
- the cluster backend on a LocalCluster of 2 single-threaded workers (start-up included),
  and its parts: cluster start-up (scheduler, workers, engine plugin), close, and the
  CPU time of the driver process per record (reading, sending, receiving, writing, and
  the in-process scheduler), which bounds how many workers one driver can feed.

    python scripts/bench_cluster.py                 # 3,000 records, 3 runs each
    python scripts/bench_cluster.py -n 10000 --repeat 1 --window 8 32 128
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_batch import make_input

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ant_bbc_arabic" / "data.jsonl"


def _config(path: Path, out: Path, workers: int, window: int) -> Any:
    from summarize.batch.run import BatchConfig
    from summarize.engines.base import Length
    from summarize.pipeline import SummaryOptions
    from summarize.settings import Settings
    from summarize.tasks import Summarize

    out.unlink(missing_ok=True)
    options = SummaryOptions(length=Length(sentences=3), engine="extractive")
    return BatchConfig(
        inputs=[str(path)],
        task=Summarize(options),
        settings=Settings.from_env(),
        output=str(out),
        workers=workers,
        window=window,
        quiet=True,
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(run: Callable[[], Any]) -> dict[str, float]:
    """Wall time, this process's CPU time, and the CPU time of the processes it started.

    CPU seconds are the steadier measure on a shared machine: wall time also counts the
    time other jobs held the cores. Worker processes count once they have exited (been
    waited for), which every configuration here does before returning.
    """
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    run()
    return {
        "wall": time.perf_counter() - wall,
        "driver_cpu": time.process_time() - cpu,
        "workers_cpu": _children_cpu() - children,
    }


def local_run(path: Path, out: Path, workers: int, window: int) -> dict[str, float]:
    """Local batch (the ``summarize batch`` code path) in this process."""
    from summarize.batch.run import run_batch

    return _timed(lambda: run_batch(_config(path, out, workers, window)))


def cluster_run(path: Path, out: Path, workers: int, window: int) -> dict[str, float]:
    """The cluster backend on a LocalCluster it starts and closes itself."""
    from summarize.batch.cluster.driver import run_cluster_batch

    return _timed(lambda: run_cluster_batch(_config(path, out, 1, window), "local", workers, None))


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) a live process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def external_run(path: Path, out: Path, workers: int, window: int) -> dict[str, float]:
    """The cluster backend joining a scheduler and workers that run as processes of their own.

    As on a real cluster, the driver process holds only the client: its CPU time is the
    driver's own cost. Scheduler and worker CPU is counted from when all workers are up.
    """
    import subprocess

    from distributed import Client

    from summarize.batch.cluster.driver import run_cluster_batch

    folder = out.parent
    file = folder / "scheduler.json"
    file.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION": "1.0",
        "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False",
        "DASK_LOGGING__DISTRIBUTED": "error",
    }
    python = [sys.executable, "-m"]
    common = ["--scheduler-file", str(file), "--no-dashboard"]
    scheduler = subprocess.Popen(
        [*python, "distributed.cli.dask_scheduler", "--host", "127.0.0.1", *common], env=env
    )
    while not file.exists():
        time.sleep(0.05)
    worker_cmd = [*python, "distributed.cli.dask_worker", "--nthreads", "1", "--no-nanny"]
    procs = [
        subprocess.Popen([*worker_cmd, "--host", "127.0.0.1", *common], env=env)
        for _ in range(workers)
    ]
    try:
        with Client(scheduler_file=str(file), set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=60)
        before = {p.pid: _proc_cpu(p.pid) for p in [scheduler, *procs]}
        result = _timed(
            lambda: run_cluster_batch(_config(path, out, 1, window), None, workers, str(file))
        )
        after = {p.pid: _proc_cpu(p.pid) for p in [scheduler, *procs]}
    finally:
        for proc in [*procs, scheduler]:
            proc.terminate()
            proc.wait(timeout=30)
    used = {pid: after[pid] - before[pid] for pid in before}
    result["scheduler_cpu"] = used.pop(scheduler.pid)
    result["workers_cpu"] = sum(used.values())
    return result


def startup(workers: int) -> dict[str, float]:
    """Seconds to start a LocalCluster and load the engine on its workers, and to close."""
    from summarize.batch.cluster.connect import connect
    from summarize.batch.cluster.driver import _register, _unregister
    from summarize.batch.cluster.worker import EnginePlugin
    from summarize.pipeline import SummaryOptions
    from summarize.settings import Settings
    from summarize.tasks import Summarize

    settings = Settings.from_env()
    job = Summarize(SummaryOptions(engine="extractive"))
    cpu, children = time.process_time(), _children_cpu()
    began = time.perf_counter()
    with connect(None, workers, str(settings.home)) as client:
        ready = time.perf_counter()
        _register(client, EnginePlugin("bench", job, settings))
        loaded = time.perf_counter()
        _unregister(client, "bench")
        closing = time.perf_counter()
    ended = time.perf_counter()
    return {
        "cluster_start": ready - began,
        "engine_load": loaded - ready,
        "close": ended - closing,
        "driver_cpu": time.process_time() - cpu,
        "workers_cpu": _children_cpu() - children,
    }


def driver_floor(path: Path, out: Path, window: int) -> dict[str, float]:
    """The driver's own work per record, without a scheduler in its process.

    On a real cluster the scheduler runs elsewhere; the driver still reads and parses each
    record, pickles it to send it, unpickles the result and writes it. Measured on the
    outputs of the last run (``out``), in CPU seconds, with the bytes that travel.
    """
    import pickle

    from summarize.batch.inputs import read_inputs
    from summarize.batch.sink import FileSink

    outputs = [json.loads(line) for line in out.open(encoding="utf-8")]
    began = time.process_time()
    records = list(read_inputs([str(path)]))
    read = time.process_time()
    sent = [pickle.dumps(records[i : i + window]) for i in range(0, len(records), window)]
    back = [pickle.dumps(outputs[i : i + window]) for i in range(0, len(outputs), window)]
    for blob in back:
        pickle.loads(blob)
    moved = time.process_time()
    sink = FileSink(str(out.with_suffix(".floor")))
    for record in outputs:
        sink.write(record)
    sink.close()
    written = time.process_time()
    n = len(records)
    return {
        "read_ms": 1000 * (read - began) / n,
        "pickle_ms": 1000 * (moved - read) / n,
        "write_ms": 1000 * (written - moved) / n,
        "sent_bytes": sum(map(len, sent)) / n,
        "returned_bytes": sum(map(len, back)) / n,
    }


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main() -> None:
    """Run every configuration, print a Markdown table and the derived costs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000, help="records (default 3000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration")
    parser.add_argument("--window", type=int, nargs="+", default=[32], help="records per task")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"no dev set at {args.data}")
    os.environ.setdefault("SUMMARIZE_OFFLINE", "1")
    with tempfile.TemporaryDirectory(prefix="bench_cluster_") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("SUMMARIZE_HOME", str(folder / "home"))
        path, out = make_input(folder, args.n, args.data), folder / "out.jsonl"
        rows: list[tuple[str, dict[str, float]]] = []
        for label, run in [
            ("local batch, 1 process", lambda w: local_run(path, out, 1, w)),
            ("local batch, pool of 2", lambda w: local_run(path, out, 2, w)),
            ("cluster, LocalCluster of 2", lambda w: cluster_run(path, out, 2, w)),
            ("cluster, separate scheduler + 2 workers", lambda w: external_run(path, out, 2, w)),
        ]:
            for window in args.window:
                result = _median([run(window) for _ in range(args.repeat)])
                rows.append((f"{label}, window {window}", result))
                print(f"{rows[-1][0]}: {result}", file=sys.stderr)
        start = _median([startup(2) for _ in range(args.repeat)])
        floor = driver_floor(path, out, args.window[-1])
    report(args.n, rows, start)
    print("driver floor per record: " + ", ".join(f"{k} {v:.3f}" for k, v in floor.items()))


def report(n: int, rows: list[tuple[str, dict[str, float]]], start: dict[str, float]) -> None:
    """Print the results as Markdown."""
    serial = rows[0][1]["wall"]
    print(f"{n} records, median of runs; cpu count {os.cpu_count()}\n")
    serial_cpu = rows[0][1]["driver_cpu"] + rows[0][1]["workers_cpu"]
    print(
        "| configuration | wall s | articles/s | wall vs 1 process "
        "| driver CPU ms/article | worker CPU ms/article | total CPU vs 1 process |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in rows:
        total = r["driver_cpu"] + r["workers_cpu"] + r.get("scheduler_cpu", 0.0)
        print(
            f"| {label} | {r['wall']:.2f} | {n / r['wall']:.0f} | {serial / r['wall']:.2f}x "
            f"| {1000 * r['driver_cpu'] / n:.2f} | {1000 * r['workers_cpu'] / n:.2f} "
            f"| {total / serial_cpu:.2f}x |"
        )
    for label, r in rows:
        if "scheduler_cpu" in r:
            print(f"\n{label}: scheduler CPU {1000 * r['scheduler_cpu'] / n:.3f} ms/article")
    print(
        f"\nLocalCluster of 2: start {start['cluster_start']:.2f} s, engine load "
        f"{start['engine_load']:.2f} s, close {start['close']:.2f} s; CPU for all that: "
        f"driver {start['driver_cpu']:.2f} s, workers {start['workers_cpu']:.2f} s"
    )
    print(f"per-article cost on one core: {1000 * serial_cpu / n:.2f} ms CPU")


if __name__ == "__main__":
    main()
