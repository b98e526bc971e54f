"""The CLI as a whole process: pipes, terminals, signals."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

SENTENCE = "ارتفعت أسعار القمح في الأسواق العالمية بنسبة كبيرة خلال الأسبوع الماضي رقم {}."


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarize", *args]


@pytest.fixture
def long_article(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text("\n".join(SENTENCE.format(i) for i in range(3000)), encoding="utf-8")
    return path


def test_broken_pipe_ends_quietly(long_article: Path) -> None:
    cmd = " ".join(_cli(str(long_article), "--ratio", "1", "--quiet")) + " | head -c 20 >/dev/null"
    proc = subprocess.run(
        ["bash", "-c", cmd + "; echo ${PIPESTATUS[0]} >&2"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stderr.strip() == "0"


def _run_in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal; return exit code and screen text."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(args[0], args, env)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_output_has_title_line_and_respects_no_color(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "عنوان الخبر الرئيسي اليوم\n"
        "قال الوزير إن الاقتصاد نما بسرعة هذا العام.\n"
        "وأضاف أن البطالة انخفضت إلى أدنى مستوى منذ عقد.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TERM": "xterm-256color"}
    code, screen = _run_in_terminal(_cli(str(path)), env)
    assert code == 0
    assert "قال الوزير" in screen
    assert "\x1b[3" not in screen  # no colour codes with NO_COLOR


SLOW_ENGINE = """
import sys, time
from summarize.cli import main
from summarize.engines import register_summarizer

class Slow:
    name = "slow"
    model = None
    def summarize(self, doc, length, target_lang):
        for i in range(1000):
            yield f"fragment{i} "
            time.sleep(0.05)
    def close(self):
        sys.stderr.write("closed\\n")

register_summarizer("slow", lambda settings, model: Slow())
main([sys.argv[1], "--engine", "slow"])
"""


def test_ctrl_c_exits_130_and_keeps_what_was_written(tmp_path: Path) -> None:
    import signal
    import time

    path = tmp_path / "a.txt"
    path.write_text("قال الوزير إن الاقتصاد نما بسرعة هذا العام.", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_ENGINE, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    first = proc.stdout.read(len(b"fragment0 fragment1 "))
    time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert first == b"fragment0 fragment1 "
    assert rest.startswith(b"fragment2 ")
    assert b"closed" in err
    assert b"Traceback" not in err
