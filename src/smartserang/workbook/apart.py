"""A large OpenDocument spreadsheet read apart: laid out once, in a process that cannot take
the machine down, and its registers typed by two processes sharing that layout.

python-calamine lays out every table of an .ods as it opens the file, so a crafted
repeat count could make it ask for terabytes; the reader therefore counts the tables
(``odsscan``) before anything opens the file, and the count of a 300 MB ``content.xml``
costs more than calamine's whole read. Here the count runs in this process *while* a
first child process, whose address space is bounded (``procs.Forked``), opens the file:
a crafted count makes that child fail, never this process. The child then forks a second
one, which inherits the laid-out workbook (no second parse), and each types its share
of the registers (the second the second-largest register, the first all the others);
both send them back pickled. This process takes the results only once its count has
passed; a register holding formulas without a value (found by the count) is read here
instead, with them. A child that fails is not trusted: what it was to read is read here,
where calamine may open the file since the first child laid it out within its bound. A
child that dies of a fault in the reader (``WorkerLost.crashed``) leaves its sheets, or
the workbook, reported unreadable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from smartserang.procs import (
    Forked,
    WorkerLost,
    limit_address_space,
    receive_pickled,
    send_pickled,
)

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

Plan = tuple[list[str], list[str], str | None]
"""The workbook's sheet names as calamine gives them, the titles the first process
reads, and the one the second reads (None: no second register worth it)."""
Planner = Callable[["CalamineWorkbook"], Plan]
Reader = Callable[["CalamineWorkbook", Sequence[str]], dict[str, Any]]
"""Reads titles from an open workbook: title -> (problems, content), as the reader's."""


class Crashed:
    """What stands for a sheet (or workbook) whose process died of a fault in the reader."""

    def __init__(self, how: str) -> None:
        self.how = how


class OdsApart:
    """The two processes reading an .ods apart, and what they sent back."""

    def __init__(
        self,
        path: str,
        kind: str,
        open_workbook: Callable[[str, str], CalamineWorkbook],
        plan: Planner,
        read: Reader,
        address_space: int,
        source: str,
    ) -> None:
        self.path, self.kind, self._open, self.source = path, kind, open_workbook, source
        second_read, second_write = os.pipe()

        def first(channel: Forked) -> object:
            os.close(second_read)
            with open_workbook(path, kind) as workbook:
                names, mine, theirs = plan(workbook)
                channel.send((names, mine, theirs))
                pid = os.fork() if theirs is not None else -1
                if pid == 0 and theirs is not None:  # the second: the layout is there already
                    _second(workbook, read, theirs, second_write, address_space)
                os.close(second_write)
                channel.send(read(workbook, mine))
            if pid > 0:
                _, status = os.waitpid(pid, 0)
                return os.waitstatus_to_exitcode(status)
            return 0

        self._first = Forked(first, address_space)
        os.close(second_write)
        self._second = os.fdopen(second_read, "rb")
        self._plan: Plan | None = None
        self._lost: WorkerLost | None = None
        self._mine: dict[str, Any] | None = None
        self._theirs: object = None
        self._taken_theirs = False
        self.distrusted: set[str] = set()
        """Titles this process reads itself (their formulas without a value)."""

    # -- what the reader asks

    @property
    def titles(self) -> list[str]:
        """The titles the processes read (waits for the first to lay the file out)."""
        plan = self._wait_plan()
        if plan is None:
            return []
        _, mine, theirs = plan
        read = [*mine, *([theirs] if theirs is not None else [])]
        return [t for t in read if t not in self.distrusted]

    def turn(self, title: str) -> int:
        """When the reader takes ``title``: first the second process's register, which is
        the smaller one and is ready first (so that it is unpickled while the first
        process still types), then the first's, then the sheets this process reads."""
        plan = self._wait_plan()
        if plan is None or title in self.distrusted:
            return 2
        return 0 if title == plan[2] else 1

    def crashed(self) -> Crashed | None:
        """How the first process died laying the file out, if it died of a fault."""
        self._wait_plan()
        if self._lost is not None and self._lost.crashed:
            return Crashed(self._lost.how)
        return None

    def workbook(self) -> _Workbook | None:
        """The workbook as this process reads it: its sheet names from the first process,
        opened here only for a sheet no process read (None: the first process failed)."""
        plan = self._wait_plan()
        if plan is None:
            return None
        return _Workbook(plan[0], lambda: self._open(self.path, self.kind))

    def result(self, title: str) -> Any:
        """(problems, content) read by a process, ``Crashed``, or None (read it here)."""
        plan = self._wait_plan()
        if plan is None or title in self.distrusted:
            return None
        _, mine, theirs = plan
        if title == theirs:
            taken = self._take_theirs()
            return _unreadable(self.source, title, taken) if isinstance(taken, Crashed) else taken
        if title not in mine:
            return None
        if self._mine is None:
            try:
                self._mine = _as_dict(self._first.receive())
            except (WorkerLost, RuntimeError, OSError, EOFError):
                self._mine = {}
        return self._mine.get(title)

    def counted(self, package: Any) -> None:
        """Once this process has counted the tables: those holding formulas without a
        value are read here, where the count's cells are known."""
        if package.tables is not None:
            self.distrusted = {t for t, scan in package.tables.items() if scan.errors}

    def __enter__(self) -> OdsApart:
        return self

    def __exit__(self, *exc: object) -> None:
        self._second.close()
        self._first.close()

    # -- the pipes

    def _wait_plan(self) -> Plan | None:
        if self._plan is None and self._lost is None:
            try:
                self._plan = _as_plan(self._first.receive())
            except WorkerLost as lost:
                self._lost = lost
            except (RuntimeError, OSError, EOFError):
                self._lost = WorkerLost("failed")
        return self._plan

    def _take_theirs(self) -> object:
        if not self._taken_theirs:
            self._taken_theirs = True
            try:
                self._theirs = receive_pickled(self._second)
            except EOFError:  # the second process died: how, from the first, which reaped it
                self._theirs = self._second_lost()
        return self._theirs

    def _second_lost(self) -> Crashed | None:
        try:
            if self._mine is None:
                self._mine = _as_dict(self._first.receive())
            status = self._first.receive()
        except (WorkerLost, RuntimeError, OSError, EOFError):
            return None
        if isinstance(status, int) and status < 0:
            lost = WorkerLost(_how(status), exitcode=status)
            return Crashed(lost.how) if lost.crashed else None
        return None


