"""Running one article for ``article``, ``translate`` and ``brief``: read, open, render.

Each opens a :class:`~summarize.tasks.Session` for its task (notices on stderr), reads the
article through it, builds the engine under a spinner when a model loads, and renders.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace
from typing import Any, TypeVar

from summarize.engines.base import notice_of
from summarize.pipeline import Prepared, SummaryOptions
from summarize.render import Notices, make_renderer, notices, render, streams_tokens
from summarize.settings import Settings
from summarize.tasks import Engine, Session, Summarize, Task, Translate, check_lang


def loading(console: Notices, what: str, active: bool = True) -> AbstractContextManager[Any]:
    """A spinner on stderr while a model loads; stopped before any output streams."""
    if active and console.is_terminal and not console.quiet:
        return console.status(what, spinner="dots")
    return nullcontext()


@contextmanager
def naming_models(console: Notices, active: bool) -> Iterator[None]:
    """While engines are built: the spinner names each model as its load begins."""
    from summarize.engines.loading import listening

    with loading(console, "Resolving the engine…", active) as status:
        if status is None:
            yield
            return

        def named(what: str | None) -> None:
            if what:  # the end of a load (None) leaves the name up until the next step
                status.update(f"Loading {what}…")

        with listening(named):
            yield


def say_notice(engine: Any, console: Notices, settings: Settings, fmt: str) -> None:
    """The engine's notice on stderr. Advice that is not a warning (no neural model is
    installed, so the extractive engine runs) is said once per model home, on a terminal,
    and never with ``-q`` or a JSON format; the header names the engine on every run."""
    notice = notice_of(engine)
    if not notice:
        return
    if getattr(engine, "once", False):
        marker = settings.home / ".said" / "extractive-fallback"
        if not console.is_terminal or console.quiet or fmt != "text" or marker.exists():
            return
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass
    console.print(notice, markup=False, highlight=False)


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
    path: str, task: Task, settings: Settings, console: Notices, fmt: str = "text"
) -> Iterator[tuple[Prepared, Engine, str]]:
    """The article at ``path``, the task's engine for it (closed afterwards), the target."""

    def notify(message: str) -> None:
        console.print(message, markup=False, highlight=False)

    def on_engine(engine: Engine, source: str, target: str) -> None:
        say_notice(engine, console, settings, fmt)

    with Session(task, settings, notify, on_engine=on_engine) as session:
        prepared = session.read(path)
        # Whether a model loads is asked only where a spinner could show (it reads the store).
        spinner = console.is_terminal and not console.quiet and loads_a_model(task, settings)
        with naming_models(console, spinner):
            engine, target = session.engine_for(prepared)
        yield prepared, engine, target


def _run_text(
    path: str,
    task: Summarize | Translate,
    settings: Settings,
    fmt: str,
    quiet: bool,
    bidi: str | None,
) -> None:
    from summarize.pipeline import Started
    from summarize.text.layout import bidi_mode

    mode = bidi_mode(bidi)
    console = notices(quiet)
    with article_engine(path, task, settings, console, fmt) as (prepared, engine, target):
        events = task.events(prepared, engine, target)
        if getattr(engine, "model", None):
            doing = "Summarising" if isinstance(task, Summarize) else "Translating"
            events = waiting(events, console, f"{doing} with {model_label(engine)}…", (Started,))
        render(events, make_renderer(fmt, bidi=mode))


def run_summary(
    path: str,
    options: SummaryOptions,
    settings: Settings,
    *,
    fmt: str,
    quiet: bool,
    bidi: str | None = None,
) -> None:
    """Summarise one input and render it to stdout."""
    check_lang(options.target_lang)
    task = Summarize(replace(options, stream=streams_tokens(fmt, options.beam)))
    _run_text(path, task, settings, fmt, quiet, bidi)


def run_translation(
    path: str,
    to: str,
    model: str | None,
    settings: Settings,
    *,
    fmt: str,
    beam: int | None,
    quiet: bool,
    bidi: str | None = None,
) -> None:
    """Translate one input and render it to stdout."""
    check_lang(to)
    task = Translate(to, model, beam, stream=streams_tokens(fmt, beam))
    _run_text(path, task, settings, fmt, quiet, bidi)
