"""The scan of a worksheet part (.xlsx) made before python-calamine reads it.

Two filled cells far apart (A1 and XFD1048576) make calamine allocate the whole area
between them, hundreds of GB, and abort the process; and calamine returns a cell holding
an error (``t="e"``), or a formula saved without its value, as blank. ``scan_sheet``
streams one worksheet part, bounds the sheet's filled area so that the reader can refuse
a sheet before calamine reads it, finds its error cells and its formulas without a value
(``Unsaved``), and refuses a size or position past the most any spreadsheet program
writes (``<dimension>``, ``<cols>``, ``<sheetFormatPr>``, row ``spans``, merged cells):
python-calamine trusts none of them today, a reader may tomorrow (``PastMaximum``).

calamine places a cell by its last ``r`` attribute, else one column right of the cell
before it; it trusts neither ``<dimension>`` nor the row's ``r`` when a cell has its
own. The scan is cheap for the ways spreadsheet programs write cells (``<c r="B9" s="1"
t="s">``, openpyxl's ``<c r="F2" t="inlineStr" />``): per quarter MB, one
regular-expression search for a cell start tag written otherwise, or in a row or column
that the limits may care about (past Z, or a row past 99,999 with the default limits);
the rows and columns of a piece holding such cells are read with ``findall``, and only
a piece holding a cell written another way (quotes or spaces of another kind, a second
``r``, a namespace prefix) is read tag by tag. A sheet whose cells lack references is
walked whole, placing each cell as calamine does. Unpacking the part is then a large
share of the scan's cost.
"""

from __future__ import annotations

import functools
import html
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from smartserang.i18n import Count, Phrase
from smartserang.problems import Param, Problem
from smartserang.workbook.limits import Limits

CHUNK = 1 << 18
"""Bytes unpacked at a time: small enough that the searches find them in the CPU's cache
(measured: a sixth less time than with 1 MB)."""
MAX_RUN = 16 << 20
"""Bytes of text or of one tag without any ``<``: more is refused (a cell holds at most
32,767 characters, about 128 KB)."""
TAG_BODY = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)"
_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s>/])" + TAG_BODY + rb">")
_ATTRIBUTE = re.compile(rb"([^\s=/>\"']+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REFERENCE = re.compile(rb"([A-Za-z]{0,3})(\d{1,7})")
_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c>")
_ERROR_TYPE = re.compile(rb"(?:^|\s)t\s*=\s*[\"']e[\"']")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]*)</")
_PREFIXED_CELL = re.compile(rb":c(?=[\s/>])")
"""A prefixed cell (``<x:c r="A1">``), which calamine reads like an unprefixed one. (A
prefixed row matters only to a cell without a reference, which the walk places.)"""
_MAX_DIGITS = 7
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
"""The last row and column any spreadsheet program keeps (Excel's, and LibreOffice's)."""
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f(?=[\s/>])")
_FORMULA_START = re.compile(rb"<f[\s/>]")
"""A formula in a usual piece (whose cells have no namespace prefix)."""
_FORMULA_TEXT = re.compile(rb"<(?:[\w.-]+:)?f(?:\s[^>]*)?>([^<]*)<")
_INLINE = re.compile(rb"<(?:[\w.-]+:)?is[\s/>]")
_VALUE_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?v(?=[\s/>])")
_STRUCTURE = re.compile(
    rb"<(?:[\w.-]+:)?(dimension|col|sheetFormatPr|mergeCell|\w+)(?=[\s/>])" + TAG_BODY + rb">"
)
_COUNTED = re.compile(rb"(?:^|\s)(?:[\w.-]+:)?count\s*=\s*[\"']\+?(\d+)")
_WIDE_SPANS = re.compile(rb"spans\s*=\s*[\"'][\d: ]*\d{5}")
_SPANS = re.compile(rb"spans\s*=\s*[\"']([\d: ]*)")
_REF_CELL = re.compile(r"\$?([A-Za-z]{1,4})\$?(\d{1,12})")
_FORMAT_MOST = {
    "outlineLevelRow": 7,
    "outlineLevelCol": 7,
    "baseColWidth": 255,
    "defaultColWidth": 255,
    "defaultRowHeight": 409.5,
}
"""``<sheetFormatPr>``: the most Excel takes for each of its sizes."""


