"""Batch input: records read lazily from JSON Lines, text files, directories or stdin.

Conventions (also in ``summarize batch --help``):

- ``-`` is standard input. It holds JSON Lines when its first non-blank byte is ``{``,
  otherwise plain-text documents separated by a line holding only ``---``.
- A file named ``*.jsonl``, ``*.ndjson`` or ``*.json`` holds JSON Lines; any other file
  is one document (``.txt`` or ``.html``); a directory stands for its ``.txt``, ``.html``
  and ``.htm`` files, recursively, in name order.
- Ids: a JSON record's ``id`` field; else its line number (``PATH:LINE`` when several
  inputs are given); a file's path; the document number for ``---``-separated stdin.
- A JSON record's ``text`` is the article; ``title`` and ``date`` (strings) are hints the
  cleaner uses when it finds none. A record with an http(s) ``url`` and no ``text`` is fetched
  (:mod:`summarize.sources.web`) when it is processed; under offline mode it fails. Every other
  field is passed through to the output (see :func:`passthrough`).

Nothing is read before it is needed: memory does not grow with the input.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import InputError, UsageError
from summarize.sources.web import is_url

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
DOC_SUFFIXES = (".txt", ".html", ".htm")
INPUT_FORMATS = ("auto", "jsonl", "text")
SEPARATOR = b"---"
# Names the output record uses itself: an input field of the same name is renamed.
RESERVED = frozenset(
    {"id", "summary", "translation", "error", "lang", "source_lang", "engine", "model"}
    | {"title", "date", "date_iso", "source", "chars_in", "ms", "truncated_from"}
    | {"headline", "headline_ar", "bullets", "models", "via", "warning"}
)


@dataclass(frozen=True)
class InputRecord:
    """One article to process, or one that could not be read (``error`` set)."""

    id: Any
    text: str | None = None
    title: str | None = None
    date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    url: str | None = None  # a record with a ``url`` and no ``text``: fetched by the worker


def record_key(record_id: Any) -> str:
    """A hashable, canonical form of an id (ids may be any JSON value)."""
    return json.dumps(record_id, ensure_ascii=False, sort_keys=True)


def passthrough(fields: dict[str, Any]) -> dict[str, Any]:
    """Input fields as they appear in the output: ``input_NAME`` where NAME is taken.

    A field whose name the output uses itself (``lang``, ``summary``, ``model`` ...) or
    that already starts with ``input_`` is written as ``input_<name>``; the rest keep
    their names (``url`` stays ``url``).
    """
    out: dict[str, Any] = {}
    for name, value in fields.items():
        clash = name in RESERVED or name.startswith("input_")
        out[f"input_{name}" if clash else name] = value
    return out


def _json_record(obj: dict[str, Any] | str, number: int, default_id: Any) -> InputRecord:
    # A line that cannot be used and has no id of its own is known as "line N": a string,
    # as ids usually are, rather than the bare number a usable line without an id gets.
    bad_id = default_id if not isinstance(default_id, int) else f"line {number}"
    if isinstance(obj, str):
        return InputRecord(bad_id, error=f"line {number}: {obj}")
    record_id = obj.pop("id", None)
    text = obj.pop("text", None)
    hints = {k: obj.pop(k) for k in ("title", "date") if isinstance(obj.get(k), str)}
    url = obj.get("url") if isinstance(obj.get("url"), str) and is_url(obj["url"]) else None
    extra = passthrough(obj)
    usable = isinstance(text, str) or (text is None and url is not None)
    record_id = record_id if record_id is not None else default_id if usable else bad_id
    if text is None and url is not None:
        return InputRecord(record_id, None, hints.get("title"), hints.get("date"), extra, url=url)
    if text is None:
        return InputRecord(record_id, extra=extra, error=f"line {number}: no 'text' field")
    if not isinstance(text, str):
        kind = type(text).__name__
        error = f"line {number}: 'text' is not a string ({kind})"
        return InputRecord(record_id, extra=extra, error=error)
    return InputRecord(record_id, text, hints.get("title"), hints.get("date"), extra)


def jsonl_records(stream: Iterable[bytes], prefix: str | None = None) -> Iterator[InputRecord]:
    """Records of a JSON Lines stream; blank lines are skipped, bad lines become errors."""
    from summarize.sources.inputs import read_jsonl

    for number, obj in read_jsonl(stream):
        default_id: Any = number if prefix is None else f"{prefix}:{number}"
        yield _json_record(obj, number, default_id)


def _document(data: bytes, record_id: Any, name: str) -> InputRecord:
    from summarize.sources.inputs import decode_input, to_source

    try:
        text, warning = decode_input(data, name)
        source = to_source(text, name)
    except InputError as exc:
        return InputRecord(record_id, error=str(exc))
    extra = {} if warning is None else {"warning": warning.removeprefix("warning: ")}
    return InputRecord(record_id, source.text, source.title, source.date, extra)


def read_documents(stream: Iterable[bytes]) -> Iterator[InputRecord]:
    """Plain-text documents separated by ``---`` lines; ids count the non-blank ones."""
    number = 0
    lines: list[bytes] = []
    # A separator after the last line flushes the last document (chain: stays lazy).
    for line in itertools.chain(stream, [SEPARATOR]):
        if line.strip() != SEPARATOR:
            lines.append(line)
            continue
        data = b"".join(lines)
        lines = []
        if data.strip():
            number += 1
            yield _document(data, number, f"<stdin> document {number}")


def read_file(path: Path) -> InputRecord:
    """One file as one document, its path as id; unreadable files become error records."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputRecord(name, error=f"{name}: cannot read ({exc.strerror or exc})")
    return _document(data, name, name)


def _walk(directory: Path) -> Iterator[InputRecord]:
    """Documents under ``directory``, recursively, in name order (listed folder by folder)."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        name = str(directory)
        yield InputRecord(name, error=f"{name}: cannot list ({exc.strerror or exc})")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path)
        elif path.suffix.lower() in DOC_SUFFIXES:
            yield read_file(path)


def _stdin_records(input_format: str) -> Iterator[InputRecord]:
    lines: Iterable[bytes] = sys.stdin.buffer
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
        yield from _walk(path)
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
