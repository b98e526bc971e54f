"""Reading input: files, stdin, byte decoding (UTF-8/16, cp1256) and HTML detection."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import InputError
from summarize.text.html import html_to_text, markup_kind, tags_to_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text files (C0 controls other than tab, newlines, FF, ESC).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


@dataclass(frozen=True)
class Source:
    """Decoded input text, with metadata found by the reader (HTML pages carry some)."""

    text: str
    name: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    bad = sum(1 for b in sample if b in _BINARY_BYTES)
    return bad > max(2, len(sample) // 100)


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode text bytes: a BOM wins, else UTF-8, else Windows-1256 (legacy Arabic)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {encoding} text ({exc.reason})") from None
    if _looks_binary(data):
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8, UTF-16 or Windows-1256 text") from None
    if not _mostly_letters(text):
        raise InputError(f"{name}: not UTF-8, UTF-16 or Windows-1256 text")
    return text


def _mostly_letters(text: str) -> bool:
    """Whether a cp1256 decoding reads as text (letters dominate the visible characters)."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return True
    letters = sum(1 for ch in visible if ch.isalpha() or ch.isdigit())
    return letters >= 0.6 * len(visible)


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
    return to_source(decode_bytes(read_bytes(path), name), name)


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
        except ValueError as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield (
                number,
                f"invalid JSON ({reason.splitlines()[0] if reason else type(exc).__name__})",
            )
            continue
        yield number, obj if isinstance(obj, dict) else "not a JSON object"
