"""A sheet's header cells, or the Profil sheet's labels, matched to the contract's columns.

Spellings are compared as ``names.header_key`` makes them (Unicode NFKC, zero-width
characters and no-break spaces, case, spacing and the marks around a name such as ``:``,
``*`` or ``(wajib)``), against each column's name, English alias and synonyms
(``synonyms.COLUMN_SYNONYMS``). A numbering column (``No.``) is read past. A header given
twice is an error, unless one of the two is only a synonym: the contract's own name is
then read and the synonym ignored with a warning. A header that names no column is a
warning; one close to a column's name ("Nama Aplkasi") carries "did you mean", and becomes
an error where that column is required here, or read by a set (``session``). A header
cell showing an error or holding text past the limit is reported at its cell.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from smartserang.model import NearMiss
from smartserang.problems import Problem
from smartserang.workbook.cells import BadValue, Raw, as_text, error_value, too_long
from smartserang.workbook.contract import (
    NUMBERING_HEADERS,
    SHEETS_BY_KEY,
    Column,
    Sheet,
)
from smartserang.workbook.located import Found, Place, ref
from smartserang.workbook.names import header_key, header_keys

_CLOSE = 0.8
"""How alike (``difflib`` ratio) an unknown header and a column's spelling must be for
"did you mean"."""


def is_blank(raw: Raw) -> bool:
    return raw == "" or (isinstance(raw, str) and not raw.strip())


def first_filled(cells: Sequence[Raw]) -> int | None:
    """The index of the first non-blank cell, or None."""
    return next((i for i, raw in enumerate(cells) if not is_blank(raw)), None)


@functools.cache
def spellings(sheet: Sheet) -> dict[str, tuple[Column, bool]]:
    """``header_key`` of each header (or label) spelling of ``sheet`` -> its column, and
    whether the spelling is the column's name or alias (not only a synonym)."""
    found: dict[str, tuple[Column, bool]] = {}
    for column in sheet.columns:
        for n, spelling in enumerate(column.headers()):
            found.setdefault(header_key(spelling), (column, n < 2))
    return found


def name_of(sheet: Sheet, text: str) -> tuple[Column, bool] | None:
    """The column ``text`` names in ``sheet`` (and whether by its own name), or None."""
    table = spellings(sheet)
    for key in header_keys(text):
        if key in table:
            return table[key]
    return None


def is_numbering(sheet: Sheet, text: str) -> bool:
    """Whether a header names a column numbering the rows (``No.``), not a column."""
    return name_of(sheet, text) is None and header_key(text) in NUMBERING_HEADERS


@functools.cache
def _close_pool(sheet: Sheet) -> tuple[list[str], list[tuple[list[str], Column]]]:
    keys = list(spellings(sheet))
    words = [(key.split(), spellings(sheet)[key][0]) for key in keys]
    return keys, words


_LONGEST = 60
"""Text longer than this is a value or a title, not a header with a slip in it."""


def resembles(sheet: Sheet, text: str) -> Column | None:
    """The column an unknown header most likely means ("Nama Aplkasi", "Tingkat Layanan
    Apl", "Status Aplikasi Saat Ini"), or None when it resembles none."""
    key = header_key(text) if len(text) <= _LONGEST else ""
    if not key or key in NUMBERING_HEADERS:
        return None
    return _resembling(sheet.key, key)


@functools.lru_cache(maxsize=4096)
def _resembling(sheet_key: str, key: str) -> Column | None:
    sheet = SHEETS_BY_KEY[sheet_key]
    keys, words = _close_pool(sheet)
    close = difflib.get_close_matches(key, keys, n=1, cutoff=_CLOSE)
    if close:
        return spellings(sheet)[close[0]][0]
    tokens = key.split()
    # The header holds a column's whole name among other words, or is its name cut short.
    containing = {
        column.key: column
        for spelled, column in words
        if (len(spelled) < len(tokens) and _within(spelled, tokens))
        or (len(tokens) < len(spelled) and len(key) >= 5 and _within(tokens, spelled))
    }
    return next(iter(containing.values())) if len(containing) == 1 else None


