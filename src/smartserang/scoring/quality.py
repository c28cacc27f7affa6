"""What scoring says of the registers' data: what the rules could not read, or not count.

The warnings a scored result carries beside the workbook's own, each a located
``Problem`` worded by the catalogue:

- indicators the registers could not decide because fields their rules need are blank
  (``inventory.blank``: one warning per field, naming every indicator it leaves open);
- blank Status cells in a register a rule reads Status from (``inventory.status``): read
  as unknown, not as "not active";
- kecamatan names outside the city's list, or more names than Profil's count
  (``inventory.kecamatan``);
- work-unit names outside the Perangkat Daerah sheet (``inventory.unit``); no units or
  no assessment date to count against (``inventory.units``, ``inventory.date``).

A warning whose workaround can change a score is marked so (``Problem.affects_score``),
and ``smartserang check`` fails on it.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from smartserang.i18n import message
from smartserang.model import (
    CellValue,
    Condition,
    EvidenceRule,
    Indicator,
    IndicatorSet,
    Inventory,
    Register,
)
from smartserang.problems import Problem, cell_location
from smartserang.scoring.columns import unkey
from smartserang.scoring.context import RuleContext, kecamatan_key
from smartserang.workbook.contract import ALL_UNITS_ALIASES, SHEETS_BY_KEY
from smartserang.workbook.names import normalise_all

_COUNTED_BLANKS = ("status",)
"""Columns whose blank cells are counted in a warning wherever a rule reads them: a blank
Status is easily taken for "not active"."""


def register_warnings(
    indicator_set: IndicatorSet, inventory: Inventory, context: RuleContext
) -> list[Problem]:
    """Warnings about what the set's rules could not establish from this workbook."""
    rules = [i.evidence for i in indicator_set.indicators() if i.evidence is not None]
    warnings = []
    _, total = context.unit_universe()
    if total is None and any(s.units == "all" for rule in rules for s in rule.steps):
        warnings.append(
            Problem.score_warning(
                inventory.source,
                "warn_no_units",
                "inventory.units",
            )
        )
    uses_dates = any(c.op == "within_days" for rule in rules for s in rule.steps for c in s.rows)
    if uses_dates and context.reference_date is None:
        warnings.append(
            Problem.score_warning(
                inventory.source,
                "warn_no_date",
                "inventory.date",
            )
        )
    known_units, _ = context.unit_universe()
    if known_units:
        warnings.extend(_unknown_unit_names(inventory, known_units, context))
    warnings.extend(_blank_counts(rules, inventory, context))
    warnings.extend(_kecamatan_names(rules, inventory, context))
    return warnings


# ------------------------------------------------------------- undecided indicators


@dataclass(frozen=True)
class BlankField:
    """A column whose blank cells (or absence) leave an indicator's level undecided."""

    sheet: str
    """The sheet's title as written in the workbook."""
    column: str
    """The column's key in the contract (``tingkat_layanan``)."""
    header: str
    """The column's name in the contract (``Tingkat Layanan``)."""
    blank: int
    """How many rows of the register leave it blank (all of them when it is absent)."""
    rows: int
    """How many rows the register has."""

    def describe(self, lang: str) -> str:
        """ "Tingkat Layanan is blank in all 189 rows" (or "in 3 of 189 rows"), in ``lang``."""
        key = "blank_field_some"
        if self.blank == self.rows:
            key = "blank_field_one" if self.rows == 1 else "blank_field_all"
        return message(key, lang, column=self.header, blank=self.blank, rows=self.rows)


class Undecided(Protocol):
    """What the report of undecided indicators reads of an indicator's result
    (``levels.IndicatorResult``)."""

    @property
    def indicator(self) -> Indicator: ...

    @property
    def blank_fields(self) -> tuple[BlankField, ...]: ...


