"""Reading input: files, stdin, byte decoding (UTF-8/16, Arabic code pages) and HTML detection."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from summarize.errors import InputError
from summarize.sources.decode import DecodeError, decode
from summarize.sources.html import html_to_text, markup_kind, tags_to_text


@dataclass(frozen=True)
class Source:
    """Decoded input text, with metadata found by the reader (HTML pages carry some)."""

    text: str
    name: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    # A decoding problem the reader worked around (bad bytes replaced), for stderr.
    warning: str | None = None


def decode_input(data: bytes, name: str = "input") -> tuple[str, str | None]:
    """Decode text bytes (see :mod:`summarize.sources.decode`): the text and a warning or None."""
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise InputError(f"{name}: {exc}") from None
    warning = None
    if decoded.replaced:
        warning = (
            f"warning: {name}: {decoded.replaced} invalid {decoded.encoding_name} "
            "byte sequence(s) replaced with U+FFFD"
        )
    elif decoded.repaired:
        warning = f"warning: {name}: UTF-8 text that had been read as Windows-1256, repaired"
    return decoded.text, warning


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode text bytes; :class:`InputError` when they are not text in a known encoding."""
    return decode_input(data, name)[0]


def to_source(text: str, name: str) -> Source:
    """Wrap decoded text; HTML pages are converted to text with their title and date.

    Text with a few line tags (``<br/>``, ``<p>``) but no page structure is text: its
    tags become line breaks.
    """
    kind = markup_kind(text)
    if kind == "page":
        body, meta = html_to_text(text)
        return Source(body, name, meta.get("title"), meta.get("date"), meta.get("source"))
    return Source(tags_to_text(text) if kind == "tagged" else text, name)


def read_bytes(path: str) -> bytes:
    """Read a path, or standard input for ``-``, mapping OS errors to one-line errors."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_source(path: str) -> Source:
    """Read and decode one input (``-`` for stdin)."""
    name = "<stdin>" if path == "-" else path
    text, warning = decode_input(read_bytes(path), name)
    return replace(to_source(text, name), warning=warning)


def read_jsonl(lines: Iterable[bytes]) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """``(line number, object)`` for each non-blank JSON Lines line; a string says why not.

    The one JSON Lines reader (batch inputs, evaluation data, predictions). ``lines`` are split
    on ``\\n`` only (a binary file's lines), so a U+2028 inside a JSON string stays in its
    line; a UTF-8 byte-order mark before the first line is skipped.
    """
    for number, line in enumerate(lines, start=1):
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except RecursionError:
            yield number, "invalid JSON (nested too deeply)"
            continue
        except ValueError as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield (
                number,
                f"invalid JSON ({reason.splitlines()[0] if reason else type(exc).__name__})",
            )
            continue
        yield number, obj if isinstance(obj, dict) else "not a JSON object"
