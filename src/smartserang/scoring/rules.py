"""Evaluating an indicator's evidence rule: a ladder's steps or a measure's thresholds.

Pure computation over model objects: no I/O, no third-party imports. The rows a rule's
conditions select, and the work units they serve, come from the inventory's
:class:`~smartserang.scoring.context.RuleContext`; this module climbs the ladder (or
computes the measure) and says what the next level still needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from smartserang.i18n import format_fraction, message
from smartserang.model import CellValue, EvidenceRule, Measure, Register, Scale, Text
from smartserang.scoring.context import EvidenceRow, RuleContext
from smartserang.workbook.contract import SHEETS, VOCABULARIES, normalise_token


@dataclass(frozen=True)
class Finding:
    """What the registers say about one indicator."""

    register_present: bool
    """False when the workbook lacks the rule's sheet: the claim stands unverified."""
    supported: int | None
    """The level the registers support (None when the register is absent)."""
    evidence: tuple[EvidenceRow, ...]
    """The rows behind the supported level."""
    next_requires: Text | None
    """What the next level still needs from the register (None at the top of the ladder)."""
    next_level: int | None
    measure: Fraction | None = None
    """The measured value, for measure rules."""
    unavailable: str | None = None
    """For a measure that cannot be computed: the ``i18n`` key of the warning saying why."""


def evaluate_rule(rule: EvidenceRule, scale: Scale, context: RuleContext) -> Finding:
    """The level the registers support for one indicator, and why."""
    register = context.inventory.register(rule.sheet)
    if register is None:
        return Finding(False, None, (), None, None)
    if rule.measure is not None:
        return _evaluate_measure(rule, rule.measure, register, scale, context)
    level = scale.minimum
    backing = rule.where
    for step in rule.steps:
        conditions = rule.where + step.rows
        ok = context.any_row(register, conditions) and (
            step.units is None or context.covers(rule, register, conditions, step.units)
        )
        if not ok:
            evidence = context.evidence(register, backing)
            return Finding(True, level, evidence, step.requires, step.level)
        level, backing = step.level, conditions
    return Finding(True, level, context.evidence(register, backing), None, None)


def _evaluate_measure(
    rule: EvidenceRule, measure: Measure, register: Register, scale: Scale, context: RuleContext
) -> Finding:
    selection = context.positions(register, rule.where)
    backing = rule.where
    if measure.kind == "share":
        backing = rule.where + measure.conditions
    value, unavailable = measure_value(
        measure, register, selection, context.positions(register, backing), context
    )
    if unavailable is not None:
        return Finding(False, None, (), None, None, None, unavailable)
    level = scale.minimum
    evidence = context.evidence(register, backing)
    for threshold_level, threshold in rule.thresholds:
        if value is None or value < threshold:
            needs = _measure_needs(rule.name, threshold, value, _ordinal_names(measure))
            return Finding(True, level, evidence, needs, threshold_level, value)
        level = threshold_level
    return Finding(True, level, evidence, None, None, value)


def measure_value(
    measure: Measure,
    register: Register,
    selection: list[int],
    backing: list[int],
    context: RuleContext,
) -> tuple[Fraction | None, str | None]:
    """The measure over the rows of ``register`` at ``selection`` (``backing``: those
    also passing the measure's conditions), or the reason (a warning key) it cannot be
    had. Each distinct cell is converted once, however many rows hold it."""
    profile = context.inventory.profile
    kind = measure.kind
    if kind == "count":
        return Fraction(len(selection)), None
    if kind == "share":
        return (Fraction(len(backing), len(selection)) if selection else Fraction(0)), None
    if kind in ("sum", "rate"):
        if measure.column is None:
            total = Fraction(len(selection))
        else:
            counted = context.counted_at(register, measure.column, selection)
            total = sum((_number(cell, measure.default) * n for cell, n in counted), Fraction(0))
        if kind == "sum":
            return total, None
        if not profile.jumlah_penduduk:
            return None, "warn_needs_penduduk"
        return total / profile.jumlah_penduduk * measure.per, None
    if kind in ("best", "worst"):
        assert measure.column is not None
        values = [
            Fraction(v)
            for v, _ in context.counted_at(register, measure.column, selection)
            if isinstance(v, int | float) and not isinstance(v, bool)
        ]
        if not values:
            return None, None
        return (max(values) if kind == "best" else min(values)), None
    assert kind == "coverage"
    assert measure.column is not None
    names = context.names_at(register, measure.column, selection)
    if measure.of == "units":
        served, everyone = context.served_units(names)
        _, units = context.unit_universe()
        if everyone:
            return Fraction(1), None
        if not units:
            return None, "warn_needs_units"
        return min(Fraction(1), Fraction(len(served), units)), None
    if not profile.jumlah_kecamatan:
        return None, "warn_needs_kecamatan"
    distinct = {normalise_token(n) for n in names}
    return min(Fraction(1), Fraction(len(distinct), profile.jumlah_kecamatan)), None


def _number(cell: CellValue, default: Fraction) -> Fraction:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return Fraction(cell)
    return default


def _ordinal_names(measure: Measure) -> dict[int, str]:
    """Rank -> term for best/worst of an ordinal column (Tingkat Layanan: 3 -> transaksi)."""
    if measure.kind not in ("best", "worst") or measure.column is None:
        return {}
    for sheet in SHEETS:
        column = sheet.column(measure.column)
        if column is not None and column.vocabulary is not None:
            vocab = VOCABULARIES[column.vocabulary]
            if vocab.ordinal:
                return {t.rank: t.value for t in vocab.terms if t.rank is not None}
    return {}


def _measure_needs(
    name: Text | None, threshold: Fraction, value: Fraction | None, names: dict[int, str]
) -> Text:
    """What the next level needs ("<name>: at least T (now V)"), in both languages."""
    label = name or Text("")

    def say(lang: str) -> str:
        now = _show(value, lang, names) if value is not None else message("no_value", lang)
        threshold_shown = _show(threshold, lang, names)
        return message(
            "measure_needs", lang, name=label.get(lang), threshold=threshold_shown, now=now
        )

    return Text(say("id"), say("en"))


def _show(value: Fraction, lang: str, names: dict[int, str]) -> str:
    """An ordinal rank by its name; whole numbers as they are; others with two decimals."""
    if value.denominator == 1:
        return names.get(value.numerator, str(value.numerator))
    return format_fraction(value, 2, lang)
