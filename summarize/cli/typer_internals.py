"""Every private name of typer this CLI touches, in this one module (and nowhere else).

typer 0.29 ships its own copy of click (``typer._click``) and converts option values with
pydantic. This module adapts three things, each through the names listed in :data:`NAMES`:

1. the click exceptions :mod:`summarize.cli.app` maps to exit codes;
2. plain option parsing (:func:`parse_plainly`): typer 0.29 converts each option's value with
   a pydantic ``TypeAdapter`` built the first time the option is parsed; importing pydantic and
   building the adapters costs about 0.2 s per run, more than a whole extractive summary. This
   CLI's options are all plain (str, bool, int and float with bounds, Path, lists of str), so
   such options get a converter of their own and any other kind is left to typer;
3. argument names in help as users read them (:func:`plain_argument_names`): ``FILE``, not
   ``{FILE}`` or ``FILE <str>``.

A typer release that renames one of these names fails ``tests/cli/test_typer_internals.py``
(which checks :func:`missing` is empty), not the user's start-up: every adaptation here falls
back to typer's own behaviour when a name is gone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

# Each name: a module, then attributes inside it. typer.core's classes are typer's documented
# extension points (``cls=``), listed so that the test covers them too.
NAMES = (
    "typer._click.exceptions:ClickException",
    "typer._click.exceptions:NoArgsIsHelpError",
    "typer._click.exceptions:UsageError",
    "typer._click.exceptions:BadParameter",
    "typer._coercion:RuntimeParam",
    "typer._coercion:RuntimeParam._coerce_value",
    "typer._coercion:TypeDescriptor",
    "typer._param_types:coerce_cli_path",
    "typer.core:build_runtime_param",
    "typer.core:_TyperParameter",
    "typer.core:TyperArgument._usage_display_name",
    "typer.core:TyperArgument.display_type_rich",
    "typer.core:TyperCommand",
    "typer.core:TyperGroup",
)


def _resolve(name: str) -> Any:
    """The object ``module:attr.attr`` names; AttributeError or ImportError when gone."""
    module, _, path = name.partition(":")
    found: Any = importlib.import_module(module)
    for attr in path.split("."):
        found = getattr(found, attr)
    return found


def missing() -> list[str]:
    """The names of :data:`NAMES` this typer lacks (empty for the typer the tests ran)."""
    gone = []
    for name in NAMES:
        try:
            _resolve(name)
        except (ImportError, AttributeError):
            gone.append(name)
    return gone


# 1. The click exceptions, from typer's copy of click (else click itself, else stand-ins
# that nothing raises: errors then reach the generic handler, still one line).
try:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ClickUsageError
except ImportError:  # pragma: no cover - another typer
    try:
        from click.exceptions import (  # type: ignore[assignment]
            ClickException,
            NoArgsIsHelpError,
        )
        from click.exceptions import UsageError as ClickUsageError  # type: ignore[assignment]
    except ImportError:

        class ClickException(Exception):  # type: ignore[no-redef]
            """Stand-in: nothing raises it."""

            exit_code = 1

            def format_message(self) -> str:
                """The message."""
                return str(self)

        class ClickUsageError(ClickException):  # type: ignore[no-redef]
            """Stand-in: nothing raises it."""

        class NoArgsIsHelpError(ClickUsageError):  # type: ignore[no-redef]
            """Stand-in: nothing raises it."""


from typer.core import TyperArgument, TyperCommand, TyperGroup  # noqa: E402

__all__ = [
    "NAMES",
    "ClickException",
    "ClickUsageError",
    "NoArgsIsHelpError",
    "TyperCommand",
    "TyperGroup",
    "missing",
    "parse_plainly",
    "plain_argument_names",
]

# 2. Plain option parsing.
try:
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam, TypeDescriptor
    from typer._param_types import coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another typer: its own parsing stays
    RuntimeParam = None  # type: ignore[assignment,misc]

_SCALARS = (str, bool, int, float, Path)
_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off", ""}


def _plain(desc: TypeDescriptor) -> bool:
    """Whether the option is of a kind :class:`PlainParam` converts exactly as typer would."""
    info = desc.parameter_info
    if info.parser is not None or getattr(info, "click_type", None) is not None:
        return False
    if desc.file_annotation is not None or info.clamp:
        return False
    annotation: Any = desc.annotation
    if get_origin(annotation) is list:
        return get_args(annotation) == (str,)
    if annotation is Path:
        return info.path_type is None
    return annotation in _SCALARS


def _number(kind: type[Any], value: Any, info: Any) -> Any:
    name = "integer" if kind is int else "number"
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a valid {name}.") from None
    if info.min is not None and number < info.min:
        raise ValueError(f"{number} is below the minimum {info.min}.")
    if info.max is not None and number > info.max:
        raise ValueError(f"{number} is above the maximum {info.max}.")
    return number


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"{value!r} is not a valid boolean.")


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class PlainParam(RuntimeParam):
        """Converts a plain option's value (see :func:`_plain`) without pydantic."""

        def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Any) -> Any:
            kind: Any = self.annotation
            if get_origin(kind) is list:
                return [str(item) for item in value]
            try:
                return self._scalar(value, param, ctx)
            except ValueError as exc:
                raise BadParameter(str(exc), ctx=ctx, param=param) from None

        def _scalar(self, value: Any, param: _TyperParameter, ctx: Any) -> Any:
            kind: Any = self.annotation
            if kind is str:
                return value.decode() if isinstance(value, bytes) else str(value)
            if kind is bool:
                return _flag(value)
            if kind in (int, float):
                return _number(kind, value, self.parameter_info)
            path = value if isinstance(value, Path) else Path(value)
            return coerce_cli_path(path, self.parameter_info, path_type=Path, param=param, ctx=ctx)


def parse_plainly() -> None:
    """Make typer convert plain options with :class:`PlainParam` (idempotent).

    typer builds an option's converter lazily through ``typer.core.build_runtime_param``, for
    the commands' options and for the ``--help`` options it adds itself; wrapping that one
    function covers them all. Options of other kinds still get typer's pydantic converter.
    """
    if RuntimeParam is None:  # pragma: no cover
        return
    import typer.core

    core: Any = typer.core
    original: Callable[[TypeDescriptor], RuntimeParam] = core.build_runtime_param
    if getattr(original, "__module__", None) == __name__:
        return

    def build_runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
        if _plain(descriptor):
            return PlainParam(descriptor.parameter_info, descriptor.annotation)
        return original(descriptor)

    core.build_runtime_param = build_runtime_param


# 3. Argument names in help.
def plain_argument_names() -> None:
    """Make typer show an argument that has a metavar as that metavar alone.

    typer 0.29 wraps a required argument's name in braces on the usage line and adds its type
    (``<str>``) in the Arguments list, even when the argument has a metavar of its own.
    """
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
