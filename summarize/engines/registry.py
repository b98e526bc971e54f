"""The engine registry: a name → factory dict for summarisers, and one for translators.

A factory takes the :class:`~summarize.settings.Settings` and an optional model name.
``--engine NAME`` picks a registered summariser; ``--model NAME`` (of ``translate``, and a
system's model in ``summarize eval``) picks a registered translator before any installed
model of that name. Plugins and tests register their engines here, so the commands run their
real selection logic on them. The built-in engines (``extractive``, ``extractive-learned``,
``extractive-heuristic``, ``lead``) are registered below; neural engines come from the model store
(:mod:`summarize.engines.resolve`).
"""

from __future__ import annotations

from collections.abc import Callable

from summarize.engines.base import Summarizer, Translator
from summarize.settings import Settings

SummarizerFactory = Callable[[Settings, "str | None"], Summarizer]
TranslatorFactory = Callable[[Settings, "str | None"], Translator]

_SUMMARIZERS: dict[str, SummarizerFactory] = {}
_TRANSLATORS: dict[str, TranslatorFactory] = {}
AUTO = "auto"
NEURAL = "neural"


def register_summarizer(name: str, factory: SummarizerFactory) -> None:
    """Make ``--engine NAME`` build its engine with ``factory``."""
    _SUMMARIZERS[name] = factory


def unregister_summarizer(name: str) -> None:
    """Forget an engine registered with :func:`register_summarizer`."""
    _SUMMARIZERS.pop(name, None)


def register_translator(name: str, factory: TranslatorFactory) -> None:
    """Make ``--model NAME`` of a translation build its translator with ``factory``."""
    _TRANSLATORS[name] = factory


def unregister_translator(name: str) -> None:
    """Forget a translator registered with :func:`register_translator`."""
    _TRANSLATORS.pop(name, None)


def summarizer_factory(name: str) -> SummarizerFactory | None:
    """The factory registered as ``name``, or None."""
    return _SUMMARIZERS.get(name)


def translator_factory(name: str) -> TranslatorFactory | None:
    """The translator factory registered as ``name``, or None."""
    return _TRANSLATORS.get(name)


def engine_names() -> list[str]:
    """Engine names accepted by ``--engine`` (``auto`` and ``neural`` included)."""
    return [AUTO, NEURAL, *sorted(_SUMMARIZERS)]


def _extractive(settings: Settings, model: str | None) -> Summarizer:
    from summarize.engines.extractive.engine import ExtractiveEngine

    return ExtractiveEngine()


def _extractive_learned(settings: Settings, model: str | None) -> Summarizer:
    from summarize.engines.extractive.engine import ExtractiveEngine

    return ExtractiveEngine(ranker="learned")


def _extractive_heuristic(settings: Settings, model: str | None) -> Summarizer:
    from summarize.engines.extractive.engine import ExtractiveEngine

    return ExtractiveEngine(ranker="heuristic")


def _lead(settings: Settings, model: str | None) -> Summarizer:
    from summarize.engines.lead import LeadEngine

    return LeadEngine()


register_summarizer("extractive", _extractive)
# The same engine with each ranker named (the default is the learned one; docs/benchmarks.md
# compares the two).
register_summarizer("extractive-learned", _extractive_learned)
register_summarizer("extractive-heuristic", _extractive_heuristic)
register_summarizer("lead", _lead)
