"""Gap analysis on a scored result: targets, gaps, marginal gains, priorities, completeness.

Pure computation (no I/O, no third-party imports), exact arithmetic. Every gain is the
difference of two verified indices computed by :func:`~smartserang.scoring.levels.score_tree`,
so "raise this indicator one level" in the workbook moves the index by exactly the gain
reported.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Set
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from smartserang.model import Group, Indicator, IndicatorSet, Inventory
from smartserang.problems import Problem, cell_location
from smartserang.scoring.levels import (
    IndicatorResult,
    SetResult,
    effective_weights,
    indicator_value,
    score_tree,
)

INDEX_SCOPE = "indeks"
"""The Target sheet's Lingkup value for the index itself."""
_INDEX_ALIASES = frozenset({"indeks", "index", "indeks spbe"})


class TargetSource(enum.Enum):
    """Where the index target comes from."""

    OPTION = "option"
    """``--target`` on the command line."""
    SHEET = "sheet"
    """The workbook's Target sheet (latest year)."""
    NEXT_BAND = "next_band"
    """No target given: the lower edge of the next predikat above the verified index."""
    NONE = "none"
    """No target given and already in the top band."""


@dataclass(frozen=True)
class TargetPoint:
    """One row of the master plan's trajectory."""

    year: int
    scope: str
    """``indeks``, a group id or an indicator id."""
    target: Fraction


@dataclass(frozen=True)
class Targets:
    """Targets resolved for the gap analysis."""

    index: Fraction | None
    index_source: TargetSource
    groups: Mapping[str, Fraction]
    """Group id -> target score (the Target sheet's latest year)."""
    indicators: Mapping[str, int]
    """Indicator id -> target level (own target, else the nearest group's, else the index's)."""
    trajectory: tuple[TargetPoint, ...]
    """Every Target sheet row, by year then scope order."""


@dataclass(frozen=True)
class Gap:
    """One indicator's distance to its target and what closing it is worth."""

    result: IndicatorResult
    target: int | None
    gap: int
    """Levels from the verified level to the target (0 when reached or no target)."""
    gain: Fraction
    """Marginal gain: verified index rise if the indicator goes up one level (0 at the top)."""
    gain_to_target: Fraction
    """Verified index rise if the indicator reaches its target."""
    quick_win: bool
    """One level to go, or the claim already reaches further and only evidence is missing."""


@dataclass(frozen=True)
class Analysis:
    """The gap analysis of one result."""

    targets: Targets
    gaps: tuple[Gap, ...]
    """Every indicator, in set order."""
    priorities: tuple[Gap, ...]
    """Indicators with a gap, most index gain per level first."""
    completeness: Fraction
    """Share of the index whose level a register decided (see ``completeness_of``)."""

    def quick_wins(self) -> tuple[Gap, ...]:
        """Priorities that are quick wins, in rank order."""
        return tuple(g for g in self.priorities if g.quick_win)

    def longer_work(self) -> tuple[Gap, ...]:
        """Priorities that need longer work, in rank order."""
        return tuple(g for g in self.priorities if not g.quick_win)


def index_range(indicator_set: IndicatorSet) -> tuple[int, int]:
    """The range of the set's index and group scores (0–1 under points aggregation)."""
    if indicator_set.aggregation == "points":
        return 0, 1
    scales = indicator_set.scales.values()
    return min(s.minimum for s in scales), max(s.maximum for s in scales)


def _scope_of(indicator_set: IndicatorSet, scope: str, value: object) -> str | None:
    """What a Target row's Lingkup means for this set: INDEX_SCOPE, a group or indicator
    id, or None when the row belongs to another set.

    'indeks' applies to every set whose index range holds the value; a set's own id
    names that set's index, and so does the id of a set it tailors (a master plan's
    targets for the set a city's tailoring extends are the city's targets).
    """
    if scope == indicator_set.id or scope in indicator_set.bases:
        return INDEX_SCOPE
    if scope.casefold() in _INDEX_ALIASES:
        low, high = index_range(indicator_set)
        fits = isinstance(value, int | float) and low <= value <= high
        return INDEX_SCOPE if fits else None
    ids = {g.id for g in indicator_set.walk_groups()} | {i.id for i in indicator_set.indicators()}
    return scope if scope in ids else None


