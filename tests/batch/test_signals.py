"""SIGTERM ends a batch like Ctrl-C (exit 143, records kept); pool workers die quietly."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.batch.helpers import article, parse_lines, write_jsonl
from tests.batch.test_process import ROOT, _finish, _interrupted, _wait_for_lines
from tests.hang import HANG_S


def test_sigterm_exits_143_and_keeps_finished_records(tmp_path: Path) -> None:
    code, stdout, stderr, src, out = _interrupted(tmp_path, signal.SIGTERM)
    assert code == 143
    assert stdout == b""
    assert b"Traceback" not in stderr
    assert b"records kept in" in stderr and b"add --resume to go on" in stderr
    assert stderr.endswith(b"summarize: terminated\n")
    done = _finish(str(src), "-o", str(out), "--resume", "-q")
    assert done.returncode == 0
    assert [r["id"] for r in parse_lines(out.read_text(encoding="utf-8"))] == list(range(400))


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_pool_workers_die_quietly_with_their_parent(tmp_path: Path, how: int) -> None:
    rows = [{"id": i, "text": article(i, sentences=12)} for i in range(4000)]
    src, out = write_jsonl(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "summarize", "batch", str(src), "-o", str(out)]
    proc = subprocess.Popen(
        [*cmd, "--workers", "2", "-q"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _wait_for_lines(out, 50)
    proc.send_signal(how)
    # stderr reaches EOF only when every process holding it (the workers too) has ended.
    stdout, stderr = proc.communicate(timeout=HANG_S)
    assert proc.returncode == -signal.SIGKILL if how == signal.SIGKILL else 143
    assert stdout == b""
    assert b"Traceback" not in stderr and b"BrokenPipeError" not in stderr
