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
