"""Command-line interface: typer wiring only. Commands parse options, call the library, render."""

from __future__ import annotations

import os
import sys
from typing import Any, Optional

import typer

# typer (>= 0.29) ships its own copy of click: its exceptions must come from that copy.
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

from summarize.cli import options as opt
from summarize.errors import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    SummarizeError,
    Terminated,
    os_error_line,
)
from summarize.signals import sigterm_raises

DEFAULT_COMMAND = "article"
_GROUP_FLAGS = {"--help", "-h", "--version", "-V"}


class DefaultCommandGroup(TyperGroup):
    """Runs ``article`` when the first word is not a command: ``summarize FILE`` works."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Insert the default command name in front of a file name or an option."""
        if args and args[0] not in self.commands and args[0] not in _GROUP_FLAGS:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultCommandGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Summarize and translate Arabic news articles.\n\nExample: summarize article.txt",
)


def _version(value: bool) -> None:
    if value:
        from summarize import __version__

        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(  # noqa: UP045
        None, "--version", "-V", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Summarize and translate Arabic news articles.

    Example: summarize article.txt
    """


@app.command(DEFAULT_COMMAND)
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
    from summarize.cli.commands import run_summary
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


@app.command("translate")
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
    from summarize.cli.commands import run_translation
    from summarize.render import check_format
    from summarize.settings import Settings

    check_format(fmt)
    settings = Settings.from_flags(
        offline=offline, device=device, compute_type=compute_type, threads=threads
    )
    run_translation(file, to, model, settings, fmt=fmt, beam=beam, quiet=quiet)


# Each module defines ``register(app)`` and adds its commands; imports stay light (--help).
_COMMAND_MODULES = (
    "summarize.cli.models",
    "summarize.cli.batch",
    "summarize.cli.brief",
    "summarize.cli.eval",
)


def _mount_subcommands() -> None:
    import importlib
    import importlib.util

    for name in _COMMAND_MODULES:
        if importlib.util.find_spec(name) is not None:
            module = importlib.import_module(name)
            if hasattr(module, "register"):
                module.register(app)
            elif hasattr(module, "models_app"):
                app.add_typer(module.models_app, name="models")


_mount_subcommands()


def _fail(message: str, code: int) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"summarize: error: {message}\n")
    return code


def _run(argv: list[str] | None) -> int:
    from summarize.cli.parse import parse_plainly

    parse_plainly()
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        # make_context + invoke rather than main(): main() swallows KeyboardInterrupt and
        # broken pipes into exit codes of its own; every way out is mapped here instead.
        with command.make_context("summarize", args) as ctx:
            command.invoke(ctx)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        return EXIT_INTERRUPTED
    except NoArgsIsHelpError as exc:
        sys.stderr.write(exc.format_message() + "\n")
        return EXIT_USAGE
    except ClickUsageError as exc:
        hint = " (see 'summarize --help')"
        return _fail(exc.format_message() + hint, EXIT_USAGE)
    except ClickException as exc:
        return _fail(exc.format_message(), exc.exit_code)
    except SummarizeError as exc:
        return _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        raise
    except OSError as exc:
        # A file-system error nothing closer caught: the path and the reason, on one line.
        return _fail(os_error_line(exc), EXIT_FAILURE)
    return 0


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: maps every way out to an exit code, in one place."""
    from summarize.settings import debug_enabled

    debug = debug_enabled(os.environ)
    try:
        with sigterm_raises():
            code = _run(argv)
    except KeyboardInterrupt as exc:
        sys.stdout.flush()
        terminated = isinstance(exc, Terminated)
        sys.stderr.write(f"\nsummarize: {'terminated' if terminated else 'interrupted'}\n")
        code = EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    except Exception as exc:
        if debug:
            raise
        code = _fail(
            f"internal error: {type(exc).__name__}: {exc} (set SUMMARIZE_DEBUG=1 for details)",
            EXIT_FAILURE,
        )
    sys.exit(code)
