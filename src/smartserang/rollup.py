"""Rolling up the units of one instance: a league table and the instance view per indicator.

A city's perangkat daerah (or a province's kabupaten/kota) each keep a workbook; scored on
the same set they line up side by side, and combine into one view per indicator: the
mean level across the units and the weakest unit. Pure computation on scored results.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from smartserang.model import IndicatorSet
from smartserang.scoring import Basis, SetResult, score_tree


@dataclass(frozen=True)
class UnitScore:
    """One unit's place in the league table."""

    result: SetResult
    name: str
    """Profil's Instansi, else the workbook's file name."""
    rank: int
    """1 for the highest index; equal indices share a rank."""
    index: Fraction
    groups: dict[str, Fraction | None]
    """Top-level group id -> score on the basis."""


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


def roll_up(results: list[SetResult], basis: Basis) -> RollUp:
    """Combine the results of several workbooks scored on one set."""
    iset = results[0].indicator_set
    if any(r.indicator_set is not iset for r in results):
        raise ValueError("a roll-up combines results of one indicator set")
    ordered = sorted(results, key=lambda r: (-r.index(basis), r.inventory.source))
    units = []
    previous: Fraction | None = None
    rank = 0
    for position, result in enumerate(ordered, 1):
        index = result.index(basis)
        if index != previous:
            rank, previous = position, index
        groups = {g.group.id: g.score(basis) for g in result.groups}
        units.append(UnitScore(result, unit_name(result), rank, index, groups))
    indicators = []
    means: dict[str, Fraction | None] = {}
    # One lookup per unit, not a scan of its indicators for every indicator.
    by_id = [{r.indicator.id: r for r in unit.result.indicators} for unit in units]
    for indicator in iset.indicators():
        levels: list[tuple[int, str]] = []
        for unit, found_by_id in zip(units, by_id, strict=True):
            found = found_by_id[indicator.id]
            level = found.claimed_basis_level if basis is Basis.CLAIMED else found.level
            if level is not None:
                levels.append((level, unit.name))
        mean = Fraction(sum(level for level, _ in levels), len(levels)) if levels else None
        weakest = min(levels, key=lambda pair: pair[0]) if levels else None
        means[indicator.id] = mean
        indicators.append(
            IndicatorRollUp(
                indicator.id, mean, (weakest[1], weakest[0]) if weakest else None, len(levels)
            )
        )
    tree = score_tree(iset, means)
    return RollUp(iset, basis, tuple(units), tuple(indicators), tree.index, dict(tree.groups))
