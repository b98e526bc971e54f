"""Batch output: one JSON line per record, each written whole, and resuming a file.

A file is opened with ``O_APPEND`` and every record goes out as one ``os.write`` of a
complete line: a run killed between records (even with ``kill -9``) leaves only whole
lines. A run killed inside a write may leave a partial last line; :func:`resume_ids`
cuts it off before the rest of the job is appended.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from typing import Any, Protocol

from summarize.batch.records import record_key
from summarize.errors import SummarizeError, UsageError
from summarize.render import dumps


class Sink(Protocol):
    """Where output records go."""

    def write(self, record: dict[str, Any]) -> None:
        """Write one record as one line, now."""

    def close(self) -> None:
        """Release the destination."""


def encode(record: dict[str, Any]) -> bytes:
    """A record as one line of UTF-8 JSON (non-ASCII kept as is)."""
    return (dumps(record) + "\n").encode("utf-8")


class StdoutSink:
    """Records to standard output, flushed line by line for readers downstream."""

    def write(self, record: dict[str, Any]) -> None:
        """Write and flush one line."""
        try:
            sys.stdout.write(dumps(record) + "\n")
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
    """Records appended to a file, each line with a single system call."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.fd: int | None = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from None

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
        """Close the file (to disk at the OS's pace: a crash of the machine may lose lines)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def check_output(path: str, resume: bool) -> None:
    """Refuse to add a second run's records to an existing file unless resuming it."""
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a directory; -o needs a file")
    if resume:
        return
    try:
        size = os.path.getsize(path)
    except OSError:
        return
    if size > 0:
        raise UsageError(
            f"{path} already holds records: add --resume to finish that job, "
            "or remove the file to start again"
        )


def resume_ids(path: str) -> Counter[str]:
    """How many records of each id key (:func:`record_key`) ``path`` holds.

    Ids may repeat in the input, so a resumed run skips as many inputs of each id as the
    file holds (see :func:`~summarize.batch_drain.skip_done`). A partial last line is cut
    off. A missing file is an empty job. Lines that are not JSON objects with an ``id`` are
    kept but do not count as done.
    """
    done: Counter[str] = Counter()
    try:
        stream = open(path, "r+b")  # noqa: SIM115 (closed below, after a possible truncate)
    except FileNotFoundError:
        return done
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with stream:
        end = 0
        for line in stream:
            if not line.endswith(b"\n"):
                stream.truncate(end)
                break
            end += len(line)
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and "id" in obj:
                done[record_key(obj["id"])] += 1
    return done
