"""Batch input: records read lazily from JSON Lines, text files, directories or stdin.

Conventions (also in ``summarize batch --help``):

- ``-`` is standard input. It holds JSON Lines when its first non-blank byte is ``{``,
  otherwise plain-text documents separated by a line holding only ``---``.
- A file named ``*.jsonl``, ``*.ndjson`` or ``*.json`` holds JSON Lines; any other file
  is one document (``.txt`` or ``.html``); a directory stands for its ``.txt``, ``.html``
  and ``.htm`` files, recursively, in name order.
- Ids: a JSON record's ``id`` field (a string or a number); a record with no id, or a null
  one, gets ``"line-N"`` (``"PATH:line-N"`` when several inputs are given), a string, so that
  it cannot be mistaken for a numeric id; a file's path; the document number for
  ``---``-separated stdin (an empty document there is an error record, as an empty ``text``).
- A record's ``text`` is read as a file would be: an HTML page is reduced to its article
  (by the worker, see :mod:`summarize.batch.work`); lone surrogates become U+FFFD.
- A JSON Lines file or stream saved as UTF-16 (with a byte-order mark, or plainly ASCII-led
  with NUL bytes between) is read as such.
- A JSON record's ``text`` is the article; ``title`` and ``date`` (strings) are hints the
  cleaner uses when it finds none. A record with an http(s) ``url`` and no ``text`` is fetched
  (:mod:`summarize.sources.web`) when it is processed; under offline mode it fails. Every other
  field is passed through to the output (see :func:`passthrough`).

Nothing is read before it is needed: memory does not grow with the input.
"""

from __future__ import annotations

import codecs
import io
import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from summarize.batch.safejson import clean_text, key_of
from summarize.errors import InputError
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
    # ``text`` as given in JSON Lines or read from a file, which may be a whole HTML page (the
    # worker reads it, within the session's size limit).
    page: bool = False
    name: str | None = None  # what a reader's error names (a file's path), when not the id


def record_key(record_id: Any) -> str:
    """A hashable, canonical form of an id, as the output file holds it."""
    return key_of(record_id)


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


def _id_error(record_id: Any) -> str | None:
    if isinstance(record_id, str) or (
        isinstance(record_id, int) and not isinstance(record_id, bool)
    ):
        return None
    if isinstance(record_id, float) and math.isfinite(record_id):
        return None
    return f"'id' must be a string or a number, not {_kind(record_id)}"


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", bool: "true or false", float: "NaN or infinite"}
    return names.get(type(value), type(value).__name__)


def _hint(obj: dict[str, Any], name: str) -> str | None:
    value = obj.pop(name) if isinstance(obj.get(name), str) else None
    return None if value is None else clean_text(value)


def _json_record(obj: dict[str, Any] | str, number: int, default_id: str) -> InputRecord:
    if isinstance(obj, str):
        return InputRecord(default_id, error=f"line {number}: {obj}")
    record_id = obj.pop("id", None)
    record_id = default_id if record_id is None else record_id
    if (bad_id := _id_error(record_id)) is not None:
        return InputRecord(default_id, error=f"line {number}: {bad_id}")
    record_id = clean_text(record_id) if isinstance(record_id, str) else record_id
    text = obj.pop("text", None)
    title, date = _hint(obj, "title"), _hint(obj, "date")
    url = obj.get("url") if isinstance(obj.get("url"), str) and is_url(obj["url"]) else None
    extra = passthrough(obj)
    if text is None and url is not None:
        return InputRecord(record_id, None, title, date, extra, url=url)
    if text is None:
        return InputRecord(record_id, extra=extra, error=f"line {number}: no 'text' field")
    if not isinstance(text, str):
        kind = type(text).__name__
        error = f"line {number}: 'text' is not a string ({kind})"
        return InputRecord(record_id, extra=extra, error=error)
    return InputRecord(record_id, clean_text(text), title, date, extra, page=True)


def jsonl_records(stream: Iterable[bytes], prefix: str | None = None) -> Iterator[InputRecord]:
    """Records of a JSON Lines stream; blank lines are skipped, bad lines become errors."""
    from summarize.sources.inputs import read_jsonl

    for number, obj in read_jsonl(utf8_lines(stream)):
        default_id = f"line-{number}" if prefix is None else f"{prefix}:line-{number}"
        yield _json_record(obj, number, default_id)


def document(data: bytes, record_id: Any, name: str) -> InputRecord:
    """One document's decoded text; a page in it is reduced to its article by the worker."""
    from summarize.sources.inputs import decode_input

    try:
        text, warning = decode_input(data, name)
    except InputError as exc:
        return InputRecord(record_id, error=str(exc))
    extra = {} if warning is None else {"warning": warning.removeprefix("warning: ")}
    return InputRecord(record_id, text, extra=extra, page=True, name=name)


def utf8_lines(stream: Iterable[bytes]) -> Iterable[bytes]:
    """The lines of ``stream`` as UTF-8 bytes: UTF-16 input is re-encoded, line by line.

    UTF-16 is recognised by its byte-order mark, or by two ASCII characters each beside
    a NUL byte at the start (``{"`` of a JSON line saved as UTF-16 without a mark).
    """
    lines = iter(stream)
    seen: list[bytes] = []
    for line in lines:
        seen.append(line)
        if sum(map(len, seen)) >= 4:
            break
    rest = itertools.chain(seen, lines)
    encoding = _utf16(b"".join(seen)[:4])
    if encoding is None:
        return rest
    raw = io.BufferedReader(_ChainReader(rest))
    text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="\n")
    return (line.encode("utf-8") for line in text)


def _utf16(head: bytes) -> str | None:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) == 4 and head[0] == head[2] == 0 and head[1] and head[3]:
        return "utf-16-be"
    if len(head) == 4 and head[1] == head[3] == 0 and head[0] and head[2]:
        return "utf-16-le"
    return None


class _ChainReader(io.RawIOBase):
    """Byte chunks read as one raw stream (for decoding UTF-16 across line breaks)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.left:
            chunk = next(self.chunks, None)
            if chunk is None:
                return 0
            self.left = chunk
        n = min(len(buffer), len(self.left))
        buffer[:n] = self.left[:n]
        self.left = self.left[n:]
        return n


def read_documents(stream: Iterable[bytes]) -> Iterator[InputRecord]:
    """Plain-text documents separated by ``---`` lines, numbered from 1.

    Blank space before the first separator or after the last one is not a document; an
    empty document between two separators is an error record (as an empty JSON ``text``).
    """
    number = 0
    lines: list[bytes] = []
    after_separator = False
    # None after the last line flushes the last document (chain: stays lazy).
    for line in itertools.chain(stream, [None]):
        if line is not None and line.strip() != SEPARATOR:
            lines.append(line)
            continue
        data = b"".join(lines)
        lines = []
        if data.strip():
            number += 1
            yield document(data, number, f"<stdin> document {number}")
        elif after_separator and line is not None:
            number += 1
            yield InputRecord(number, error=f"<stdin> document {number}: empty")
        after_separator = True


def windows(records: Iterator[InputRecord], size: int) -> Iterator[list[InputRecord]]:
    """``records`` in lists of ``size`` (the last one shorter), read as they are needed."""
    while window := list(itertools.islice(records, size)):
        yield window