class Unsaved(str):
    """A formula cell saved without its value, as the scans record it among the error
    cells (``SheetScan.errors``): its text is the formula (``=SUM(B2:B9)``), and the
    reader reports it with ``message`` at the cell, where it reads the cell."""

    __slots__ = ()

    @property
    def message(self) -> str:
        from smartserang.i18n import message

        return message("formula_no_value", "en", formula=self or "=...")

    def __reduce__(self) -> tuple[type[Unsaved], tuple[str]]:
        return (Unsaved, (str(self),))


class PastMaximum(Exception):
    """A size or position in a part past the most any spreadsheet program writes."""

    def __init__(self, what: str, value: int | float | str, most: int | float | str) -> None:
        super().__init__(f"{what} = {value}, past {most}")
        self.what, self.value, self.most = what, value, most

    def problem(self, location: str, part: str) -> Problem:
        value, most = (Count(n) if isinstance(n, int) else str(n) for n in (self.value, self.most))
        return Problem.error(
            location, "count_past_maximum", "inventory.count",
            part=part, what=self.what, value=value, most=most,
        )  # fmt: skip


_STOP_SHORT = 8 << 20
"""Once the area passes a limit, reading stops if more than this is left of the part
(the message then gives the area found so far); less is read to the end, for the exact
area."""


@dataclass(frozen=True)
class SheetScan:
    """What the scan of one worksheet part found."""

    rows: int
    """The last filled row (1-based), or an upper bound of it when not ``exact``."""
    columns: int
    """The last filled column (1-based), or an upper bound of it when not ``exact``."""
    exact: bool
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    """(0-based row, 0-based column) -> the error the cell shows, e.g. ``#N/A``."""
    damage: Param | None = None
    """Why the part cannot be read, when it cannot."""
    partial: bool = False
    """The scan stopped once the area passed a limit: ``rows`` and ``columns`` are
    filled cells found so far (the area is at least that large)."""
    past: PastMaximum | None = None
    """A size or position in the part past the most any program writes: not read."""


def tag_attributes(text: bytes, *, raw: bool = False) -> dict[str, str]:
    """The attributes of one tag (qualified names; the last of a repeated name wins),
    values unescaped unless ``raw`` (calamine reads some values as written)."""
    found: dict[str, str] = {}
    for name, double, single in _ATTRIBUTE.findall(text):
        value = (double if double or not single else single).decode("utf-8", "replace")
        found[name.decode("utf-8", "replace")] = value if raw else html.unescape(value)
    return found


class _Irregular(Exception):
    """A cell without a reference: its place depends on every element before it."""


