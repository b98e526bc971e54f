"""typer's private names: one module uses them, all exist in this typer, the range is bounded."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from summarize.cli.typer_internals import NAMES, missing

ROOT = Path(__file__).parents[2]
PRIVATE = re.compile(r"typer\._|typer\.core|_click\b")


def test_every_private_name_this_cli_uses_exists_in_the_installed_typer() -> None:
    # A typer release that renames one of these fails here, with the name, not at start-up.
    assert missing() == []


def test_only_one_module_touches_typers_private_names() -> None:
    users = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "summarize").rglob("*.py")
        if PRIVATE.search(path.read_text(encoding="utf-8"))
    )
    assert users == ["summarize/cli/typer_internals.py"]


def test_the_module_lists_every_private_module_it_imports() -> None:
    source = (ROOT / "summarize" / "cli" / "typer_internals.py").read_text(encoding="utf-8")
    imported = set(re.findall(r"from (typer\.[\w.]+) import", source))
    listed = {name.split(":")[0] for name in NAMES}
    assert imported <= listed


def _lock_version(package: str) -> str:
    lock = (ROOT / "requirements" / "test-py3.11.txt").read_text(encoding="utf-8")
    match = re.search(rf"^{package}==([\d.]+)$", lock, re.MULTILINE)
    assert match, f"{package} is not pinned in the lock"
    return match.group(1)


def test_the_typer_range_is_bounded_to_the_release_the_tests_ran() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    spec = next(d for d in project["project"]["dependencies"] if d.startswith("typer"))
    low = re.search(r">=([\d.]+)", spec)
    high = re.search(r"<([\d.]+)", spec)
    assert low and high, spec
    tested = tuple(int(x) for x in _lock_version("typer").split("."))
    assert tuple(int(x) for x in low.group(1).split(".")) <= tested
    assert tested < tuple(int(x) for x in high.group(1).split("."))
