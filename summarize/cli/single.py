"""Running one article for ``article``, ``translate`` and ``brief``: read, open, render.

Each opens a :class:`~summarize.tasks.Session` for its task (notices on stderr), reads the
article through it, builds the engine under a spinner when a model loads, and renders.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace
from typing import Any, TypeVar

from summarize.pipeline import Prepared, SummaryOptions
from summarize.render import Notices, make_renderer, notices, render, streams_tokens
from summarize.settings import Settings
from summarize.tasks import Engine, Session, Summarize, Task, Translate, check_lang


def loading(console: Notices, what: str, active: bool = True) -> AbstractContextManager[Any]:
    """A spinner on stderr while a model loads; stopped before any output streams."""
    if active and console.is_terminal and not console.quiet:
        return console.status(what, spinner="dots")
    return nullcontext()


EventT = TypeVar("EventT")


def waiting(
    events: Iterable[EventT],
    console: Notices,
    what: str,
    pauses: tuple[type, ...],
    *,
    first: bool = False,
) -> Iterator[EventT]:
    """``events``, with a spinner on stderr while the next one is awaited after a pause point.

    After each event of a type in ``pauses`` (the header, a finished bullet), and before the
    first one with ``first``, the spinner runs until the next event arrives and stops before
    that event is rendered: beam search shows no text until a unit is finished, and a
    map-reduced article shows none until its last round. Only on a terminal, never with
    ``--quiet``.
    """
    active = console.is_terminal and not console.quiet
    spinner: AbstractContextManager[Any] | None = None
    if active and first:
        spinner = console.status(what, spinner="dots")
        spinner.__enter__()
    try:
        for event in events:
            if spinner is not None:
                spinner.__exit__(None, None, None)
                spinner = None
            yield event
            if active and isinstance(event, pauses):
                spinner = console.status(what, spinner="dots")
                spinner.__enter__()
    finally:
        if spinner is not None:
            spinner.__exit__(None, None, None)


def model_label(engine: object) -> str:
    """``mt5-xlsum`` (the engine's model), else its name, for a progress line."""
    return str(getattr(engine, "model", None) or getattr(engine, "name", "engine"))


def loads_a_model(task: Task, settings: Settings) -> bool:
    """Whether building the task's engine loads a neural model (worth a spinner)."""
    if not isinstance(task, Summarize):
        return True
    options = task.options
    if options.engine not in ("auto", "neural"):
        return False
    if options.model is not None or options.engine == "neural":
        return True
    from summarize.store import ModelStore

    return bool(ModelStore(settings.home).installed())


@contextmanager
def article_engine(
    path: str, task: Task, settings: Settings, console: Notices, what: str = "Loading model…"
) -> Iterator[tuple[Prepared, Engine, str]]:
    """The article at ``path``, the task's engine for it (closed afterwards), the target."""

    def notify(message: str) -> None:
        console.print(message, markup=False, highlight=False)

    with Session(task, settings, notify) as session:
        prepared = session.read(path)
        # Whether a model loads is asked only where a spinner could show (it reads the store).
        spinner = console.is_terminal and not console.quiet and loads_a_model(task, settings)
        with loading(console, what, spinner):
            engine, target = session.engine_for(prepared)
        yield prepared, engine, target


def _run_text(
    path: str, task: Summarize | Translate, settings: Settings, fmt: str, quiet: bool
) -> None:
    from summarize.pipeline import Started

    console = notices(quiet)
    with article_engine(path, task, settings, console) as (prepared, engine, target):
        events = task.events(prepared, engine, target)
        if getattr(engine, "model", None):
            doing = "Summarising" if isinstance(task, Summarize) else "Translating"
            events = waiting(events, console, f"{doing} with {model_label(engine)}…", (Started,))
        render(events, make_renderer(fmt))


def run_summary(
    path: str, options: SummaryOptions, settings: Settings, *, fmt: str, quiet: bool
) -> None:
    """Summarise one input and render it to stdout."""
    check_lang(options.target_lang)
    task = Summarize(replace(options, stream=streams_tokens(fmt, options.beam)))
    _run_text(path, task, settings, fmt, quiet)


def run_translation(
    path: str,
    to: str,
    model: str | None,
    settings: Settings,
    *,
    fmt: str,
    beam: int | None,
    quiet: bool,
) -> None:
    """Translate one input and render it to stdout."""
    check_lang(to)
    task = Translate(to, model, beam, stream=streams_tokens(fmt, beam))
    _run_text(path, task, settings, fmt, quiet)
