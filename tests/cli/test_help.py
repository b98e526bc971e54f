"""Help as a reader wants it: nothing cut, plain metavars, panels, errors that point to help."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from summarize.cli.app import COMMANDS
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch
MODELS = ["list", "info", "pull", "import", "remove", "path"]
PAGES = [[name] for name in COMMANDS if name != "models"] + [["models", m] for m in MODELS]


def _help(capsys: Capsys, monkeypatch: Patch, *argv: str) -> str:
    monkeypatch.setenv("COLUMNS", "100")
    res = run_cli(capsys, monkeypatch, [*argv, "--help"])
    assert res.code == 0, res.err
    return res.out


def test_the_command_list_is_not_cut(capsys: Capsys, monkeypatch: Patch) -> None:
    out = _help(capsys, monkeypatch)
    assert "..." not in out.split("Commands:")[1]
    flat = " ".join(out.split())
    for entry in COMMANDS.values():
        assert " ".join(entry.help.split()) in flat


@pytest.mark.parametrize("argv", PAGES, ids=" ".join)
def test_no_page_shows_typers_internal_metavars(
    capsys: Capsys, monkeypatch: Patch, argv: list[str]
) -> None:
    out = _help(capsys, monkeypatch, *argv)
    usage = out.splitlines()[0]
    assert "{" not in usage, usage
    for internal in ("<int", "<str>", "<float", "<list", "range>", "<path>"):
        assert internal not in out, (argv, internal)


@pytest.mark.parametrize("argv", [["models", "pull"], ["models", "info"], ["models", "remove"]])
def test_models_arguments_are_named_and_explained(
    capsys: Capsys, monkeypatch: Patch, argv: list[str]
) -> None:
    out = _help(capsys, monkeypatch, *argv)
    assert f"Usage: summarize {' '.join(argv)} [OPTIONS] NAME" in out
    assert "  NAME  A" in out


@pytest.mark.parametrize(
    ("argv", "choices"),
    [
        (["article"], "text|json|jsonl"),
        (["brief"], "text|json|jsonl"),
        (["models", "list"], "text|json"),
    ],
)
def test_format_lists_its_choices(
    capsys: Capsys, monkeypatch: Patch, argv: list[str], choices: str
) -> None:
    assert f"--format {choices}" in _help(capsys, monkeypatch, *argv)


def test_batch_help_groups_its_options_in_panels(capsys: Capsys, monkeypatch: Patch) -> None:
    out = _help(capsys, monkeypatch, "batch")
    panels = [line for line in out.splitlines() if line.endswith(":") and not line[0].isspace()]
    assert panels == [
        "Arguments:",
        "Input:",
        "Output:",
        "Length:",
        "Engine:",
        "Brief (--task brief):",
        "Processes:",
        "Runtime (neural models):",
        "Options:",
    ]
    assert out.index("--workers") > out.index("Processes:") > out.index("--bullets")


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["batch", "--bogus"], "(see 'summarize batch --help')"),
        (["models", "pull", "--bogus"], "(see 'summarize models pull --help')"),
        (["FILE", "--bogus"], "(see 'summarize article --help')"),
    ],
)
def test_usage_errors_point_to_the_commands_own_help(
    capsys: Capsys, monkeypatch: Patch, argv: list[str], hint: str
) -> None:
    res = run_cli(capsys, monkeypatch, argv)
    assert (res.code, res.out) == (2, "")
    assert res.err.rstrip().endswith(hint)


@pytest.mark.parametrize(("typo", "command"), [("translat", "translate"), ("bach", "batch")])
def test_a_misspelt_command_gets_the_command_it_resembles(
    capsys: Capsys, monkeypatch: Patch, typo: str, command: str
) -> None:
    res = run_cli(capsys, monkeypatch, [typo, "article.txt"])
    assert (res.code, res.out) == (2, "")
    assert f"no such command '{typo}'; did you mean '{command}'?" in res.err


def test_a_file_that_looks_like_a_command_is_still_read(
    capsys: Capsys, monkeypatch: Patch, tmp_path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "translat").write_text("نص قصير جدا.", encoding="utf-8")
    res = run_cli(capsys, monkeypatch, ["translat", "-q"])
    assert "no such command" not in res.err


def test_shell_completion_is_offered_and_answers() -> None:
    env = {
        **os.environ,
        "_SUMMARIZE_COMPLETE": "complete_bash",
        "COMP_WORDS": "summarize tr",
        "COMP_CWORD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "summarize"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["translate"]


def test_root_help_offers_completion(capsys: Capsys, monkeypatch: Patch) -> None:
    assert "--install-completion" in _help(capsys, monkeypatch)
