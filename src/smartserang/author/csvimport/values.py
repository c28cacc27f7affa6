"""One typed value in the form written into a workbook cell.

The form is the one the workbook reader reads back as the same value (``ya``/``tidak``
for booleans, a vocabulary term for an ordinal rank…); text a cell cannot hold (control
characters, more than 32,767 characters) is refused with ``import.value``.
"""

from __future__ import annotations

import datetime as dt
import re

from smartserang.i18n import Count
from smartserang.model import CellValue
from smartserang.workbook.cells import BadValue
from smartserang.workbook.contract import VOCABULARIES, Column, ColumnType

Stored = str | int | float | dt.date
"""A value as written into a workbook cell."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters the .xlsx format cannot store in a cell (openpyxl refuses them)."""
_CELL_LIMIT = 32_767


def as_stored(column: Column, value: CellValue) -> Stored | None:
    """A typed value as written back into a cell: the form the reader reads as ``value``."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "ya" if value else "tidak"
    elif isinstance(value, tuple):
        text = ", ".join(value)
    elif column.type is ColumnType.VOCAB and isinstance(value, int):
        text = _ranked(column, value)  # an ordinal vocabulary reads as the term's rank
    elif isinstance(value, str):
        text = value
    else:
        return value
    return _cell_text(column, text)


def _ranked(column: Column, rank: int) -> str:
    assert column.vocabulary is not None, column.key  # VOCAB columns name one
    return next(t.value for t in VOCABULARIES[column.vocabulary].terms if t.rank == rank)


def _cell_text(column: Column, text: str) -> str:
    """``text``, checked to fit a cell."""
    control = _CONTROL.search(text)
    if control is not None:
        code = f"U+{ord(control.group()):04X}"
        raise BadValue.worded(
            "import_control_character", "import.value", column=column.name, character=code
        )
    if len(text) > _CELL_LIMIT:
        raise BadValue.worded(
            "import_cell_too_long", "import.value",
            column=column.name, length=Count(len(text)), limit=Count(_CELL_LIMIT),
        )  # fmt: skip
    return text
