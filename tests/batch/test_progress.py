"""The batch progress display: never mixed into records, a measured ETA, counts from stdin,
and what the run is doing (loading which model, with which engine, resuming what)."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from rich.console import Console

from summarize.batch import progress as progress_module
from summarize.batch.progress import BatchProgress, eta, same_terminal
from tests.batch.helpers import article, write_jsonl
from tests.cli.helpers import run_cli
from tests.pty_run import run_in_terminal, screen_rows
from tests.tiny_models import install_tiny


def _records(tmp_path: Path, n: int) -> Path:
    return write_jsonl(
        tmp_path / "in.jsonl", [{"id": f"r{i}", "text": article(i)} for i in range(n)]
    )


def _batch(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarize", "batch", *args]


def test_records_and_the_bar_never_share_a_row(isolated_home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SUMMARIZE_HOME": str(isolated_home), "TERM": "xterm"}
    args = _batch(str(_records(tmp_path, 40)), "--workers", "1")
    code, rows = screen_rows(args, env, 100, rows=600)  # tall enough that nothing scrolls off
    assert code == 0
    shown = "\n".join(rows)
    assert shown.count('{"id": "r') == 40
    # A record never follows the bar on its row, nor the bar a record.
    assert not [row for row in rows if "records" in row and '"id"' in row]
    assert not [row for row in rows if "ETA" in row and "{" in row]
    assert "40/40 records" in shown


def test_same_terminal_tells_a_pipe_from_the_terminal() -> None:
    read, write = os.pipe()
    with os.fdopen(read) as a, os.fdopen(write, "w") as b:
        assert not same_terminal(b, b)
        assert not same_terminal(a, io.StringIO())  # type: ignore[arg-type]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _bar(monkeypatch: pytest.MonkeyPatch, total: int | None) -> tuple[BatchProgress, Clock]:
    clock = Clock()
    monkeypatch.setattr(progress_module.time, "perf_counter", clock)
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    return BatchProgress(console, total), clock


def _shown(bar: BatchProgress) -> str:
    bar.progress.refresh()
    file = bar.progress.console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def test_the_eta_comes_from_the_rate_of_finished_work_not_from_model_loading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bar, clock = _bar(monkeypatch, 200)
    bar.loading("tiny-mt5 (mt5, int8)")
    assert "loading tiny-mt5" in _shown(bar)
    clock.now += 10  # the load: not work
    bar.loading(None)
    clock.now += 1
    bar.update(1, 0)
    assert "ETA -:--:--" in _shown(bar)  # one record is no rate yet
    clock.now += 7
    bar.update(32, 0)  # a block of 32 records arrives at once, 8 s of work in
    # 4 records/s measured over the work: 168 left take 42 s (not rich's burst estimate).
    assert "ETA 0:00:42" in _shown(bar)
    assert "32/200 records" in _shown(bar) and "4 rec/s" in _shown(bar)
    bar.stop()


def test_stdin_shows_the_count_without_a_total(monkeypatch: pytest.MonkeyPatch) -> None:
    bar, clock = _bar(monkeypatch, None)
    clock.now += 2
    bar.update(12, 0)
    shown = _shown(bar)
    assert "12 records" in shown and "/?" not in shown and "-:--:--" in shown
    bar.stop()


def test_eta_format() -> None:
    assert eta(3725, 1.0) == "1:02:05"
    assert eta(None, 5.0) == eta(10, 0.0) == "-:--:--"


def test_a_batch_says_at_the_start_which_engine_writes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    res = run_cli(capsys, monkeypatch, ["batch", str(_records(tmp_path, 3))])
    assert res.code == 0
    assert res.err.splitlines()[0] == "ar → ar: extractive"


def test_loading_a_model_is_named_on_the_bar(isolated_home: Path, tmp_path: Path) -> None:
    install_tiny(isolated_home, "mt5", name="tiny-mt5")
    env = {**os.environ, "SUMMARIZE_HOME": str(isolated_home), "TERM": "xterm"}
    out = tmp_path / "out.jsonl"
    code, shown = run_in_terminal(_batch(str(_records(tmp_path, 3)), "-o", str(out)), env)
    assert code == 0, shown
    assert "loading tiny-mt5 (mt5, int8)" in shown
    assert "ar → ar: neural (tiny-mt5)" in shown


def test_a_resumed_run_says_what_is_done_at_the_start(isolated_home: Path, tmp_path: Path) -> None:
    records = _records(tmp_path, 5)
    out = tmp_path / "out.jsonl"
    lines = [json.dumps({"id": f"r{i}", "summary": "x"}) for i in range(3)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "SUMMARIZE_HOME": str(isolated_home), "TERM": "xterm"}
    code, rows = screen_rows(_batch(str(records), "-o", str(out), "--resume"), env, 200)
    assert code == 0
    first = next(i for i, row in enumerate(rows) if "resuming" in row)
    assert f"resuming {out}: 3 records done, 2 to go" in rows[first]
    assert "2/2 records" in "\n".join(rows[first:])