def unchecked_by_field(
    indicator_set: IndicatorSet, results: Sequence[Undecided]
) -> list[tuple[BlankField, list[str]]]:
    """Each blank field that kept the registers from deciding indicators, with their ids
    in set order (fields in the order the indicators first name them)."""
    by_field: dict[BlankField, list[str]] = {}
    for result in results:
        for field in result.blank_fields:
            by_field.setdefault(field, []).append(result.indicator.id)
    return list(by_field.items())


def unchecked_warnings(
    indicator_set: IndicatorSet, results: Sequence[Undecided], inventory: Inventory
) -> list[Problem]:
    """One warning per blank field that kept the registers from deciding indicators:
    "indicators 32–47 cannot be checked: Tingkat Layanan is blank in all 189 rows"."""
    order = [i.id for i in indicator_set.indicators()]
    warnings = []
    for field, ids in unchecked_by_field(indicator_set, results):
        several = "many" if len(ids) > 1 else "one"
        scope = "all" if field.blank == field.rows > 1 else "some"
        register = _register_titled(inventory, field.sheet)
        warnings.append(
            Problem.score_warning(
                _sheet_place(inventory, register) if register else inventory.source,
                f"warn_unchecked_{several}_{scope}",
                "inventory.blank",
                ids=format_ids(ids, order),
                column=field.header,
                blank=field.blank,
                rows=field.rows,
            )
        )
    return warnings


def format_ids(ids: Sequence[str], order: Sequence[str]) -> str:
    """Indicator ids as runs in set order: "32–47", "1, 3, 16–18"."""
    position = {identifier: n for n, identifier in enumerate(order)}
    chosen = sorted(ids, key=lambda i: position.get(i, len(order)))
    runs: list[list[str]] = []
    for identifier in chosen:
        if runs and position.get(identifier, -2) == position.get(runs[-1][-1], -9) + 1:
            runs[-1].append(identifier)
        else:
            runs.append([identifier])
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(run) for run in runs]
    return ", ".join(parts)


def _register_titled(inventory: Inventory, title: str) -> Register | None:
    return next((r for r in inventory.registers.values() if r.title == title), None)


def _sheet_place(inventory: Inventory, register: Register) -> str:
    """Where a warning about a whole column is: the sheet (its message names the column;
    a first cell would depend on the order of the rows)."""
    return f"{inventory.source}:{register.title}"


# ------------------------------------------------------------------- blank Status


def fields_read(rule: EvidenceRule) -> Iterator[tuple[str, str]]:
    """Every (sheet, column) a rule's conditions read, nested ones too."""

    def walk(sheet: str, conditions: Sequence[Condition]) -> Iterator[tuple[str, str]]:
        for condition in conditions:
            if condition.column is not None:
                yield sheet, condition.column
            for alternative in condition.alternatives:
                yield from walk(sheet, alternative)
            reference = condition.value
            if condition.op == "names_row_of":
                yield from walk(reference.sheet, reference.where)  # type: ignore[attr-defined]

    yield from walk(rule.sheet, rule.where)
    for step in rule.steps:
        yield from walk(rule.sheet, step.rows)
    if rule.measure is not None:
        yield from walk(rule.sheet, rule.measure.conditions)
    for source in rule.extra_units:
        yield from walk(source.sheet, source.where)


def _blank_counts(
    rules: Sequence[EvidenceRule], inventory: Inventory, context: RuleContext
) -> list[Problem]:
    """A warning per register whose Status (a rule reads) is blank in some rows."""
    read = dict.fromkeys(f for rule in rules for f in fields_read(rule) if f[1] in _COUNTED_BLANKS)
    warnings = []
    for sheet, column in read:
        register = inventory.register(sheet)
        if register is None or column not in register.columns:
            continue
        blank = context.blanks(register, column).bit_count()
        if blank:
            header = SHEETS_BY_KEY[sheet].column(column)
            warnings.append(
                Problem.warning(
                    _sheet_place(inventory, register),
                    "warn_blank_status",
                    "inventory.status",
                    column=header.name if header is not None else column,
                    sheet=register.title,
                    blank=blank,
                    rows=len(register),
                )
            )
    return warnings


# ------------------------------------------------------------------------ kecamatan


