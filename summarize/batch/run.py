"""Batch runs: records in, JSON Lines out, in input order, resumable, memory flat.

The input is read lazily and work in flight is bounded, so memory does not grow with
the input. Each output record is written as soon as it and all records before it are
done. Engines that batch (neural ones) get windows of records at once, so chunks of many
articles share model calls; the extractive engine runs one record at a time and moves to
a pool of processes once the run has shown it is long enough for that to pay.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter, deque
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

from rich.console import Console

from summarize.batch.drain import Tally, drain, open_sink, report_done, skip_done
from summarize.batch.progress import BatchProgress, estimate_total
from summarize.batch.records import InputRecord, read_inputs
from summarize.batch.sink import check_output, resume_ids
from summarize.batch.work import RecordWorker
from summarize.errors import UsageError
from summarize.render import stderr_console
from summarize.settings import Settings, cpu_count
from summarize.signals import quiet_worker
from summarize.tasks import Task

# Auto mode: run serially this long before deciding that a pool of processes pays
# (starting one costs ~0.1 s; a short job finishes sooner without it).
SWITCH_AFTER_S = 1.0
# Records per task sent to a worker process, and tasks in flight per process.
POOL_CHUNK = 16
POOL_DEPTH = 4


@dataclass(frozen=True)
class BatchConfig:
    """Everything a batch run needs, validated by the CLI."""

    inputs: list[str]
    task: Task
    settings: Settings
    input_format: str = "auto"
    output: str | None = None
    resume: bool = False
    workers: int = 0
    window: int = 32
    quiet: bool = False


def windows(records: Iterator[InputRecord], size: int) -> Iterator[list[InputRecord]]:
    """``records`` in lists of ``size`` (the last one shorter), read as they are needed."""
    while window := list(itertools.islice(records, size)):
        yield window


def _pool_pays(worker: RecordWorker) -> bool:
    """Only the embedded extractive engine is cheap to copy into processes."""
    engines = worker.session.engines()
    return bool(engines) and all(getattr(e, "name", None) == "extractive" for e in engines)


# --- worker processes ---------------------------------------------------------------

_WORKER: RecordWorker | None = None


def _init_process(task: Task, settings: Settings) -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it.
    quiet_worker()
    global _WORKER
    _WORKER = RecordWorker(task, settings)


def _process_chunk(chunk: list[InputRecord]) -> list[dict[str, Any]]:
    assert _WORKER is not None, "worker process not initialised"
    return list(_WORKER.run(chunk))


def _pool_outputs(
    records: Iterator[InputRecord], task: Task, settings: Settings, processes: int
) -> Iterator[dict[str, Any]]:
    """Outputs of a process pool, in order, with at most ``POOL_DEPTH`` tasks per process.

    ``Pool.imap`` would read the whole input ahead into its task queue; submitting
    chunks by hand keeps memory bounded.
    """
    import multiprocessing

    # fork: workers start in milliseconds and inherit engines registered at run time.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
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


def _outputs(
    records: Iterator[InputRecord], worker: RecordWorker, config: BatchConfig
) -> Generator[dict[str, Any], None, None]:
    """Output records in input order: serially, then (maybe) through a process pool."""
    processes = config.workers or cpu_count()
    if config.workers > 1:
        yield from _pool_outputs(records, config.task, config.settings, processes)
        return
    started = time.perf_counter()
    for window in windows(records, config.window):
        yield from worker.run(window)
        long_run = time.perf_counter() - started > SWITCH_AFTER_S
        if config.workers == 0 and processes > 1 and long_run and _pool_pays(worker):
            yield from _pool_outputs(records, config.task, config.settings, processes)
            return


@dataclass
class RunStart:
    """A run before its first record: output checked, resume read, inputs opened lazily."""

    config: BatchConfig
    console: Console
    tally: Tally
    records: Iterator[InputRecord]
    done_before: int

    def notice(self, message: str) -> None:
        """Print an engine notice on the run's console, as it is (no markup)."""
        self.console.print(message, markup=False, highlight=False)

    def progress(self) -> BatchProgress | None:
        """A progress bar when stderr is a terminal and the run is not quiet, else None."""
        if not self.console.is_terminal or self.console.quiet:
            return None
        total = estimate_total(self.config.inputs, self.config.input_format)
        return BatchProgress(self.console, total, self.done_before)


def start_run(config: BatchConfig) -> RunStart:
    """Check ``-o``/``--resume``, read the ids a resumed file holds, open the inputs.

    Raises :class:`UsageError` for ``--resume`` without ``-o``, or an output file that
    already holds records without ``--resume``.
    """
    if config.resume and config.output is None:
        raise UsageError("--resume needs -o/--output: the file to resume")
    if config.output is not None:
        check_output(config.output, config.resume)
    done = resume_ids(config.output) if config.resume and config.output else Counter()
    tally = Tally()
    records = skip_done(read_inputs(config.inputs, config.input_format), done, tally)
    return RunStart(config, stderr_console(config.quiet), tally, records, done.total())


def run_batch(config: BatchConfig) -> Tally:
    """Run a batch job; raise :class:`SummarizeError` (exit 1) if any record failed."""
    start = start_run(config)
    sink = open_sink(config.output)
    worker = RecordWorker(config.task, config.settings, notify=start.notice)
    progress = start.progress()
    started = time.perf_counter()
    try:
        outputs = _outputs(start.records, worker, config)
        drain(outputs, sink, start.tally, start.console, progress, config.output)
    finally:
        worker.close()
    report_done(start.console, start.tally, time.perf_counter() - started)
    return start.tally
