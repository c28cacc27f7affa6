"""The area of each table of an OpenDocument spreadsheet, counted before calamine opens it.

python-calamine lays out every table of an .ods as it opens the file, a repeated row or
cell (``table:number-rows-repeated``) taking that many places: a few bytes can so make
an area of billions of cells. ``ods_tables`` counts each table's area as calamine would
from ``content.xml``, so that the reader can refuse the file first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from smartserang.workbook.scan import MAX_RUN, TAG_BODY, Damaged, SheetScan, cut

ODS_CONTENT = "content.xml"
_ODS_TABLE_OR_ROW = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row)(?=[\s/>])" + TAG_BODY + rb">")
_ODS_ROW_END = re.compile(rb"</(?:[\w.-]+:)?table-row>")
_ODS_CELL = re.compile(
    rb"<(?:[\w.-]+:)?(?:table-cell|covered-table-cell)(?=[\s/>])" + TAG_BODY + rb">"
)
_REPEATED = re.compile(rb"number-(?:rows|columns)-repeated\s*=\s*[\"']?(\d{1,10})")
_VALUE_TYPE = re.compile(rb"value-type\s*=")
_TABLE_NAME = re.compile(rb"(?:^|\s)(?:[\w.-]+:)?name\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_USUAL_CELL_TAGS = (
    b"<table:table-cell",
    b"</table:table-cell>",
    b"<table:covered-table-cell",
    b"</table:covered-table-cell>",
)


def ods_tables(chunks: Iterable[bytes]) -> dict[str, SheetScan]:
    """Each table's exact area in an OpenDocument ``content.xml``, counted as calamine
    places cells: one after the other, a row or cell repeated
    (``table:number-rows-repeated``) taking that many places; cells without a value
    after the last one with a value, and rows without one after the last such row, do
    not count. A few bytes can so make an area of billions of cells. Two tables of one
    name count as one as large as both.

    Pieces holding only rows as LibreOffice writes them (no repeats but of the blank
    cells ending a row) are counted with a few byte searches per row (``_OdsWalk.quick``);
    the others row by row and, where a row repeats a cell, cell by cell.
    """
    walk = _OdsWalk()
    for piece in cut(chunks, b"<table:table-row"):
        walk.piece(piece)
    return walk.result()


_TRAILING_BLANKS = re.compile(rb'columns-repeated="\d+"/></table:table-row>')
"""The end of a row whose last cell, repeated, may be a blank filling the row."""


class _OdsWalk:
    """The tables' areas, piece by piece (see ``ods_tables``)."""

    def __init__(self) -> None:
        self.areas: dict[str, tuple[int, int]] = {}
        self.name: str | None = None
        self.rows = self.columns = self.row = 0
        self.carry = b""

    def result(self) -> dict[str, SheetScan]:
        if self.carry:
            raise Damaged("a row of it has no end")
        self.close()
        return {title: SheetScan(*area, exact=True) for title, area in self.areas.items()}

    def close(self) -> None:
        if self.name is not None:
            before = self.areas.get(self.name, (0, 0))
            self.areas[self.name] = (max(before[0], self.rows), max(before[1], self.columns))

    def piece(self, piece: bytes) -> None:
        if self.carry:
            piece, self.carry = self.carry + piece, b""
        if piece and not self.quick(piece):
            self.exact(piece)

    def quick(self, piece: bytes) -> bool:
        """Count a piece of whole rows of one table written as LibreOffice writes them;
        False when the piece is not one."""
        if self.name is None or not piece.startswith(b"<table:table-row"):
            return False
        if b"<table:table " in piece or b"</table:table>" in piece or b"<table:table>" in piece:
            return False
        rows = piece.count(b"<table:table-row")
        if piece.count(b"table-row") != rows + piece.count(b"</table:table-row>"):
            return False  # rows with another prefix, or without an end tag
        cells = sum(piece.count(tag) for tag in _USUAL_CELL_TAGS)
        if piece.count(b"table-cell") != cells:
            return False
        repeats = piece.count(b"repeated")
        if repeats:
            trailing = 0
            for blank in _TRAILING_BLANKS.finditer(piece):
                tag = piece.rfind(b"<", 0, blank.start())
                if piece.find(b"value-type", tag, blank.start()) >= 0:
                    return False  # a repeated cell with a value
                trailing += 1
            if trailing != repeats:
                return False
        covered = b"covered-table-cell" in piece
        row, last_row, columns = self.row, 0, self.columns
        for number, body in enumerate(piece.split(b"<table:table-row")[1:], row + 1):
            filled = max(body.rfind(b"value-type"), body.rfind(b"</table:table-cell>"))
            if covered:
                filled = max(filled, body.rfind(b"</table:covered-table-cell>"))
            if filled < 0:
                continue
            count = body.count(b"<table:table-cell", 0, filled)
            if covered:
                count += body.count(b"<table:covered-table-cell", 0, filled)
            last_row, columns = number, max(columns, count)
        self.row = row + rows
        if last_row:
            self.rows, self.columns = max(self.rows, last_row), columns
        return True

    def exact(self, piece: bytes) -> None:
        """Count a piece row by row, each row cell by cell when it repeats one."""
        at = 0
        while (event := _ODS_TABLE_OR_ROW.search(piece, at)) is not None:
            closing, kind, text = event.groups()
            if kind == b"table":
                at = event.end()
                self.close()
                self.name = None
                if not closing:
                    found = _TABLE_NAME.search(text)
                    value = (found[1] if found[1] is not None else found[2]) if found else b""
                    self.name = html.unescape(value.decode("utf-8", "replace"))
                    self.rows = self.columns = self.row = 0
                continue
            if closing:  # the end of a row read whole below
                at = event.end()
                continue
            found = _REPEATED.search(text)
            repeat = int(found[1]) if found else 1
            if text.endswith(b"/"):
                self.row, at = self.row + repeat, event.end()
                continue
            end = _row_end(piece, event.end())
            if end is None:  # the row goes on in the next piece
                self.carry = piece[event.start() :]
                if len(self.carry) > MAX_RUN:
                    raise Damaged(f"a row of it is over {MAX_RUN >> 20} MB long")
                return
            last = _row_last(piece, event.end(), end.start())
            if last:
                self.rows = max(self.rows, self.row + repeat)
                self.columns = max(self.columns, last)
            self.row, at = self.row + repeat, end.end()


