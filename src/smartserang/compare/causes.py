"""Cause attribution: for an indicator whose level moved, the changes that moved it: its
own Penilaian claim, and the register rows and Profil fields its evidence rule reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from smartserang.compare.registers import (
    CellChange,
    Change,
    InventoryDiff,
    RegisterDiff,
    RowChange,
)
from smartserang.compare.rulereads import (
    cell_items,
    columns_of,
    columns_read,
    counts_units,
    each_condition,
    own_conditions,
    profile_fields,
)
from smartserang.compare.shifts import Cause, IndicatorShift, LevelShift, Via
from smartserang.compare.snapshots import IndicatorLevels
from smartserang.model import (
    Condition,
    EvidenceRule,
    IndicatorSet,
    Inventory,
    RowReference,
    Scale,
)
from smartserang.scoring.context import RuleContext
from smartserang.scoring.rules import evaluate_rule
from smartserang.workbook.contract import SHEETS_BY_KEY
from smartserang.workbook.names import normalise_token


@dataclass(frozen=True)
class Workbooks:
    """Both inventories, for the register diff and cause attribution."""

    old: Inventory
    new: Inventory
    sets: Mapping[str, IndicatorSet]
    """The sets scored, by id (their evidence rules explain the changes)."""


def claim_causes(
    shift: IndicatorShift, old: IndicatorLevels | None, new: IndicatorLevels | None, sheet: str
) -> Iterator[Cause]:
    """The Penilaian row, when the claim itself moved."""
    if not shift.claimed.changed:
        return
    row_old = old.claim_row if old else None
    row_new = new.claim_row if new else None
    change = Change.CHANGED
    if row_old is None and row_new is not None:
        change = Change.ADDED
    elif row_new is None and row_old is not None:
        change = Change.REMOVED
    cells = (CellChange("tingkat", shift.claimed.old, shift.claimed.new),)
    yield Cause(Via.CLAIM, "penilaian", sheet, change, shift.id, row_old, row_new, cells)


def unique_causes(causes: Iterable[Cause]) -> tuple[Cause, ...]:
    """Each row once (a row may be both selected and named), in the order found."""
    seen: set[tuple[str, int | None, int | None, str]] = set()
    kept = []
    for cause in causes:
        key = (cause.sheet, cause.row_old, cause.row_new, cause.label)
        if key not in seen:
            seen.add(key)
            kept.append(cause)
    return tuple(kept)


class Explainer:
    """Finds the register rows behind an indicator's move, through its evidence rule."""

    def __init__(self, workbooks: Workbooks, diff: InventoryDiff) -> None:
        self.inventories = (workbooks.old, workbooks.new)
        self.contexts = (RuleContext(workbooks.old), RuleContext(workbooks.new))
        self.diff = diff
        self.indicators = {
            (s.id, i.id): (s, i) for s in workbooks.sets.values() for i in s.indicators()
        }

    def causes(self, set_id: str, indicator_id: str, supported: LevelShift) -> list[Cause]:
        """The row changes and Profil fields behind a move of the supported level."""
        iset, indicator = self.indicators.get((set_id, indicator_id), (None, None))
        rule = indicator.evidence if indicator is not None else None
        if iset is None or indicator is None or rule is None:
            return []
        rows = [*self._rule_rows(rule), *self._references(rule), *self._units(rule)]
        if rule.measure is None and supported.old is not None and supported.new is not None:
            rows = [cause for cause in rows if _can_move(cause, supported)]
        scale = iset.scales[indicator.scale]
        return [*rows, *self._profile(rule, scale, supported)]

    def _selected(self, sheet: str, where: tuple[Condition, ...]) -> tuple[set[int], set[int]]:
        """Numbers of the rows ``where`` selects in the old and in the new workbook."""
        numbers: list[set[int]] = []
        for inventory, context in zip(self.inventories, self.contexts, strict=True):
            register = inventory.register(sheet)
            rows = context.select(register, where) if register is not None else ()
            numbers.append({row.number for row in rows})
        return numbers[0], numbers[1]

    def _rows(
        self, sheet: str, where: tuple[Condition, ...], read: set[str], via: Via
    ) -> Iterator[Cause]:
        """Changes of rows selected on either side; a changed row only if it changed in
        a column that matters (a new URL moves no level)."""
        diff = self.diff.register(sheet)
        if diff is None:
            return
        old, new = self._selected(sheet, where)
        for row in diff.rows:
            if (row.row_old in old or row.row_new in new) and _touches(row, read):
                yield _cause(via, diff, row)

    def _rule_rows(self, rule: EvidenceRule) -> Iterator[Cause]:
        yield from self._rows(rule.sheet, rule.where, columns_read(rule), Via.RULE)

    def _references(self, rule: EvidenceRule) -> Iterator[Cause]:
        """Rows named by a selected row's cell (names_row_of) that came, went or changed."""
        for condition in each_condition(own_conditions(rule)):
            reference = condition.value
            if not isinstance(reference, RowReference) or condition.column is None:
                continue
            diff = self.diff.register(reference.sheet)
            if diff is None:
                continue
            cited = self._cited(rule, condition.column)
            read = {reference.column} | columns_of(reference.where)
            for row in diff.rows:
                names = {
                    normalise_token(str(item))
                    for side in (row.old, row.new)
                    if side is not None
                    for item in cell_items(side.get(reference.column))
                }
                if names & cited and _touches(row, read):
                    yield _cause(Via.REFERENCE, diff, row)

    def _cited(self, rule: EvidenceRule, column: str) -> set[str]:
        """Names written in ``column`` of the rows the rule selects, on either side."""
        names: set[str] = set()
        for inventory, context in zip(self.inventories, self.contexts, strict=True):
            register = inventory.register(rule.sheet)
            for row in context.select(register, rule.where) if register is not None else ():
                names.update(normalise_token(str(item)) for item in cell_items(row.get(column)))
        return names

    def _units(self, rule: EvidenceRule) -> Iterator[Cause]:
        """Rows whose work units the rule counts, and the work units themselves."""
        if not counts_units(rule):
            return
        for source in rule.extra_units:
            read = {source.column} | columns_of(source.where)
            yield from self._rows(source.sheet, source.where, read, Via.UNITS)
        units = self.diff.register("perangkat_daerah")
        if units is not None:
            yield from (_cause(Via.UNITS, units, row) for row in units.rows)

    def _profile(self, rule: EvidenceRule, scale: Scale, supported: LevelShift) -> Iterator[Cause]:
        """Changed Profil fields the rule reads, when the level hangs on them."""
        yield from profile_causes(rule, scale, supported, self.diff.profile, self.inventories[1])


