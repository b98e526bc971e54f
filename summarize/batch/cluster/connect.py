"""Reaching a Dask cluster for ``summarize batch --cluster``: start a local one or join one.

Dask is imported here only inside functions, so that ``--help`` and the local batch
command never load it, and a missing install gives one line saying what to install.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from summarize.errors import SummarizeError, UsageError, one_line
from summarize.settings import cpu_count

LOCAL = "local"
AUTO = "auto"
ENV_ADDRESS = "DASK_SCHEDULER_ADDRESS"
INSTALL_HINT = "install with pip install 'summarize[cluster]'"
# How long to wait for the scheduler to answer, and for workers to join an existing cluster.
CONNECT_TIMEOUT_S = 30
# Tasks are coarse (a batch of records each) and the driver bounds what is in flight, so a
# worker is given one task per thread, none queued behind it: when a worker dies, only the
# batch it was running counts as suspect, not innocent batches waiting there. The workers'
# statistical profiler feeds a dashboard that is not running: off. The scheduler and the
# workers serve no HTTP routes (metrics, health, dashboard): nothing to look at.
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.http.routes": [],
    "distributed.worker.http.routes": [],
}
# A worker that dies (killed, out of memory) is restarted by its nanny: as a fork of a warm
# server process where the platform has one. With Dask's default, spawn, restarts on a loaded
# machine were seen not to come back at all (0 of 2 workers 300 s after four kills, load 12;
# forkserver: 3 s).
if "forkserver" in multiprocessing.get_all_start_methods():
    LOCAL_CONFIG["distributed.worker.multiprocessing-method"] = "forkserver"


def distributed_module() -> Any:
    """The ``distributed`` module (as Any: parts of its API carry no type hints)."""
    try:
        import distributed
    except ImportError:
        raise SummarizeError(
            f"the cluster backend needs Dask distributed: {INSTALL_HINT}"
        ) from None
    return distributed


def cluster_target(address: str | None, scheduler_file: str | None) -> str | None:
    """The cluster to join (an address, or ``file:PATH``), or None to start a local one.

    Precedence: ``--cluster ADDRESS``, then ``--scheduler-file``, then
    ``DASK_SCHEDULER_ADDRESS``; ``--cluster local`` always means a new local cluster, and
    ``--cluster auto`` (or no address) the scheduler file or the environment, else local.
    """
    if address == AUTO:
        address = None
    if address == LOCAL:
        if scheduler_file:
            raise UsageError("--cluster local and --scheduler-file exclude each other")
        return None
    if address and scheduler_file:
        raise UsageError("give --cluster ADDRESS or --scheduler-file, not both")
    if address:
        return address
    if scheduler_file:
        return f"file:{scheduler_file}"
    return os.environ.get(ENV_ADDRESS) or None


@contextmanager
def _quiet_logs(level: int) -> Iterator[None]:
    """Dask logs to stderr from the driver too: keep it at ``level`` for the run."""
    logger = logging.getLogger("distributed")
    before = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(before)


@contextmanager
def connect(
    target: str | None, workers: int, home: str, log_level: int = logging.CRITICAL
) -> Iterator[Any]:
    """A client of ``target`` (see :func:`cluster_target`), closed (with its cluster) after.

    ``workers``: processes of a local cluster (0: one per CPU), or how many workers of an
    existing cluster to wait for (at least one).
    """
    with _quiet_logs(log_level):
        if target is None:
            with _local(workers, home, log_level) as client:
                yield client
            return
        with _join(target) as client:
            wanted = max(workers, 1)
            try:
                client.wait_for_workers(wanted, timeout=CONNECT_TIMEOUT_S)
            except TimeoutError:
                raise SummarizeError(
                    f"fewer than {wanted} worker(s) joined the cluster at {target} "
                    f"within {CONNECT_TIMEOUT_S} s"
                ) from None
            yield client


@contextmanager
def _local(workers: int, home: str, log_level: int) -> Iterator[Any]:
    import dask

    dist = distributed_module()
    with (
        dask.config.set(LOCAL_CONFIG),
        dist.LocalCluster(
            host="127.0.0.1",
            n_workers=workers or cpu_count(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # Dask still opens an (empty) HTTP server: on loopback, on a free port.
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=log_level,
            # Local workers use the driver's model store, whatever chose it.
            env={"SUMMARIZE_HOME": home},
            preload=[__name__],
        ) as cluster,
        dist.Client(cluster, set_as_default=False) as client,
    ):
        yield client


def dask_setup(worker: Any) -> None:
    """Preload of a local cluster's workers: Ctrl-C is the driver's to handle.

    A terminal sends SIGINT to the whole process group; without this every worker would
    print a traceback while the driver closes the cluster, which stops them anyway.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _join(target: str) -> Iterator[Any]:
    file = target.removeprefix("file:") if target.startswith("file:") else None
    try:
        client = distributed_module().Client(
            None if file else target,
            scheduler_file=file,
            timeout=CONNECT_TIMEOUT_S,
            set_as_default=False,
        )
    except (OSError, ValueError) as exc:
        where = f"the scheduler in {file}" if file else f"the Dask scheduler at {target}"
        raise SummarizeError(one_line(f"cannot reach {where}: {exc}")) from None
    with client:
        yield client
