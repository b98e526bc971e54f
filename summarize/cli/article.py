"""The single-article commands: ``article`` (the default) and ``translate``."""

from __future__ import annotations

import typer

from summarize.cli import options as opt


def article(
    file: opt.InputArg,
    sentences: opt.Sentences = None,
    max_words: opt.MaxWords = None,
    ratio: opt.Ratio = None,
    fmt: opt.Format = "text",
    engine: opt.Engine = "auto",
    model: opt.Model = None,
    lang: opt.Lang = None,
    beam: opt.Beam = None,
    device: opt.Device = None,
    compute_type: opt.ComputeType = None,
    threads: opt.Threads = None,
    quiet: opt.Quiet = False,
    offline: opt.Offline = False,
) -> None:
    """Summarize one article (the default command: the word `article` may be left out).

    Example: summarize article.txt --sentences 3
    """
    from summarize.cli.single import run_summary
    from summarize.engines.base import Length
    from summarize.pipeline import SummaryOptions
    from summarize.render import check_format
    from summarize.settings import Settings

    check_format(fmt)
    options = SummaryOptions(
        length=Length(sentences=sentences, max_words=max_words, ratio=ratio),
        target_lang=lang,
        engine=engine,
        model=model,
        beam=beam,
    )
    settings = Settings.from_flags(
        offline=offline, device=device, compute_type=compute_type, threads=threads
    )
    run_summary(file, options, settings, fmt=fmt, quiet=quiet)


def translate(
    file: opt.InputArg,
    to: opt.To = "en",
    model: opt.Model = None,
    fmt: opt.Format = "text",
    beam: opt.Beam = None,
    device: opt.Device = None,
    compute_type: opt.ComputeType = None,
    threads: opt.Threads = None,
    quiet: opt.Quiet = False,
    offline: opt.Offline = False,
) -> None:
    """Translate a whole article, paragraph structure kept.

    Example: summarize translate article.txt --to en
    """
    from summarize.cli.single import run_translation
    from summarize.render import check_format
    from summarize.settings import Settings

    check_format(fmt)
    settings = Settings.from_flags(
        offline=offline, device=device, compute_type=compute_type, threads=threads
    )
    run_translation(file, to, model, settings, fmt=fmt, beam=beam, quiet=quiet)


def register(app: typer.Typer) -> None:
    """Add ``article`` and ``translate`` to ``app``."""
    app.command("article")(article)
    app.command("translate")(translate)
