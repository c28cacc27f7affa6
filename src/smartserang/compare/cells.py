"""Cell values of a diff in the contract's words: a column's header, a value as the
workbook shows it (``3`` of Tingkat Layanan as ``transaksi``), as JSON and back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal
from typing import Any

from smartserang.compare.registers import CellChange
from smartserang.compare.words import text_for
from smartserang.i18n import format_date, format_decimal
from smartserang.model import CellValue
from smartserang.workbook.contract import SHEETS_BY_KEY, VOCABULARIES, ColumnType

BLANK = "–"
"""Shown for a blank value."""
ARROW = " → "
"""Between an old and a new value."""


def cells_text(cells: tuple[CellChange, ...], sheet: str, lang: str) -> str:
    """``Tingkat Layanan: transaksi → kolaborasi; Status: aktif → tidak aktif``."""
    return "; ".join(
        f"{column_name(sheet, c.column, lang)}: {value_change(c, sheet, lang)}" for c in cells
    )


def value_change(cell: CellChange, sheet: str, lang: str) -> str:
    old = format_value(sheet, cell.column, cell.old, lang)
    return old + ARROW + format_value(sheet, cell.column, cell.new, lang)


def column_name(sheet: str, column: str, lang: str) -> str:
    """The column's header in the contract: Indonesian, or the English alias in English."""
    spec = SHEETS_BY_KEY[sheet].column(column)
    if spec is None:
        return column
    return spec.alias if lang == "en" else spec.name


def format_value(sheet: str, column: str, value: CellValue, lang: str) -> str:
    """A cell value as a reader would write it in the workbook."""
    if value is None or value in ("", ()):
        return BLANK
    if isinstance(value, bool):
        return text_for(lang)["yes" if value else "no"]
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, int):
        return _term(sheet, column, value) or str(value)
    if isinstance(value, float):
        return format_decimal(Decimal(repr(value)).normalize(), lang)
    return value


def _term(sheet: str, column: str, rank: int) -> str | None:
    """The term of an ordinal vocabulary (Tingkat Layanan 3 → transaksi)."""
    spec = SHEETS_BY_KEY[sheet].column(column)
    vocabulary = VOCABULARIES.get(spec.vocabulary or "") if spec is not None else None
    if vocabulary is None or not vocabulary.ordinal:
        return None
    return next((t.value for t in vocabulary.terms if t.rank == rank), None)


def json_value(sheet: str, column: str, value: CellValue) -> Any:
    """A cell value for JSON: dates as ISO text, lists as arrays, ordinal ranks as terms."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return _term(sheet, column, value) or value
    return value


def cell_value(sheet: str, column: str, data: Any) -> CellValue:
    """A value written by `json_value` read back as the workbook reader types it: ISO
    text of a date column as a date, an ordinal term as its rank, a list as a tuple."""
    if data is None or isinstance(data, bool | int):
        return data
    if isinstance(data, Decimal | float):
        return float(data)
    if isinstance(data, list):
        return tuple(str(item) for item in data)
    text = str(data)
    spec = SHEETS_BY_KEY[sheet].column(column) if sheet in SHEETS_BY_KEY else None
    if spec is not None and spec.type is ColumnType.DATE:
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(text)
    vocabulary = VOCABULARIES.get(spec.vocabulary or "") if spec is not None else None
    if vocabulary is not None and vocabulary.ordinal:
        rank = next((t.rank for t in vocabulary.terms if t.value == text), None)
        if rank is not None:
            return rank
    return text
