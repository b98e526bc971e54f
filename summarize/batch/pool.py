"""Worker processes for per-record engines: how many, when, and started safely.

- ``--workers N`` is capped at :data:`MAX_PER_CPU` processes per CPU, and at one process per
  :data:`POOL_CHUNK` records of the input (read ahead to find out), with a notice: a pool
  larger than that only costs forks.
- Auto (``--workers 0``) stays in one process unless the machine has room for a pool to
  pay: at least :data:`AUTO_MIN_CPUS` CPUs of which :data:`AUTO_MIN_IDLE` are idle once the
  run has gone on for :data:`SWITCH_AFTER_S`. On 2 CPUs a pool of the extractive engine
  was measured at best on par with one process (docs/benchmarks.md), so auto never starts
  one there.
- Workers are forked with SIGTERM blocked, and unblock it only once their handler is reset:
  a pool terminated before a worker's initializer has run never prints a traceback.
"""

from __future__ import annotations

import itertools
import math
import os
from collections import deque
from collections.abc import Iterator
from typing import Any

from summarize.batch.records import InputRecord, windows
from summarize.batch.work import RecordWorker
from summarize.settings import Settings
from summarize.signals import quiet_worker, sigterm_blocked
from summarize.tasks import Task

# Records per task sent to a worker process, and tasks in flight per process.
POOL_CHUNK = 16
POOL_DEPTH = 4
# --workers N is capped at this many processes per CPU.
MAX_PER_CPU = 2
# Auto mode: run serially this long, then start a pool only with this much room.
SWITCH_AFTER_S = 1.0
AUTO_MIN_CPUS = 4
AUTO_MIN_IDLE = 3.0


def idle_cpus(cpus: int) -> float:
    """CPUs that no other work uses, from the one-minute load average (this run counts as one)."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return 0.0
    return max(cpus - max(load - 1.0, 0.0), 0.0)


def auto_processes(cpus: int) -> int:
    """Processes for an auto run that has lasted :data:`SWITCH_AFTER_S`; 1 means no pool."""
    if cpus < AUTO_MIN_CPUS:
        return 1
    idle = idle_cpus(cpus)
    return min(cpus, math.floor(idle)) if idle >= AUTO_MIN_IDLE else 1


def capped(
    requested: int, cpus: int, records: Iterator[InputRecord]
) -> tuple[int, Iterator[InputRecord], str | None]:
    """``requested`` processes capped by the CPUs and the input; the records, and a notice.

    Reads up to ``POOL_CHUNK`` records per process ahead (held in memory, given back).
    """
    limit, why = requested, ""
    if requested > MAX_PER_CPU * cpus:
        limit = MAX_PER_CPU * cpus
        why = f"at most {MAX_PER_CPU} per CPU, and this machine has {cpus}"
    head = list(itertools.islice(records, limit * POOL_CHUNK))
    needed = max(math.ceil(len(head) / POOL_CHUNK), 1)
    if needed < limit:
        limit = needed
        why = f"one per {POOL_CHUNK} records, and the input holds {len(head)}"
    processes = "process" if limit == 1 else "processes"
    notice = f"--workers {requested}: using {limit} {processes} ({why})" if why else None
    return limit, itertools.chain(head, records), notice


_WORKER: RecordWorker | None = None


def _init_process(task: Task, settings: Settings) -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it.
    quiet_worker()
    global _WORKER
    _WORKER = RecordWorker(task, settings)


def _process_chunk(chunk: list[InputRecord]) -> list[dict[str, Any]]:
    assert _WORKER is not None, "worker process not initialised"
    return list(_WORKER.run(chunk))


def pool_outputs(
    records: Iterator[InputRecord],
    task: Task,
    settings: Settings,
    processes: int,
) -> Iterator[dict[str, Any]]:
    """Outputs of a process pool, in order, with at most ``POOL_DEPTH`` tasks per process.

    ``Pool.imap`` would read the whole input ahead into its task queue; submitting
    chunks by hand keeps memory bounded.
    """
    import multiprocessing

    # fork: workers start in milliseconds and inherit engines registered at run time.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    # Workers (also those the pool starts later, from a thread made here) start with
    # SIGTERM blocked; a SIGTERM to this process meanwhile waits until the pool exists.
    with sigterm_blocked():
        pool = ctx.Pool(processes, initializer=_init_process, initargs=(task, settings))
    try:
        pending: deque[Any] = deque()
        for chunk in windows(records, POOL_CHUNK):
            pending.append(pool.apply_async(_process_chunk, (chunk,)))
            while pending and (len(pending) >= processes * POOL_DEPTH or pending[0].ready()):
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
