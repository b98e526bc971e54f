"""Resuming batch runs whose ids repeat, and runs killed with -9 at random points."""

from __future__ import annotations

import random
import subprocess
import time
from pathlib import Path

import pytest

from tests.batch.helpers import article, parse_lines, without_ms, write_jsonl
from tests.batch.test_process import _finish, _slow, _wait_for_lines
from tests.cli.helpers import run_cli
from tests.hang import HANG_S

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def test_resume_counts_repeated_ids_by_occurrence(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    ids = ["a", "dup", "b", "dup", "c"]
    rows = [{"id": i, "text": article(n)} for n, i in enumerate(ids)]
    src, out = write_jsonl(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    write_jsonl(tmp_path / "first.jsonl", rows[:2])
    # A run that got through two records before it was killed.
    first = run_cli(capsys, monkeypatch, ["batch", str(tmp_path / "first.jsonl"), "-o", str(out)])
    assert first.code == 0
    res = run_cli(capsys, monkeypatch, ["batch", str(src), "-o", str(out), "--resume"])
    assert res.code == 0, res.err
    assert "2 already done" in res.err
    records = parse_lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ids
    clean = run_cli(capsys, monkeypatch, ["batch", str(src)])
    assert without_ms(records) == without_ms(parse_lines(clean.out))


def test_kill_9_at_random_points_then_resume_keeps_every_record(tmp_path: Path) -> None:
    n = 300
    # Ids repeat (every id five times, not next to each other); texts differ by position.
    rows = [{"id": f"id{i % 60}", "text": article(i)} for i in range(n)]
    src, out = write_jsonl(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    rng = random.Random(15)
    for _ in range(4):
        before = out.read_bytes().count(b"\n") if out.exists() else 0
        proc = _slow(str(src), "-o", str(out), "--resume", "-q", stderr=subprocess.DEVNULL)
        _wait_for_lines(out, min(before + 1, n - 1))
        time.sleep(rng.uniform(0, 0.3))
        proc.kill()
        proc.wait(timeout=HANG_S)
    done = _finish(str(src), "-o", str(out), "--resume", "-q")
    assert done.returncode == 0, done.stderr
    records = parse_lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [row["id"] for row in rows]
    clean = _finish(str(src), "-q")
    assert without_ms(records) == without_ms(parse_lines(clean.stdout.decode()))