class Damaged(Exception):
    """A part calamine cannot read either: the catalogue's entry saying why."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase)
        self.phrase = phrase

    def __str__(self) -> str:
        return self.phrase.words("en")


def damage_reason(exc: BaseException) -> Param:
    """Why a part cannot be read, worded: the reader's own reasons, and the usual ones of
    zipfile and zlib; any other library message as it is, inside the sentence that
    quotes it."""
    import zlib

    if isinstance(exc, Damaged):
        return exc.phrase
    text = str(exc)
    if isinstance(exc, zlib.error):
        return Phrase.of("damage_packed")
    if isinstance(exc, zipfile.BadZipFile) and text.startswith("Bad CRC-32"):
        return Phrase.of("damage_crc", name=text.partition(" for file ")[2] or "?")
    if isinstance(exc, zipfile.BadZipFile) and text.startswith("Bad magic number"):
        return Phrase.of("damage_header")
    return text or type(exc).__name__


def scan_sheet(path: str, part: str, limits: Limits) -> SheetScan:
    """Bound the filled area of the worksheet ``part`` and find its error cells."""
    try:
        try:
            with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
                size = archive.getinfo(part).file_size
                scan: SheetScan | None = _Scan(limits).run(_pieces(stream, size), size)
        except _Irregular:
            scan = None
        if scan is None or (not scan.partial and _passes(scan, limits)):
            with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
                size = archive.getinfo(part).file_size
                return _walk(_pieces(stream, size), limits, size)
    except PastMaximum as past:
        return SheetScan(0, 0, False, past=past)
    except Exception as exc:  # damaged data: zlib, CRC, a bad header, a bad reference
        return SheetScan(0, 0, False, damage=damage_reason(exc))
    return scan


def _passes(scan: SheetScan, limits: Limits) -> bool:
    """Whether the area passes a limit."""
    return scan.rows > limits.rows or scan.rows * scan.columns > limits.cells


def _pieces(stream: IO[bytes], size: int) -> Iterator[bytes]:
    """The part's bytes in pieces of about ``CHUNK`` bytes that each end before a cell (or at
    least before a ``<``), so that no tag and no usual cell is cut in two; each piece's
    sizes and positions checked (``check_structure``: the rows' spans in each, the other
    elements in the first and the last, where the part's head and tail are, and in any
    piece without a cell, see ``_Scan``)."""
    held = None
    for number, piece in enumerate(cut(iter(lambda: stream.read(CHUNK), b""), b"<c")):
        if held is not None:
            yield held
        check_structure(piece, elements=number == 0, size=size)
        held = piece
    if held is not None:
        check_structure(held, size=size)
        yield held


def check_structure(piece: bytes, *, elements: bool = True, size: int = 0) -> None:
    """Raise ``PastMaximum`` for a size or position in ``piece`` past the most any
    spreadsheet program writes: the columns of row ``spans`` and, with ``elements``, the
    ``<dimension>`` and merged cells' references, the columns of ``<cols>``,
    ``<sheetFormatPr>``'s sizes, and any ``count`` past what the part's ``size`` bytes
    could hold (one element in 4 bytes)."""
    if _WIDE_SPANS.search(piece) is not None:  # a row spanning 10,000 columns or more
        for spans in _SPANS.findall(piece):
            for column in map(int, re.findall(rb"\d+", spans)):
                if column > MAX_COLUMNS:
                    raise PastMaximum("row spans", column, MAX_COLUMNS)
    if not elements:
        return
    for name, text in _STRUCTURE.findall(_hidden_removed(piece)):
        counted = _COUNTED.search(text) if size and b"count" in text else None
        if counted is not None and int(counted[1]) > size // 4:
            what = f"<{name.decode()} count>"
            raise PastMaximum(what, int(counted[1]), f"{size // 4:,} (the part's size)")
        if name not in (b"dimension", b"col", b"sheetFormatPr", b"mergeCell"):
            continue
        attributes = tag_attributes(text)
        if name in (b"dimension", b"mergeCell"):
            check_reference(f"<{name.decode()} ref>", attributes.get("ref", ""))
        elif name == b"col":
            for key in ("min", "max"):
                _at_most(f"<col {key}>", attributes.get(key), MAX_COLUMNS)
        else:
            for key, most in _FORMAT_MOST.items():
                _at_most(f"<sheetFormatPr {key}>", attributes.get(key), most)


def check_reference(what: str, text: str) -> None:
    """Raise ``PastMaximum`` when a reference (``A1``, ``A1:XFD1048576``, several
    separated by spaces) names a row or column past the last any program keeps."""
    for letters, digits in _REF_CELL.findall(text):
        column = 0
        for letter in letters.upper():
            column = column * 26 + ord(letter) - 64
        if column > MAX_COLUMNS:
            raise PastMaximum(what, text, f"column {MAX_COLUMNS:,}")
        if int(digits) > MAX_ROWS:
            raise PastMaximum(what, text, f"row {MAX_ROWS:,}")


def _at_most(what: str, text: str | None, most: float) -> None:
    if text is None:
        return
    try:
        value = float(text)
    except ValueError:
        return  # a reader parsing it as a number fails, and trusts nothing
    if value > most:
        raise PastMaximum(what, text, most)


def _hidden_removed(piece: bytes) -> bytes:
    """``piece`` without comments, CDATA sections and processing instructions."""
    if b"<!" not in piece and b"<?" not in piece:
        return piece
    return re.sub(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", b"", piece, flags=re.DOTALL)


def unsaved_formula(piece: bytes, tag: bytes, end: int) -> Unsaved | None:
    """The formula of the cell whose start tag ``tag`` ends at ``end`` in ``piece``, when
    it holds a formula saved without a value (blank to every reader); else None.

    A formula's value is saved in ``<v>``; a text result (``t="str"``, ``inlineStr``)
    may be the empty text, which ``<v></v>`` saves. Error cells (``t="e"``) are error
    cells."""
    if tag.endswith(b"/"):
        return None
    close = _CELL_END.search(piece, end)
    content = piece[end : close.start() if close else len(piece)]
    if _FORMULA.search(content) is None:
        return None
    kind = tag_attributes(tag).get("t", "n")
    if kind == "e":
        return None
    value = _VALUE.search(content)
    if value is not None and value[1].strip():
        return None
    if kind in ("str", "inlineStr") and (
        _VALUE_ELEMENT.search(content) is not None or _INLINE.search(content) is not None
    ):
        return None
    written = _FORMULA_TEXT.search(content)
    text = html.unescape(written[1].decode("utf-8", "replace")).strip() if written else ""
    return Unsaved(f"={text}" if text else "")


def cut(chunks: Iterable[bytes], before: bytes) -> Iterator[bytes]:
    """``chunks`` cut again so that each piece ends before ``before`` (or at least before a
    ``<``); the last piece is what is left, possibly nothing."""
    carry = b""
    for chunk in chunks:
        buffer = carry + chunk
        cut = buffer.rfind(before)
        if cut <= 0:
            cut = buffer.rfind(b"<")
        if cut <= 0:
            if len(buffer) > MAX_RUN:
                raise Damaged(Phrase.of("damage_no_markup", mb=MAX_RUN >> 20))
            carry = buffer
            continue
        yield buffer[:cut]
        carry = buffer[cut:]
    yield carry


def _place(reference: str) -> tuple[int, int]:
    """(0-based row, 0-based column) of ``B9``, as calamine reads it (letters in either
    case); a row's ``9`` gives column -1. Raises ``Damaged`` for what calamine refuses
    or what lies past Excel's last cell."""
    found = _REFERENCE.fullmatch(reference.encode("utf-8", "replace"))
    if found is None or int(found[2]) == 0:
        raise Damaged(Phrase.of("damage_reference", reference=reference))
    column = 0
    for letter in found[1].upper():
        column = column * 26 + letter - 64
    return int(found[2]) - 1, column - 1


