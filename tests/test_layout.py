"""The package layout rules (README, Layout): few top-level modules, documented packages."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "summarize"


def _packages() -> list[Path]:
    return sorted(p.parent for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in p.parts)


def test_at_most_ten_top_level_modules() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert 0 < len(modules) <= 10, modules


def test_every_package_says_what_it_is_for() -> None:
    packages = _packages()
    assert PACKAGE in packages and len(packages) > 1
    for package in packages:
        tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring and docstring.strip(), package


def test_scripts_do_not_import_the_tests() -> None:
    scripts = sorted((ROOT / "scripts").rglob("*.py"))
    assert scripts
    for script in scripts:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n == "tests" or n.startswith("tests.") for n in names), script
