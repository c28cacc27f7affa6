"""The Profil sheet: labels in its first used column, each value in the cell to the right."""

from __future__ import annotations

from typing import Any

from smartserang.model import Profile
from smartserang.workbook.cells import BadValue, Raw, cell_reader, error_value
from smartserang.workbook.contract import Sheet
from smartserang.workbook.headers import column_of, first_filled, match_names
from smartserang.workbook.located import Found, Place


def read_profile(sheet: Sheet, grid: list[list[Raw]], place: Place, problems: Found) -> Profile:
    """The Profil sheet: labels in the first used column, values in the next."""
    used = [col for row in grid if (col := first_filled(row)) is not None]
    if not used:
        problems.warn(place.sheet, "warn_sheet_empty", "inventory.sheet.empty")
        return Profile()
    label_col = min(used)
    labels = ((index, label_col, row[label_col]) for index, row in enumerate(grid))
    # Any: each converter yields its column's type, and a test pins that Profile's
    # fields are exactly Profil's column keys.
    values: dict[str, Any] = {}
    for key, (index, _) in match_names(sheet, labels, place, problems).items():
        row, col = grid[index], label_col + 1
        raw = row[col] if col < len(row) else ""
        if raw == "" and (shown := place.errors.get((index, col))) is not None:
            problems.error(
                place.cell(index, col), error_value(shown).message, "inventory.cell.error"
            )
            continue
        try:
            values[key] = cell_reader(column_of(sheet, key), place.limits.string_length)(raw)
        except BadValue as bad:
            problems.error(place.cell(index, col), bad.message, bad.code)
    return Profile(**values)
