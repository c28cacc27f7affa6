"""Reading an inventory workbook into an ``Inventory``.

This module owns the workbook side of the contract in ``contract``: opening the file
with python-calamine (read only), matching sheets, headers and Profil labels, turning
each raw cell into its column's typed value, and locating every problem as
``file:Sheet!B9``. It collects every problem in the workbook and raises one
``InputError``, errors first and then warnings.

Before python-calamine reads anything, the file is checked against the ``Limits`` (its
size; for a zip, the central directory and every XML part, see ``prescan``); each
worksheet part of an .xlsx is scanned, in a background thread while calamine reads the
sheets before it, for its filled area and its error cells.

Problem codes: ``inventory.file`` (unreadable file), ``inventory.limit`` (a limit
passed), ``inventory.sheet`` (unknown sheet,
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
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smartserang.cells import (
    BadValue,
    Raw,
    as_text,
    cell_reader,
    error_value,
    memo_reader,
    too_long,
)
from smartserang.contract import (
    HELPER_SHEETS,
    SHEETS,
    Column,
    Sheet,
    normalise_token,
)
from smartserang.limits import DEFAULTS, Limits, breach
from smartserang.model import CellValue, Inventory, Profile, Register, Row
from smartserang.problems import InputError, Problem, cell_location, column_letter

if TYPE_CHECKING:
    from concurrent.futures import Future

    from python_calamine import CalamineSheet, CalamineWorkbook

    from smartserang.prescan import Package, SheetScan


_SHEET_LOOKUP = {normalise_token(n): s for s in SHEETS for n in (s.name, s.alias)}
_UNIQUE = {"penilaian": "indikator"}
"""Registers where one column's value may appear on one row only."""
_UNSEEN: Any = object()
"""A text no memo holds yet."""
_CFB_MAGIC = b"\xd0\xcf\x11\xe0"
"""Start of an OLE file: an old .xls, or an encrypted (password-protected) .xlsx."""


def read_inventory(
    path: str | os.PathLike[str], *, display: str | None = None, limits: Limits = DEFAULTS
) -> Inventory:
    """Read the workbook at ``path``; raise ``InputError`` carrying every problem found.

    ``display`` is how locations name the file (default: ``path`` as given); ``limits``
    bound what the file may hold (see ``smartserang.limits``).
    """
    from python_calamine import CalamineWorkbook  # imported here: the CLI starts faster

    source = str(path) if display is None else display
    digest, head = _hash_file(path, source, limits)
    package = None
    if head[:2] == b"PK":  # a zip: .xlsx, .xlsm, .xlsb, .ods
        from smartserang.prescan import open_package

        package = open_package(os.fspath(path), source, limits)
        _check_tables(package, source, limits)
    problems = _Problems()
    with _Scanner(package, limits) as scanner:
        # The scans start before calamine opens the file (its shared strings can take a
        # while), the contract's sheets first, smallest part first.
        known = [t for t in scanner.titles() if _SHEET_LOOKUP.get(normalise_token(t))]
        scanner.start(sorted(known, key=scanner.size))
        try:
            workbook = CalamineWorkbook.from_path(os.fspath(path))
        except Exception as exc:  # calamine raises its own errors and plain OSError
            problem = Problem(source, _unreadable(exc, head), "inventory.file")
            raise InputError([problem]) from exc
        with workbook, _collector_paused():
            profile, registers = _read_sheets(workbook, source, problems, scanner)
    if problems.errors:
        raise InputError([*problems.errors, *problems.warnings])
    return Inventory(source, digest, profile, registers, tuple(problems.warnings))


def _check_tables(package: Package, source: str, limits: Limits) -> None:
    """Refuse an OpenDocument spreadsheet holding a table past the rows or cells limit:
    calamine lays out every table of the file as it opens it."""
    problems = _Problems()
    for title, scan in (package.tables or {}).items():
        _too_large(scan.rows, scan.columns, _Place(source, title, limits), problems)
    if problems.errors:
        raise InputError(problems.errors)


