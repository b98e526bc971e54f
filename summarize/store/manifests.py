"""Checks on an installed model's ``manifest.json``: its fields, types, and confined paths.

A manifest is read from disk, so it is untrusted input: a field may be missing or of the
wrong type, and a file name may point outside the model folder (``../../etc/passwd``).
:func:`manifest_problem` says what is wrong (None when nothing is); the store then treats
the model as damaged. :func:`inside` resolves a file name the manifest gives, or refuses it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from summarize.store.catalog import TASKS
from summarize.store.families import FAMILIES

_TOKENIZER_FILES = ("source_model", "target_model")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_checksums(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _is_sizes(value: Any) -> bool:
    return isinstance(value, dict) and all(_is_int(v) and v >= 0 for v in value.values())


# Field → (required, check, what it must be).
_FIELDS: dict[str, tuple[bool, Callable[[Any], bool], str]] = {
    "family": (True, lambda v: v in FAMILIES, f"one of {', '.join(FAMILIES)}"),
    "task": (True, lambda v: v in TASKS, f"one of {', '.join(TASKS)}"),
    "max_input_tokens": (True, lambda v: _is_int(v) and v > 0, "a positive integer"),
    "tokenizer": (True, lambda v: isinstance(v, dict), "an object"),
    "files": (True, _is_checksums, "an object of sha256 sums"),
    "sizes": (True, _is_sizes, "an object of sizes in bytes"),
    "languages": (False, _is_str_list, "a list of language codes"),
    "pairs": (False, _is_str_list, "a list of 'src-tgt' pairs"),
    "generation": (False, lambda v: isinstance(v, dict), "an object"),
}


def manifest_problem(manifest: Any) -> str | None:
    """What makes ``manifest`` unusable, in a few words; None when it is sound."""
    if not isinstance(manifest, dict):
        return "manifest.json is not a JSON object"
    for key, (required, check, must_be) in _FIELDS.items():
        if key not in manifest:
            if required:
                return f"manifest.json lacks {key!r}"
            continue
        if not check(manifest[key]):
            return f"manifest.json: {key!r} must be {must_be}"
    for relpath in _named_files(manifest):
        problem = path_problem(relpath)
        if problem:
            return f"manifest.json names {relpath!r}, {problem}"
    return None


def _named_files(manifest: Mapping[str, Any]) -> list[str]:
    names = [*manifest["files"], *manifest["sizes"]]
    tokenizer = manifest["tokenizer"]
    names += [tokenizer[key] for key in _TOKENIZER_FILES if key in tokenizer]
    return [name if isinstance(name, str) else repr(name) for name in names]


def path_problem(relpath: str) -> str | None:
    """Why ``relpath`` cannot name a file inside a model folder (None: it can)."""
    if not relpath or "\x00" in relpath or "\\" in relpath:
        return "not a file name"
    pure = PurePosixPath(relpath)
    if pure.is_absolute():
        return "an absolute path"
    if ".." in pure.parts:
        return "a path that leaves the model folder"
    return None


def inside(folder: Path, relpath: str) -> Path:
    """``folder / relpath`` when it stays inside ``folder`` (symlinks resolved), else ValueError."""
    problem = path_problem(relpath)
    if problem:
        raise ValueError(f"{relpath!r} is {problem}")
    path = folder / relpath
    root = folder.resolve()
    if not path.resolve().is_relative_to(root):
        raise ValueError(f"{relpath!r} leads out of the model folder")
    return path


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
