"""Evaluating evidence rules against an inventory's registers.

Pure computation over model objects: no I/O, no third-party imports. One
:class:`RuleContext` per inventory caches what several rules share (the work-unit
universe, the names each register holds), so a register is scanned once per distinct
question rather than once per indicator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from smartserang.contract import ALL_UNITS_ALIASES, SHEETS, VOCABULARIES, normalise_token
from smartserang.i18n import format_fraction
from smartserang.model import (
    CellValue,
    Condition,
    EvidenceRule,
    Inventory,
    Measure,
    Register,
    Row,
    RowReference,
    Scale,
    Text,
    UnitSource,
)


@dataclass(frozen=True)
class EvidenceRow:
    """A register row that backs a level."""

    sheet: str
    """The sheet's title as written in the workbook."""
    row: int
    """1-based Excel row number."""
    label: str
    """The row's name (application, facility, policy title)."""


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


class RuleContext:
    """Shared, lazily built lookups over one inventory."""

    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.reference_date: dt.date | None = inventory.profile.reference_date()
        self._names: dict[tuple[str, str, tuple[Condition, ...]], dict[str, set[int]]] = {}
        self._units: tuple[dict[str, int], int | None] | None = None
        self._selections: dict[tuple[str, tuple[Condition, ...]], tuple[Row, ...]] = {}

    # -- work units

    def unit_universe(self) -> tuple[dict[str, int], int | None]:
        """Normalised unit name/abbreviation -> unit number, and how many units there are.

        From the Perangkat Daerah sheet when present, else Profil's Jumlah Perangkat
        Daerah (names then are not checked, only counted).
        """
        if self._units is None:
            register = self.inventory.register("perangkat_daerah")
            if register is not None:
                names: dict[str, int] = {}
                for number, row in enumerate(register.rows):
                    for key in ("nama", "singkatan"):
                        value = row.get(key)
                        if isinstance(value, str) and value:
                            names[normalise_token(value)] = number
                self._units = (names, len(register.rows))
            else:
                self._units = ({}, self.inventory.profile.jumlah_perangkat_daerah)
        return self._units

    def served_units(self, names: Iterable[str]) -> tuple[set[object], bool]:
        """The distinct units ``names`` designate, and whether ``semua`` (all) was named."""
        known, _ = self.unit_universe()
        served: set[object] = set()
        everyone = False
        for name in names:
            token = normalise_token(name)
            if token in ALL_UNITS_ALIASES:
                everyone = True
            elif known:
                if token in known:
                    served.add(known[token])
            elif token:
                served.add(token)
        return served, everyone

    # -- selections and references

    def select(self, register: Register, where: tuple[Condition, ...]) -> tuple[Row, ...]:
        """Rows of ``register`` passing every condition of ``where`` (cached)."""
        key = (register.sheet, where)
        cached = self._selections.get(key)
        if cached is None:
            cached = tuple(r for r in register.rows if self.row_passes(r, where))
            self._selections[key] = cached
        return cached

    def names_in(self, reference: RowReference) -> dict[str, set[int]]:
        """Normalised value of ``reference.column`` -> row numbers holding it."""
        key = (reference.sheet, reference.column, reference.where)
        table = self._names.get(key)
        if table is None:
            table = {}
            register = self.inventory.register(reference.sheet)
            if register is not None:
                for row in self.select(register, reference.where):
                    value = row.get(reference.column)
                    if value not in (None, ""):
                        table.setdefault(normalise_token(str(value)), set()).add(row.number)
            self._names[key] = table
        return table

    # -- conditions

    def row_passes(self, row: Row, conditions: Iterable[Condition]) -> bool:
        """True when ``row`` passes every condition."""
        return all(self.condition_holds(row, c) for c in conditions)

    def condition_holds(self, row: Row, condition: Condition) -> bool:
        """Evaluate one condition on one row."""
        op = condition.op
        if op == "any_of":
            return any(self.row_passes(row, alt) for alt in condition.alternatives)
        assert condition.column is not None
        cell = row.get(condition.column)
        if op == "present":
            return _filled(cell) == condition.value
        if not _filled(cell):
            return False
        if op == "equals":
            return any(_same(item, condition.value) for item in _items(cell))
        if op == "in":
            options = condition.value
            assert isinstance(options, tuple)
            return any(_same(item, o) for item in _items(cell) for o in options)
        if op in ("at_least", "at_most"):
            if isinstance(cell, bool) or not isinstance(cell, int | float):
                return False
            bound = condition.value
            assert isinstance(bound, Fraction)
            number = Fraction(cell)
            return number >= bound if op == "at_least" else number <= bound
        if op == "is":
            return cell is condition.value
        if op == "contains":
            needles = condition.value
            assert isinstance(needles, tuple)
            texts = [normalise_token(str(item)) for item in _items(cell)]
            return any(needle in text for needle in needles for text in texts)
        if op == "within_days":
            return self._within_days(cell, condition.value)
        if op == "names_row_of":
            reference = condition.value
            assert isinstance(reference, RowReference)
            return self._names_row(row, cell, reference)
        raise ValueError(f"unknown condition operator {op!r}")

    def _within_days(self, cell: CellValue, days: object) -> bool:
        if self.reference_date is None or not isinstance(cell, dt.date):
            return False
        assert isinstance(days, int)
        age = (self.reference_date - cell).days
        return 0 <= age <= days

    def _names_row(self, row: Row, cell: CellValue, reference: RowReference) -> bool:
        table = self.names_in(reference)
        for name in _items(cell):
            numbers = table.get(normalise_token(str(name)), set())
            if reference.sheet == row.sheet:
                numbers = numbers - {row.number}  # a row naming itself proves nothing
            if numbers:
                return True
        return False

    # -- units of a step

    def units_covered(self, rule: EvidenceRule, rows: Iterable[Row], wanted: str) -> bool:
        """Whether ``rows`` (and the rule's extra unit sources) serve some or all units."""
        names: list[str] = []
        if rule.units_column is not None:
            for row in rows:
                names.extend(str(item) for item in _items(row.get(rule.units_column)))
        for source in rule.extra_units:
            names.extend(self._source_names(source))
        served, everyone = self.served_units(names)
        if wanted == "some":
            return everyone or bool(served)
        _, total = self.unit_universe()
        return everyone or (total is not None and total > 0 and len(served) >= total)

    def _source_names(self, source: UnitSource) -> list[str]:
        register = self.inventory.register(source.sheet)
        if register is None:
            return []
        names: list[str] = []
        for row in self.select(register, source.where):
            names.extend(str(item) for item in _items(row.get(source.column)))
        return names