def _read_sheets(
    workbook: CalamineWorkbook, source: str, problems: _Problems, scanner: _Scanner
) -> tuple[Profile, dict[str, Register]]:
    """The Profile and the registers (in contract order, for stable output).

    Sheets are read smallest part first, so that the scan of each large part runs while
    calamine reads the one before it; their problems are reported in workbook order.
    """
    profile = Profile()
    registers: dict[str, Register] = {}
    matched = _match_sheets(workbook.sheet_names, source, problems)
    order = sorted(matched, key=lambda pair: scanner.size(pair[1]))
    scanner.start([title for _, title in order])
    found: dict[str, _Problems] = {}
    for sheet, title in order:
        found[title] = sheet_problems = _Problems()
        place = _Place(source, title, scanner.limits)
        grid, scan = _read_grid(workbook, place, scanner, sheet_problems)
        if grid is None:
            continue
        place = _Place(source, title, scanner.limits, scan.errors if scan else {})
        if sheet.labels:
            profile = _read_profile(sheet, list(grid), place, sheet_problems)
        elif (register := _read_register(sheet, grid, place, sheet_problems)) is not None:
            registers[sheet.key] = register
        del grid  # the sheet's cells, held by calamine until the sheet is let go
    for _, title in matched:
        problems.errors.extend(found[title].errors)
        problems.warnings.extend(found[title].warnings)
    return profile, {s.key: registers[s.key] for s in SHEETS if s.key in registers}


def _read_grid(
    workbook: CalamineWorkbook, place: _Place, scanner: _Scanner, problems: _Problems
) -> tuple[Iterator[list[Raw]] | None, SheetScan | None]:
    """The sheet's rows from row 1, each from column A, or None after reporting why it
    cannot be read. The rows are made one at a time, as they are read."""
    scan = scanner.result(place.title)
    unreadable = "inventory.sheet.unreadable"
    if scan is None and scanner.unscanned(place.title):
        message = "cannot read sheet: the workbook does not say which of its parts holds it"
        problems.error(place.sheet, f"{message}; save it again", unreadable)
        return None, scan
    if scan is not None and scan.damage is not None:
        problems.error(place.sheet, f"cannot read sheet: {scan.damage}", unreadable)
        return None, scan
    if scan is not None and _too_large(scan.rows, scan.columns, place, problems, scan.partial):
        return None, scan
    try:
        sheet = workbook.get_sheet_by_name(place.title)
        end = sheet.end  # the exact area, for the formats the scan does not see into
        if end is not None and _too_large(end[0] + 1, end[1] + 1, place, problems):
            return None, scan
        return _rows(sheet), scan
    except Exception as exc:  # a damaged sheet part; the other sheets still count
        problems.error(place.sheet, f"cannot read sheet: {exc}", unreadable)
        return None, scan


def _rows(sheet: CalamineSheet) -> Iterator[list[Raw]]:
    """The sheet's rows from row 1, each from column A.

    python-calamine's ``iter_rows`` gives the rows from row 1 but each row from the
    first filled column on; the blank columns before it are put back.
    """
    rows: Iterator[list[Raw]] = sheet.iter_rows()
    start = sheet.start
    if start is None or start[1] == 0:
        return rows
    blank: list[Raw] = [""] * start[1]
    return (blank + row for row in rows)


def _too_large(
    rows: int, columns: int, place: _Place, problems: _Problems, at_least: bool = False
) -> bool:
    """Report a sheet whose filled area passes the rows or cells limit (``at_least``:
    the area is larger than the reading counted before it stopped)."""
    limits = place.limits
    if rows > limits.rows:
        what = "the sheet's filled area"
        problem = breach(place.sheet, what, "rows", rows, limits.rows, at_least=at_least)
        problems.errors.append(problem)
    elif rows * columns > limits.cells:
        area = f"{rows:,} rows by {columns:,} columns"
        what = f"the sheet's filled area ({'at least ' if at_least else ''}{area})"
        actual = rows * columns
        problems.errors.append(
            breach(place.sheet, what, "cells", actual, limits.cells, at_least=at_least)
        )
    else:
        return False
    return True


