"""Evaluating an indicator's evidence rule: a ladder's steps or a measure's thresholds.

Pure computation over model objects: no I/O, no third-party imports. The rows a rule's
conditions select, and the work units they serve, come from the inventory's
:class:`~smartserang.scoring.context.RuleContext`; this module climbs the ladder (or
computes the measure) and says what the next level still needs.

A blank cell that says nothing leaves a condition unknown (see
:mod:`~smartserang.scoring.conditions`), so the registers support a *range* of levels:

- a ladder's step holds when some row surely passes it (and surely serves the units it
  wants), fails when no row may pass it, and is unknown otherwise; the level surely
  supported is the top of the steps that all hold, the most that may be supported the
  top of the steps none of which fails;
- a measure is a range: ``count`` from the rows surely selected to those that may be,
  ``sum`` and ``rate`` likewise (a blank cell counts as the measure's default; a column
  the register lacks leaves any total possible), ``share`` from
  the lowest to the highest ratio the unknown rows allow, ``coverage`` from the names of
  the sure rows to those of every row that may count, ``best``/``worst`` from the known
  values to the scale's end when a row that may count has a blank value; each end is
  mapped to a level by the thresholds.

When the two ends differ, the finding names the columns whose blanks left it open.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from smartserang.i18n import format_fraction, message
from smartserang.model import CellValue, Condition, EvidenceRule, Measure, Register, Scale, Text
from smartserang.scoring import numbits
from smartserang.scoring.conditions import Answer, blank_is_unknown, filled, is_number
from smartserang.scoring.context import EvidenceRow, RuleContext, kecamatan_key
from smartserang.workbook.contract import SHEETS, VOCABULARIES

Field = tuple[str, str]
"""A column of a register: (sheet key, column key)."""


class _Unbounded:
    """The upper end of a measure with no bound (a blank number may be any number)."""

    def __repr__(self) -> str:
        return "UNBOUNDED"


UNBOUNDED = _Unbounded()
Bound = Fraction | None | _Unbounded
"""One end of a measure's range: a value, None (no value: below every threshold) or
``UNBOUNDED`` (above every threshold)."""


@dataclass(frozen=True)
class Finding:
    """What the registers say about one indicator."""

    register_present: bool
    """False when the workbook lacks the rule's sheet: the claim stands unverified."""
    supported: int | None
    """The level the registers surely support (None when the register is absent)."""
    evidence: tuple[EvidenceRow, ...]
    """The rows behind the supported level."""
    next_requires: Text | None
    """What the next level still needs from the register (None at the top of the ladder)."""
    next_level: int | None
    measure: Fraction | None = None
    """The measured value, for measure rules (the low end when blanks leave it open)."""
    unavailable: str | None = None
    """For a measure that cannot be computed: the ``i18n`` key of the warning saying why."""
    possible: int | None = None
    """The most the registers may support, given the blank cells (None: as ``supported``)."""
    measure_max: Fraction | None = None
    """The high end of the measure when blanks leave it open (None when it has one value,
    or no bound)."""
    unknown: tuple[tuple[int, Field], ...] = ()
    """The columns whose blank cells (or absence) leave the level between ``supported``
    and ``possible``, in the order the rule reads them, each with the lowest level it
    leaves open."""

    def unknown_up_to(self, level: int) -> tuple[Field, ...]:
        """The columns that leave some level up to ``level`` open."""
        return tuple(dict.fromkeys(field for at, field in self.unknown if at <= level))

    @property
    def ceiling(self) -> int | None:
        """The most the registers may support (``supported`` when decided)."""
        return self.possible if self.possible is not None else self.supported


