"""No import circle between packages: the graph is read from the source, every import counted.

A node is a package of ``summarize`` (``summarize.cli``, ``summarize.engines`` with everything
under it, ...) or a top-level module (``summarize.pipeline``); the root (``summarize``, its
``__init__``) is a node too. An edge is any import of one node by another: at the top of a
module, inside a function, or under ``if TYPE_CHECKING`` (a circle of types is still a
circle for the reader).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "summarize"

Graph = dict[str, dict[str, list[str]]]


def node(module: str) -> str | None:
    """The package-level node of a dotted module name (None outside ``summarize``)."""
    parts = module.split(".")
    if parts[0] != "summarize":
        return None
    return ".".join(parts[:2])


def _module_of(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(tree: ast.AST, module: str, path_is_package: bool) -> Iterator[tuple[str, int]]:
    """Every module ``tree`` imports, with its line; relative imports made absolute."""
    for item in ast.walk(tree):
        if isinstance(item, ast.Import):
            for alias in item.names:
                yield alias.name, item.lineno
        elif isinstance(item, ast.ImportFrom):
            base = item.module or ""
            if item.level:
                # ``from ..a import f`` in package ``summarize.b`` (its __init__) means
                # ``summarize.a``: a package's own name counts as the first level.
                package = module if path_is_package else module.rsplit(".", 1)[0]
                anchor = package.split(".")[: len(package.split(".")) - item.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, item.lineno
            # ``from summarize import x`` may name a subpackage or module.
            for alias in item.names:
                yield f"{base}.{alias.name}", item.lineno


def import_graph(package: Path = PACKAGE) -> Graph:
    """``{node: {imported node: ["file:line", ...]}}`` over every module under ``package``."""
    graph: Graph = {}
    root = package.parent
    for path in sorted(package.rglob("*.py")):
        module = _module_of(path, root)
        source = node(module)
        assert source is not None
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, line in _imported(tree, module, path.name == "__init__.py"):
            target = node(name)
            if target is None or target == source or not _exists(target, package):
                continue
            where = f"{path.relative_to(root).as_posix()}:{line}"
            found = graph.setdefault(source, {}).setdefault(target, [])
            if where not in found:
                found.append(where)
    return graph


def _exists(target: str, package: Path) -> bool:
    """Whether a node names a real package or module (not ``summarize.__version__``)."""
    if target == "summarize":
        return True
    tail = target.split(".", 1)[1]
    return (package / tail).is_dir() or (package / f"{tail}.py").is_file()


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted({*graph, *(w for edges in graph.values() for w in edges)}):
        if v not in index:
            visit(v)
    return found


def _explain(graph: Graph, group: list[str]) -> str:
    arrows = [
        f"{a} -> {b} ({', '.join(graph[a][b][:2])})"
        for a in group
        for b in group
        if b in graph.get(a, {})
    ]
    return "; ".join(arrows)


def test_no_import_circle_between_packages() -> None:
    graph = import_graph()
    assert "summarize.cli" in graph and "summarize.engines" in graph["summarize.tasks"]
    circles = cycles(graph)
    assert not circles, "\n".join(_explain(graph, group) for group in circles)


def test_the_graph_sees_function_level_and_relative_imports(tmp_path: Path) -> None:
    # A circle made only of an import inside a function, and one spelled relatively.
    fake = tmp_path / "summarize"
    (fake / "a").mkdir(parents=True)
    (fake / "b").mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "a" / "__init__.py").write_text("def f():\n    from summarize.b import g\n")
    (fake / "b" / "__init__.py").write_text("from ..a import f\n")
    assert cycles(import_graph(fake)) == [["summarize.a", "summarize.b"]]
