"""Start-up stays light: what a command imports, checked in a fresh process (no timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer._click.utils import make_default_short_help

from summarize.cli.app import COMMANDS, load_command
from tests.cli.helpers import run_cli
from tests.hang import HANG_S

EXAMPLE = Path(__file__).parents[2] / "examples" / "article.txt"
HEAVY = ("pydantic", "rich", "ctranslate2", "numpy", "platformdirs", "summarize.store.local")

# Runs the real entry point, then reports which of HEAVY got imported.
PROBE = """
import json, os, sys
from summarize.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = json.loads(os.environ["PROBE_HEAVY"])
WIRING = ("summarize.cli.app", "summarize.cli.parse", "summarize.cli.usage")
loaded = [name for name in heavy if name in sys.modules]
with open(os.environ["PROBE_OUT"], "w") as out:
    commands = sorted(m for m in sys.modules if m.startswith("summarize.cli."))
    json.dump(
        {
            "loaded": loaded,
            "pipeline": "summarize.pipeline" in sys.modules,
            "commands": [m for m in commands if m not in WIRING],
        },
        out,
    )
"""


def _loaded(tmp_path: Path, *argv: str) -> dict[str, object]:
    out = tmp_path / "probe.json"
    env = {**os.environ, "PROBE_HEAVY": json.dumps(HEAVY), "PROBE_OUT": str(out)}
    subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=True,
        timeout=HANG_S,
    )
    result: dict[str, object] = json.loads(out.read_text())
    return result


def test_help_loads_neither_pydantic_nor_rich_nor_the_pipeline(tmp_path: Path) -> None:
    probe = _loaded(tmp_path, "--help")
    # Nor any command's module: the command list comes from the table in cli/app.py.
    assert probe == {"loaded": [], "pipeline": False, "commands": []}


@pytest.mark.parametrize("command", ["batch", "brief", "eval", "translate", "models"])
def test_a_command_help_loads_no_pydantic(tmp_path: Path, command: str) -> None:
    loaded = _loaded(tmp_path, command, "--help")["loaded"]
    assert isinstance(loaded, list)
    assert "pydantic" not in loaded


def test_an_extractive_summary_into_a_pipe_loads_nothing_heavy(tmp_path: Path) -> None:
    # No model installed (the test home is empty): the store stays unread (the catalogue is
    # read only to name its default model in the fallback notice);
    # platformdirs is not needed either, since SUMMARIZE_HOME is set.
    probe = _loaded(tmp_path, str(EXAMPLE), "--sentences", "2")
    commands = ["summarize.cli.article", "summarize.cli.options", "summarize.cli.single"]
    assert probe == {"loaded": [], "pipeline": True, "commands": commands}


def test_a_command_loads_its_own_module_only(tmp_path: Path) -> None:
    commands = _loaded(tmp_path, "batch", "--help")["commands"]
    assert isinstance(commands, list) and "summarize.cli.batch" in commands
    others = ("article", "eval", "models")
    assert not [m for m in commands if m.rsplit(".", 1)[-1] in others]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_command_table_matches_the_commands(name: str) -> None:
    # --help lists the commands from the table without loading them: it must say what the
    # commands' own docstrings say.
    command = load_command(name)
    assert command.name == name
    assert make_default_short_help(command.help, 1000) == COMMANDS[name].help


@pytest.mark.parametrize(
    ("argv", "wording"),
    [
        (["--sentences", "0"], "below the minimum 1"),
        (["--sentences", "two"], "not a valid integer"),
        (["--ratio", "1.5"], "above the maximum 1.0"),
        (["--ratio", "half"], "not a valid number"),
    ],
)
def test_bad_option_values_are_usage_errors(capsys, monkeypatch, argv, wording) -> None:
    res = run_cli(capsys, monkeypatch, [str(EXAMPLE), *argv])
    assert (res.code, res.out) == (2, "")
    assert res.err.count("\n") == 1
    assert argv[0] in res.err and wording in res.err


def test_good_option_values_are_converted(capsys, monkeypatch) -> None:
    res = run_cli(capsys, monkeypatch, [str(EXAMPLE), "--ratio", "0.2", "-f", "json", "-q"])
    assert res.code == 0, res.err
    assert json.loads(res.out)["summary"]
