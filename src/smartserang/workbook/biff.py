"""The area of each sheet of an old .xls, counted before calamine opens it.

python-calamine lays out every sheet of an .xls as it opens the file, and trusts two
things there: each sheet's ``DIMENSIONS`` record (it reserves room for the area it
gives: rows 2**31 make it abort) and each cell record's row and column (two cells far
apart make it allocate the area between them: (65535, 65535) asks for 137 GB).
``xls_sheets`` walks the records of the file's workbook stream (BIFF8, and BIFF5's
shorter ``DIMENSIONS``) and gives each worksheet's filled area as calamine places its
cells, so that the reader can refuse the file first; a ``DIMENSIONS`` or a column past
the most Excel 97-2003 keeps is refused outright (``scan.PastMaximum``).
"""

from __future__ import annotations

import struct

from smartserang.workbook.ole import OleDamaged, OleFile
from smartserang.workbook.scan import PastMaximum, SheetScan

MAX_ROWS, MAX_COLUMNS = 65_536, 256
"""The last row and column of an Excel 97-2003 sheet."""
_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x0200, 0x002F
_CELLS = frozenset({0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E})
"""Records of one cell with a value (formula, rich text, shared text, number, text,
boolean or error, RK number): row and column first."""
_MULRK = 0x00BD
"""Several RK numbers on one row: the last column closes the record."""
_WORKSHEET = 0
_EXCEL_97 = "{:,} (Excel 97-2003)"


class Encrypted(Exception):
    """The workbook is password-protected (a ``FILEPASS`` record)."""


def xls_sheets(ole: OleFile) -> dict[str, SheetScan]:
    """Each worksheet's filled area, as calamine lays out the .xls ``ole``; raises
    ``Encrypted``, ``PastMaximum``, or ``OleDamaged`` for records past their stream."""
    names = {name.casefold(): name for name in ole.names()}
    stream = ole.stream(names.get("workbook") or names["book"])
    sheets: list[tuple[str, int]] = []
    for kind, data in _records(stream, 0):
        if kind == _FILEPASS:
            raise Encrypted
        if kind == _BOUNDSHEET and len(data) >= 8 and data[5] == _WORKSHEET:
            sheets.append((_sheet_name(data), struct.unpack_from("<I", data)[0]))
    areas: dict[str, SheetScan] = {}
    for title, start in sheets:
        rows, columns = _area(stream, start)
        before = areas.get(title)
        if before is not None:  # one title twice: as large as both
            rows, columns = max(rows, before.rows), max(columns, before.columns)
        areas[title] = SheetScan(rows, columns, exact=True)
    return areas


def _area(stream: bytes, start: int) -> tuple[int, int]:
    """The filled area (rows, columns) of the sheet whose records start at ``start``."""
    rows = columns = 0
    for kind, data in _records(stream, start):
        if kind in _CELLS and len(data) >= 4:
            row, column = struct.unpack_from("<HH", data)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind == _MULRK and len(data) >= 6:
            row, _ = struct.unpack_from("<HH", data)
            (last,) = struct.unpack_from("<H", data, len(data) - 2)
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        elif kind == _DIMENSIONS:
            _check_dimensions(data)
    if columns > MAX_COLUMNS:
        raise PastMaximum("a cell's column", columns, _EXCEL_97.format(MAX_COLUMNS))
    return rows, columns


def _check_dimensions(data: bytes) -> None:
    """Refuse a ``DIMENSIONS`` record past the most an .xls sheet holds: calamine
    reserves room for its area."""
    if len(data) >= 14:  # BIFF8: rows as 32-bit numbers
        _, last_row, _, last_column = struct.unpack_from("<IIHH", data)
    elif len(data) >= 10:  # BIFF5
        _, last_row, _, last_column = struct.unpack_from("<HHHH", data)
    else:
        return
    if last_row > MAX_ROWS:
        raise PastMaximum("DIMENSIONS (rows)", last_row, _EXCEL_97.format(MAX_ROWS))
    if last_column > MAX_COLUMNS:
        raise PastMaximum("DIMENSIONS (columns)", last_column, _EXCEL_97.format(MAX_COLUMNS))


def _records(stream: bytes, start: int) -> _Walk:
    """The records from ``start`` on, (type, data), to the ``EOF`` closing the
    substream begun there (charts and other substreams inside it skipped whole)."""
    return _Walk(stream, start)


class _Walk:
    """Iterates the records of a BIFF stream from an offset, each checked to lie in it."""

    def __init__(self, stream: bytes, start: int) -> None:
        if start >= len(stream):
            raise OleDamaged(f"a sheet starts past the workbook stream ({start})")
        self.stream, self.at, self.depth = stream, start, 0

    def __iter__(self) -> _Walk:
        return self

    def __next__(self) -> tuple[int, bytes]:
        while True:
            stream, at = self.stream, self.at
            if at + 4 > len(stream):
                raise StopIteration
            kind, size = struct.unpack_from("<HH", stream, at)
            end = at + 4 + size
            if end > len(stream):
                raise OleDamaged("a record runs past the workbook stream")
            self.at = end
            if kind == _BOF:
                self.depth += 1
            elif kind == _EOF:
                self.depth -= 1
                if self.depth <= 0:
                    raise StopIteration
            if self.depth <= 1:  # the substream's own records, not an embedded chart's
                return kind, stream[at + 4 : end]


def _sheet_name(data: bytes) -> str:
    """The name in a ``BOUNDSHEET`` record (BIFF8: a count, a flag, the characters)."""
    count, flags = data[6], data[7] if len(data) > 7 else 0
    if flags & 1:
        return data[8 : 8 + 2 * count].decode("utf-16-le", "replace")
    text = data[8 : 8 + count]
    if len(data) == 7 + count:  # BIFF5: no flag byte
        text = data[7 : 7 + count]
    return text.decode("latin-1")
