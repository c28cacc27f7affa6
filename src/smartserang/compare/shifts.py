"""The comparison's result, as data: what moved (indices, group scores, indicator levels),
the causes of each moved level, and the ``Diff`` holding them. No logic beyond accessors.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from fractions import Fraction

from smartserang.compare.registers import CellChange, Change, InventoryDiff
from smartserang.compare.snapshots import Side
from smartserang.scoring.levels import Basis


@dataclass(frozen=True)
class Shift:
    """A score before and after (None where a side has no score)."""

    old: Fraction | None
    new: Fraction | None

    @property
    def delta(self) -> Fraction | None:
        """New minus old, unrounded."""
        return self.new - self.old if self.old is not None and self.new is not None else None


@dataclass(frozen=True)
class IndexShift:
    """An index and its predikat, before and after."""

    basis: Basis
    shift: Shift
    old_band: str
    new_band: str


@dataclass(frozen=True)
class GroupShift:
    """A group whose score moved (on the chosen basis)."""

    id: str
    name: str
    depth: int
    shift: Shift


@dataclass(frozen=True)
class LevelShift:
    """A level before and after."""

    old: int | None
    new: int | None

    @property
    def changed(self) -> bool:
        """True when the level differs."""
        return self.old != self.new


class Via(enum.Enum):
    """How a row change reaches an indicator's level."""

    CLAIM = "claim"
    """The indicator's own Penilaian row: its Tingkat claim changed."""
    RULE = "rule"
    """A row of the evidence rule's sheet that the rule selects on either side."""
    REFERENCE = "reference"
    """A row that rows selected by the rule name (Terintegrasi Dengan, Menggantikan)."""
    UNITS = "units"
    """A work unit, or a row whose units the rule counts (apps hosted in a data centre)."""
    PROFILE = "profile"
    """A Profil field the rule reads (the assessment date for review ages, a denominator)."""


@dataclass(frozen=True)
class Cause:
    """A change that moves an indicator's level."""

    via: Via
    sheet_key: str
    """Canonical key of the sheet (``profil`` for a Profil field)."""
    sheet: str
    """The sheet as written in the workbook (``Profil`` for a Profil field)."""
    change: Change
    label: str
    """The row's name (for a claim: the indicator id; for Profil: the field's name)."""
    row_old: int | None
    row_new: int | None
    cells: tuple[CellChange, ...] = ()


@dataclass(frozen=True)
class IndicatorShift:
    """An indicator whose claimed, supported or verified level moved."""

    id: str
    name: str
    claimed: LevelShift
    supported: LevelShift
    level: LevelShift
    causes: tuple[Cause, ...]


@dataclass(frozen=True)
class SetDiff:
    """The comparison of one indicator set."""

    id: str
    title: str
    old_version: str
    new_version: str
    claimed: IndexShift
    verified: IndexShift
    groups: tuple[GroupShift, ...]
    """Groups whose score on the chosen basis moved, parents before children."""
    indicators: tuple[IndicatorShift, ...]

    def headline(self, basis: Basis) -> IndexShift:
        """The index on ``basis``."""
        return self.claimed if basis is Basis.CLAIMED else self.verified


@dataclass(frozen=True)
class Diff:
    """The whole comparison."""

    basis: Basis
    old: Side
    new: Side
    sets: tuple[SetDiff, ...]
    """The sets scored on both sides, in the new side's order."""
    only_old: tuple[str, ...]
    """Ids of sets only the old side has."""
    only_new: tuple[str, ...]
    inventory: InventoryDiff | None
    """The register diff; None unless both sides are workbooks."""
