"""Scores on the official model: indicator levels, group and index scores, bands.

Pure computation on model objects (no I/O, no third-party imports), exact arithmetic
with ``Fraction`` so that a score on a band edge is classified as the regulation says.
Rounding for display happens in one place, :func:`round_score`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from smartserang.model import Group, Indicator, IndicatorSet, Inventory, Row, Text
from smartserang.problems import Problem, cell_location
from smartserang.scoring.context import EvidenceRow, RuleContext
from smartserang.scoring.quality import BlankField, register_warnings, unchecked_warnings
from smartserang.scoring.rules import evaluate_rule
from smartserang.workbook.contract import SHEETS_BY_KEY


class Basis(enum.Enum):
    """Which levels drive the headline index."""

    CLAIMED = "claimed"
    """The self-assessment as entered (the official method)."""
    VERIFIED = "verified"
    """Each claim capped by what the registers support."""


class Status(enum.Enum):
    """Where an indicator's level comes from."""

    VERIFIED = "verified"
    """Claimed, and checked against a register present in the workbook."""
    UNVERIFIED = "unverified"
    """Claimed, but no register decides it (absent sheet, no evidence rule, or blank
    fields the rule needs): the claim stands, capped by the most the registers may show."""
    REGISTER = "register"
    """Not claimed: scored from the register alone (at the level it surely supports)."""
    UNASSESSED = "unassessed"
    """Neither claimed nor decided by a register: counted per the set's policy."""
    NOT_APPLICABLE = "not_applicable"
    """Left out by a tailoring, with a reason; its weight is shared within its parent."""


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator's levels and evidence."""

    indicator: Indicator
    claimed: int | None
    """The level the Penilaian sheet gives (None when it gives none)."""
    supported: int | None
    """The level the registers surely support (None when no register speaks)."""
    level: int | None
    """The verified level (None when unassessed)."""
    status: Status
    evidence: tuple[EvidenceRow, ...] = ()
    next_requires: Text | None = None
    """What the register still lacks for the next level."""
    next_level: int | None = None
    """The level ``next_requires`` is for."""
    target: int | None = None
    """Target level from the Penilaian sheet."""
    claim_row: int | None = None
    """Penilaian row of the claim."""
    measure: Fraction | None = None
    """The measured value, for indicators scored by a measure."""
    unavailable: str | None = None
    """Why a measure could not be computed (an ``i18n`` warning key)."""
    supported_max: int | None = None
    """The most the registers may support given blank fields (None: as ``supported``)."""
    measure_max: Fraction | None = None
    """The high end of the measure when blank fields leave it open."""
    blank_fields: tuple[BlankField, ...] = ()
    """Why a register could not decide this indicator: the fields it needs that are blank
    (empty when the registers decide it, or no register speaks)."""

    @property
    def ceiling(self) -> int | None:
        """The most the registers may support (``supported`` when they decide it)."""
        return self.supported_max if self.supported_max is not None else self.supported

    @property
    def unsupported_claim(self) -> bool:
        """True when the claim is above the most a present register may support."""
        ceiling = self.ceiling
        return self.claimed is not None and ceiling is not None and self.claimed > ceiling

    @property
    def unchecked(self) -> bool:
        """True when blank fields a rule needs kept a register from deciding the level."""
        return bool(self.blank_fields)

    @property
    def decided(self) -> bool:
        """True when a register decided the level (verified, or from the register)."""
        return self.status in (Status.VERIFIED, Status.REGISTER) and not self.blank_fields

    @property
    def claimed_basis_level(self) -> int | None:
        """The level the claimed index counts: the claim, else the register's level."""
        return self.claimed if self.claimed is not None else self.level

    def unchecked_reason(self, lang: str) -> str | None:
        """Why the registers could not decide this indicator, in ``lang`` (None when they
        could, or no register speaks)."""
        if not self.blank_fields:
            return None
        return "; ".join(f.describe(lang) for f in self.blank_fields)


@dataclass(frozen=True)
class GroupResult:
    """Scores of one group on both bases."""

    group: Group
    claimed: Fraction | None
    verified: Fraction | None
    groups: tuple[GroupResult, ...]
    indicators: tuple[IndicatorResult, ...]

    def score(self, basis: Basis) -> Fraction | None:
        """The score on ``basis``."""
        return self.claimed if basis is Basis.CLAIMED else self.verified


