"""The single-article commands: ``article`` (the default) and ``translate``."""

from __future__ import annotations

import typer

from summarize.cli import options as opt
from summarize.cli.helpformat import PanelCommand


def article(
    file: opt.InputArg,
    sentences: opt.Sentences = None,
    max_words: opt.MaxWords = None,
    ratio: opt.Ratio = None,
    fmt: opt.Format = "text",
    engine: opt.Engine = None,
    model: opt.Model = None,
    lang: opt.Lang = None,
    bidi: opt.Bidi = None,
    *,
    runtime: opt.Runtime,
) -> None:
    """Summarize one article (the default command: the word `article` may be left out).

    Example: summarize article.txt --sentences 3
    """
    from summarize.cli.single import run_summary
    from summarize.engines.base import Length
    from summarize.pipeline import SummaryOptions
    from summarize.render import check_format

    check_format(fmt)
    settings = runtime.settings()
    defaults = settings.defaults
    options = SummaryOptions(
        length=Length(*defaults.length(sentences, max_words, ratio)),
        target_lang=lang or defaults.lang,
        engine=engine or defaults.engine,
        model=model or defaults.model,
        beam=runtime.beam,
    )
    run_summary(file, options, settings, fmt=fmt, quiet=runtime.quiet, bidi=bidi)


def translate(
    file: opt.InputArg,
    to: opt.To = "en",
    model: opt.Model = None,
    fmt: opt.Format = "text",
    bidi: opt.Bidi = None,
    *,
    runtime: opt.Runtime,
) -> None:
    """Translate a whole article, paragraph structure kept.

    Example: summarize translate article.txt --to en
    """
    from summarize.cli.single import run_translation
    from summarize.render import check_format

    check_format(fmt)
    settings = runtime.settings()
    run_translation(file, to, model, settings, fmt=fmt, beam=runtime.beam, quiet=runtime.quiet)


def register(app: typer.Typer) -> None:
    """Add ``article`` and ``translate`` to ``app``."""
    app.command("article", cls=PanelCommand)(opt.with_runtime(article))
    app.command("translate", cls=PanelCommand)(opt.with_runtime(translate))
