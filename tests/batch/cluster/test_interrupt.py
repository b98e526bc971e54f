"""Ctrl-C during a cluster run: exit 130, whole lines kept, no process left, resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.cluster import fake_engines
from tests.batch.cluster.conftest import articles, read_records
from tests.cli.helpers import sigint_at_default
from tests.hang import HANG_S

ROOT = Path(__file__).resolve().parents[3]
RUN = f"""
import sys
from summarize.batch.run import BatchConfig
from summarize.tasks import Summarize
from summarize.batch.cluster.driver import run_cluster_batch
from summarize.pipeline import SummaryOptions
from summarize.settings import Settings

if __name__ == "__main__":
    config = BatchConfig(
        inputs=[sys.argv[1]],
        task=Summarize(SummaryOptions(engine={fake_engines.SLOW_ENGINE!r})),
        settings=Settings.from_env(),
        output=sys.argv[2],
        resume=sys.argv[3] == "resume",
        window=4,
    )
    try:
        run_cluster_batch(config, "local", 2, None, imports=({fake_engines.WORKER_MODULE!r},))
    except KeyboardInterrupt:
        sys.exit(130)
"""


def _start(data: Path, out: Path, mode: str) -> subprocess.Popen[str]:
    # A session of its own, SIGINT at its default: as a command started from a terminal.
    return subprocess.Popen(
        [sys.executable, "-c", RUN, str(data), str(out), mode],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=sigint_at_default,
    )


def _live_in_session(sid: int) -> list[int]:
    """Processes of session ``sid`` that are still running (zombies are dead)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[4]) == sid:
            found.append(int(entry))
    return found


def _gone_in_session(sid: int, wait_s: float = HANG_S) -> bool:
    """Whether every process of session ``sid`` has exited (polled: exits take a moment)."""
    end = time.monotonic() + wait_s
    while _live_in_session(sid) and time.monotonic() < end:
        time.sleep(0.1)
    return _live_in_session(sid) == []


def _lines(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def test_ctrl_c_keeps_whole_records_leaves_nothing_and_resumes(tmp_path: Path) -> None:
    data = articles(tmp_path / "in.jsonl", 200)
    out = tmp_path / "out.jsonl"
    run = _start(data, out, "new")
    # No wall-clock deadline: a loaded machine may take long to write 20 records (the
    # module's alarm still ends a hung run).
    while _lines(out) < 20 and run.poll() is None:
        time.sleep(0.05)
    # A terminal's Ctrl-C goes to the whole process group: driver and workers.
    os.killpg(run.pid, signal.SIGINT)
    stdout, stderr = run.communicate(timeout=HANG_S)
    kept = read_records(out)
    assert run.returncode == 130, stderr
    assert 20 <= len(kept) < 200
    assert f"{len(kept)} records kept in {out}; add --resume to go on" in stderr
    assert "Traceback" not in stderr and stdout == ""
    assert _gone_in_session(run.pid)
    rest = _start(data, out, "resume")
    _, stderr = rest.communicate(timeout=HANG_S)
    assert rest.returncode == 0, stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{i}" for i in range(200)]
