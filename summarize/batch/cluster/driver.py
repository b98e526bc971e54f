"""``summarize batch --cluster``: the batch command on a Dask distributed cluster.

The driver (this process) reads the input lazily, cuts it into batches of records and
keeps a few batches per worker in flight; workers send output records back and the driver
writes them in input order, so memory stays flat on any input size. Output records, error
records, ``--resume`` and the progress bar are those of the local batch command
(:mod:`summarize.batch.run`); only where the records are processed changes.

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
that still kills its workers is written as an error record (:mod:`summarize.batch.cluster.flow`).
A scheduler started with ``distributed.scheduler.worker-saturation: 1.0`` (as the local
cluster is) queues no batch behind a running one, so a dying worker takes no innocent
batch's retries with it.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from summarize.batch.cluster.connect import cluster_target, connect, distributed_module
from summarize.batch.drain import Tally, drain, report_done
from summarize.batch.pool import MAX_PER_CPU
from summarize.batch.records import windows
from summarize.batch.run import BatchConfig, start_run
from summarize.errors import SummarizeError
from summarize.settings import cpu_count

# Batches in flight (submitted, not yet written) per worker: enough to hide a round trip.
DEPTH = 3


def _register(client: Any, plugin: Any) -> None:
    """Load the engine on every worker; a failure becomes one clear error on the driver."""
    from summarize.batch.cluster.worker import setup_message

    try:
        client.register_plugin(plugin, name=plugin.name)
    except Exception as exc:
        if isinstance(exc, SummarizeError):
            raise type(exc)(setup_message(exc)) from None
        raise SummarizeError(setup_message(exc)) from None


def _print_notices(client: Any, name: str, notify: Callable[[str], None]) -> None:
    """Engine notices from the workers' setup, once each, as local batch prints them."""
    from summarize.batch.cluster.worker import worker_notices

    notices = client.run(worker_notices, name)
    for notice in dict.fromkeys(n for found in notices.values() for n in found):
        notify(notice)


def _unregister(client: Any, name: str) -> None:
    """Close the engines on the workers: on a shared cluster they would outlive the run."""
    # Best effort: a worker that failed its setup may refuse, and the run's outcome stands.
    with contextlib.suppress(Exception):
        client.unregister_worker_plugin(name)


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
    """Run a batch job on a Dask cluster; the same records as ``run_batch``.

    ``address``: ``"local"``, a scheduler address, or ``"auto"``/None (``scheduler_file``,
    else ``DASK_SCHEDULER_ADDRESS``, else local). ``workers``: local worker processes (0:
    one per CPU), or workers to wait for on an existing cluster. ``imports``: modules each
    worker imports before building its engine (engines registered by other packages).
    Raises :class:`SummarizeError` (exit 1) if any record failed, after writing them all.
    """
    distributed_module()
    target = cluster_target(address, scheduler_file)
    start = start_run(config)
    # Failures reach the user as error records or one-line errors: Dask's own logs, which
    # repeat them with tracebacks, only under SUMMARIZE_DEBUG.
    log_level = logging.INFO if config.settings.debug else logging.CRITICAL
    if target is None and workers > MAX_PER_CPU * cpu_count():
        start.notice(
            f"--workers {workers}: using {MAX_PER_CPU * cpu_count()} processes "
            f"(at most {MAX_PER_CPU} per CPU, and this machine has {cpu_count()})"
        )
        workers = MAX_PER_CPU * cpu_count()
    home = str(config.settings.home)
    started = time.perf_counter()
    with contextlib.closing(start.sink), connect(target, workers, home, log_level) as client:
        from summarize.batch.cluster.flow import ordered_outputs
        from summarize.batch.cluster.worker import EnginePlugin

        name = f"summarize-{uuid.uuid4().hex[:12]}"
        try:
            _register(client, EnginePlugin(name, config.task, config.settings, imports))
            _print_notices(client, name, start.notice)
            limit = DEPTH * _workers_now(client)
            batches = windows(start.records, config.window)
            outputs = ordered_outputs(client, name, batches, limit)
            progress = start.progress()
            drain(outputs, start.sink, start.tally, start.console, progress, config.output)
        finally:
            _unregister(client, name)
    report_done(start.console, start.tally, time.perf_counter() - started)
    return start.tally
