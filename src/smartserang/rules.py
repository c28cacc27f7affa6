"""Evaluating evidence rules against an inventory's registers.

Pure computation over model objects: no I/O, no third-party imports. One
:class:`RuleContext` per inventory caches what several rules share (the work-unit
universe, the names each register holds), so a register is scanned once per distinct
question rather than once per indicator.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from smartserang.contract import (
    ALL_UNITS_ALIASES,
    SHEETS,
    VOCABULARIES,
    normalise_all,
    normalise_token,
)
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


class EvidenceRow(NamedTuple):
    """A register row that backs a level (a named tuple: a large register makes many)."""

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


_LATEST: tuple[Inventory, RuleContext] | None = None


class RuleContext:
    """Shared, lazily built lookups over one inventory.

    Registers are indexed once per run, not scanned once per rule: every distinct
    condition is answered once per register as the set of row positions passing it
    (equality and membership through a per-column index of normalised values), and a
    rule's row selection is the intersection of those sets. Selections, their evidence
    rows and their unit coverage are cached under the conditions that define them, so
    the many indicators sharing a question (status aktif, cakupan lengkap…) share one
    answer.
    """

    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.reference_date: dt.date | None = inventory.profile.reference_date()
        self._names: dict[tuple[str, str, tuple[Condition, ...]], dict[str, set[int]]] = {}
        self._units: tuple[dict[str, int], int | None] | None = None
        self._selections: dict[tuple[str, tuple[Condition, ...]], tuple[Row, ...]] = {}
        self._answers: dict[tuple[str, Condition], frozenset[int]] = {}
        self._indexes: dict[tuple[str, str], dict[tuple[str, object], list[int]]] = {}
        self._evidence: dict[tuple[str, tuple[Condition, ...]], tuple[EvidenceRow, ...]] = {}
        self._coverage: dict[tuple[object, ...], bool] = {}
        self._columns: dict[tuple[str, str], list[CellValue]] = {}
        self._label_cache: dict[str, list[str]] = {}
        self._evidence_rows: dict[str, list[EvidenceRow]] = {}
        self._group_cache: dict[tuple[str, str], dict[tuple[type, CellValue], list[int]]] = {}
        self._token_cache: dict[tuple[str, str], tuple[list[int], list[tuple[str, ...]]]] = {}
        self._texts: dict[tuple[str, str], tuple[str, list[int], list[int]]] = {}

    @classmethod
    def of(cls, inventory: Inventory) -> RuleContext:
        """The context of ``inventory``, shared by the sets scored on it one after another.

        Nothing cached depends on the set, so a second set reuses the first one's indexes.
        Only the latest inventory's context is kept.
        """
        global _LATEST  # noqa: PLW0603 - a one-entry cache
        if _LATEST is None or _LATEST[0] is not inventory:
            _LATEST = (inventory, cls(inventory))
        return _LATEST[1]

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
        for token in {normalise_token(name) for name in names}:
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
        """Rows of ``register`` passing every condition of ``where``, in sheet order (cached)."""
        key = (register.sheet, where)
        cached = self._selections.get(key)
        if cached is None:
            if not where:
                cached = register.rows
            else:
                rows = register.rows
                cached = tuple([rows[i] for i in self._positions(register, where)])
            self._selections[key] = cached
        return cached

    def evidence(self, register: Register, where: tuple[Condition, ...]) -> tuple[EvidenceRow, ...]:
        """``select(register, where)`` as evidence rows (cached: indicators share them)."""
        key = (register.sheet, where)
        cached = self._evidence.get(key)
        if cached is None:
            every = self._every_evidence(register)
            cached = tuple([every[i] for i in self._positions(register, where)])
            self._evidence[key] = cached
        return cached

    def _every_evidence(self, register: Register) -> list[EvidenceRow]:
        """Every row of ``register`` as an evidence row, by position (built once)."""
        every = self._evidence_rows.get(register.sheet)
        if every is None:
            title = register.title
            labels = self._labels(register)
            every = [
                EvidenceRow(title, row.number, labels[i]) for i, row in enumerate(register.rows)
            ]
            self._evidence_rows[register.sheet] = every
        return every

    def _positions(self, register: Register, where: tuple[Condition, ...]) -> list[int]:
        """Sorted positions of the rows passing ``where``."""
        if not where:
            return list(range(len(register.rows)))
        return sorted(self._passing(register, where))

    def _labels(self, register: Register) -> list[str]:
        """``register.label`` of every row, by position (cached)."""
        labels = self._label_cache.get(register.sheet)
        if labels is None:
            values = self._values(register, register.label_column) if register.label_column else []
            labels = [
                str(value)
                if i < len(values) and (value := values[i]) not in (None, "")
                else f"{register.title} {row.number}"
                for i, row in enumerate(register.rows)
            ]
            self._label_cache[register.sheet] = labels
        return labels

    def _passing(self, register: Register, conditions: Iterable[Condition]) -> frozenset[int]:
        """Positions (in ``register.rows``) of the rows passing every condition."""
        sets = sorted((self._positions_of(register, c) for c in conditions), key=len)
        if not sets:
            return frozenset(range(len(register.rows)))
        return sets[0].intersection(*sets[1:])

    def _positions_of(self, register: Register, condition: Condition) -> frozenset[int]:
        """Positions of the rows passing one condition (cached per register)."""
        key = (register.sheet, condition)
        cached = self._answers.get(key)
        if cached is None:
            cached = self._answer(register, condition)
            self._answers[key] = cached
        return cached

    def _answer(self, register: Register, condition: Condition) -> frozenset[int]:
        op, column = condition.op, condition.column
        if op == "any_of":
            found: set[int] = set()
            for alternative in condition.alternatives:
                found |= self._passing(register, alternative)
            return frozenset(found)
        if column is not None and op in ("equals", "in"):
            options = condition.value if op == "in" else (condition.value,)
            assert isinstance(options, tuple)
            keys = [_index_key(option) for option in options]
            if all(k is not None for k in keys):
                index = self._index(register, column)
                return frozenset(i for k in keys for i in index.get(k, ()))  # type: ignore[arg-type]
        if column is not None and op == "names_row_of":
            reference = condition.value
            assert isinstance(reference, RowReference)
            return self._naming(register, column, reference)
        if column is not None and op in _BY_VALUE:
            if op == "contains":
                needles = condition.value
                assert isinstance(needles, tuple)
                groups = self._groups(register, column)
                if len(groups) * _FEW_VALUES > len(register.rows):  # names: search the text
                    return self._containing(register, column, needles)
                return frozenset(  # a vocabulary: test each distinct value once
                    i
                    for (_, cell), positions in groups.items()
                    if any(
                        n in normalise_token(str(item)) for item in _items(cell) for n in needles
                    )
                    for i in positions
                )
            test = self._value_test(condition)
            passing = [
                positions
                for (_, cell), positions in self._groups(register, column).items()
                if test(cell)
            ]
            blank = test(None) and self._blank(register, column)
            return frozenset(itertools.chain(*passing, blank or ()))
        holds = self.condition_holds
        return frozenset(i for i, r in enumerate(register.rows) if holds(r, condition))

    def _value_test(self, condition: Condition) -> Callable[[CellValue], bool]:
        """``condition_holds`` for the operators that look at the cell alone."""
        op, operand = condition.op, condition.value
        if op == "present":
            return lambda cell: _filled(cell) == operand
        if op == "is":
            return lambda cell: cell is operand
        if op == "within_days":
            return lambda cell: _filled(cell) and self._within_days(cell, operand)
        assert isinstance(operand, Fraction)
        assert op in ("at_least", "at_most")
        # int/float against Fraction compares exactly (a float is taken at its exact value)
        if op == "at_least":
            return lambda cell: _is_number(cell) and cell >= operand  # type: ignore[operator]
        return lambda cell: _is_number(cell) and cell <= operand  # type: ignore[operator]

    def _values(self, register: Register, column: str) -> list[CellValue]:
        """The cells of ``column`` in row order (cached)."""
        key = (register.sheet, column)
        values = self._columns.get(key)
        if values is None:
            values = [row.values.get(column) for row in register.rows]
            self._columns[key] = values
        return values

    def _containing(
        self, register: Register, column: str, needles: tuple[str, ...]
    ) -> frozenset[int]:
        """Positions of the rows whose ``column`` has an item containing one of ``needles``.

        One regular-expression pass over the column's normalised text, rows joined by
        newlines and list items by a unit separator, neither of which a normalised needle
        holds; so a match never spans two items or two rows.
        """
        if not needles:
            return frozenset()
        text, starts, positions = self._text(register, column)
        pattern = re.compile("|".join(re.escape(n) for n in needles))
        return frozenset(
            positions[bisect.bisect_right(starts, m.start()) - 1] for m in pattern.finditer(text)
        )

    def _text(self, register: Register, column: str) -> tuple[str, list[int], list[int]]:
        """The filled cells of ``column`` as one normalised text, with where each starts."""
        key = (register.sheet, column)
        cached = self._texts.get(key)
        if cached is None:
            positions, tokens = self._tokens(register, column)
            parts = [_SEPARATOR.join(items) for items in tokens]
            starts = list(itertools.accumulate((len(part) + 1 for part in parts), initial=0))
            cached = ("\n".join(parts), starts[:-1], positions)
            self._texts[key] = cached
        return cached

    def _tokens(self, register: Register, column: str) -> tuple[list[int], list[tuple[str, ...]]]:
        """Positions of the filled cells of ``column`` and each one's normalised items."""
        key = (register.sheet, column)
        cached = self._token_cache.get(key)
        if cached is None:
            positions: list[int] = []
            counts: list[int] = []
            items: list[str] = []
            for i, cell in enumerate(self._values(register, column)):
                if isinstance(cell, str):
                    if cell:
                        positions.append(i)
                        items.append(cell)
                        counts.append(1)
                elif _filled(cell):
                    positions.append(i)
                    cell_items = [str(item) for item in _items(cell)]
                    items.extend(cell_items)
                    counts.append(len(cell_items))
            normalised = iter(normalise_all(items))
            cached = (positions, [tuple(itertools.islice(normalised, n)) for n in counts])
            self._token_cache[key] = cached
        return cached

    def _groups(self, register: Register, column: str) -> dict[tuple[type, CellValue], list[int]]:
        """The filled cells of ``column`` grouped by value -> their positions (cached).

        Registers repeat a few values down the rows (status, jenis, tingkat), so tests run
        once per distinct value. The class is part of the key because True == 1 == 1.0.
        """
        key = (register.sheet, column)
        groups = self._group_cache.get(key)
        if groups is None:
            groups = {}
            for position, cell in enumerate(self._values(register, column)):
                if _filled(cell):
                    groups.setdefault((cell.__class__, cell), []).append(position)
            self._group_cache[key] = groups
        return groups

    def _blank(self, register: Register, column: str) -> list[int]:
        """Positions of the blank cells of ``column``."""
        return [i for i, cell in enumerate(self._values(register, column)) if not _filled(cell)]

    def _index(self, register: Register, column: str) -> dict[tuple[str, object], list[int]]:
        """Index of ``column``: the key of each value (each item of a list) -> positions."""
        key = (register.sheet, column)
        index = self._indexes.get(key)
        if index is None:
            index = {}
            for (_, cell), positions in self._groups(register, column).items():
                for item in set(_items(cell)):
                    item_key = _cell_key(item)
                    if item_key is not None:
                        index.setdefault(item_key, []).extend(positions)
            self._indexes[key] = index
        return index

    def _naming(self, register: Register, column: str, reference: RowReference) -> frozenset[int]:
        """Positions of the rows whose ``column`` names a row of ``reference`` (not itself)."""
        table = self.names_in(reference)
        same_sheet = reference.sheet == register.sheet
        rows = register.rows
        found: set[int] = set()
        for position, names in zip(*self._tokens(register, column), strict=True):
            for name in names:
                numbers = table.get(name)
                if numbers and (not same_sheet or numbers - {rows[position].number}):
                    found.add(position)
                    break
        return frozenset(found)

    def names_in(self, reference: RowReference) -> dict[str, set[int]]:
        """Normalised value of ``reference.column`` -> row numbers holding it."""
        key = (reference.sheet, reference.column, reference.where)
        table = self._names.get(key)
        if table is None:
            table = {}
            register = self.inventory.register(reference.sheet)
            if register is not None:
                values = self._values(register, reference.column)
                rows = register.rows
                chosen = [
                    (rows[i].number, str(value))
                    for i in self._positions(register, reference.where)
                    if (value := values[i]) not in (None, "")
                ]
                names = normalise_all([text for _, text in chosen])
                for (number, _), name in zip(chosen, names, strict=True):
                    table.setdefault(name, set()).add(number)
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

    def covers(
        self, rule: EvidenceRule, register: Register, conditions: tuple[Condition, ...], wanted: str
    ) -> bool:
        """``units_covered`` for the rows of ``register`` passing ``conditions`` (cached)."""
        key = (register.sheet, conditions, rule.units_column, rule.extra_units, wanted)
        cached = self._coverage.get(key)
        if cached is None:
            cached = self.units_covered(rule, self.select(register, conditions), wanted)
            self._coverage[key] = cached
        return cached

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


