"""The indexed rule engine answers every condition exactly as testing row by row would.

``RuleContext.select`` answers a condition from per-column indexes, value groups and one
text search per column; ``RuleContext.condition_holds`` tests one row. For every
condition of the shipped sets, on registers holding the awkward cases (booleans beside
numbers, floats equal to decimal operands, lists, case and white-space variants, control
characters, blanks), the selected rows must be exactly the rows passing one by one.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartserang.model import Condition, EvidenceRule, Inventory
from smartserang.scoring.rules import RuleContext
from smartserang.sets.load import load_indicator_set
from smartserang.workbook.contract import normalise_all, normalise_token
from smartserang.workbook.reader import read_inventory

from builders import inventory

EXAMPLE = "examples/kota-sukamaju.xlsx"


def conditions_of(rule: EvidenceRule) -> Iterator[tuple[str, Condition]]:
    """Every condition a rule asks, with the sheet it is asked of (nested ones too)."""

    def walk(sheet: str, condition: Condition) -> Iterator[tuple[str, Condition]]:
        yield sheet, condition
        for alternative in condition.alternatives:
            for inner in alternative:
                yield from walk(sheet, inner)
        reference = condition.value
        if condition.op == "names_row_of":
            for inner in reference.where:  # type: ignore[attr-defined]
                yield from walk(reference.sheet, inner)  # type: ignore[attr-defined]

    for condition in rule.where:
        yield from walk(rule.sheet, condition)
    for step in rule.steps:
        for condition in step.rows:
            yield from walk(rule.sheet, condition)
    if rule.measure is not None:
        for condition in rule.measure.conditions:
            yield from walk(rule.sheet, condition)
    for source in rule.extra_units:
        for condition in source.where:
            yield from walk(source.sheet, condition)


def shipped_conditions() -> list[tuple[str, Condition]]:
    found: dict[tuple[str, Condition], None] = {}
    for name in ("spbe-2020", "smart-city"):
        for indicator in load_indicator_set(name).indicators():
            if indicator.evidence is not None:
                found.update(dict.fromkeys(conditions_of(indicator.evidence)))
    return list(found)


def awkward_inventory(seed: int) -> Inventory:
    """Registers mixing every kind of value a condition may meet, shuffled by ``seed``.

    Odd seeds give long registers drawing only from a few values (as vocabulary columns
    are: answered value by value), even seeds the example's mostly distinct names with a
    quarter of the cells replaced (answered by searching the column's text).
    """
    example = read_inventory(EXAMPLE)
    chooser = random.Random(seed)
    odd: list[Any] = [
        None, "", True, False, 1, 0, 3, 3.0, 2.5, Fraction(5, 2), "Aktif", " AKTIF ",
        "ak-tif", "ak_tif", "Ditetapkan", "lengkap", "Pusat Data", "pusat\u00a0data",
        "x\x1fy", "x\0y", "\u0130stanbul", "STRASSE", "straße", ("Diskominfo", "semua"),
        ("a\x1fb",), (), dt.date(2025, 1, 1), dt.date(2020, 1, 1), "SPSE", "e-SPSE",
    ]  # fmt: skip
    registers: dict[str, list[dict[str, Any]]] = {}
    for key, register in example.registers.items():
        rows: list[dict[str, Any]] = []
        copies, share = (40, 1.0) if seed % 2 else (3, 0.25)
        for _ in range(copies):
            for row in register.rows:
                values = dict(row.values)
                for column in register.columns:
                    if chooser.random() < share:
                        values[column] = chooser.choice(odd)
                rows.append({k: v for k, v in values.items() if v is not None})
        chooser.shuffle(rows)
        registers[key] = rows
    return inventory(registers, profile=example.profile)


@pytest.mark.parametrize("seed", range(6))
def test_every_shipped_condition_selects_the_rows_that_pass_one_by_one(seed: int) -> None:
    subject = awkward_inventory(seed)
    context = RuleContext(subject)
    checked = 0
    for sheet, condition in shipped_conditions():
        register = subject.register(sheet)
        if register is None:
            continue
        expected = tuple(r for r in register.rows if context.condition_holds(r, condition))
        assert context.select(register, (condition,)) == expected, condition
        checked += 1
    assert checked > 80  # the shipped sets ask this many distinct questions of the example


def test_selections_of_several_conditions_are_intersections_in_sheet_order() -> None:
    subject = awkward_inventory(99)
    context = RuleContext(subject)
    for name in ("spbe-2020", "smart-city"):
        for indicator in load_indicator_set(name).indicators():
            rule = indicator.evidence
            if rule is None or subject.register(rule.sheet) is None:
                continue
            register = subject.register(rule.sheet)
            assert register is not None
            for step in rule.steps:
                where = rule.where + step.rows
                expected = tuple(r for r in register.rows if context.row_passes(r, where))
                assert context.select(register, where) == expected
                assert [e.row for e in context.evidence(register, where)] == [
                    r.number for r in expected
                ]


def test_normalise_all_equals_normalising_one_by_one() -> None:
    texts = [
        "Data-Terbuka", " data_terbuka ", "DATA  TERBUKA", "", " ", "a\0b", "x\x1fy",
        "\u0130", "ß", "Σ", "tab\there", "line\nbreak", "-_-", "émigré",
    ]  # fmt: skip
    assert normalise_all(texts) == [normalise_token(t) for t in texts]
    assert normalise_all([t for t in texts if "\0" not in t]) == [
        normalise_token(t) for t in texts if "\0" not in t
    ]
    assert normalise_all([]) == []


# Every kind of white space str.isspace knows (the separators \x1c-\x1f, NEL, the
# Unicode spaces and line separators), characters casefolding changes or lengthens, and
# zero-width ones that are not white space.
_AWKWARD = "".join(
    map(chr, [*range(0x00, 0x80), 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x200B, 0x2028,
              0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x130, 0xDF, 0xFB01, 0x3A3, 0x1E9E])
)  # fmt: skip


@settings(max_examples=300, derandomize=True, database=None)
@given(st.lists(st.text(alphabet=_AWKWARD, max_size=12), max_size=8))
def test_normalise_all_equals_normalise_token_on_awkward_text(texts: list[str]) -> None:
    assert normalise_all(texts) == [normalise_token(t) for t in texts]


def synthetic_conditions(column: str) -> list[Condition]:
    """Each operator answered from a column, with operands of every kind."""
    return [
        Condition("equals", column, "aktif"),
        Condition("equals", column, "Pusat Data"),
        Condition("equals", column, Fraction(3)),
        Condition("equals", column, Fraction(5, 2)),
        Condition("equals", column, Fraction(1)),
        Condition("in", column, ("strasse", "x y", "diskominfo")),
        Condition("in", column, (Fraction(0), "ditetapkan")),
        Condition("contains", column, ("ktif",)),
        Condition("contains", column, ("spse", "a b", "i̇stanbul")),
        Condition("at_least", column, Fraction(5, 2)),
        Condition("at_most", column, Fraction(1)),
        Condition("is", column, True),
        Condition("is", column, False),
        Condition("present", column, True),
        Condition("present", column, False),
        Condition("within_days", column, 365),
    ]


@pytest.mark.parametrize("seed", range(4))
def test_every_operator_on_every_column_selects_the_rows_that_pass_one_by_one(seed: int) -> None:
    subject = awkward_inventory(seed)
    context = RuleContext(subject)
    for register in subject.registers.values():
        for column in register.columns:
            for condition in synthetic_conditions(column):
                expected = tuple(r for r in register.rows if context.condition_holds(r, condition))
                assert context.select(register, (condition,)) == expected, condition
