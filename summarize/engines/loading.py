"""Who hears that a model starts loading: a spinner's text, a batch progress bar's label.

Engines call :func:`announce` as a load begins; the CLI wraps engine building in
:func:`listening` to show it. Nothing listens by default (the Python API stays silent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Listener = Callable[[str | None], None]
_LISTENER: ContextVar[Listener | None] = ContextVar("loading", default=None)


def announce(what: str | None) -> None:
    """Tell the listener, if any, what starts loading (``tiny-mt5 (mt5, int8)``), or with
    None that the load is over."""
    listener = _LISTENER.get()
    if listener is not None:
        listener(what)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send the announcements made inside the block to ``listener``."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)
