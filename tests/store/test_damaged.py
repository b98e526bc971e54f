"""Damaged installed models, unsound manifests, confined paths and model names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from summarize.errors import UsageError
from summarize.store.local import check_name
from summarize.store.manifests import inside, manifest_problem
from tests.batch.helpers import article
from tests.cli.helpers import run_cli
from tests.tiny_models import install_tiny

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(article(5, sentences=6), encoding="utf-8")
    return path


def _random_ct2_folder(tmp_path: Path) -> Path:
    """What the issue imported: random weights, ``{}`` as config, a random spiece.model."""
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "model.bin").write_bytes(os.urandom(4096))
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "spiece.model").write_bytes(os.urandom(2048))
    return folder


def test_import_refuses_a_model_that_does_not_load(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path
) -> None:
    source = _random_ct2_folder(tmp_path)
    res = run_cli(capsys, monkeypatch, ["models", "import", str(source), "--name", "junk"])
    assert res.code == 1
    assert res.out == ""
    assert res.err.startswith(f"summarize: error: {source}: not a usable mt5 model")
    assert res.err.count("\n") == 1
    assert ".partial" not in res.err  # the source is named, not the staging folder
    assert not (isolated_home / "models" / "junk").exists()


def _damage_weights(folder: Path) -> None:
    """Random weights of the recorded size, with matching checksums: only loading tells."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (folder / "model.bin").write_bytes(os.urandom(manifest["sizes"]["model.bin"]))


def test_auto_falls_back_past_a_damaged_summariser(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path
) -> None:
    _damage_weights(install_tiny(isolated_home, "mt5", "mt5-xlsum"))
    path = _article(tmp_path)
    res = run_cli(capsys, monkeypatch, [str(path)])
    assert res.code == 0, res.err
    assert res.out.strip()
    assert res.err.count("\n") == 1
    assert "'mt5-xlsum'" in res.err and "summarize models pull mt5-xlsum --force" in res.err
    assert res.err.strip().endswith("Using the extractive engine instead.")
    neural = run_cli(capsys, monkeypatch, [str(path), "--engine", "neural"])
    assert neural.code == 3
    explicit = run_cli(capsys, monkeypatch, [str(path), "--model", "mt5-xlsum"])
    assert explicit.code == 3


def test_auto_uses_the_next_sound_summariser(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path
) -> None:
    _damage_weights(install_tiny(isolated_home, "mt5", "mt5-xlsum"))
    install_tiny(isolated_home, "mt5", "my-mt5")
    res = run_cli(capsys, monkeypatch, [_article(tmp_path).as_posix(), "--format", "json"])
    assert res.code == 0, res.err
    assert json.loads(res.out)["model"] == "my-mt5"
    assert res.err.startswith("model 'mt5-xlsum' cannot be loaded")
    assert "Using model 'my-mt5' instead." in res.err


@pytest.mark.parametrize(
    "manifest",
    [{"family": "mt5"}, [], {"family": "mt5", "task": "summarize", "max_input_tokens": "x"}],
    ids=["no-task", "not-an-object", "bad-type"],
)
def test_an_unsound_manifest_is_a_damaged_model(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path, manifest: object
) -> None:
    folder = isolated_home / "models" / "broken"
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    listed = run_cli(capsys, monkeypatch, ["models", "list", "--format", "json"])
    assert listed.code == 0, listed.err
    (row,) = [r for r in json.loads(listed.out) if r["name"] == "broken"]
    assert row["installed"] == "damaged" and "manifest.json" in row["damaged"]
    assert run_cli(capsys, monkeypatch, ["models", "info", "broken"]).code == 3
    res = run_cli(capsys, monkeypatch, [str(_article(tmp_path))])
    assert res.code == 0, res.err
    assert "'broken' is damaged" in res.err
    explicit = run_cli(capsys, monkeypatch, [str(_article(tmp_path)), "--model", "broken"])
    assert explicit.code == 3
    assert "internal error" not in explicit.err


@pytest.mark.parametrize("relpath", ["../../../etc/passwd", "/etc/passwd", "a/../../x"])
def test_manifest_paths_outside_the_folder_are_refused(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path, relpath: str
) -> None:
    folder = install_tiny(isolated_home, "mt5", "mt5-xlsum")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][relpath] = "0" * 64
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert "manifest.json names" in str(manifest_problem(manifest))
    res = run_cli(capsys, monkeypatch, ["models", "info", "mt5-xlsum"])
    assert res.code == 3
    assert res.out == ""
    assert repr(relpath) in res.err and res.err.count("\n") == 1


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "secret").write_text("x", encoding="utf-8")
    (tmp_path / "model" / "link").symlink_to(tmp_path / "secret")
    with pytest.raises(ValueError, match="out of the model folder"):
        inside(tmp_path / "model", "link")
    assert inside(tmp_path / "model", "sub/file") == tmp_path / "model" / "sub" / "file"


@pytest.mark.parametrize("name", ["nl\n", "a\nb", "x" * 65, ".hidden", "a/b", ""])
def test_model_names_must_match_whole(name: str) -> None:
    with pytest.raises(UsageError, match="invalid model name"):
        check_name(name)


def test_pull_with_a_newline_in_the_name_creates_nothing(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path
) -> None:
    source = _random_ct2_folder(tmp_path)
    res = run_cli(capsys, monkeypatch, ["models", "import", str(source), "--name", "nl\n"])
    assert res.code == 2
    assert not (isolated_home / "models").exists() or not list((isolated_home / "models").iterdir())
