"""Batches through a Dask cluster and back, in input order, with bounded work in flight.

A batch whose workers all died (Dask gives up after ``allowed-failures`` deaths and
raises ``KilledWorker``) is split into one task per record and run again, so that the
records that happened to share a batch, or a worker, with a record that kills its worker
are still done; a single record that still kills its workers becomes an error record.
"""

from __future__ import annotations

import itertools
from collections.abc import Generator, Iterator
from concurrent.futures import CancelledError
from typing import Any

from summarize.batch.cluster.connect import distributed_module
from summarize.batch.records import InputRecord
from summarize.batch.work import error_record
from summarize.errors import SummarizeError, one_line

Outputs = list[dict[str, Any]]


class OrderedRun:
    """Submits batches, collects their outputs, and gives them back in input order.

    Each input batch is a *slot*; a slot holds one part (the batch) or, once split, one
    part per record. A slot is written when all its parts are done.
    """

    def __init__(self, client: Any, plugin_name: str) -> None:
        from summarize.batch.cluster.worker import process_batch

        self.client = client
        self.plugin_name = plugin_name
        self.task = process_batch
        self.running = distributed_module().as_completed(loop=client.loop)
        self.inputs: dict[Any, tuple[int, tuple[int, ...], list[InputRecord]]] = {}
        self.parts: dict[int, dict[tuple[int, ...], Outputs]] = {}
        self.open: dict[int, int] = {}

    def submit(self, slot: int, records: list[InputRecord], part: tuple[int, ...] = ()) -> None:
        """Send ``records`` to the cluster as part ``part`` of ``slot``."""
        key = "-".join(map(str, (self.plugin_name, slot, *part)))
        future = self.client.submit(self.task, self.plugin_name, records, key=key, pure=False)
        self.inputs[future] = (slot, part, records)
        self.running.add(future)
        self.open[slot] = self.open.get(slot, 0) + 1

    def collect(self, future: Any) -> None:
        """Take in a finished task: its outputs, or (killed workers) its records split up."""
        slot, part, records = self.inputs.pop(future)
        outputs = self._outcome(future, records)
        future.release()
        self.open[slot] -= 1
        if outputs is None:
            for i, record in enumerate(records):
                self.submit(slot, [record], (*part, i))
            return
        self.parts.setdefault(slot, {})[part] = outputs

    def ready(self, slot: int) -> Outputs | None:
        """The outputs of ``slot`` in input order once all its parts are done, else None."""
        if self.open.get(slot, 1):
            return None
        del self.open[slot]
        parts = self.parts.pop(slot, {})
        return list(itertools.chain.from_iterable(parts[key] for key in sorted(parts)))

    def _outcome(self, future: Any, records: list[InputRecord]) -> Outputs | None:
        # result() also waits when a finished batch's data died with its worker and the
        # scheduler computes it again.
        try:
            result: Outputs = future.result()
        except CancelledError:
            raise SummarizeError(
                "the cluster cancelled the run's work (scheduler restarted or lost)"
            ) from None
        except distributed_module().KilledWorker as exc:
            if len(records) > 1:
                return None
            tries = getattr(exc, "allowed_failures", None)
            plural = "" if tries == 0 else "s"
            times = f" ({tries + 1} worker{plural})" if isinstance(tries, int) else ""
            message = f"the worker processing this record died each time it was run{times}"
            return [error_record(records[0], one_line(message))]
        return result


def ordered_outputs(
    client: Any, plugin_name: str, batches: Iterator[list[InputRecord]], limit: int
) -> Generator[dict[str, Any], None, None]:
    """Output records of ``batches`` run on the cluster, in input order.

    At most ``limit`` batches are submitted and not yet written, whether running or
    finished out of order and waiting for an earlier one: memory stays bounded.
    """
    run = OrderedRun(client, plugin_name)
    submitted = written = 0

    def fill() -> None:
        nonlocal submitted
        while submitted - written < limit and (batch := next(batches, None)):
            run.submit(submitted, batch)
            submitted += 1

    fill()
    for future in run.running:
        run.collect(future)
        while (outputs := run.ready(written)) is not None:
            yield from outputs
            written += 1
        fill()
