"""The model store: the catalogue, installed models, hub downloads, conversion and install.

Nothing here is imported by ``--help``; hub and converter libraries load inside functions.
Names are imported on first use, so reading the catalogue (an install hint's default model)
does not load the local store.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name → the module that defines it.
_EXPORTS = {
    "CatalogEntry": "summarize.store.catalog",
    "default_model": "summarize.store.catalog",
    "get_entry": "summarize.store.catalog",
    "load_catalog": "summarize.store.catalog",
    "InstalledModel": "summarize.store.local",
    "ModelStore": "summarize.store.local",
    "install_hint": "summarize.store.local",
}

__all__ = [
    "CatalogEntry",
    "InstalledModel",
    "ModelStore",
    "default_model",
    "get_entry",
    "install_hint",
    "load_catalog",
]

if TYPE_CHECKING:
    from summarize.store.catalog import CatalogEntry, default_model, get_entry, load_catalog
    from summarize.store.local import InstalledModel, ModelStore, install_hint


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
