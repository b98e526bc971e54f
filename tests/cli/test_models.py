"""``summarize models ...``: the typer sub-app directly, and through the real entry point."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli.models import models_app
from summarize.errors import EXIT_MODEL_MISSING, ModelNotInstalledError, UsageError
from tests.cli.helpers import run_cli
from tests.tiny_models import install_tiny

runner = CliRunner()
CATALOGUE = ["mt5-xlsum", "crosssum", "nllb-600m", "nllb-1.3b", "opus-mt-ar-en"]


def test_list_json_shows_catalogue_and_installed(isolated_home: Path) -> None:
    install_tiny(isolated_home, "nllb", "nllb-600m")
    install_tiny(isolated_home, "marian", "my-marian")
    result = runner.invoke(models_app, ["list", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["name"] for row in rows] == [*CATALOGUE, "my-marian"]
    by_name = {row["name"]: row for row in rows}
    assert by_name["nllb-600m"]["installed"] is True
    assert by_name["nllb-600m"]["quantization"] == "int8"
    assert by_name["nllb-1.3b"]["installed"] is False
    assert by_name["my-marian"]["family"] == "marian"
    assert result.stderr == ""


def test_list_plain_text_is_tab_separated(isolated_home: Path) -> None:
    result = runner.invoke(models_app, ["list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["name", "installed", "family"]
    assert [line.split("\t")[0] for line in lines[1:]] == CATALOGUE
    assert all(line.split("\t")[1] == "no" for line in lines[1:])


def test_info_json_reports_checksums(isolated_home: Path) -> None:
    install_tiny(isolated_home, "crosssum", "crosssum")
    result = runner.invoke(models_app, ["info", "crosssum", "-f", "json"])
    assert result.exit_code == 0, result.output
    details = json.loads(result.stdout)
    assert details["catalog"]["repo"] == "csebuetnlp/mT5_m2m_crossSum_enhanced"
    assert details["manifest"]["task"] == "crosssum"
    assert details["checks"]["model.bin"] == "ok"
    assert set(details["checks"].values()) == {"ok"}


def test_info_on_corrupted_model_exits_3(isolated_home: Path) -> None:
    path = install_tiny(isolated_home, "mt5", "mt5-xlsum")
    data = bytearray((path / "model.bin").read_bytes())
    data[len(data) // 2] ^= 0x01
    (path / "model.bin").write_bytes(bytes(data))
    result = runner.invoke(models_app, ["info", "mt5-xlsum", "--format", "json"])
    assert json.loads(result.stdout)["checks"]["model.bin"] == "bad"
    assert isinstance(result.exception, ModelNotInstalledError)
    assert "summarize models pull mt5-xlsum --force" in str(result.exception)


def test_info_of_catalogue_model_not_installed(isolated_home: Path) -> None:
    result = runner.invoke(models_app, ["info", "opus-mt-ar-en", "--format", "json"])
    assert result.exit_code == 0
    details = json.loads(result.stdout)
    assert details["installed"] is False
    assert details["catalog"]["family"] == "marian"
    assert "checks" not in details


def test_import_then_path_then_remove(isolated_home: Path, tiny_hf_models: dict[str, Path]) -> None:
    result = runner.invoke(models_app, ["import", str(tiny_hf_models["marian"]), "--name", "ar-en"])
    assert result.exit_code == 0, result.output
    folder = isolated_home / "models" / "ar-en"
    assert result.stdout.strip() == str(folder)
    assert result.stderr.strip() == "installed ar-en (marian, translate)"
    assert runner.invoke(models_app, ["path", "ar-en"]).stdout.strip() == str(folder)
    assert runner.invoke(models_app, ["path"]).stdout.strip() == str(isolated_home / "models")
    removed = runner.invoke(models_app, ["remove", "ar-en"])
    assert removed.exit_code == 0
    assert removed.stdout == ""
    assert not folder.exists()


def test_import_converted_folder(
    isolated_home: Path, tiny_ct2_models: dict[str, Path], tmp_path: Path
) -> None:
    source = tmp_path / "ct2"
    shutil.copytree(tiny_ct2_models["nllb"], source)
    result = runner.invoke(models_app, ["import", str(source), "--name", "ct2-nllb"])
    assert result.exit_code == 0, result.output
    info = json.loads(runner.invoke(models_app, ["info", "ct2-nllb", "-f", "json"]).stdout)
    assert info["manifest"]["family"] == "nllb"
    provenance = info["manifest"]["source"]
    assert provenance["imported_from"] == str(source.resolve())
    assert Path(provenance["path"]).name == "nllb"  # the HF folder the weights came from


def test_import_bad_quantization_is_a_usage_error(
    isolated_home: Path, tiny_hf_models: dict[str, Path]
) -> None:
    result = runner.invoke(
        models_app, ["import", str(tiny_hf_models["mt5"]), "-n", "x", "--quantization", "int3"]
    )
    assert isinstance(result.exception, UsageError)
    assert not (isolated_home / "models" / "x").exists()


def test_pull_offline_without_cache_fails_with_exit_3(
    isolated_home: Path, hf_cache: Path, no_network: list[str]
) -> None:
    result = runner.invoke(models_app, ["pull", "opus-mt-ar-en", "--offline"])
    assert isinstance(result.exception, ModelNotInstalledError)
    assert result.exception.exit_code == EXIT_MODEL_MISSING
    assert result.stdout == ""
    assert no_network == []


def test_bad_format_is_a_usage_error(isolated_home: Path) -> None:
    result = runner.invoke(models_app, ["list", "--format", "yaml"])
    assert isinstance(result.exception, UsageError)


def test_real_entry_point_maps_missing_model_to_exit_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    result = run_cli(capsys, monkeypatch, ["models", "path", "nllb-600m"])
    assert result.code == EXIT_MODEL_MISSING
    assert result.out == ""
    assert "summarize models pull nllb-600m" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_real_entry_point_detects_a_truncated_model(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    path = install_tiny(isolated_home, "nllb", "nllb-600m")
    (path / "model.bin").write_bytes(b"")
    result = run_cli(capsys, monkeypatch, ["models", "path", "nllb-600m"])
    assert result.code == EXIT_MODEL_MISSING
    assert "model.bin has the wrong size" in result.err
    assert result.out == ""


def test_pull_is_offline_when_the_environment_says_so(
    isolated_home: Path, hf_cache: Path, no_network: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SUMMARIZE_OFFLINE")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = runner.invoke(models_app, ["pull", "nllb-600m"])
    assert isinstance(result.exception, ModelNotInstalledError)
    assert "offline mode is on" in str(result.exception)
    assert no_network == []