def evaluate_rule(rule: EvidenceRule, scale: Scale, context: RuleContext) -> Finding:
    """The levels the registers support for one indicator, at least and at most, and why."""
    register = context.inventory.register(rule.sheet)
    if register is None:
        return Finding(False, None, (), None, None)
    if rule.measure is not None:
        return _evaluate_measure(rule, rule.measure, register, scale, context)
    level = top = scale.minimum
    backing = rule.where
    needs: tuple[Text | None, int | None] = (None, None)
    sure = True
    open_steps: list[tuple[int, tuple[Condition, ...], Answer, bool]] = []
    for step in rule.steps:
        conditions = rule.where + step.rows
        found = context.answer(register, conditions)
        holds: bool | None = bool(found.sure)
        possibly = bool(found.possible)
        if step.units is not None and possibly:
            coverage = context.covers(rule, register, conditions, step.units)
            holds = holds and coverage.surely
            possibly = coverage.possibly
        if not possibly:
            if sure:
                needs = (step.requires, step.level)
            break
        if not holds:
            if sure:
                needs, sure = (step.requires, step.level), False
            open_steps.append((step.level, conditions, found, step.units is not None))
        elif sure:
            level, backing = step.level, conditions
        top = step.level
    fields: dict[Field, int] = {}
    if top > level:
        for at, conditions, found, units in open_steps:
            for field in _unknown_fields(context, register, conditions, found.unknown):
                fields.setdefault(field, at)
            if units:
                for field in _unit_fields(rule, register, context):
                    fields.setdefault(field, at)
    unknown = tuple((at, field) for field, at in fields.items())
    evidence = context.evidence(register, backing)
    return Finding(True, level, evidence, *needs, possible=top, unknown=unknown)


def _evaluate_measure(
    rule: EvidenceRule, measure: Measure, register: Register, scale: Scale, context: RuleContext
) -> Finding:
    backing = rule.where
    if measure.kind == "share":
        backing = rule.where + measure.conditions
    low, high, unavailable = measure_range(measure, register, rule.where, context)
    if unavailable is not None:
        return Finding(False, None, (), None, None, None, unavailable)
    assert not isinstance(low, _Unbounded)
    level, needs = _thresholds_level(rule, scale, low)
    top, _ = _thresholds_level(rule, scale, high)
    evidence = context.evidence(register, backing)
    unknown: tuple[tuple[int, Field], ...] = ()
    if top > level:
        fields = dict.fromkeys(_measure_fields(rule, measure, register, context))
        unknown = tuple((level + 1, field) for field in fields)
    names = _ordinal_names(measure)
    next_requires = None
    if needs is not None:
        next_requires = _measure_needs(rule.name, needs[1], low, names)
    return Finding(
        True,
        level,
        evidence,
        next_requires,
        needs[0] if needs is not None else None,
        low,
        possible=top,
        measure_max=high if isinstance(high, Fraction) and high != low else None,
        unknown=unknown,
    )


def _thresholds_level(
    rule: EvidenceRule, scale: Scale, value: Bound
) -> tuple[int, tuple[int, Fraction] | None]:
    """The level ``value`` reaches on the rule's thresholds, and the next threshold."""
    level = scale.minimum
    for threshold_level, threshold in rule.thresholds:
        reached = isinstance(value, _Unbounded) or (value is not None and value >= threshold)
        if not reached:
            return level, (threshold_level, threshold)
        level = threshold_level
    return level, None


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
        total = _total(measure, register, selection, context)
        if kind == "sum":
            return total, None
        if not profile.jumlah_penduduk:
            return None, "warn_needs_penduduk"
        return total / profile.jumlah_penduduk * measure.per, None
    if kind in ("best", "worst"):
        assert measure.column is not None
        values = _numbers(context.counted_at(register, measure.column, selection))
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
    listed, kecamatan = context.kecamatan_list()
    if not kecamatan:
        return None, "warn_needs_kecamatan"
    distinct = {kecamatan_key(n) for n in names}
    if listed is not None:
        return Fraction(len(distinct & listed.keys()), kecamatan), None
    # Without the city's list, names are only counted: more names than kecamatan is
    # reported (a warning), and the share cannot pass the whole.
    return min(Fraction(1), Fraction(len(distinct), kecamatan)), None


