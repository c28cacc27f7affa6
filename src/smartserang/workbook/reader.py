"""Reading an inventory workbook into an ``Inventory``.

This module opens the file and reads it sheet by sheet: the checks that must come
before python-calamine reads anything in this process (the file's size and hash here;
the zip, see ``package``, its parts checked while the processes of bounded memory that
read the large registers start; each worksheet part's scan, see ``scan``, made as its
sheet is about to be parsed), the sheets matched to the contract, the large registers
read in processes of their own, and each register's header and columns. It collects
every problem in the workbook and raises one ``InputError``, errors first and then
warnings, each located as ``file:Sheet!B9``.

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
import dataclasses
import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

from smartserang.files import os_reason
from smartserang.i18n import Count, Phrase
from smartserang.model import Inventory, Profile, Register
from smartserang.problems import InputError, Problem
from smartserang.procs import collector_paused
from smartserang.workbook.apart import OdsApart, Plan, plan_apart
from smartserang.workbook.cells import Raw
from smartserang.workbook.contract import SHEETS, SHEETS_BY_KEY, Sheet
from smartserang.workbook.limits import DEFAULTS, Limits, breach
from smartserang.workbook.located import Found, Place
from smartserang.workbook.profile import read_profile
from smartserang.workbook.register import read_register
from smartserang.workbook.sheets import match_sheets, sheet_titles
from smartserang.workbook.table import (
    MergedRange,
)

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

    from smartserang.workbook.package import Package
    from smartserang.workbook.scan import SheetScan


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
    largest is read in a process of its own (see ``_SheetWorkers``).
    """
    with Reading(path, display=display, limits=limits, workers=workers) as reading:
        return reading.finish()


