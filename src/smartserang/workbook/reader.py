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
import itertools
import operator
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smartserang import collector
from smartserang.model import CellValue, Inventory, Profile, Register
from smartserang.problems import InputError, Problem, cell_location, column_letter
from smartserang.workbook.cells import (
    BadValue,
    Raw,
    as_text,
    cell_reader,
    error_value,
    text_column,
    too_long,
)
from smartserang.workbook.contract import (
    HELPER_SHEETS,
    SHEETS,
    Column,
    ColumnType,
    Sheet,
    normalise_token,
)
from smartserang.workbook.limits import DEFAULTS, Limits, breach

if TYPE_CHECKING:
    from concurrent.futures import Future

    from python_calamine import CalamineSheet, CalamineWorkbook

    from smartserang.workbook.scan import Package, SheetScan


_SHEET_LOOKUP = {normalise_token(n): s for s in SHEETS for n in (s.name, s.alias)}
_UNIQUE = {"penilaian": "indikator"}
"""Registers where one column's value may appear on one row only."""
_CFB_MAGIC = b"\xd0\xcf\x11\xe0"
"""Start of an OLE file: an old .xls, or an encrypted (password-protected) .xlsx."""


def read_inventory(
    path: str | os.PathLike[str],
    *,
    display: str | None = None,
    limits: Limits = DEFAULTS,
    workers: int = 1,
) -> Inventory:
    """Read the workbook at ``path``; raise ``InputError`` carrying every problem found.

    ``display`` is how locations name the file (default: ``path`` as given); ``limits``
    bound what the file may hold (see ``smartserang.workbook.limits``). ``workers``: how many
    processes may read at once; with two or more, each large register sheet past the
    largest is read in a process of its own (see ``_SheetWorker``).
    """
    with Reading(path, display=display, limits=limits, workers=workers) as reading:
        return reading.finish()


