"""Pytest plugin: tiny real models, built once per test run.

Fixtures (session-scoped):

- ``tiny_hf_models``: family → Hugging Face folder (``mt5``, ``crosssum``, ``nllb``,
  ``marian``), each a seeded random-weight model with real tokenizer files.
- ``tiny_ct2_models``: the same families converted with the real converter into the store
  format (``<root>/models/tiny-<key>/`` with ``manifest.json``), int8; ``<family>-float32``
  keys hold float32 conversions.

``install_tiny(home, family, name)`` copies a built model into the store under ``home`` (the
per-test ``isolated_home``) and returns the installed folder.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from summarize.tiny.builders import build_hf_models

FAMILIES = ("mt5", "crosssum", "nllb", "marian")
FLOAT32 = ("mt5", "crosssum", "nllb", "marian")
_BUILT: dict[str, Path] = {}
_TIMINGS: dict[str, float] = {}


def _build_root(factory: pytest.TempPathFactory | None) -> Path:
    if factory is not None:
        return factory.mktemp("tiny_models")
    import atexit
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="tiny_models_"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


def build_all(factory: pytest.TempPathFactory | None = None) -> dict[str, Path]:
    """Build (once per process) the tiny HF models and their converted store copies."""
    if _BUILT:
        return _BUILT
    from summarize.store.local import ModelStore

    root = _build_root(factory)
    start = time.perf_counter()
    hf = build_hf_models(root / "hf")
    _TIMINGS["hf"] = time.perf_counter() - start
    store = ModelStore(root / "ct2")
    for family in FAMILIES:
        _BUILT[f"hf:{family}"] = hf[family]
        # "tiny-" keeps the names out of the catalogue, whose metadata import would apply.
        _BUILT[family] = store.import_path(hf[family], f"tiny-{family}", "int8").path
        if family in FLOAT32:
            key = f"{family}-float32"
            _BUILT[key] = store.import_path(hf[family], f"tiny-{key}", "float32").path
    _TIMINGS["total"] = time.perf_counter() - start
    return _BUILT


def build_seconds() -> dict[str, float]:
    """How long the build took: ``hf`` (training + model creation) and ``total``."""
    return dict(_TIMINGS)


def install_tiny(home: Path, family: str, name: str | None = None) -> Path:
    """Copy the built tiny model ``family`` (e.g. "mt5", "nllb-float32") into ``home``'s store.

    The manifest is rewritten to carry ``name`` (default: ``family``); checksums stay valid
    because the manifest itself is not checksummed.
    """
    built = build_all()
    if family not in built:
        raise KeyError(
            f"no tiny model {family!r} (built: {', '.join(k for k in built if ':' not in k)})"
        )
    name = name or family
    target = Path(home) / "models" / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(built[family], target)
    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["name"] = name
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def tiny_models_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every tiny model, built once: keys ``hf:<family>``, ``<family>``, ``<family>-float32``."""
    return build_all(tmp_path_factory)


@pytest.fixture(scope="session")
def tiny_hf_models(tiny_models_built: dict[str, Path]) -> dict[str, Path]:
    """Family → tiny Hugging Face model folder (mt5, crosssum, nllb, marian)."""
    return {family: tiny_models_built[f"hf:{family}"] for family in FAMILIES}


@pytest.fixture(scope="session")
def tiny_ct2_models(tiny_models_built: dict[str, Path]) -> dict[str, Path]:
    """Key → converted store folder: ``<family>`` (int8) and ``<family>-float32``."""
    return {key: path for key, path in tiny_models_built.items() if not key.startswith("hf:")}
