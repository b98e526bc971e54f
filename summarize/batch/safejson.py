"""Batch output lines that are always valid JSON (RFC 8259), whatever the input held.

A record is written as it is when it can be. Otherwise, in this order:

- non-finite numbers (``NaN``, ``Infinity``, ``1e999`` read from the input) are written as
  ``null``: JSON has no such numbers, and strict readers reject the whole line;
- lone surrogates (``"\\ud800"`` in the input, or a file name that is not UTF-8) are
  written as U+FFFD, as undecodable input bytes are;
- a record that still cannot be written (nested too deeply, a value that is not JSON)
  becomes an ``{"id", "error"}`` record: one line per input, and the run goes on.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from summarize.render import dumps

_SURROGATE = re.compile("[\ud800-\udfff]")
# Every failure json.dumps and str.encode can raise on a value (UnicodeEncodeError is a
# ValueError; RecursionError comes from deep nesting; TypeError from values that are not JSON).
DUMP_ERRORS = (ValueError, TypeError, RecursionError)


def clean_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (the same object when none)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def clean(value: Any) -> Any:
    """``value`` with non-finite numbers as None and lone surrogates as U+FFFD, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean(k) if isinstance(k, str) else k: clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    return value


def _strict(record: Any) -> bytes:
    return (dumps(record, allow_nan=False) + "\n").encode("utf-8")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def writable(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` as it will be written: itself, cleaned (see above), or an error record."""
    try:
        _strict(record)
        return record
    except DUMP_ERRORS:
        pass
    try:
        cleaned: dict[str, Any] = clean(record)
        _strict(cleaned)
        return cleaned
    except DUMP_ERRORS as exc:
        reason = _reason(exc)
    record_id = record.get("id")
    if not isinstance(record_id, str | int | float) or isinstance(record_id, bool):
        record_id = None
    return {"id": clean(record_id), "error": f"cannot write this record as JSON: {reason}"}


def encode_line(record: dict[str, Any]) -> bytes:
    """``record`` as one line of UTF-8 JSON (see :func:`writable`)."""
    try:
        return _strict(record)
    except DUMP_ERRORS:
        return _strict(writable(record))


def key_of(value: Any) -> str:
    """A canonical string for a JSON value as :func:`encode_line` writes it."""
    try:
        return json.dumps(clean(value), ensure_ascii=False, sort_keys=True)
    except DUMP_ERRORS:
        return "null"
