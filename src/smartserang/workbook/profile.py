"""The Profil sheet: labels in one column, each value in the cell to the right.

The label column is the one naming the most of Profil's labels (so a numbering column
before it, "No | Uraian | Isian", is read past), else the first used one. Rows above the
first label holding one text only are the sheet's title, read past with a note.
"""

from __future__ import annotations

from typing import Any

from smartserang.model import Profile
from smartserang.workbook.cells import BadValue, Raw, as_text, cell_reader, error_value
from smartserang.workbook.contract import Sheet
from smartserang.workbook.headers import (
    column_of,
    first_filled,
    is_blank,
    match_names,
    name_of,
    report_unknown,
)
from smartserang.workbook.located import Found, Place

_LOOK = 3
"""How many used columns, from the first, may hold Profil's labels."""


def read_profile(sheet: Sheet, grid: list[list[Raw]], place: Place, problems: Found) -> Profile:
    """The Profil sheet: labels in the label column, values in the next."""
    used = sorted({col for row in grid for col, raw in enumerate(row) if not is_blank(raw)})
    if not used:
        problems.warn(place.sheet, "warn_sheet_empty", "inventory.sheet.empty")
        return Profile()
    label_col = max(used[:_LOOK], key=lambda col: (_labels_in(sheet, grid, col), -col))
    labels = ((index, label_col, row[label_col]) for index, row in enumerate(grid))
    names = match_names(sheet, labels, place, problems)
    first = min((index for index, _ in names.found.values()), default=len(grid))
    titles = [
        u for u in names.unknown if u.index < first and u.like is None and _one_text(grid[u.index])
    ]
    if titles:
        rows = ", ".join(str(u.index + 1) for u in titles)
        at = place.cell(titles[0].index, titles[0].col)
        problems.note(at, "note_profile_titles", "inventory.table", rows=rows)
    unknown = [u for u in names.unknown if u not in titles]
    report_unknown(sheet, unknown, names.found, place, problems)
    # Any: each converter yields its column's type, and a test pins that Profile's
    # fields are exactly Profil's column keys.
    values: dict[str, Any] = {}
    for key, (index, _) in names.found.items():
        row, col = grid[index], label_col + 1
        raw = row[col] if col < len(row) else ""
        if raw == "" and (shown := place.errors.get((index, col))) is not None:
            problems.errors.append(error_value(shown).problem(place.cell(index, col)))
            continue
        try:
            values[key] = cell_reader(column_of(sheet, key), place.limits.string_length)(raw)
        except BadValue as bad:
            problems.errors.append(bad.problem(place.cell(index, col)))
    return Profile(**values)


def _labels_in(sheet: Sheet, grid: list[list[Raw]], col: int) -> int:
    """How many of the column's cells name a label of Profil."""
    return sum(
        1
        for row in grid
        if col < len(row) and not is_blank(row[col]) and name_of(sheet, as_text(row[col]))
    )


def _one_text(row: list[Raw]) -> bool:
    """Whether the row holds one text only (a title)."""
    filled = [raw for raw in row if not is_blank(raw)]
    return len(filled) == 1 and isinstance(filled[0], str) and first_filled(row) is not None
