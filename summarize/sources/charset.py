"""A web page's bytes to text: declared character sets are hints, the bytes are the evidence.

Arabic sites often declare the wrong charset in the HTTP header (``iso-8859-1`` for UTF-8,
or for Windows-1256), and Latin-1 decodes any bytes, so a declaration proves nothing. The
bytes decide first, as for files (:func:`summarize.sources.decode.decode`): a BOM, valid
UTF-8 or UTF-16 is what it is. Otherwise a declared charset (``<meta charset>``, then the
header) is taken when it decodes without error, reads as text, and reads at least as well
as the decoder's own choice (:func:`summarize.sources.decode.cost`); else the decoder's
choice, or its refusal. Mojibake never passes as text.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterable

from summarize.sources.decode import (
    MIN_PLAUSIBILITY,
    Decoded,
    DecodeError,
    cost,
    decode,
    plausibility,
)

_META = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TAG = re.compile(rb"<[^<>]*>")
_TEXT_TAG = re.compile(r"<[^<>]*>")
_HEAD = 16 * 1024  # <meta charset> is looked for in the page's first bytes only
_SAMPLE = 1 << 16
_PROVEN = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"})


def meta_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta charset>`` (or ``http-equiv`` content type) declares."""
    match = _META.search(data[:_HEAD])
    return match.group(1).decode("ascii") if match else None


def decode_page(data: bytes, header: str | None) -> Decoded:
    """Decode a page whose HTTP header declared ``header`` (``None``: nothing declared).

    Raises :class:`DecodeError` when neither the evidence nor a declaration that the bytes
    bear out gives text.
    """
    try:
        found: Decoded | None = _evidence(data)
    except DecodeError as exc:
        found, refusal = None, exc
    if found is not None and found.encoding in _PROVEN and not found.replaced:
        return found
    for charset in _declared((meta_charset(data), header)):
        declared = _read_as(data, charset)
        if declared is not None and (found is None or _reads_as_well(declared, found)):
            return declared
    if found is None:
        raise refusal
    return found


def _evidence(data: bytes) -> Decoded:
    """The decoder's choice, judged on the page's text: tags read as misplaced punctuation.

    Markup is ASCII in every candidate but UTF-16, which the decoder tells first.
    """
    whole: Decoded | None = None
    with contextlib.suppress(DecodeError):
        whole = decode(data)
    if whole is not None and (whole.encoding in _PROVEN and not whole.replaced):
        return whole
    chosen = decode(_TAG.sub(b" ", data))
    if chosen.encoding in _PROVEN:
        return whole or decode(data)
    try:
        return Decoded(data.decode(chosen.encoding), chosen.encoding)
    except UnicodeDecodeError:
        return whole or decode(data)


def _declared(names: Iterable[str | None]) -> list[str]:
    """Known codec names, in order, without repeats."""
    out: list[str] = []
    for name in names:
        try:
            codec = codecs.lookup(name.strip()).name if name else None
        except LookupError:
            continue
        if codec and codec not in out:
            out.append(codec)
    return out


def _read_as(data: bytes, charset: str) -> Decoded | None:
    """``data`` in ``charset`` when it decodes without error and reads as text."""
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None
    readable = plausibility(_TEXT_TAG.sub(" ", text[:_SAMPLE])) >= MIN_PLAUSIBILITY
    return Decoded(text, charset) if readable else None


def _reads_as_well(declared: Decoded, found: Decoded) -> bool:
    """Whether the declared reading costs no more than the decoder's (ties: the declaration)."""
    if codecs.lookup(found.encoding).name == declared.encoding:
        return True
    return _text_cost(declared.text) <= _text_cost(found.text)


def _text_cost(page: str) -> int:
    return cost(_TEXT_TAG.sub(" ", page[:_SAMPLE]))
