"""What users see around errors: no spinner for the extractive engine, no misleading names."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.batch.helpers import article
from tests.cli.helpers import run_cli
from tests.pty_run import run_in_terminal

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def test_no_loading_spinner_for_the_extractive_engine(tmp_path: Path, isolated_home: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article(1, sentences=6), encoding="utf-8")
    env = {**os.environ, "SUMMARIZE_HOME": str(isolated_home), "TERM": "xterm"}
    code, screen = run_in_terminal([sys.executable, "-m", "summarize", str(path)], env)
    assert code == 0
    assert "Loading model" not in screen


def test_pull_of_an_unknown_name_says_nothing_before_refusing(
    capsys: Capsys, monkeypatch: Patch
) -> None:
    res = run_cli(capsys, monkeypatch, ["models", "pull", "bogus"])
    assert res.code == 2
    assert "pulling" not in res.err
    assert res.err.startswith("summarize: error: unknown model 'bogus'")


def test_import_errors_name_the_source_not_the_staging_folder(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    source = tmp_path / "no-tokenizer"
    source.mkdir()
    (source / "model.bin").write_bytes(b"\0" * 64)
    (source / "config.json").write_text("{}", encoding="utf-8")
    res = run_cli(capsys, monkeypatch, ["models", "import", str(source), "--name", "x"])
    assert res.code == 2
    assert ".partial" not in res.err and ".x." not in res.err
    assert str(source) in res.err


@pytest.mark.parametrize(
    ("argv", "usage", "argument"),
    [
        (["article", "--help"], "Usage: summarize article [OPTIONS] FILE\n", "FILE  Article file"),
        (["eval", "--help"], "Usage: summarize eval [OPTIONS] DATA\n", "DATA  JSONL records"),
        (
            ["batch", "--help"],
            "Usage: summarize batch [OPTIONS] [INPUT]...\n",
            "INPUT  JSONL files",
        ),
    ],
)
def test_usage_lines_name_arguments_as_written(
    capsys: Capsys, monkeypatch: Patch, argv: list[str], usage: str, argument: str
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    result = run_cli(capsys, monkeypatch, argv)
    assert result.code == 0
    assert usage in result.out
    assert argument in result.out
    assert "{" + argv[0] not in result.out and "<str>" not in result.out.split("Options:")[0]