class _Scanner:
    """The scans of the sheets' parts, made in a background thread in reading order.

    Scanning is byte searching and unpacking, and calamine reads a sheet with the GIL
    released, so the scan of the next sheet costs no wall time while calamine reads.
    """

    def __init__(self, package: Package | None, limits: Limits) -> None:
        self.package = package
        self.limits = limits
        self._futures: dict[str, Future[SheetScan]] = {}
        self._executor: Any = None
        self._stop = threading.Event()

    def __enter__(self) -> _Scanner:
        return self

    def __exit__(self, *_: object) -> None:
        if self._executor is not None:
            self._stop.set()  # a scan no one will wait for ends at its next piece
            self._executor.shutdown(wait=True, cancel_futures=True)

    def size(self, title: str) -> int:
        return 0 if self.package is None else self.package.part_size(title)

    def unscanned(self, title: str) -> bool:
        """Whether ``title`` is a sheet of an .xlsx or .ods that the scan did not find,
        so that calamine must not read it unscanned."""
        package = self.package
        if package is None:
            return False
        if package.tables is not None:
            return title not in package.tables
        return package.xlsx and title not in package.sheet_parts

    def titles(self) -> list[str]:
        """The titles of the sheets whose parts can be scanned."""
        return [] if self.package is None else list(self.package.sheet_parts)

    def start(self, titles: list[str]) -> None:
        """Begin scanning the parts of ``titles`` not begun yet, in this order."""
        package = self.package
        titles = [t for t in titles if t not in self._futures]
        if package is None or not any(t in package.sheet_parts for t in titles):
            return
        from concurrent.futures import ThreadPoolExecutor

        from smartserang.prescan import scan_sheet

        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scan")
        for title in titles:
            if title in package.sheet_parts:
                part = package.sheet_parts[title]
                future = self._executor.submit(
                    scan_sheet, package.path, part, self.limits, self._stop
                )
                self._futures[title] = future

    def result(self, title: str) -> SheetScan | None:
        """The scan of ``title``'s part (waiting for it), or None when it has none."""
        if self.package is not None and self.package.tables is not None:
            return self.package.tables.get(title)
        future = self._futures.get(title)
        return None if future is None else future.result()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector while reading.

    Reading allocates millions of rows, dicts and tuples, none in a cycle; the collector
    would rescan them over and over (measured: half the conversion time at 100k rows).
    Once resumed, it would still scan them all once, as the youngest objects (a quarter
    of a second at 100k rows): they are moved to the oldest generation instead, by
    freezing and unfreezing every object, unless objects were frozen before (then the
    new ones stay frozen with them).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        frozen_before = gc.get_freeze_count()
        gc.freeze()
        if not frozen_before:
            gc.unfreeze()
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
    """One sheet of the file, for locating problems, with what the reader must know of it."""

    source: str
    title: str
    """The sheet's name as written in the workbook."""
    limits: Limits
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    """(0-based row, column) -> the error a cell shows (python-calamine reads it as blank)."""

    @property
    def sheet(self) -> str:
        return f"{self.source}:{self.title}"

    def cell(self, index: int, column: int) -> str:
        """The location of the cell at 0-based grid ``index`` and ``column``."""
        return cell_location(self.source, self.title, index + 1, column)


def _ref(index: int, column: int) -> str:
    """``B9`` for 0-based grid ``index`` and ``column``."""
    return f"{column_letter(column)}{index + 1}"


def _hash_file(path: str | os.PathLike[str], source: str, limits: Limits) -> tuple[str, bytes]:
    """The SHA-256 of the file and its first bytes (to explain a failed open)."""
    import hashlib  # here, like calamine: only a read pays for the OpenSSL load

    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > limits.file_size:
                what = "the file's size"
                raise InputError([breach(source, what, "file_size", size, limits.file_size)])
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


