"""What a condition asks of a row, and the plain engine that asks it row by row.

Each operator's test of one cell is written here once (:func:`cell_test`), with what
``equals`` and ``in`` compare (:func:`value_key`) and what a blank cell says
(:func:`blank_is_unknown`). Two engines answer a rule's conditions over a register behind
one interface, :class:`Engine`: :class:`RowEngine` here tests each row in turn, as the set
format describes the conditions; :class:`~smartserang.scoring.columns.ColumnEngine` gives
the same answers from whole columns at once, and is the one scoring uses. The tests hold
them equal.

**Three values.** A condition on a row holds, fails, or is unknown. It is unknown when
the register has no such column at all, or when the cell is blank in a column where a
blank says nothing (an attribute every row has: a Status, a Tingkat Layanan, a yes/no);
``present`` is never unknown in a column the register has, since it asks about blankness
itself. In a column of names, lists, dates or classifications a blank cell is an answer:
it names nothing, records no date, puts the row in no class. Several conditions combine
as Kleene's logic does: ``and`` fails when one fails, holds when all hold, and is
unknown otherwise; ``any_of`` the other way round. An engine's answer for a register is
an :class:`Answer`: the rows that surely pass and the rows that may pass.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import NamedTuple, Protocol

from smartserang.model import CellValue, Condition, Inventory, Register, Row, RowReference
from smartserang.scoring import numbits
from smartserang.workbook.contract import SHEETS_BY_KEY, ColumnType
from smartserang.workbook.names import normalise_token

SEVERAL = -1
"""In a table of ``Engine.names_in``: the name is held by several rows (no row number
is below 1)."""

BY_VALUE = frozenset(
    {"present", "is", "within_days", "at_least", "at_most", "contains", "equals", "in"}
)
"""Operators answered from the cell alone (no other row or register): see ``cell_test``."""

CLASSIFYING = frozenset(
    {
        ("aplikasi", "layanan_spbe"),
        ("aplikasi", "dimensi_smart_city"),
        ("fasilitas", "jenis"),
        ("kebijakan", "topik"),
        ("program", "dimensi"),
    }
)
"""Columns that say which kind of thing a row is (the service an application supports,
a facility's type…): a blank cell puts the row in no class, as the contract's registers
use them (an application outside the SPBE services leaves Layanan SPBE blank)."""

_ANSWERING = frozenset({ColumnType.TEXT, ColumnType.LIST, ColumnType.DATE})
"""Types whose blank cell is an answer: a name or list that names nothing, a date that
records no event (no review, no enactment)."""

Truth = bool | None
"""A condition's answer on one row: True, False, or None when unknown."""


class Answer(NamedTuple):
    """The rows of a register passing some conditions, as masks (:mod:`numbits`)."""

    sure: int
    """The rows that surely pass."""
    possible: int
    """The rows that may pass: the sure ones, and those whose answer turns on a cell
    that says nothing (always holds ``sure``)."""

    @property
    def unknown(self) -> int:
        """The rows whose answer is unknown."""
        return self.possible & ~self.sure


class Engine(Protocol):
    """Answers conditions over the registers of one inventory."""

    def answer(self, register: Register, where: tuple[Condition, ...]) -> Answer:
        """The rows of ``register`` that surely pass, and may pass, every condition of
        ``where``."""
        ...

    def passing(self, register: Register, where: tuple[Condition, ...]) -> int:
        """The rows of ``register`` surely passing every condition of ``where``, as a mask
        (:mod:`smartserang.scoring.numbits`)."""
        ...

    def names_in(self, reference: RowReference) -> dict[str, int]:
        """Normalised value of ``reference.column`` -> the number of the row holding it
        (of the rows surely passing ``reference.where``), or ``SEVERAL`` when several rows
        do."""
        ...

    def possible_names_in(self, reference: RowReference) -> dict[str, int]:
        """As ``names_in``, of the rows that may pass ``reference.where``."""
        ...


@functools.cache
def blank_is_unknown(sheet: str, column: str) -> bool:
    """Whether a blank cell of ``column`` says nothing (so a condition on it is unknown),
    rather than answering (a name or list naming nothing, a date recording no event, a
    row in no class). Columns outside the contract say nothing when blank."""
    spec = SHEETS_BY_KEY.get(sheet)
    found = spec.column(column) if spec is not None else None
    if found is None:
        return True
    return found.type not in _ANSWERING and (sheet, column) not in CLASSIFYING


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

    ``reference_date`` is the day review ages count back from (``within_days``). Only
    ``present`` passes a blank cell; whether a blank fails or is unknown is the column's
    matter (``blank_is_unknown``).
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


def all_of(truths: Iterable[Truth]) -> Truth:
    """Kleene's ``and``: False when one is False, else None when one is unknown."""
    found: Truth = True
    for truth in truths:
        if truth is False:
            return False
        if truth is None:
            found = None
    return found


def any_of(truths: Iterable[Truth]) -> Truth:
    """Kleene's ``or``: True when one is True, else None when one is unknown."""
    found: Truth = False
    for truth in truths:
        if truth is True:
            return True
        if truth is None:
            found = None
    return found


class RowEngine:
    """The plain engine: each row tested in turn, each condition as the set format reads.

    Slow on large registers, and simple enough to check by eye: the column engine must
    give exactly its answers.
    """

    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.reference_date = inventory.profile.reference_date()
        self._tests: dict[Condition, Callable[[CellValue], bool]] = {}
        self._names: dict[tuple[RowReference, bool], dict[str, int]] = {}

    def answer(self, register: Register, where: tuple[Condition, ...]) -> Answer:
        truths = [self.row_value(row, where) for row in register.rows]
        return Answer(
            numbits.mask(t is True for t in truths), numbits.mask(t is not False for t in truths)
        )

    def passing(self, register: Register, where: tuple[Condition, ...]) -> int:
        return self.answer(register, where).sure

    def row_passes(self, row: Row, conditions: Iterable[Condition]) -> bool:
        """True when ``row`` surely passes every condition."""
        return self.row_value(row, conditions) is True

    def condition_holds(self, row: Row, condition: Condition) -> bool:
        """Whether ``row`` surely passes one condition."""
        return self.condition_value(row, condition) is True

    def row_value(self, row: Row, conditions: Iterable[Condition]) -> Truth:
        """Whether ``row`` passes every condition: True, False or None (unknown)."""
        return all_of(self.condition_value(row, c) for c in conditions)

    def condition_value(self, row: Row, condition: Condition) -> Truth:
        """Whether ``row`` passes one condition: True, False or None (unknown)."""
        op = condition.op
        if op == "any_of":
            return any_of(self.row_value(row, alt) for alt in condition.alternatives)
        column = condition.column
        assert column is not None
        register = self.inventory.register(row.sheet)
        if register is None or column not in register.columns:
            return None  # the register does not record this field
        cell = row.get(column)
        if not filled(cell) and op != "present" and blank_is_unknown(row.sheet, column):
            return None
        if op == "names_row_of":
            reference = condition.value
            assert isinstance(reference, RowReference)
            return filled(cell) and self._names_row(row, cell, reference)
        test = self._tests.get(condition)
        if test is None:
            test = self._tests[condition] = cell_test(condition, self.reference_date)
        return test(cell)

    def _names_row(self, row: Row, cell: CellValue, reference: RowReference) -> Truth:
        target = self.inventory.register(reference.sheet)
        if target is not None and reference.column not in target.columns:
            return None  # the names it might name are not recorded
        tables = ((self.names_in(reference), True), (self.possible_names_in(reference), None))
        for table, truth in tables:
            for name in items(cell):
                number = table.get(normalise_token(str(name)))
                # a row naming itself proves nothing
                if number is not None and (reference.sheet != row.sheet or number != row.number):
                    return truth
        return False

    def names_in(self, reference: RowReference) -> dict[str, int]:
        return self._table(reference, sure=True)

    def possible_names_in(self, reference: RowReference) -> dict[str, int]:
        return self._table(reference, sure=False)

    def _table(self, reference: RowReference, *, sure: bool) -> dict[str, int]:
        table = self._names.get((reference, sure))
        if table is None:
            table = self._names[(reference, sure)] = {}
            register = self.inventory.register(reference.sheet)
            for row in register.rows if register is not None else ():
                cell = row.get(reference.column)
                truth = self.row_value(row, reference.where)
                if named(cell) and (truth is True if sure else truth is not False):
                    name = normalise_token(str(cell))
                    table[name] = SEVERAL if name in table else row.number
        return table
