"""Issue 21 §1: the same options give the same text in a terminal and in a pipe.

Each neural command runs twice as a user runs it: once with stdout on a pseudo-terminal (where
text streams as it is decoded) and once into a pipe. Every model here decodes with beam search
by default (mT5 and crossSum: beam 4, as published; the Marian translator: beam 4, as
published), so a terminal that switched to greedy decoding to stream would print other words.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.brief.helpers import titled_article, write
from tests.pty_run import run_in_terminal
from tests.tiny_models import install_tiny

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _words(text: str) -> str:
    """``text`` with terminal escapes removed and all white space folded to single spaces."""
    return " ".join(_ESCAPES.sub("", text).split())


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "SUMMARIZE_HOME": str(home), "NO_COLOR": "1", "TERM": "xterm"}


def _both(args: list[str], home: Path) -> tuple[str, str]:
    """What a terminal shows and what a pipe receives for ``summarize ARGS``."""
    cmd = [sys.executable, "-m", "summarize", *args]
    code, screen = run_in_terminal(cmd, _env(home))
    assert code == 0, screen
    piped = subprocess.run(cmd, env=_env(home), capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0, piped.stderr
    return screen, piped.stdout


@pytest.mark.parametrize(
    ("families", "args"),
    [
        (("mt5",), ["--model", "mt5"]),
        (("mt5", "crosssum"), ["--lang", "en", "--model", "crosssum"]),
        (("marian",), ["translate", "--to", "en"]),
        (("mt5",), ["--model", "mt5", "--beam", "1"]),
    ],
    ids=["summarize", "summarize-en", "translate", "summarize-greedy"],
)
def test_terminal_and_pipe_print_the_same_text(
    isolated_home: Path, tmp_path: Path, families: tuple[str, ...], args: list[str]
) -> None:
    for family in families:
        install_tiny(isolated_home, family)
    path = write(tmp_path, titled_article())
    head = args[:3] if args[0] == "translate" else []
    rest = args[3:] if head else args
    screen, piped = _both([*head, str(path), *rest, "-q"], isolated_home)
    assert piped.strip()
    # The terminal adds the headline above the text; the text itself is the same.
    assert _words(piped) in _words(screen)


def test_brief_in_a_terminal_and_a_pipe_has_the_same_bullets_and_paragraph(
    isolated_home: Path, tmp_path: Path
) -> None:
    install_tiny(isolated_home, "crosssum")  # beam 4 for the bullets and the paragraph
    path = write(tmp_path, titled_article())
    screen, markdown = _both(["brief", str(path), "--bullets", "3", "-q"], isolated_home)
    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    bullets = [line[2:] for line in unescaped.splitlines() if line.startswith("- ")]
    paragraph = [line for line in unescaped.strip().splitlines() if line.strip()][-1]
    assert len(bullets) == 3
    shown = _words(screen)
    for text in [*bullets, paragraph]:
        assert _words(text) in shown