@dataclass(frozen=True)
class BreakdownRow:
    """Scores of the indicators sharing one tag value."""

    value: str
    claimed: Fraction | None
    verified: Fraction | None
    share: Fraction
    """Their share of the whole index."""
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class Breakdown:
    """Scores by the values of one tag (e.g. readiness aspect)."""

    key: str
    title: Text
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True)
class SetResult:
    """The complete scoring of one inventory on one indicator set."""

    indicator_set: IndicatorSet
    inventory: Inventory
    claimed_index: Fraction
    verified_index: Fraction
    groups: tuple[GroupResult, ...]
    indicators: tuple[IndicatorResult, ...]
    warnings: tuple[Problem, ...]
    breakdowns: tuple[Breakdown, ...] = ()

    def index(self, basis: Basis) -> Fraction:
        """The index on ``basis``."""
        return self.claimed_index if basis is Basis.CLAIMED else self.verified_index

    def unsupported(self) -> tuple[IndicatorResult, ...]:
        """Indicators whose claim outruns the registers."""
        return tuple(r for r in self.indicators if r.unsupported_claim)

    def unassessed(self) -> tuple[IndicatorResult, ...]:
        """Indicators with neither a claim nor a register that decides them."""
        return tuple(r for r in self.indicators if r.status is Status.UNASSESSED)

    def unchecked(self) -> tuple[IndicatorResult, ...]:
        """Indicators a register could not decide because fields it needs are blank."""
        return tuple(r for r in self.indicators if r.unchecked)


def round_score(value: Fraction) -> Decimal:
    """A score as displayed and compared by thresholds: 2 decimals, half up.

    The one place where scores are rounded. Bands are never taken from this value.
    """
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def weighted_mean(pairs: Iterable[tuple[Fraction, Fraction]]) -> Fraction | None:
    """Σ(score × weight) / Σ weight over (score, weight) pairs; None when no weight."""
    total = Fraction(0)
    weight_sum = Fraction(0)
    for score, weight in pairs:
        total += score * weight
        weight_sum += weight
    return total / weight_sum if weight_sum else None


def check_claims(
    indicator_set: IndicatorSet, inventory: Inventory, elsewhere: Set[str] = frozenset()
) -> list[Problem]:
    """Errors in the Penilaian sheet that only the set can see: unknown ids, bad levels.

    Rows naming an id in ``elsewhere`` (another set scored in the same run) are not ours.
    """
    register = inventory.register("penilaian")
    if register is None:
        return []
    known = {i.id: i for i in indicator_set.indicators()}
    problems = []
    indicator_column = register.columns.get("indikator", 0)
    for row in register.rows:
        raw = row.get("indikator")
        identifier = _indicator_id(raw)
        where = cell_location(inventory.source, register.title, row.number, indicator_column)
        indicator = known.get(identifier)
        if indicator is None and identifier in elsewhere:
            continue
        if indicator is None:
            problems.append(
                Problem.error(
                    where,
                    "scoring_unknown_indicator",
                    "inventory.indicator",
                    id=identifier,
                    set=indicator_set.id,
                    ids=_id_range(list(known)),
                )
            )
            continue
        scale = indicator_set.scales[indicator.scale]
        for key in ("tingkat", "target"):
            level = row.get(key)
            if isinstance(level, int) and scale.level_name(level) is None:
                problems.append(
                    Problem.error(
                        cell_location(
                            inventory.source, register.title, row.number, register.columns[key]
                        ),
                        "scoring_level_outside",
                        "inventory.level",
                        level=level,
                        id=identifier,
                        low=scale.minimum,
                        high=scale.maximum,
                    )
                )
    return problems


def _indicator_id(raw: object) -> str:
    return str(raw).strip() if raw is not None else ""


def _id_range(ids: list[str]) -> str:
    return f"{ids[0]}…{ids[-1]}" if len(ids) > 3 else ", ".join(ids)


def _claims(inventory: Inventory) -> Mapping[str, Row]:
    register = inventory.register("penilaian")
    if register is None:
        return {}
    return {_indicator_id(row.get("indikator")): row for row in register.rows}


