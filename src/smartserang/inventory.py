"""Reading an inventory workbook into an ``Inventory``.

This module owns the workbook side of the contract in ``contract``: opening the file
with python-calamine (read only), matching sheets, headers and Profil labels, turning
each raw cell into its column's typed value, and locating every problem as
``file:Sheet!B9``. It collects every problem in the workbook and raises one
``InputError``, errors first and then warnings.

Problem codes: ``inventory.file`` (unreadable file), ``inventory.sheet`` (unknown sheet,
warning), ``inventory.sheet.duplicate``, ``inventory.sheet.empty`` (warning),
``inventory.sheet.none``, ``inventory.sheet.unreadable``, ``inventory.column`` (unknown
header or label, warning), ``inventory.column.duplicate``, ``inventory.column.missing``,
``inventory.cell.missing`` (blank required cell), ``inventory.cell.error`` (``#N/A`` and
the like), ``inventory.duplicate`` (an indicator assessed twice), and one code per
column type: ``inventory.integer``, ``inventory.number``, ``inventory.level``,
``inventory.boolean``, ``inventory.date``, ``inventory.vocab``.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smartserang.cells import BadValue, Raw, as_text, cell_reader
from smartserang.contract import (
    HELPER_SHEETS,
    SHEETS,
    Column,
    Sheet,
    normalise_token,
)
from smartserang.model import CellValue, Inventory, Profile, Register, Row
from smartserang.problems import InputError, Problem, cell_location, column_letter

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook


_SHEET_LOOKUP = {normalise_token(n): s for s in SHEETS for n in (s.name, s.alias)}
_UNIQUE = {"penilaian": "indikator"}
"""Registers where one column's value may appear on one row only."""
_CFB_MAGIC = b"\xd0\xcf\x11\xe0"
"""Start of an OLE file: an old .xls, or an encrypted (password-protected) .xlsx."""


def read_inventory(path: str | os.PathLike[str], *, display: str | None = None) -> Inventory:
    """Read the workbook at ``path``; raise ``InputError`` carrying every problem found.

    ``display`` is how locations name the file (default: ``path`` as given).
    """
    from python_calamine import CalamineWorkbook  # imported here: the CLI starts faster

    source = str(path) if display is None else display
    digest, head = _hash_file(path, source)
    try:
        workbook = CalamineWorkbook.from_path(os.fspath(path))
    except Exception as exc:  # calamine raises its own errors and plain OSError
        raise InputError([Problem(source, _unreadable(exc, head), "inventory.file")]) from exc
    problems = _Problems()
    with workbook, _collector_paused():
        profile, registers = _read_sheets(workbook, source, problems)
    if problems.errors:
        raise InputError([*problems.errors, *problems.warnings])
    return Inventory(source, digest, profile, registers, tuple(problems.warnings))


def _read_sheets(
    workbook: CalamineWorkbook, source: str, problems: _Problems
) -> tuple[Profile, dict[str, Register]]:
    """The Profile and the registers (in contract order, for stable output)."""
    profile = Profile()
    registers: dict[str, Register] = {}
    for sheet, title in _match_sheets(workbook.sheet_names, source, problems):
        place = _Place(source, title)
        try:
            grid = workbook.get_sheet_by_name(title).to_python(skip_empty_area=False)
        except Exception as exc:  # a damaged sheet part; the other sheets still count
            problems.error(place.sheet, f"cannot read sheet: {exc}", "inventory.sheet.unreadable")
            continue
        if sheet.labels:
            profile = _read_profile(sheet, grid, place, problems)
        elif (register := _read_register(sheet, grid, place, problems)) is not None:
            registers[sheet.key] = register
    return profile, {s.key: registers[s.key] for s in SHEETS if s.key in registers}


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector while reading.

    Reading allocates millions of rows, dicts and tuples, none in a cycle; the collector
    would rescan them over and over (measured: half the conversion time at 100k rows).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ------------------------------------------------------------------ file and sheets


@dataclass
class _Problems:
    """Everything found so far, in reading order."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, location: str, message: str, code: str) -> None:
        self.errors.append(Problem(location, message, code))

    def warn(self, location: str, key: str, code: str, **params: str) -> None:
        self.warnings.append(Problem.warning(location, key, code, **params))


@dataclass(frozen=True)
class _Place:
    """One sheet of the file, for locating problems."""

    source: str
    title: str
    """The sheet's name as written in the workbook."""

    @property
    def sheet(self) -> str:
        return f"{self.source}:{self.title}"

    def cell(self, index: int, column: int) -> str:
        """The location of the cell at 0-based grid ``index`` and ``column``."""
        return cell_location(self.source, self.title, index + 1, column)


