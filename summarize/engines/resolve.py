"""Which engine runs: the policy that picks and builds summarisers and translators.

``--engine auto`` (the default) uses an installed summariser when there is one, else the
extractive engine with a notice saying how to install one; a target language other than the
source's goes through a cross-lingual model, or a summariser and a translator composed.
Engines by name come from :mod:`summarize.engines.registry`; models from the store.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from summarize.engines.base import (
    BatchSummarizer,
    Document,
    Length,
    Summarizer,
    SummaryOptions,
    Translator,
)
from summarize.engines.registry import (
    AUTO,
    NEURAL,
    engine_names,
    summarizer_factory,
    translator_factory,
)
from summarize.errors import ModelNotInstalledError, UsageError
from summarize.settings import Settings

if TYPE_CHECKING:
    from summarize.engines.neural.engine import DecodePlan
    from summarize.store.local import InstalledModel

SUMMARY_TASKS = ("summarize", "crosssum")


def pull_hint(task: str) -> str:
    """The command that installs a model for ``task`` (summarize / translate / crosssum)."""
    from summarize.store.catalog import default_model

    return f"summarize models pull {default_model(task)}"


class Fallback:
    """An engine used because the preferred one is not installed; ``notice`` says so.

    It summarises as the wrapped engine does; :func:`fallback` picks :class:`BatchFallback`
    for an engine that also summarises many articles per model call.
    """

    fallback = True

    def __init__(self, engine: Summarizer, notice: str, *, once: bool = False) -> None:
        self.engine = engine
        self.notice = notice
        # A notice that is advice, not a warning: a terminal shows it once, not every run.
        self.once = once
        self.name = engine.name
        self.model = engine.model

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Delegate to the wrapped engine."""
        return self.engine.summarize(doc, length, target_lang)

    def close(self) -> None:
        """Delegate to the wrapped engine."""
        self.engine.close()


class BatchFallback(Fallback):
    """A :class:`Fallback` whose wrapped engine batches (batch mode sends it many articles)."""

    def summarize_batch(
        self, docs: Sequence[Document], length: Length, target_lang: str
    ) -> list[str]:
        """Delegate to the wrapped engine."""
        assert isinstance(self.engine, BatchSummarizer)
        return self.engine.summarize_batch(docs, length, target_lang)


def fallback(engine: Summarizer, notice: str, *, once: bool = False) -> Fallback:
    """``engine`` standing in for the preferred one, with the ``notice`` that says so
    (``once``: advice a terminal shows once, not a warning)."""
    if isinstance(engine, BatchSummarizer):
        return BatchFallback(engine, notice, once=once)
    return Fallback(engine, notice, once=once)


def _store(settings: Settings) -> Any:
    from summarize.store.local import ModelStore

    return ModelStore(settings.home)


def _plan(options: SummaryOptions) -> DecodePlan:
    from summarize.engines.neural.engine import DecodePlan

    return DecodePlan(stream=options.stream, beam=options.beam)


def _preference(model: InstalledModel) -> tuple[int, str]:
    """Catalogue models first, in catalogue order; then imported ones by name."""
    from summarize.store.catalog import load_catalog

    names = list(load_catalog())
    catalog = model.manifest.get("catalog") or model.name
    return (names.index(catalog) if catalog in names else len(names), model.name)


def _none_installed(settings: Settings) -> bool:
    """True when the store's folder (``<home>/models``) holds no model folder at all.

    Checked before the store is imported: a run with no model installed (the extractive
    fallback) then skips the store and the catalogue, about 10 ms of start-up.
    """
    try:
        with os.scandir(settings.home / "models") as entries:
            return all(entry.name.startswith(".") for entry in entries)
    except OSError:
        return True


def find_installed(settings: Settings, task: str, *langs: str) -> InstalledModel | None:
    """The preferred installed model for ``task`` that handles ``langs``, or None."""
    if _none_installed(settings):
        return None
    found = [m for m in _store(settings).installed(task) if m.speaks(*langs)]
    return min(found, key=_preference) if found else None


def _neural_summarizer(
    installed: InstalledModel, settings: Settings, options: SummaryOptions
) -> Summarizer:
    from summarize.engines.neural.engine import NeuralSummarizer
    from summarize.engines.neural.model import NeuralModel

    return NeuralSummarizer(NeuralModel(installed, settings), _plan(options))


def _neural_translator(
    installed: InstalledModel, settings: Settings, plan: DecodePlan
) -> Translator:
    from summarize.engines.neural.engine import NeuralTranslator
    from summarize.engines.neural.model import NeuralModel

    return NeuralTranslator(NeuralModel(installed, settings), plan)


def _compose(summarizer: Summarizer, translator: Translator) -> Summarizer:
    from summarize.engines.neural.engine import SummarizeThenTranslate

    return SummarizeThenTranslate(summarizer, translator)


def _explicit(
    model: str, source: str, target: str, settings: Settings, options: SummaryOptions
) -> Summarizer:
    """``--model NAME``: any installed summariser (translating its output when needed)."""
    installed = _store(settings).get(model)
    if installed.task not in SUMMARY_TASKS:
        raise UsageError(
            f"model {model!r} translates ({installed.task}); use `summarize translate --model "
            f"{model}` or pick a summariser"
        )
    crosssum_ok = installed.crosslingual and installed.speaks(source, target)
    engine = _neural_summarizer(installed, settings, options)
    if target == source or crosssum_ok:
        return engine
    return _compose(engine, _translator_for(source, target, settings, _plan(options), engine))


