"""``models list`` and ``models info`` on a terminal: sizes, whole names, the default marked,
a short table for one model; and the smaller fixes of the terminal pass (eval's bar)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.cli import models_view as view
from summarize.evaluate.command import per_system
from summarize.store.local import ModelStore
from tests.tiny_models import install_tiny

LONG = "tiny-summariser-imported-locally"


def _table(capsys: pytest.CaptureFixture[str], home: Path) -> str:
    view.print_table(view.model_rows(ModelStore(home)), tty=True)
    return capsys.readouterr().out


def test_the_list_shows_sizes_whole_names_and_the_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    install_tiny(isolated_home, "mt5", name=LONG)
    install_tiny(isolated_home, "mt5", name="tiny-mt5")
    monkeypatch.setenv("COLUMNS", "60")
    assert LONG in _table(capsys, isolated_home)  # other columns fold; the name stays whole
    monkeypatch.setenv("COLUMNS", "100")
    out = _table(capsys, isolated_home)
    rows = {line.split("│")[2].strip(): line for line in out.splitlines() if line.count("│") > 3}
    # One summariser marked: among imported ones, the first by name (as resolution picks).
    assert "*" in rows["tiny-mt5"] and "*" not in rows[LONG] and "*" not in rows["mt5-xlsum"]
    assert "0.7 MB" in rows[LONG] and "2,330 MB" in rows["mt5-xlsum"]


def test_info_on_a_terminal_is_a_short_table(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    install_tiny(isolated_home, "mt5", name="tiny-mt5")
    details = view.model_details(ModelStore(isolated_home), "tiny-mt5")
    view.print_details(details, tty=True)
    out = capsys.readouterr().out
    assert len(out.splitlines()) <= 12
    assert "checksums" in out and " ok" in out and "{" not in out


class FakeProgress:
    def __init__(self) -> None:
        self.states: list[tuple[str, int, int]] = []
        self.total = 0
        self.done = 0
        self.description = ""

    def add_task(self, description: str, total: int) -> int:
        self.description, self.total = description, total
        return 0

    def reset(self, task: int, total: int, description: str) -> None:
        self.total, self.done, self.description = total, 0, description

    def update(self, task: int, advance: int) -> None:
        self.done += advance
        self.states.append((self.description, self.done, self.total))


def test_the_eval_bar_counts_each_systems_records() -> None:
    progress = FakeProgress()
    advance = per_system(progress, records=50, systems=2)
    for name in ["extractive"] * 50 + ["lead"] * 50:
        advance(name)
    assert progress.states[49] == ("extractive (1/2)", 50, 50)
    assert progress.states[-1] == ("lead (2/2)", 50, 50)
