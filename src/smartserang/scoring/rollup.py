"""Rolling up the units of one instance: a league table and the instance view per indicator.

A city's perangkat daerah (or a province's kabupaten/kota) each keep a workbook; scored on
the same set they line up side by side, and combine into one view per indicator: the
mean level across the units and the weakest unit. Pure computation on scored results.

A roll-up keeps of each workbook only a :class:`UnitResult` (its scores and levels on the
chosen basis, no rows), so hundreds of workbooks can be scored one after another, or in
worker processes, without holding their inventories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from smartserang.model import IndicatorSet
from smartserang.problems import Problem
from smartserang.scoring.levels import Basis, SetResult, score_tree


@dataclass(frozen=True)
class UnitResult:
    """What a roll-up keeps of one workbook scored on one set, on one basis."""

    source: str
    """The workbook as the user named it."""
    sha256: str
    """SHA-256 of the workbook file."""
    name: str
    """Profil's Instansi, else the workbook's file name."""
    index: Fraction
    groups: dict[str, Fraction | None]
    """Top-level group id -> score."""
    levels: dict[str, int | None]
    """Indicator id -> level (None when it has none)."""
    unsupported: tuple[str, ...]
    """Ids of the indicators whose claim outruns the registers, in set order."""
    warnings: tuple[Problem, ...]
    """The scoring's warnings (reading and registers)."""


@dataclass(frozen=True)
class UnitScore:
    """One unit's place in the league table."""

    unit: UnitResult
    rank: int
    """1 for the highest index; equal indices share a rank."""


@dataclass(frozen=True)
class IndicatorRollUp:
    """One indicator across the units."""

    id: str
    mean: Fraction | None
    """Mean verified (or claimed) level over the units that assessed it."""
    weakest: tuple[str, int] | None
    """(unit name, level) of the lowest level; the first such unit in rank order."""
    assessed: int
    """How many units gave it a level."""


@dataclass(frozen=True)
class RollUp:
    """Every unit of one set, side by side, and the instance view."""

    indicator_set: IndicatorSet
    basis: Basis
    units: tuple[UnitScore, ...]
    """In rank order."""
    indicators: tuple[IndicatorRollUp, ...]
    """In set order."""
    index: Fraction
    """The index of the mean levels (the instance view scored like one workbook)."""
    groups: dict[str, Fraction | None]
    """Group id -> score of the mean levels."""


def unit_name(result: SetResult) -> str:
    """What a unit is called: Profil's Instansi, else its file name."""
    from pathlib import PurePath

    return result.inventory.profile.instansi or PurePath(result.inventory.source).name


def unit_result(result: SetResult, basis: Basis) -> UnitResult:
    """The part of ``result`` a roll-up on ``basis`` reads."""
    claimed = basis is Basis.CLAIMED
    return UnitResult(
        source=result.inventory.source,
        sha256=result.inventory.sha256,
        name=unit_name(result),
        index=result.index(basis),
        groups={g.group.id: g.score(basis) for g in result.groups},
        levels={
            r.indicator.id: r.claimed_basis_level if claimed else r.level for r in result.indicators
        },
        unsupported=tuple(r.indicator.id for r in result.unsupported()),
        warnings=result.warnings,
    )


def roll_up(iset: IndicatorSet, units: Sequence[UnitResult], basis: Basis) -> RollUp:
    """Combine several workbooks scored on ``iset`` (each kept as a :class:`UnitResult`)."""
    ordered = sorted(units, key=lambda u: (-u.index, u.source))
    scores = []
    previous: Fraction | None = None
    rank = 0
    for position, unit in enumerate(ordered, 1):
        if unit.index != previous:
            rank, previous = position, unit.index
        scores.append(UnitScore(unit, rank))
    indicators = []
    means: dict[str, Fraction | None] = {}
    for indicator in iset.indicators():
        levels = [
            (level, unit.name)
            for unit in ordered
            if (level := unit.levels[indicator.id]) is not None
        ]
        mean = Fraction(sum(level for level, _ in levels), len(levels)) if levels else None
        weakest = min(levels, key=lambda pair: pair[0]) if levels else None
        means[indicator.id] = mean
        indicators.append(
            IndicatorRollUp(
                indicator.id, mean, (weakest[1], weakest[0]) if weakest else None, len(levels)
            )
        )
    tree = score_tree(iset, means)
    return RollUp(iset, basis, tuple(scores), tuple(indicators), tree.index, dict(tree.groups))