def score_indicator(
    indicator: Indicator, indicator_set: IndicatorSet, claim: Row | None, context: RuleContext
) -> IndicatorResult:
    """Claimed, supported and verified level of one indicator.

    When blank fields leave the registers' level between a floor and a ceiling, a claim
    at or below the floor is verified; a higher claim stands unverified, capped by the
    ceiling, with the blank fields as the reason; without a claim the floor counts when
    it is above the scale's minimum, else the indicator is unassessed.
    """
    claimed = claim.get("tingkat") if claim is not None else None
    target = claim.get("target") if claim is not None else None
    claimed_level = claimed if isinstance(claimed, int) else None
    target_level = target if isinstance(target, int) else None
    row_number = claim.number if claim is not None else None
    finding = None
    if indicator.evidence is not None:
        scale = indicator_set.scales[indicator.scale]
        finding = evaluate_rule(indicator.evidence, scale, context)
    if indicator.not_applicable is not None:
        return IndicatorResult(
            indicator, claimed_level, None, None, Status.NOT_APPLICABLE, claim_row=row_number
        )
    unavailable = finding.unavailable if finding is not None else None
    if finding is not None and finding.register_present:
        floor, ceiling = finding.supported, finding.ceiling
        assert floor is not None
        assert ceiling is not None
        blanks: tuple[BlankField, ...] = ()
        level: int | None
        if claimed_level is not None and (claimed_level <= floor or floor == ceiling):
            level, status = min(claimed_level, floor), Status.VERIFIED
        elif claimed_level is not None:
            level, status = min(claimed_level, ceiling), Status.UNVERIFIED
            blanks = _blank_fields(finding.unknown_up_to(claimed_level), context)
        elif floor == ceiling:
            level, status = floor, Status.REGISTER
        else:
            blanks = _blank_fields(finding.unknown_up_to(ceiling), context)
            scale = indicator_set.scales[indicator.scale]
            level, status = (
                (floor, Status.REGISTER) if floor > scale.minimum else (None, Status.UNASSESSED)
            )
        return IndicatorResult(
            indicator,
            claimed_level,
            floor,
            level,
            status,
            finding.evidence,
            finding.next_requires,
            finding.next_level,
            target_level,
            row_number,
            finding.measure,
            supported_max=ceiling,
            measure_max=finding.measure_max,
            blank_fields=blanks,
        )
    status = Status.UNVERIFIED if claimed_level is not None else Status.UNASSESSED
    return IndicatorResult(
        indicator,
        claimed_level,
        None,
        claimed_level,
        status,
        target=target_level,
        claim_row=row_number,
        unavailable=unavailable,
    )


def _blank_fields(
    fields: Iterable[tuple[str, str]], context: RuleContext
) -> tuple[BlankField, ...]:
    """The columns a finding names, with how many rows leave each blank."""
    found = []
    for sheet, column in fields:
        register = context.inventory.register(sheet)
        assert register is not None
        spec = SHEETS_BY_KEY[sheet].column(column) if sheet in SHEETS_BY_KEY else None
        header = spec.name if spec is not None else column
        blank = context.blanks(register, column).bit_count()
        found.append(BlankField(register.title, column, header, blank, len(register)))
    return tuple(found)


@dataclass(frozen=True)
class TreeScores:
    """Scores of every group and the index for one assignment of levels."""

    index: Fraction
    groups: Mapping[str, Fraction | None]
    """Group id -> score (None when every indicator below it is excluded)."""


Level = int | Fraction
"""A level: whole for one workbook, a mean (Fraction) when units are rolled up."""


def score_tree(indicator_set: IndicatorSet, levels: Mapping[str, Level | None]) -> TreeScores:
    """Roll levels up the tree: weighted means per group, then the index.

    ``levels`` maps indicator id -> level; a missing or None level is unassessed and
    counts per the set's policy (at the scale minimum, or left out).
    """
    scores: dict[str, Fraction | None] = {}

    def walk(group: Group) -> Fraction | None:
        pairs: list[tuple[Fraction, Fraction]] = []
        for child in group.groups:
            child_score = walk(child)
            if child_score is not None:
                pairs.append((child_score, child.weight))
        for indicator in group.indicators:
            value = indicator_value(indicator_set, indicator, levels.get(indicator.id))
            if value is not None:
                pairs.append((value, indicator.weight))
        scores[group.id] = weighted_mean(pairs)
        return scores[group.id]

    top = [(walk(g), g.weight) for g in indicator_set.groups]
    index = weighted_mean((s, w) for s, w in top if s is not None)
    if index is None:
        # Everything excluded: the index sits at the bottom of its range.
        index = (
            Fraction(0)
            if indicator_set.aggregation == "points"
            else Fraction(min(s.minimum for s in indicator_set.scales.values()))
        )
    return TreeScores(index, scores)


