"""Reading input: files, stdin, byte decoding (UTF-8/16, Arabic code pages) and HTML detection."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from summarize.errors import InputError
from summarize.sources.decode import Decoded, DecodeError
from summarize.sources.html import bound_page, html_to_text, markup_kind, tags_to_text
from summarize.text.limit import MAX_CHARS


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
    # The page's length in characters when its HTML was cut to the size limit before
    # extraction (None: read whole); reported as the pipeline's own cut is.
    truncated_from: int | None = None


def decode_input(data: bytes, name: str = "input") -> tuple[str, str | None]:
    """Decode text bytes: the text and a warning or None.

    The evidence of :mod:`summarize.sources.decode`, with a page's markup set aside and its
    ``<meta charset>`` weighed as for a URL (:func:`summarize.sources.charset.decode_page`).
    """
    from summarize.sources.charset import decode_page

    try:
        decoded = decode_page(data, None)
    except DecodeError as exc:
        raise InputError(f"{name}: {exc}") from None
    return decoded.text, decoding_warning(decoded, name)


def decoding_warning(decoded: Decoded, name: str) -> str | None:
    """The warning for a decoding that replaced or repaired bytes, else ``None``."""
    if decoded.replaced:
        return (
            f"warning: {name}: {decoded.replaced} invalid {decoded.encoding_name} "
            "byte sequence(s) replaced with U+FFFD"
        )
    if decoded.repaired:
        return f"warning: {name}: UTF-8 text that had been read as Windows-1256, repaired"
    return None


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode text bytes; :class:`InputError` when they are not text in a known encoding."""
    return decode_input(data, name)[0]


def to_source(text: str, name: str, max_chars: int = MAX_CHARS) -> Source:
    """Wrap decoded text; HTML pages are converted to text with their title and date.

    Text with a few line tags (``<br/>``, ``<p>``) but no page structure is text: its
    tags become line breaks. A page over ``max_chars`` is bounded before extraction
    (:func:`summarize.sources.html.bound_page`); a page without text is an input error.
    """
    kind = markup_kind(text)
    if kind == "page":
        page, cut_from = bound_page(text, max_chars)
        body, meta = html_to_text(page)
        if not body.strip() and text.strip():
            raise InputError(f"{name}: no text found in the HTML page")
        title, date, site = meta.get("title"), meta.get("date"), meta.get("source")
        return Source(body, name, title, date, site, truncated_from=cut_from)
    return Source(tags_to_text(text) if kind == "tagged" else text, name)


def stdin_bytes() -> BinaryIO:
    """Standard input as bytes; :class:`InputError` when there is none (closed: ``<&-``)."""
    if sys.stdin is None:
        raise InputError("<stdin>: there is no standard input (it is closed)")
    return sys.stdin.buffer


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal (a closed one is not)."""
    return sys.stdin is not None and sys.stdin.isatty()


def read_bytes(path: str) -> bytes:
    """Read a path, or standard input for ``-``, mapping OS errors to one-line errors."""
    if path == "-":
        try:
            return stdin_bytes().read()
        except OSError as exc:
            raise InputError(f"<stdin>: cannot read ({exc.strerror or exc})") from None
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


def read_source(path: str, max_chars: int = MAX_CHARS) -> Source:
    """Read and decode one input (``-`` for stdin); ``max_chars`` bounds an HTML page."""
    name = "<stdin>" if path == "-" else path
    text, warning = decode_input(read_bytes(path), name)
    return replace(to_source(text, name, max_chars), warning=warning)


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
