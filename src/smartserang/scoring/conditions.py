"""What a condition asks of a row, and the plain engine that asks it row by row.

Each operator's test of one cell is written here once (:func:`cell_test`), with what
``equals`` and ``in`` compare (:func:`value_key`). Two engines answer a rule's
conditions over a register behind one interface, :class:`Engine`: :class:`RowEngine`
here tests each row in turn, as the set format describes the conditions;
:class:`~smartserang.scoring.columns.ColumnEngine` gives the same answers from whole
columns at once, and is the one scoring uses. The tests hold them equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Protocol

from smartserang.model import CellValue, Condition, Inventory, Register, Row, RowReference
from smartserang.scoring import numbits
from smartserang.workbook.contract import normalise_token

SEVERAL = -1
"""In a table of ``Engine.names_in``: the name is held by several rows (no row number
is below 1)."""

BY_VALUE = frozenset(
    {"present", "is", "within_days", "at_least", "at_most", "contains", "equals", "in"}
)
"""Operators answered from the cell alone (no other row or register): see ``cell_test``."""


class Engine(Protocol):
    """Answers conditions over the registers of one inventory."""

    def passing(self, register: Register, where: tuple[Condition, ...]) -> int:
        """The rows of ``register`` passing every condition of ``where``, as a mask
        (:mod:`smartserang.scoring.numbits`)."""
        ...

    def names_in(self, reference: RowReference) -> dict[str, int]:
        """Normalised value of ``reference.column`` -> the number of the row holding it
        (of the rows passing ``reference.where``), or ``SEVERAL`` when several rows do."""
        ...


def filled(cell: CellValue) -> bool:
    """Whether a cell holds anything (a blank, an empty text and an empty list do not)."""
    return cell not in (None, "", ())


def named(cell: CellValue) -> bool:
    """Whether a cell names a row (``names_in``): any value but a blank."""
    return cell not in (None, "")


def items(cell: CellValue) -> tuple[CellValue, ...]:
    """The items of a list cell, or the cell itself as the one item."""
    if isinstance(cell, tuple):
        return cell
    return (cell,)


def is_number(cell: CellValue) -> bool:
    """Whether a cell is a number (a yes/no cell is not, though Python counts it one)."""
    return isinstance(cell, int | float) and not isinstance(cell, bool)


def value_key(value: object) -> tuple[str, object] | None:
    """What ``equals`` and ``in`` compare of a cell item or an operand, or None when
    it equals nothing: text by its normalised form, numbers by their exact value
    (a whole-number float is hash-equal to the ``Fraction`` an operand holds). Yes/no
    values and dates equal no word and no number."""
    if isinstance(value, str):
        return ("s", normalise_token(value))
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Fraction):
        return ("n", value)
    return None


def contains(cell: CellValue, needles: tuple[str, ...]) -> bool:
    """Whether an item of a filled ``cell`` contains one of ``needles`` once normalised."""
    return any(n in normalise_token(str(item)) for item in items(cell) for n in needles)


def cell_test(condition: Condition, reference_date: dt.date | None) -> Callable[[CellValue], bool]:
    """The test a cell must pass for ``condition``, an operator of ``BY_VALUE``.

    ``reference_date`` is the day review ages count back from (``within_days``).
    """
    op, operand = condition.op, condition.value
    if op == "present":
        return lambda cell: filled(cell) == operand
    if op == "is":
        return lambda cell: cell is operand
    if op == "within_days":
        assert isinstance(operand, int)
        if reference_date is None:
            return lambda cell: False
        today = reference_date
        return lambda cell: isinstance(cell, dt.date) and 0 <= (today - cell).days <= operand
    if op in ("at_least", "at_most"):
        assert isinstance(operand, Fraction)
        # int/float against Fraction compares exactly (a float is taken at its exact value)
        if op == "at_least":
            return lambda cell: is_number(cell) and cell >= operand  # type: ignore[operator]
        return lambda cell: is_number(cell) and cell <= operand  # type: ignore[operator]
    if op == "contains":
        assert isinstance(operand, tuple)
        return lambda cell: filled(cell) and contains(cell, operand)
    if op in ("equals", "in"):
        options = operand if op == "in" else (operand,)
        assert isinstance(options, tuple)
        keys = {value_key(option) for option in options} - {None}
        return lambda cell: filled(cell) and any(value_key(i) in keys for i in items(cell))
    raise ValueError(f"unknown condition operator {op!r}")


class RowEngine:
    """The plain engine: each row tested in turn, each condition as the set format reads.

    Slow on large registers, and simple enough to check by eye: the column engine must
    give exactly its answers.
    """

    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.reference_date = inventory.profile.reference_date()
        self._tests: dict[Condition, Callable[[CellValue], bool]] = {}
        self._names: dict[RowReference, dict[str, int]] = {}

    def passing(self, register: Register, where: tuple[Condition, ...]) -> int:
        return numbits.mask(self.row_passes(row, where) for row in register.rows)

    def row_passes(self, row: Row, conditions: Iterable[Condition]) -> bool:
        """True when ``row`` passes every condition."""
        return all(self.condition_holds(row, c) for c in conditions)

    def condition_holds(self, row: Row, condition: Condition) -> bool:
        """Whether ``row`` passes one condition."""
        op = condition.op
        if op == "any_of":
            return any(self.row_passes(row, alt) for alt in condition.alternatives)
        assert condition.column is not None
        cell = row.get(condition.column)
        if op == "names_row_of":
            reference = condition.value
            assert isinstance(reference, RowReference)
            return filled(cell) and self._names_row(row, cell, reference)
        test = self._tests.get(condition)
        if test is None:
            test = self._tests[condition] = cell_test(condition, self.reference_date)
        return test(cell)

    def _names_row(self, row: Row, cell: CellValue, reference: RowReference) -> bool:
        table = self.names_in(reference)
        for name in items(cell):
            found = table.get(normalise_token(str(name)))
            # a row naming itself proves nothing
            if found is not None and (reference.sheet != row.sheet or found != row.number):
                return True
        return False

    def names_in(self, reference: RowReference) -> dict[str, int]:
        table = self._names.get(reference)
        if table is None:
            table = self._names[reference] = {}
            register = self.inventory.register(reference.sheet)
            for row in register.rows if register is not None else ():
                cell = row.get(reference.column)
                if named(cell) and self.row_passes(row, reference.where):
                    name = normalise_token(str(cell))
                    table[name] = SEVERAL if name in table else row.number
        return table
