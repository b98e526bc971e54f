"""Signals: SIGTERM ends a run like Ctrl-C; pool workers end with their parent, quietly.

``kill`` (SIGTERM) raises :class:`~summarize.errors.Terminated`, a ``KeyboardInterrupt``, so
every place that keeps work on Ctrl-C (batch keeps its records and says how to resume)
does the same on SIGTERM; the CLI then exits 143 (128 + 15).
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from summarize.errors import Terminated

_PR_SET_PDEATHSIG = 1


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` (unless ignored, or off the main thread)."""
    previous = signal.getsignal(signal.SIGTERM)
    if previous is signal.SIG_IGN or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def sigterm_blocked() -> Iterator[None]:
    """While inside, SIGTERM waits (it arrives on the way out), and so does it in children.

    A process forked inside (or by a thread started inside) starts with SIGTERM blocked: it
    keeps the parent's handler, which raises :class:`Terminated`, until it has reset it
    (:func:`quiet_worker` unblocks it after that).
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def quiet_worker() -> None:
    """In a pool worker: the parent alone handles Ctrl-C and SIGTERM; die when it dies.

    Without this, a worker whose parent was killed (``kill -9``) wakes up to a closed
    result pipe and prints a ``BrokenPipeError`` traceback; with the parent-death signal
    set, the kernel ends it first.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Forked with SIGTERM blocked (see sigterm_blocked): it may now end this worker quietly.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