class Reading:
    """A read begun: the file checked and hashed, and the large sheets given to processes
    of their own.

    For a caller with work of its own before it needs the inventory (loading indicator
    sets): that work then runs while those processes read. ``finish`` reads the rest;
    leaving the block ends whatever is still running. Raises ``InputError`` as
    ``read_inventory`` does, from the constructor for the file itself.
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
        from smartserang.workbook.filetype import examine  # what the file is, by its content

        self.file = examine(self.path, source, limits)
        package = self.file.package
        self.helpers = _helpers(self.path, package, source, limits, workers)
        # The parts checked, the tables of an .ods counted, while the helpers start:
        # they run with bounded memory, and calamine opens nothing here before.
        try:
            if package is not None:
                package.check_parts()
            if package is not None and package.kind.value == ".ods":
                package = package.count_tables(limits)
                _check_tables(package.tables, source, limits)
        except BaseException:
            self.helpers.__exit__(None, None, None)
            raise
        if isinstance(self.helpers, OdsApart):
            self.helpers.counted(package)
        _check_tables(self.file.sheets, source, limits)  # an .xls, laid out as it opens
        self.scans = _Scans(package, limits, self.helpers)

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.helpers.__exit__(*exc)

    def finish(self) -> Inventory:
        """The inventory; raises ``InputError`` carrying every problem found."""
        from smartserang.workbook.filetype import open_workbook, reader_failed

        source = self.source
        apart = self.helpers if isinstance(self.helpers, OdsApart) else None
        if apart is not None and (crashed := apart.crashed()) is not None:
            died = Problem.error(
                source, "workbook_process_died", "inventory.crash", how=crashed.how
            )
            raise InputError([died])
        try:
            shared = apart.workbook() if apart is not None else None  # sheets read apart
            workbook = cast("CalamineWorkbook", shared) or open_workbook(self.path, self.file.kind)
        except Exception as exc:  # calamine raises its own errors and plain OSError
            raise InputError([_unreadable(source, exc, self.head)]) from exc
        except BaseException as exc:  # a Rust panic in calamine is no Exception
            if (failed := reader_failed(source, exc)) is None:
                raise
            raise InputError([failed]) from exc
        problems = Found()
        problems.warnings.extend(self.file.notes)
        try:
            with workbook, collector_paused():
                found = _read_sheets(workbook, source, problems, self.scans, self.helpers)
        except BaseException as exc:  # a Rust panic in calamine is no Exception
            if (failed := reader_failed(source, exc)) is None:
                raise
            raise InputError([failed]) from exc
        profile, registers = found
        inventory = Inventory(
            source, self.digest, profile, registers, (*problems.warnings, *problems.notes),
            tuple(problems.near),
        )  # fmt: skip
        if problems.errors:
            # What the sets may check: the registers with every required column.
            whole = {
                key: register
                for key, register in registers.items()
                if all(c.key in register.columns for c in SHEETS_BY_KEY[key].columns if c.required)
            }
            partial = dataclasses.replace(inventory, registers=whole)
            raise PartialRead([*problems.errors, *problems.warnings, *problems.notes], partial)
        return inventory


class PartialRead(InputError):
    """A workbook with errors, and what could be read of it: the cells in error are blank
    in it. For the checks that see more errors with the sets (an unknown indicator id),
    so that every problem is reported in one run; never scored."""

    def __init__(self, problems: Iterable[Problem], inventory: Inventory) -> None:
        super().__init__(problems)
        self.inventory = inventory


def _check_tables(tables: dict[str, SheetScan] | None, source: str, limits: Limits) -> None:
    """Refuse an OpenDocument spreadsheet or an .xls holding a table past the rows or
    cells limit: calamine lays out every table of the file as it opens it."""
    problems = Found()
    for title, scan in (tables or {}).items():
        _too_large(scan.rows, scan.columns, Place(source, title, limits), problems)
    if problems.errors:
        raise InputError(problems.errors)


def _read_sheets(
    workbook: CalamineWorkbook,
    source: str,
    problems: Found,
    scans: _Scans,
    helpers: _SheetWorkers | OdsApart,
) -> tuple[Profile, dict[str, Register]]:
    """The Profile and the registers (in contract order, for stable output).

    The sheets are taken in ``helpers.turn`` order (this process reads its own while the
    helpers read theirs); problems are reported in workbook order.
    """
    profile = Profile()
    registers: dict[str, Register] = {}
    matched = match_sheets(workbook.sheet_names, source, problems)
    order = sorted(matched, key=lambda pair: helpers.turn(pair[1]))
    found: dict[str, Found] = {}
    for sheet, title in order:
        read = helpers.result(title)
        if read is None:  # not given to a helper, or its process failed: read it here
            mine = Found()
            read = mine, _read_sheet(workbook, sheet, title, source, scans, mine)
        found[title], content = read
        if isinstance(content, Profile):
            profile = content
        elif content is not None:
            registers[sheet.key] = content
    for _, title in matched:
        problems.extend(found[title])
    return profile, {s.key: registers[s.key] for s in SHEETS if s.key in registers}


def _read_sheet(
    workbook: CalamineWorkbook,
    sheet: Sheet,
    title: str,
    source: str,
    scans: _Scans,
    problems: Found,
) -> Profile | Register | None:
    """One sheet: the Profile or a register (None when it cannot be read or is empty)."""
    place = Place(source, title, scans.limits)
    grid, scan, merged = _read_grid(workbook, place, scans, problems)
    if grid is None:
        return None
    place = Place(source, title, scans.limits, scan.errors if scan else {})
    if sheet.labels:
        return read_profile(sheet, list(grid), place, problems)
    return read_register(sheet, grid, place, problems, merged)
    # the sheet's cells are held by calamine until the sheet is let go, here


def _read_grid(
    workbook: CalamineWorkbook, place: Place, scans: _Scans, problems: Found
) -> tuple[Iterator[list[Raw]] | None, SheetScan | None, list[MergedRange] | None]:
    """The sheet's rows from row 1, each from column A, or None after reporting why it
    cannot be read; and its merged cells (None where calamine does not give them: .ods).
    The rows are made one at a time, as they are read."""
    scan = scans.result(place.title)
    unreadable = "inventory.sheet.unreadable"
    if scan is None and scans.unscanned(place.title):
        problems.error(place.sheet, "sheet_part_unknown", unreadable)
        return None, scan, None
    if scan is not None and scan.damage is not None:
        part = scans.part(place.title)
        problems.error(place.sheet, "sheet_part_damaged", unreadable, part=part, reason=scan.damage)
        return None, scan, None
    if scan is not None and scan.past is not None:  # a size no program writes
        problems.errors.append(scan.past.problem(place.sheet, scans.part(place.title)))
        return None, scan, None
    if scan is not None and _too_large(scan.rows, scan.columns, place, problems, scan.partial):
        return None, scan, None
    try:
        sheet = workbook.get_sheet_by_name(place.title)
        end = sheet.end  # the exact area, for the formats the scan does not see into
        if end is not None and _too_large(end[0] + 1, end[1] + 1, place, problems):
            return None, scan, None
        return _rows(sheet), scan, sheet.merged_cell_ranges
    except Exception as exc:  # a damaged sheet part; the other sheets still count
        problems.error(place.sheet, "sheet_unreadable", unreadable, reason=str(exc))
        return None, scan, None


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
    rows: int, columns: int, place: Place, problems: Found, at_least: bool = False
) -> bool:
    """Report a sheet whose filled area passes the rows or cells limit (``at_least``:
    the area is larger than the reading counted before it stopped)."""
    limits = place.limits
    if rows > limits.rows:
        what = Phrase.of("limit_what_area")
        problem = breach(place.sheet, what, "rows", rows, limits.rows, at_least=at_least)
        problems.errors.append(problem)
    elif rows * columns > limits.cells:
        key = "limit_what_area_size_at_least" if at_least else "limit_what_area_size"
        what = Phrase.of(key, rows=Count(rows), columns=Count(columns))
        actual = rows * columns
        problems.errors.append(
            breach(place.sheet, what, "cells", actual, limits.cells, at_least=at_least)
        )
    else:
        return False
    return True


class _Scans:
    """The scans of the sheets' parts, each made as its sheet is about to be read."""

    def __init__(
        self,
        package: Package | None,
        limits: Limits,
        helpers: _SheetWorkers | OdsApart | None = None,
    ) -> None:
        self.package = package
        self.limits = limits
        self.helpers = helpers if isinstance(helpers, _SheetWorkers) else None

    def part(self, title: str) -> str:
        """The name of ``title``'s part (for messages)."""
        return self.package.sheet_parts.get(title, title) if self.package else title

    def unscanned(self, title: str) -> bool:
        """Whether ``title`` is a sheet of an .xlsx or .ods that the scan did not find,
        so that calamine must not read it unscanned."""
        package = self.package
        if package is None:
            return False
        if package.tables is not None:
            return title not in package.tables
        return package.xlsx and title not in package.sheet_parts

    def result(self, title: str) -> SheetScan | None:
        """The scan of ``title``'s part, or None when it has none."""
        package = self.package
        if package is None:
            return None
        if package.tables is not None:
            return package.tables.get(title)
        part = package.sheet_parts.get(title)
        if part is None:
            return None
        if self.helpers is not None and (made := self.helpers.scan(title)) is not None:
            return made  # scanned ahead by the sheet process (see ``_SheetWorkers``)
        from smartserang.workbook.scan import scan_sheet

        return scan_sheet(package.path, part, self.limits)


