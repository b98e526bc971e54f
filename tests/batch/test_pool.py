"""The process pool: capped to the machine and the input, and started without a traceback."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from summarize.batch import pool
from summarize.batch.records import InputRecord
from summarize.pipeline import SummaryOptions
from summarize.settings import Settings
from summarize.signals import sigterm_raises
from summarize.tasks import Summarize
from tests.batch.helpers import article, parse_lines, write_jsonl
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def _records(n: int) -> list[InputRecord]:
    return [InputRecord(i, article(i)) for i in range(n)]


def test_workers_are_capped_by_the_cpus_and_the_input() -> None:
    n, records, notice = pool.capped(100_000, 2, iter(_records(1000)))
    assert n == 4 and len(list(records)) == 1000
    assert (
        notice == "--workers 100000: using 4 processes (at most 2 per CPU, and this machine has 2)"
    )
    n, records, notice = pool.capped(100_000, 2, iter(_records(1)))
    assert n == 1 and [r.id for r in records] == [0]
    assert notice == (
        "--workers 100000: using 1 process (one per 16 records, and the input holds 1)"
    )
    n, _, notice = pool.capped(2, 2, iter(_records(40)))
    assert (n, notice) == (2, None)


def test_a_huge_workers_value_on_one_record_forks_nothing(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": article(1)}])
    monkeypatch.setattr(pool, "pool_outputs", pytest.fail)  # no pool may start
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "--workers", "100000"])
    assert res.code == 0
    assert "--workers 100000: using 1 process" in res.err
    assert [r["id"] for r in parse_lines(res.out)] == [1]


def test_workers_start_with_sigterm_blocked_until_their_handler_is_reset(
    tmp_path: Path, monkeypatch: Patch
) -> None:
    log = tmp_path / "masks.log"
    real = pool._init_process

    def spy(job: Summarize, settings: Settings) -> None:
        # Before the initializer resets the parent's handler, a SIGTERM must wait.
        before = signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, [])
        real(job, settings)
        after = signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, [])
        with log.open("a") as out:
            out.write(f"{os.getpid()} {before} {after}\n")

    monkeypatch.setattr(pool, "_init_process", spy)
    job = Summarize(SummaryOptions(engine="extractive"))
    with sigterm_raises():
        outputs = list(pool.pool_outputs(iter(_records(40)), job, Settings.from_env(), 2))
        assert signal.SIGTERM not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert [r["id"] for r in outputs] == list(range(40))
    masks = [line.split()[1:] for line in log.read_text().splitlines()]
    assert masks and all(m == ["True", "False"] for m in masks)
