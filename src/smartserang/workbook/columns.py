"""A register's columns: taken from calamine's rows, then typed cell by cell.

A register is held as one list of typed cells per column. calamine's rows are
transposed a chunk at a time (``raw_columns``); each column is then typed by its
column's type (``type_columns``), each distinct cell once, and every problem is located
at its cell and reported in reading order. Blank rows are dropped.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator
from typing import Any

from smartserang.model import CellValue
from smartserang.problems import Problem
from smartserang.workbook.cells import BadValue, Raw, cell_reader, error_value, text_column
from smartserang.workbook.contract import Column, ColumnType, Sheet
from smartserang.workbook.headers import column_of
from smartserang.workbook.located import Found, Place

_CHUNK = 4096
"""Rows taken from calamine at a time: each chunk is turned into columns and let go."""


def raw_columns(wanted: list[int], rows: Iterator[list[Raw]]) -> dict[int, list[Raw]]:
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


_NUMERIC = frozenset({bool, int, float})
_SAMPLE = 1000
_FEW = 10
"""A TEXT column whose first ``_SAMPLE`` cells hold fewer than one distinct value in
``_FEW`` repeats its values: it is typed through a table of them."""
_BAD: Any = object()
"""Marks a typed cell whose problem was reported (it counts as filled, then as blank)."""


def type_columns(
    sheet: Sheet,
    columns: dict[int, str],
    raw: dict[int, list[Raw]],
    start: int,
    place: Place,
    problems: Found,
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
        values, table = _type_column(
            column_of(sheet, key), cells, longest, col, start, place, found
        )
        typed[key] = values
        # A column of few values keeps them (with None: blank rows and reported cells end
        # as blanks), for the rules to ask of each once; one of many thousands, as a list
        # of names or a count of users is, keeps none: a set near the column's size would
        # cost more to make and to send from another process than it spares.
        if table is not None and len(table) <= max(len(cells) // _FEW, _SAMPLE):
            distinct[key] = frozenset(table.values()) - {_BAD} | {None}
    for (index, col), shown in place.errors.items():  # error cells, which calamine blanks
        position = index - start
        if col in columns and 0 <= position < len(raw[col]) and raw[col][position] == "":
            found.append((index, 0, col, error_value(shown).problem(place.cell(index, col))))
            typed[columns[col]][position] = _BAD
    size = len(raw[next(iter(raw))]) if raw else 0
    keep = _filled_rows(list(typed.values()), size)
    if len(keep) < size:
        typed = {key: [values[i] for i in keep] for key, values in typed.items()}
    for col, key in columns.items():
        if column_of(sheet, key).required:
            if not holds(typed[key], None):
                continue
            name = column_of(sheet, key).name
            blank = map(operator.is_, typed[key], itertools.repeat(None))
            for i in itertools.compress(keep, blank):
                at = place.cell(start + i, col)
                problem = Problem.error(
                    at, "cell_required_blank", "inventory.cell.missing", column=name
                )
                found.append((start + i, 1, col, problem))
    for values in typed.values():
        if holds(values, _BAD):
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
    place: Place,
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
            problem = bad[keys[i]].problem(place.cell(start + i, col))
            found.append((start + i, 0, col, problem))
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


def holds(values: list[Any], marker: object) -> bool:
    """Whether ``values`` holds ``marker`` itself: compared by identity, in C, without
    reading the cells (``marker in values`` would compare each cell with it)."""
    return any(map(operator.is_, values, itertools.repeat(marker)))


def _filled_rows(columns: list[list[CellValue]], size: int) -> range | list[int]:
    """Positions of the rows with at least one filled cell (a blank row is skipped)."""
    if any(not holds(values, None) for values in columns):  # (a name on every row)
        return range(size)
    marks = (map(operator.is_not, values, itertools.repeat(None)) for values in columns)
    return list(itertools.compress(range(size), map(any, zip(*marks, strict=True))))