class Reading:
    """A read begun: the file checked and hashed, the scans of its sheets started in the
    background, and the large sheets given to processes of their own.

    For a caller with work of its own before it needs the inventory (loading indicator
    sets): that work then runs while the sheets are scanned and parsed. ``finish`` reads
    the rest; leaving the block stops whatever is still running. Raises ``InputError``
    as ``read_inventory`` does, from the constructor for the file itself.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        display: str | None = None,
        limits: Limits = DEFAULTS,
        workers: int = 1,
    ) -> None:
        self.path = os.fspath(path)
        self.source = source = str(path) if display is None else display
        self.digest, self.head = _hash_file(path, source, limits)
        package = None
        if self.head[:2] == b"PK":  # a zip: .xlsx, .xlsm, .xlsb, .ods
            from smartserang.workbook.scan import open_package

            package = open_package(self.path, source, limits)
            _check_tables(package, source, limits)
        # Forked before any thread of this read starts.
        self.helpers = _SheetWorkers(package, source, limits, workers)
        self.scanner = _Scanner(package, limits)
        # The scans start before calamine opens the file (its shared strings can take a
        # while), the contract's sheets first, smallest part first.
        known = [
            t
            for t in self.scanner.titles()
            if _SHEET_LOOKUP.get(normalise_token(t)) and t not in self.helpers.titles
        ]
        self.scanner.start(sorted(known, key=self.scanner.size))

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *_: object) -> None:
        self.scanner.__exit__()
        self.helpers.__exit__()

    def finish(self) -> Inventory:
        """The inventory; raises ``InputError`` carrying every problem found."""
        from python_calamine import CalamineWorkbook  # imported here: the CLI starts faster

        source = self.source
        try:
            workbook = CalamineWorkbook.from_path(self.path)
        except Exception as exc:  # calamine raises its own errors and plain OSError
            problem = Problem(source, _unreadable(exc, self.head), "inventory.file")
            raise InputError([problem]) from exc
        problems = _Problems()
        with workbook, collector.paused():
            profile, registers = _read_sheets(
                workbook, source, problems, self.scanner, self.helpers
            )
        if problems.errors:
            raise InputError([*problems.errors, *problems.warnings])
        return Inventory(source, self.digest, profile, registers, tuple(problems.warnings))


def _check_tables(package: Package, source: str, limits: Limits) -> None:
    """Refuse an OpenDocument spreadsheet holding a table past the rows or cells limit:
    calamine lays out every table of the file as it opens it."""
    problems = _Problems()
    for title, scan in (package.tables or {}).items():
        _too_large(scan.rows, scan.columns, _Place(source, title, limits), problems)
    if problems.errors:
        raise InputError(problems.errors)


def _read_sheets(
    workbook: CalamineWorkbook,
    source: str,
    problems: _Problems,
    scanner: _Scanner,
    helpers: _SheetWorkers,
) -> tuple[Profile, dict[str, Register]]:
    """The Profile and the registers (in contract order, for stable output).

    Sheets are read smallest part first, so that the scan of each large part runs while
    calamine reads the one before it; the sheets given to ``helpers`` are taken from
    them last; problems are reported in workbook order.
    """
    profile = Profile()
    registers: dict[str, Register] = {}
    matched = _match_sheets(workbook.sheet_names, source, problems)
    order = sorted(matched, key=lambda pair: scanner.size(pair[1]))
    order.sort(key=lambda pair: pair[1] in helpers.titles)
    scanner.start([title for _, title in order if title not in helpers.titles])
    found: dict[str, _Problems] = {}
    for sheet, title in order:
        read = helpers.result(title)
        if read is None:  # not given to a helper, or its process failed: read it here
            scanner.start([title])
            mine = _Problems()
            read = mine, _read_sheet(workbook, sheet, title, source, scanner, mine)
        found[title], content = read
        if isinstance(content, Profile):
            profile = content
        elif content is not None:
            registers[sheet.key] = content
    for _, title in matched:
        problems.errors.extend(found[title].errors)
        problems.warnings.extend(found[title].warnings)
    return profile, {s.key: registers[s.key] for s in SHEETS if s.key in registers}


def _read_sheet(
    workbook: CalamineWorkbook,
    sheet: Sheet,
    title: str,
    source: str,
    scanner: _Scanner,
    problems: _Problems,
) -> Profile | Register | None:
    """One sheet: the Profile or a register (None when it cannot be read or is empty)."""
    place = _Place(source, title, scanner.limits)
    grid, scan = _read_grid(workbook, place, scanner, problems)
    if grid is None:
        return None
    place = _Place(source, title, scanner.limits, scan.errors if scan else {})
    if sheet.labels:
        return _read_profile(sheet, list(grid), place, problems)
    return _read_register(sheet, grid, place, problems)
    # the sheet's cells are held by calamine until the sheet is let go, here


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

        from smartserang.workbook.scan import scan_sheet

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


# ------------------------------------------------------------------ file and sheets


_STOPS = {signal.SIGINT, signal.SIGTERM}
"""The signals that stop a run (see ``smartserang.cli.main``)."""
_PARALLEL_PART = 8 * 1024 * 1024
"""A register sheet whose part unpacks to this many bytes (some 20,000 rows) is worth a
process of its own, when the caller allows more than one."""


class _SheetWorkers:
    """The large register sheets read in processes of their own, beside this one.

    python-calamine parses a sheet without the GIL, but typing its cells is Python; two
    100k-row registers read one after the other leave a core idle. With ``workers`` of 2
    or more, every large register sheet but the largest (which this process reads) is
    read in a forked process, up to ``workers - 1`` of them: it scans, parses and types
    its sheet exactly as this process would, and sends back the register and its
    problems, pickled. A process that fails is not trusted: its sheet is then read here.
    Forking happens before this read starts any thread; the processes ignore Ctrl-C
    (their parent unwinds and kills them).
    """

    def __init__(self, package: Package | None, source: str, limits: Limits, workers: int):
        self.titles: dict[str, _SheetWorker] = {}
        if workers < 2 or package is None or not package.xlsx or not hasattr(os, "fork"):
            return
        large = [
            title
            for title in package.sheet_parts
            if (sheet := _SHEET_LOOKUP.get(normalise_token(title))) is not None
            and not sheet.labels
            and package.part_size(title) >= _PARALLEL_PART
        ]
        large.sort(key=package.part_size, reverse=True)
        for title in large[1:workers]:
            self.titles[title] = _SheetWorker(package, source, title, limits)
        for worker in self.titles.values():
            worker.collect()  # threads start once every process is forked

    def __enter__(self) -> _SheetWorkers:
        return self

    def __exit__(self, *_: object) -> None:
        for worker in self.titles.values():
            worker.stop()

    def result(self, title: str) -> tuple[_Problems, Profile | Register | None] | None:
        """What the process reading ``title`` found, or None (none read it, or it failed)."""
        worker = self.titles.get(title)
        return None if worker is None else worker.result()


class _SheetWorker:
    """One forked process reading one sheet, and the thread taking in what it sends.

    The thread also unpickles what it receives: that runs while this process's own
    sheet is parsed (without the GIL), not after.
    """

    def __init__(self, package: Package, source: str, title: str, limits: Limits) -> None:
        self._read: tuple[_Problems, Profile | Register | None] | None = None
        self._thread: threading.Thread | None = None
        self._reaping = threading.Lock()  # the pid is ours until reaped, then anyone's
        self._reaped = False
        read_end, write_end = os.pipe()
        # Blocked across the fork: the child sets its own handlers before either can reach
        # it (this process's would unwind a second copy of the command).
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        try:
            self.pid = os.fork()
            if self.pid == 0:  # pragma: no cover - the child; the parent checks its work
                _read_alone(package, source, title, limits, write_end, read_end)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
        os.close(write_end)
        self._fd = read_end

    def collect(self) -> None:
        self._thread = threading.Thread(target=self._drain, name="sheet-worker", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        read = None
        with os.fdopen(self._fd, "rb") as stream:
            # unpickled as it arrives; a process that dies midway leaves it unfinished
            with contextlib.suppress(Exception):
                read = pickle.load(stream)
            stream.read()  # until the process ends or is killed
        with self._reaping:
            if self._reaped:  # by ``stop``
                return
            _, status = os.waitpid(self.pid, 0)
            self._reaped = True
        if status == 0:
            self._read = read

    def result(self) -> tuple[_Problems, Profile | Register | None] | None:
        assert self._thread is not None
        self._thread.join()
        read, self._read = self._read, None
        return read

    def stop(self) -> None:
        """Kill and reap the process if it is still there (an error, a signal)."""
        with self._reaping:
            if not self._reaped:
                with contextlib.suppress(OSError):
                    os.kill(self.pid, signal.SIGKILL)
                with contextlib.suppress(OSError):
                    os.waitpid(self.pid, 0)
                self._reaped = True
        if self._thread is not None:
            self._thread.join()


def _read_alone(
    package: Package, source: str, title: str, limits: Limits, out: int, unused: int
) -> None:
    """In a forked process: read sheet ``title``, send what was found through ``out``
    (pickled), and exit, never returning to the caller's code."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
        os.close(unused)
        from python_calamine import CalamineWorkbook

        sheet = _SHEET_LOOKUP[normalise_token(title)]
        problems = _Problems()
        with _Scanner(package, limits) as scanner:
            scanner.start([title])
            with CalamineWorkbook.from_path(package.path) as workbook, collector.paused():
                content = _read_sheet(workbook, sheet, title, source, scanner, problems)
                with os.fdopen(out, "wb") as stream:  # the parent unpickles as it arrives
                    pickle.dump((problems, content), stream, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)


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
    raw = _raw_columns(list(by_index), (row for _, row in numbered))
    distinct: dict[str, frozenset[CellValue]] = {}
    numbers, typed = _type_columns(sheet, by_index, raw, header_at + 1, place, problems, distinct)
    register = Register(
        sheet.key, place.title, columns, label_column=sheet.label_column, numbers=numbers,
        cells=typed, distinct=distinct,
    )  # fmt: skip
    _check_unique(sheet, register, place, problems)
    return register