def measure_range(
    measure: Measure, register: Register, where: tuple[Condition, ...], context: RuleContext
) -> tuple[Bound, Bound, str | None]:
    """The measure over the rows ``where`` selects, at least and at most given the blank
    cells (equal when nothing is blank), or the reason it cannot be had."""
    selection = context.answer(register, where)
    sure = context.positions(register, where)
    backing: list[int] = sure
    if measure.kind == "share":
        backing = context.positions(register, where + measure.conditions)
    low, unavailable = measure_value(measure, register, sure, backing, context)
    if unavailable is not None:
        return None, None, unavailable
    decided = selection.sure == selection.possible
    kind = measure.kind
    if kind in ("sum", "rate") and not _recorded(register, measure.column) and selection.possible:
        return None, UNBOUNDED, None  # the numbers are not recorded: any total is possible
    if kind == "share":
        return (*_share_range(measure, register, where, selection, context), None)
    if kind in ("best", "worst"):
        return (*_extreme_range(measure, register, where, context), None)
    if decided and (kind != "coverage" or _recorded(register, measure.column)):
        return low, low, None
    possible = context.positions(register, where, possible=True)
    if kind == "count":
        return low, Fraction(len(possible)), None
    if kind in ("sum", "rate"):
        maybe = numbits.positions_in(selection.unknown, len(register))
        values = [
            _number(v, measure.default) * n for v, n in _counted(measure, register, maybe, context)
        ]
        total = _total(measure, register, sure, context)
        low_total = total + sum((v for v in values if v < 0), Fraction(0))
        high_total = total + sum((v for v in values if v > 0), Fraction(0))
        if kind == "sum":
            return low_total, high_total, None
        scale = measure.per / (context.inventory.profile.jumlah_penduduk or 1)
        return low_total * scale, high_total * scale, None
    assert kind == "coverage"
    if possible and not _recorded(register, measure.column):
        return low, Fraction(1), None  # the names are not recorded: any may be covered
    high, _ = measure_value(measure, register, possible, possible, context)
    return low, high, None


def _share_range(
    measure: Measure,
    register: Register,
    where: tuple[Condition, ...],
    selection: Answer,
    context: RuleContext,
) -> tuple[Fraction, Fraction]:
    """The lowest and highest share the unknown rows allow.

    Rows surely selected count in the denominator; of the rows that may be selected, the
    lowest share takes in those that may fail the measure's conditions (as failing), the
    highest those that may pass them (as passing).
    """
    sure, maybe = selection.sure, selection.unknown
    both = context.answer(register, where + measure.conditions)  # on the rows ``where`` may pick
    hits = both.sure.bit_count()
    open_hits = (sure & both.unknown).bit_count()
    misses = (sure & ~both.possible).bit_count()
    maybe_hits = maybe_open = maybe_misses = 0
    if maybe:  # the measure's conditions on the rows that may be selected
        passing = context.answer(register, measure.conditions)
        maybe_hits = (maybe & passing.sure).bit_count()
        maybe_open = (maybe & passing.unknown).bit_count()
        maybe_misses = (maybe & ~passing.possible).bit_count()
    lowest = hits + open_hits + misses + maybe_open + maybe_misses
    highest = hits + open_hits + misses + maybe_hits + maybe_open
    low = Fraction(hits, lowest) if lowest else Fraction(0)
    high = Fraction(hits + open_hits + maybe_hits + maybe_open, highest) if highest else Fraction(0)
    return low, high


def _extreme_range(
    measure: Measure, register: Register, where: tuple[Condition, ...], context: RuleContext
) -> tuple[Bound, Bound]:
    """``best`` or ``worst`` at least and at most: a row that may count with a blank value
    may hold any value of the column (between its scale's ends, or without bound)."""
    column = measure.column
    assert column is not None
    selection = context.answer(register, where)
    bottom, top = _column_range(measure)

    def values(positions: list[int]) -> tuple[list[Fraction], bool]:
        """The known numbers at ``positions``, and whether a row there may hold any."""
        if column not in register.columns:
            return [], bool(positions)
        counted = context.counted_at(register, column, positions)
        blank = any(not filled(v) for v, _ in counted)
        return _numbers(counted), blank and blank_is_unknown(register.sheet, column)

    known, sure_open = values(context.positions(register, where))
    wide, wide_open = known, sure_open
    if selection.unknown:
        wide, wide_open = values(context.positions(register, where, possible=True))
    low: Bound
    high: Bound
    if measure.kind == "best":  # the fewest rows give the lowest best, the most the highest
        low = max(known) if known else (bottom if sure_open else None)
        high = top if wide_open else (max(wide) if wide else None)
        return low, high
    # worst: the most rows give the lowest minimum, the fewest the highest
    if not known and not sure_open:
        low = None  # no row need count
    elif wide_open:
        low = min([*wide, bottom]) if isinstance(bottom, Fraction) else None
    else:
        low = min(wide)
    if known or sure_open:
        high = min(known) if known else top
    else:  # no sure value: one row that may count gives the highest minimum
        extra, extra_open = values(numbits.positions_in(selection.unknown, len(register)))
        high = top if extra_open else (max(extra) if extra else None)
    return low, high


