"""Option declarations shared by the commands (one definition, many commands)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

# typer needs Optional[...] spelled out on Python 3.10 annotations evaluated at runtime.
InputArg = Annotated[
    str, typer.Argument(help="Article file, or - for standard input.", metavar="FILE")
]
Sentences = Annotated[
    Optional[int], typer.Option("--sentences", "-n", min=1, help="Number of sentences.")  # noqa: UP045
]
MaxWords = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--max-words",
        "-w",
        min=1,
        help="Length in words: whole sentences filling it, never more (default: about a "
        "fifth of the article, 40 to 120 words).",
    ),
]
Ratio = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option(
        "--ratio",
        "-r",
        min=0.01,
        max=1.0,
        help="Length as a fraction of the article's words, filled like --max-words.",
    ),
]
Format = Annotated[str, typer.Option("--format", "-f", help="Output format: text, json or jsonl.")]
Engine = Annotated[
    str,
    typer.Option(
        "--engine",
        "-e",
        help="auto, neural, extractive, lead, or a plugin's engine (see `summarize engines`).",
    ),
]
Model = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--model", "-m", help="An installed model (see `summarize models list`)."),
]
Lang = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--lang", "-l", help="Output language (ar or en); default: the article's."),
]
To = Annotated[str, typer.Option("--to", "-t", help="Target language (en or ar).")]
Beam = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--beam", min=1, help="Beam size (neural models; disables token streaming)."),
]
Device = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--device", help="auto, cpu or cuda (neural models)."),
]
ComputeType = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--compute-type", help="int8, int8_float16, float16, float32 ... (neural)."),
]
Threads = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--threads", min=0, help="CPU threads for neural models (0: all cores)."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or notices on stderr.")]
Offline = Annotated[bool, typer.Option("--offline", help="Never touch the network.")]
