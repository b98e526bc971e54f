"""Engines: the protocols and options they share, the registry, and the policy that picks one.

``extractive/`` (embedded, no model), ``neural/`` (CTranslate2 models), ``lead`` (a baseline).
"""

from summarize.engines.base import (
    Document,
    Length,
    Summarizer,
    SummaryOptions,
    Translator,
    notice_of,
)
from summarize.engines.registry import (
    engine_names,
    register_summarizer,
    register_translator,
    unregister_summarizer,
    unregister_translator,
)
from summarize.engines.resolve import (
    Fallback,
    find_installed,
    pull_hint,
    resolve_crosslingual,
    resolve_summarizer,
    resolve_translator,
)

__all__ = [
    "Document",
    "Fallback",
    "Length",
    "Summarizer",
    "SummaryOptions",
    "Translator",
    "engine_names",
    "find_installed",
    "notice_of",
    "pull_hint",
    "register_summarizer",
    "register_translator",
    "resolve_crosslingual",
    "resolve_summarizer",
    "resolve_translator",
    "unregister_summarizer",
    "unregister_translator",
]