def check_targets(
    indicator_set: IndicatorSet, inventory: Inventory, elsewhere: Set[str] = frozenset()
) -> list[Problem]:
    """Errors in the Target sheet: unknown scopes, targets outside the scale.

    Rows naming an id in ``elsewhere`` (another set, scored in this run or shipped) are
    not ours; an 'indeks' row is ours when its value fits this set's index range.
    """
    register = inventory.register("target")
    if register is None:
        return []
    low, high = index_range(indicator_set)
    top = max(s.maximum for s in indicator_set.scales.values())
    indicators = {i.id: i for i in indicator_set.indicators()}
    problems = []
    for row in register.rows:
        raw_scope = str(row.get("lingkup") or "").strip()
        value = row.get("target")
        scope = _scope_of(indicator_set, raw_scope, value)
        column = register.columns.get("lingkup", 0)
        where = cell_location(inventory.source, register.title, row.number, column)
        value_cell = cell_location(
            inventory.source, register.title, row.number, register.columns["target"]
        )
        if scope is None and raw_scope.casefold() in _INDEX_ALIASES:
            if isinstance(value, int | float) and not 0 <= value <= top:
                problems.append(
                    Problem.error(
                        value_cell,
                        "scoring_target_index_range",
                        "inventory.target.value",
                        target=_shown(value),
                        high=top,
                    )
                )
        elif scope is None and raw_scope not in elsewhere:
            problems.append(
                Problem.error(
                    where,
                    "scoring_target_scope",
                    "inventory.target.scope",
                    scope=raw_scope,
                    set=indicator_set.id,
                )
            )
        elif scope is not None and isinstance(value, int | float):
            bounds = (low, high)
            if scope in indicators:
                scale = indicator_set.scales[indicators[scope].scale]
                bounds = (scale.minimum, scale.maximum)
            if not bounds[0] <= value <= bounds[1]:
                problems.append(
                    Problem.error(
                        value_cell,
                        "scoring_target_scale",
                        "inventory.target.value",
                        target=_shown(value),
                        low=bounds[0],
                        high=bounds[1],
                    )
                )
    return problems


def _shown(value: float) -> Decimal | str:
    """A target as six significant digits show it (``3.25``), in the reader's notation;
    as written (``1e+06``) when that needs an exponent."""
    text = f"{value:g}"
    return text if "e" in text else Decimal(text)


def _sheet_targets(result: SetResult) -> tuple[TargetPoint, ...]:
    """This set's Target rows, by year then scope order (rows of other sets left out)."""
    register = result.inventory.register("target")
    if register is None:
        return ()
    iset = result.indicator_set
    points = []
    for row in register.rows:
        year, scope, value = row.get("tahun"), row.get("lingkup"), row.get("target")
        if not isinstance(year, int) or not isinstance(value, int | float) or scope is None:
            continue
        ours = _scope_of(iset, str(scope).strip(), value)
        if ours is not None:
            points.append(TargetPoint(year, ours, Fraction(str(value))))
    order = {INDEX_SCOPE: 0}
    for position, group in enumerate(iset.walk_groups(), 1):
        order.setdefault(group.id, position)
    base = len(order)
    for position, indicator in enumerate(iset.indicators()):
        order.setdefault(indicator.id, base + position)
    return tuple(sorted(points, key=lambda p: (p.year, order.get(p.scope, 10**6))))


def _latest(points: tuple[TargetPoint, ...]) -> dict[str, Fraction]:
    """Scope -> target of its latest year (the master plan's horizon)."""
    latest: dict[str, Fraction] = {}
    for point in points:  # sorted by year: later years overwrite earlier ones
        latest[point.scope] = point.target
    return latest


def resolve_targets(result: SetResult, index_target: Fraction | None = None) -> Targets:
    """Targets for the gap analysis.

    Index: ``index_target`` (``--target``), else the Target sheet's latest 'indeks' row,
    else the lower edge of the next predikat above the verified index. An indicator's
    target level is its own (Penilaian Target column, else Target sheet), else the
    smallest whole level reaching the target of its nearest group with one, else that of
    the index; capped to its scale.
    """
    iset = result.indicator_set
    trajectory = _sheet_targets(result)
    latest = _latest(trajectory)
    source = TargetSource.OPTION
    if index_target is None:
        index_target, source = latest.get(INDEX_SCOPE), TargetSource.SHEET
    if index_target is None:
        index_target, source = _next_band(iset, result.verified_index), TargetSource.NEXT_BAND
        if index_target is None:
            source = TargetSource.NONE
    group_ids = {g.id for g in iset.walk_groups()}
    groups = {k: v for k, v in latest.items() if k in group_ids}
    indicators: dict[str, int] = {}
    own_targets = {r.indicator.id: r.target for r in result.indicators}
    for group in iset.groups:
        _assign_levels(iset, group, index_target, groups, latest, own_targets, indicators)
    return Targets(index_target, source, groups, indicators, trajectory)