def _filled(cell: CellValue) -> bool:
    return cell not in (None, "", ())


def _items(cell: CellValue) -> tuple[CellValue, ...]:
    if isinstance(cell, tuple):
        return cell
    return (cell,)


def _same(cell: CellValue, expected: object) -> bool:
    if isinstance(expected, str):
        return isinstance(cell, str) and normalise_token(cell) == normalise_token(expected)
    if isinstance(expected, Fraction):
        return not isinstance(cell, bool) and isinstance(cell, int | float) and cell == expected
    return cell == expected


def evaluate_rule(rule: EvidenceRule, scale: Scale, context: RuleContext) -> Finding:
    """The level the registers support for one indicator, and why."""
    register = context.inventory.register(rule.sheet)
    if register is None:
        return Finding(False, None, (), None, None)
    if rule.measure is not None:
        return _evaluate_measure(rule, rule.measure, register, scale, context)
    selection = context.select(register, rule.where)
    level = scale.minimum
    backing = selection
    for step in rule.steps:
        passing = tuple(r for r in selection if context.row_passes(r, step.rows))
        ok = bool(passing) and (
            step.units is None or context.units_covered(rule, passing, step.units)
        )
        if not ok:
            return Finding(True, level, _rows(register, backing), step.requires, step.level)
        level, backing = step.level, passing
    return Finding(True, level, _rows(register, backing), None, None)


def _rows(register: Register, rows: Iterable[Row]) -> tuple[EvidenceRow, ...]:
    return tuple(EvidenceRow(register.title, r.number, register.label(r)) for r in rows)


def _evaluate_measure(
    rule: EvidenceRule, measure: Measure, register: Register, scale: Scale, context: RuleContext
) -> Finding:
    selection = context.select(register, rule.where)
    backing = selection
    if measure.kind == "share":
        backing = tuple(r for r in selection if context.row_passes(r, measure.conditions))
    value, unavailable = measure_value(measure, selection, backing, context)
    if unavailable is not None:
        return Finding(False, None, (), None, None, None, unavailable)
    level = scale.minimum
    for threshold_level, threshold in rule.thresholds:
        if value is None or value < threshold:
            needs = _measure_needs(rule.name, threshold, value, _ordinal_names(measure))
            return Finding(True, level, _rows(register, backing), needs, threshold_level, value)
        level = threshold_level
    return Finding(True, level, _rows(register, backing), None, None, value)


def measure_value(
    measure: Measure, selection: tuple[Row, ...], backing: tuple[Row, ...], context: RuleContext
) -> tuple[Fraction | None, str | None]:
    """The measure over the selected rows, or the reason (a warning key) it cannot be had."""
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
            total = sum(
                (_number(r.get(measure.column), measure.default) for r in selection), Fraction(0)
            )
        if kind == "sum":
            return total, None
        if not profile.jumlah_penduduk:
            return None, "warn_needs_penduduk"
        return total / profile.jumlah_penduduk * measure.per, None
    if kind in ("best", "worst"):
        assert measure.column is not None
        values = [
            Fraction(v)
            for r in selection
            if isinstance(v := r.get(measure.column), int | float) and not isinstance(v, bool)
        ]
        if not values:
            return None, None
        return (max(values) if kind == "best" else min(values)), None
    assert kind == "coverage"
    assert measure.column is not None
    names = [str(item) for r in selection for item in _items(r.get(measure.column)) if item]
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
    """What the next level needs, "<name>: at least T (now V)", in both languages."""
    label = name or Text("")
    now_id = _show(value, "id", names) if value is not None else "–"
    now_en = _show(value, "en", names) if value is not None else "–"
    return Text(
        f"{label.id}: minimal {_show(threshold, 'id', names)} (kini {now_id})",
        f"{label.get('en')}: at least {_show(threshold, 'en', names)} (now {now_en})",
    )


def _show(value: Fraction, lang: str, names: dict[int, str]) -> str:
    """An ordinal rank by its name; whole numbers as they are; others with two decimals."""
    if value.denominator == 1:
        return names.get(value.numerator, str(value.numerator))
    return format_fraction(value, 2, lang)
