"""Catalogue pinning: full commit hashes, allow-lists that match the commit, checked downloads."""

from __future__ import annotations

import hashlib
import pickle
import re
import shutil
from fnmatch import fnmatch
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli.app import app
from summarize.errors import SummarizeError
from summarize.store.catalog import load_catalog
from summarize.store.pins import check_pinned, shown_size
from tests.cli.helpers import run_cli

# Files a conversion needs besides the weights, by family.
_NEEDED = {
    "mt5": ("config.json", "spiece.model"),
    "nllb": ("config.json", "sentencepiece.bpe.model"),
    "marian": ("config.json", "source.spm", "target.spm", "vocab.json"),
}


def test_every_catalogue_revision_is_a_full_commit_hash() -> None:
    for entry in load_catalog().values():
        assert re.fullmatch(r"[0-9a-f]{40}", entry.revision), entry.name


def test_allow_lists_match_the_pinned_commits() -> None:
    for entry in load_catalog().values():
        pinned = set(entry.pinned)
        assert any(fnmatch(name, "*.bin") for name in pinned), entry.name
        for pattern in entry.files:
            # model.safetensors is for revisions converted to safetensors (none pinned is).
            assert pattern == "model.safetensors" or any(fnmatch(n, pattern) for n in pinned), (
                entry.name,
                pattern,
            )
        for name in pinned:
            assert any(fnmatch(name, pattern) for pattern in entry.files), (entry.name, name)
        assert all(name in pinned for name in _NEEDED[entry.family]), entry.name


def test_pinned_sizes_are_as_the_hub_shows_them() -> None:
    for entry in load_catalog().values():
        for name, info in entry.pinned.items():
            size, tolerance = shown_size(info["size"])
            assert 0 < tolerance <= size, (entry.name, name)
            assert re.fullmatch(r"[0-9a-f]{64}", info.get("sha256", "0" * 64)), (entry.name, name)
        weights = sum(shown_size(i["size"])[0] for n, i in entry.pinned.items() if ".bin" in n)
        assert abs(weights / 1e6 - entry.size_mb) <= 0.01 * entry.size_mb, entry.name


@pytest.mark.parametrize(
    ("shown", "size", "step"),
    [("730 Bytes", 730, 1), ("3.97 kB", 3970, 10), ("2.33 GB", 2_330_000_000, 10_000_000)],
)
def test_shown_size(shown: str, size: int, step: int) -> None:
    assert shown_size(shown) == (size, step)


def test_check_pinned_refuses_a_changed_or_truncated_file(tmp_path: Path) -> None:
    data = b"weights" * 100
    (tmp_path / "w.bin").write_bytes(data)
    good = {"w.bin": {"size": "700 Bytes", "sha256": hashlib.sha256(data).hexdigest()}}
    check_pinned(tmp_path, good, "repo@abc")
    with pytest.raises(SummarizeError, match="does not match the pinned sha256"):
        check_pinned(tmp_path, {"w.bin": {**good["w.bin"], "sha256": "0" * 64}}, "repo@abc")
    with pytest.raises(SummarizeError, match="has 700 bytes"):
        check_pinned(tmp_path, {"w.bin": {"size": "2.33 GB"}}, "repo@abc")
    with pytest.raises(SummarizeError, match="missing"):
        check_pinned(tmp_path, {"x.bin": {"size": "1 Bytes"}}, "repo@abc")


class _Payload:
    """A pickle that, loaded without weights_only, writes a file (stands for any code)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (self.marker, "pwned"))  # type: ignore[return-value]


def test_pickled_weights_load_with_weights_only(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    tiny_hf_models: dict[str, Path],
) -> None:
    source = tmp_path / "evil"
    shutil.copytree(tiny_hf_models["mt5"], source)
    for weights in source.glob("*.safetensors"):
        weights.unlink()
    marker = tmp_path / "marker"
    with (source / "pytorch_model.bin").open("wb") as handle:
        pickle.dump({"shared.weight": _Payload(marker)}, handle)
    res = run_cli(capsys, monkeypatch, ["models", "import", str(source), "--name", "evil"])
    assert res.code == 1
    assert not marker.exists()
    # Not torch's advice to load with weights_only=False: what the file is, and what to do.
    assert res.err == (
        f"summarize: error: conversion of {source} refused: pytorch_model.bin is a pickle that "
        "could run code when loaded (it holds more than tensors); save the weights as "
        "safetensors (model.safetensors) and import again\n"
    )


def test_cluster_help_says_the_scheduler_must_be_trusted() -> None:
    result = CliRunner().invoke(app, ["batch", "--help"], env={"COLUMNS": "200"})
    assert "runs whatever code its clients send" in " ".join(result.output.split())