def _kecamatan_names(
    rules: Sequence[EvidenceRule], inventory: Inventory, context: RuleContext
) -> list[Problem]:
    """Names no coverage of kecamatan counts: outside the city's list, or, without one,
    more distinct names than Profil's Jumlah Kecamatan."""
    read = dict.fromkeys(
        (rule.sheet, rule.measure.column)
        for rule in rules
        if rule.measure is not None
        and rule.measure.kind == "coverage"
        and rule.measure.of == "kecamatan"
        and rule.measure.column is not None
    )
    listed, total = context.kecamatan_list()
    warnings = []
    for sheet, column in read:
        register = inventory.register(sheet)
        if register is None or column not in register.columns or not total:
            continue
        counted = context.counted_at(register, column, list(range(len(register))))
        rows: dict[str, int] = {}
        written: dict[str, str] = {}
        for cell, n in counted:
            for name in _unit_names(cell):
                key = kecamatan_key(name)
                if key:
                    rows[key] = rows.get(key, 0) + n
                    written[key] = min(written.get(key, name), name)  # whatever the order
        if listed is None:
            if len(rows) > total:
                warnings.append(
                    Problem.score_warning(
                        _sheet_place(inventory, register),
                        "warn_kecamatan_count",
                        "inventory.kecamatan",
                        sheet=register.title,
                        names=len(rows),
                        count=total,
                    )
                )
            continue
        for key, name in sorted(written.items()):
            if key not in listed:
                warnings.append(_outside_list(inventory, register, name, rows[key], listed))
    return warnings


def _outside_list(
    inventory: Inventory, register: Register, name: str, count: int, listed: Mapping[str, str]
) -> Problem:
    """The warning for one kecamatan name outside the Kecamatan sheet."""
    close = difflib.get_close_matches(kecamatan_key(name), list(listed), n=1)
    return Problem.score_warning(
        _sheet_place(inventory, register),
        "warn_kecamatan_unknown_like" if close else "warn_kecamatan_unknown",
        "inventory.kecamatan",
        name=name,
        rows=count,
        **({"like": listed[close[0]]} if close else {}),
    )


# ---------------------------------------------------------------------- work units


def _unknown_unit_names(
    inventory: Inventory, known: Mapping[str, int], context: RuleContext
) -> list[Problem]:
    problems = []
    for sheet, column in (
        ("fasilitas", "perangkat_daerah_pengguna"),
        ("aplikasi", "perangkat_daerah"),
    ):
        register = inventory.register(sheet)
        if register is None or column not in register.columns:
            continue
        header = SHEETS_BY_KEY[sheet].column(column)
        assert header is not None
        # A few distinct cells repeat down the rows: each is looked at once, then the
        # rows holding the unknown ones are found.
        keys, distinct, keyed = context.cell_keys(register, column)
        named = {key: _unit_names(unkey(key, keyed)) for key in distinct}
        every = {name for names in named.values() for name in names}
        unknown_names = {
            name
            for name, token in zip(every, normalise_all(list(every)), strict=True)
            if token not in known and token not in ALL_UNITS_ALIASES
        }
        if not unknown_names:
            continue
        unknown_in: dict[object, str] = {}
        for key, names in named.items():
            unknown = [name for name in names if name in unknown_names]
            if unknown:
                unknown_in[key] = ", ".join(f"'{u}'" for u in unknown)
        if not unknown_in:
            continue
        holding = map(unknown_in.__contains__, keys)
        for i in itertools.compress(itertools.count(), holding):
            where = cell_location(
                inventory.source, register.title, register.numbers[i], register.columns[column]
            )
            problems.append(
                Problem.score_warning(
                    where,
                    "warn_unknown_unit",
                    "inventory.unit",
                    column=header.name,
                    names=unknown_in[keys[i]],
                )
            )
    return problems


def _unit_names(value: CellValue) -> list[str]:
    """The names a cell gives (a list's items, or the text itself)."""
    names = value if isinstance(value, tuple) else (value,) if value else ()
    return [str(name) for name in names]
