"""Typing a whole column at once gives what typing its cells one by one gives.

The reader types names and addresses with ``text_column``, a few passes in C over the
column; it answers only for columns of the usual kind (or says None, and the reader
types the column cell by cell). Where it answers, every value must be the one
``cell_reader`` gives the cell alone.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from smartserang.model import CellValue
from smartserang.workbook.cells import BadValue, Raw, cell_reader, text_column
from smartserang.workbook.contract import SHEETS, Column, ColumnType
from smartserang.workbook.reader import read_inventory

from builders import EXAMPLES

LONGEST = 40


def column_of(kind: ColumnType) -> Column:
    return next(c for s in SHEETS for c in s.columns if c.type is kind)


def one_by_one(column: Column, cells: list[Raw]) -> list[CellValue | str]:
    """Each cell typed alone: its value, or 'bad' where the reader reports it."""
    read = cell_reader(column, LONGEST)
    typed: list[CellValue | str] = []
    for cell in cells:
        try:
            typed.append(None if cell == "" else read(cell))
        except BadValue:
            typed.append("bad")
    return typed


texts = st.text(alphabet=" ,\t\u00a0abcAB#N/!?0-9", max_size=50) | st.sampled_from(
    ["#N/A", " #REF! ", "", "  ", "a, b,,c", ",", "x" * (LONGEST + 1)]
)
numbers = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-5, 5).map(float)


@settings(max_examples=400, derandomize=True, database=None)
@given(st.lists(texts | numbers, max_size=30))
def test_text_columns_type_as_the_cell_reader_does(cells: list[Raw]) -> None:
    column = column_of(ColumnType.TEXT)
    typed = text_column(cells, LONGEST)
    if typed is not None:
        expected = one_by_one(column, cells)
        assert "bad" not in expected
        assert typed == expected


def test_usual_columns_are_typed_in_bulk() -> None:
    """The fast path answers for the usual registers (else the test above proves nothing)."""
    assert text_column([" Diskominfo ", "", "SIPD"], LONGEST) == ["Diskominfo", None, "SIPD"]
    assert text_column(["#REF!"], LONGEST) is None
    assert text_column([3.0], LONGEST) is None


def test_the_distinct_values_a_register_gives_hold_every_cell() -> None:
    """The rule engine takes a column's distinct values from the reader when it has them
    (and looks a condition up in them): a value missing there would lose its rows."""
    inventory = read_inventory(EXAMPLES / "kota-sukamaju.xlsx")
    given = 0
    for register in inventory.registers.values():
        for key in register.columns:
            distinct = register.distinct(key)
            if distinct is not None:
                given += 1
                assert set(register.cells(key)) <= distinct, (register.sheet, key)
    assert given > 10  # the vocabulary, yes/no, number and list columns


def test_a_column_of_many_thousand_values_gives_no_distinct_set() -> None:
    """A large register keeps the distinct values of its columns of few values, and none
    for a column of many thousand (a count of users): the rule engine makes that set
    itself if it asks, and it is not sent between processes."""
    from smartserang.workbook.columns import type_columns
    from smartserang.workbook.contract import SHEETS_BY_KEY
    from smartserang.workbook.limits import DEFAULTS
    from smartserang.workbook.located import Found, Place

    sheet = SHEETS_BY_KEY["aplikasi"]
    rows = 20_000
    raw: dict[int, list[Raw]] = {
        0: [f"Aplikasi {i}" for i in range(rows)],
        1: [["Aktif", "Tidak Aktif"][i % 2] for i in range(rows)],
        2: [float(i) for i in range(rows)],
    }
    columns = {0: "nama_aplikasi", 1: "status", 2: "jumlah_pengguna"}
    distinct: dict[str, frozenset[CellValue]] = {}
    problems = Found()
    numbers, typed = type_columns(
        sheet, columns, raw, 1, Place("x.xlsx", "Aplikasi", DEFAULTS), problems, distinct
    )
    assert not problems.errors
    assert len(numbers) == rows
    assert typed["jumlah_pengguna"][:3] == [0, 1, 2]
    assert distinct == {"status": frozenset({"aktif", "tidak aktif", None})}  # vocabulary


def test_text_is_measured_as_written_before_its_spaces_are_cut() -> None:
    """A cell past the length limit only by its spaces is still past it, as ``cell_reader``
    measures it: the bulk path leaves it to the cell-by-cell reader, which refuses it."""
    assert text_column(["x" * LONGEST + " "], LONGEST) is None
    assert one_by_one(column_of(ColumnType.TEXT), ["x" * LONGEST + " "]) == ["bad"]


office_texts = st.text(
    alphabet=" ,\u00a0\u202f\u200b\u200d\u2060\ufeff\u00adae\u0301\u0308\u00e9#N/A", max_size=30
) | st.sampled_from(["#N/A\u200b", "\u200b", "\u00a0", "Re\u0301vu\u0308", "R\u00e9v\u00fc"])


@settings(max_examples=400, derandomize=True, database=None)
@given(st.lists(office_texts, max_size=30))
def test_text_columns_are_cleaned_as_the_cell_reader_cleans(cells: list[Raw]) -> None:
    """NFD, zero-width characters and no-break spaces: the bulk path cleans each cell as
    the cell-by-cell reader does (NFC, invisible characters out, no-break spaces as
    spaces), blanks and errors included."""
    column = column_of(ColumnType.TEXT)
    typed = text_column(cells, LONGEST)
    if typed is not None:
        assert typed == one_by_one(column, cells)


def test_a_name_typed_in_nfd_is_the_name_typed_in_nfc() -> None:
    """Both paths give the composed form, and drop what the eye does not see."""
    cells: list[Raw] = ["Re\u0301vu\u0308 Kota", "R\u00e9v\u00fc\u00a0Kota\u200b", "x"]
    assert text_column(cells, LONGEST) == ["R\u00e9v\u00fc Kota", "R\u00e9v\u00fc Kota", "x"]
    assert one_by_one(column_of(ColumnType.TEXT), cells) == text_column(cells, LONGEST)