def _bad_cell(raw: Raw, index: int, col: int, place: _Place) -> BadValue | None:
    """The problem of a header or label cell: an error shown, or text past the limit."""
    if raw == "" and (shown := place.errors.get((index, col))) is not None:
        return error_value(shown)
    if isinstance(raw, str) and len(raw) > place.limits.string_length:
        return too_long(raw, place.limits.string_length)
    return None


def _match_names(
    sheet: Sheet, cells: Iterable[tuple[int, int, Raw]], place: _Place, problems: _Problems
) -> dict[str, tuple[int, int]]:
    """Canonical key -> (row, column) of each header or label cell naming a column."""
    kind = "label" if sheet.labels else "column"
    found: dict[str, tuple[int, int]] = {}
    for index, col, raw in cells:
        bad = _bad_cell(raw, index, col, place)
        if bad is not None:
            problems.error(place.cell(index, col), bad.message, bad.code)
            continue
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
        if raw == "" and (shown := place.errors.get((index, col))) is not None:
            problems.error(
                place.cell(index, col), error_value(shown).message, "inventory.cell.error"
            )
            continue
        try:
            values[key] = cell_reader(_column(sheet, key), place.limits.string_length)(raw)
        except BadValue as bad:
            problems.error(place.cell(index, col), bad.message, bad.code)
    return Profile(**values)


# -------------------------------------------------------------------- table sheets


def _read_register(
    sheet: Sheet, grid: Iterable[list[Raw]], place: _Place, problems: _Problems
) -> Register | None:
    """A table sheet: the first non-blank row is the header, data rows follow."""
    numbered = enumerate(grid)
    found = next(((i, row) for i, row in numbered if _first_filled(row) is not None), None)
    if found is None:
        problems.warn(place.sheet, "warn_sheet_empty", "inventory.sheet.empty")
        return None
    header_at, header = found
    cells = ((header_at, col, raw) for col, raw in enumerate(header))
    columns = {key: col for key, (_, col) in _match_names(sheet, cells, place, problems).items()}
    first = _first_filled(header) or 0
    for column in sheet.columns:
        if column.required and column.key not in columns:
            message = f"missing required column '{column.name}'"
            problems.error(place.cell(header_at, first), message, "inventory.column.missing")
    by_index = dict(sorted((col, key) for key, col in columns.items()))
    rows = _read_rows(sheet, by_index, numbered, place, problems)
    register = Register(sheet.key, place.title, columns, tuple(rows), sheet.label_column)
    _check_unique(sheet, register, place, problems)
    return register


def _read_rows(
    sheet: Sheet,
    columns: dict[int, str],
    grid: Iterator[tuple[int, list[Raw]]],
    place: _Place,
    problems: _Problems,
) -> list[Row]:
    """The non-blank rows of ``grid``, each with its 0-based grid index; each row is
    let go once read, so that the sheet's cells are never all held as Python values."""
    # Readers are built once per column: the loop below runs for every cell.
    longest = place.limits.string_length
    plan = [(col, key, *memo_reader(_column(sheet, key), longest)) for col, key in columns.items()]
    required = [(col, key) for col, key in columns.items() if _column(sheet, key).required]
    errors = place.errors  # error cells, which calamine gives as blank
    rows: list[Row] = []
    for index, cells in grid:
        values: dict[str, CellValue] = {}
        failed: list[str] = []  # keys whose cell was reported already
        for col, key, read, memo in plan:
            raw = cells[col]
            if raw == "":
                if errors and (shown := errors.get((index, col))) is not None:
                    problems.error(
                        place.cell(index, col), error_value(shown).message, "inventory.cell.error"
                    )
                    failed.append(key)
                continue
            # A text the column has typed before: its value, without a call.
            if memo is None or (value := memo.get(raw, _UNSEEN)) is _UNSEEN:
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
