"""The area of each table of an OpenDocument spreadsheet, counted before calamine opens it.

python-calamine lays out every table of an .ods as it opens the file, a repeated row or
cell (``table:number-rows-repeated``) taking that many places: a few bytes can so make
an area of billions of cells. ``ods_tables`` counts each table's area as calamine would
from ``content.xml``, so that the reader can refuse the file first.
"""

from __future__ import annotations

import html
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator

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
"""The cell tags the quick counts know: those of the ``table:`` prefix."""


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


_TRAILING_BLANKS = re.compile(
    rb'<table:table-cell table:number-columns-repeated="\d+"/></table:table-row>'
)
"""The end of a row whose last cell is a blank repeated to the sheet's last column, as
LibreOffice writes it."""


def _each(bodies: list[bytes], method: Callable[..., int], needle: bytes) -> Iterator[int]:
    """``method(body, needle)`` for each of ``bodies``, called from C."""
    return map(method, bodies, itertools.repeat(needle))


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
        False when the piece is not one.

        Each row is counted in C, a few searches of its bytes: no Python runs per row.
        """
        if self.name is None or not piece.startswith(b"<table:table-row"):
            return False
        if piece.count(b"table:table") != piece.count(b"table:table-"):
            return False  # a table starts or ends
        bodies = piece.split(b"<table:table-row")[1:]
        ended = map(bytes.endswith, bodies, itertools.repeat(b"</table:table-row>"))
        if piece.count(b"table-row") != 2 * len(bodies) or not all(ended):
            return False  # rows with another prefix, or not ended where the next begins
        if piece.count(b"table-cell") != piece.count(b"table:table-cell"):
            return False  # cells with another prefix, or covered (merged) cells
        repeats = piece.count(b"repeated")
        if repeats and len(_TRAILING_BLANKS.findall(piece)) != repeats:
            return False  # a repeated cell other than a row's trailing blanks
        ends = list(map(max, _each(bodies, bytes.rfind, b"value-type"),
                        _each(bodies, bytes.rfind, b"</table:table-cell>")))  # fmt: skip
        filled = list(map(operator.le, itertools.repeat(0), ends))
        if True in filled:  # the cells up to the last filled one in each row
            counts = map(bytes.count, bodies, itertools.repeat(b"<table:table-cell"),
                         itertools.repeat(0), ends)  # fmt: skip
            self.rows = max(self.rows, self.row + len(filled) - filled[::-1].index(True))
            self.columns = max(self.columns, *itertools.compress(counts, filled))
        self.row += len(bodies)
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