_SEPARATOR = "\x1f"
"""Joins list items in ``RuleContext._text``; ``normalise_token`` turns it (white space,
like the newline between rows) into a plain space, so no normalised text holds it."""
_FEW_VALUES = 8
"""A column with fewer distinct values than one in this many rows is tested value by value."""
_BY_VALUE = frozenset({"present", "is", "within_days", "at_least", "at_most", "contains"})
"""Operators answered from the column's cells alone (no other row or register)."""


def _is_number(cell: CellValue) -> bool:
    return isinstance(cell, int | float) and not isinstance(cell, bool)


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


def _cell_key(item: CellValue) -> tuple[str, object] | None:
    """The index key of one cell item: what ``equals``/``in`` compare (see ``_same``)."""
    if isinstance(item, str):
        return ("s", normalise_token(item))
    if isinstance(item, bool):
        return None  # booleans never equal a word or a number in a condition
    if isinstance(item, int | float):
        return ("n", item)  # hash-equal to the Fraction an operand holds
    return None


def _index_key(expected: object) -> tuple[str, object] | None:
    """The index key an ``equals``/``in`` operand looks up, or None to test row by row."""
    if isinstance(expected, str):
        return ("s", normalise_token(expected))
    if isinstance(expected, Fraction):
        return ("n", expected)
    return None


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
        passing = context.select(register, conditions)
        ok = bool(passing) and (
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
    selection = context.select(register, rule.where)
    backing = rule.where
    if measure.kind == "share":
        backing = rule.where + measure.conditions
    value, unavailable = measure_value(
        measure, selection, context.select(register, backing), context
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
