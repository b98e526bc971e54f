"""The ``brief`` command: an English brief of an Arabic article (typer wiring + the run)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from summarize.cli import options as opt

if TYPE_CHECKING:
    from summarize.brief.engines import BriefOptions
    from summarize.settings import Settings

Bullets = Annotated[
    int,
    typer.Option("--bullets", "-b", min=1, max=10, help="Number of bullet points (1-10)."),
]
Words = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--words", "-w", min=1, help="Hard cap on words in the paragraph."),
]
Via = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--via",
        help="crosssum (direct English summary) or translate (summarise in Arabic, then "
        "translate); default: whichever is installed, crosssum first.",
    ),
]
TranslatorModel = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--translator", help="Installed translation model for headline and bullets."),
]


def brief(
    file: opt.InputArg,
    bullets: Bullets = 4,
    words: Words = None,
    via: Via = None,
    translator: TranslatorModel = None,
    fmt: opt.Format = "text",
    beam: opt.Beam = None,
    device: opt.Device = None,
    compute_type: opt.ComputeType = None,
    threads: opt.Threads = None,
    quiet: opt.Quiet = False,
    offline: opt.Offline = False,
) -> None:
    """An English brief of an Arabic article: headline, source and date, bullets, paragraph.

    Needs a translation model (`summarize models pull nllb-600m`) or the cross-lingual
    summariser (`summarize models pull crosssum`). Markdown on a terminal or in a pipe;
    JSON with --format json (headline, headline_ar, source, date, bullets, summary, models).

    Example: summarize brief article.txt --bullets 3 --words 80
    """
    from summarize.brief.engines import BriefOptions
    from summarize.render import check_format
    from summarize.settings import Settings

    check_format(fmt)
    options = BriefOptions(bullets=bullets, words=words, via=via, translator=translator, beam=beam)
    settings = Settings.from_flags(
        offline=offline, device=device, compute_type=compute_type, threads=threads
    )
    run_brief(file, options, settings, fmt=fmt, quiet=quiet)


def run_brief(
    path: str, options: BriefOptions, settings: Settings, *, fmt: str, quiet: bool
) -> None:
    """Read one article, build its brief and render it to stdout."""
    from dataclasses import replace

    from summarize.brief.build import Bullet, Headline, stream_brief
    from summarize.brief.engines import BriefEngines
    from summarize.brief.render import make_brief_renderer, render_brief
    from summarize.cli.single import article_engine, waiting
    from summarize.render import notices, streams_tokens
    from summarize.tasks import Brief

    options = replace(options, stream=streams_tokens(fmt, options.beam))
    console = notices(quiet)
    with article_engine(path, Brief(options), settings, console, "Loading models…") as (
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
        render_brief(events, make_brief_renderer(fmt))


def register(app: typer.Typer) -> None:
    """Add the ``brief`` command to the main app."""
    app.command("brief")(brief)
