"""The column engine answers every condition exactly as the plain engine, row by row,
in three values: the rows that surely pass and those that may (a blank that says
nothing, a column the register lacks).

``RuleContext.select`` answers a condition through the column engine, from per-column
indexes, value groups and one text search per column; the plain engine's
``RowEngine.condition_holds`` tests one row. For every
condition of the shipped sets, on registers holding the awkward cases (booleans beside
numbers, floats equal to decimal operands, lists, case and white-space variants, control
characters, blanks), the selected rows must be exactly the rows passing one by one;
every shipped rule must find the same on either engine; and a register's labels, made
for a whole column at once, must be each row's label.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smartserang.model import Condition, EvidenceRule, Inventory, Profile, Register, RowReference
from smartserang.scoring import numbits
from smartserang.scoring.columns import ColumnEngine
from smartserang.scoring.conditions import Answer, RowEngine
from smartserang.scoring.context import RuleContext
from smartserang.scoring.rules import evaluate_rule
from smartserang.sets.load import load_indicator_set
from smartserang.workbook.names import normalise_all, normalise_token
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


ODD: list[Any] = [
    None, "", True, False, 1, 0, 3, 3.0, 2.5, Fraction(5, 2), "Aktif", " AKTIF ",
    "ak-tif", "ak_tif", "Ditetapkan", "lengkap", "Pusat Data", "pusat\u00a0data",
    "x\x1fy", "x\0y", "\u0130stanbul", "STRASSE", "straße", ("Diskominfo", "semua"),
    ("a\x1fb",), (), dt.date(2025, 1, 1), dt.date(2020, 1, 1), "SPSE", "e-SPSE",
]  # fmt: skip
"""Every kind of value a condition may meet."""


def awkward_inventory(seed: int) -> Inventory:
    """Registers mixing every kind of value a condition may meet, shuffled by ``seed``.

    Odd seeds give long registers drawing only from a few values (as vocabulary columns
    are: answered value by value), even seeds the example's mostly distinct names with a
    quarter of the cells replaced (answered by searching the column's text).
    """
    example = read_inventory(EXAMPLE)
    chooser = random.Random(seed)
    registers: dict[str, list[dict[str, Any]]] = {}
    for key, register in example.registers.items():
        rows: list[dict[str, Any]] = []
        copies, share = (40, 1.0) if seed % 2 else (3, 0.25)
        for _ in range(copies):
            for row in register.rows:
                values = dict(row.values)
                for column in register.columns:
                    if chooser.random() < share:
                        values[column] = chooser.choice(ODD)
                rows.append({k: v for k, v in values.items() if v is not None})
        chooser.shuffle(rows)
        registers[key] = rows
    return inventory(registers, profile=example.profile)


@pytest.mark.parametrize("seed", range(6))
def test_every_shipped_condition_selects_the_rows_that_pass_one_by_one(seed: int) -> None:
    subject = awkward_inventory(seed)
    context = RuleContext(subject)
    plain = RowEngine(subject)
    checked = 0
    for sheet, condition in shipped_conditions():
        register = subject.register(sheet)
        if register is None:
            continue
        expected = tuple(r for r in register.rows if plain.condition_holds(r, condition))
        assert context.select(register, (condition,)) == expected, condition
        checked += 1
    assert checked > 80  # the shipped sets ask this many distinct questions of the example


def test_selections_of_several_conditions_are_intersections_in_sheet_order() -> None:
    subject = awkward_inventory(99)
    context = RuleContext(subject)
    plain = RowEngine(subject)
    for name in ("spbe-2020", "smart-city"):
        for indicator in load_indicator_set(name).indicators():
            rule = indicator.evidence
            if rule is None or subject.register(rule.sheet) is None:
                continue
            register = subject.register(rule.sheet)
            assert register is not None
            for step in rule.steps:
                where = rule.where + step.rows
                expected = tuple(r for r in register.rows if plain.row_passes(r, where))
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


@settings(max_examples=300, derandomize=True, database=None)
@example(["a", " b"])
@example(["a ", "b"])
@example(["a\x1fb", "c"])
@given(st.lists(st.text(alphabet="aB -_\t\n\x0b\x0c\r\x1c\x1f", max_size=6), max_size=8))
def test_normalise_all_equals_normalise_token_on_ascii_text(texts: list[str]) -> None:
    """ASCII text: each white space ``str.split`` knows, at the ends of a text, doubled
    and alone."""
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
    plain = RowEngine(subject)
    for register in subject.registers.values():
        for column in register.columns:
            for condition in synthetic_conditions(column):
                expected = tuple(r for r in register.rows if plain.condition_holds(r, condition))
                assert context.select(register, (condition,)) == expected, condition


@pytest.mark.parametrize("seed", range(4))
def test_every_shipped_rule_finds_the_same_on_either_engine(seed: int) -> None:
    """Each shipped evidence rule finds the same level, evidence rows, measure and next
    need whether its conditions are answered column by column or row by row."""
    subject = awkward_inventory(seed)
    fast, plain = RuleContext(subject), RuleContext(subject, engine="rows")
    checked = 0
    for name in ("spbe-2020", "smart-city"):
        indicator_set = load_indicator_set(name)
        for indicator in indicator_set.indicators():
            rule = indicator.evidence
            if rule is None:
                continue
            scale = indicator_set.scales[indicator.scale]
            assert evaluate_rule(rule, scale, fast) == evaluate_rule(rule, scale, plain), indicator
            checked += 1
    assert checked == 72  # every rule of both shipped sets


@pytest.mark.parametrize("seed", range(4))
def test_both_engines_read_the_same_names_from_a_referenced_register(seed: int) -> None:
    """``names_in`` (the rows a ``names_row_of`` may name) is the same table on both."""
    subject = awkward_inventory(seed)
    fast, plain = ColumnEngine(subject), RowEngine(subject)
    references = {c.value for _, c in shipped_conditions() if isinstance(c.value, RowReference)}
    assert references
    for reference in references:
        assert isinstance(reference, RowReference)
        assert fast.names_in(reference) == plain.names_in(reference), reference


_CELLS = st.one_of(
    st.sampled_from(ODD),
    st.text(alphabet=_AWKWARD, max_size=6),
    st.lists(st.text(alphabet="aB -_\x1f", max_size=4), max_size=3).map(tuple),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-4, max_value=4),
)


def _one_sheet(cells: list[Any], others: Sequence[Any] = ()) -> tuple[Inventory, Register]:
    """An inventory of one register: column ``x`` holds ``cells``, ``y`` holds ``others``."""
    others = [*others[: len(cells)], *[None] * (len(cells) - len(others))]
    register = Register(
        "aplikasi",
        "Aplikasi",
        {"x": 0, "y": 1},
        numbers=list(range(2, len(cells) + 2)),
        cells={"x": cells, "y": others},
        label_column="x",
    )
    profile = Profile(tanggal_penilaian=dt.date(2025, 6, 30))
    return Inventory("t.xlsx", "0" * 64, profile, {"aplikasi": register}), register


NAMING = [
    Condition("names_row_of", "x", RowReference("aplikasi", "y")),
    Condition("names_row_of", "x", RowReference("aplikasi", "x")),  # a row naming itself
    Condition(
        "names_row_of", "x", RowReference("aplikasi", "x", (Condition("present", "y", True),))
    ),
]
"""Conditions naming rows of the same register, by another column or by their own."""


@settings(max_examples=300, derandomize=True, database=None)
@given(
    st.lists(_CELLS, max_size=40),
    st.lists(_CELLS, max_size=40),
    st.sampled_from([*synthetic_conditions("x"), *NAMING]),
)
def test_engines_agree_on_generated_columns(
    cells: list[Any], others: list[Any], condition: Condition
) -> None:
    """On any columns of generated cells, both engines select the same rows."""
    subject, register = _one_sheet(cells, others)
    fast, plain = RuleContext(subject), RuleContext(subject, engine="rows")
    assert fast.select(register, (condition,)) == plain.select(register, (condition,))


@settings(max_examples=200, derandomize=True, database=None)
@given(st.lists(_CELLS, max_size=30), st.lists(st.integers(0, 29), max_size=10))
def test_labels_of_a_whole_column_are_each_rows_label(cells: list[Any], chosen: list[int]) -> None:
    """``Register.labels`` gives each row's ``label``, for every row and for a few."""
    _, register = _one_sheet(cells)
    every = [register.label(row) for row in register.rows]
    assert register.labels() == every
    positions = [p for p in chosen if p < len(cells)]
    assert register.labels(positions) == [every[p] for p in positions]


# ------------------------------------------------------------------ three values


def sparse_inventory(seed: int) -> Inventory:
    """``awkward_inventory`` with some columns missing from their registers: a condition
    on a missing column is unknown on every row, and blanks in the others say nothing or
    answer as their column's kind decides."""
    subject = awkward_inventory(seed)
    chooser = random.Random(seed)
    registers: dict[str, list[dict[str, Any]]] = {}
    for key, register in subject.registers.items():
        columns = [c for c in register.columns if chooser.random() < 0.3]
        registers[key] = [
            {k: v for k, v in row.values.items() if k not in columns} for row in register.rows
        ]
    return inventory(registers, profile=subject.profile)


def truths(engine: RowEngine, register: Register, where: tuple[Condition, ...]) -> Answer:
    """The plain engine's answer, row by row, as the masks of the rows that surely pass and
    of those that may pass."""
    values = [engine.row_value(row, where) for row in register.rows]
    return Answer(
        numbits.mask(v is True for v in values), numbits.mask(v is not False for v in values)
    )


@pytest.mark.parametrize("seed", range(6))
def test_every_shipped_condition_has_the_same_three_valued_answer(seed: int) -> None:
    """Surely passing, unknown and failing rows are the same on both engines, for every
    condition of the shipped sets, on registers with blanks and missing columns."""
    subject = sparse_inventory(seed) if seed % 3 else awkward_inventory(seed)
    fast, plain = ColumnEngine(subject), RowEngine(subject)
    unknown = 0
    for sheet, condition in shipped_conditions():
        register = subject.register(sheet)
        if register is None:
            continue
        expected = truths(plain, register, (condition,))
        assert fast.answer(register, (condition,)) == expected, condition
        unknown += bool(expected.unknown)
    assert unknown > 10  # blanks and missing columns leave many answers open


@pytest.mark.parametrize("seed", range(6))
def test_steps_answer_the_same_in_three_values(seed: int) -> None:
    """A rule's ``where`` and each step's conditions, together, answer the same."""
    subject = sparse_inventory(seed)
    context, plain = RuleContext(subject), RowEngine(subject)
    for name in ("spbe-2020", "smart-city"):
        for indicator in load_indicator_set(name).indicators():
            rule = indicator.evidence
            register = subject.register(rule.sheet) if rule is not None else None
            if rule is None or register is None:
                continue
            for where in (rule.where, *(rule.where + s.rows for s in rule.steps)):
                assert context.answer(register, where) == truths(plain, register, where)


@pytest.mark.parametrize("seed", range(6))
def test_shipped_rules_find_the_same_ranges_on_either_engine(seed: int) -> None:
    """Each shipped rule finds the same floor, ceiling, measure range and blank columns
    on registers with missing columns, whichever engine answers its conditions."""
    subject = sparse_inventory(seed)
    fast, plain = RuleContext(subject), RuleContext(subject, engine="rows")
    open_rules = 0
    for name in ("spbe-2020", "smart-city"):
        indicator_set = load_indicator_set(name)
        for indicator in indicator_set.indicators():
            rule = indicator.evidence
            if rule is None:
                continue
            scale = indicator_set.scales[indicator.scale]
            finding = evaluate_rule(rule, scale, fast)
            assert finding == evaluate_rule(rule, scale, plain), indicator
            open_rules += finding.unknown != ()
    assert open_rules  # blanks leave some rule open on every seed


@pytest.mark.parametrize("seed", range(4))
def test_both_engines_read_the_same_possible_names(seed: int) -> None:
    """``possible_names_in`` (the rows a ``names_row_of`` may name) is the same on both."""
    subject = sparse_inventory(seed)
    fast, plain = ColumnEngine(subject), RowEngine(subject)
    references = {c.value for _, c in shipped_conditions() if isinstance(c.value, RowReference)}
    for reference in references:
        assert isinstance(reference, RowReference)
        assert fast.names_in(reference) == plain.names_in(reference), reference
        assert fast.possible_names_in(reference) == plain.possible_names_in(reference)


COLUMN_PAIRS = [("x", "y"), ("terintegrasi_dengan", "nama_aplikasi"), ("status", "url")]
"""Column pairs of the generated register: outside the contract (a blank says nothing),
a list and a name (a blank names nothing), an attribute and a text."""


def _named_sheet(
    cells: list[Any], others: Sequence[Any], pair: tuple[str, str], missing: bool
) -> tuple[Inventory, Register]:
    """``_one_sheet`` under the columns of ``pair``; ``missing`` leaves the second out."""
    first, second = pair
    others = [*others[: len(cells)], *[None] * (len(cells) - len(others))]
    register = Register(
        "aplikasi",
        "Aplikasi",
        {first: 0} if missing else {first: 0, second: 1},
        numbers=list(range(2, len(cells) + 2)),
        cells={first: cells, second: [None] * len(cells) if missing else others},
        label_column=first,
    )
    profile = Profile(tanggal_penilaian=dt.date(2025, 6, 30))
    return Inventory("t.xlsx", "0" * 64, profile, {"aplikasi": register}), register


def _conditions_on(pair: tuple[str, str]) -> list[tuple[Condition, ...]]:
    first, second = pair
    conditions = [*synthetic_conditions(first), *synthetic_conditions(second)]
    naming = [
        Condition("names_row_of", first, RowReference("aplikasi", second)),
        Condition("names_row_of", first, RowReference("aplikasi", first)),
        Condition(
            "names_row_of",
            first,
            RowReference("aplikasi", first, (Condition("present", second, True),)),
        ),
        Condition(
            "names_row_of",
            first,
            RowReference("aplikasi", first, (Condition("equals", second, "aktif"),)),
        ),
    ]
    either = Condition("any_of", None, None, ((Condition("equals", first, "aktif"),), (naming[3],)))
    return [
        *((c,) for c in [*conditions, *naming, either]),
        (Condition("equals", second, "aktif"), naming[0]),
        (Condition("present", first, True), naming[3], Condition("is", second, True)),
    ]


@settings(max_examples=300, derandomize=True, database=None)
@given(
    st.lists(_CELLS, max_size=30),
    st.lists(_CELLS, max_size=30),
    st.sampled_from(COLUMN_PAIRS),
    st.booleans(),
    st.data(),
)
def test_engines_agree_in_three_values_on_generated_columns(
    cells: list[Any],
    others: list[Any],
    pair: tuple[str, str],
    missing: bool,
    data: st.DataObject,
) -> None:
    """On generated columns of every kind, present or missing, both engines give the same
    sure and possible rows for single conditions, lists of them and ``any_of``."""
    subject, register = _named_sheet(cells, others, pair, missing)
    where = data.draw(st.sampled_from(_conditions_on(pair)))
    fast, plain = ColumnEngine(subject), RowEngine(subject)
    assert fast.answer(register, where) == truths(plain, register, where)