def _assign_levels(
    iset: IndicatorSet,
    group: Group,
    inherited: Fraction | None,
    groups: Mapping[str, Fraction],
    latest: Mapping[str, Fraction],
    own_targets: Mapping[str, int | None],
    out: dict[str, int],
) -> None:
    """Fill ``out`` with a target level for each indicator below ``group``."""
    target = groups.get(group.id, inherited)
    for child in group.groups:
        _assign_levels(iset, child, target, groups, latest, own_targets, out)
    for indicator in group.indicators:
        if indicator.not_applicable is not None:
            continue  # left out by the tailoring: no target, no gap
        scale = iset.scales[indicator.scale]
        own = own_targets.get(indicator.id)
        if own is None and indicator.id in latest:
            own = math.ceil(latest[indicator.id])
        if own is None and target is not None:
            own = math.ceil(target)
        if own is not None:
            out[indicator.id] = max(scale.minimum, min(scale.maximum, own))


def _next_band(indicator_set: IndicatorSet, value: Fraction) -> Fraction | None:
    above = [b.minimum for b in indicator_set.bands if b.minimum is not None and b.minimum > value]
    return min(above) if above else None


def index_slopes(
    indicator_set: IndicatorSet, levels: Mapping[str, int | None]
) -> dict[str, Fraction]:
    """How much the index moves per unit of each counted indicator's value, exactly.

    While an indicator counts (its value is not left out), moving it changes no mean's
    membership, so the index is affine in its value with this slope: the product of the
    weight shares on its path up the tree. Indicators left out get no slope: raising
    one may bring it into its means, so its gain is rescored instead.
    """
    sums: dict[str, Fraction] = {}

    def weigh(group: Group) -> Fraction:
        total = Fraction(0)
        for child in group.groups:
            if weigh(child):
                total += child.weight
        for indicator in group.indicators:
            if indicator_value(indicator_set, indicator, levels.get(indicator.id)) is not None:
                total += indicator.weight
        sums[group.id] = total
        return total

    top = sum((g.weight for g in indicator_set.groups if weigh(g)), Fraction(0))
    slopes: dict[str, Fraction] = {}

    def spread(group: Group, share: Fraction) -> None:
        for child in group.groups:
            if sums[child.id]:
                spread(child, share * child.weight / sums[group.id])
        for indicator in group.indicators:
            if indicator_value(indicator_set, indicator, levels.get(indicator.id)) is not None:
                slopes[indicator.id] = share * indicator.weight / sums[group.id]

    if top:
        for group in indicator_set.groups:
            if sums[group.id]:
                spread(group, group.weight / top)
    return slopes


def analyse(result: SetResult, targets: Targets) -> Analysis:
    """Gaps, marginal gains and priorities of ``result`` against ``targets``."""
    iset = result.indicator_set
    levels = {r.indicator.id: r.level for r in result.indicators}
    base = result.verified_index
    slopes = index_slopes(iset, levels)

    def rise(indicator: Indicator, level: int) -> Fraction:
        """How much the verified index moves if ``indicator`` stands at ``level``."""
        before = indicator_value(iset, indicator, levels[indicator.id])
        after = indicator_value(iset, indicator, level)
        if before is not None and after is not None and indicator.id in slopes:
            return slopes[indicator.id] * (after - before)  # the index is affine in it
        return score_tree(iset, {**levels, indicator.id: level}).index - base

    gaps = []
    for r in result.indicators:
        if r.indicator.not_applicable is not None:
            gaps.append(Gap(r, None, 0, Fraction(0), Fraction(0), False))
            continue
        scale = iset.scales[r.indicator.scale]
        current = r.level if r.level is not None else scale.minimum
        target = targets.indicators.get(r.indicator.id)
        gap = max(0, target - current) if target is not None else 0
        gain = Fraction(0)
        if current < scale.maximum:
            gain = rise(r.indicator, current + 1)
        to_target = Fraction(0)
        if gap:
            assert target is not None
            to_target = rise(r.indicator, target)
        evidence_missing = r.unsupported_claim and r.claimed is not None and r.claimed > current
        gaps.append(
            Gap(r, target, gap, gain, to_target, gap > 0 and (gap == 1 or evidence_missing))
        )
    order = {g.result.indicator.id: n for n, g in enumerate(gaps)}
    priorities = sorted(
        (g for g in gaps if g.gap > 0),
        key=lambda g: (-g.gain, g.gap, order[g.result.indicator.id]),
    )
    return Analysis(targets, tuple(gaps), tuple(priorities), completeness_of(result))


def completeness_of(result: SetResult) -> Fraction:
    """The share of the index whose level a register decided: each applicable
    indicator's share of the index (``effective_weights``), summed over those verified
    or scored from a register with no blank field leaving them open."""
    shares = effective_weights(result.indicator_set)
    return sum(
        (
            shares[r.indicator.id]
            for r in result.indicators
            if r.decided and r.indicator.id in shares
        ),
        Fraction(0),
    )
