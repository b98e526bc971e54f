"""The model store: import, manifest, verification, damage detection, offline pull."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarize.errors import EXIT_MODEL_MISSING, ModelNotInstalledError, SummarizeError, UsageError
from summarize.store.catalog import get_entry
from summarize.store.local import ModelStore
from summarize.store.manifests import sha256_file
from tests.hub_fixtures import FAKE_SHA, cache_snapshot
from tests.tiny_models import install_tiny


def _flip_last_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


def test_import_hf_folder_writes_a_verified_manifest(
    isolated_home: Path, tiny_hf_models: dict[str, Path]
) -> None:
    store = ModelStore(isolated_home)
    model = store.import_path(tiny_hf_models["nllb"], "my-nllb")
    assert model.path == isolated_home / "models" / "my-nllb"
    manifest = json.loads((model.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "my-nllb"
    assert (manifest["family"], manifest["task"], manifest["quantization"]) == (
        "nllb",
        "translate",
        "int8",
    )
    assert manifest["max_input_tokens"] == 256  # the tiny model's position table
    assert manifest["source"]["path"] == str(tiny_hf_models["nllb"].resolve())
    assert manifest["tokenizer"]["lang_tokens"]["ar"] == "arb_Arab"
    assert manifest["files"]["model.bin"] == sha256_file(model.path / "model.bin")
    assert set(manifest["files"]) >= {"model.bin", "config.json", "sentencepiece.bpe.model"}
    assert store.verify("my-nllb") == dict.fromkeys(manifest["files"], "ok")
    assert [m.name for m in store.installed()] == ["my-nllb"]
    assert not [p for p in store.root.iterdir() if p.name.startswith(".")]  # no staging left


@pytest.mark.parametrize("family", ["mt5", "crosssum", "marian"])
def test_import_reads_the_family_from_config(
    family: str, isolated_home: Path, tiny_hf_models: dict[str, Path]
) -> None:
    model = ModelStore(isolated_home).import_path(tiny_hf_models[family], f"x-{family}", "float32")
    expected = {
        "mt5": ("mt5", "summarize"),
        "crosssum": ("mt5", "crosssum"),
        "marian": ("marian", "translate"),
    }
    assert (model.family, model.task) == expected[family]
    assert model.manifest["quantization"] == "float32"
    if family == "marian":
        assert model.manifest["pairs"] == ["ar-en"]


def test_import_converted_folder_without_manifest(
    isolated_home: Path, tiny_ct2_models: dict[str, Path], tmp_path: Path
) -> None:
    bare = tmp_path / "bare"
    shutil.copytree(tiny_ct2_models["marian"], bare)
    (bare / "manifest.json").unlink()
    model = ModelStore(isolated_home).import_path(bare, "bare-marian")
    assert (model.family, model.task) == ("marian", "translate")
    assert model.manifest["source"]["path"] == str(bare.resolve())
    assert model.manifest["source"]["imported_from"] == str(bare.resolve())
    assert sha256_file(model.path / "model.bin") == sha256_file(bare / "model.bin")


def test_import_converted_folder_keeps_its_manifest_fields(
    isolated_home: Path, tiny_ct2_models: dict[str, Path]
) -> None:
    model = ModelStore(isolated_home).import_path(tiny_ct2_models["crosssum"], "copy")
    assert (model.family, model.task) == ("mt5", "crosssum")
    assert model.tokenizer["lang_tokens"]["en"] == "<extra_id_1>"
    assert model.manifest["quantization"] == "int8"


def test_import_folder_without_tokenizer_is_refused(
    isolated_home: Path, tiny_ct2_models: dict[str, Path], tmp_path: Path
) -> None:
    bare = tmp_path / "weights-only"
    bare.mkdir()
    for name in ("model.bin", "config.json", "shared_vocabulary.json"):
        shutil.copyfile(tiny_ct2_models["mt5"] / name, bare / name)
    store = ModelStore(isolated_home)
    with pytest.raises(UsageError, match="no tokenizer file"):
        store.import_path(bare, "broken")
    assert not store.is_installed("broken")
    assert not list(store.root.iterdir())  # the staging folder was cleaned up


def test_import_refuses_to_overwrite_without_force(
    isolated_home: Path, tiny_hf_models: dict[str, Path]
) -> None:
    store = ModelStore(isolated_home)
    first = store.import_path(tiny_hf_models["marian"], "m")
    with pytest.raises(UsageError, match="--force"):
        store.import_path(tiny_hf_models["marian"], "m")
    again = store.import_path(tiny_hf_models["marian"], "m", "float32", force=True)
    assert again.path == first.path
    assert again.manifest["quantization"] == "float32"


def test_import_under_a_catalogue_name_takes_its_metadata(
    isolated_home: Path, tiny_hf_models: dict[str, Path]
) -> None:
    model = ModelStore(isolated_home).import_path(tiny_hf_models["mt5"], "mt5-xlsum")
    assert model.generation["no_repeat_ngram_size"] == 2
    assert model.generation["max_length"] == 84
    assert model.manifest["license"] == "cc-by-nc-sa-4.0"
    with pytest.raises(UsageError, match="holds a marian model, but 'nllb-600m' is a nllb model"):
        ModelStore(isolated_home).import_path(tiny_hf_models["marian"], "nllb-600m")


def test_invalid_names_are_usage_errors(isolated_home: Path) -> None:
    for name in ("../escape", "", "a/b", ".hidden"):
        with pytest.raises(UsageError):
            ModelStore(isolated_home).model_dir(name)


def test_get_missing_model_names_the_pull_command(isolated_home: Path) -> None:
    with pytest.raises(ModelNotInstalledError) as caught:
        ModelStore(isolated_home).get("nllb-600m")
    assert caught.value.exit_code == EXIT_MODEL_MISSING
    assert "summarize models pull nllb-600m" in str(caught.value)


def test_truncated_model_bin_fails_the_fast_check(isolated_home: Path) -> None:
    path = install_tiny(isolated_home, "mt5", "mt5-xlsum")
    with (path / "model.bin").open("r+b") as handle:
        handle.truncate(100)
    with pytest.raises(ModelNotInstalledError) as caught:
        ModelStore(isolated_home).get("mt5-xlsum")
    message = str(caught.value)
    assert "model.bin has the wrong size" in message
    assert "summarize models pull mt5-xlsum --force" in message


def test_missing_tokenizer_file_fails_the_fast_check(isolated_home: Path) -> None:
    path = install_tiny(isolated_home, "nllb", "local-nllb")
    (path / "sentencepiece.bpe.model").unlink()
    with pytest.raises(
        ModelNotInstalledError,
        match=r"sentencepiece.bpe.model is missing.*import PATH --name local-nllb",
    ):
        ModelStore(isolated_home).get("local-nllb")


def test_same_size_corruption_is_found_by_verify(isolated_home: Path) -> None:
    path = install_tiny(isolated_home, "marian", "mar")
    _flip_last_byte(path / "model.bin")
    store = ModelStore(isolated_home)
    assert store.get("mar").path == path  # sizes still match: the fast check passes
    report = store.verify("mar")
    assert report["model.bin"] == "bad"
    assert report["config.json"] == "ok"


def test_unreadable_manifest_is_reported_as_damage(isolated_home: Path) -> None:
    path = install_tiny(isolated_home, "mt5", "m")
    (path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelNotInstalledError, match=r"manifest\.json is unreadable"):
        ModelStore(isolated_home).get("m")


def test_remove(isolated_home: Path) -> None:
    install_tiny(isolated_home, "marian", "gone")
    store = ModelStore(isolated_home)
    assert store.remove("gone") == isolated_home / "models" / "gone"
    assert store.installed() == []
    with pytest.raises(ModelNotInstalledError):
        store.remove("gone")


def test_offline_pull_of_uncached_model_fails_fast_without_network(
    isolated_home: Path, hf_cache: Path, no_network: list[str]
) -> None:
    with pytest.raises(ModelNotInstalledError) as caught:
        ModelStore(isolated_home).pull("nllb-600m", offline=True)
    message = str(caught.value)
    assert "not in the local Hugging Face cache" in message
    assert "summarize models pull nllb-600m" in message
    assert no_network == []
    assert not (isolated_home / "models" / "nllb-600m").exists()


def test_offline_pull_converts_a_cached_snapshot(
    isolated_home: Path, hf_cache: Path, no_network: list[str], tiny_hf_models: dict[str, Path]
) -> None:
    cache_snapshot(hf_cache, "csebuetnlp/mT5_multilingual_XLSum", tiny_hf_models["mt5"])
    # Another revision than the pinned one: checked by the conversion only, not by pins.
    model = ModelStore(isolated_home).pull("mt5-xlsum", "int8", revision="main", offline=True)
    assert no_network == []
    source = model.manifest["source"]
    assert (source["repo"], source["revision"], source["requested_revision"]) == (
        "csebuetnlp/mT5_multilingual_XLSum",
        FAKE_SHA,
        "main",
    )
    assert model.family == "mt5"
    assert model.task == "summarize"
    assert ModelStore(isolated_home).verify("mt5-xlsum")["model.bin"] == "ok"


def test_offline_pull_of_snapshot_without_weights_is_refused(
    isolated_home: Path, hf_cache: Path, no_network: list[str], tiny_hf_models: dict[str, Path]
) -> None:
    cache_snapshot(
        hf_cache,
        "Helsinki-NLP/opus-mt-ar-en",
        tiny_hf_models["marian"],
        files=["config.json", "vocab.json"],
    )
    with pytest.raises(ModelNotInstalledError, match=r"lacks config\.json or weights"):
        ModelStore(isolated_home).pull("opus-mt-ar-en", revision="main", offline=True)
    assert no_network == []


def test_pull_of_the_pinned_revision_checks_the_pinned_files(
    isolated_home: Path, hf_cache: Path, no_network: list[str], tiny_hf_models: dict[str, Path]
) -> None:
    entry = get_entry("mt5-xlsum")
    cache_snapshot(hf_cache, entry.repo, tiny_hf_models["mt5"], commit=entry.revision)
    with pytest.raises(SummarizeError, match=r"mT5_multilingual_XLSum@2437a524effd: .*pinned"):
        ModelStore(isolated_home).pull("mt5-xlsum", offline=True)
    assert no_network == []
    assert not (isolated_home / "models" / "mt5-xlsum").exists()


def test_pull_unknown_name_lists_the_catalogue(isolated_home: Path) -> None:
    with pytest.raises(
        UsageError, match=r"unknown model 'nope' \(catalogue: mt5-xlsum, crosssum, nllb-600m"
    ):
        ModelStore(isolated_home).pull("nope", offline=True)


def test_online_pull_downloads_only_the_allow_list(
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tiny_hf_models: dict[str, Path],
    hf_cache: Path,
) -> None:
    """The online path, with the hub client faked: one weights format, then conversion."""
    import huggingface_hub

    snapshot = cache_snapshot(hf_cache, "facebook/nllb-200-distilled-600M", tiny_hf_models["nllb"])
    calls: list[dict[str, object]] = []

    class FakeApi:
        def model_info(self, repo: str, revision: str) -> object:
            names = ["config.json", "model.safetensors", "pytorch_model.bin", "README.md"]
            siblings = [type("Sibling", (), {"rfilename": name}) for name in names]
            return type("Info", (), {"siblings": siblings})()

    def fake_download(repo: str, **kwargs: object) -> str:
        calls.append({"repo": repo, **kwargs})
        return str(snapshot)

    monkeypatch.setattr(huggingface_hub, "HfApi", FakeApi)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_download)
    model = ModelStore(isolated_home).pull("nllb-600m", "int8", revision="abc123", offline=False)
    assert len(calls) == 1
    call = calls[0]
    assert (call["repo"], call["revision"], call["local_files_only"]) == (
        "facebook/nllb-200-distilled-600M",
        "abc123",
        False,
    )
    allowed = call["allow_patterns"]
    assert isinstance(allowed, list)
    assert "model.safetensors" in allowed
    assert "pytorch_model.bin" not in allowed
    assert "sentencepiece.bpe.model" in allowed
    assert model.manifest["source"]["requested_revision"] == "abc123"
    assert model.manifest["catalog"] == "nllb-600m"
    assert model.family == "nllb"
