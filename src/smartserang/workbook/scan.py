"""Checks on a workbook's zip made before python-calamine reads it.

An .xlsx, .xlsm or .ods file is a zip of XML parts. python-calamine trusts it: a zip
bomb or a damaged size unpacks in full, and two filled cells far apart (A1 and
XFD1048576) make it allocate the whole area between them, hundreds of GB, and abort the
process. So before calamine opens the file, ``open_package`` reads the zip's central
directory (which unpacks nothing) against the ``Limits``, refuses duplicate members and
any XML part that declares a DTD (spreadsheet programs never write one; entity tricks
such as "billion laughs" and external entities need it), and unpacks the other XML parts
once, counting the bytes they really give. Then ``scan_sheet`` streams each worksheet
part of an .xlsx: it bounds the sheet's filled area so that ``inventory`` can refuse a
sheet before calamine reads it, and it finds the cells that hold an error (``t="e"``),
which python-calamine returns as blank.

The scan finds the worksheet part the way calamine does (``xl/workbook.xml``, its
relationships, names matched without regard to case), so that the part scanned is the
part calamine reads. calamine places a cell by its last ``r`` attribute, else one column
right of the cell before it; it trusts neither ``<dimension>`` nor the row's ``r`` when
a cell has its own. The scan is cheap for the way spreadsheet programs write cells
(``<c r="B9" s="1" t="n">``): per quarter MB, one regular-expression search for a cell
start tag written otherwise than those already seen, or reaching past the columns and
rows seen so far, and one for a row or cell element with a namespace prefix. A piece holding
such a cell is first searched for the usual cells' attributes and references; only one
that still holds an unusual cell (an error cell, a second ``r``, a prefix, quotes or
spaces of another kind) is read tag by tag, and only a sheet whose cells lack references
is walked whole. Unpacking the parts is then a large share of the scan's cost.
"""

from __future__ import annotations

import functools
import html
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from smartserang.problems import InputError, Problem
from smartserang.workbook.limits import RATIO_FLOOR, Limits, breach

_CHUNK = 1 << 18
"""Bytes unpacked at a time: small enough that the searches find them in the CPU's cache
(measured: a sixth less time than with 1 MB)."""
_MAX_RUN = 16 << 20
"""Bytes of text or of one tag without any ``<``: more is refused (a cell holds at most
32,767 characters, about 128 KB)."""
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_PROLOG_MAX = 1 << 20
"""A prolog (declaration, comments) longer than this is not from a spreadsheet program."""
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:(?:<\?.*?\?>|<!--.*?-->)\s*)*", re.DOTALL)
_HIDDEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.DOTALL)
"""Comments, CDATA sections and processing instructions: no element in them counts."""
_TAG_BODY = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)"
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship(?=[\s/>])" + _TAG_BODY + rb">")
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet(?=[\s/>])" + _TAG_BODY + rb">")
_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_SHEET_ID_KEYS = ("r:id", "relationships:id")
"""The attribute naming a sheet's relationship, as calamine reads it (prefix included)."""

_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s>/])" + _TAG_BODY + rb">")
_ATTRIBUTE = re.compile(rb"([^\s=/>\"']+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REFERENCE = re.compile(rb"([A-Za-z]{0,3})(\d{1,7})")
_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c>")
_ERROR_TYPE = re.compile(rb"(?:^|\s)t\s*=\s*[\"']e[\"']")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]*)</")
_PREFIXED = re.compile(rb":(?:c|row)(?=[\s/>])")
"""A cheap first look for a prefixed row or cell (``<x:c r="A1">``), which calamine
reads like an unprefixed one."""
_MAX_DIGITS = 7
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
    damage: str | None = None
    """Why the part cannot be read, when it cannot."""
    partial: bool = False
    """The scan stopped once the area passed a limit: ``rows`` and ``columns`` are
    filled cells found so far (the area is at least that large)."""


@dataclass(frozen=True)
class Package:
    """A workbook's zip, checked against the limits."""

    path: str
    sizes: dict[str, int]
    """Member name -> unpacked size."""
    sheet_parts: dict[str, str]
    """Sheet title -> the worksheet part calamine reads for it (.xlsx and .xlsm only)."""
    xlsx: bool = False
    """Whether the zip holds ``xl/workbook.xml`` (an .xlsx or .xlsm): calamine reads its
    sheets only from parts that ``sheet_parts`` names."""
    tables: dict[str, SheetScan] | None = None
    """For an OpenDocument spreadsheet (``content.xml``): each table's exact area."""

    def part_size(self, title: str) -> int:
        """The unpacked size of the sheet's part (0 when not known)."""
        part = self.sheet_parts.get(title)
        return 0 if part is None else self.sizes.get(part, 0)


