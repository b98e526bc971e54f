"""Batch runs: records in, JSON Lines out, in input order, resumable, memory flat.

The input is read lazily and work in flight is bounded, so memory does not grow with
the input. Each output record is written as soon as it and all records before it are
done. Engines that batch (neural ones) get windows of records at once, so chunks of many
articles share model calls; the extractive engine runs one record at a time, in this
process unless ``--workers N`` asks for a pool or the machine has room for one to pay
(:mod:`summarize.batch.pool`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any

from rich.console import Console

from summarize.batch import pool
from summarize.batch.drain import Tally, drain, report_done, skip_done
from summarize.batch.inputs import read_inputs
from summarize.batch.progress import BatchProgress, estimate_total
from summarize.batch.records import InputRecord, windows
from summarize.batch.sink import ResumeState, Sink, StdoutSink, open_output
from summarize.batch.work import RecordWorker
from summarize.errors import UsageError
from summarize.render import stderr_console
from summarize.settings import Settings, cpu_count
from summarize.tasks import Task


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


def _pool_pays(worker: RecordWorker) -> bool:
    """Only the embedded extractive engine is cheap to copy into processes."""
    engines = worker.session.engines()
    return bool(engines) and all(getattr(e, "name", None) == "extractive" for e in engines)


def _outputs(
    records: Iterator[InputRecord],
    worker: RecordWorker,
    config: BatchConfig,
    notify: Callable[[str], None],
) -> Generator[dict[str, Any], None, None]:
    """Output records in input order: serially, or through a process pool (see ``pool``)."""
    if config.workers > 1:
        processes, records, notice = pool.capped(config.workers, cpu_count(), records)
        if notice is not None:
            notify(notice)
        if processes > 1:
            yield from pool.pool_outputs(records, config.task, config.settings, processes)
            return
    started = time.perf_counter()
    decided = config.workers != 0
    for window in windows(records, config.window):
        yield from worker.run(window)
        if decided or time.perf_counter() - started < pool.SWITCH_AFTER_S:
            continue
        decided = True
        processes = pool.auto_processes(cpu_count()) if _pool_pays(worker) else 1
        if processes > 1:
            yield from pool.pool_outputs(records, config.task, config.settings, processes)
            return


@dataclass
class RunStart:
    """A run before its first record: output locked and checked, resume read, inputs opened."""

    config: BatchConfig
    console: Console
    tally: Tally
    records: Iterator[InputRecord]
    done_before: int
    sink: Sink

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
    """Lock and check ``-o``, read the ids a resumed file holds, open the inputs.

    Raises :class:`UsageError` for ``--resume`` without ``-o``, an output file that already
    holds records without ``--resume``, one that another run is writing, or one that is
    also an input. The caller closes ``sink`` (which releases the lock).
    """
    if config.resume and config.output is None:
        raise UsageError("--resume needs -o/--output: the file to resume")
    console = stderr_console(config.quiet)
    sink: Sink = StdoutSink()
    state = ResumeState()
    if config.output is not None:
        sink, state = open_output(config.output, config.resume, config.inputs)
        if (warning := state.warning(config.output)) is not None:
            console.print(warning, markup=False, highlight=False)
    tally = Tally()
    records = skip_done(read_inputs(config.inputs, config.input_format), state.done, tally)
    return RunStart(config, console, tally, records, state.done.total(), sink)


def run_batch(config: BatchConfig) -> Tally:
    """Run a batch job; raise :class:`SummarizeError` (exit 1) if any record failed."""
    start = start_run(config)
    try:
        worker = RecordWorker(config.task, config.settings, notify=start.notice)
        progress = start.progress()
        started = time.perf_counter()
        try:
            outputs = _outputs(start.records, worker, config, start.notice)
            drain(outputs, start.sink, start.tally, start.console, progress, config.output)
        finally:
            worker.close()
    finally:
        start.sink.close()
    report_done(start.console, start.tally, time.perf_counter() - started)
    return start.tally
