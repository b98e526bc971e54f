"""Downloads from the Hugging Face hub: only a catalogue entry's allow-listed files.

Offline (``--offline``, ``SUMMARIZE_OFFLINE=1``, ``HF_HUB_OFFLINE=1``) maps to
``local_files_only``: the local cache is read and the network is never touched.
"""

from __future__ import annotations

import importlib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from summarize.errors import ModelNotInstalledError, SummarizeError
from summarize.store.catalog import CatalogEntry
from summarize.store.pins import check_pinned

_WEIGHTS = ("*.safetensors", "*.bin")
_INSTALL_HINT = "downloading a model needs huggingface_hub: pip install 'summarize[convert]'"


def _hub() -> Any:
    try:
        import huggingface_hub
    except ImportError as exc:
        raise SummarizeError(_INSTALL_HINT) from exc
    return huggingface_hub


def _transport_errors() -> tuple[type[Exception], ...]:
    # huggingface_hub talks HTTP through httpx (httpx2 in recent releases), whose connection
    # errors are not OSErrors.
    found: list[type[Exception]] = []
    for module in ("httpx2", "httpx"):
        try:
            found.append(importlib.import_module(module).TransportError)
        except (ImportError, AttributeError):
            continue
    return tuple(found)


def _first_line(exc: BaseException) -> str:
    # Hub errors carry request ids and URLs on later lines; the CLI prints one line.
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def pick_patterns(patterns: tuple[str, ...], remote_files: list[str]) -> list[str]:
    """The allow-list, without the .bin weights when the revision has safetensors ones."""
    wanted = [name for name in remote_files if any(fnmatch(name, p) for p in patterns)]
    if any(name.endswith(".safetensors") for name in wanted):
        return [p for p in patterns if not fnmatch("pytorch_model.bin", p) and p != "*.bin"]
    return list(patterns)


def download(entry: CatalogEntry, revision: str, *, offline: bool) -> Path:
    """Fetch ``entry``'s files at ``revision`` into the HF cache; return the snapshot folder."""
    hub = _hub()
    from huggingface_hub import errors

    patterns = list(entry.files)
    network_errors: tuple[type[BaseException], ...] = (
        errors.HfHubHTTPError,
        OSError,
        *_transport_errors(),
    )
    try:
        if not offline:
            info = hub.HfApi().model_info(entry.repo, revision=revision)
            patterns = pick_patterns(entry.files, [s.rfilename for s in info.siblings or []])
        folder = hub.snapshot_download(
            entry.repo, revision=revision, allow_patterns=patterns, local_files_only=offline
        )
    except errors.LocalEntryNotFoundError as exc:
        if offline:
            raise ModelNotInstalledError(
                f"{entry.repo}@{revision} is not in the local Hugging Face cache and offline mode "
                f"is on; run `summarize models pull {entry.name}` with network access, or "
                f"`summarize models import PATH --name {entry.name}`"
            ) from exc
        raise SummarizeError(
            f"cannot reach the Hugging Face hub for {entry.repo}: {_first_line(exc)}"
        ) from exc
    except (errors.RepositoryNotFoundError, errors.RevisionNotFoundError) as exc:
        raise SummarizeError(f"{entry.repo}@{revision} not found on the hub") from exc
    except network_errors as exc:
        raise SummarizeError(f"download of {entry.repo} failed: {_first_line(exc)}") from exc
    snapshot = Path(folder)
    _check_complete(entry, snapshot, offline)
    if revision == entry.revision:
        check_pinned(snapshot, entry.pinned, f"{entry.repo}@{revision[:12]}")
    return snapshot


def _check_complete(entry: CatalogEntry, snapshot: Path, offline: bool) -> None:
    present = [path.name for path in snapshot.iterdir()]
    has_weights = any(fnmatch(name, p) for name in present for p in _WEIGHTS)
    if "config.json" not in present or not has_weights:
        where = "the local Hugging Face cache" if offline else "the download"
        raise ModelNotInstalledError(
            f"{where} of {entry.repo} lacks config.json or weights; run "
            f"`summarize models pull {entry.name}` with network access"
        )
