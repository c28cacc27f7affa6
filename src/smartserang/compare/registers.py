"""The register diff of two inventories: rows matched by their sheet's label column and
reported as added, removed or changed (cell by cell), and the changed Profil fields.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass

from smartserang.model import (
    CellValue,
    Inventory,
    Profile,
    Register,
    Row,
)
from smartserang.workbook.contract import SHEETS, SHEETS_BY_KEY
from smartserang.workbook.names import normalise_token


class Change(enum.Enum):
    """How a row differs between the old and the new workbook."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Presence(enum.Enum):
    """Which workbooks hold a sheet."""

    BOTH = "both"
    OLD = "old"
    """Only the old workbook: every row counts as removed."""
    NEW = "new"
    """Only the new workbook: every row counts as added."""


@dataclass(frozen=True)
class CellChange:
    """One column's value before and after (None: blank or absent)."""

    column: str
    """Canonical column key (or Profil field)."""
    old: CellValue
    new: CellValue


@dataclass(frozen=True)
class RowChange:
    """A row added, removed, or present on both sides with other content."""

    change: Change
    label: str
    """The row's name: the value of its sheet's label column."""
    old: Row | None
    new: Row | None
    cells: tuple[CellChange, ...] = ()
    """For a changed row, each column whose value differs, in contract order."""

    @property
    def row_old(self) -> int | None:
        """The Excel row number in the old workbook."""
        return self.old.number if self.old is not None else None

    @property
    def row_new(self) -> int | None:
        """The Excel row number in the new workbook."""
        return self.new.number if self.new is not None else None


@dataclass(frozen=True)
class RegisterDiff:
    """The row changes of one sheet."""

    sheet: str
    """Canonical sheet key."""
    title: str
    """The sheet's name as written (in the new workbook when it has the sheet)."""
    presence: Presence
    rows: tuple[RowChange, ...]
    """In row order: removed rows by old number, others by new number."""

    def of(self, change: Change) -> tuple[RowChange, ...]:
        """The rows with one kind of change."""
        return tuple(r for r in self.rows if r.change is change)


@dataclass(frozen=True)
class InventoryDiff:
    """Everything that differs between two inventories."""

    registers: tuple[RegisterDiff, ...]
    """Sheets with a row change or present on one side only, in contract order."""
    profile: tuple[CellChange, ...]
    """Profil fields whose value differs."""

    def register(self, sheet: str) -> RegisterDiff | None:
        """The changes of sheet ``sheet`` (canonical key), or None when it has none."""
        return next((r for r in self.registers if r.sheet == sheet), None)


def diff_inventories(old: Inventory, new: Inventory) -> InventoryDiff:
    """Row changes of every sheet and changed Profil fields of two inventories."""
    registers = []
    for spec in SHEETS:
        before, after = old.register(spec.key), new.register(spec.key)
        if before is None and after is None:
            continue
        diff = diff_register(before, after)
        if diff.rows or diff.presence is not Presence.BOTH:
            registers.append(diff)
    return InventoryDiff(tuple(registers), diff_profiles(old.profile, new.profile))


def diff_profiles(old: Profile, new: Profile) -> tuple[CellChange, ...]:
    """The Profil fields whose value differs, in contract order."""
    changes = []
    for field in dataclasses.fields(Profile):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before != after:
            changes.append(CellChange(field.name, before, after))
    return tuple(changes)


def diff_register(old: Register | None, new: Register | None) -> RegisterDiff:
    """The row changes of one sheet (at least one side must have it)."""
    some = new or old
    assert some is not None
    presence = Presence.BOTH if old and new else Presence.NEW if new else Presence.OLD
    changes = []
    for before, after in match_rows(old, new):
        change = _row_change(some, before, after)
        if change is not None:
            changes.append(change)
    changes.sort(key=lambda c: (c.row_new or c.row_old or 0, c.change is not Change.REMOVED))
    return RegisterDiff(some.sheet, some.title, presence, tuple(changes))


def match_rows(old: Register | None, new: Register | None) -> list[tuple[Row | None, Row | None]]:
    """Pairs (old row, new row) of the same thing; None on the side that lacks it.

    Rows are the same thing when their labels (the sheet's label column, compared as
    normalised tokens) are equal: row numbers shift whenever a row above is added or
    removed, so they say nothing. Among rows sharing a label (the Target sheet has an
    ``indeks`` row per year) each old row pairs with the new row that has the most equal
    cells, so an unchanged year pairs with itself and a new year stays new.
    """
    old_groups = _by_label(old)
    pairs: list[tuple[Row | None, Row | None]] = []
    for key, after in _by_label(new).items():
        pairs.extend(_pair_alike(old_groups.pop(key, []), after))
    pairs.extend((row, None) for rows in old_groups.values() for row in rows)
    return pairs


def _pair_alike(before: list[Row], after: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """Rows sharing one label, paired greedily by the number of equal cells."""
    unmatched = list(after)
    pairs: list[tuple[Row | None, Row | None]] = []
    for row in before:
        if not unmatched:
            pairs.append((row, None))
            continue
        # max() keeps the first of equals: ties go to workbook order.
        twin = max(unmatched, key=lambda other: _alike(row, other))
        unmatched.remove(twin)
        pairs.append((row, twin))
    pairs.extend((None, row) for row in unmatched)
    return pairs


def _alike(one: Row, other: Row) -> int:
    return sum(1 for key, value in one.values.items() if other.values.get(key) == value)


def _by_label(register: Register | None) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    if register is not None:
        for row in register.rows:
            groups.setdefault(normalise_token(register.label(row)), []).append(row)
    return groups


def _row_change(register: Register, old: Row | None, new: Row | None) -> RowChange | None:
    if old is not None and new is not None:
        if old.values == new.values:
            return None
        return RowChange(Change.CHANGED, register.label(new), old, new, _cells(old, new))
    if new is not None:
        return RowChange(Change.ADDED, register.label(new), None, new)
    assert old is not None
    return RowChange(Change.REMOVED, register.label(old), old, None)


def _cells(old: Row, new: Row) -> tuple[CellChange, ...]:
    spec = SHEETS_BY_KEY[new.sheet]
    order = {column.key: n for n, column in enumerate(spec.columns)}
    keys = sorted(set(old.values) | set(new.values), key=lambda k: (order.get(k, len(order)), k))
    return tuple(
        CellChange(key, old.get(key), new.get(key)) for key in keys if old.get(key) != new.get(key)
    )
