"""``summarize batch --cluster``: the batch command on a Dask distributed cluster.

The driver (this process) reads the input lazily, cuts it into batches of records and
keeps a few batches per worker in flight; workers send output records back and the driver
writes them in input order, so memory stays flat on any input size. Output records, error
records, ``--resume`` and the progress bar are those of the local batch command
(:mod:`summarize.batch`); only where the records are processed changes.

Where the cluster comes from:

- ``--cluster local`` (or ``--cluster auto`` with no ``DASK_SCHEDULER_ADDRESS``): a
  LocalCluster on 127.0.0.1 with ``--workers N`` single-threaded worker processes
  (default: one per CPU), no dashboard, closed at the end of the run.
- ``--cluster tcp://host:8786``, ``--scheduler-file PATH``, or ``--cluster auto`` with
  ``DASK_SCHEDULER_ADDRESS`` set: an existing cluster, joined as a client (``--workers N``
  waits for N workers to join).

What a worker machine needs: Python with ``pip install 'summarize[cluster]'`` (which
brings ctranslate2 and distributed, at the versions the driver runs), and for a neural
engine the model in that machine's store (``summarize models pull NAME`` there, or a
shared ``SUMMARIZE_HOME``). Records travel to workers, not file paths: workers need not
see the driver's disk. A worker without the model or the package fails to set up its
engine, and the run ends with ``worker could not load engine: ...``. Workers are best
started with one thread each (``dask worker --nthreads 1 --nworkers N``): the threads of
one worker share its engine one at a time.

A worker that dies mid-run (killed, out of memory) loses nothing: the scheduler runs its
batches again elsewhere, up to ``distributed.scheduler.allowed-failures`` times; a batch
that kills every worker it meets is split and its records run one by one, and a record
that still kills its workers is written as an error record (:mod:`summarize.cluster_flow`).
A scheduler started with ``distributed.scheduler.worker-saturation: 1.0`` (as the local
cluster is) queues no batch behind a running one, so a dying worker takes no innocent
batch's retries with it.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from collections.abc import Iterator
from typing import Any

from summarize.batch import BatchConfig, Tally, _report, _skip_done
from summarize.batch_io import InputRecord, read_inputs
from summarize.batch_output import FileSink, Sink, StdoutSink, check_output, resume_ids
from summarize.batch_progress import BatchProgress, estimate_total
from summarize.cluster_connect import cluster_target, connect, distributed_module
from summarize.errors import SummarizeError, UsageError
from summarize.render import stderr_console

# Batches in flight (submitted, not yet written) per worker: enough to hide a round trip.
DEPTH = 3


def _register(client: Any, plugin: Any) -> None:
    """Load the engine on every worker; a failure becomes one clear error on the driver."""
    from summarize.cluster_worker import setup_message

    try:
        client.register_plugin(plugin, name=plugin.name)
    except Exception as exc:
        if isinstance(exc, SummarizeError):
            raise type(exc)(setup_message(exc)) from None
        raise SummarizeError(setup_message(exc)) from None


def _print_notices(client: Any, name: str, console: Any) -> None:
    """Engine notices from the workers' setup, once each, as local batch prints them."""
    from summarize.cluster_worker import worker_notices

    notices = client.run(worker_notices, name)
    for notice in dict.fromkeys(n for found in notices.values() for n in found):
        console.print(notice, markup=False, highlight=False)


def _unregister(client: Any, name: str) -> None:
    """Close the engines on the workers: on a shared cluster they would outlive the run."""
    # Best effort: a worker that failed its setup may refuse, and the run's outcome stands.
    with contextlib.suppress(Exception):
        client.unregister_worker_plugin(name)


def _batches(records: Iterator[InputRecord], size: int) -> Iterator[list[InputRecord]]:
    batch: list[InputRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _workers_now(client: Any) -> int:
    return max(len(client.scheduler_info().get("workers", {})), 1)


def run_cluster_batch(
    config: BatchConfig,
    address: str | None,
    workers: int,
    scheduler_file: str | None,
    *,
    imports: tuple[str, ...] = (),
) -> Tally:
    """Run a batch job on a Dask cluster; the same records as :func:`~summarize.batch.run_batch`.

    ``address``: ``"local"``, a scheduler address, or ``"auto"``/None (``scheduler_file``,
    else ``DASK_SCHEDULER_ADDRESS``, else local). ``workers``: local worker processes (0:
    one per CPU), or workers to wait for on an existing cluster. ``imports``: modules each
    worker imports before building its engine (engines registered by other packages).
    Raises :class:`SummarizeError` (exit 1) if any record failed, after writing them all.
    """
    distributed_module()
    target = cluster_target(address, scheduler_file)
    if config.resume and config.output is None:
        raise UsageError("--resume needs -o/--output: the file to resume")
    if config.output is not None:
        check_output(config.output, config.resume)
    done = resume_ids(config.output) if config.resume and config.output else set()
    console = stderr_console(config.quiet)
    tally = Tally()
    records = _skip_done(read_inputs(config.inputs, config.input_format), done, tally)
    show = console.is_terminal and not console.quiet
    total = estimate_total(config.inputs, config.input_format) if show else None
    # Failures reach the user as error records or one-line errors: Dask's own logs, which
    # repeat them with tracebacks, only under SUMMARIZE_DEBUG.
    log_level = logging.INFO if config.settings.debug else logging.CRITICAL
    started = time.perf_counter()
    with connect(target, workers, str(config.settings.home), log_level) as client:
        from summarize.cluster_flow import ordered_outputs
        from summarize.cluster_worker import EnginePlugin

        name = f"summarize-{uuid.uuid4().hex[:12]}"
        try:
            _register(client, EnginePlugin(name, config.job, config.settings, imports))
            _print_notices(client, name, console)
            limit = DEPTH * _workers_now(client)
            outputs = ordered_outputs(client, name, _batches(records, config.window), limit)
            progress = BatchProgress(console, total, len(done)) if show else None
            _write(outputs, config, tally, console, progress)
        finally:
            _unregister(client, name)
    _report(console, tally, time.perf_counter() - started)
    return tally


def _write(
    outputs: Iterator[dict[str, Any]],
    config: BatchConfig,
    tally: Tally,
    console: Any,
    progress: BatchProgress | None,
) -> None:
    sink: Sink = FileSink(config.output) if config.output else StdoutSink()
    try:
        for record in outputs:
            sink.write(record)
            tally.written += 1
            tally.errors += "error" in record
            if progress is not None:
                progress.update(tally.written, tally.errors)
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        if config.output:
            console.print(f"{tally.written} records kept in {config.output}; add --resume to go on")
        raise
    finally:
        if progress is not None:
            progress.stop()
        sink.close()
