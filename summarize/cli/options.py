"""Option declarations shared by the commands (one definition, many commands).

The runtime options (beam, device, compute type, threads, quiet, offline) are the fields of
:class:`Runtime`: a command takes one ``runtime: Runtime`` parameter and
:func:`with_runtime` gives it every field as a flag. Adding a runtime flag is one field here.
Panels (``rich_help_panel``) group a command's options in ``--help``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, get_type_hints

import typer

if TYPE_CHECKING:
    from summarize.settings import Settings

LENGTH = "Length"
ENGINE = "Engine"
RUNTIME = "Runtime (neural models)"
OUTPUT = "Output"
BRIEF = "Brief (--task brief)"

InputArg = Annotated[
    str, typer.Argument(help="Article file, or - for standard input.", metavar="FILE")
]
Sentences = Annotated[
    int | None,
    typer.Option(
        "--sentences", "-n", min=1, metavar="N", help="Number of sentences.", rich_help_panel=LENGTH
    ),
]
MaxWords = Annotated[
    int | None,
    typer.Option(
        "--max-words",
        "-w",
        min=1,
        metavar="N",
        help="Length in words: whole sentences filling it, never more (default: about a "
        "fifth of the article, 40 to 120 words).",
        rich_help_panel=LENGTH,
    ),
]
Ratio = Annotated[
    float | None,
    typer.Option(
        "--ratio",
        "-r",
        min=0.01,
        max=1.0,
        metavar="0.01-1",
        help="Length as a fraction of the article's words, filled like --max-words.",
        rich_help_panel=LENGTH,
    ),
]
Format = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="text|json|jsonl",
        help="Output format: text (rich on a terminal, plain in a pipe), json or jsonl.",
        rich_help_panel=OUTPUT,
    ),
]
Engine = Annotated[
    str | None,
    typer.Option(
        "--engine",
        "-e",
        metavar="NAME",
        help="auto, neural, extractive, lead, or a plugin's engine (see `summarize engines`) "
        "[default: auto, or the config file's].",
        rich_help_panel=ENGINE,
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        metavar="NAME",
        help="An installed model (see `summarize models list`).",
        rich_help_panel=ENGINE,
    ),
]
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="ar|en",
        help="Output language; default: the article's.",
        rich_help_panel=ENGINE,
    ),
]
To = Annotated[
    str,
    typer.Option("--to", "-t", metavar="en|ar", help="Target language.", rich_help_panel=ENGINE),
]
Bidi = Annotated[
    str | None,
    typer.Option(
        "--bidi",
        metavar="logical|visual",
        help="Right-to-left text on a terminal: logical (the terminal reorders it) or visual "
        "(rows in visual order with joined letters, for terminals that do not, such as xterm "
        "and tmux; needs pip install 'summarize[bidi]') [default: $SUMMARIZE_BIDI or logical].",
        rich_help_panel=OUTPUT,
    ),
]
Bullets = Annotated[
    int,
    typer.Option(
        "--bullets",
        "-b",
        min=1,
        max=10,
        metavar="1-10",
        help="Number of bullet points.",
        rich_help_panel=BRIEF,
    ),
]
Via = Annotated[
    str | None,
    typer.Option(
        "--via",
        metavar="crosssum|translate",
        help="crosssum (direct English summary) or translate (summarise in Arabic, then "
        "translate); default: whichever is installed, crosssum first.",
        rich_help_panel=BRIEF,
    ),
]
TranslatorModel = Annotated[
    str | None,
    typer.Option(
        "--translator",
        metavar="NAME",
        help="Installed translation model for headline and bullets.",
        rich_help_panel=BRIEF,
    ),
]


@dataclass(frozen=True)
class Runtime:
    """How to run: the flags every command that runs a model takes (one place to add one)."""

    beam: Annotated[
        int | None,
        typer.Option(
            "--beam",
            min=1,
            metavar="N",
            help="Beam size (neural models; disables token streaming).",
            rich_help_panel=RUNTIME,
        ),
    ] = None
    device: Annotated[
        str | None,
        typer.Option(
            "--device", metavar="auto|cpu|cuda", help="Where to run.", rich_help_panel=RUNTIME
        ),
    ] = None
    compute_type: Annotated[
        str | None,
        typer.Option(
            "--compute-type",
            metavar="TYPE",
            help="int8, int8_float16, float16, float32 ... [default: int8 on CPU, "
            "int8_float16 on CUDA].",
            rich_help_panel=RUNTIME,
        ),
    ] = None
    threads: Annotated[
        int | None,
        typer.Option(
            "--threads",
            min=0,
            metavar="N",
            help="CPU threads (0: all cores).",
            rich_help_panel=RUNTIME,
        ),
    ] = None
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress or notices on stderr.", rich_help_panel=OUTPUT
        ),
    ] = False
    offline: Annotated[
        bool, typer.Option("--offline", help="Never touch the network.", rich_help_panel=ENGINE)
    ] = False

    def settings(self) -> Settings:
        """The process's settings: these flags over ``SUMMARIZE_*`` over the config file."""
        from summarize.settings import Settings

        return Settings.from_flags(
            offline=self.offline,
            device=self.device,
            compute_type=self.compute_type,
            threads=self.threads,
        )


Command = TypeVar("Command", bound=Callable[..., None])


def with_runtime(command: Command) -> Command:
    """``command`` with its ``runtime: Runtime`` parameter spread into one flag per field.

    typer reads the returned function's signature; the wrapper gathers the flags back into a
    :class:`Runtime` before calling ``command``.
    """
    hints = get_type_hints(Runtime, include_extras=True)
    spread = [
        inspect.Parameter(
            f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name]
        )
        for f in fields(Runtime)
    ]
    signature = inspect.signature(command)
    own = get_type_hints(command, include_extras=True)
    # Annotations resolved here: typer does not evaluate those of a ``__signature__``.
    params = [
        p.replace(annotation=own[p.name])
        for p in signature.parameters.values()
        if p.name != "runtime"
    ]
    names = {f.name for f in fields(Runtime)}

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        runtime = Runtime(**{name: kwargs.pop(name) for name in names if name in kwargs})
        command(*args, runtime=runtime, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=params + spread)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params + spread}
    return wrapper  # type: ignore[return-value]
