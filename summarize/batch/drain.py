"""The writing end of a batch run: output records to the sink, counted, shown, reported.

Shared by the local batch command (:mod:`summarize.batch.run`) and its cluster twin
(:mod:`summarize.batch.cluster.driver`), which differ only in where records are processed: both
skip the records a resumed file already holds, write each output record as it comes,
keep what was written on Ctrl-C, and end with the same summary line and exit code.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from rich.console import Console

from summarize.batch.records import InputRecord, record_key
from summarize.batch.safejson import writable
from summarize.batch.sink import FileSink, OutputError, Sink, StdoutSink
from summarize.errors import SummarizeError


@dataclass
class Tally:
    """What a run did."""

    written: int = 0
    errors: int = 0
    skipped: int = 0


class Progress(Protocol):
    """What :func:`drain` needs of a progress display, such as ``BatchProgress``."""

    def update(self, done: int, errors: int) -> None:
        """Records written so far, and how many of them are error records."""

    def stop(self) -> None:
        """Draw the final state and release the terminal (safe to call twice)."""


def skip_done(
    records: Iterable[InputRecord], done: Counter[str], tally: Tally
) -> Iterator[InputRecord]:
    """``records`` minus the first ``done[key]`` of each id key, counted in ``tally.skipped``.

    ``done`` counts :func:`~summarize.batch.records.record_key` keys, as
    :func:`~summarize.batch.sink.resume_ids` returns them: with ids ``a, dup, b, dup``
    and ``{a: 1, dup: 1}`` done, ``b`` and the second ``dup`` are left. Output is written in
    input order, so the records done are the first occurrences.
    """
    left = Counter(done)
    for record in records:
        key = record_key(record.id)
        if left[key] > 0:
            left[key] -= 1
            tally.skipped += 1
            continue
        yield record


def open_sink(output: str | None) -> Sink:
    """The file ``output`` (appended to), or standard output when it is None."""
    return FileSink(output) if output else StdoutSink()


def drain(
    outputs: Generator[dict[str, Any], None, None],
    sink: Sink,
    tally: Tally,
    console: Console,
    progress: Progress | None,
    output: str | None,
) -> None:
    """Write every record of ``outputs`` to ``sink`` as it comes, counting it in ``tally``.

    A record with an ``error`` field counts as failed. On Ctrl-C the records written so
    far stay, the console says how many and how to go on (when writing to the file
    ``output``), and the :class:`KeyboardInterrupt` goes on up. Whatever ends the loop,
    ``outputs`` is closed first (so work behind it stops now), then the progress display
    and the sink.
    """
    try:
        for produced in outputs:
            # As it will be written: a record that cannot be becomes an error record.
            record = writable(produced)
            sink.write(record)
            tally.written += 1
            tally.errors += "error" in record
            if progress is not None:
                progress.update(tally.written, tally.errors)
    except (KeyboardInterrupt, OutputError):
        # The bar's last line first, so the message below stands on a line of its own.
        if progress is not None:
            progress.stop()
        if output:
            console.print(f"{tally.written} records kept in {output}; add --resume to go on")
        raise
    finally:
        outputs.close()
        if progress is not None:
            progress.stop()
        sink.close()


def report_done(console: Console, tally: Tally, seconds: float) -> None:
    """Print the run's summary line; raise :class:`SummarizeError` (exit 1) if any record failed."""
    rate = tally.written / seconds if seconds > 0 else 0.0
    skipped = f", {tally.skipped} already done" if tally.skipped else ""
    console.print(
        f"{tally.written} records ({tally.errors} failed{skipped}) "
        f"in {seconds:.1f} s, {rate:.0f} records/s"
    )
    if tally.errors:
        # Records already on stdout reach the reader before the error on stderr.
        sys.stdout.flush()
        raise SummarizeError(
            f"{tally.errors} of {tally.written} records failed (see their 'error' field)"
        )
