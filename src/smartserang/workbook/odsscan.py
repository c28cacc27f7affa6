"""The area of each table of an OpenDocument spreadsheet, counted before calamine opens it.

python-calamine lays out every table of an .ods as it opens the file, a repeated row or
cell (``table:number-rows-repeated``) taking that many places: a few bytes can so make
an area of billions of cells. ``ods_tables`` counts each table's area as calamine would
from ``content.xml``, so that the reader can refuse the file first; on the way it finds
the formula cells saved without a value (python-calamine reads them as blank).

calamine reads rows and cells by their exact names: a ``table:table-row`` of a
``table:table`` (a row of another prefix is skipped), in which every element is a
``table:table-cell`` or ``table:covered-table-cell`` (anything else there makes it fail,
having laid out nothing).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable
from itertools import repeat

from smartserang.i18n import Phrase
from smartserang.workbook.scan import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_RUN,
    TAG_BODY,
    Damaged,
    PastMaximum,
    SheetScan,
    Unsaved,
)

ODS_CONTENT = "content.xml"
_ROW = b"<table:table-row"
_ROW_END = b"</table:table-row>"
_ODS_TABLE_OR_ROW = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row)(?=[\s/>])" + TAG_BODY + rb">")
_ODS_ROW_END = re.compile(rb"</(?:[\w.-]+:)?table-row>")
_ODS_CELL = re.compile(
    rb"<(?:[\w.-]+:)?(?:table-cell|covered-table-cell)(?=[\s/>])" + TAG_BODY + rb">"
)
_REPEATED = re.compile(rb"number-(?:rows|columns)-repeated\s*=\s*[\"']?(\d{1,10})")
_VALUE_TYPE = re.compile(rb"value-type\s*=")
_TABLE_NAME = re.compile(rb"(?:^|\s)(?:[\w.-]+:)?name\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_FORMULA = re.compile(rb"(?:^|\s)table:formula\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TYPED_VALUE = re.compile(rb"(?:^|\s)office:value-type\s*=\s*[\"']([\w-]+)[\"']")
_VALUE_OF = {
    b"float": b"office:value",
    b"percentage": b"office:value",
    b"currency": b"office:value",
    b"date": b"office:date-value",
    b"time": b"office:time-value",
    b"boolean": b"office:boolean-value",
}
"""The attribute holding the saved value of a cell of each value type (text is saved in
the cell's paragraphs: a formula of type ``string`` always has its value)."""
_SPANNED = re.compile(rb"number-(rows|columns)-spanned\s*=\s*[\"']?(\d+)")
_MAX_UNSAVED = 10_000
"""Formula cells without a value recorded per table: enough to say what to do."""


def ods_tables(chunks: Iterable[bytes]) -> dict[str, SheetScan]:
    """Each table's exact area in an OpenDocument ``content.xml``, counted as calamine
    places cells: one after the other, a row or cell repeated
    (``table:number-rows-repeated``) taking that many places; cells without a value
    after the last one with a value, and rows without one after the last such row, do
    not count. A few bytes can so make an area of billions of cells. Two tables of one
    name count as one as large as both. Each table's ``errors`` hold its formula cells
    saved without a value (``scan.Unsaved``).

    Rows written as LibreOffice writes them (no repeat before a row's last value, no
    formula) are counted as each unpacked chunk comes, in C: the chunk split into rows
    (the row cut by its end kept for the next), per row two searches back from its end
    and a count of its cell tags up to its last value (``_OdsWalk.quick``). The other
    rows are read row by row and, where a row repeats a cell, cell by cell.
    Raises ``Damaged`` for a row that never ends, and ``PastMaximum`` for a merge past
    the last row or column any program keeps.
    """
    walk = _OdsWalk()
    head = True  # the first body is what precedes the first row, not a row
    rest = b""
    for chunk in chunks:
        bodies = chunk.split(_ROW)
        bodies[0] = rest + bodies[0]  # the row cut by the chunk's start, made whole
        rest = bodies.pop()  # the last row may go on in the next chunk
        if len(rest) > MAX_RUN:
            raise Damaged(Phrase.of("damage_row_long", mb=MAX_RUN >> 20))
        if bodies:
            walk.rows_of(bodies, head)
            head = False
    walk.piece(rest if head else _ROW + rest)
    return walk.result()


class _OdsWalk:
    """The tables' areas, piece by piece (see ``ods_tables``)."""

    def __init__(self) -> None:
        self.areas: dict[str, tuple[int, int, dict[tuple[int, int], str]]] = {}
        self.name: str | None = None
        self.rows = self.columns = self.row = 0
        self.unsaved: dict[tuple[int, int], str] = {}
        self.carry = b""

    def result(self) -> dict[str, SheetScan]:
        if self.carry:
            raise Damaged(Phrase.of("damage_row_endless"))
        self.close()
        return {
            title: SheetScan(rows, columns, exact=True, errors=unsaved)
            for title, (rows, columns, unsaved) in self.areas.items()
        }

    def close(self) -> None:
        if self.name is not None:
            rows, columns, unsaved = self.areas.get(self.name, (0, 0, {}))
            unsaved = {**unsaved, **self.unsaved}
            self.areas[self.name] = (max(rows, self.rows), max(columns, self.columns), unsaved)

    def rows_of(self, bodies: list[bytes], head: bool) -> None:
        """Count the rows whose bodies (each what follows a ``<table:table-row``, up to
        the next) are ``bodies``; with ``head`` the first is what precedes the first row."""
        if head or self.carry or not self.quick(bodies):
            piece = _ROW.join(bodies) if head else _ROW + _ROW.join(bodies)
            self.piece(piece)

    def piece(self, piece: bytes) -> None:
        if self.carry:
            piece, self.carry = self.carry + piece, b""
        if piece:
            self.exact(piece)

    def quick(self, bodies: list[bytes]) -> bool:
        """Count whole rows of one table written as LibreOffice writes them; False when
        they are not all such rows (then nothing is counted).

        Per row, C does the work: the last value is the later of the last
        ``value-type`` and the last cell end tag; the row's places up to it are its cell
        tags (``<table:`` starts nothing else that calamine accepts in a row) unless one
        of them repeats (then the rows are read one by one).
        """
        if self.name is None:
            return False
        if not all(map(bytes.endswith, bodies, repeat(_ROW_END))):
            return False  # a table starts or ends, or a row of another shape
        if not all(map(bytes.startswith, bodies, repeat((b" ", b">")))):
            return False  # <table:table-rows>, <table:table-row-group> and the like
        ends = list(map(max, map(bytes.rfind, bodies, repeat(b"value-type")),
                        map(bytes.rfind, bodies, repeat(b"-cell>"))))  # fmt: skip
        starts = repeat(0)
        if any(map(bytes.count, bodies, repeat(b"repeated"), starts, ends)):
            return False  # a repeat before a row's last value: counted row by row
        if any(map(bytes.__contains__, bodies, repeat(b"table:formula"))):
            return False  # formula cells: each is looked at for its value
        filled = list(map((0).__le__, ends))
        if True in filled:  # the cells up to the last filled one in each row
            counts = map(bytes.count, bodies, repeat(b"<table:"), repeat(0), ends)
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
                    self.unsaved = {}
                continue
            if closing:  # the end of a row read whole below
                at = event.end()
                continue
            _check_spans(text)
            found = _REPEATED.search(text)
            repeat_rows = int(found[1]) if found else 1
            if text.endswith(b"/"):
                self.row, at = self.row + repeat_rows, event.end()
                continue
            end = _row_end(piece, event.end())
            if end is None:  # the row goes on in the next piece
                self.carry = piece[event.start() :]
                if len(self.carry) > MAX_RUN:
                    raise Damaged(Phrase.of("damage_row_long", mb=MAX_RUN >> 20))
                return
            last = self._row_last(piece, event.end(), end.start(), repeat_rows)
            if last:
                self.rows = max(self.rows, self.row + repeat_rows)
                self.columns = max(self.columns, last)
            self.row, at = self.row + repeat_rows, end.end()

    def _row_last(self, piece: bytes, start: int, end: int, rows: int) -> int:
        """How many cell places the row between ``start`` and ``end`` (repeated ``rows``
        times) takes up to its last cell with a value (0 when it has none); its formula
        cells without a value are recorded."""
        last = column = 0
        for cell in _ODS_CELL.finditer(piece, start, end):
            text = cell[1]
            _check_spans(text)
            found = _REPEATED.search(text)
            cells = int(found[1]) if found else 1
            if not text.endswith(b"/") or _VALUE_TYPE.search(text):
                last = column + cells
            if b"table:formula" in text and len(self.unsaved) < _MAX_UNSAVED:
                self._formula(text, column, cells, rows)
            column += cells
        return last

    def _formula(self, text: bytes, column: int, cells: int, rows: int) -> None:
        """Record the formula cell ``text`` (at ``column``, repeated over ``cells`` and
        ``rows``) when it holds no saved value."""
        formula = _FORMULA.search(text)
        if formula is None:
            return
        typed = _TYPED_VALUE.search(text)
        kind = typed[1] if typed else None
        if kind is not None and (kind not in _VALUE_OF or _VALUE_OF[kind] + b"=" in text):
            return  # text, or a value saved beside the formula
        written = html.unescape((formula[1] or formula[2] or b"").decode("utf-8", "replace"))
        written = written.removeprefix("of:")
        for place in itertools.product(range(self.row, self.row + rows),
                                       range(column, column + cells)):  # fmt: skip
            if len(self.unsaved) >= _MAX_UNSAVED:
                break
            self.unsaved[place] = Unsaved(written)


def _check_spans(text: bytes) -> None:
    """Refuse a merge (``number-columns-spanned``) past the last row or column any
    spreadsheet program keeps: no reader should trust it."""
    if b"spanned" not in text:
        return
    for axis, number in _SPANNED.findall(text):
        most = MAX_ROWS if axis == b"rows" else MAX_COLUMNS
        if int(number) > most:
            raise PastMaximum(f"table:number-{axis.decode()}-spanned", int(number), most)


def _row_end(piece: bytes, start: int) -> re.Match[bytes] | None:
    """The end tag of the row whose content starts at ``start``."""
    usual = piece.find(_ROW_END, start)
    if usual >= 0 and piece.find(b"table-row", start, usual) < 0:
        return _ODS_ROW_END.match(piece, usual)  # no other row tag before it
    return _ODS_ROW_END.search(piece, start)
