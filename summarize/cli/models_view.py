"""What ``summarize models list/info`` show: rows built from the catalogue and the store.

Rendering is plain tab-separated text in pipes, a rich table on a terminal, JSON on request.
"""

from __future__ import annotations

from typing import Any

from summarize.errors import ModelNotInstalledError
from summarize.store.catalog import load_catalog
from summarize.store.local import InstalledModel, ModelStore

_COLUMNS = ("name", "installed", "family", "task", "quantization", "size_mb", "repo")
# The terminal table: "default" marks what --engine auto (or translate) picks for each task;
# "size" is the installed size when installed, else the download's.
_SHOWN = ("default", "name", "installed", "family", "task", "quantization", "size")


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
    _mark_defaults(rows, list(load_catalog()))
    return rows


def _mark_defaults(rows: list[dict[str, Any]], catalog: list[str]) -> None:
    """``default: true`` on the installed model each task prefers (catalogue order first, then
    imported ones by name, as engine resolution does)."""

    def rank(row: dict[str, Any]) -> tuple[int, str]:
        name = str(row["name"])
        return (catalog.index(name) if name in catalog else len(catalog), name)

    for task in {row.get("task") for row in rows if row.get("installed") is True}:
        mine = [row for row in rows if row.get("installed") is True and row.get("task") == task]
        min(mine, key=rank)["default"] = True


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


def compute_type(details: dict[str, Any], device: str, asked: str | None) -> str:
    """The compute type the model of ``details`` would load with on ``device`` (in words).

    ``asked`` (``--compute-type`` or ``SUMMARIZE_COMPUTE_TYPE``) wins; on CUDA the family
    chooses (:func:`summarize.store.families.cuda_compute_type`), for this GPU when one is
    visible, else as a rule (so it can be checked on a machine without one).
    """
    from summarize.store.families import cuda_compute_type, describe_cuda_compute

    if asked:
        return asked
    family = (details.get("manifest") or details.get("catalog") or {}).get("family")
    if device == "cpu":
        return "int8"
    from summarize.engines.neural.ct2 import cuda_device_count

    if cuda_device_count() == 0:
        return describe_cuda_compute(family) if device == "cuda" else "int8"
    import ctranslate2

    return cuda_compute_type(family, set(ctranslate2.get_supported_compute_types("cuda")))


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
    # The repo id is long: `models info` and `--format json` show it. Names are never cut.
    # The name keeps its whole width; on a narrow terminal the other columns fold instead.
    longest = max((len(str(row["name"])) for row in rows), default=4)
    for column in _SHOWN:
        if column == "name":
            table.add_column(column, no_wrap=True, min_width=longest)
        elif column == "default":
            table.add_column("", no_wrap=True, min_width=1)
        else:
            table.add_column("" if column == "default" else column, overflow="fold")
    for row in rows:
        size = row.get("installed_mb") if row.get("installed") is True else row.get("size_mb")
        shown = {**row, "default": "*" if row.get("default") else "", "size": _mb(size)}
        table.add_row(*(_cell(shown.get(column)) for column in _SHOWN))
    if any(row.get("default") for row in rows):
        table.caption = "* the model each task uses by default"
    Console(highlight=False).print(table)


def _mb(size: Any) -> str | None:
    return None if size is None else f"{size:,.0f} MB" if size >= 10 else f"{size} MB"


def print_details(details: dict[str, Any], *, tty: bool) -> None:
    """``models info``: a short table on a terminal (``--format json`` has every field);
    elsewhere ``key: value`` lines (indented JSON for nested values)."""
    if not tty:
        for key, value in details.items():
            shown = to_json(value) if isinstance(value, dict | list) else _cell(value)
            print(f"{key}: {shown}")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=False, box=None)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in summary_rows(details):
        table.add_row(key, value)
    Console(highlight=False).print(table)


def summary_rows(details: dict[str, Any]) -> list[tuple[str, str]]:
    """What a reader asks of one model, in a dozen rows at most."""
    catalog = details.get("catalog") or {}
    manifest = details.get("manifest") or {}
    checks = details.get("checks") or {}
    bad = [path for path, state in checks.items() if state != "ok"]
    source = manifest.get("source") or {}
    repo = catalog.get("repo") or source.get("repo")
    revision = catalog.get("revision") or source.get("revision")
    rows = [
        ("name", details["name"]),
        ("installed", _cell(details.get("installed"))),
        ("family", manifest.get("family") or catalog.get("family")),
        ("task", manifest.get("task") or catalog.get("task")),
        ("languages", ", ".join(manifest.get("languages") or catalog.get("languages") or [])),
        ("quantization", manifest.get("quantization")),
        ("download", _mb(catalog.get("size_mb"))),
        ("source", f"{repo}@{str(revision)[:12]}" if repo and revision else repo),
        ("license", catalog.get("license")),
        ("path", details.get("path")),
        (
            "checksums",
            (f"{len(bad)} failed: {', '.join(bad)}" if bad else f"{len(checks)} ok")
            if checks
            else None,
        ),
        ("about", catalog.get("description")),
    ]
    return [(key, str(value)) for key, value in rows if value]
