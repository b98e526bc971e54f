"""Batch input: records from paths, folders and stdin, read lazily, in order.

See :mod:`summarize.batch.records` for what a record is. A folder stands for its ``.txt``,
``.html`` and ``.htm`` files, recursively, in name order, listed folder by folder. Links to
folders are not followed: they lead out of the tree or back into it (a link loop would list
the same files over and over). A file reached twice (through a file link or a hard link) is
read once. An entry that cannot be read, or is not a regular file (a FIFO would block the
run), is an error record; the walk goes on.
"""

from __future__ import annotations

import itertools
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from summarize.batch.records import (
    DOC_SUFFIXES,
    INPUT_FORMATS,
    JSONL_SUFFIXES,
    InputRecord,
    document,
    jsonl_records,
    read_documents,
    utf8_lines,
)
from summarize.errors import UsageError


def read_file(path: Path) -> InputRecord:
    """One file as one document, its path as id; unreadable files become error records."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputRecord(name, error=f"{name}: cannot read ({exc.strerror or exc})")
    return document(data, name, name)


def _listing(directory: str) -> list[os.DirEntry[str]] | InputRecord:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        return InputRecord(directory, error=f"{directory}: cannot list ({exc.strerror or exc})")


def _file(entry: os.DirEntry[str], seen: set[tuple[int, int]]) -> Iterator[InputRecord]:
    name = entry.path
    try:
        info = os.stat(name)  # through a file link, to the file itself
    except OSError as exc:
        yield InputRecord(name, error=f"{name}: cannot read ({exc.strerror or exc})")
        return
    if stat.S_ISDIR(info.st_mode):
        return  # a link to a folder that happens to be named *.txt: not followed
    if not stat.S_ISREG(info.st_mode):
        yield InputRecord(name, error=f"{name}: not a regular file")
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    yield read_file(Path(name))


def walk(root: Path) -> Iterator[InputRecord]:
    """Documents under the folder ``root`` (see the module's docstring), read lazily."""
    seen: set[tuple[int, int]] = set()
    first = _listing(str(root))
    if isinstance(first, InputRecord):
        yield first
        return
    # A stack of listings rather than recursion: a deep tree cannot exhaust Python's stack.
    stack = [iter(first)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.is_dir(follow_symlinks=False):
            listing = _listing(entry.path)
            if isinstance(listing, InputRecord):
                yield listing
            else:
                stack.append(iter(listing))
        elif Path(entry.name).suffix.lower() in DOC_SUFFIXES:
            yield from _file(entry, seen)


def _stdin_records(input_format: str) -> Iterator[InputRecord]:
    lines = utf8_lines(sys.stdin.buffer)
    if input_format == "auto":
        head, lines = _first_line(lines)
        input_format = "jsonl" if head.lstrip(b"\xef\xbb\xbf").lstrip()[:1] == b"{" else "text"
    if input_format == "jsonl":
        return jsonl_records(lines)
    return read_documents(lines)


def _first_line(lines: Iterable[bytes]) -> tuple[bytes, Iterator[bytes]]:
    """The first non-blank line, and all the lines again (nothing consumed)."""
    it = iter(lines)
    seen: list[bytes] = []
    for line in it:
        seen.append(line)
        if line.strip():
            break
    return (seen[-1] if seen else b""), itertools.chain(seen, it)


def _path_records(arg: str, input_format: str, prefix: str | None) -> Iterator[InputRecord]:
    path = Path(arg)
    if path.is_dir():
        yield from walk(path)
        return
    if not path.exists():
        yield InputRecord(arg, error=f"{arg}: no such file")
        return
    is_jsonl = input_format == "jsonl" or (
        input_format == "auto" and path.suffix.lower() in JSONL_SUFFIXES
    )
    if not is_jsonl:
        yield read_file(path)
        return
    try:
        with path.open("rb") as stream:
            yield from jsonl_records(stream, prefix)
    except OSError as exc:
        yield InputRecord(arg, error=f"{arg}: cannot read ({exc.strerror or exc})")


def check_inputs(args: Iterable[str], input_format: str) -> list[str]:
    """Validate the input arguments before anything is read (usage errors only)."""
    args = list(args)
    if input_format not in INPUT_FORMATS:
        choices = ", ".join(INPUT_FORMATS)
        raise UsageError(f"unknown input format {input_format!r} (choose from: {choices})")
    if not args:
        raise UsageError("no input: give files, directories, or - for standard input")
    if args.count("-") > 1:
        raise UsageError("standard input (-) can be given only once")
    if "-" in args and sys.stdin.isatty():
        raise UsageError("standard input is a terminal: pipe records in, or give files")
    return args


def read_inputs(args: list[str], input_format: str = "auto") -> Iterator[InputRecord]:
    """All records of all inputs, in order, read lazily."""
    several = len(args) > 1
    for arg in args:
        if arg == "-":
            yield from _stdin_records(input_format)
        else:
            yield from _path_records(arg, input_format, arg if several else None)
