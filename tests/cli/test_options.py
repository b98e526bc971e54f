"""Options are declared once: runtime flags come from one dataclass, one meaning per flag."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from summarize.cli.app import load_command
from summarize.cli.options import Runtime, with_runtime

ROOT = Path(__file__).parents[2]
RUNNERS = ["article", "translate", "brief", "batch", "eval"]


@pytest.mark.parametrize("name", RUNNERS)
def test_every_command_that_runs_a_model_takes_every_runtime_flag(name: str) -> None:
    params = {p.name for p in load_command(name).params}
    assert {f.name for f in fields(Runtime)} <= params


def test_the_runtime_flags_reach_the_command_as_one_object() -> None:
    seen: list[Runtime] = []

    def command(file: str, *, runtime: Runtime) -> None:
        seen.append(runtime)

    wrapped = with_runtime(command)
    wrapped("a.txt", beam=2, device="cpu", compute_type=None, threads=3, quiet=True, offline=False)
    assert seen == [Runtime(beam=2, device="cpu", threads=3, quiet=True)]


def test_settings_from_flags_is_called_in_one_place_of_the_cli() -> None:
    calls = [
        path.name
        for path in (ROOT / "summarize" / "cli").glob("*.py")
        for _ in re.finditer(r"Settings\.from_flags\(", path.read_text(encoding="utf-8"))
    ]
    assert calls == ["options.py"]


def test_no_python_3_10_spellings_are_left() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "summarize").rglob("*.py"))
    assert "noqa: UP045" not in text and "noqa: UP006" not in text


def test_the_cli_modules_do_not_import_each_others_options() -> None:
    # Shared declarations live in cli/options.py; a command module imports no other command's.
    for path in (ROOT / "summarize" / "cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        others = re.findall(r"^from summarize\.cli\.(brief|article|eval|batch) import", text, re.M)
        assert not others, path.name


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["models", "pull", "--help"], "--quantization"),
        (["models", "import", "--help"], "--quantization"),
    ],
)
def test_q_means_quiet_only(capsys, monkeypatch, argv: list[str], flag: str) -> None:
    from tests.cli.helpers import run_cli

    out = run_cli(capsys, monkeypatch, argv).out
    assert flag in out and "-q," not in out
