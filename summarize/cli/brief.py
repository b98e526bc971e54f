"""The ``brief`` command: an English brief of an Arabic article (typer wiring + the run)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from summarize.cli import options as opt
from summarize.cli.helpformat import PanelCommand

if TYPE_CHECKING:
    from summarize.brief.engines import BriefOptions
    from summarize.settings import Settings

MaxWords = Annotated[
    int | None,
    typer.Option(
        "--max-words",
        "-w",
        min=1,
        metavar="N",
        help="Hard cap on words in the paragraph.",
        rich_help_panel=opt.LENGTH,
    ),
]
# The name this option had before it was spelt as everywhere else: still accepted, not shown.
OldWords = Annotated[int | None, typer.Option("--words", min=1, hidden=True)]


def brief(
    file: opt.InputArg,
    bullets: opt.Bullets = 4,
    max_words: MaxWords = None,
    via: opt.Via = None,
    translator: opt.TranslatorModel = None,
    fmt: opt.Format = "text",
    bidi: opt.Bidi = None,
    words: OldWords = None,
    *,
    runtime: opt.Runtime,
) -> None:
    """An English brief of an Arabic article: headline, source and date, bullets, paragraph.

    Needs a translation model (`summarize models pull nllb-600m`) or the cross-lingual
    summariser (`summarize models pull crosssum`). Markdown on a terminal or in a pipe;
    JSON with --format json (headline, headline_ar, source, date, bullets, summary, models).

    Example: summarize brief article.txt --bullets 3 --max-words 80
    """
    from summarize.brief.engines import BriefOptions
    from summarize.render import check_format

    check_format(fmt)
    if words is not None:
        from summarize.render import notices

        notices(runtime.quiet).print("note: --words is now --max-words", markup=False)
    cap = max_words if max_words is not None else words
    options = BriefOptions(
        bullets=bullets, words=cap, via=via, translator=translator, beam=runtime.beam
    )
    run_brief(file, options, runtime.settings(), fmt=fmt, quiet=runtime.quiet, bidi=bidi)


def run_brief(
    path: str,
    options: BriefOptions,
    settings: Settings,
    *,
    fmt: str,
    quiet: bool,
    bidi: str | None = None,
) -> None:
    """Read one article, build its brief and render it to stdout."""
    from dataclasses import replace

    from summarize.brief.build import Bullet, Headline, stream_brief
    from summarize.brief.engines import BriefEngines
    from summarize.brief.render import make_brief_renderer, render_brief
    from summarize.cli.single import article_engine, waiting
    from summarize.render import notices, streams_tokens
    from summarize.tasks import Brief
    from summarize.text.layout import bidi_mode

    mode = bidi_mode(bidi)
    options = replace(options, stream=streams_tokens(fmt, options.beam))
    console = notices(quiet)
    with article_engine(path, Brief(options), settings, console, fmt=fmt) as (
        prepared,
        engines,
        _target,
    ):
        assert isinstance(engines, BriefEngines)
        models = ", ".join(engines.models)
        events = waiting(
            stream_brief(prepared, engines, options),
            console,
            f"Writing the brief with {models}…",
            (Headline, Bullet),
            first=True,
        )
        render_brief(events, make_brief_renderer(fmt, bidi=mode))


def register(app: typer.Typer) -> None:
    """Add the ``brief`` command to the main app."""
    app.command("brief", cls=PanelCommand)(opt.with_runtime(brief))
