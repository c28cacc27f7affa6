"""What an evidence rule reads: the columns of its own sheet its level depends on, its
conditions (those inside ``any_of`` too), and the Profil fields it hangs on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from smartserang.model import (
    CellValue,
    Condition,
    EvidenceRule,
    RowReference,
)


def cell_items(cell: CellValue) -> tuple[CellValue, ...]:
    if cell in (None, "", ()):
        return ()
    return cell if isinstance(cell, tuple) else (cell,)


def own_conditions(rule: EvidenceRule) -> tuple[Condition, ...]:
    """The conditions a rule tests on rows of its own sheet."""
    steps = tuple(c for step in rule.steps for c in step.rows)
    measure = rule.measure.conditions if rule.measure is not None else ()
    return (*rule.where, *steps, *measure)


def each_condition(conditions: Iterable[Condition]) -> Iterator[Condition]:
    """Each condition, and those inside ``any_of`` alternatives."""
    for condition in conditions:
        yield condition
        for alternative in condition.alternatives:
            yield from each_condition(alternative)


def columns_of(conditions: Iterable[Condition]) -> set[str]:
    return {c.column for c in each_condition(conditions) if c.column is not None}


def columns_read(rule: EvidenceRule) -> set[str]:
    """Every column of its own sheet that a rule's level depends on."""
    columns = columns_of(own_conditions(rule))
    if rule.measure is not None and rule.measure.column is not None:
        columns.add(rule.measure.column)
    if rule.units_column is not None:
        columns.add(rule.units_column)
    return columns


def counts_units(rule: EvidenceRule) -> bool:
    measure = rule.measure
    by_measure = measure is not None and measure.kind == "coverage" and measure.of == "units"
    return by_measure or any(step.units for step in rule.steps)


def profile_fields(rule: EvidenceRule) -> set[str]:
    """The Profil fields a rule reads: the reference date, or a measure's denominator."""
    conditions = [*own_conditions(rule)]
    for condition in each_condition(own_conditions(rule)):
        if isinstance(condition.value, RowReference):
            conditions.extend(condition.value.where)
    for source in rule.extra_units:
        conditions.extend(source.where)
    fields: set[str] = set()
    if any(c.op == "within_days" for c in each_condition(conditions)):
        fields |= {"tanggal_penilaian", "tahun"}  # review ages count back from this date
    measure = rule.measure
    if measure is not None and measure.kind == "rate":
        fields.add("jumlah_penduduk")
    if measure is not None and measure.kind == "coverage" and measure.of == "kecamatan":
        fields.add("jumlah_kecamatan")
    if counts_units(rule):
        fields.add("jumlah_perangkat_daerah")  # the unit count without a Perangkat Daerah sheet
    return fields