def profile_causes(
    rule: EvidenceRule,
    scale: Scale,
    supported: LevelShift,
    changed: Iterable[CellChange],
    new: Inventory,
) -> Iterator[Cause]:
    """The ``changed`` Profil fields that ``rule`` reads and its level in ``new`` hangs on.

    A new assessment date ages every review by a year; whether that is what moved a level
    is asked of the rule itself: the new registers are read with the old value put back,
    field by field (all of them when no single one explains the move).
    """
    fields = profile_fields(rule)
    cells = [cell for cell in changed if cell.column in fields]
    if not cells or _level_with_old(rule, scale, cells, new) == supported.new:
        return
    alone = [c for c in cells if _level_with_old(rule, scale, [c], new) != supported.new]
    names = {c.key: c.name for c in SHEETS_BY_KEY["profil"].columns}
    for cell in alone or cells:
        label = names.get(cell.column, cell.column)
        yield Cause(Via.PROFILE, "profil", "Profil", Change.CHANGED, label, None, None, (cell,))


def _level_with_old(
    rule: EvidenceRule, scale: Scale, cells: list[CellChange], new: Inventory
) -> int | None:
    """The level the new registers support with the old value of ``cells`` put back."""
    old_values: dict[str, Any] = {cell.column: cell.old for cell in cells}
    profile = dataclasses.replace(new.profile, **old_values)
    context = RuleContext(dataclasses.replace(new, profile=profile))
    return evaluate_rule(rule, scale, context).supported


def _can_move(cause: Cause, supported: LevelShift) -> bool:
    """Whether a row change can have moved an evidence ladder the way it moved.

    A ladder's step passes when some selected row passes it, so more rows never lower a
    level: an added row cannot explain a fall, nor a removed row a rise. Work units are the
    exception (a new unit raises the bar of "every unit"), and a changed row can go either way.
    """
    if cause.change is Change.CHANGED or cause.sheet_key == "perangkat_daerah":
        return True
    rose = (supported.new or 0) > (supported.old or 0)
    return (cause.change is Change.ADDED) == rose


def _cause(via: Via, diff: RegisterDiff, row: RowChange) -> Cause:
    return Cause(
        via, diff.sheet, diff.title, row.change, row.label, row.row_old, row.row_new, row.cells
    )


def _touches(row: RowChange, columns: set[str]) -> bool:
    """An added or removed row always matters; a changed one if a read column changed."""
    return row.change is not Change.CHANGED or any(c.column in columns for c in row.cells)
