"""Whole-process timing for the benchmarks: interleaved repetitions, wall and CPU time, load.

Every case runs once per round, in turn, so a burst of load from other work hits all of them
alike; the ratios against the floor are taken within one run. CPU time (user + system, from
``wait4``) is printed next to wall time: on a shared machine it moves much less.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Case:
    """One command to time; ``env`` is added to the environment, ``stdin`` a file to feed."""

    name: str
    cmd: Sequence[str]
    env: Mapping[str, str] = field(default_factory=dict)
    stdin: Path | None = None
    cwd: Path | None = None


@dataclass
class Timings:
    """The wall and CPU seconds of each repetition of a case."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def best(self) -> float:
        return min(self.wall)

    @property
    def cpu_best(self) -> float:
        return min(self.cpu)


def load() -> str:
    """The 1, 5 and 15 minute load averages, and the core count, as printed under tables."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} on {os.cpu_count()} cores"


def run_once(case: Case) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of ``case``; fails on a non-zero exit."""
    env = {**os.environ, **case.env}
    stdin = case.stdin.open("rb") if case.stdin else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            case.cmd,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=case.cwd,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    finally:
        if case.stdin:
            stdin.close()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{case.name}: exit {proc.returncode} ({' '.join(case.cmd)})")
    return wall, usage.ru_utime + usage.ru_stime


def time_cases(cases: Sequence[Case], runs: int, warmup: bool = True) -> list[Timings]:
    """``runs`` rounds over ``cases`` (after one warm-up round), each case once per round."""
    if warmup:
        for case in cases:
            run_once(case)
    timings = [Timings() for _ in cases]
    for _ in range(runs):
        for case, timing in zip(cases, timings, strict=True):
            wall, cpu = run_once(case)
            timing.wall.append(wall)
            timing.cpu.append(cpu)
    return timings


def table(cases: Sequence[Case], timings: Sequence[Timings], floor: Timings | None) -> str:
    """A markdown table: min and median wall time, min CPU time, and each against the floor."""
    head = "| command | min (s) | median (s) | CPU min (s) |"
    rule = "| --- | --- | --- | --- |"
    if floor is not None:
        head += " × floor (median) | × floor (min) |"
        rule += " --- | --- |"
    lines = [head, rule]
    for case, t in zip(cases, timings, strict=True):
        row = f"| {case.name} | {t.best:.3f} | {t.median:.3f} | {t.cpu_best:.3f} |"
        if floor is not None:
            row += f" {t.median / floor.median:.1f} | {t.best / floor.best:.1f} |"
        lines.append(row)
    return "\n".join(lines)
