"""``models import`` takes only what a model needs: no links out, one install per name."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from summarize.errors import UsageError
from summarize.store.local import ModelStore, folder_mode
from tests.cli.helpers import run_cli


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return path


def _copy(folder: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(folder, target)
    return target


def test_a_ct2_import_copies_only_the_model_files(
    isolated_home: Path, tiny_ct2_models: dict[str, Path], tmp_path: Path, secret: Path
) -> None:
    source = _copy(tiny_ct2_models["mt5"], tmp_path, "ct2")
    (source / "vocab.extra").symlink_to(secret)
    (source / "notes.txt").write_text("not a model file", encoding="utf-8")
    model = ModelStore(isolated_home).import_path(source, "copied")
    copied = {p.name for p in model.path.iterdir()}
    assert "vocab.extra" not in copied and "notes.txt" not in copied
    assert {"model.bin", "config.json", "spiece.model", "shared_vocabulary.json"} <= copied
    assert set(model.manifest["files"]) == copied - {"manifest.json"}


@pytest.mark.parametrize(("kind", "linked"), [("ct2", "spiece.model"), ("hf", "tokenizer.json")])
def test_a_needed_file_linking_out_of_the_folder_is_refused(
    isolated_home: Path,
    tiny_ct2_models: dict[str, Path],
    tiny_hf_models: dict[str, Path],
    tmp_path: Path,
    kind: str,
    linked: str,
) -> None:
    built = tiny_ct2_models["mt5"] if kind == "ct2" else tiny_hf_models["mt5"]
    source = _copy(built, tmp_path, kind)
    outside = tmp_path / f"elsewhere-{linked}"
    shutil.move(source / linked, outside)
    (source / linked).symlink_to(outside)
    store = ModelStore(isolated_home)
    with pytest.raises(UsageError) as exc:
        store.import_path(source, "linked")
    assert str(exc.value) == (
        f"{source / linked} is a link to {outside}, outside the model folder: refused "
        "(copy the file into the folder)"
    )
    assert not store.is_installed("linked")


def test_a_link_inside_the_folder_is_followed(
    isolated_home: Path, tiny_ct2_models: dict[str, Path], tmp_path: Path
) -> None:
    source = _copy(tiny_ct2_models["mt5"], tmp_path, "ct2")
    (source / "spiece.model").rename(source / "real.model")
    (source / "spiece.model").symlink_to(source / "real.model")
    model = ModelStore(isolated_home).import_path(source, "inner")
    assert not (model.path / "spiece.model").is_symlink()


@pytest.mark.parametrize(("kind", "broken"), [("hf", "tokenizer.json"), ("ct2", "config.json")])
def test_a_broken_json_file_is_named(  # type: ignore[no-untyped-def]
    capsys,
    monkeypatch,
    tiny_ct2_models: dict[str, Path],
    tiny_hf_models: dict[str, Path],
    tmp_path: Path,
    kind: str,
    broken: str,
) -> None:
    built = tiny_ct2_models["mt5"] if kind == "ct2" else tiny_hf_models["mt5"]
    source = _copy(built, tmp_path, kind)
    (source / broken).write_text("<html>not json</html>", encoding="utf-8")
    res = run_cli(capsys, monkeypatch, ["models", "import", str(source), "--name", "broken"])
    assert (res.code, res.out) == (2, "")
    assert res.err == (
        f"summarize: error: {source / broken} is not valid JSON "
        "(Expecting value at line 1 column 1)\n"
    )


def test_two_imports_of_one_name_at_once_cannot_both_succeed(
    isolated_home: Path, tiny_ct2_models: dict[str, Path]
) -> None:
    store = ModelStore(isolated_home)
    staged, release = threading.Event(), threading.Event()
    outcome: list[object] = []

    def wait_in_verify(*args: Any) -> None:
        staged.set()
        assert release.wait(120), "the test never released the first import"

    def first() -> None:
        outcome.append(store.import_path(tiny_ct2_models["mt5"], "same", verify=wait_in_verify))

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert staged.wait(120), "the first import never reached its check"
        with pytest.raises(UsageError, match="'same' is being installed by another process"):
            ModelStore(isolated_home).import_path(tiny_ct2_models["mt5"], "same")
    finally:
        release.set()
        thread.join(120)
    assert len(outcome) == 1 and store.is_installed("same")
    with pytest.raises(UsageError, match="--force"):  # afterwards: the usual refusal
        store.import_path(tiny_ct2_models["mt5"], "same")


def test_converted_and_copied_models_get_one_folder_mode(
    isolated_home: Path, tiny_ct2_models: dict[str, Path], tiny_hf_models: dict[str, Path]
) -> None:
    store = ModelStore(isolated_home)
    copied = store.import_path(tiny_ct2_models["marian"], "copied")
    converted = store.import_path(tiny_hf_models["marian"], "converted")
    modes = {m.path.stat().st_mode & 0o777 for m in (copied, converted)}
    assert modes == {folder_mode()}
