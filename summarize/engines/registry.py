"""The engine registry: a name → factory dict for summarisers, and one for translators.

A factory takes the :class:`~summarize.settings.Settings` and an optional model name.
``--engine NAME`` picks a registered summariser; ``--model NAME`` (of ``translate``, and a
system's model in ``summarize eval``) picks a registered translator before any installed
model of that name. Plugins and tests register their engines here, so the commands run their
real selection logic on them. The built-in engines (``extractive``, ``extractive-learned``,
``extractive-heuristic``, ``lead``) are registered below; neural engines come from the model
store (:mod:`summarize.engines.resolve`); engines of other installed packages are registered
the first time they are named (:mod:`summarize.engines.plugins`).
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
    """The factory registered as ``name``, else an installed plugin's of that name, or None."""
    if name not in _SUMMARIZERS and name not in (AUTO, NEURAL):
        from summarize.engines.plugins import SUMMARIZERS, load_factory

        factory = load_factory(SUMMARIZERS, name)
        if factory is not None:
            register_summarizer(name, factory)
    return _SUMMARIZERS.get(name)


def translator_factory(name: str) -> TranslatorFactory | None:
    """The translator factory registered as ``name``, else an installed plugin's, or None."""
    if name not in _TRANSLATORS:
        from summarize.engines.plugins import TRANSLATORS, load_factory

        factory = load_factory(TRANSLATORS, name)
        if factory is not None:
            register_translator(name, factory)
    return _TRANSLATORS.get(name)


def engine_names() -> list[str]:
    """Engine names accepted by ``--engine``: ``auto``, ``neural``, registered, from plugins."""
    from summarize.engines.plugins import SUMMARIZERS, plugins

    found = {p.name for p in plugins(SUMMARIZERS)}
    return [AUTO, NEURAL, *sorted(found | set(_SUMMARIZERS))]


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


# What each built-in name means, for ``summarize engines``.
BUILT_IN = {
    AUTO: "an installed neural summariser, else extractive (the default)",
    NEURAL: "an installed neural summariser (summarize models list)",
    "extractive": "built in: whole sentences chosen by the learned ranker, no model download",
    "extractive-learned": "built in: the same as extractive (the learned ranker)",
    "extractive-heuristic": "built in: extractive with the hand-set ranker",
    "lead": "built in: the first sentences (a baseline)",
}


def engine_rows() -> list[tuple[str, str]]:
    """``(name, what it is)`` for every engine ``--engine`` accepts, plugins' included."""
    from summarize.engines.plugins import SUMMARIZERS, plugins

    rows = {name: about for name, about in BUILT_IN.items()}
    for name in _SUMMARIZERS:
        rows.setdefault(name, "registered at run time")
    for plugin in plugins(SUMMARIZERS):
        rows.setdefault(plugin.name, f"plugin: {plugin.package or '?'} ({plugin.value})")
    return list(rows.items())
