"""Literal-data builders for tests: inventories and sets written inline, visible in the test."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from smartserang.contract import SHEETS_BY_KEY
from smartserang.indicators import parse_indicator_set
from smartserang.model import CellValue, IndicatorSet, Inventory, Profile, Register, Row


def register(sheet: str, rows: list[Mapping[str, CellValue]]) -> Register:
    """A register of ``sheet`` holding ``rows`` (row numbers from 2, as under a header)."""
    spec = SHEETS_BY_KEY[sheet]
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    for column in spec.columns:
        if column.required and column.key not in keys:
            keys.append(column.key)
    columns = {key: index for index, key in enumerate(keys)}
    return Register(
        sheet=sheet,
        title=spec.name,
        columns=columns,
        rows=tuple(Row(sheet, number, dict(values)) for number, values in enumerate(rows, 2)),
        label_column=spec.label_column,
    )


def inventory(
    registers: Mapping[str, list[Mapping[str, CellValue]]] | None = None,
    profile: Profile | None = None,
    source: str = "test.xlsx",
) -> Inventory:
    """An inventory made of literal registers."""
    return Inventory(
        source=source,
        sha256="0" * 64,
        profile=profile or Profile(),
        registers={key: register(key, rows) for key, rows in (registers or {}).items()},
    )


def claims(levels: Mapping[str, int | None]) -> list[Mapping[str, CellValue]]:
    """Penilaian rows claiming ``levels`` by indicator id."""
    return [{"indikator": key, "tingkat": level} for key, level in levels.items()]


def spbe_set() -> IndicatorSet:
    """The shipped SPBE set."""
    from smartserang.indicators import load_indicator_set

    return load_indicator_set("spbe-2020")


def yaml_set(text: str, display: str = "set.yaml") -> IndicatorSet:
    """A set parsed from literal YAML text."""
    return parse_indicator_set(text.encode("utf-8"), display)


def jsonish(value: Any) -> Any:
    """Identity, typed as Any: for indexing parsed JSON in tests."""
    return value


def write_workbook(path: Path, sheets: Mapping[str, list[list[Any]]]) -> Path:
    """Write ``sheets`` (name -> rows of cell values, header first) as an .xlsx file."""
    from openpyxl import Workbook

    book = Workbook()
    default = book.active
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    if default is not None:
        book.remove(default)
    book.save(path)
    return path
