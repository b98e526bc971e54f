"""Helpers for the runtime tests: install a tiny model and load it for decoding."""

from __future__ import annotations

import json
from pathlib import Path

from summarize.engines.neural.decoding import NeuralModel
from summarize.settings import Settings
from summarize.store.local import InstalledModel, ModelStore
from tests.tiny_corpus import arabic_lines, english_lines
from tests.tiny_models import install_tiny


def installed(
    home: Path, family: str, name: str | None = None, **manifest: object
) -> InstalledModel:
    """Install tiny ``family`` under ``home`` (manifest fields overridden) and return it."""
    folder = install_tiny(home, family, name)
    if manifest:
        path = folder / "manifest.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(manifest)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return ModelStore(home).get(folder.name)


def load(home: Path, family: str, **manifest: object) -> NeuralModel:
    """A :class:`NeuralModel` for tiny ``family`` on the CPU."""
    return NeuralModel(installed(home, family, **manifest), Settings(home=home, device="cpu"))


def arabic_article(paragraphs: int, per_paragraph: int = 3, seed: int = 11) -> str:
    """Generated Arabic paragraphs (one per line) of generated sentences."""
    lines = arabic_lines(paragraphs * per_paragraph, seed=seed)
    return "\n".join(
        " ".join(lines[i : i + per_paragraph]) for i in range(0, len(lines), per_paragraph)
    )


def english_article(paragraphs: int, per_paragraph: int = 3, seed: int = 12) -> str:
    """Generated English paragraphs (one per line) of generated sentences."""
    lines = english_lines(paragraphs * per_paragraph, seed=seed)
    return "\n".join(
        " ".join(lines[i : i + per_paragraph]) for i in range(0, len(lines), per_paragraph)
    )