def _ref(index: int, column: int) -> str:
    """``B9`` for 0-based grid ``index`` and ``column``."""
    return f"{column_letter(column)}{index + 1}"


def _hash_file(path: str | os.PathLike[str], source: str) -> tuple[str, bytes]:
    """The SHA-256 of the file and its first bytes (to explain a failed open)."""
    import hashlib  # here, like calamine: only a read pays for the OpenSSL load

    try:
        with open(path, "rb") as file:
            head = file.read(8)
            file.seek(0)
            return hashlib.file_digest(file, "sha256").hexdigest(), head
    except OSError as exc:
        reason = {
            FileNotFoundError: "file not found",
            IsADirectoryError: "it is a directory",
            PermissionError: "permission denied",
        }.get(type(exc), exc.strerror or str(exc))
        raise InputError(
            [Problem(source, f"cannot read workbook: {reason}", "inventory.file")]
        ) from exc


def _unreadable(exc: Exception, head: bytes) -> str:
    """A reader's explanation of why calamine could not open the file."""
    from python_calamine import CalamineError, PasswordError, XmlError, ZipError

    # An encrypted .xlsx is an OLE file, so calamine sees a broken zip, not a password.
    if isinstance(exc, PasswordError) or (isinstance(exc, ZipError) and head[:4] == _CFB_MAGIC):
        return (
            "cannot read workbook: it is password-protected (or an old .xls renamed);"
            " save an unprotected .xlsx copy"
        )
    if isinstance(exc, XmlError):
        return f"cannot read workbook: the file is damaged ({exc})"
    if isinstance(exc, CalamineError):
        return f"cannot read workbook: not an Excel or OpenDocument workbook, or damaged ({exc})"
    return f"cannot read workbook: {exc}"


def _match_sheets(
    titles: Sequence[str], source: str, problems: _Problems
) -> list[tuple[Sheet, str]]:
    """The contract sheets present, with their titles; warn about the rest."""
    found: dict[str, tuple[Sheet, str]] = {}
    for title in titles:
        sheet = _SHEET_LOOKUP.get(normalise_token(title))
        location = f"{source}:{title}"
        if sheet is None and title.strip().casefold() in HELPER_SHEETS:
            continue  # the template's instructions and drop-down lists
        if sheet is None:
            known = ", ".join(s.name for s in SHEETS)
            message = f"unknown sheet '{title}' ignored (known: {known})"
            problems.warn(
                location, "warn_unknown_sheet", "inventory.sheet", title=title, known=known
            )
        elif sheet.key in found:
            first = found[sheet.key][1]
            message = f"sheet '{title}' is the same register as sheet '{first}'; keep one"
            problems.error(location, message, "inventory.sheet.duplicate")
        else:
            found[sheet.key] = (sheet, title)
    if not found:
        known = ", ".join(s.name for s in SHEETS)
        message = f"no inventory sheet found; expected at least one of {known}"
        problems.error(source, message, "inventory.sheet.none")
    return list(found.values())


def _is_blank(raw: Raw) -> bool:
    return raw == "" or (isinstance(raw, str) and not raw.strip())


def _first_filled(cells: Sequence[Raw]) -> int | None:
    """The index of the first non-blank cell, or None."""
    return next((i for i, raw in enumerate(cells) if not _is_blank(raw)), None)


@functools.cache
def _names(sheet: Sheet) -> dict[str, Column]:
    """Normalised header (or label) spellings of ``sheet`` -> column."""
    return {normalise_token(n): c for c in sheet.columns for n in c.headers()}


def _match_names(
    sheet: Sheet, cells: Iterable[tuple[int, int, Raw]], place: _Place, problems: _Problems
) -> dict[str, tuple[int, int]]:
    """Canonical key -> (row, column) of each header or label cell naming a column."""
    kind = "label" if sheet.labels else "column"
    found: dict[str, tuple[int, int]] = {}
    for index, col, raw in cells:
        if _is_blank(raw):
            continue
        text = as_text(raw).strip()
        column = _names(sheet).get(normalise_token(text))
        if column is None:
            key = "warn_unknown_label" if sheet.labels else "warn_unknown_column"
            problems.warn(place.cell(index, col), key, "inventory.column", text=text)
        elif column.key in found:
            first = _ref(*found[column.key])
            message = f"{kind} '{text}' appears twice (first at {first})"
            problems.error(place.cell(index, col), message, "inventory.column.duplicate")
        else:
            found[column.key] = (index, col)
    return found


