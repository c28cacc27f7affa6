"""Appending the rows to a copy of the workbook, and the checked, atomic write.

``append_rows`` works on the workbook's bytes with openpyxl, finding the sheet, header
and last row as the reader does; text goes in as string cells, never as formulas.
``write_checked`` puts the result in place only after it reads back with the expected
rows, via a temporary file renamed over the target, with an optional backup first.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartserang.author.csvimport.values import Stored
from smartserang.author.safe_text import FORMULA_TRIGGERS
from smartserang.problems import InputError, Problem
from smartserang.workbook.cells import as_text
from smartserang.workbook.contract import Sheet, normalise_token
from smartserang.workbook.limits import DEFAULTS, Limits


@dataclass(frozen=True)
class Appended:
    """The workbook with the new rows, and where they went."""

    data: bytes
    title: str
    """The sheet's name in the workbook."""
    first_row: int
    last_row: int
    added_columns: tuple[str, ...]
    """Header cells written because the sheet lacked the column (or the sheet itself)."""
    created: bool
    """The workbook had no such sheet: it was added with the contract's header."""


@dataclass
class _Layout:
    """Where a worksheet's header and data are (1-based rows and columns)."""

    header_row: int
    columns: dict[str, int]
    """Column key -> column number of its header cell."""
    last_row: int
    """The last row holding any value (the header row when there is no data)."""
    last_column: int


def append_rows(data: bytes, sheet: Sheet, rows: Sequence[Mapping[str, Stored]]) -> Appended:
    """The .xlsx ``data`` with ``rows`` appended below the last filled row of ``sheet``."""
    from openpyxl import load_workbook

    # data_only: the reader sees formulas' saved values, and so does the copy; openpyxl
    # computes nothing, so a kept formula would read back blank.
    book = load_workbook(io.BytesIO(data), data_only=True)
    worksheet, created = _worksheet(book, sheet)
    layout = _layout(worksheet, sheet)
    added = _add_columns(worksheet, sheet, layout, rows)
    first = layout.last_row + 1
    for number, values in enumerate(rows, first):
        for key, value in values.items():
            _put(worksheet.cell(number, layout.columns[key]), value)
    buffer = io.BytesIO()
    book.save(buffer)
    last = first + len(rows) - 1
    return Appended(buffer.getvalue(), worksheet.title, first, last, added, created)


def _worksheet(book: Any, sheet: Sheet) -> tuple[Any, bool]:
    """The worksheet the reader takes for ``sheet`` (a new one when there is none), and
    whether it is new."""
    names = {normalise_token(sheet.name), normalise_token(sheet.alias)}
    for worksheet in book.worksheets:
        if normalise_token(worksheet.title) in names:
            return worksheet, False
    return book.create_sheet(sheet.name), True


def _layout(worksheet: Any, sheet: Sheet) -> _Layout:
    """Header and extent, found as the reader finds them (first non-blank row = header)."""
    names = {normalise_token(h): c.key for c in sheet.columns for h in c.headers()}
    layout = _Layout(0, {}, 0, 0)
    for number, values in enumerate(worksheet.iter_rows(values_only=True), 1):
        filled = [col for col, value in enumerate(values, 1) if not _blank(value)]
        if not filled:
            continue
        layout.last_row = number
        layout.last_column = max(layout.last_column, filled[-1])
        if layout.header_row == 0:
            layout.header_row = number
            for col in filled:
                key = names.get(normalise_token(as_text(values[col - 1])))
                if key is not None:
                    layout.columns.setdefault(key, col)
    return layout


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _add_columns(
    worksheet: Any, sheet: Sheet, layout: _Layout, rows: Sequence[Mapping[str, Stored]]
) -> tuple[str, ...]:
    """Write header cells for the columns the rows fill and the sheet lacks.

    An empty sheet gets the whole contract header, so it reads as a complete register.
    """
    from copy import copy

    if layout.header_row == 0:
        layout.header_row = layout.last_row = 1
        wanted = [column.key for column in sheet.columns]
    else:
        wanted = list(dict.fromkeys(key for values in rows for key in values))
    model = worksheet.cell(layout.header_row, max(layout.columns.values(), default=1))
    added: list[str] = []
    for key in wanted:
        if key in layout.columns:
            continue
        layout.last_column += 1
        column = sheet.column(key)
        assert column is not None, key  # keys come from this sheet's plan
        cell = worksheet.cell(layout.header_row, layout.last_column)
        _put(cell, column.name)
        cell.font, cell.fill, cell.border = copy(model.font), copy(model.fill), copy(model.border)
        layout.columns[key] = layout.last_column
        added.append(column.name)
    return tuple(added)


