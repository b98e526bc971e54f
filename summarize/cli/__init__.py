"""The ``summarize`` command line: typer wiring only (app, exit codes, options, commands).

Each command parses its options, calls one library function and renders the result.
"""

from summarize.cli.app import app, main

__all__ = ["app", "main"]
