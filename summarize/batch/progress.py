"""The batch progress bar on stderr: records done, records/s, ETA, errors.

It is refreshed by the loop that writes records (no refresh thread), so worker
processes can be forked at any time and nothing redraws between two records.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn
from rich.text import Text

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


def same_terminal(out: IO[str], err: IO[str]) -> bool:
    """Whether ``out`` and ``err`` are one terminal (records and the bar share a screen)."""
    try:
        if not (out.isatty() and err.isatty()):
            return False
        return os.path.samestat(os.fstat(out.fileno()), os.fstat(err.fileno()))
    except (OSError, ValueError):
        return False


def eta(left: float | None, rate: float) -> str:
    """``H:MM:SS`` to finish ``left`` records at ``rate`` records/s; ``-:--:--`` unknown."""
    if left is None or rate <= 0:
        return "-:--:--"
    seconds = round(left / rate)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class MeasuredEta(ProgressColumn):
    """The time left at the rate measured over the whole run (records done / seconds since
    the first record could start), not rich's window of recent updates: records that arrive
    in blocks (a neural batch) would make that window's rate, and the ETA, jump."""

    def render(self, task: Task) -> Text:
        """``ETA H:MM:SS``."""
        left = None if task.total is None else task.total - task.completed
        # One record is no rate yet (the first often waits for the first shared model call).
        rate = float(task.fields["measured"]) if task.completed >= 2 else 0.0
        return Text(f"ETA {eta(left, rate)}", style="progress.remaining")


class Count(ProgressColumn):
    """``12/200 records``; from stdin, where the total is unknown, ``12 records``."""

    def render(self, task: Task) -> Text:
        """The count."""
        done = int(task.completed)
        return Text(
            f"{done} records" if task.total is None else f"{done}/{task.fields['of']} records"
        )


class BatchProgress:
    """A rich progress bar driven by explicit updates.

    With ``records_above`` (records go to stdout on the very terminal that shows the bar),
    rich prints each record above the bar, so records and bar never share a line.
    """

    def __init__(
        self,
        console: Console,
        total: int | None,
        done_before: int = 0,
        *,
        records_above: bool = False,
    ) -> None:
        self.progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(bar_width=24),
            Count(),
            TextColumn("{task.fields[rate]} rec/s"),
            TextColumn("{task.fields[errors]} errors"),
            MeasuredEta(),
            console=console,
            auto_refresh=False,
            transient=False,
            # Records stay on stdout unless stdout is this very terminal: then rich prints
            # them above the bar (same screen, same bytes, never mixed into the bar's line).
            redirect_stdout=records_above,
            redirect_stderr=False,
        )
        left = None if total is None else max(total - done_before, 0)
        self.task = self.progress.add_task(
            "batch",
            total=left,
            of="?" if left is None else left,
            rate="0",
            errors=0,
            measured=0.0,
        )
        self.started = time.perf_counter()
        self.waited = 0.0  # seconds spent loading models: not part of the measured rate
        self.wait_began: float | None = None
        self.last = 0.0
        self.progress.start()

    def loading(self, what: str | None) -> None:
        """A model starts loading (its name), or (None) the load is over."""
        now = time.perf_counter()
        if what is not None:
            self.wait_began = now
            self.progress.update(self.task, description=f"loading {what}")
        else:
            if self.wait_began is not None:
                self.waited += now - self.wait_began
            self.wait_began = None
            self.progress.update(self.task, description="batch")
        self.progress.refresh()

    def update(self, done: int, errors: int) -> None:
        """Record progress; redraw at most every ``REFRESH_S`` seconds."""
        now = time.perf_counter()
        working = now - self.started - self.waited
        rate = done / working if working > 0 else 0.0
        self.progress.update(
            self.task, completed=done, rate=f"{rate:.0f}", errors=errors, measured=rate
        )
        if now - self.last >= REFRESH_S:
            self.last = now
            self.progress.refresh()

    def stop(self) -> None:
        """Draw the final state and release the terminal (safe to call twice)."""
        self.progress.refresh()
        self.progress.stop()