def _within(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is a run of consecutive words of ``whole``."""
    size = len(part)
    return any(whole[i : i + size] == part for i in range(len(whole) - size + 1))


def bad_cell(raw: Raw, index: int, col: int, place: Place) -> BadValue | None:
    """The problem of a header or label cell: an error shown, or text past the limit."""
    if raw == "" and (shown := place.errors.get((index, col))) is not None:
        return error_value(shown)
    if isinstance(raw, str) and len(raw) > place.limits.string_length:
        return too_long(raw, place.limits.string_length)
    return None


@dataclass(frozen=True)
class Unknown:
    """A header (or label) cell naming no column of its sheet."""

    index: int
    col: int
    text: str
    like: Column | None
    """The column it resembles, for "did you mean"."""


@dataclass
class Names:
    """What a header row (or Profil's label column) names."""

    found: dict[str, tuple[int, int]]
    """Canonical key -> (row, column) of each cell naming a column."""
    unknown: list[Unknown]
    """Cells naming none (numbering columns left out), in reading order."""


def match_names(
    sheet: Sheet, cells: Iterable[tuple[int, int, Raw]], place: Place, problems: Found
) -> Names:
    """Match header or label cells to ``sheet``'s columns; report bad cells and headers
    given twice. The unknown cells are returned for the caller to report
    (``report_unknown``), which first pairs them with the required columns missing."""
    kind = "label" if sheet.labels else "column"
    found: dict[str, tuple[int, int]] = {}
    own: dict[str, bool] = {}
    texts: dict[str, str] = {}
    unknown: list[Unknown] = []
    for index, col, raw in cells:
        bad = bad_cell(raw, index, col, place)
        if bad is not None:
            problems.errors.append(bad.problem(place.cell(index, col)))
            continue
        if is_blank(raw):
            continue
        text = as_text(raw).strip()
        named = name_of(sheet, text)
        if named is None:
            if not sheet.labels and header_key(text) in NUMBERING_HEADERS:
                continue  # "No.": the rows' numbers, read past
            unknown.append(Unknown(index, col, text, resembles(sheet, text)))
            continue
        column, by_name = named
        if column.key not in found:
            found[column.key], own[column.key], texts[column.key] = (index, col), by_name, text
            continue
        first = ref(*found[column.key])
        if by_name == own[column.key]:
            if header_key(text) in NUMBERING_HEADERS:  # Kebijakan's "Nomor" beside "No."
                continue
            at = place.cell(index, col)
            problems.error(
                at, f"{kind}_twice", "inventory.column.duplicate", text=text, first=first
            )
            continue
        # One is the contract's own name, the other a synonym: the name is read.
        shadowed = (index, col, text)
        if by_name:
            shadowed = (*found[column.key], texts[column.key])
            found[column.key], own[column.key], texts[column.key] = (index, col), True, text
        at = ref(*found[column.key])
        problems.warn(
            place.cell(shadowed[0], shadowed[1]), "column_shadowed", "inventory.column",
            text=shadowed[2], column=column.name, cell=at,
        )  # fmt: skip
    return Names(found, unknown)


def report_unknown(
    sheet: Sheet, unknown: Iterable[Unknown], found: dict[str, tuple[int, int]],
    place: Place, problems: Found,
) -> None:  # fmt: skip
    """A warning per unknown cell; one that resembles a column the sheet lacks is a near
    miss, which a set reading that column makes an error."""
    for cell in unknown:
        location = place.cell(cell.index, cell.col)
        like = cell.like
        if like is None or like.key in found:
            key = "warn_unknown_label" if sheet.labels else "warn_unknown_column"
            problems.warn(location, key, "inventory.column", text=cell.text)
            continue
        code, kind = "inventory.column", "label" if sheet.labels else "column"
        params = {"text": cell.text, "column": like.name}
        problems.near_miss(
            NearMiss(
                sheet.key,
                like.key,
                Problem.warning(location, f"{kind}_near", code, **params),
                Problem.error(location, f"{kind}_near_needed", code, **params),
            )
        )


def column_of(sheet: Sheet, key: str) -> Column:
    column = sheet.column(key)
    assert column is not None, key  # keys come from matching this sheet's own columns
    return column
