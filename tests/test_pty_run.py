"""The shared pseudo-terminal runner: exit codes, a TTY on every stream, no hang, no stray fork."""

from __future__ import annotations

import os
import sys

import pytest

from tests.pty_run import run_in_terminal

TTY_CHECK = "import sys; print([s.isatty() for s in (sys.stdin, sys.stdout, sys.stderr)])"


def test_streams_are_a_terminal_and_the_exit_code_comes_back() -> None:
    code, screen = run_in_terminal(
        [sys.executable, "-c", TTY_CHECK + "; sys.exit(3)"], dict(os.environ)
    )
    assert code == 3
    assert screen == "[True, True, True]\r\n"  # the terminal turns \n into \r\n


def test_a_program_that_cannot_start_exits_127() -> None:
    code, screen = run_in_terminal(["/nonexistent/program"], dict(os.environ))
    assert code == 127
    assert "cannot run /nonexistent/program" in screen


def test_a_hung_program_is_killed_at_the_deadline() -> None:
    # A shell starts in milliseconds even on a loaded machine (Python may take seconds).
    args = ["sh", "-c", "echo started; exec sleep 3600"]
    with pytest.raises(TimeoutError, match="started"):
        run_in_terminal(args, dict(os.environ), timeout=10)
