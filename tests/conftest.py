"""Shared fixtures and options: workbooks built in ``tmp_path``; the gold-file switch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builders import write_workbook

Sheets = dict[str, list[list[object]]]
"""Sheet title -> rows of cell values from A1 on; ``None`` leaves a cell blank."""


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-gold`` rewrites the gold files instead of comparing with them."""
    parser.addoption(
        "--update-gold",
        action="store_true",
        default=False,
        help="rewrite tests/gold/* from the current output instead of comparing",
    )


@pytest.fixture
def update_gold(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites gold files."""
    return bool(request.config.getoption("--update-gold"))


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[[Sheets], Path]:
    """A factory writing ``{title: rows}`` with openpyxl to ``tmp_path/inventory.xlsx``."""

    def make(sheets: Sheets) -> Path:
        return write_workbook(tmp_path / "inventory.xlsx", sheets)

    return make