# ------------------------------------------------------------------- Profil sheet


def _read_profile(
    sheet: Sheet, grid: list[list[Raw]], place: _Place, problems: _Problems
) -> Profile:
    """The Profil sheet: labels in the first used column, values in the next."""
    used = [col for row in grid if (col := _first_filled(row)) is not None]
    if not used:
        problems.warn(place.sheet, "warn_sheet_empty", "inventory.sheet.empty")
        return Profile()
    label_col = min(used)
    labels = ((index, label_col, row[label_col]) for index, row in enumerate(grid))
    # Any: each converter yields its column's type, and a test pins that Profile's
    # fields are exactly Profil's column keys.
    values: dict[str, Any] = {}
    for key, (index, _) in _match_names(sheet, labels, place, problems).items():
        row, col = grid[index], label_col + 1
        raw = row[col] if col < len(row) else ""
        try:
            values[key] = cell_reader(_column(sheet, key))(raw)
        except BadValue as bad:
            problems.error(place.cell(index, col), bad.message, bad.code)
    return Profile(**values)


# -------------------------------------------------------------------- table sheets


def _read_register(
    sheet: Sheet, grid: list[list[Raw]], place: _Place, problems: _Problems
) -> Register | None:
    """A table sheet: the first non-blank row is the header, data rows follow."""
    header_at = next((i for i, row in enumerate(grid) if _first_filled(row) is not None), None)
    if header_at is None:
        problems.warn(place.sheet, "warn_sheet_empty", "inventory.sheet.empty")
        return None
    header = grid[header_at]
    cells = ((header_at, col, raw) for col, raw in enumerate(header))
    columns = {key: col for key, (_, col) in _match_names(sheet, cells, place, problems).items()}
    first = _first_filled(header) or 0
    for column in sheet.columns:
        if column.required and column.key not in columns:
            message = f"missing required column '{column.name}'"
            problems.error(place.cell(header_at, first), message, "inventory.column.missing")
    by_index = dict(sorted((col, key) for key, col in columns.items()))
    rows = _read_rows(sheet, by_index, grid[header_at + 1 :], header_at + 1, place, problems)
    register = Register(sheet.key, place.title, columns, tuple(rows), sheet.label_column)
    _check_unique(sheet, register, place, problems)
    return register


def _read_rows(
    sheet: Sheet,
    columns: dict[int, str],
    grid: list[list[Raw]],
    offset: int,
    place: _Place,
    problems: _Problems,
) -> list[Row]:
    """The non-blank rows of ``grid`` (whose first row is grid row ``offset``)."""
    # Readers are built once per column: the loop below runs for every cell.
    plan = [(col, key, cell_reader(_column(sheet, key))) for col, key in columns.items()]
    required = [(col, key) for col, key in columns.items() if _column(sheet, key).required]
    rows: list[Row] = []
    for index, cells in enumerate(grid, offset):
        values: dict[str, CellValue] = {}
        failed: list[str] = []  # keys whose cell was reported already
        for col, key, read in plan:
            raw = cells[col]
            if raw == "":
                continue
            try:
                value = read(raw)
            except BadValue as bad:
                problems.error(place.cell(index, col), bad.message, bad.code)
                failed.append(key)
                continue
            if value is not None:
                values[key] = value
        if not values and not failed:
            continue  # a blank row (data in unknown columns only counts as blank)
        for col, key in required:
            if key not in values and key not in failed:
                message = f"{_column(sheet, key).name} is required but blank"
                problems.error(place.cell(index, col), message, "inventory.cell.missing")
        rows.append(Row(sheet.key, index + 1, values))
    return rows


def _column(sheet: Sheet, key: str) -> Column:
    column = sheet.column(key)
    assert column is not None, key  # keys come from matching this sheet's own columns
    return column


def _check_unique(sheet: Sheet, register: Register, place: _Place, problems: _Problems) -> None:
    """Report a second row naming the same indicator (which one would count?)."""
    key = _UNIQUE.get(register.sheet)
    if key is None or key not in register.columns:
        return
    seen: dict[str, int] = {}
    for row in register.rows:
        value = row.get(key)
        if value is None:
            continue
        first = seen.setdefault(str(value).casefold(), row.number)
        if first != row.number:
            location = cell_location(place.source, place.title, row.number, register.columns[key])
            message = f"{_column(sheet, key).name} '{value}' is already given in row {first}"
            problems.error(location, message, "inventory.duplicate")
