"""Command-line interface: typer wiring only. Commands parse options, call the library, render."""

from __future__ import annotations

import os
import sys
from typing import Any, NamedTuple, Optional

import typer

# typer (>= 0.29) ships its own copy of click: its exceptions must come from that copy.
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer._click.utils import make_default_short_help
from typer.core import TyperGroup

from summarize.cli.usage import plain_argument_names
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


class Entry(NamedTuple):
    """A command: the module whose ``register(app)`` adds it, and its one-line help."""

    module: str
    help: str


# The commands, in the order --help lists them. A command's module is imported, and its
# click command built, only when that command runs (or its own --help is asked for): building
# all of them took more time than a whole extractive summary. The help lines here must match
# the commands' docstrings (a test compares them).
COMMANDS = {
    "article": Entry(
        "summarize.cli.article",
        "Summarize one article (the default command: the word `article` may be left out).",
    ),
    "translate": Entry(
        "summarize.cli.article", "Translate a whole article, paragraph structure kept."
    ),
    "batch": Entry(
        "summarize.cli.batch",
        "Summarize, translate or brief many articles: JSON Lines out, one record per input.",
    ),
    "brief": Entry(
        "summarize.cli.brief",
        "An English brief of an Arabic article: headline, source and date, bullets, paragraph.",
    ),
    "eval": Entry(
        "summarize.cli.eval",
        "Score systems on your own data: ROUGE-1/2/L (or chrF++/BLEU) with 95% intervals.",
    ),
    "models": Entry("summarize.cli.models", "Manage the models neural engines use."),
    "engines": Entry(
        "summarize.cli.engines",
        "List the engines --engine accepts: built in, and from installed plugins.",
    ),
}


def load_command(name: str) -> Any:
    """Import ``name``'s module and build its click command (once per process)."""
    import importlib

    holder = typer.Typer(
        add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None
    )
    importlib.import_module(COMMANDS[name].module).register(holder)
    command = typer.main.get_command(holder)
    commands = getattr(command, "commands", {})
    return commands.get(name, command)


class DefaultCommandGroup(TyperGroup):
    """The root command: loads subcommands lazily; runs ``article`` when no command is named.

    ``summarize FILE`` is ``summarize article FILE``.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command name, without loading any."""
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command ``cmd_name``, built on first use."""
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = load_command(cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list of --help, from :data:`COMMANDS` (nothing is loaded)."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, make_default_short_help(e.help, limit)) for name, e in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Insert the default command name in front of a file name or an option."""
        if args and args[0] not in COMMANDS and args[0] not in _GROUP_FLAGS:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


def typer_app(help_text: str, **extra: Any) -> typer.Typer:
    """A command group with the settings every group of this CLI shares (``-h``, no colours)."""
    return typer.Typer(
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
        help=help_text,
        **extra,
    )


plain_argument_names()
app = typer_app(
    "Summarize and translate Arabic news articles.\n\nExample: summarize article.txt",
    cls=DefaultCommandGroup,
)


def _version(value: bool) -> None:
    if value:
        from summarize.version import __version__

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
