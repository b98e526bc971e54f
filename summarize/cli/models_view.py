"""What ``summarize models list/info`` show: rows built from the catalogue and the store.

Rendering is plain tab-separated text in pipes, a rich table on a terminal, JSON on request.
"""

from __future__ import annotations

from typing import Any

from summarize.errors import ModelNotInstalledError
from summarize.store.catalog import load_catalog
from summarize.store.local import InstalledModel, ModelStore

_COLUMNS = ("name", "installed", "family", "task", "quantization", "size_mb", "repo")


def _installed_fields(model: InstalledModel) -> dict[str, Any]:
    size = sum(int(n) for n in model.manifest.get("sizes", {}).values())
    return {
        "installed": True,
        "family": model.family,
        "task": model.task,
        "languages": list(model.languages),
        "quantization": model.manifest.get("quantization"),
        "installed_mb": round(size / 1e6, 1),
        "path": str(model.path),
    }


def model_rows(store: ModelStore) -> list[dict[str, Any]]:
    """One row per catalogue model, then one per installed model outside the catalogue."""
    installed = {model.name: model for model in store.installed()}
    damaged = store.damaged()
    rows = []
    for entry in load_catalog().values():
        row: dict[str, Any] = {
            "name": entry.name,
            "installed": False,
            "family": entry.family,
            "task": entry.task,
            "languages": list(entry.languages),
            "quantization": None,
            "size_mb": entry.size_mb,
            "repo": entry.repo,
            "revision": entry.revision,
            "license": entry.license,
        }
        if entry.name in installed:
            row.update(_installed_fields(installed.pop(entry.name)))
        elif entry.name in damaged:
            row.update(installed="damaged", damaged=damaged.pop(entry.name))
        rows.append(row)
    for model in installed.values():
        source = model.manifest.get("source") or {}
        rows.append(
            {"name": model.name, "size_mb": None, "repo": source.get("repo")}
            | _installed_fields(model)
        )
    for name, why in damaged.items():
        rows.append({"name": name, "installed": "damaged", "damaged": why})
    return rows


def model_details(store: ModelStore, name: str) -> dict[str, Any]:
    """Catalogue entry, manifest and per-file checksum status of ``name``."""
    catalog = load_catalog()
    details: dict[str, Any] = {"name": name, "installed": store.is_installed(name)}
    if name in catalog:
        entry = catalog[name]
        details["catalog"] = {
            "repo": entry.repo,
            "revision": entry.revision,
            "family": entry.family,
            "task": entry.task,
            "languages": list(entry.languages),
            "max_input_tokens": entry.max_input_tokens,
            "license": entry.license,
            "size_mb": entry.size_mb,
            "generation": dict(entry.generation),
            "description": entry.description,
        }
    if details["installed"]:
        model = store.read(name)
        manifest = {k: v for k, v in model.manifest.items() if k not in ("files", "sizes")}
        details.update(path=str(model.path), manifest=manifest, checks=store.verify(name))
    elif name not in catalog:
        names = ", ".join(catalog)
        raise ModelNotInstalledError(
            f"model {name!r} is neither installed nor in the catalogue ({names})"
        )
    return details


def to_json(data: Any) -> str:
    """Indented JSON with non-ASCII text kept readable."""
    from summarize.render import dumps

    return dumps(data, indent=2)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def print_table(rows: list[dict[str, Any]], *, tty: bool) -> None:
    """The model list on stdout: a rich table on a terminal, tab-separated otherwise."""
    if not tty:
        print("\t".join(_COLUMNS))
        for row in rows:
            print("\t".join(_cell(row.get(column)) for column in _COLUMNS))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    # The repo id is long: `models info` and `--format json` show it; the table fits 80 columns.
    columns = [column for column in _COLUMNS if column != "repo"]
    for column in columns:
        table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(*(_cell(row.get(column)) for column in columns))
    Console(highlight=False).print(table)


def print_details(details: dict[str, Any], *, tty: bool) -> None:
    """``models info`` as ``key: value`` lines (indented JSON for nested values)."""
    lines = []
    for key, value in details.items():
        shown = to_json(value) if isinstance(value, dict | list) else _cell(value)
        lines.append(f"{key}: {shown}")
    if not tty:
        print("\n".join(lines))
        return
    from rich.console import Console

    Console(highlight=False).print("\n".join(lines), markup=False)
