"""Why a score fell since the baseline: the indicators whose level moved under each
failed baseline check and, from the workbook and what the baseline recorded of it, why:
the claim that changed, the register rows its rule selected that are gone or changed,
the Profil fields it reads, and what the registers now lack.

``explain_falls`` does it for one workbook's results (in the worker that scored them);
the causes are ``compare``'s, as ``diff`` finds between two workbooks, so they read the
same. Pure logic: no I/O, no printing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from smartserang.compare.causes import claim_causes, profile_causes, unique_causes
from smartserang.compare.cells import cell_value
from smartserang.compare.registers import CellChange, Change
from smartserang.compare.shifts import Cause, IndicatorShift, LevelShift, Via
from smartserang.compare.snapshots import IndicatorLevels
from smartserang.gate.baseline import Baseline
from smartserang.gate.records import EvidenceRecord, IndicatorRecord
from smartserang.gate.thresholds import Check, CheckKind
from smartserang.model import CellValue, Group, Inventory, Register, Scale, Text
from smartserang.scoring.levels import Basis, IndicatorResult, SetResult
from smartserang.workbook.contract import SHEETS_BY_KEY
from smartserang.workbook.names import normalise_token


@dataclass(frozen=True)
class Move:
    """An indicator whose level on the checked basis moved since the baseline, and why."""

    set_id: str
    id: str
    name: Text
    groups: tuple[str, ...]
    """The groups it sits in, top first."""
    claimed: LevelShift
    supported: LevelShift
    level: LevelShift
    causes: tuple[Cause, ...]
    needs: Text | None = None
    """When its register support fell: what the registers now lack for the next level."""
    needs_level: int | None = None
    values_recorded: bool = True
    """Whether the baseline recorded the values of the rows behind the level (a
    ``score --format json`` result used as a baseline names the rows only)."""


@dataclass(frozen=True)
class Falls:
    """The moves behind one workbook's failed baseline checks."""

    moves: tuple[Move, ...] = ()
    unrecorded: tuple[str, ...] = ()
    """Sets whose baseline fell but records no indicator (a format 1.0 baseline)."""
    unmoved: tuple[tuple[str, str], ...] = ()
    """(set id, subject) of failed checks with no indicator moved below them (the set's
    weights or tree changed since the baseline)."""


def explain_falls(
    results: Sequence[SetResult], checks: Sequence[Check], baseline: Baseline | None, basis: Basis
) -> Falls:
    """The moves behind every failed baseline check in ``checks``."""
    if baseline is None:
        return Falls()
    moves: list[Move] = []
    unrecorded: list[str] = []
    unmoved: list[tuple[str, str]] = []
    for result in results:
        set_id = result.indicator_set.id
        fell = [
            c.subject
            for c in checks
            if c.set_id == set_id and c.kind is CheckKind.BASELINE and not c.passed
        ]
        if not fell:
            continue
        record = baseline.record(set_id)
        if record is None:
            unrecorded.append(set_id)
            continue
        paths = _group_paths(result.indicator_set.groups)
        explainer = _Explainer(result.inventory, baseline.profile)
        found = []
        for r in result.indicators:
            path = paths.get(r.indicator.id, ())
            old = record.indicator(r.indicator.id)
            if old is None or not ({"index", *path} & set(fell)):
                continue
            if old.basis_level(basis.value) != _basis_level(r, basis):
                scale = result.indicator_set.scales[r.indicator.scale]
                found.append(explainer.move(set_id, r, old, path, scale))
        # The falls first: they are what failed the check.
        found.sort(key=lambda m: not _fell(m, basis))
        moves.extend(found)
        for subject in fell:
            if not any(subject == "index" or subject in m.groups for m in found):
                unmoved.append((set_id, subject))
    return Falls(tuple(moves), tuple(unrecorded), tuple(unmoved))


def _basis_level(result: IndicatorResult, basis: Basis) -> int | None:
    return result.claimed_basis_level if basis is Basis.CLAIMED else result.level


def _fell(move: Move, basis: Basis) -> bool:
    if basis is Basis.CLAIMED:
        old = move.claimed.old if move.claimed.old is not None else move.supported.old
        new = move.claimed.new if move.claimed.new is not None else move.supported.new
    else:
        old, new = move.level.old, move.level.new
    return (new or 0) < (old or 0)