def open_package(path: str, source: str, limits: Limits) -> Package:
    """The zip at ``path``, checked; raises ``InputError`` located at ``source``."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            problems = _directory_problems(infos, source, limits)
            if problems:
                raise InputError(problems)
            sheet_parts = _sheet_parts(archive)
            scanned = set(sheet_parts.values())
            for info in infos:
                if info.filename.casefold().endswith(_XML_SUFFIXES):
                    _check_part(archive, info, source, whole=info.filename not in scanned)
            names = [i.filename for i in infos]
            xlsx = _member(names, _WORKBOOK) is not None
            tables = None
            if not xlsx and (content := _member(names, _ODS_CONTENT)) is not None:
                with archive.open(content) as stream:
                    tables = _ods_tables(iter(lambda: stream.read(_CHUNK), b""))
    except InputError:
        raise
    except Exception as exc:  # zipfile raises many types on damaged input (struct, zlib, ...)
        raise InputError([_damaged(source, exc)]) from exc
    sizes = {info.filename: info.file_size for info in infos}
    return Package(path, sizes, sheet_parts, xlsx, tables)


def _damaged(source: str, exc: BaseException, member: str | None = None) -> Problem:
    where = f"{member}: " if member else ""
    reason = str(exc) or type(exc).__name__
    message = f"cannot read workbook: the file is damaged ({where}{reason}); save it again"
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in reason:
        message = (
            "cannot read workbook: it is incomplete (the end of its zip is missing: a"
            " truncated download or copy?); copy it again from the original"
        )
    return Problem(source, message, "inventory.file")


def _directory_problems(infos: list[zipfile.ZipInfo], source: str, limits: Limits) -> list[Problem]:
    """Sizes and ratios as the central directory gives them, and duplicate names."""
    problems: list[Problem] = []
    total = sum(i.file_size for i in infos)
    if total > limits.uncompressed_size:
        what = "the unpacked size of the workbook's parts"
        problems.append(breach(source, what, "uncompressed_size", total, limits.uncompressed_size))
    for info in infos:
        if info.file_size >= RATIO_FLOOR:
            ratio = info.file_size // max(info.compress_size, 1)
            if ratio > limits.ratio:
                what = f"the compression ratio of {info.filename} (a zip bomb?)"
                problems.append(breach(source, what, "ratio", ratio, limits.ratio))
    # calamine finds parts without regard to case: two names that differ only in case
    # would leave open which of them it reads.
    by_name: dict[str, list[str]] = {}
    for info in infos:
        by_name.setdefault(info.filename.lower(), []).append(info.filename)
    for names in sorted(n for n in by_name.values() if len(n) > 1):
        shown = names[0] if len(set(names)) == 1 else " and ".join(sorted(set(names)))
        message = f"cannot read workbook: the zip holds two parts named {shown}; save it again"
        problems.append(Problem(source, message, "inventory.file"))
    return problems


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, whole: bool) -> None:
    """Refuse a DTD in the part's prolog; unpack it to the end when ``whole`` (the zip
    checks each part's size and CRC as it goes, so a false size cannot pass)."""
    with archive.open(info) as stream:
        head = b""
        while chunk := stream.read(_CHUNK):
            head += chunk
            rest = _after_prolog(head)
            if (rest and not _cut_short(rest)) or len(head) > _PROLOG_MAX:
                break
        rest = _after_prolog(head)
        if rest.startswith((b"<!DOCTYPE", b"<!ENTITY")) or (head and not rest):
            message = (
                f"cannot read workbook: {info.filename} declares a DTD (<!DOCTYPE>), which"
                " spreadsheet programs never write; the file is refused so that no entity in"
                " it is expanded"
            )
            if not rest:
                message = f"cannot read workbook: {info.filename} holds no XML element"
            raise InputError([Problem(source, message, "inventory.file")])
        while whole and stream.read(_CHUNK):
            pass