def _first(text: bytes, name: str) -> str | None:
    """The first value of attribute ``name`` in a tag, unescaped (calamine takes a
    row's first ``r``, a cell's last)."""
    for key, double, single in _ATTRIBUTE.findall(text):
        if key == name.encode():
            value = double if double or not single else single
            return html.unescape(value.decode("utf-8", "replace"))
    return None


def _error_text(piece: bytes, end: int) -> str:
    """What the error cell whose start tag ends at ``end`` shows (``#N/A`` by default)."""
    close = _CELL_END.search(piece, end)
    value = _VALUE.search(piece, end, close.start() if close else len(piece))
    text = html.unescape(value[1].decode("utf-8", "replace")).strip() if value else ""
    return text or "#N/A"


def _base_digits(limits: Limits) -> int:
    """The most digits of a row that the limits allow whatever the row, with columns
    A to Z: 5 (row 99,999) with the default limits."""
    digits = 1
    while digits < _MAX_DIGITS:
        largest = 10 ** (digits + 1) - 1
        if largest > limits.rows or largest * 26 > limits.cells:
            break
        digits += 1
    return digits


_ATTRIBUTES = rb'(?: (?:[a-qs-z][a-z]?|r[a-z])="[\w.]{1,16}+")*+'
"""What follows the reference in a usual cell start tag: a few short attributes, none
named ``r`` (calamine would place the cell by a second one)."""
_USUAL_END = rb" ?/?>"
"""The end of a usual cell start tag: ``>``, ``/>`` or openpyxl's `` />``."""
_ODD_CELL = re.compile(
    rb'<c(?! r="[A-Z]{1,3}+[1-9]\d{0,6}+"' + _ATTRIBUTES + _USUAL_END + rb"|[\w.:-])"
)
"""A cell start tag written otherwise than ``<c r="B9" s="1" t="s">``: quotes, spaces or
attributes of another kind, a second ``r``, or none. Other elements whose names start
with ``c`` do not count."""
_FILLED_CELL = re.compile(rb'<c r="([A-Z]{1,3}+)([1-9]\d{0,6}+)"' + _ATTRIBUTES + rb" ?>")
"""A usual cell that holds something (``<c .../>`` holds no value): its column and row."""
_ERROR_CELL = re.compile(rb'<c r="([A-Z]{1,3}+[1-9]\d{0,6}+)"' + _ATTRIBUTES + _USUAL_END)
"""A usual cell start tag, for finding the error cells (``t="e"``) among them."""


