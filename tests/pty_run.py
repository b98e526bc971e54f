"""Run a command on a pseudo-terminal, as a user at a terminal would (tests of TTY output)."""

from __future__ import annotations

import os
import pty
import select
import signal
import time
from collections.abc import Mapping, Sequence

from tests.hang import HANG_S


def run_in_terminal(
    args: Sequence[str], env: Mapping[str, str], timeout: float = HANG_S
) -> tuple[int, str]:
    """Run ``args`` with stdin, stdout and stderr on a new pseudo-terminal.

    Returns the exit code and everything the terminal showed, decoded as UTF-8 (the
    terminal's ``\\r\\n`` line ends are kept). A command still running after ``timeout``
    seconds is killed and ``TimeoutError`` carries what it had shown so far.
    """
    pid, fd = pty.fork()
    if pid == 0:  # child
        _exec(args, env)
    try:
        screen = _read_until_closed(fd, time.monotonic() + timeout)
    except TimeoutError:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), screen


def _exec(args: Sequence[str], env: Mapping[str, str]) -> None:
    # The child is a fork of the test runner: it must never return into pytest, even when
    # the program cannot be started.
    try:
        os.execvpe(args[0], list(args), dict(env))
    except OSError as exc:
        os.write(2, f"cannot run {args[0]}: {exc}\n".encode())
    os._exit(127)


def _read_until_closed(fd: int, deadline: float) -> str:
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            shown = b"".join(chunks).decode("utf-8", "replace")
            raise TimeoutError(f"still running at the deadline; the terminal showed:\n{shown}")
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        try:
            data = os.read(fd, 4096)
        except OSError:  # EIO on Linux: every process holding the terminal has exited
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("utf-8", "replace")