def _after_prolog(head: bytes) -> bytes:
    """``head`` after the XML declaration, comments and processing instructions."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: no spreadsheet program's
        head = head.decode("utf-16", "replace").encode("utf-8")
    found = _PROLOG.match(head)
    return head[found.end() if found else 0 :]


def _cut_short(rest: bytes) -> bool:
    """Whether ``rest`` may be a prolog item cut by the end of the bytes read so far."""
    return rest.startswith((b"<?", b"<!--")) or (len(rest) < 9 and b"<!DOCTYPE".startswith(rest))


def _attributes(text: bytes, *, raw: bool = False) -> dict[str, str]:
    """The attributes of one tag (qualified names; the last of a repeated name wins),
    values unescaped unless ``raw`` (calamine reads some values as written)."""
    found: dict[str, str] = {}
    for name, double, single in _ATTRIBUTE.findall(text):
        value = (double if double or not single else single).decode("utf-8", "replace")
        found[name.decode("utf-8", "replace")] = value if raw else html.unescape(value)
    return found


def _member(names: list[str], wanted: str) -> str | None:
    """The member calamine opens for ``wanted``: that name, else the first whose name
    differs only in case."""
    if wanted in names:
        return wanted
    lowered = wanted.lower()
    return next((n for n in names if n.lower() == lowered), None)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> worksheet part, found as calamine finds it: the sheets of
    ``xl/workbook.xml``, their targets in ``xl/_rels/workbook.xml.rels`` taken under
    ``xl/``, the first sheet of a title winning."""
    names = archive.namelist()
    workbook = _member(names, _WORKBOOK)
    rels = _member(names, _WORKBOOK_RELS)
    if workbook is None or rels is None:
        return {}  # an .ods or .xlsb, or a package calamine refuses anyway
    targets: dict[str, str] = {}
    for tag in _RELATIONSHIP.findall(_HIDDEN.sub(b"", archive.read(rels))):
        attributes = _attributes(tag, raw=True)
        targets[attributes.get("Id", "")] = attributes.get("Target", "")
    parts: dict[str, str] = {}
    for tag in _SHEET.findall(_HIDDEN.sub(b"", archive.read(workbook))):
        attributes = _attributes(tag)
        raw = _attributes(tag, raw=True)
        relation = next((raw[k] for k in _SHEET_ID_KEYS if k in raw), None)
        title = attributes.get("name")
        if title is None or relation is None or relation not in targets or title in parts:
            continue
        target = targets[relation]
        if target.startswith("/xl/"):
            target = target[1:]
        elif not target.startswith("xl/"):
            target = f"xl/{target}"
        part = _member(names, target)
        if part is not None:
            parts[title] = part
    return parts


# ------------------------------------------------------------------ worksheet parts


class _Irregular(Exception):
    """A cell without a reference: its place depends on every element before it."""


class _Damaged(Exception):
    """A part calamine cannot read either (the message says why)."""


def scan_sheet(
    path: str, part: str, limits: Limits, stop: threading.Event | None = None
) -> SheetScan:
    """Bound the filled area of the worksheet ``part`` and find its error cells.

    ``stop``: when set, the scan ends at its next piece (its result is then not used).
    """
    try:
        try:
            with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
                size = archive.getinfo(part).file_size
                scan: SheetScan | None = _Scan(limits).run(_pieces(stream, stop), size)
        except _Irregular:
            scan = None
        if scan is None or (not scan.partial and _passes(scan, limits)):
            with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
                size = archive.getinfo(part).file_size
                return _walk(_pieces(stream, stop), limits, size)
    except Exception as exc:  # damaged data: zlib, CRC, a bad header, a bad reference
        return SheetScan(0, 0, False, damage=f"the part {part} is damaged ({exc})")
    return scan


def _passes(scan: SheetScan, limits: Limits) -> bool:
    """Whether the area passes a limit."""
    return scan.rows > limits.rows or scan.rows * scan.columns > limits.cells


def _pieces(stream: IO[bytes], stop: threading.Event | None = None) -> Iterator[bytes]:
    """The part's bytes in pieces of about ``_CHUNK`` bytes that each end before a cell (or at
    least before a ``<``), so that no tag and no usual cell is cut in two."""

    def chunks() -> Iterator[bytes]:
        while chunk := stream.read(_CHUNK):
            if stop is not None and stop.is_set():
                raise _Damaged("the scan was stopped")
            yield chunk

    return _cut(chunks(), b"<c")


def _cut(chunks: Iterable[bytes], before: bytes) -> Iterator[bytes]:
    """``chunks`` cut again so that each piece ends before ``before`` (or at least before a
    ``<``); the last piece is what is left, possibly nothing."""
    carry = b""
    for chunk in chunks:
        buffer = carry + chunk
        cut = buffer.rfind(before)
        if cut <= 0:
            cut = buffer.rfind(b"<")
        if cut <= 0:
            if len(buffer) > _MAX_RUN:
                raise _Damaged(f"it holds over {_MAX_RUN >> 20} MB without markup")
            carry = buffer
            continue
        yield buffer[:cut]
        carry = buffer[cut:]
    yield carry


