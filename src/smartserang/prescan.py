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

The scan of a sheet is cheap on purpose (a few byte searches per MB unpacked); only a
sheet whose cheap bound passes a limit, or that is written in an unusual way, is walked
cell by cell to get its exact extent.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from smartserang.limits import RATIO_FLOOR, Limits, breach
from smartserang.problems import InputError, Problem

_CHUNK = 1 << 20
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_PROLOG_MAX = 1 << 20
"""A prolog (declaration, comments) longer than this is not from a spreadsheet program."""
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:(?:<\?.*?\?>|<!--.*?-->)\s*)*", re.DOTALL)
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")

# Standard form, as Excel, LibreOffice and openpyxl write it: <row r="7">, <c r="B7" ...>.
_UNUSUAL = re.compile(rb'<(?:row|c)(?=[\s>/])(?! r="[A-Z]?\d{1,5}")(?: r="([^"]*)")?')
"""A row or cell element past column Z or row 99,999, or not in standard form (then the
group is None): every other element lies within Z99999."""
_REFERENCE = re.compile(rb"([A-Za-z]{0,3})(\d{1,7})")
_ELEMENT = re.compile(rb"<(row|c)(?=[\s>/])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(rb"([\w:]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ERROR_CELL = re.compile(
    rb"<c\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*\bt=[\"']e[\"'][^>]*)>(.*?)</c>", re.S
)
_VALUE = re.compile(rb"<v>([^<]*)</v>")


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
    unplaced_errors: tuple[str, ...] = ()
    """Errors of cells written without a reference (their place is not known here)."""
    damage: str | None = None
    """Why the part cannot be read, when it cannot."""


@dataclass(frozen=True)
class Package:
    """A workbook's zip, checked against the limits."""

    path: str
    sizes: dict[str, int]
    """Member name -> unpacked size."""
    sheet_parts: dict[str, str]
    """Sheet title -> its worksheet part (.xlsx and .xlsm only)."""

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
            worksheets = {i.filename for i in infos if i.filename.startswith("xl/worksheets/")}
            for info in infos:
                if info.filename.casefold().endswith(_XML_SUFFIXES):
                    _check_part(archive, info, source, whole=info.filename not in worksheets)
            sheet_parts = _sheet_parts(archive)
    except InputError:
        raise
    except Exception as exc:  # zipfile raises many types on damaged input (struct, zlib, ...)
        raise InputError([_damaged(source, exc)]) from exc
    sizes = {info.filename: info.file_size for info in infos}
    return Package(path, sizes, sheet_parts)


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
    names = [i.filename for i in infos]
    for name in sorted({n for n in names if names.count(n) > 1}):
        message = f"cannot read workbook: the zip holds two parts named {name}; save it again"
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


def _attributes(text: bytes) -> dict[str, str]:
    """The attributes of one tag (qualified names), values unescaped."""
    return {
        name.decode("utf-8", "replace"): html.unescape(
            (double if double or not single else single).decode("utf-8", "replace")
        )
        for name, double, single in _ATTRIBUTE.findall(text)
    }


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> worksheet part, from the workbook part and its relationships."""
    names = set(archive.namelist())
    root = _relationships(archive, "_rels/.rels", "") if "_rels/.rels" in names else {}
    workbook = next(
        (part for kind, part in root.values() if kind.endswith("/officeDocument")),
        "xl/workbook.xml",
    )
    folder, file = posixpath.split(workbook)
    rels = posixpath.join(folder, "_rels", f"{file}.rels")
    if workbook not in names or rels not in names:
        return {}  # an .ods, or a package calamine refuses anyway
    targets = _relationships(archive, rels, folder)
    parts: dict[str, str] = {}
    for tag in _SHEET.findall(archive.read(workbook)):
        attributes = _attributes(tag)
        # The relationship id is r:id, whatever prefix the workbook binds to it.
        relation = next((v for k, v in attributes.items() if k.endswith(":id")), "")
        part = targets.get(relation, ("", ""))[1]
        if "name" in attributes and part in names:
            parts[attributes["name"]] = part
    return parts


def _relationships(archive: zipfile.ZipFile, rels: str, folder: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part) of a .rels part."""
    found: dict[str, tuple[str, str]] = {}
    for tag in _RELATIONSHIP.findall(archive.read(rels)):
        attributes = _attributes(tag)
        target = attributes.get("Target", "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join(folder, target))
        found[attributes.get("Id", "")] = (attributes.get("Type", ""), part)
    return found


# ------------------------------------------------------------------ worksheet parts


def scan_sheet(path: str, part: str, limits: Limits) -> SheetScan:
    """Bound the filled area of the worksheet ``part`` and find its error cells."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
            scan = _cheap_scan(_pieces(stream))
        if scan.rows > limits.rows or scan.rows * scan.columns > limits.cells:
            with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
                rows, columns = _exact_extent(_pieces(stream))
            return SheetScan(rows, columns, True, scan.errors, scan.unplaced_errors)
    except Exception as exc:  # damaged data: zlib, CRC, a bad header
        return SheetScan(0, 0, False, damage=f"the part {part} is damaged ({exc})")
    return scan


def _pieces(stream: IO[bytes]) -> Iterator[bytes]:
    """The part's bytes in pieces that each end before a row or cell element starts,
    so no element is cut in two (unless one element is longer than a piece)."""
    carry = b""
    while chunk := stream.read(_CHUNK):
        buffer = carry + chunk
        cut = max(buffer.rfind(b"<c "), buffer.rfind(b"<row"), buffer.rfind(b"<c>"))
        if cut <= 0:  # inside one long element: keep a tail in case a tag starts there
            cut = max(len(buffer) - 64, 1)
        yield buffer[:cut]
        carry = buffer[cut:]
    if carry:
        yield carry


def _cheap_scan(pieces: Iterator[bytes]) -> SheetScan:
    """A bound of the filled area, and the error cells.

    References within Z99999 are not looked at (so a 100,000-row register costs a few
    byte searches per MB); the others are read exactly. An element not in standard form
    makes the bound infinite, so that ``_exact_extent`` walks the sheet instead.
    """
    rows, columns = 99_999, 26  # where the elements not looked at may reach
    irregular = False
    errors: dict[tuple[int, int], str] = {}
    unplaced: list[str] = []
    for piece in pieces:
        for reference in _UNUSUAL.findall(piece):
            place = _place(reference) if reference else None
            if place is None:
                irregular = True
                break
            rows, columns = max(rows, place[0] + 1), max(columns, place[1] + 1)
        if b't="e"' in piece:
            _find_errors(piece, errors, unplaced)
    if irregular:
        rows = columns = 1 << 40
    return SheetScan(rows, columns, False, errors, tuple(unplaced))


def _place(reference: bytes) -> tuple[int, int] | None:
    """(0-based row, 0-based column) of ``B9``; a row element's ``9`` gives column -1."""
    found = _REFERENCE.fullmatch(reference)
    if found is None:
        return None
    column = 0
    for letter in found[1].upper():
        column = column * 26 + letter - 64
    return int(found[2]) - 1, column - 1


def _find_errors(piece: bytes, errors: dict[tuple[int, int], str], unplaced: list[str]) -> None:
    for attributes_text, content in _ERROR_CELL.findall(piece):
        attributes = _attributes(attributes_text)
        value = _VALUE.search(content)
        text = html.unescape(value[1].decode("utf-8", "replace")).strip() if value else ""
        place = _place(attributes.get("r", "").encode())
        if place is None or place[1] < 0:
            unplaced.append(text or "#N/A")
        else:
            errors[place] = text or "#N/A"


def _exact_extent(pieces: Iterator[bytes]) -> tuple[int, int]:
    """The last filled row and column (1-based), placing cells as python-calamine does:
    by their reference, else one row below the previous row and one column right of the
    previous cell. Cells without a value do not count, as calamine skips them."""
    last_row = last_column = 0
    row = column = -1
    for piece in pieces:
        for kind, text in _ELEMENT.findall(piece):
            reference = _attributes(text).get("r")
            place = _place(reference.encode()) if reference is not None else None
            if reference is not None and place is None:
                return 1 << 40, 1 << 40  # calamine's reading of it is not known: refuse
            if kind == b"row":
                row = place[0] if place is not None else row + 1
                column = -1
                continue
            if place is not None:
                cell_row, column = place
            else:
                cell_row, column = row, column + 1
            if not text.endswith(b"/"):  # <c .../> holds no value
                last_row, last_column = max(last_row, cell_row + 1), max(last_column, column + 1)
    return last_row, last_column
