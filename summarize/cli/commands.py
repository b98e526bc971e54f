"""What the single-article commands do, between parsing (cli.py) and the library."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from typing import Any

from rich.console import Console

from summarize.errors import InputError
from summarize.inputs import read_source
from summarize.pipeline import Prepared, SummaryOptions, prepare
from summarize.render import is_streaming, make_renderer, render, stderr_console
from summarize.settings import Settings

SUPPORTED_LANGS = ("ar", "en")


def loading(console: Console, what: str) -> AbstractContextManager[Any]:
    """A spinner on stderr while a model loads; stopped before any output streams."""
    if console.is_terminal and not console.quiet:
        return console.status(what, spinner="dots")
    return nullcontext()


def prepare_input(path: str) -> Prepared:
    source = read_source(path)
    prepared = prepare(source.text, title=source.title, date=source.date, source=source.source)
    if prepared.meta.source_lang not in SUPPORTED_LANGS:
        raise InputError(f"{source.name}: the text is neither Arabic nor English")
    return prepared


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in SUPPORTED_LANGS:
        raise InputError(f"unsupported language {lang!r} (choose from: ar, en)")


def run_summary(
    path: str, options: SummaryOptions, settings: Settings, *, fmt: str, quiet: bool
) -> None:
    """Summarise one input and render it to stdout."""
    from summarize.engines import resolve_summarizer
    from summarize.pipeline import stream_summary

    _check_lang(options.target_lang)
    console = stderr_console(quiet)
    prepared = prepare_input(path)
    target = options.target_lang or prepared.meta.source_lang
    options = replace(options, stream=is_streaming(fmt) and options.beam is None)
    with loading(console, "Loading model…"):
        engine = resolve_summarizer(options, prepared.meta.source_lang, target, settings)
    try:
        notice = getattr(engine, "notice", None)
        if notice:
            console.print(notice)
        render(stream_summary(prepared, engine, options), make_renderer(fmt))
    finally:
        engine.close()


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
    from summarize.engines import resolve_translator
    from summarize.pipeline import stream_translation

    _check_lang(to)
    console = stderr_console(quiet)
    prepared = prepare_input(path)
    if prepared.meta.source_lang == to:
        raise InputError(f"the text is already in {to!r}")
    stream = is_streaming(fmt) and beam is None
    with loading(console, "Loading model…"):
        engine = resolve_translator(
            model,
            settings,
            source_lang=prepared.meta.source_lang,
            target_lang=to,
            beam=beam,
            stream=stream,
        )
    try:
        render(stream_translation(prepared, engine, to), make_renderer(fmt))
    finally:
        engine.close()
