"""Fill a staging folder from a local model folder and build its manifest.

Two kinds of source: a Hugging Face folder (``config.json`` with a ``model_type``, weights and
tokenizer files), converted with :mod:`summarize.store.convert`; or an already converted
CTranslate2 folder (``model.bin``) that carries its tokenizer files, of which only the files a
model needs are copied (:data:`CT2_FILES`, the tokenizer files). A file the install reads that
is a link leaving the folder is refused (``vocab.json -> /etc/passwd`` would end up in the
store); a downloaded snapshot (``pull``) is exempt: the hub cache links every file to its blob.
JSON files are checked first, so a broken one is named.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from summarize.errors import SummarizeError, UsageError
from summarize.store import convert
from summarize.store.catalog import CatalogEntry
from summarize.store.families import FAMILIES, family_by_file, tokenizer_files

MANIFEST_VERSION = 1
# JSON files are parsed before conversion up to this size (a tokenizer.json runs to ~20 MB).
_MAX_JSON_BYTES = 256 * 1024 * 1024
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


# The files of a converted CTranslate2 model (the tokenizer files come on top).
CT2_FILES = (
    "model.bin",
    "config.json",
    "shared_vocabulary.json",
    "shared_vocabulary.txt",
    "source_vocabulary.json",
    "source_vocabulary.txt",
    "target_vocabulary.json",
    "target_vocabulary.txt",
    "vocabulary.json",
    "vocabulary.txt",
)
# What a Hugging Face folder's conversion reads besides the tokenizer files.
_HF_PATTERNS = ("config.json", "*.safetensors", "*.bin", "*.index.json", "added_tokens.json")


def is_ct2_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a converted CTranslate2 model."""
    return (folder / "model.bin").is_file() and (folder / "config.json").is_file()


def install_folder(
    source: Path,
    staging: Path,
    name: str,
    quantization: str,
    entry: CatalogEntry | None,
    *,
    own_links: bool = False,
) -> dict[str, Any]:
    """Put the model from ``source`` into ``staging``; return its manifest (without checksums).

    ``own_links``: the source may link its files anywhere (a hub snapshot); otherwise a link
    that leaves ``source`` is refused.
    """
    if is_ct2_folder(source):
        needed = _present(source, (*CT2_FILES, *convert.TOKENIZER_FILES, "manifest.json"))
        check_files(source, needed, own_links)
        return _copy_converted(source, staging, name, entry)
    needed = _present(source, convert.TOKENIZER_FILES)
    needed += [f for pattern in _HF_PATTERNS for f in sorted(source.glob(pattern))]
    check_files(source, needed, own_links)
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
    for item in _present(source, (*CT2_FILES, *convert.TOKENIZER_FILES)):
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


def _present(folder: Path, names: Iterable[str]) -> list[Path]:
    return [folder / name for name in names if (folder / name).is_file()]


def check_files(folder: Path, files: Iterable[Path], own_links: bool = False) -> None:
    """Refuse links in ``files`` that leave ``folder`` (unless ``own_links``); JSON must parse."""
    root = folder.resolve()
    for file in files:
        target = file.resolve()
        if not own_links and not target.is_relative_to(root):
            raise UsageError(
                f"{file} is a link to {target}, outside the model folder: refused "
                "(copy the file into the folder)"
            )
        if file.suffix == ".json" and file.stat().st_size < _MAX_JSON_BYTES:
            try:
                convert.load_json(file)
            except SummarizeError as exc:
                raise UsageError(str(exc)) from None


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