_CHUNK = 4096
"""Rows taken from calamine at a time: each chunk is turned into columns and let go."""


def _raw_columns(wanted: list[int], rows: Iterator[list[Raw]]) -> dict[int, list[Raw]]:
    """The raw cells of the ``wanted`` columns (0-based indexes), each as one list.

    Rows arrive a chunk at a time and are transposed in C (``zip``), so no Python loop
    runs per cell and the rows themselves are never all held.
    """
    found: dict[int, list[Raw]] = {col: [] for col in wanted}
    need = max(wanted, default=-1) + 1
    while chunk := list(itertools.islice(rows, _CHUNK)):
        if min(map(len, chunk)) < need:  # calamine's rows share one width; be safe anyway
            chunk = [row + [""] * (need - len(row)) for row in chunk]
        transposed = list(zip(*chunk, strict=True))
        for col in wanted:
            found[col].extend(transposed[col])
    return found


_CELL_ERROR = "inventory.cell.error"
_NUMERIC = frozenset({bool, int, float})
_SAMPLE = 1000
_FEW = 10
"""A TEXT column whose first ``_SAMPLE`` cells hold fewer than one distinct value in
``_FEW`` repeats its values: it is typed through a table of them."""
_BAD: Any = object()
"""Marks a typed cell whose problem was reported (it counts as filled, then as blank)."""


