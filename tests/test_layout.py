"""The package's layers: imports point down only, and no module imports itself back through others.

Every import in the code is read (top-level, inside functions, under TYPE_CHECKING alike), so a
lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qa"
# Lower layers never import higher ones. `eval` sits beside `ui`: it scores what a session answers.
LAYERS = {"common": 0, "ingest": 1, "index": 2, "search": 3, "answer": 4, "session": 5, "ui": 6, "eval": 6}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The package modules `path` imports (a `from qa.x import name` of a submodule counts as that submodule)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qa"):
            subs = {f"{node.module}.{a.name}" for a in node.names} & known
            out |= subs or ({node.module} & known)
    return out


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(files)
    return {name: imports_of(path, known) - {name} for name, path in files.items()}


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_every_module_lives_in_a_layer():
    loose = [m for m in graph() if m != "qa" and layer(m) is None]
    assert loose == [], f"modules outside the layers {sorted(LAYERS)}: {loose}"


def test_imports_point_down_only():
    up = [(m, d) for m, deps in graph().items() if m != "qa" for d in deps if layer(d) > layer(m)]
    assert up == [], f"imports that point up a layer: {up}"


def test_no_import_cycle():
    g = {m: deps for m, deps in graph().items() if m != "qa"}  # qa/__init__ only re-exports
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for d in sorted(g[m]):
            if state.get(d) == 1:
                return stack[stack.index(d):] + [d]
            if d not in state and (cycle := visit(d)):
                return cycle
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(g):
        if m not in state:
            cycle = visit(m)
            assert cycle is None, " -> ".join(cycle)


def test_the_walker_sees_a_cycle(tmp_path):
    """The cycle check can fail: two modules importing each other inside functions are found."""
    (tmp_path / "a.py").write_text("def f():\n    from qa.search.b import g\n")
    (tmp_path / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from qa.search.a import f\n")
    known = {"qa.search.a", "qa.search.b"}
    assert imports_of(tmp_path / "a.py", known) == {"qa.search.b"}
    assert imports_of(tmp_path / "b.py", known) == {"qa.search.a"}


def test_every_folder_has_its_job_in_one_line_and_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), f"{init}: one line saying the folder's job"
        assert f"qa/{init.parent.name}/" in readme, f"the README's map lacks qa/{init.parent.name}/"