def _group_paths(groups: Sequence[Group]) -> dict[str, tuple[str, ...]]:
    """Indicator id -> the ids of the groups it sits in, top first."""
    paths: dict[str, tuple[str, ...]] = {}

    def walk(group: Group, above: tuple[str, ...]) -> None:
        path = (*above, group.id)
        for indicator in group.indicators:
            paths[indicator.id] = path
        for child in group.groups:
            walk(child, path)

    for group in groups:
        walk(group, ())
    return paths


class _Explainer:
    """Finds the causes of a move in the workbook, against what the baseline recorded."""

    def __init__(self, inventory: Inventory, profile: Mapping[str, CellValue] | None) -> None:
        self.inventory = inventory
        self.by_title = {r.title: r for r in inventory.registers.values()}
        self.labels: dict[str, dict[str, list[int]]] = {}
        current = inventory.profile
        self.profile = tuple(
            CellChange(name, old, getattr(current, name))
            for name, old in (profile or {}).items()
            if getattr(current, name) != old
        )
        penilaian = inventory.register("penilaian")
        self.penilaian = penilaian.title if penilaian else SHEETS_BY_KEY["penilaian"].name

    def move(
        self,
        set_id: str,
        r: IndicatorResult,
        old: IndicatorRecord,
        path: tuple[str, ...],
        scale: Scale,
    ) -> Move:
        indicator = r.indicator
        claimed = LevelShift(old.claimed, r.claimed)
        supported = LevelShift(old.supported, r.supported)
        level = LevelShift(old.level, r.level)
        shift = IndicatorShift(indicator.id, "", claimed, supported, level, ())
        before = IndicatorLevels(indicator.id, "", *_levels(old), old.claim_row)
        after = IndicatorLevels(indicator.id, "", r.claimed, r.supported, r.level, r.claim_row)
        causes = list(claim_causes(shift, before, after, self.penilaian))
        needs, needs_level = None, None
        rule = indicator.evidence
        if rule is not None and (supported.new or 0) < (supported.old or 0):
            # A step passes when some selected row passes it: a fall is a row gone, or
            # changed in a column the rule reads, or a Profil field it reads.
            causes.extend(self._rows(old.evidence, self.inventory.register(rule.sheet)))
            causes.extend(profile_causes(rule, scale, supported, self.profile, self.inventory))
            if r.next_requires is not None and r.next_level is not None:
                needs, needs_level = r.next_requires, r.next_level
        return Move(
            set_id,
            indicator.id,
            indicator.label,
            path,
            claimed,
            supported,
            level,
            unique_causes(causes),
            needs,
            needs_level,
            all(row.cells is not None for row in old.evidence),
        )

    def _rows(
        self, recorded: Sequence[EvidenceRecord], register: Register | None
    ) -> Iterator[Cause]:
        """Rows the rule selected then that are gone now, or changed in a column it reads."""
        for row in recorded:
            current = self.by_title.get(row.sheet, register)
            if current is None:
                continue
            matches = self._matching(current, row.label)
            if not matches:
                yield Cause(
                    Via.RULE, current.sheet, current.title, Change.REMOVED, row.label, row.row, None
                )
                continue
            if row.cells is None:
                continue
            changes = min(
                (self._changes(current, at, row) for at in matches), key=lambda c: len(c[1])
            )
            number, cells = changes
            if cells:
                yield Cause(
                    Via.RULE,
                    current.sheet,
                    current.title,
                    Change.CHANGED,
                    row.label,
                    row.row,
                    number,
                    cells,
                )

    def _matching(self, register: Register, label: str) -> list[int]:
        """Positions of the rows of ``register`` with ``label`` (compared as tokens)."""
        by_label = self.labels.get(register.title)
        if by_label is None:
            by_label = {}
            for at, text in enumerate(register.labels()):
                by_label.setdefault(normalise_token(text), []).append(at)
            self.labels[register.title] = by_label
        return by_label.get(normalise_token(label), [])

    @staticmethod
    def _changes(
        register: Register, at: int, row: EvidenceRecord
    ) -> tuple[int, tuple[CellChange, ...]]:
        """The row's number now, and its recorded columns whose value differs now."""
        assert row.cells is not None
        order = {column.key: n for n, column in enumerate(SHEETS_BY_KEY[register.sheet].columns)}
        changed = []
        for key in sorted(row.cells, key=lambda k: (order.get(k, len(order)), k)):
            old = cell_value(register.sheet, key, row.cells[key])
            new = register.cells(key)[at] if key in register.columns else None
            if old != new:
                changed.append(CellChange(key, old, new))
        return register.numbers[at], tuple(changed)


def _levels(record: IndicatorRecord) -> tuple[int | None, int | None, int | None]:
    return record.claimed, record.supported, record.level
