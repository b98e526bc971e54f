"""The ``engines`` command: the engines ``--engine`` accepts, plugins' included."""

from __future__ import annotations

from typing import Annotated

import typer

Format = Annotated[str, typer.Option("--format", "-f", help="text or json.")]


def engines(fmt: Format = "text") -> None:
    """List the engines --engine accepts: built in, and from installed plugins.

    Other packages add engines through the `summarize.engines` entry-point group (README,
    Engines from other packages).

    Example: summarize engines --format json
    """
    import sys

    from summarize.engines.registry import engine_rows
    from summarize.render import check_format, dumps

    check_format(fmt, ("text", "json"))
    rows = engine_rows()
    if fmt == "json":
        sys.stdout.write(dumps([{"name": n, "about": a} for n, a in rows]) + "\n")
        return
    width = max(len(name) for name, _ in rows)
    for name, about in rows:
        sys.stdout.write(f"{name.ljust(width)}  {about}\n")


def register(app: typer.Typer) -> None:
    """Add the ``engines`` command to the main app."""
    app.command("engines")(engines)
