"""The worker side of ``summarize batch --cluster``: a plugin that holds the engine.

Dask unpickles :class:`EnginePlugin` on every worker of the cluster (those that join
later too) and calls its ``setup``, which builds one :class:`RecordWorker` and loads its
engine there, once. Tasks (:func:`process_batch`) then carry only records; they find the
loaded worker through the plugin's name. A worker needs the ``summarize`` package (and so
ctranslate2) importable, and, for neural engines, the model in its own store
(``SUMMARIZE_HOME`` on that machine, else its user cache dir).

This module imports ``distributed``: import it only once the ``cluster`` extra is known to
be installed (:mod:`summarize.batch.cluster.driver` does).
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from distributed import WorkerPlugin, get_worker

from summarize.batch.records import InputRecord
from summarize.batch.work import RecordWorker
from summarize.errors import SummarizeError, one_line
from summarize.settings import Settings, default_home
from summarize.tasks import Task

SETUP_FAILED = "worker could not load engine"


class WorkerSetupError(SummarizeError):
    """A worker could not build its engine: the run cannot go on on that worker."""


def setup_message(exc: BaseException) -> str:
    """The one-line error a failed worker setup becomes on the driver."""
    if isinstance(exc, SummarizeError) or type(exc) is Exception:
        # A bare Exception is Dask's wrapper of an error it could not send back as is.
        detail = str(exc)
    else:
        detail = f"{type(exc).__name__}: {exc}"
    if "No module named 'summarize" in detail:
        detail += "; install summarize on every worker: pip install 'summarize[cluster]'"
    prefix = f"{SETUP_FAILED}: "
    return one_line(detail if detail.startswith(prefix) else prefix + detail)


class EnginePlugin(WorkerPlugin):
    """Builds a :class:`RecordWorker` on a Dask worker and closes it when removed.

    ``imports`` are modules imported on the worker before the engine is built, for engines
    registered at import by code other than ``summarize`` (plugins, test fakes).
    """

    idempotent = False

    def __init__(
        self, name: str, task: Task, settings: Settings, imports: Sequence[str] = ()
    ) -> None:
        self.name = name
        self.task = task
        self.settings = settings
        self.imports = tuple(imports)
        self.worker: RecordWorker | None = None
        self.error: str | None = None
        # Engine notices (a fallback to the extractive engine), for the driver to print.
        self.notices: list[str] = []
        # A worker with several threads runs tasks concurrently; one engine serves them.
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.update(worker=None, error=None, lock=None, notices=[])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.lock = threading.Lock()

    def setup(self, worker: Any = None) -> None:
        """Load the engine; on failure remember why (for tasks) and raise (for the driver)."""
        try:
            for module in self.imports:
                importlib.import_module(module)
            # The worker's own store: its machine may not share the driver's disk.
            settings = replace(self.settings, home=default_home(os.environ))
            record_worker = RecordWorker(self.task, settings, notify=self.notices.append)
            try:
                # Engines load lazily; load now so a missing model fails here, once.
                record_worker.session.engine(*self.task.likely_languages())
            except BaseException:
                record_worker.close()
                raise
        except Exception as exc:
            self.error = setup_message(exc)
            raise
        self.worker = record_worker

    def teardown(self, worker: Any = None) -> None:
        """Release the engine (its model memory) on this worker."""
        if self.worker is not None:
            self.worker.close()
            self.worker = None

    def run(self, records: Sequence[InputRecord]) -> list[dict[str, Any]]:
        """Output records of ``records``, in order."""
        if self.worker is None:
            raise WorkerSetupError(self.error or f"{SETUP_FAILED}: the plugin was not set up")
        with self.lock:
            return list(self.worker.run(records))


def worker_notices(plugin_name: str, dask_worker: Any) -> list[str]:
    """The engine notices of a worker so far (``client.run`` passes ``dask_worker``)."""
    plugin = dask_worker.plugins.get(plugin_name)
    return list(plugin.notices) if isinstance(plugin, EnginePlugin) else []


def process_batch(plugin_name: str, records: list[InputRecord]) -> list[dict[str, Any]]:
    """The task run on a worker: one batch of records through the worker's engine."""
    plugin = get_worker().plugins.get(plugin_name)
    if not isinstance(plugin, EnginePlugin):
        raise WorkerSetupError(f"{SETUP_FAILED}: the engine plugin is not on this worker")
    return plugin.run(records)
