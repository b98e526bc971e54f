"""Option values parsed without pydantic: typer 0.29 would import it on every run.

typer 0.29 converts each option's value with a pydantic ``TypeAdapter`` that it builds the first
time the option is parsed. Importing pydantic and building the adapters costs about 0.2 s per
run: more than a whole extractive summary. This CLI's options are all plain (str, bool, int and
float with bounds, Path, lists of str), so :func:`parse_plainly` gives such options a converter
of their own and leaves any other kind to typer. With a typer that lacks these internals the
function does nothing, and typer's own parsing runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

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