_PARALLEL_PART = 8 * 1024 * 1024
"""A register sheet whose part unpacks to this many bytes (some 20,000 rows) is worth a
process of its own, when the caller allows more than one."""
_PARALLEL_ODS = 4 * _PARALLEL_PART
"""An OpenDocument ``content.xml`` (every table in one part, each cell written at length)
of this many bytes holds registers worth reading in another process."""


class _SheetWorkers:
    """The large register sheets read in processes of their own, beside this one.

    python-calamine parses a sheet without the GIL, but typing its cells is Python; two
    100k-row registers read one after the other leave a core idle. With ``workers`` of 2
    or more, every large register sheet but the largest (which this process reads) is
    read in a process of its own (``smartserang.procs.in_processes``), up to
    ``workers - 1`` of them: it scans, parses and types its sheet exactly as this process
    would (``_read_alone``), and sends back the register and its problems. Each may map
    at most ``limits.address_space`` bytes. A process that fails is not trusted: its
    sheet is then read here, unless it died of a fault in the reader
    (``WorkerLost.crashed``), which would end this process too: that sheet is then
    reported unreadable. The processes start before this read starts any thread; leaving
    the block ends those still running. (A large .ods is read apart, see ``apart``.)

    The first process first scans the largest sheet's part (which this process reads),
    while this process opens the workbook and reads the small sheets: the scan must be
    made before calamine may parse that sheet, and is then ready (``scan``). Should that
    process fail, this process scans the part itself.
    """

    def __init__(self, package: Package | None, source: str, limits: Limits, workers: int):
        self.titles: list[str] = []
        self.source = source
        self._items: list[tuple[str, str]] = []
        """What the processes do, in order: the largest sheet scanned, the others read."""
        self._next = 0
        self._done: dict[tuple[str, str], object] = {}
        self._results: Iterator[object] | None = None
        self._pool = contextlib.ExitStack()
        if workers < 2 or package is None or not package.xlsx or not hasattr(os, "fork"):
            return
        named = sheet_titles(list(package.sheet_parts))
        large = [
            title
            for title, sheet in named.items()
            if not sheet.labels and package.part_size(title) >= _PARALLEL_PART
        ]
        large.sort(key=package.part_size, reverse=True)
        self.titles = large[1:workers]
        if self.titles:
            from smartserang.procs import in_processes
            from smartserang.workbook.limits import address_space

            self._items = [("scan", large[0]), *(("read", t) for t in self.titles)]
            task = functools.partial(_sheet_task, package, source, limits)
            processes = in_processes(
                task, self._items, len(self.titles), address_space=address_space(limits)
            )
            self._results = self._pool.enter_context(processes)

    def turn(self, title: str) -> int:
        """When the reader takes ``title``: the sheets the processes read after this
        process's own."""
        return int(title in self.titles)

    def __enter__(self) -> _SheetWorkers:
        return self

    def __exit__(self, *exc: Any) -> None:
        self._pool.__exit__(*exc)

    def scan(self, title: str) -> SheetScan | None:
        """The scan of ``title``'s part made ahead by the first process, or None (it made
        none, or failed: the caller scans the part itself)."""
        from smartserang.workbook.scan import SheetScan

        made = self._take(("scan", title))
        return made if isinstance(made, SheetScan) else None

    def result(self, title: str) -> tuple[Found, Profile | Register | None] | None:
        """What the process reading ``title`` found, or None (none read it, or it failed)."""
        taken = self._take(("read", title))
        return cast("tuple[Found, Profile | Register | None] | None", taken)

    def _take(self, item: tuple[str, str]) -> object:
        """The result of ``item``, taking the results before it in order; None when no
        process made it or its process failed (this one then does that work itself)."""
        from smartserang.procs import WorkerLost

        while item in self._items[self._next :] and self._results is not None:
            coming = self._items[self._next]
            self._next += 1
            try:
                self._done[coming] = next(self._results)
            except WorkerLost as lost:  # this and the rest are done here, or reported
                self._results = None
                if coming[0] == "read" and lost.crashed and lost.item == coming:
                    self._done[coming] = _died(self.source, coming[1], lost.how)
            except Exception:  # the process failed: this and the rest are done here
                self._results = None
        return self._done.get(item)


