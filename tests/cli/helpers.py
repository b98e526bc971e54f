"""Run the real CLI entry point in-process and capture stdout, stderr and the exit code."""

from __future__ import annotations

import io
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pytest

from summarize.cli.app import main
from summarize.engines.base import Document, Length


def sigint_at_default() -> None:
    """``preexec_fn`` for a child that must get Ctrl-C as from a terminal.

    A job started in the background by a non-interactive shell (as CI runners may start the
    tests) ignores SIGINT, children inherit that, and Python then never raises
    KeyboardInterrupt: the child would not be interruptible at all.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def run_cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: Sequence[str],
    stdin: bytes = b"",
) -> CliResult:
    """``summarize ARGV`` with ``stdin`` as standard input."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    captured = capsys.readouterr()
    code = exc.value.code
    return CliResult(code if isinstance(code, int) else 1, captured.out, captured.err)


class ScriptedEngine:
    """A fake summariser: yields the fragments it was given, records what it was asked."""

    name = "scripted"
    model: str | None = "script-1"

    def __init__(self, fragments: Sequence[str], fail: Exception | None = None) -> None:
        self.fragments = list(fragments)
        self.fail = fail
        self.calls: list[tuple[Document, Length, str]] = []
        self.closed = False

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the script; raise ``fail`` half way when given."""
        self.calls.append((doc, length, target_lang))
        for i, frag in enumerate(self.fragments):
            if self.fail is not None and i == len(self.fragments) // 2:
                raise self.fail
            yield frag

    def close(self) -> None:
        """Remember that the CLI released the engine."""
        self.closed = True
