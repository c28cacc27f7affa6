"""Shared fixtures: workbooks built in ``tmp_path`` so each test shows its own data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

Sheets = dict[str, list[list[object]]]
"""Sheet title -> rows of cell values from A1 on; ``None`` leaves a cell blank."""


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[[Sheets], Path]:
    """A factory writing ``{title: rows}`` with openpyxl to ``tmp_path/inventory.xlsx``."""

    def make(sheets: Sheets) -> Path:
        from openpyxl import Workbook  # slow import: only tests that build workbooks pay

        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row_number, row in enumerate(rows, 1):
                for column_number, value in enumerate(row, 1):
                    if value is not None:
                        sheet.cell(row_number, column_number, value)
        path = tmp_path / "inventory.xlsx"
        workbook.save(path)
        return path

    return make