def _died(source: str, title: str, how: str) -> tuple[Found, None]:
    """A sheet whose process died of a fault in the reader, reported at it."""
    found = Found()
    found.errors.append(Problem.error(
        f"{source}:{title}", "sheet_process_died", "inventory.sheet.unreadable", how=how
    ))  # fmt: skip
    return found, None


def _sheet_task(package: Package, source: str, limits: Limits, item: tuple[str, str]) -> object:
    """(In a sheet process.) ``("scan", title)``: the scan of ``title``'s part, for this
    process's parent to parse; ``("read", title)``: the sheet read (``_read_alone``)."""
    kind, title = item
    if kind == "scan":
        from smartserang.workbook.scan import scan_sheet

        return scan_sheet(package.path, package.sheet_parts[title], limits)
    return _read_alone(package, source, limits, title)


def _read_alone(
    package: Package, source: str, limits: Limits, title: str
) -> tuple[Found, Profile | Register | None]:
    """Sheet ``title`` read on its own, in a process of its own, as ``_read_sheets`` would."""
    from smartserang.workbook.filetype import open_workbook

    sheet = sheet_titles(list(package.sheet_parts))[title]
    problems = Found()
    scans = _Scans(package, limits)
    with open_workbook(package.path, package.kind.value) as workbook, collector_paused():
        return problems, _read_sheet(workbook, sheet, title, source, scans, problems)


