"""Argument names in help as users read them: ``FILE``, not ``{FILE}`` or ``FILE <str>``.

typer 0.29 wraps a required argument's name in braces on the usage line and adds its type
(``<str>``) in the Arguments list, even when the argument has a metavar of its own. Every
argument of this CLI has a metavar that already says what it is, so both are dropped for
arguments with one. With a typer that lacks these methods nothing changes.
"""

from __future__ import annotations

from typing import Any


def plain_argument_names() -> None:
    """Make typer show an argument that has a metavar as that metavar alone."""
    try:
        from typer.core import TyperArgument
    except ImportError:  # pragma: no cover - another typer: its own format stays
        return
    usage = getattr(TyperArgument, "_usage_display_name", None)
    display_type = getattr(TyperArgument, "display_type_rich", None)
    if usage is None or display_type is None or getattr(usage, "_plain", False):
        return

    def usage_name(self: Any) -> str:
        if self.metavar is None:
            return str(usage(self))
        name = str(self.metavar) if self.required else f"[{self.metavar}]"
        return name + ("..." if self.nargs != 1 else "")

    def type_name(self: Any, ctx: Any) -> str | None:
        return None if self.metavar is not None else display_type(self, ctx)

    usage_name._plain = True  # type: ignore[attr-defined]
    setattr(TyperArgument, "_usage_display_name", usage_name)  # noqa: B010
    setattr(TyperArgument, "display_type_rich", type_name)  # noqa: B010