def _translator_for(
    source: str, target: str, settings: Settings, plan: DecodePlan, owner: Summarizer | None
) -> Translator:
    installed = find_installed(settings, "translate", source, target)
    if installed is None:
        if owner is not None:
            owner.close()
        raise ModelNotInstalledError(
            f"a summary in {target!r} of {source!r} text needs a cross-lingual or translation "
            f"model; install one with `{pull_hint('crosssum')}` or `{pull_hint('translate')}`"
        )
    return _neural_translator(installed, settings, plan)


def resolve_crosslingual(
    options: SummaryOptions, source_lang: str, target_lang: str, settings: Settings
) -> Summarizer:
    """A summary in ``target_lang`` of ``source_lang`` text.

    Uses an installed crossSum model when one speaks both languages (or a registered engine
    whose ``writes`` lists ``target_lang``: it summarises across languages itself); else
    summarises with the chosen engine (an installed mT5 summariser, or extractive) and
    translates with an installed translator; else :class:`ModelNotInstalledError` naming the
    pull commands.
    """
    factory = summarizer_factory(options.engine)
    if factory is not None:
        registered = factory(settings, options.model)
        if target_lang in getattr(registered, "writes", ()):
            return registered
        registered.close()
    if options.engine in (AUTO, NEURAL):
        crosssum = find_installed(settings, "crosssum", source_lang, target_lang)
        if crosssum is not None:
            return _neural_summarizer(crosssum, settings, options)
    plan = _plan(options)
    # Check for a translator before loading a summariser model.
    if find_installed(settings, "translate", source_lang, target_lang) is None:
        _translator_for(source_lang, target_lang, settings, plan, None)
    base = _same_language(options, source_lang, settings)
    return _compose(base, _translator_for(source_lang, target_lang, settings, plan, base))


def _same_language(options: SummaryOptions, lang: str, settings: Settings) -> Summarizer:
    name = options.engine
    factory = summarizer_factory(name)
    if factory is not None:
        return factory(settings, options.model)
    # auto: a damaged model is skipped with a notice; --engine neural fails on it (exit 3).
    # An empty store folder holds no damaged model either: no need to import the store.
    quiet = name == NEURAL or _none_installed(settings)
    skipped = [] if quiet else list(_store(settings).damaged().values())
    for installed in _summarizers_by_preference(settings, lang):
        try:
            engine = _neural_summarizer(installed, settings, options)
        except ModelNotInstalledError as exc:
            if name == NEURAL:
                raise
            skipped.append(str(exc))
            continue
        if not skipped:
            return engine
        return fallback(engine, _skipped_notice(skipped, f"model {engine.model!r}"))
    if name == NEURAL:
        raise ModelNotInstalledError(
            f"no neural summariser is installed; install one with `{pull_hint('summarize')}`"
        )
    notice = (
        "No neural summariser installed: using the extractive engine "
        f"(install one with `{pull_hint('summarize')}`)."
    )
    if skipped:
        notice = _skipped_notice(skipped, "the extractive engine")
    extractive = summarizer_factory("extractive")
    assert extractive is not None, "the extractive engine is built in"
    return fallback(extractive(settings, None), notice, once=not skipped)


def _summarizers_by_preference(settings: Settings, lang: str) -> list[InstalledModel]:
    """Installed summarisers for ``lang``: same-language ones first, then crossSum."""
    if _none_installed(settings):
        return []
    found: list[InstalledModel] = []
    for task in SUMMARY_TASKS:
        models = [m for m in _store(settings).installed(task) if m.speaks(lang, lang)]
        found += sorted(models, key=_preference)
    return found


def _skipped_notice(skipped: list[str], using: str) -> str:
    """One notice for the damaged models passed over, and the engine used instead."""
    return f"{'; '.join(skipped)}. Using {using} instead."


def resolve_summarizer(
    options: SummaryOptions, source_lang: str, target_lang: str, settings: Settings
) -> Summarizer:
    """Pick and build the engine for ``options`` (a :class:`SummaryOptions`).

    ``--model NAME`` uses that installed model; ``--engine auto`` an installed summariser,
    else the extractive engine wrapped in :class:`Fallback` (its ``notice`` is for stderr).
    A target language other than the source's goes through :func:`resolve_crosslingual`.
    """
    name, model = options.engine, options.model
    if name not in (AUTO, NEURAL) and summarizer_factory(name) is None:
        choices = ", ".join(engine_names())
        raise UsageError(f"unknown engine {name!r} (choose from: {choices})")
    if model is not None and name in (AUTO, NEURAL):
        return _explicit(model, source_lang, target_lang, settings, options)
    if target_lang != source_lang:
        return resolve_crosslingual(options, source_lang, target_lang, settings)
    return _same_language(options, source_lang, settings)


def resolve_translator(
    model: str | None,
    settings: Settings,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    beam: int | None = None,
    stream: bool = False,
) -> Translator:
    """Build the translation engine for ``model``, or the preferred installed translator.

    ``model`` may name a translator registered with
    :func:`~summarize.engines.registry.register_translator`. Decoding is ``beam`` or the
    model's catalogue default; ``stream`` hands text out as it is decoded.
    """
    from summarize.engines.neural.engine import DecodePlan

    factory = translator_factory(model) if model is not None else None
    if factory is not None:
        return factory(settings, model)
    plan = DecodePlan(stream=stream, beam=beam)
    if model is not None:
        installed = _store(settings).get(model)
        if installed.task != "translate":
            raise UsageError(f"model {model!r} does not translate (its task: {installed.task})")
        return _neural_translator(installed, settings, plan)
    langs = tuple(lang for lang in (source_lang, target_lang) if lang)
    found = find_installed(settings, "translate", *langs)
    if found is None:
        raise ModelNotInstalledError(
            f"translation needs a model; install one with `{pull_hint('translate')}`"
        )
    return _neural_translator(found, settings, plan)
