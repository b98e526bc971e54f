"""The model store: the catalogue, installed models, hub downloads, conversion and install.

Nothing here is imported by ``--help``; hub and converter libraries load inside functions.
"""

from summarize.store.catalog import CatalogEntry, default_model, get_entry, load_catalog
from summarize.store.local import InstalledModel, ModelStore, install_hint

__all__ = [
    "CatalogEntry",
    "InstalledModel",
    "ModelStore",
    "default_model",
    "get_entry",
    "install_hint",
    "load_catalog",
]
