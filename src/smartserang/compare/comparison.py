"""The comparison itself: two sides' snapshots matched by set, then each set's indices,
moved groups and moved indicators (with causes when both sides are workbooks).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from smartserang.compare.causes import Explainer, Workbooks, claim_causes, unique_causes
from smartserang.compare.registers import diff_inventories
from smartserang.compare.shifts import (
    Diff,
    GroupShift,
    IndexShift,
    IndicatorShift,
    LevelShift,
    SetDiff,
    Shift,
)
from smartserang.compare.snapshots import GroupScores, IndicatorLevels, Side, Snapshot
from smartserang.scoring.levels import Basis
from smartserang.workbook.contract import SHEETS_BY_KEY


def compare(old: Side, new: Side, basis: Basis, workbooks: Workbooks | None = None) -> Diff:
    """Compare two sides; with ``workbooks``, diff the registers and attribute causes."""
    inventory = diff_inventories(workbooks.old, workbooks.new) if workbooks else None
    explain = Explainer(workbooks, inventory) if workbooks and inventory else None
    before = {s.set_id: s for s in old.snapshots}
    sets = tuple(
        compare_snapshots(before[s.set_id], s, basis, explain, _penilaian_title(workbooks))
        for s in new.snapshots
        if s.set_id in before
    )
    after = {s.set_id for s in new.snapshots}
    only_old = tuple(s.set_id for s in old.snapshots if s.set_id not in after)
    only_new = tuple(s.set_id for s in new.snapshots if s.set_id not in before)
    return Diff(basis, old, new, sets, only_old, only_new, inventory)


def _penilaian_title(workbooks: Workbooks | None) -> str:
    for inventory in (workbooks.new, workbooks.old) if workbooks else ():
        register = inventory.register("penilaian")
        if register is not None:
            return register.title
    return SHEETS_BY_KEY["penilaian"].name


def compare_snapshots(
    old: Snapshot,
    new: Snapshot,
    basis: Basis,
    explain: Explainer | None = None,
    penilaian: str = "Penilaian",
) -> SetDiff:
    """The comparison of one set: both indices, moved groups, moved indicators."""

    def index(on: Basis) -> IndexShift:
        return IndexShift(on, Shift(old.index(on), new.index(on)), old.band(on), new.band(on))

    return SetDiff(
        new.set_id,
        new.set_title,
        old.set_version,
        new.set_version,
        index(Basis.CLAIMED),
        index(Basis.VERIFIED),
        _group_shifts(old, new, basis),
        _indicator_shifts(old, new, explain, penilaian),
    )


def _group_shifts(old: Snapshot, new: Snapshot, basis: Basis) -> tuple[GroupShift, ...]:
    """Groups whose score on ``basis`` moved, in the new tree's order."""
    before = {g.id: g.score(basis) for g in old.groups}
    after = {g.id: g.score(basis) for g in new.groups}
    shifts = (
        GroupShift(g.id, g.name, g.depth, Shift(before.get(g.id), after.get(g.id)))
        for g in _union(new.groups, old.groups)
    )
    return tuple(s for s in shifts if s.shift.old != s.shift.new)


def _indicator_shifts(
    old: Snapshot, new: Snapshot, explain: Explainer | None, penilaian: str
) -> tuple[IndicatorShift, ...]:
    """Indicators whose claimed, supported or verified level moved, with their causes."""
    before = {i.id: i for i in old.indicators}
    after = {i.id: i for i in new.indicators}
    shifts = []
    for item in _union(new.indicators, old.indicators):
        levels = before.get(item.id), after.get(item.id)
        shift = _indicator_shift(item, *levels)
        if shift is None:
            continue
        causes = list(claim_causes(shift, *levels, penilaian))
        # The verified level is the lower of claim and support: register rows explain a
        # move of the supported level only; a moved claim is explained by its own row.
        if explain is not None and shift.supported.changed:
            causes.extend(explain.causes(new.set_id, item.id, shift.supported))
        shifts.append(dataclasses.replace(shift, causes=unique_causes(causes)))
    return tuple(shifts)


_Item = TypeVar("_Item", GroupScores, IndicatorLevels)


def _union(first: Sequence[_Item], second: Sequence[_Item]) -> list[_Item]:
    """The items of ``first``, then those of ``second`` whose id ``first`` lacks."""
    seen = {item.id for item in first}
    return list(first) + [item for item in second if item.id not in seen]


def _indicator_shift(
    item: IndicatorLevels, old: IndicatorLevels | None, new: IndicatorLevels | None
) -> IndicatorShift | None:
    def shift(key: str) -> LevelShift:
        return LevelShift(getattr(old, key, None), getattr(new, key, None))

    claimed, supported, level = shift("claimed"), shift("supported"), shift("level")
    if not (claimed.changed or supported.changed or level.changed):
        return None
    return IndicatorShift(item.id, item.name, claimed, supported, level, ())
