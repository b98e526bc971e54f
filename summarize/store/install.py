"""Fill a staging folder from a local model folder and build its manifest.

Two kinds of source: a Hugging Face folder (``config.json`` with a ``model_type``, weights and
tokenizer files), converted with :mod:`summarize.store.convert`; or an already converted
CTranslate2 folder (``model.bin``) that carries its tokenizer files, copied as it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from summarize.errors import UsageError
from summarize.store import convert
from summarize.store.catalog import CatalogEntry
from summarize.store.families import FAMILIES, family_by_file, tokenizer_files

MANIFEST_VERSION = 1
# Input budget when the config gives none (mT5's relative positions have no hard limit).
DEFAULT_MAX_INPUT = 512
# generation_config.json key → our decoding option.
_GENERATION_KEYS = {
    "num_beams": "beam_size",
    "no_repeat_ngram_size": "no_repeat_ngram_size",
    "repetition_penalty": "repetition_penalty",
    "length_penalty": "length_penalty",
    "max_length": "max_length",
}


def is_ct2_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a converted CTranslate2 model."""
    return (folder / "model.bin").is_file() and (folder / "config.json").is_file()


def install_folder(
    source: Path, staging: Path, name: str, quantization: str, entry: CatalogEntry | None
) -> dict[str, Any]:
    """Put the model from ``source`` into ``staging``; return its manifest (without checksums)."""
    if is_ct2_folder(source):
        return _copy_converted(source, staging, name, entry)
    family = convert.detect_family(source)
    _check_entry(source, family, name, entry)
    hf_config = convert.read_json(source / "config.json")
    convert.convert_folder(source, staging, quantization)
    task = convert.detect_task(source, family)
    manifest = _base_manifest(name, family, task, hf_config, source, staging)
    manifest["quantization"] = quantization
    manifest.update(_entry_fields(entry))
    return manifest


def _copy_converted(
    source: Path, staging: Path, name: str, entry: CatalogEntry | None
) -> dict[str, Any]:
    previous: dict[str, Any] = {}
    if (source / "manifest.json").is_file():
        previous = convert.read_json(source / "manifest.json")
    for item in source.iterdir():
        if item.is_file() and item.name != "manifest.json":
            shutil.copyfile(item, staging / item.name)
    family = str(previous.get("family") or _family_from_files(staging))
    _check_entry(source, family, name, entry)
    task = str(previous.get("task") or FAMILIES[family].default_task)
    manifest = _base_manifest(name, family, task, {}, source, staging)
    for key in ("languages", "pairs", "max_input_tokens", "generation", "license", "tokenizer"):
        if key in previous:
            manifest[key] = previous[key]
    manifest["quantization"] = previous.get("quantization")
    # Keep where the weights first came from (repo, revision); note the folder copied now.
    manifest["source"] = {**manifest["source"], **previous.get("source", {})}
    manifest["source"]["imported_from"] = str(source.resolve())
    manifest.update(_entry_fields(entry))
    return manifest


def _check_entry(source: Path, family: str, name: str, entry: CatalogEntry | None) -> None:
    if entry is not None and entry.family != family:
        raise UsageError(f"{source} holds a {family} model, but {name!r} is a {entry.family} model")


def _family_from_files(folder: Path) -> str:
    family = family_by_file(lambda filename: (folder / filename).is_file())
    if family is not None:
        return family.name
    names = ", ".join(tokenizer_files())
    raise UsageError(f"{folder} carries no tokenizer file ({names}): cannot use it")


def _base_manifest(
    name: str, family: str, task: str, hf_config: dict[str, Any], source: Path, staging: Path
) -> dict[str, Any]:
    tokenizer = convert.describe_tokenizer(staging, family, hf_config)
    languages = sorted(tokenizer["lang_tokens"]) or _tokenizer_languages(staging)
    return {
        "manifest_version": MANIFEST_VERSION,
        "name": name,
        "family": family,
        "task": task,
        "languages": languages,
        "pairs": _pairs(staging, family),
        "max_input_tokens": int(hf_config.get("max_position_embeddings") or DEFAULT_MAX_INPUT),
        "generation": _generation(staging, family),
        "license": None,
        "source": {"repo": None, "revision": None, "path": str(source.resolve())},
        "tokenizer": tokenizer,
    }


def _tokenizer_config(folder: Path) -> dict[str, Any]:
    path = folder / "tokenizer_config.json"
    return convert.read_json(path) if path.is_file() else {}


def _tokenizer_languages(folder: Path) -> list[str]:
    config = _tokenizer_config(folder)
    found = [str(config[key]) for key in ("source_lang", "target_lang") if config.get(key)]
    return sorted(set(found))


def _pairs(folder: Path, family: str) -> list[str]:
    config = _tokenizer_config(folder)
    if FAMILIES[family].pair_model and config.get("source_lang") and config.get("target_lang"):
        return [f"{config['source_lang']}-{config['target_lang']}"]
    return []


def _generation(folder: Path, family: str) -> dict[str, Any]:
    generation = dict(FAMILIES[family].generation)
    path = folder / "generation_config.json"
    if path.is_file():
        for key, option in _GENERATION_KEYS.items():
            value = convert.read_json(path).get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                generation[option] = value
    return generation


def _entry_fields(entry: CatalogEntry | None) -> dict[str, Any]:
    if entry is None:
        return {}
    return {
        "task": entry.task,
        "languages": list(entry.languages),
        "pairs": list(entry.pairs),
        "max_input_tokens": entry.max_input_tokens,
        "generation": dict(entry.generation),
        "license": entry.license,
        "catalog": entry.name,
    }
