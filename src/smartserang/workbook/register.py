"""A register sheet read into a ``Register``: its table found where the eye finds it
(``table``), its header matched to the contract (``headers``), the rows read up to where
the table ends with totals rows and repeated headers left out, merged cells spread, the
columns typed (``columns``), and every reading noted. ``reader`` gives it the sheet's rows.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Sequence

from smartserang.model import CellValue, Register
from smartserang.problems import Param, cell_location
from smartserang.workbook.cells import Raw
from smartserang.workbook.columns import raw_columns, type_columns
from smartserang.workbook.contract import Sheet
from smartserang.workbook.headers import (
    Names,
    column_of,
    first_filled,
    match_names,
    report_unknown,
)
from smartserang.workbook.located import Found, Place, ref
from smartserang.workbook.table import (
    HEAD_ROWS,
    Header,
    MergedRange,
    Rows,
    find_header,
    spread_merged,
)

_UNIQUE = {"penilaian": "indikator"}
"""Registers where one column's value may appear on one row only."""


def read_register(
    sheet: Sheet,
    grid: Iterable[list[Raw]],
    place: Place,
    problems: Found,
    merged: Sequence[MergedRange] | None = None,
) -> Register | None:
    """A table sheet: its header found among the first rows (see ``table``), its data
    rows read up to where the table ends, totals rows and repeated headers left out,
    merged cells spread over the rows they cover."""
    numbered = enumerate(grid)
    found = next(((i, row) for i, row in numbered if first_filled(row) is not None), None)
    if found is None:
        problems.warn(place.sheet, "warn_sheet_empty", "inventory.sheet.empty")
        return None
    head = [found, *itertools.islice(numbered, HEAD_ROWS - 1)]
    header = find_header(sheet, head)
    names = match_names(sheet, header.cells, place, problems)
    columns = {key: col for key, (_, col) in names.found.items()}
    _missing_columns(sheet, header, names, place, problems)
    report_unknown(sheet, names.unknown, names.found, place, problems)
    _note_header(header, found[0], place, problems)
    by_index = dict(sorted((col, key) for key, col in columns.items()))
    label = columns.get(sheet.label_column or "", header.cells[0][1] if header.cells else 0)
    rows = Rows(
        itertools.chain((row for i, row in head if i >= header.data), (r for _, r in numbered)),
        header.data, sheet, label, header,
    )  # fmt: skip
    raw = raw_columns(list(by_index), iter(rows))
    place = _laid_out(raw, rows, merged, place, problems)
    distinct: dict[str, frozenset[CellValue]] = {}
    numbers, typed = type_columns(sheet, by_index, raw, header.data, place, problems, distinct)
    register = Register(
        sheet.key, place.title, columns, label_column=sheet.label_column, numbers=numbers,
        cells=typed, distinct=distinct,
    )  # fmt: skip
    _check_unique(sheet, register, place, problems)
    return register


def _missing_columns(
    sheet: Sheet, header: Header, names: Names, place: Place, problems: Found
) -> None:
    """An error per required column the header lacks: at the header cell that resembles
    it ("Nama Aplkasi"), with the fix; else at the header row, saying why no row fitted
    when none named any column."""
    first = header.cells[0][1] if header.cells else 0
    for column in sheet.columns:
        if not column.required or column.key in names.found:
            continue
        like = next((u for u in names.unknown if u.like is column), None)
        if like is not None:
            names.unknown.remove(like)
            problems.error(
                place.cell(like.index, like.col), "column_missing_near", "inventory.column.missing",
                column=column.name, text=like.text,
            )  # fmt: skip
        elif header.named == 0:
            known = ", ".join(c.name for c in sheet.columns if c.required)
            problems.error(
                place.cell(header.top, first), "column_missing_no_header",
                "inventory.column.missing", column=column.name, rows=HEAD_ROWS,
                sheet=sheet.name, known=known,
            )  # fmt: skip
        else:
            at = place.cell(header.top, first)
            problems.error(at, "column_missing", "inventory.column.missing", column=column.name)