def _type_columns(
    sheet: Sheet,
    columns: dict[int, str],
    raw: dict[int, list[Raw]],
    start: int,
    place: _Place,
    problems: _Problems,
    distinct: dict[str, frozenset[CellValue]],
) -> tuple[list[int], dict[str, list[CellValue]]]:
    """The 1-based row numbers of the non-blank rows and each column's typed cells; the
    distinct values of the columns typed through a table are put in ``distinct``.

    Each distinct raw cell of a column is typed once (registers repeat a few spellings
    down 100k rows) and the column is mapped through that table in C. Problems are
    reported in reading order: row by row, and left to right in a row.
    """
    longest = place.limits.string_length
    found: list[tuple[int, int, int, Problem]] = []  # (index, pass, column, problem)
    typed: dict[str, list[CellValue]] = {}
    for col, key in columns.items():
        cells = raw[col]
        values, table = _type_column(_column(sheet, key), cells, longest, col, start, place, found)
        typed[key] = values
        if table is not None:  # (with None: blank rows and reported cells end as blanks)
            distinct[key] = frozenset(table.values()) - {_BAD} | {None}
    for (index, col), shown in place.errors.items():  # error cells, which calamine blanks
        position = index - start
        if col in columns and 0 <= position < len(raw[col]) and raw[col][position] == "":
            problem = Problem(place.cell(index, col), error_value(shown).message, _CELL_ERROR)
            found.append((index, 0, col, problem))
            typed[columns[col]][position] = _BAD
    size = len(raw[next(iter(raw))]) if raw else 0
    keep = _filled_rows(list(typed.values()), size)
    if len(keep) < size:
        typed = {key: [values[i] for i in keep] for key, values in typed.items()}
    for col, key in columns.items():
        if _column(sheet, key).required:
            if not _holds(typed[key], None):
                continue
            message = f"{_column(sheet, key).name} is required but blank"
            blank = map(operator.is_, typed[key], itertools.repeat(None))
            for i in itertools.compress(keep, blank):
                problem = Problem(place.cell(start + i, col), message, "inventory.cell.missing")
                found.append((start + i, 1, col, problem))
    for values in typed.values():
        if _holds(values, _BAD):
            values[:] = [None if v is _BAD else v for v in values]
    found.sort(key=lambda item: item[:3])
    problems.errors.extend(problem for *_, problem in found)
    return [start + i + 1 for i in keep], typed