@functools.cache
def _notable(digits: int) -> re.Pattern[bytes]:
    """A cell start tag other than a usual one in columns A to Z with a row of at most
    ``digits`` digits, and not an error cell: what the limits or the errors care about."""
    reference = rb'r="[A-Z][1-9]\d{0,%d}+"' % (digits - 1)
    quiet = _ATTRIBUTES.replace(b'="', b'="(?!e")')  # no attribute is "e" (t="e")
    return re.compile(rb"<c(?! " + reference + quiet + _USUAL_END + rb"|[\w.:-])")


def _column_number(letters: bytes) -> int:
    column = 0
    for letter in letters:
        column = column * 26 + letter - 64
    return column


class _Scan:
    """The quick scan of one part, piece by piece.

    Cells in columns A to Z whose rows have at most ``base_digits`` digits are within
    the limits wherever they are, so a piece holding only such cells, written the usual
    way, needs one regular-expression search (``_notable``) that finds nothing. A piece
    holding other usual cells (a long row, a column past Z, an error cell) has the rows
    and columns of its filled cells read with ``findall``, and its error cells found; a
    piece holding any cell written otherwise, or a prefixed cell, is read tag by tag
    (``_tags``).
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.base_digits = _base_digits(limits)
        self.notable = _notable(self.base_digits)
        self.rows = self.columns = 0
        """The largest row and column of filled cells read exactly so far."""
        self.bounded = False
        """Whether a usual piece held cells (within ``base_digits`` digits, A to Z)."""
        self.errors: dict[tuple[int, int], str] = {}
        self.size = 0

    def run(self, pieces: Iterator[bytes], size: int) -> SheetScan:
        """The scan of ``pieces`` of a part of ``size`` bytes."""
        limits = self.limits
        left = self.size = size
        for piece in pieces:
            self._piece(piece)
            left -= len(piece)
            over = self.rows > limits.rows or self.rows * self.columns > limits.cells
            if over and left > _STOP_SHORT:
                return SheetScan(self.rows, self.columns, False, partial=True)
        rows, columns = self.rows, self.columns
        if self.bounded:
            rows, columns = max(rows, 10**self.base_digits - 1), max(columns, 26)
        return SheetScan(rows, columns, False, self.errors)

    def _piece(self, piece: bytes) -> None:
        # (the byte search first: a colon is common in text, ":c" is not)
        prefixed = b":c" in piece and _PREFIXED_CELL.search(piece) is not None
        notable = self.notable.search(piece)
        if prefixed or (notable is not None and _ODD_CELL.search(piece, notable.start())):
            rows, columns, errors = _tags(piece)
            self.rows, self.columns = max(self.rows, rows), max(self.columns, columns)
            self.errors.update(errors)
            return
        if b"<c " not in piece:
            check_structure(piece, size=self.size)  # no cell: the part's head or tail
            return
        self.bounded = True
        if _FORMULA_START.search(piece) is not None:  # (a search: twice as quick as `in`)
            self._formulas(piece)
        if notable is None:
            return
        found: list[tuple[bytes, bytes]] = _FILLED_CELL.findall(piece)
        if found:
            letters, numbers = zip(*found, strict=True)
            self.rows = max(self.rows, *map(int, set(numbers)))
            self.columns = max(self.columns, *map(_column_number, set(letters)))
        if b't="e"' in piece:
            for cell in _ERROR_CELL.finditer(piece):
                if _ERROR_TYPE.search(cell[0]):
                    self.errors[_place(cell[1].decode())] = _error_text(piece, cell.end())

    def _formulas(self, piece: bytes) -> None:
        """Record the formula cells of a usual piece saved without a value."""
        for formula in _FORMULA.finditer(piece):
            start = piece.rfind(b"<c ", 0, formula.start())
            cell = _ERROR_CELL.match(piece, start) if start >= 0 else None
            if cell is None or cell.end() > formula.start():
                continue  # not inside a usual cell: calamine reads no formula there
            unsaved = unsaved_formula(piece, cell[0][:-1], cell.end())
            if unsaved is not None:
                self.errors[_place(cell[1].decode())] = unsaved


def _tags(piece: bytes) -> tuple[int, int, dict[tuple[int, int], str]]:
    """One piece read tag by tag: the largest row and column of its filled cells, and
    its error cells. Raises ``_Irregular`` at a cell without a reference."""
    rows = columns = 0
    errors: dict[tuple[int, int], str] = {}
    formulas = _FORMULA.search(piece) is not None
    for element in _ELEMENT.finditer(piece):
        kind, text = element.groups()
        if kind == b"row":
            continue
        reference = tag_attributes(text).get("r")
        if reference is None:
            raise _Irregular
        row, column = _place(reference)
        if _ERROR_TYPE.search(text):
            errors[(row, column)] = _error_text(piece, element.end())
        elif formulas and (unsaved := unsaved_formula(piece, text, element.end())) is not None:
            errors[(row, column)] = unsaved
        if not text.endswith(b"/"):  # <c .../> holds no value
            rows, columns = max(rows, row + 1), max(columns, column + 1)
    return rows, columns, errors


def _walk(pieces: Iterator[bytes], limits: Limits, size: int) -> SheetScan:
    """The exact area and the error cells of a part, placing cells as python-calamine
    does: by their last ``r`` attribute, else one column right of the cell before in
    the row; a row by its first ``r``, else one below the row before. Cells without a
    value do not count, as calamine skips them. Stops once the area passes a limit."""
    last_row = last_column = 0
    row = column = -1
    errors: dict[tuple[int, int], str] = {}
    left = size
    for piece in pieces:
        left -= len(piece)
        formulas = _FORMULA.search(piece) is not None
        if b"<c" not in piece:
            check_structure(piece, size=size)  # no cell: the part's head or tail
        for element in _ELEMENT.finditer(piece):
            kind, text = element.groups()
            if kind == b"row":
                reference = _first(text, "r")
                row = _place(reference)[0] if reference is not None else row + 1
                column = -1
                continue
            reference = tag_attributes(text).get("r")
            if reference is not None:
                cell_row, column = _place(reference)
            else:
                cell_row, column = row, column + 1
            if _ERROR_TYPE.search(text):
                errors[(cell_row, column)] = _error_text(piece, element.end())
            elif formulas and (unsaved := unsaved_formula(piece, text, element.end())):
                errors[(cell_row, column)] = unsaved
            if not text.endswith(b"/"):  # <c .../> holds no value
                last_row, last_column = max(last_row, cell_row + 1), max(last_column, column + 1)
        over = last_row > limits.rows or last_row * last_column > limits.cells
        if over and left > _STOP_SHORT:
            return SheetScan(last_row, last_column, False, partial=True)
    return SheetScan(last_row, last_column, True, errors)
