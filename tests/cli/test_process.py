"""The CLI as a whole process: pipes, terminals, signals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import sigint_at_default
from tests.hang import HANG_S
from tests.pty_run import run_in_terminal

SENTENCE = "ارتفعت أسعار القمح في الأسواق العالمية بنسبة كبيرة خلال الأسبوع الماضي رقم {}."


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarize", *args]


@pytest.fixture
def long_article(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text("\n".join(SENTENCE.format(i) for i in range(3000)), encoding="utf-8")
    return path


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run(_cli("--help"), capture_output=True, text=True, timeout=HANG_S)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Usage: summarize [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in proc.stdout
    assert proc.stderr == ""


def test_importing_the_main_module_runs_nothing() -> None:
    # Tools that import every module (doc builders, test collectors) must not start the CLI.
    code = "import sys; sys.argv = ['x', '--version']; import summarize.__main__; print('ok')"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_S
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "ok\n", "")


def test_broken_pipe_ends_quietly(long_article: Path) -> None:
    cmd = " ".join(_cli(str(long_article), "--ratio", "1", "--quiet")) + " | head -c 20 >/dev/null"
    proc = subprocess.run(
        ["bash", "-c", cmd + "; echo ${PIPESTATUS[0]} >&2"],
        capture_output=True,
        text=True,
        timeout=HANG_S,
    )
    assert proc.stderr.strip() == "0"


def test_terminal_output_has_title_line_and_respects_no_color(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "عنوان الخبر الرئيسي اليوم\n"
        "قال الوزير إن الاقتصاد نما بسرعة هذا العام.\n"
        "وأضاف أن البطالة انخفضت إلى أدنى مستوى منذ عقد.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TERM": "xterm-256color"}
    code, screen = run_in_terminal(_cli(str(path)), env)
    assert code == 0
    assert "قال الوزير" in screen
    assert "\x1b[3" not in screen  # no colour codes with NO_COLOR


SLOW_ENGINE = """
import sys, time
from summarize.cli.app import main
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
        preexec_fn=sigint_at_default,
    )
    assert proc.stdout is not None
    first = proc.stdout.read(len(b"fragment0 fragment1 "))
    time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=HANG_S)
    assert proc.returncode == 130
    assert first == b"fragment0 fragment1 "
    assert rest.startswith(b"fragment2 ")
    assert b"closed" in err
    assert b"Traceback" not in err
