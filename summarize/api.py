"""The Python API: summarise, stream, translate and brief articles, engines chosen as on the CLI.

One-off calls build their engine, run, and release it::

    import summarize

    result = summarize.summarize(text, sentences=2)      # a Result: .text, .lang, .engine
    for piece in summarize.stream(text, lang="en"):      # the summary as it is written
        print(piece, end="", flush=True)
    english = summarize.translate(text, to="en")
    brief = summarize.write_brief(text, bullets=3)       # a Brief: .headline, .bullets, .summary

A :class:`Session` keeps its engines loaded across many articles (neural models load once)::

    with summarize.Session(max_words=40) as session:
        for text in articles:
            print(session.run(text).text)

Options have the command line's names and meanings (``engine``, ``model``, ``lang``,
``sentences``, ``max_words``, ``ratio``, ``beam``, ``device``, ``compute_type``, ``threads``,
``offline``); settings not given come from the ``SUMMARIZE_*`` environment, as for the CLI.
Errors are :class:`~summarize.errors.SummarizeError` subclasses: ``InputError`` (bad text),
``UsageError`` (bad option), ``ModelNotInstalledError`` (names the ``summarize models pull``
command). Notices (a fallback to the extractive engine) go to the ``summarize`` logger.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, TypedDict, Unpack

from summarize.engines.base import Length, SummaryOptions
from summarize.pipeline import Event, Finished, Fragment, Prepared, Result
from summarize.settings import Settings
from summarize.sources.inputs import to_source
from summarize.tasks import Brief as BriefTask
from summarize.tasks import Engine, Summarize, Task, Translate, check_lang
from summarize.tasks import Session as TaskSession

if TYPE_CHECKING:
    from summarize.brief.build import Brief

log = logging.getLogger("summarize")


class SummaryArgs(TypedDict, total=False):
    """The options of a summary, by their command-line names (see :class:`Session`)."""

    engine: str
    model: str | None
    lang: str | None
    sentences: int | None
    max_words: int | None
    ratio: float | None
    beam: int | None
    device: str | None
    compute_type: str | None
    threads: int | None
    offline: bool


def _settings(
    device: str | None, compute_type: str | None, threads: int | None, offline: bool
) -> Settings:
    return Settings.from_flags(
        offline=offline, device=device, compute_type=compute_type, threads=threads
    )


class Session(TaskSession):
    """A task (summaries by default) whose engines are built on first use and kept until closed.

    ``task`` is a :mod:`summarize.tasks` object; without one the summary options below apply.
    This is :class:`summarize.tasks.Session` with the command line's options as keywords;
    its notices go to the ``summarize`` logger.
    """

    def __init__(
        self,
        task: Task | None = None,
        *,
        engine: str = "auto",
        model: str | None = None,
        lang: str | None = None,
        sentences: int | None = None,
        max_words: int | None = None,
        ratio: float | None = None,
        beam: int | None = None,
        device: str | None = None,
        compute_type: str | None = None,
        threads: int | None = None,
        offline: bool = False,
    ) -> None:
        if task is None:
            length = Length(sentences=sentences, max_words=max_words, ratio=ratio)
            options = SummaryOptions(length, check_lang(lang), engine, model, beam)
            task = Summarize(options)
        super().__init__(task, _settings(device, compute_type, threads, offline), log.warning)

    def prepare_text(self, text: str) -> Prepared:
        """The article ``text`` (plain text or an HTML page), cleaned and checked."""
        source = to_source(text, "text", self.settings.max_chars)
        return self.prepare(
            source.text,
            title=source.title,
            date=source.date,
            source=source.source,
            cut_from=source.truncated_from,
        )

    def open(self, text: str) -> tuple[Prepared, Engine, str]:
        """The cleaned article ``text`` (plain text or an HTML page), its engine and target."""
        prepared = self.prepare_text(text)
        engine, target = self.engine_for(prepared)
        return prepared, engine, target

    def run(self, text: str) -> Result:
        """The task's result for ``text``: its summary, or its translation for a
        :class:`~summarize.tasks.Translate` task."""
        for event in self._events(text):
            if isinstance(event, Finished):
                return event.result
        raise RuntimeError("the engine produced no result")

    # The name this method had first (it also translates): kept for existing callers.
    summarise = run

    def stream(self, text: str) -> Iterator[str]:
        """The output of :meth:`run`, fragment by fragment as it is written."""
        for event in self._events(text):
            if isinstance(event, Fragment):
                yield event.text

    def brief(self, text: str) -> Brief:
        """The brief of ``text`` (the session's task must be a :class:`~summarize.tasks.Brief`)."""
        from summarize.brief.build import build_brief
        from summarize.brief.engines import BriefEngines

        if not isinstance(self.task, BriefTask):
            raise TypeError("Session.brief needs a Brief task")
        prepared, engines, _ = self.open(text)
        assert isinstance(engines, BriefEngines)
        return build_brief(prepared, engines, self.task.brief_options)

    def _events(self, text: str) -> Iterator[Event]:
        if not isinstance(self.task, Summarize | Translate):
            raise TypeError(f"a {self.task.name} session makes no summary or translation")
        return self.events(self.prepare_text(text))


def summarize(text: str, **options: Unpack[SummaryArgs]) -> Result:
    """Summarise one article (options as :class:`Session`'s); the result has ``.text``."""
    with Session(**options) as session:
        return session.run(text)


# The British spelling, public since the first release: the same function.
summarise = summarize


def summarize_text(raw: str, options: SummaryOptions | None = None) -> Result:
    """:func:`summarize` with its options as one :class:`SummaryOptions` (an older spelling)."""
    task = Summarize(options or SummaryOptions())
    with TaskSession(task, Settings.from_env(), log.warning) as session:
        events = session.events(session.prepare(raw))
        for event in events:
            if isinstance(event, Finished):
                return event.result
    raise RuntimeError("the engine produced no result")


def stream(text: str, **options: Unpack[SummaryArgs]) -> Iterator[str]:
    """Summarise one article, yielding the summary as it is written.

    The text is the one :func:`summarise` returns: greedy decoding (``beam=1``) yields it token by
    token, beam search in one piece once it is finished.
    """
    with Session(**options) as session:
        task = session.task
        assert isinstance(task, Summarize)
        session.task = Summarize(replace(task.options, stream=True))
        yield from session.stream(text)


def translate(
    text: str,
    *,
    to: str = "en",
    model: str | None = None,
    beam: int | None = None,
    device: str | None = None,
    compute_type: str | None = None,
    threads: int | None = None,
    offline: bool = False,
) -> Result:
    """Translate one whole article into ``to`` (``model``: a translator; None: the installed)."""
    task = Translate(check_lang(to) or "en", model, beam)
    with Session(
        task, device=device, compute_type=compute_type, threads=threads, offline=offline
    ) as session:
        return session.run(text)


def write_brief(
    text: str,
    *,
    bullets: int = 4,
    words: int | None = None,
    via: str | None = None,
    translator: str | None = None,
    beam: int | None = None,
    device: str | None = None,
    compute_type: str | None = None,
    threads: int | None = None,
    offline: bool = False,
) -> Brief:
    """An English brief (headline, bullets, paragraph) of an Arabic article."""
    from summarize.brief.engines import BriefOptions

    options = BriefOptions(bullets, words, via, translator, beam)
    with Session(
        BriefTask(options),
        device=device,
        compute_type=compute_type,
        threads=threads,
        offline=offline,
    ) as session:
        return session.brief(text)
