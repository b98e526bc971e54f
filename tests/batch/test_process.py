"""``summarize batch`` as a whole process: kill -9, Ctrl-C, resume, progress on a terminal."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.batch.helpers import article, parse_lines, without_ms, write_jsonl
from tests.cli.helpers import sigint_at_default
from tests.hang import HANG_S

ROOT = Path(__file__).resolve().parents[2]
# The real CLI with a fake engine that takes 5 ms per article (registered, then main()).
SLOW = """
import sys, time
from summarize.cli.app import main
from summarize.engines import register_summarizer

class Slow:
    name = "slow"
    model = None
    def summarize(self, doc, length, target_lang):
        time.sleep(0.005)
        yield doc.sentences[0].text
    def close(self):
        pass

register_summarizer("slow", lambda settings, model: Slow())
main(["batch", *sys.argv[1:], "-e", "slow"])
"""
N = 400


def _slow(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", SLOW, *args],
        cwd=ROOT,
        preexec_fn=sigint_at_default,
        **kwargs,  # type: ignore[call-overload]
    )


def _input(tmp_path: Path, n: int = N) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(n)])


def _wait_for_lines(path: Path, n: int, timeout: float = HANG_S) -> None:
    # A hang guard, not a speed check: a loaded machine may take long to start the run.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.01)
    raise AssertionError(f"{path} never reached {n} lines")


def _finish(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", SLOW, *args], cwd=ROOT, capture_output=True, timeout=HANG_S
    )


def test_kill_9_then_resume_gives_one_record_per_id(tmp_path: Path) -> None:
    src, out = _input(tmp_path), tmp_path / "out.jsonl"
    proc = _slow(str(src), "-o", str(out), "-q")
    _wait_for_lines(out, 50)
    proc.kill()
    proc.wait(timeout=HANG_S)
    kept = out.read_bytes()
    assert kept.endswith(b"\n") and 50 <= kept.count(b"\n") < N
    done = _finish(str(src), "-o", str(out), "--resume", "-q")
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    records = parse_lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == list(range(N))
    clean = _finish(str(src), "-q")
    assert without_ms(records) == without_ms(parse_lines(clean.stdout.decode()))


def _interrupted(tmp_path: Path, sig: int) -> tuple[int, bytes, bytes, Path, Path]:
    """A slow batch sent ``sig`` after 20 records: exit code, stdout, stderr, input, output."""
    src, out = _input(tmp_path), tmp_path / "out.jsonl"
    proc = _slow(str(src), "-o", str(out), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_lines(out, 20)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=HANG_S)
    return proc.returncode, stdout, stderr, src, out


def test_ctrl_c_exits_130_keeps_finished_records(tmp_path: Path) -> None:
    code, stdout, stderr, src, out = _interrupted(tmp_path, signal.SIGINT)
    assert code == 130
    assert stdout == b""
    assert b"Traceback" not in stderr
    assert b"add --resume to go on" in stderr
    kept = parse_lines(out.read_text(encoding="utf-8"))
    assert 20 <= len(kept) < N
    assert [r["id"] for r in kept] == list(range(len(kept)))
    done = _finish(str(src), "-o", str(out), "--resume", "-q")
    assert done.returncode == 0
    assert [r["id"] for r in parse_lines(out.read_text(encoding="utf-8"))] == list(range(N))


def _read_all(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the other side closed
            return
        if not data:
            return
        into.append(data)


def test_progress_goes_to_a_terminal_stderr_never_to_stdout(tmp_path: Path) -> None:
    src = _input(tmp_path)
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    proc = _slow(str(src), stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    screen: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(master, screen))
    reader.start()
    stdout, _ = proc.communicate(timeout=HANG_S)
    reader.join(timeout=HANG_S)
    os.close(master)
    assert proc.returncode == 0
    assert [r["id"] for r in parse_lines(stdout.decode())] == list(range(N))
    text = b"".join(screen).decode("utf-8", "replace")
    assert f"{N}/{N} records" in text
    assert "rec/s" in text and "0 errors" in text


def test_no_progress_when_stderr_is_piped(tmp_path: Path) -> None:
    src = _input(tmp_path, 30)
    done = _finish(str(src))
    assert done.returncode == 0
    err = done.stderr.decode()
    assert "rec/s" not in err and "\r" not in err
    assert err.startswith("30 records (0 failed)")
    quiet = _finish(str(src), "-q")
    assert quiet.stderr == b""


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    src = _input(tmp_path)
    cmd = f"{sys.executable} -m summarize batch {src} | head -n 1; echo ${{PIPESTATUS[0]}} >&2"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=HANG_S)
    assert json.loads(proc.stdout)["id"] == 0
    assert proc.stderr.strip().splitlines()[-1] == "0"
    assert "Traceback" not in proc.stderr
