"""Engines from other packages, found through Python entry points and loaded only when named.

A package adds a summariser by naming a factory in the ``summarize.engines`` group of its
``pyproject.toml`` (a translator: the ``summarize.translators`` group)::

    [project.entry-points."summarize.engines"]
    echo = "summarize_echo:EchoEngine"

The factory is called as ``factory(settings, model)`` and returns a
:class:`~summarize.engines.base.Summarizer` (or a
:class:`~summarize.engines.base.Translator`). Nothing is read at start-up: the installed
packages' metadata is looked at only when a name is not a built-in engine, and a plugin's
module is imported only when its engine is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarize.errors import UsageError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

SUMMARIZERS = "summarize.engines"
TRANSLATORS = "summarize.translators"


@dataclass(frozen=True)
class Plugin:
    """An engine another package provides: its name, where it lives, which package ships it."""

    name: str
    value: str
    package: str | None


def _entry_points(group: str, name: str | None = None) -> list[EntryPoint]:
    from importlib.metadata import entry_points

    found = entry_points(group=group)
    return [ep for ep in found if name is None or ep.name == name]


def plugins(group: str = SUMMARIZERS) -> list[Plugin]:
    """The engines installed packages declare in ``group``, by name (none imported)."""
    out: dict[str, Plugin] = {}
    for ep in _entry_points(group):
        package = ep.dist.name if ep.dist is not None else None
        out.setdefault(ep.name, Plugin(ep.name, ep.value, package))
    return sorted(out.values(), key=lambda p: p.name)


def load_factory(group: str, name: str) -> Any | None:
    """The factory a package declares as ``name`` in ``group`` (its module imported), or None.

    A plugin that cannot be imported is a usage error naming its package, not a traceback.
    """
    found = _entry_points(group, name)
    if not found:
        return None
    ep = found[0]
    try:
        factory = ep.load()
    except Exception as exc:
        package = ep.dist.name if ep.dist is not None else ep.value
        raise UsageError(
            f"engine {name!r} from {package} cannot be loaded: {type(exc).__name__}: {exc}"
        ) from None
    if not callable(factory):
        raise UsageError(f"engine {name!r} ({ep.value}) is not a factory of engines")
    return factory