def _row_end(piece: bytes, start: int) -> re.Match[bytes] | None:
    """The end tag of the row whose content starts at ``start``."""
    usual = piece.find(b"</table:table-row>", start)
    if usual >= 0 and piece.find(b"table-row", start, usual) < 0:
        return _ODS_ROW_END.match(piece, usual)  # no other row tag before it
    return _ODS_ROW_END.search(piece, start)


def _row_last(piece: bytes, start: int, end: int) -> int:
    """How many cell places the row between ``start`` and ``end`` takes up to its last
    cell with a value (0 when it has none)."""
    filled = max(
        piece.rfind(b"value-type", start, end),
        piece.rfind(b"</table:table-cell>", start, end),
        piece.rfind(b"</table:covered-table-cell>", start, end),
    )
    usual = sum(piece.count(tag, start, end) for tag in _USUAL_CELL_TAGS)
    if usual == piece.count(b"table-cell", start, end):  # every cell tag is table:...
        if filled < 0:
            return 0
        if piece.find(b"repeated", start, filled) < 0:
            opening = piece.count(b"<table:table-cell", start, filled)
            return opening + piece.count(b"<table:covered-table-cell", start, filled)
    last = column = 0
    for cell in _ODS_CELL.finditer(piece, start, end):
        text = cell[1]
        found = _REPEATED.search(text)
        cells = int(found[1]) if found else 1
        if not text.endswith(b"/") or _VALUE_TYPE.search(text):
            last = column + cells
        column += cells
    return last
