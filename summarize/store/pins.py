"""What a pinned catalogue revision holds: each file's size as the hub shows it, and sha256.

A pull of the pinned revision is checked against these before conversion, so what lands in
the store is what the catalogue was written against (the hub's files can be force-pushed,
and a cache can hold a truncated download).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from summarize.errors import SummarizeError
from summarize.store.manifests import sha256_file

_UNITS = {"Bytes": 1, "kB": 10**3, "MB": 10**6, "GB": 10**9}
_SIZE = re.compile(r"(\d+(?:\.(\d+))?) (Bytes|kB|MB|GB)")


def shown_size(shown: str) -> tuple[int, int]:
    """The byte count the hub's rounded size (``"2.33 GB"``) stands for, and its tolerance."""
    match = _SIZE.fullmatch(shown)
    if match is None:
        raise ValueError(f"not a size as the hub shows it: {shown!r}")
    number, decimals, unit = match.groups()
    scale = _UNITS[unit]
    step = scale // 10 ** len(decimals) if decimals else scale
    return round(float(number) * scale), max(step, 1)


def check_pinned(folder: Path, pinned: Mapping[str, Mapping[str, str]], what: str) -> None:
    """Raise :class:`SummarizeError` unless ``folder`` holds every pinned file as recorded."""
    for name, expected in pinned.items():
        path = folder / name
        if not path.is_file():
            raise SummarizeError(f"{what}: {name} is missing from the download")
        size, tolerance = shown_size(expected["size"])
        actual = path.stat().st_size
        if abs(actual - size) > tolerance:
            raise SummarizeError(
                f"{what}: {name} has {actual} bytes, the pinned revision {expected['size']}"
            )
        sha256 = expected.get("sha256")
        if sha256 and sha256_file(path) != sha256:
            raise SummarizeError(
                f"{what}: {name} does not match the pinned sha256 {sha256[:12]}…; "
                "remove it from the Hugging Face cache and pull again"
            )