def _place(reference: str) -> tuple[int, int]:
    """(0-based row, 0-based column) of ``B9``, as calamine reads it (letters in either
    case); a row's ``9`` gives column -1. Raises ``_Damaged`` for what calamine refuses
    or what lies past Excel's last cell."""
    found = _REFERENCE.fullmatch(reference.encode("utf-8", "replace"))
    if found is None or int(found[2]) == 0:
        raise _Damaged(f"the cell reference {reference!r} is not valid")
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
    ``digits`` digits: what the limits may care about."""
    reference = rb'r="[A-Z][1-9]\d{0,%d}+"' % (digits - 1)
    return re.compile(rb"<c(?! " + reference + _ATTRIBUTES + _USUAL_END + rb"|[\w.:-])")


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
    holding other usual cells (a long row, a column past Z) has the rows and columns of
    its filled cells read with ``findall``; a piece holding any cell written otherwise,
    or a prefixed element, is read tag by tag (``_tags``). Error cells are searched for
    only in the pieces that hold ``t="e"``.
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

    def run(self, pieces: Iterator[bytes], size: int) -> SheetScan:
        """The scan of ``pieces`` of a part of ``size`` bytes."""
        limits = self.limits
        left = size
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
        # (the byte searches first: a colon is common in text, ":c" and ":row" are not)
        prefixed = (b":c" in piece or b":row" in piece) and _PREFIXED.search(piece) is not None
        notable = self.notable.search(piece)
        if prefixed or (notable is not None and _ODD_CELL.search(piece, notable.start())):
            rows, columns, errors = _tags(piece)
            self.rows, self.columns = max(self.rows, rows), max(self.columns, columns)
            self.errors.update(errors)
            return
        if b"<c " not in piece:
            return
        self.bounded = True
        if notable is not None:
            found: list[tuple[bytes, bytes]] = _FILLED_CELL.findall(piece)
            if found:
                letters, numbers = zip(*found, strict=True)
                self.rows = max(self.rows, *map(int, set(numbers)))
                self.columns = max(self.columns, *map(_column_number, set(letters)))
        if b't="e"' in piece:
            for cell in _ERROR_CELL.finditer(piece):
                if _ERROR_TYPE.search(cell[0]):
                    self.errors[_place(cell[1].decode())] = _error_text(piece, cell.end())


def _tags(piece: bytes) -> tuple[int, int, dict[tuple[int, int], str]]:
    """One piece read tag by tag: the largest row and column of its filled cells, and
    its error cells. Raises ``_Irregular`` at a cell without a reference."""
    rows = columns = 0
    errors: dict[tuple[int, int], str] = {}
    for element in _ELEMENT.finditer(piece):
        kind, text = element.groups()
        if kind == b"row":
            continue
        reference = _attributes(text).get("r")
        if reference is None:
            raise _Irregular
        row, column = _place(reference)
        if _ERROR_TYPE.search(text):
            errors[(row, column)] = _error_text(piece, element.end())
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
        for element in _ELEMENT.finditer(piece):
            kind, text = element.groups()
            if kind == b"row":
                reference = _first(text, "r")
                row = _place(reference)[0] if reference is not None else row + 1
                column = -1
                continue
            reference = _attributes(text).get("r")
            if reference is not None:
                cell_row, column = _place(reference)
            else:
                cell_row, column = row, column + 1
            if _ERROR_TYPE.search(text):
                errors[(cell_row, column)] = _error_text(piece, element.end())
            if not text.endswith(b"/"):  # <c .../> holds no value
                last_row, last_column = max(last_row, cell_row + 1), max(last_column, column + 1)
        over = last_row > limits.rows or last_row * last_column > limits.cells
        if over and left > _STOP_SHORT:
            return SheetScan(last_row, last_column, False, partial=True)
    return SheetScan(last_row, last_column, True, errors)


# ------------------------------------------------------------------ OpenDocument

_ODS_CONTENT = "content.xml"
_ODS_TABLE_OR_ROW = re.compile(
    rb"<(/?)(?:[\w.-]+:)?(table|table-row)(?=[\s/>])" + _TAG_BODY + rb">"
)
_ODS_ROW_END = re.compile(rb"</(?:[\w.-]+:)?table-row>")
_ODS_CELL = re.compile(
    rb"<(?:[\w.-]+:)?(?:table-cell|covered-table-cell)(?=[\s/>])" + _TAG_BODY + rb">"
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


def _ods_tables(chunks: Iterable[bytes]) -> dict[str, SheetScan]:
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
    for piece in _cut(chunks, b"<table:table-row"):
        walk.piece(piece)
    return walk.result()


_TRAILING_BLANKS = re.compile(rb'columns-repeated="\d+"/></table:table-row>')
"""The end of a row whose last cell, repeated, may be a blank filling the row."""


class _OdsWalk:
    """The tables' areas, piece by piece (see ``_ods_tables``)."""

    def __init__(self) -> None:
        self.areas: dict[str, tuple[int, int]] = {}
        self.name: str | None = None
        self.rows = self.columns = self.row = 0
        self.carry = b""

    def result(self) -> dict[str, SheetScan]:
        if self.carry:
            raise _Damaged("a row of it has no end")
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
                if len(self.carry) > _MAX_RUN:
                    raise _Damaged(f"a row of it is over {_MAX_RUN >> 20} MB long")
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