def _helpers(
    path: str, package: Package | None, source: str, limits: Limits, workers: int
) -> _SheetWorkers | OdsApart:
    """The processes reading beside this one: an .ods large enough is read apart
    (``apart``), the large sheets of an .xlsx in processes of their own."""
    if (
        workers >= 2
        and package is not None
        and package.kind.value == ".ods"
        and max(package.sizes.values(), default=0) >= _PARALLEL_ODS
        and hasattr(os, "fork")
    ):
        from smartserang.workbook.filetype import open_workbook
        from smartserang.workbook.limits import address_space

        plan = functools.partial(_plan_apart, source)
        read = functools.partial(_read_titles, source, limits)
        return OdsApart(path, ".ods", open_workbook, plan, read, address_space(limits), source)
    return _SheetWorkers(package, source, limits, workers)


def _plan_apart(source: str, workbook: CalamineWorkbook) -> Plan:
    """(In the process that laid an .ods out.) What it reads, what the second reads."""
    names = list(workbook.sheet_names)
    matched = [(title, sheet) for sheet, title in match_sheets(names, source, Found())]
    return plan_apart(names, matched, workbook)


def _read_titles(
    source: str, limits: Limits, workbook: CalamineWorkbook, titles: Sequence[str]
) -> dict[str, tuple[Found, Profile | Register | None]]:
    """(In a process reading an .ods apart.) Each of ``titles`` read from ``workbook``."""
    read = {}
    scans = _Scans(None, limits)
    named = sheet_titles(list(workbook.sheet_names))
    with collector_paused():
        for title in titles:
            problems = Found()
            sheet = named[title]
            read[title] = problems, _read_sheet(workbook, sheet, title, source, scans, problems)
    return read


def _hash_file(path: str | os.PathLike[str], source: str, limits: Limits) -> tuple[str, bytes]:
    """The SHA-256 of the file and its first bytes (to explain a failed open)."""
    import hashlib  # here, like calamine: only a read pays for the OpenSSL load

    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > limits.file_size:
                what = Phrase.of("limit_what_file")
                raise InputError([breach(source, what, "file_size", size, limits.file_size)])
            head = file.read(8)
            file.seek(0)
            return hashlib.file_digest(file, "sha256").hexdigest(), head
    except OSError as exc:
        reason = os_reason(exc)
        problem = Problem.error(source, "workbook_unreadable", "inventory.file", reason=reason)
        raise InputError([problem]) from exc


def _unreadable(source: str, exc: Exception, head: bytes) -> Problem:
    """A reader's explanation of why calamine could not open the file."""
    from python_calamine import CalamineError, PasswordError, XmlError, ZipError

    code = "inventory.file"
    # An encrypted .xlsx is an OLE file, so calamine sees a broken zip, not a password.
    if isinstance(exc, PasswordError) or (isinstance(exc, ZipError) and head[:4] == _CFB_MAGIC):
        return Problem.error(source, "workbook_encrypted_or_xls", code)
    if isinstance(exc, XmlError):
        return Problem.error(source, "workbook_damaged_xml", code, reason=str(exc))
    if isinstance(exc, CalamineError):
        return Problem.error(source, "workbook_not_readable", code, reason=str(exc))
    if isinstance(exc, OSError):
        return Problem.error(source, "workbook_unreadable", code, reason=os_reason(exc))
    return Problem.error(source, "reader_failed", code, reason=str(exc) or type(exc).__name__)
