"""``--help`` with options grouped in panels (each option's ``rich_help_panel``), plain text."""

from __future__ import annotations

from typing import Any

from summarize.cli.typer_internals import TyperCommand

# Panels in the order --help shows them (a command shows those it has); others follow.
ORDER = (
    "Arguments",
    "Input",
    "Output",
    "Length",
    "Engine",
    "Brief (--task brief)",
    "Processes",
    "Runtime (neural models)",
    "Options",
)


def panels(params: list[Any], ctx: Any) -> dict[str, list[tuple[str, str]]]:
    """Help rows by panel: arguments first, then ungrouped options, then each panel in order."""
    grouped: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
    for param in params:
        row = param.get_help_record(ctx)
        if row is None:
            continue
        if param.param_type_name == "argument":
            grouped["Arguments"].append(row)
        else:
            grouped.setdefault(getattr(param, "rich_help_panel", None) or "Options", []).append(row)

    def rank(name: str) -> int:
        return ORDER.index(name) if name in ORDER else len(ORDER)

    return {name: grouped[name] for name in sorted(grouped, key=rank) if grouped[name]}


class PanelCommand(TyperCommand):
    """A command whose ``--help`` shows its options in panels (Length, Engine, Runtime ...)."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """One section per panel."""
        for name, rows in panels(self.get_params(ctx), ctx).items():
            with formatter.section(name):
                formatter.write_dl(rows)
