"""The documented JSON of ``smartserang diff`` (docs/diff.md)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from smartserang import __version__
from smartserang.compare.cells import json_value
from smartserang.compare.registers import CellChange, Change, RegisterDiff
from smartserang.compare.shifts import (
    Cause,
    Diff,
    IndexShift,
    IndicatorShift,
    LevelShift,
    SetDiff,
    Shift,
)
from smartserang.compare.snapshots import Side
from smartserang.scoring.levels import Basis, round_score

DIFF_SCHEMA_VERSION = "1.0"
"""Version of the diff's JSON: minor for additions, major for changes (docs/diff.md)."""


def build_diff_data(diff: Diff) -> dict[str, Any]:
    """The documented JSON of ``diff`` (docs/diff.md)."""
    inventory = diff.inventory
    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "basis": diff.basis.value,
        "old": _side_data(diff.old),
        "new": _side_data(diff.new),
        "sets": [_set_data(s, diff.basis) for s in diff.sets],
        "sets_only_old": list(diff.only_old),
        "sets_only_new": list(diff.only_new),
        "registers": (
            {r.title: _register_data(r) for r in inventory.registers} if inventory else None
        ),
        "profile": ([_cell_data("profil", c) for c in inventory.profile] if inventory else None),
    }


def _side_data(side: Side) -> dict[str, Any]:
    return {
        "path": side.path,
        "kind": side.kind.value,
        "sha256": side.sha256,
        "instansi": side.instansi,
        "tahun": side.tahun,
    }


def _set_data(item: SetDiff, basis: Basis) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "version": {"old": item.old_version, "new": item.new_version},
        "index": _index_data(item.headline(basis)),
        "claimed_index": _index_data(item.claimed),
        "verified_index": _index_data(item.verified),
        "groups": [{"id": g.id, "name": g.name, **_shift_data(g.shift)} for g in item.groups],
        "indicators": [_indicator_data(i) for i in item.indicators],
    }


def _index_data(index: IndexShift) -> dict[str, Any]:
    return {
        **_shift_data(index.shift),
        "band": {"old": index.old_band, "new": index.new_band},
        "band_changed": index.old_band != index.new_band,
    }


def _shift_data(shift: Shift) -> dict[str, Any]:
    old = round_score(shift.old) if shift.old is not None else None
    new = round_score(shift.new) if shift.new is not None else None
    return {
        "old": _float(shift.old),
        "new": _float(shift.new),
        "delta": _float(shift.delta),
        "old_rounded": float(old) if old is not None else None,
        "new_rounded": float(new) if new is not None else None,
        "delta_rounded": float(new - old) if old is not None and new is not None else None,
    }


def _float(value: Fraction | None) -> float | None:
    return float(value) if value is not None else None


def _indicator_data(item: IndicatorShift) -> dict[str, Any]:
    def levels(shift: LevelShift) -> dict[str, int | None]:
        return {"old": shift.old, "new": shift.new}

    return {
        "id": item.id,
        "name": item.name,
        "claimed": levels(item.claimed),
        "supported": levels(item.supported),
        "level": levels(item.level),
        "causes": [cause_data(c) for c in item.causes],
    }


def cause_data(cause: Cause) -> dict[str, Any]:
    """One cause of a moved level as JSON (docs/diff.md)."""
    return {
        "sheet": cause.sheet,
        "row_old": cause.row_old,
        "row_new": cause.row_new,
        "label": cause.label,
        "change": cause.change.value,
        "via": cause.via.value,
        "columns": [_cell_data(cause.sheet_key, c) for c in cause.cells],
    }


def _register_data(register: RegisterDiff) -> dict[str, Any]:
    def rows(change: Change) -> list[dict[str, Any]]:
        return [
            {
                "row_old": r.row_old,
                "row_new": r.row_new,
                "label": r.label,
                "columns": [_cell_data(register.sheet, c) for c in r.cells],
            }
            for r in register.of(change)
        ]

    return {
        "key": register.sheet,
        "presence": register.presence.value,
        "added": rows(Change.ADDED),
        "removed": rows(Change.REMOVED),
        "changed": rows(Change.CHANGED),
    }


def _cell_data(sheet: str, cell: CellChange) -> dict[str, Any]:
    return {
        "column": cell.column,
        "old": json_value(sheet, cell.column, cell.old),
        "new": json_value(sheet, cell.column, cell.new),
    }
