"""Files of a fetched repository snapshot: a work tree, or the bare git directory of `fetch`."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


def snapshot_files(snapshot: Path, names: list[str], dest: Path) -> Path:
    """A folder holding ``names`` from a work tree or a bare git directory.

    A work tree that already has every name is used as it is; otherwise ``names`` are
    exported from the bare directory's HEAD into ``dest``.
    """
    if all((snapshot / n).exists() for n in names):
        return snapshot
    archive = subprocess.run(
        ["git", "--git-dir", str(snapshot), "archive", "HEAD", *names],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest
