"""Tasks: what is done to one article (summarise, translate, brief), as objects.

Each task knows its target language, how to build its engine, how to run one prepared article
into events or an output record, whether articles can share model calls, and how it renders.
The single-article commands, ``summarize batch`` and the cluster workers run articles
through these objects; :func:`make_task` is the one place a task name is looked up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from summarize.engines.base import (
    BatchSummarizer,
    BatchTranslator,
    Summarizer,
    Translator,
)
from summarize.errors import InputError, UsageError
from summarize.pipeline import (
    Event,
    Finished,
    Prepared,
    Result,
    SummaryOptions,
    article_support,
    cap_words,
    checked,
    stream_summary,
    stream_translation,
)
from summarize.settings import Settings

if TYPE_CHECKING:
    from summarize.brief.engines import BriefEngines, BriefOptions

SUPPORTED_LANGS = ("ar", "en")
Engine: TypeAlias = "Summarizer | Translator | BriefEngines"


def check_lang(lang: str | None, where: str = "") -> str | None:
    """``lang`` (a ``--lang`` / ``--to`` value) if it is None or supported, else a usage error.

    ``where`` names what asked for it (an evaluated system) at the start of the message.
    """
    if lang is not None and lang not in SUPPORTED_LANGS:
        choices = ", ".join(SUPPORTED_LANGS)
        prefix = f"{where}: " if where else ""
        raise UsageError(f"{prefix}unsupported language {lang!r} (choose from: {choices})")
    return lang


def check_source(prepared: Prepared, name: str | None = None) -> Prepared:
    """``prepared`` if its text is in a supported language, else an input error."""
    lang = prepared.meta.source_lang
    if lang not in SUPPORTED_LANGS:
        from summarize.text.lang import LANGUAGE_NAMES

        prefix = f"{name}: " if name else ""
        if lang in LANGUAGE_NAMES:
            raise InputError(
                f"{prefix}the text is in {LANGUAGE_NAMES[lang]}, which is not supported "
                "(Arabic and English only)"
            )
        raise InputError(f"{prefix}the text is neither Arabic nor English")
    return prepared


class Task(Protocol):
    """What every task answers; see :class:`Summarize`, :class:`Translate`, :class:`Brief`."""

    name: str

    def target(self, source: str) -> str:
        """The output language for ``source`` text (an input error when there is none)."""
        ...

    def engine(self, settings: Settings, source: str, target: str) -> Engine:
        """Build the engine (or engines) for this language pair."""
        ...

    def record(self, prepared: Prepared, engine: Engine, target: str) -> dict[str, Any]:
        """The output fields of one article (batch adds ``id`` and its own fields)."""
        ...

    def batches(self, engine: Engine) -> bool:
        """Whether articles can go to ``engine`` together, in shared model calls."""
        ...

    def run_batch(
        self, engine: Engine, articles: Sequence[Prepared], target: str
    ) -> list[dict[str, Any]]:
        """The output fields of ``articles``, in order, from shared model calls."""
        ...

    def likely_languages(self) -> tuple[str, str]:
        """The (source, target) pair most articles need: the engine a worker loads first."""
        ...


def headline_in(prepared: Prepared, engine: object, target: str) -> Prepared:
    """``prepared`` with its Arabic headline in English when the output is English: the
    translation in ``title``, the original in ``title_ar`` (as a brief keeps ``headline_ar``).

    The engine's translator translates it; an engine without one (a cross-lingual summariser)
    writes it as the one-sentence English summary of the headline. Any other case is as is.
    """
    meta = prepared.meta
    if not meta.title or meta.source_lang != "ar" or target != "en":
        return prepared
    from summarize.engines.base import Document, Length
    from summarize.text.sentences import split_sentences

    doc = Document(meta.title, "ar", tuple(split_sentences(meta.title)))
    translator = engine if isinstance(engine, Translator) else getattr(engine, "translator", None)
    if isinstance(translator, Translator):
        pieces = translator.translate(doc, target)
    elif isinstance(engine, Summarizer):
        pieces = engine.summarize(doc, Length(sentences=1), target)
    else:
        return prepared
    title = "".join(pieces).strip()
    if not title:
        return prepared
    return replace(prepared, meta=replace(meta, title=title, title_ar=meta.title))


def _finished(events: Iterator[Event]) -> Result:
    for event in events:
        if isinstance(event, Finished):
            return event.result
    raise RuntimeError("the engine produced no result")


@dataclass(frozen=True)
class Summarize:
    """A summary in ``options.target_lang`` (None: the article's own language)."""

    options: SummaryOptions = field(default_factory=SummaryOptions)
    name = "summarize"

    def target(self, source: str) -> str:
        """The requested language, else the source's."""
        return self.options.target_lang or source

    def engine(self, settings: Settings, source: str, target: str) -> Summarizer:
        """The summariser ``--engine`` / ``--model`` choose for this pair."""
        from summarize.engines import resolve_summarizer

        return resolve_summarizer(self.options, source, target, settings)

    def events(self, prepared: Prepared, engine: Engine, target: str) -> Iterator[Event]:
        """The summary of ``prepared`` as pipeline events."""
        assert isinstance(engine, Summarizer)
        options = replace(self.options, target_lang=target)
        return stream_summary(headline_in(prepared, engine, target), engine, options)

    def record(self, prepared: Prepared, engine: Engine, target: str) -> dict[str, Any]:
        """The JSON fields of the summary of ``prepared``."""
        return _finished(self.events(prepared, engine, target)).to_dict()

    def batches(self, engine: Engine) -> bool:
        """Whether ``engine`` summarises many articles per model call."""
        return isinstance(engine, BatchSummarizer)

    def run_batch(
        self, engine: Engine, articles: Sequence[Prepared], target: str
    ) -> list[dict[str, Any]]:
        """The summaries of ``articles`` from shared model calls, capped as one by one."""
        assert isinstance(engine, BatchSummarizer) and isinstance(engine, Summarizer)
        length = self.options.length
        texts = engine.summarize_batch([p.doc for p in articles], length, target)
        texts = ["".join(cap_words(iter([t]), length.max_words)).strip() for t in texts]
        metas = [headline_in(p, engine, target).meta for p in articles]
        return [
            Result(
                text,
                target,
                engine.name,
                engine.model,
                meta,
                unsupported=checked(text, article_support(p, engine)),
            ).to_dict()
            for p, meta, text in zip(articles, metas, texts, strict=True)
        ]

    def likely_languages(self) -> tuple[str, str]:
        """Arabic articles, summarised into the requested language."""
        return "ar", self.options.target_lang or "ar"


@dataclass(frozen=True)
class Translate:
    """A whole-article translation into ``to`` with the ``model`` translator (None: preferred).

    Decoding is ``beam`` or the model's catalogue default; ``stream`` hands the text out as it
    is decoded (token by token when greedy, sentence by sentence with beam search).
    """

    to: str = "en"
    model: str | None = None
    beam: int | None = None
    stream: bool = False
    name = "translate"

    def target(self, source: str) -> str:
        """``to``; an input error when the article is in it already."""
        if source == self.to:
            raise InputError(f"the text is already in {self.to!r}")
        return self.to

    def engine(self, settings: Settings, source: str, target: str) -> Translator:
        """The translator for this pair."""
        from summarize.engines import resolve_translator

        return resolve_translator(
            self.model,
            settings,
            source_lang=source,
            target_lang=target,
            beam=self.beam,
            stream=self.stream,
        )

    def events(self, prepared: Prepared, engine: Engine, target: str) -> Iterator[Event]:
        """The translation of ``prepared`` as pipeline events."""
        assert isinstance(engine, Translator)
        return stream_translation(headline_in(prepared, engine, target), engine, target)

    def record(self, prepared: Prepared, engine: Engine, target: str) -> dict[str, Any]:
        """The JSON fields of the translation of ``prepared``."""
        return _finished(self.events(prepared, engine, target)).to_dict()

    def batches(self, engine: Engine) -> bool:
        """Whether ``engine`` translates many articles per model call."""
        return isinstance(engine, BatchTranslator)

    def run_batch(
        self, engine: Engine, articles: Sequence[Prepared], target: str
    ) -> list[dict[str, Any]]:
        """The translations of ``articles`` from shared model calls."""
        assert isinstance(engine, BatchTranslator) and isinstance(engine, Translator)
        texts = engine.translate_batch([p.doc for p in articles], target)
        metas = [headline_in(p, engine, target).meta for p in articles]
        return [
            Result(text.strip(), target, engine.name, engine.model, meta, "translation").to_dict()
            for meta, text in zip(metas, texts, strict=True)
        ]

    def likely_languages(self) -> tuple[str, str]:
        """Arabic articles into ``to``, or English ones into Arabic."""
        return ("en", "ar") if self.to == "ar" else ("ar", self.to)


@dataclass(frozen=True)
class Brief:
    """An English brief (headline, bullets, paragraph) of an Arabic article."""

    options: BriefOptions | None = None
    name = "brief"

    @property
    def brief_options(self) -> BriefOptions:
        """The options, defaults when none were given."""
        from summarize.brief.engines import BriefOptions

        return self.options or BriefOptions()

    def target(self, source: str) -> str:
        """Briefs are in English."""
        return "en"

    def engine(self, settings: Settings, source: str, target: str) -> BriefEngines:
        """The paragraph and sentence engines, chosen once per run."""
        from summarize.brief.engines import resolve_brief_engines

        return resolve_brief_engines(settings, self.brief_options)

    def record(self, prepared: Prepared, engine: Engine, target: str) -> dict[str, Any]:
        """The JSON fields of the brief of ``prepared``."""
        from summarize.brief.build import brief_record
        from summarize.brief.engines import BriefEngines

        assert isinstance(engine, BriefEngines)
        return brief_record(prepared, engine, self.brief_options)

    def batches(self, engine: Engine) -> bool:
        """Briefs are made one at a time."""
        return False

    def run_batch(
        self, engine: Engine, articles: Sequence[Prepared], target: str
    ) -> list[dict[str, Any]]:
        """One by one (briefs do not share model calls)."""
        return [self.record(p, engine, target) for p in articles]

    def likely_languages(self) -> tuple[str, str]:
        """Arabic articles, English briefs."""
        return "ar", "en"


def make_task(
    name: str,
    options: SummaryOptions | None = None,
    *,
    to: str = "en",
    brief: BriefOptions | None = None,
) -> Task:
    """The task called ``name`` (``--task``), from the options the command line gathered."""
    options = options or SummaryOptions()
    makers: dict[str, Callable[[], Task]] = {
        "summarize": lambda: Summarize(options),
        "translate": lambda: Translate(to, options.model, options.beam),
        "brief": lambda: Brief(brief),
    }
    if name not in makers:
        raise UsageError(f"unknown task {name!r} (choose from: {', '.join(makers)})")
    return makers[name]()
