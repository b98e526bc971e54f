"""An unsupported option value is a usage error (exit 2) in every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.helpers import article
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


@pytest.mark.parametrize(
    "args",
    [
        ["FILE", "--lang", "fr"],
        ["translate", "FILE", "--to", "fr"],
        ["batch", "FILE", "--lang", "fr"],
        ["FILE", "--compute-type", "int3"],
        ["brief", "FILE", "--compute-type", "int3"],
        ["FILE", "--device", "tpu"],
        ["FILE", "--format", "xml"],
        ["batch", "FILE", "--input-format", "xml"],
        ["models", "list", "--format", "xml"],
        ["eval", "DATA", "--budget", "bogus"],
    ],
    ids=lambda args: " ".join(args),
)
def test_unsupported_values_exit_2_with_one_line(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, args: list[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article(1), encoding="utf-8")
    data = tmp_path / "d.jsonl"
    data.write_text('{"text": "نص.", "references": ["نص."]}\n', encoding="utf-8")
    argv = [str(path) if a == "FILE" else str(data) if a == "DATA" else a for a in args]
    res = run_cli(capsys, monkeypatch, argv)
    assert res.code == 2, res.err
    assert res.out == ""
    assert res.err.startswith("summarize: error: ") and res.err.count("\n") == 1
    assert "summarize: error: :" not in res.err