def _type_column(
    column: Column,
    cells: list[Raw],
    longest: int,
    col: int,
    start: int,
    place: _Place,
    found: list[tuple[int, int, int, Problem]],
) -> tuple[list[CellValue], _Table | None]:
    """One column's typed cells (``_BAD`` where a problem was reported), and the table
    of its distinct cells when it was typed through one."""
    # Names and addresses differ on every row: a TEXT column is typed in a few passes in
    # C, unless its first cells show it repeats a few values (Perangkat Daerah, Kecamatan).
    if (
        column.type is ColumnType.TEXT
        and len(set(cells[:_SAMPLE])) * _FEW > min(len(cells), _SAMPLE)
        and (values := text_column(cells, longest)) is not None
    ):
        return values, None
    read = cell_reader(column, longest)
    bad: dict[Any, BadValue] = {}  # key -> its problem
    first = _Table(read, bad)
    values = list(map(first.__getitem__, cells))  # each distinct cell typed once, in C
    table: _Table | None = first
    keys: list[Any] = cells
    # True == 1 == 1.0, so a cell may have been looked up as an equal one of another
    # class typed before it: where the column mixes booleans, whole and decimal numbers,
    # it is typed again with each cell keyed by its class.
    if not _NUMERIC.isdisjoint(map(type, first)):
        kinds = set(map(type, cells))
        if len(kinds & _NUMERIC) > 1:
            keys = list(zip(map(type, cells), cells, strict=True))
            bad.clear()
            values = list(map(_Table(read, bad, keyed=True).__getitem__, keys))
            table = None
    if bad:
        marked = map(operator.is_, values, itertools.repeat(_BAD))
        for i in itertools.compress(itertools.count(), marked):
            problem = bad[keys[i]]
            location = place.cell(start + i, col)
            found.append((start + i, 0, col, Problem(location, problem.message, problem.code)))
    return values, table


class _Table(dict[Any, Any]):
    """Raw cell (``keyed``: its (class, cell) pair) -> typed value, or ``_BAD`` with the
    problem kept in ``bad``; a cell is typed on first sight (a NaN, unequal to itself,
    on every sight)."""

    def __init__(
        self, read: Callable[[Raw], CellValue], bad: dict[Any, BadValue], keyed: bool = False
    ) -> None:
        super().__init__()
        self.read, self.bad, self.keyed = read, bad, keyed

    def __missing__(self, key: Any) -> Any:
        raw = key[1] if self.keyed else key
        if raw == "":
            value = None
        else:
            try:
                value = self.read(raw)
            except BadValue as problem:
                self.bad[key] = problem
                value = _BAD
        self[key] = value
        return value


def _holds(values: list[Any], marker: object) -> bool:
    """Whether ``values`` holds ``marker`` itself: compared by identity, in C, without
    reading the cells (``marker in values`` would compare each cell with it)."""
    return any(map(operator.is_, values, itertools.repeat(marker)))


def _filled_rows(columns: list[list[CellValue]], size: int) -> list[int]:
    """Positions of the rows with at least one filled cell (a blank row is skipped)."""
    if not columns:
        return []
    if any(not _holds(values, None) for values in columns):  # a column filled to the end
        return list(range(size))
    filled = 0
    for values in columns:
        marks = bytes(map(operator.is_not, values, itertools.repeat(None)))
        filled |= int.from_bytes(marks, "little")
    mask = filled.to_bytes(size, "little")
    if mask.count(0) == 0:
        return list(range(size))
    return list(itertools.compress(range(size), mask))


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
