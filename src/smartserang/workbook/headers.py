"""A sheet's header row, or the Profil sheet's labels, matched to the contract's columns.

Spellings are compared normalised (case, spaces, punctuation, see
``contract.normalise_token``); an unknown header is a warning, a header given twice an
error, and a header cell showing an error or holding text past the limit is reported
at its cell.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from smartserang.workbook.cells import BadValue, Raw, as_text, error_value, too_long
from smartserang.workbook.contract import Column, Sheet, normalise_token
from smartserang.workbook.located import Found, Place, ref


def is_blank(raw: Raw) -> bool:
    return raw == "" or (isinstance(raw, str) and not raw.strip())


def first_filled(cells: Sequence[Raw]) -> int | None:
    """The index of the first non-blank cell, or None."""
    return next((i for i, raw in enumerate(cells) if not is_blank(raw)), None)


@functools.cache
def _names(sheet: Sheet) -> dict[str, Column]:
    """Normalised header (or label) spellings of ``sheet`` -> column."""
    return {normalise_token(n): c for c in sheet.columns for n in c.headers()}


def bad_cell(raw: Raw, index: int, col: int, place: Place) -> BadValue | None:
    """The problem of a header or label cell: an error shown, or text past the limit."""
    if raw == "" and (shown := place.errors.get((index, col))) is not None:
        return error_value(shown)
    if isinstance(raw, str) and len(raw) > place.limits.string_length:
        return too_long(raw, place.limits.string_length)
    return None


def match_names(
    sheet: Sheet, cells: Iterable[tuple[int, int, Raw]], place: Place, problems: Found
) -> dict[str, tuple[int, int]]:
    """Canonical key -> (row, column) of each header or label cell naming a column."""
    kind = "label" if sheet.labels else "column"
    found: dict[str, tuple[int, int]] = {}
    for index, col, raw in cells:
        bad = bad_cell(raw, index, col, place)
        if bad is not None:
            problems.error(place.cell(index, col), bad.message, bad.code)
            continue
        if is_blank(raw):
            continue
        text = as_text(raw).strip()
        column = _names(sheet).get(normalise_token(text))
        if column is None:
            key = "warn_unknown_label" if sheet.labels else "warn_unknown_column"
            problems.warn(place.cell(index, col), key, "inventory.column", text=text)
        elif column.key in found:
            first = ref(*found[column.key])
            message = f"{kind} '{text}' appears twice (first at {first})"
            problems.error(place.cell(index, col), message, "inventory.column.duplicate")
        else:
            found[column.key] = (index, col)
    return found


def column_of(sheet: Sheet, key: str) -> Column:
    column = sheet.column(key)
    assert column is not None, key  # keys come from matching this sheet's own columns
    return column
