"""The batch progress bar on stderr: records done, records/s, ETA, errors.

It is refreshed by the loop that writes records (no refresh thread), so worker
processes can be forked at any time and nothing redraws between two records.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from summarize.batch.records import DOC_SUFFIXES, JSONL_SUFFIXES

REFRESH_S = 0.1


def _count_lines(path: Path) -> int:
    """Lines of a file (blank ones too: an estimate), read in blocks, memory flat."""
    count = 0
    last = b"\n"
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def _count_docs(directory: Path) -> int:
    total = 0
    for _root, _dirs, files in os.walk(directory):
        total += sum(1 for f in files if Path(f).suffix.lower() in DOC_SUFFIXES)
    return total


def estimate_total(inputs: list[str], input_format: str) -> int | None:
    """How many records the inputs hold, if that can be known without reading stdin."""
    total = 0
    for arg in inputs:
        path = Path(arg)
        if arg == "-":
            return None
        if path.is_dir():
            total += _count_docs(path)
        elif input_format == "jsonl" or (
            input_format == "auto" and path.suffix.lower() in JSONL_SUFFIXES
        ):
            try:
                total += _count_lines(path)
            except OSError:
                total += 1
        else:
            total += 1
    return total


class BatchProgress:
    """A rich progress bar driven by explicit updates."""

    def __init__(self, console: Console, total: int | None, done_before: int = 0) -> None:
        self.progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.fields[of]} records"),
            TextColumn("{task.fields[rate]} rec/s"),
            TextColumn("{task.fields[errors]} errors"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            auto_refresh=False,
            transient=False,
            # rich would otherwise swap sys.stdout for its console: records on stderr.
            redirect_stdout=False,
            redirect_stderr=False,
        )
        left = None if total is None else max(total - done_before, 0)
        self.task = self.progress.add_task(
            "batch", total=left, of="?" if left is None else left, rate="0", errors=0
        )
        self.started = time.perf_counter()
        self.last = 0.0
        self.progress.start()

    def update(self, done: int, errors: int) -> None:
        """Record progress; redraw at most every ``REFRESH_S`` seconds."""
        now = time.perf_counter()
        rate = done / (now - self.started) if now > self.started else 0.0
        self.progress.update(self.task, completed=done, rate=f"{rate:.0f}", errors=errors)
        if now - self.last >= REFRESH_S:
            self.last = now
            self.progress.refresh()

    def stop(self) -> None:
        """Draw the final state and release the terminal (safe to call twice)."""
        self.progress.refresh()
        self.progress.stop()
