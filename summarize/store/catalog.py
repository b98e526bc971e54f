"""The catalogue of supported models (``models/catalog.toml``, shipped as ``summarize.models``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from summarize.errors import UsageError
from summarize.store.families import FAMILIES

TASKS = ("summarize", "translate", "crosssum")
# Models that write in a language picked by a token: their manifests list the language
# tokens, which say what they speak. Pair models list their language pairs instead.
LANG_TOKEN_TASKS = ("crosssum",)


@dataclass(frozen=True)
class CatalogEntry:
    """One supported model: where it comes from and how to run it."""

    name: str
    repo: str
    revision: str
    family: str
    task: str
    languages: tuple[str, ...]
    max_input_tokens: int
    license: str
    size_mb: int
    files: tuple[str, ...]
    description: str = ""
    # Supported directions as "src-tgt" (empty: any pair of ``languages``).
    pairs: tuple[str, ...] = ()
    generation: Mapping[str, Any] = field(default_factory=dict)
    # File name → {"size": as the hub shows it, "sha256": when the hub shows it}.
    pinned: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The model hinted at when a model for ``task`` is needed and none is installed.
    default: bool = False


def _entry(name: str, raw: Mapping[str, Any]) -> CatalogEntry:
    try:
        entry = CatalogEntry(
            name=name,
            repo=str(raw["repo"]),
            revision=str(raw["revision"]),
            family=str(raw["family"]),
            task=str(raw["task"]),
            languages=tuple(str(lang) for lang in raw["languages"]),
            max_input_tokens=int(raw["max_input_tokens"]),
            license=str(raw["license"]),
            size_mb=int(raw["size_mb"]),
            files=tuple(str(pattern) for pattern in raw["files"]),
            description=str(raw.get("description", "")),
            default=bool(raw.get("default", False)),
            pairs=tuple(str(pair) for pair in raw.get("pairs", ())),
            generation={**FAMILIES[str(raw["family"])].generation, **raw.get("generation", {})},
            pinned={
                str(name): {str(k): str(v) for k, v in info.items()}
                for name, info in raw.get("pinned", {}).items()
            },
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"catalog entry {name!r} is malformed: {exc!r}") from exc
    if entry.family not in FAMILIES or entry.task not in TASKS:
        raise ValueError(f"catalog entry {name!r}: unknown family or task")
    return entry


@cache
def load_catalog() -> dict[str, CatalogEntry]:
    """All catalogue entries by name, in file order."""
    text = files("summarize.models").joinpath("catalog.toml").read_text(encoding="utf-8")
    models = tomllib.loads(text).get("models", {})
    return {name: _entry(name, raw) for name, raw in models.items()}


def get_entry(name: str) -> CatalogEntry:
    """The catalogue entry ``name``; a usage error listing the valid names otherwise."""
    catalog = load_catalog()
    if name not in catalog:
        raise UsageError(f"unknown model {name!r} (catalogue: {', '.join(catalog)})")
    return catalog[name]


def default_model(task: str) -> str:
    """The catalogue's default model for ``task`` (the one marked ``default``)."""
    for entry in load_catalog().values():
        if entry.default and entry.task == task:
            return entry.name
    raise ValueError(f"the catalogue has no default model for {task!r}")
