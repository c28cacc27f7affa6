"""The package's layout keeps its rules: only the CLI imports typer and rich, nothing
imports the CLI, no command imports another, every package names its modules, and
importing the CLI (as ``--help`` does) loads no heavy library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "smartserang"
CLI = PACKAGE / "cli"
COMMANDS = {"score", "check", "diff", "importer", "template"}
"""The modules of ``cli`` that register commands."""


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def name_of(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def test_only_the_cli_imports_typer_or_rich_and_nothing_imports_the_cli() -> None:
    """typer and rich stay in ``cli``; no module outside it imports it."""
    found = []
    for path in modules():
        if path.is_relative_to(CLI) or path.name == "__main__.py":
            continue
        for name in imported(path):
            root = name.split(".")[0]
            if root in {"typer", "rich", "click"} or name.startswith("smartserang.cli"):
                found.append(f"{name_of(path)} imports {name}")
    assert found == []


def test_no_command_imports_another_commands_module() -> None:
    """Commands share the pipeline in ``session``, never each other's modules."""
    found = []
    for path in sorted(CLI.glob("*.py")):
        if path.name == "__init__.py":
            continue
        for name in imported(path):
            parts = name.split(".")
            if parts[:2] == ["smartserang", "cli"] and len(parts) > 2 and parts[2] in COMMANDS:
                found.append(f"{name_of(path)} imports {name}")
    assert found == []


@pytest.mark.parametrize(
    "package", sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE)
)
def test_every_package_names_its_modules(package: Path) -> None:
    """Each package's docstring names every module and subpackage in it."""
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    names = [p.stem for p in package.glob("*.py") if p.name != "__init__.py"]
    names += [p.name for p in package.iterdir() if (p / "__init__.py").exists()]
    missing = [name for name in sorted(names) if f"``{name}``" not in (doc or "")]
    assert missing == []


def test_importing_the_cli_loads_no_heavy_library() -> None:
    """``smartserang --help`` pays for typer only: the pipeline's libraries load on demand."""
    heavy = ("jinja2", "openpyxl", "python_calamine", "yaml", "rich")
    code = (
        "import sys, smartserang.cli\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_no_module_is_over_600_lines() -> None:
    """Each module does one thing; one that grows past 600 lines is split by what it does."""
    sizes = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: lines for name, lines in sizes.items() if lines > 600} == {}
    assert len(sizes) > 100  # the package was found


def test_no_import_circle() -> None:
    """No module imports one that imports it back, directly or through others, anywhere
    (at its top, inside a function, for type checking alone): each stage can be read,
    and tested, before the ones that use it."""
    top: dict[str, set[str]] = {}
    names = {name_of(path).removesuffix(".__init__") for path in modules()}
    for path in modules():
        name = name_of(path).removesuffix(".__init__")
        found: set[str] = set()
        for statement in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(statement, ast.ImportFrom) and statement.module and not statement.level:
                for alias in statement.names:  # a submodule, else a name of the module
                    submodule = f"{statement.module}.{alias.name}"
                    found.add(submodule if submodule in names else statement.module)
            elif isinstance(statement, ast.Import):
                found.update(alias.name for alias in statement.names)
        top[name] = found
    graph = {m: {d for d in deps if d in top and d != m} for m, deps in top.items()}
    circles = []
    for start in graph:  # a walk from each module back to itself
        seen: set[str] = set()
        stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    circles.append(" -> ".join((*trail, start)))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, (*trail, nxt)))
    assert circles == []
    assert sum(map(len, graph.values())) > 100  # the imports were found
