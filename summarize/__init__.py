"""Summarize and translate Arabic news articles, from the terminal or from Python.

The front door of the package (see :mod:`summarize.api`)::

    import summarize

    print(summarize.summarize(text, sentences=2).text)
    for piece in summarize.stream(text):
        print(piece, end="")
    english = summarize.translate(text, to="en").text
    brief = summarize.write_brief(text)

``summarize.summarize`` is the one spelling; ``summarise`` and ``summarize_text`` (which takes a
:class:`SummaryOptions`) are older names for it, kept. Names are imported on first use, so
``import summarize`` (and ``summarize --help``) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from summarize.version import __version__

# Public name → the module that defines it.
_EXPORTS = {
    "Session": "summarize.api",
    "summarize": "summarize.api",
    "summarise": "summarize.api",
    "stream": "summarize.api",
    "translate": "summarize.api",
    "write_brief": "summarize.api",
    "Result": "summarize.pipeline",
    "summarize_text": "summarize.api",
    "SummaryOptions": "summarize.engines.base",
    "Length": "summarize.engines.base",
    "register_summarizer": "summarize.engines.registry",
    "register_translator": "summarize.engines.registry",
    "SummarizeError": "summarize.errors",
    "InputError": "summarize.errors",
    "UsageError": "summarize.errors",
    "ModelNotInstalledError": "summarize.errors",
}

if TYPE_CHECKING:
    from summarize.api import (
        Session,
        stream,
        summarise,
        summarize,
        summarize_text,
        translate,
        write_brief,
    )
    from summarize.engines.base import Length, SummaryOptions
    from summarize.engines.registry import register_summarizer, register_translator
    from summarize.errors import InputError, ModelNotInstalledError, SummarizeError, UsageError
    from summarize.pipeline import Result

__all__ = [
    "InputError",
    "Length",
    "ModelNotInstalledError",
    "Result",
    "Session",
    "SummarizeError",
    "SummaryOptions",
    "UsageError",
    "__version__",
    "register_summarizer",
    "register_translator",
    "stream",
    "summarise",
    "summarize",
    "summarize_text",
    "translate",
    "write_brief",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