def _note_header(header: Header, first: int, place: Place, problems: Found) -> None:
    """Notes of where the header was found, when rows came before it, or it took two
    rows, or a column-number row followed it."""
    at = place.cell(header.top, header.cells[0][1] if header.cells else 0)
    if header.bottom > header.top:
        problems.note(
            at, "note_header_rows", "inventory.table", first=header.top + 1, last=header.bottom + 1
        )
    elif header.top > first and header.named:
        problems.note(at, "note_header_row", "inventory.table", row=header.top + 1)
    if header.numbers is not None:
        numbers_at = place.cell(header.numbers, header.cells[0][1] if header.cells else 0)
        problems.note(numbers_at, "note_numbers_row", "inventory.table", row=header.numbers + 1)


def _note_end(rows: Rows, place: Place, problems: Found) -> None:
    """A note of the rows left out below the table; an error when many of them look
    like data rows (which one is the table cannot then be told)."""
    assert rows.end is not None
    at, last, dense, kind, text = rows.end
    key = "note_table_below" if kind == "table" else "note_notes_below"
    first, final = rows.start + at + 1, rows.start + last + 1
    params: dict[str, Param] = {"rows": f"{first}–{final}" if final > first else str(first)}
    params["text"] = text
    location = place.cell(rows.start + at, rows.label)
    if dense > 2 and kind == "notes":
        problems.error(location, f"{key}_dense", "inventory.table", **params, dense=dense)
    else:
        problems.note(
            location, key + ("" if final > first else "_one"), "inventory.table", **params
        )


def _laid_out(
    raw: dict[int, list[Raw]],
    rows: Rows,
    merged: Sequence[MergedRange] | None,
    place: Place,
    problems: Found,
) -> Place:
    """The raw columns as the sheet shows them: cut where the table ends, merged values
    spread, totals rows and repeated headers blanked (so left out as blank rows are);
    every such reading noted. The place returned knows no error cell left out."""
    start = rows.start
    size = len(next(iter(raw.values()))) if raw else 0
    if rows.end is not None:
        at = rows.end[0]
        for cells in raw.values():
            del cells[at:]
        size = min(size, at)
        _note_end(rows, place, problems)
    spread = spread_merged(merged, raw, start, size)
    if spread:
        ((top, left), (bottom, _)), value = spread[0]
        problems.note(
            place.cell(top, left), "note_merged", "inventory.table", count=len(spread),
            cells=f"{ref(top, left)}:{ref(bottom, left)}", text=str(value), first=top + 1,
            last=bottom + 1,
        )  # fmt: skip
    left_out = {p: what for p, what in rows.skipped.items() if p < size}
    for position in left_out:
        for cells in raw.values():
            cells[position] = ""
    for kind, key in (("totals", "note_totals"), ("header", "note_repeated")):
        which = [p for p, (k, _) in left_out.items() if k == kind]
        if which:
            text = left_out[which[0]][1]
            numbers = ", ".join(str(start + p + 1) for p in which)
            problems.note(
                place.cell(start + which[0], rows.label), key + ("_rows" if which[1:] else "_row"),
                "inventory.table", rows=numbers, text=text,
            )  # fmt: skip
    if not left_out and rows.end is None:
        return place
    cut = start + size
    errors = {
        (index, col): shown
        for (index, col), shown in place.errors.items()
        if index < cut and index - start not in left_out
    }
    return dataclasses.replace(place, errors=errors)


def _check_unique(sheet: Sheet, register: Register, place: Place, problems: Found) -> None:
    """Report a second row naming the same indicator (which one would count?)."""
    key = _UNIQUE.get(register.sheet)
    if key is None or key not in register.columns:
        return
    seen: dict[str, int] = {}
    for row in register.rows:
        value = row.get(key)
        if value is None:
            continue
        first = seen.setdefault(str(value).casefold(), row.number)
        if first != row.number:
            location = cell_location(place.source, place.title, row.number, register.columns[key])
            name = column_of(sheet, key).name
            problems.error(
                location, "row_twice", "inventory.duplicate",
                column=name, value=str(value), first=first,
            )  # fmt: skip
