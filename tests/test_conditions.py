"""What each condition operator asks of one cell, at its edges (the plain engine's tests,
which the column engine must match)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from smartserang.model import CellValue, Condition
from smartserang.scoring.conditions import cell_test, value_key

DAY = dt.date(2025, 6, 30)

CASES: list[tuple[Condition, CellValue, bool]] = [
    (Condition("present", "c", True), "x", True),
    (Condition("present", "c", True), "", False),
    (Condition("present", "c", True), (), False),
    (Condition("present", "c", False), None, True),
    (Condition("present", "c", False), 0, False),
    (Condition("is", "c", True), True, True),
    (Condition("is", "c", True), 1, False),
    (Condition("is", "c", False), None, False),
    (Condition("within_days", "c", 365), DAY, True),
    (Condition("within_days", "c", 365), DAY - dt.timedelta(days=365), True),
    (Condition("within_days", "c", 365), DAY - dt.timedelta(days=366), False),
    (Condition("within_days", "c", 365), DAY + dt.timedelta(days=1), False),
    (Condition("within_days", "c", 365), "2025-06-30", False),
    (Condition("at_least", "c", Fraction(5, 2)), 2.5, True),
    (Condition("at_least", "c", Fraction(5, 2)), 2, False),
    (Condition("at_least", "c", Fraction(1)), True, False),
    (Condition("at_most", "c", Fraction(1)), 1.0, True),
    (Condition("at_most", "c", Fraction(1)), "0", False),
    (Condition("equals", "c", "pusat data"), " Pusat-DATA ", True),
    (Condition("equals", "c", "pusat data"), ("x", "pusat_data"), True),
    (Condition("equals", "c", "pusat data"), "pusat data center", False),
    (Condition("equals", "c", Fraction(3)), 3.0, True),
    (Condition("equals", "c", Fraction(1)), True, False),
    (Condition("equals", "c", "true"), True, False),
    (Condition("in", "c", ("a", Fraction(2))), 2, True),
    (Condition("in", "c", ("a", Fraction(2))), "B", False),
    (Condition("contains", "c", ("spse",)), "e-SPSE Kota", True),
    (Condition("contains", "c", ("spse",)), ("x", "LPSE", "eSPSE"), True),
    (Condition("contains", "c", ("none",)), None, False),
    (Condition("contains", "c", ("a b",)), "a_b", True),
]


@pytest.mark.parametrize(("condition", "cell", "passes"), CASES)
def test_each_operator_on_one_cell(condition: Condition, cell: CellValue, passes: bool) -> None:
    """Blanks, case and white space, numbers beside yes/no values, and the bounds of a
    range pass or fail as the set format says."""
    assert cell_test(condition, DAY)(cell) is passes


def test_without_a_reference_date_no_review_is_recent() -> None:
    """With neither Tanggal Penilaian nor Tahun, ``within_days`` holds for no date."""
    assert cell_test(Condition("within_days", "c", 365), None)(DAY) is False


def test_equals_compares_normalised_text_and_exact_numbers() -> None:
    """A text and a number never share a key; a yes/no value and a date have none."""
    assert value_key(" A-b ") == value_key("a b")
    assert value_key(2.5) == value_key(Fraction(5, 2))
    assert value_key("1") != value_key(1)
    assert value_key(True) is None
    assert value_key(DAY) is None


def test_an_unknown_operator_is_refused() -> None:
    """A condition no engine knows is an error, not a silent miss."""
    with pytest.raises(ValueError, match="unknown condition operator"):
        cell_test(Condition("resembles", "c", "x"), DAY)
