"""The house reads bottom up: no module imports, even lazily, one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cds_cli"


def _imports() -> dict[str, set[str]]:
    """Module → the package's modules it imports anywhere in its text (lazy imports too)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                named = [f"{target}.{a.name}" for a in node.names]
                # `from . import tables` imports the submodule; its package is the importer's own,
                # already initialised, and is imported only when a name is none of its submodules
                whole = node.module or not all(n in modules for n in named)
                found |= {t for t in [*([target] if whole else []), *named] if t in modules}
        graph[name] = found - {name}
    return graph


def test_no_import_cycle():
    graph = _imports()
    assert "cds_cli.plan.model" in graph and "cds_cli.scoring" in graph
    cycles = []

    def visit(module: str, path: list[str], done: set[str]) -> None:
        for imported in sorted(graph[module]):
            if imported in path:
                cycles.append(path[path.index(imported) :] + [imported])
            elif imported not in done:
                done.add(imported)
                visit(imported, [*path, imported], done)

    for module in sorted(graph):
        visit(module, [module], {module})
    assert not cycles, " | ".join(" → ".join(c) for c in cycles[:5])


def test_the_plan_package_is_built_bottom_up():
    graph = _imports()
    assert graph["cds_cli.plan.layout"] <= {"cds_cli.findings"}  # file names know nothing of content
    assert "cds_cli.plan.loading" not in graph["cds_cli.plan.model"]
    assert "cds_cli.scoring" not in graph["cds_cli.plan"]  # next year's pack scores: imported by itself