def indicator_value(
    indicator_set: IndicatorSet, indicator: Indicator, level: Level | None
) -> Fraction | None:
    """What one indicator contributes to its group's mean, or None when it is left out.

    Means aggregate levels; ``points`` aggregates each level as a share of its scale's
    maximum, so a group scores points over the maximum points of what was reported.
    """
    if indicator.not_applicable is not None:
        return None
    scale = indicator_set.scales[indicator.scale]
    if indicator_set.aggregation == "points":
        return Fraction(level) / scale.maximum if level is not None else None
    if level is None and indicator_set.unassessed == "minimum":
        level = scale.minimum
    return Fraction(level) if level is not None else None


def effective_weights(indicator_set: IndicatorSet) -> dict[str, Fraction]:
    """Each applicable indicator's share of the whole index (shares add up to 1)."""
    shares: dict[str, Fraction] = {}

    def walk(groups: tuple[Group, ...], indicators: tuple[Indicator, ...], share: Fraction) -> None:
        live = [i for i in indicators if i.not_applicable is None]
        total = sum((g.weight for g in groups), Fraction(0)) + sum(
            (i.weight for i in live), Fraction(0)
        )
        if not total:
            return
        for group in groups:
            walk(group.groups, group.indicators, share * group.weight / total)
        for indicator in live:
            shares[indicator.id] = share * indicator.weight / total

    walk(indicator_set.groups, (), Fraction(1))
    return shares


def score_inventory(indicator_set: IndicatorSet, inventory: Inventory) -> SetResult:
    """Score ``inventory`` on ``indicator_set`` (call :func:`check_claims` first)."""
    context = RuleContext.of(inventory)
    claims = _claims(inventory)
    results = {
        i.id: score_indicator(i, indicator_set, claims.get(i.id), context)
        for i in indicator_set.indicators()
    }
    claimed = score_tree(indicator_set, {k: r.claimed_basis_level for k, r in results.items()})
    verified = score_tree(indicator_set, {k: r.level for k, r in results.items()})

    def build(group: Group) -> GroupResult:
        return GroupResult(
            group,
            claimed.groups[group.id],
            verified.groups[group.id],
            tuple(build(g) for g in group.groups),
            tuple(results[i.id] for i in group.indicators),
        )

    warnings = [*inventory.warnings, *register_warnings(indicator_set, inventory, context)]
    warnings.extend(
        Problem.score_warning(
            inventory.source,
            r.unavailable,
            "inventory.measure",
            indicator=r.indicator.id,
        )
        for r in results.values()
        if r.unavailable is not None
    )
    warnings.extend(unchecked_warnings(indicator_set, tuple(results.values()), inventory))
    return SetResult(
        indicator_set,
        inventory,
        claimed.index,
        verified.index,
        tuple(build(g) for g in indicator_set.groups),
        tuple(results.values()),
        tuple(warnings),
        score_breakdowns(indicator_set, tuple(results.values())),
    )


def score_breakdowns(
    indicator_set: IndicatorSet, results: tuple[IndicatorResult, ...]
) -> tuple[Breakdown, ...]:
    """For each tag key, the scores of the indicators per tag value.

    Each indicator counts with its share of the whole index, so a breakdown is the index
    restricted to the indicators carrying the tag value.
    """
    shares = effective_weights(indicator_set)
    keys = list(indicator_set.tag_titles)
    for result in results:
        keys.extend(k for k in result.indicator.tags if k not in keys)
    breakdowns = []
    for key in keys:
        members: dict[str, list[IndicatorResult]] = {}
        for result in results:
            value = result.indicator.tags.get(key)
            if value is not None and result.indicator.id in shares:
                members.setdefault(value, []).append(result)
        rows = []
        for value, group in members.items():

            def mean(pick: str, group: list[IndicatorResult] = group) -> Fraction | None:
                pairs = []
                for r in group:
                    level = r.claimed_basis_level if pick == "claimed" else r.level
                    contribution = indicator_value(indicator_set, r.indicator, level)
                    if contribution is not None:
                        pairs.append((contribution, shares[r.indicator.id]))
                return weighted_mean(pairs)

            rows.append(
                BreakdownRow(
                    value,
                    mean("claimed"),
                    mean("verified"),
                    sum((shares[r.indicator.id] for r in group), Fraction(0)),
                    tuple(r.indicator.id for r in group),
                )
            )
        title = indicator_set.tag_titles.get(key, Text(key))
        breakdowns.append(Breakdown(key, title, tuple(rows)))
    return tuple(breakdowns)
