"""Batch output: one JSON line per record, each written whole, one run per file at a time.

A file is opened with ``O_APPEND`` and every record goes out as one ``os.write`` of a
complete line: a run killed between records (even with ``kill -9``) leaves only whole
lines. A run killed inside a write may leave a partial last line; :func:`open_output`
cuts it off before the rest of the job is appended.

A run holds an exclusive lock (``flock``) on its output file from before it reads what a
resumed file holds until its last record is written: a second run on the same file is
refused at once (exit 2), so two runs never interleave or repeat records. Every line is
valid JSON, whatever the record held (:mod:`summarize.batch.safejson`).
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from summarize.batch.records import DOC_SUFFIXES, record_key
from summarize.batch.safejson import encode_line
from summarize.errors import SummarizeError, UsageError


class Sink(Protocol):
    """Where output records go."""

    def write(self, record: dict[str, Any]) -> None:
        """Write one record as one line, now."""

    def close(self) -> None:
        """Release the destination."""


def encode(record: dict[str, Any]) -> bytes:
    """A record as one line of UTF-8 JSON (non-ASCII kept as is; see :func:`encode_line`)."""
    return encode_line(record)


class StdoutSink:
    """Records to standard output, flushed line by line for readers downstream."""

    def write(self, record: dict[str, Any]) -> None:
        """Write and flush one line."""
        try:
            sys.stdout.write(encode(record).decode("utf-8"))
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"standard output: cannot write ({exc.strerror or exc})") from None

    def close(self) -> None:
        """Standard output stays open."""


class OutputError(SummarizeError):
    """The output file stopped taking records; those written so far can be resumed."""


class FileSink:
    """Records appended to a file, each line with a single system call, the file locked.

    Raises :class:`UsageError` when the file cannot be opened, or when another run holds it.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd: int | None = lock_output(path)

    def write(self, record: dict[str, Any]) -> None:
        """Append one whole line (a short write, rare on files, is completed)."""
        assert self.fd is not None, "write after close"
        data = memoryview(encode(record))
        try:
            while data:
                written = os.write(self.fd, data)
                data = data[written:]
        except OSError as exc:
            # Disk full, quota, I/O error: a torn last line is cut off by --resume.
            raise OutputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None

    def close(self) -> None:
        """Close the file, which releases the lock (to disk at the OS's pace)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _open(path: str) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory; -o needs a file") from None
    except PermissionError:
        pass  # a file one may write but not read: enough for a run that does not resume
    try:
        return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from None


def lock_output(path: str) -> int:
    """A descriptor of ``path`` (created if need be) holding its exclusive lock."""
    while True:
        fd = _open(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise UsageError(
                f"{path}: another summarize batch is writing this file; "
                "wait for it to end, or write to another file"
            ) from None
        except OSError:
            return fd  # a file system without locks (some network mounts): as before
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except OSError:
            same = False
        if same:
            return fd
        os.close(fd)  # the file was replaced between open and lock: lock the new one


@dataclass
class ResumeState:
    """What a resumed output file holds: records per id key, and lines that are not records."""

    done: Counter[str] = field(default_factory=Counter)
    bad_lines: list[int] = field(default_factory=list)

    def warning(self, path: str) -> str | None:
        """One line about the lines that are not records, or None when there are none."""
        if not self.bad_lines:
            return None
        shown = ", ".join(map(str, self.bad_lines[:5]))
        if len(self.bad_lines) == 1:
            what = (
                f"line {shown} is not an output record; kept as is (no input counts as done by it)"
            )
        else:
            more = ", ..." if len(self.bad_lines) > 5 else ""
            what = (
                f"{len(self.bad_lines)} lines ({shown}{more}) are not output records; "
                "kept as is (no input counts as done by them)"
            )
        return f"warning: {path}: {what}"


def open_output(path: str, resume: bool, inputs: list[str]) -> tuple[FileSink, ResumeState]:
    """The locked sink for ``-o path`` and, with ``resume``, what the file already holds.

    Raises :class:`UsageError` when ``path`` is one of the inputs, holds records and
    ``resume`` is off, or is being written by another run.
    """
    check_not_input(path, inputs)
    sink = FileSink(path)
    assert sink.fd is not None
    try:
        if not resume:
            check_empty(sink.fd, path)
            return sink, ResumeState()
        return sink, read_state(sink.fd, path)
    except BaseException:
        sink.close()
        raise


def check_not_input(path: str, inputs: list[str]) -> None:
    """Refuse an output file that the run would read as input (it would read its own records)."""
    out = Path(path).resolve()
    for arg in inputs:
        if arg == "-" or not os.path.exists(arg):
            continue
        inside = Path(arg).is_dir() and out.is_relative_to(Path(arg).resolve())
        if inside and out.suffix.lower() not in DOC_SUFFIXES:
            continue
        if inside or (out.exists() and os.path.samefile(arg, out)):
            raise UsageError(f"{path}: is also an input of this run; write the records elsewhere")


def check_empty(fd: int, path: str) -> None:
    """Refuse to add a second run's records to a file that holds some, unless resuming it."""
    if os.fstat(fd).st_size > 0:
        raise UsageError(
            f"{path} already holds records: add --resume to finish that job, "
            "or remove the file to start again"
        )


def read_state(fd: int, path: str) -> ResumeState:
    """How many records of each id key (:func:`record_key`) the locked file ``fd`` holds.

    Ids may repeat in the input, so a resumed run skips as many inputs of each id as the
    file holds (see :func:`~summarize.batch.drain.skip_done`). A partial last line is cut
    off. Lines that are not JSON objects with an id are kept, and listed in ``bad_lines``.
    """
    import json

    state = ResumeState()
    try:
        stream = os.fdopen(os.dup(fd), "rb")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with stream:
        stream.seek(0)
        end = 0
        for number, line in enumerate(stream, start=1):
            if not line.endswith(b"\n"):
                os.ftruncate(fd, end)
                break
            end += len(line)
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError):
                obj = None
            if isinstance(obj, dict) and "id" in obj:
                state.done[record_key(obj["id"])] += 1
            else:
                state.bad_lines.append(number)
    return state