def _column_range(measure: Measure) -> tuple[Bound, Bound]:
    """The lowest and highest value a cell of the measured column may hold."""
    names = _ordinal_names(measure)
    if names:
        return Fraction(min(names)), Fraction(max(names))
    return None, UNBOUNDED


def _recorded(register: Register, column: str | None) -> bool:
    """Whether the register has ``column`` (a rule with no column reads nothing)."""
    return column is None or column in register.columns


def _total(
    measure: Measure, register: Register, positions: list[int], context: RuleContext
) -> Fraction:
    """The measure's sum over the rows at ``positions`` (a row counts 1 with no column)."""
    if measure.column is None:
        return Fraction(len(positions))
    counted = context.counted_at(register, measure.column, positions)
    return sum((_number(cell, measure.default) * n for cell, n in counted), Fraction(0))


def _counted(
    measure: Measure, register: Register, positions: list[int], context: RuleContext
) -> list[tuple[CellValue, int]]:
    if measure.column is None:
        return [(1, len(positions))] if positions else []
    return context.counted_at(register, measure.column, positions)


def _numbers(counted: list[tuple[CellValue, int]]) -> list[Fraction]:
    return [Fraction(v) for v, _ in counted if is_number(v)]  # type: ignore[arg-type]


def _number(cell: CellValue, default: Fraction) -> Fraction:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return Fraction(cell)
    return default


# ----------------------------------------------------------------- why it is open


def _unknown_fields(
    context: RuleContext, register: Register, conditions: tuple[Condition, ...], among: int
) -> Iterator[Field]:
    """The columns whose blanks leave ``conditions`` unknown on the rows of ``among``."""
    for condition in conditions:
        column = condition.column
        if condition.op == "any_of":
            for alternative in condition.alternatives:
                yield from _unknown_fields(context, register, alternative, among)
            continue
        assert column is not None
        if column not in register.columns:
            yield register.sheet, column
        elif condition.op == "names_row_of":
            reference = condition.value
            if (
                blank_is_unknown(register.sheet, column)
                and context.blanks(register, column) & among
            ):
                yield register.sheet, column
            target = context.inventory.register(reference.sheet)  # type: ignore[attr-defined]
            if target is None:
                continue
            if reference.column not in target.columns:  # type: ignore[attr-defined]
                yield target.sheet, reference.column  # type: ignore[attr-defined]
            else:
                every = numbits.every(len(target))
                yield from _unknown_fields(context, target, reference.where, every)  # type: ignore[attr-defined]
        elif context.answer(register, (condition,)).unknown & among:
            yield register.sheet, column


def _unit_fields(rule: EvidenceRule, register: Register, context: RuleContext) -> Iterator[Field]:
    """The unit columns a units step could not read (absent from their registers)."""
    if rule.units_column is not None and rule.units_column not in register.columns:
        yield register.sheet, rule.units_column
    for source in rule.extra_units:
        target = context.inventory.register(source.sheet)
        if target is None:
            continue
        possible = context.answer(target, source.where).possible
        if source.column not in target.columns and possible:
            yield target.sheet, source.column
        yield from _unknown_fields(context, target, source.where, possible)


def _measure_fields(
    rule: EvidenceRule, measure: Measure, register: Register, context: RuleContext
) -> Iterator[Field]:
    """The columns whose blanks leave a measure open."""
    selection = context.answer(register, rule.where)
    yield from _unknown_fields(context, register, rule.where, selection.unknown)
    if measure.conditions:
        yield from _unknown_fields(context, register, measure.conditions, selection.possible)
    column = measure.column
    if column is None:
        return
    if measure.kind in ("sum", "rate") and column in register.columns:
        return  # a blank cell counts as the measure's default
    if column not in register.columns or (
        measure.kind in ("best", "worst")
        and blank_is_unknown(register.sheet, column)
        and context.blanks(register, column) & selection.possible
    ):
        yield register.sheet, column


# ------------------------------------------------------------------ what it needs


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