def plan_apart(
    names: list[str], matched: Sequence[tuple[str, Any]], workbook: CalamineWorkbook
) -> Plan:
    """(In the process that laid the file out.) The plan: the sheet names, the titles of
    ``matched`` (title, contract sheet) that process reads, and the second-largest
    register (by the rows calamine laid out; the earlier first among equals), which the
    second process reads."""
    registers = []
    for index, (title, sheet) in enumerate(matched):
        if not sheet.labels:  # Profil is a form, not a register
            end = workbook.get_sheet_by_name(title).end
            registers.append((-(0 if end is None else end[0] + 1), index, title))
    registers.sort()
    theirs = registers[1][2] if len(registers) > 1 else None
    return names, [title for title, _ in matched if title != theirs], theirs


def _second(
    workbook: CalamineWorkbook, read: Reader, title: str, out: int, address_space: int
) -> None:
    """(In the second process.) Read ``title`` and send it on ``out``; never returns."""
    code = 0
    try:
        limit_address_space(address_space)
        send_pickled(out, read(workbook, [title]).get(title))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _unreadable(source: str, title: str, crashed: Crashed) -> tuple[Any, None]:
    """The sheet whose process died of a fault in the reader, reported at it."""
    from smartserang.problems import Problem
    from smartserang.workbook.located import Found

    found = Found()
    found.errors.append(Problem.error(
        f"{source}:{title}", "sheet_process_died", "inventory.sheet.unreadable", how=crashed.how
    ))  # fmt: skip
    return found, None


def _how(code: int) -> str:
    from smartserang.procs import _ended

    return _ended(code)


def _as_plan(message: object) -> Plan:
    names, mine, theirs = cast(Plan, message)
    return list(names), list(mine), theirs


def _as_dict(message: object) -> dict[str, Any]:
    return dict(message) if isinstance(message, dict) else {}


class _Workbook:
    """A workbook's sheet names, the workbook opened only when a sheet is asked for."""

    def __init__(self, names: list[str], opener: Callable[[], CalamineWorkbook]) -> None:
        self.sheet_names = names
        self._opener = opener
        self._opened: CalamineWorkbook | None = None

    def get_sheet_by_name(self, name: str) -> CalamineSheet:
        if self._opened is None:
            self._opened = self._opener()
        return self._opened.get_sheet_by_name(name)

    def __enter__(self) -> _Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._opened is not None:
            self._opened.close()