def _put(cell: Any, value: Stored) -> None:
    """Write ``value``; text always as a string cell, never as a formula."""
    cell.value = value
    if isinstance(value, str):
        # openpyxl types text starting with "=" as a formula (and "#N/A" as an error): a
        # CSV from the web must not put a live =HYPERLINK or =WEBSERVICE in the workbook.
        # Typing the cell as a string neutralises it and keeps the text exact, which
        # spreadsheet.safe_text's apostrophe would not: every Koordinat south of the
        # equator starts with "-". The quote prefix keeps Excel from re-reading the text
        # as a formula when someone edits the cell.
        cell.data_type = "s"
        if value.lstrip(" ").startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True


# ------------------------------------------------------------------ writing


def write_checked(
    target: Path,
    data: bytes,
    sheet: Sheet,
    expected_rows: int,
    *,
    backup: Path | None = None,
    original_sha256: str | None = None,
    limits: Limits = DEFAULTS,
) -> None:
    """Put ``data`` at ``target`` once it reads back without errors and with
    ``expected_rows`` rows in ``sheet``; otherwise raise ``InputError``, ``target`` untouched.

    With ``backup``, ``target``'s bytes (which must still hash to ``original_sha256``) are
    first copied there; an existing backup is never overwritten. ``limits`` bound the
    read-back as they bound the first read.
    """
    temporary = _temporary_beside(target)
    try:
        temporary.write_bytes(data)
        _fsync(temporary)
        _verify(temporary, str(target), sheet, expected_rows, limits)
        if backup is not None:
            _back_up(target, backup, original_sha256)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _temporary_beside(target: Path) -> Path:
    """A new file in ``target``'s folder (so the final rename is atomic), ``target``'s mode."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    # mkstemp makes the file private (0600): give the result the mode the user expects.
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(name, mode)
    return Path(name)


def _fsync(path: Path) -> None:
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def _verify(path: Path, display: str, sheet: Sheet, expected_rows: int, limits: Limits) -> None:
    """Raise ``InputError`` unless the workbook at ``path`` reads as the import intends."""
    from smartserang.workbook.reader import read_inventory

    inventory = read_inventory(path, display=display, limits=limits)  # raises with every problem
    register = inventory.register(sheet.key)
    count = 0 if register is None else len(register.rows)
    if count != expected_rows:
        message = (
            f"the written workbook reads {count} of the {expected_rows} rows expected in"
            f" {sheet.name} (formulas without saved values? open and save it in Excel)"
        )
        raise InputError([Problem(display, message, "import.verify")])


def _back_up(target: Path, backup: Path, original_sha256: str | None) -> None:
    """Copy ``target`` to ``backup``, unless it changed since it was read or a backup exists."""
    current = target.read_bytes()
    if original_sha256 is not None and sha256(current) != original_sha256:
        message = "the workbook changed while importing (saved in Excel?); run the import again"
        raise InputError([Problem(str(target), message, "import.verify")])
    try:
        with backup.open("xb") as stream:  # "x": an earlier backup is never overwritten
            stream.write(current)
            stream.flush()
            os.fsync(stream.fileno())
    except FileExistsError:
        message = "a backup already exists; move it away first"
        raise InputError([Problem(str(backup), message, "import.backup")]) from None


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()
