"""What a workbook file is, told from its content rather than its name.

Offices pass workbooks under the wrong name: an .xlsx saved as ``.xls``, an .ods named
``.xlsx``, an old .xls renamed ``.xlsx``, and, from web systems, an HTML table or a CSV
file called ``.xls``. python-calamine picks its reader by the name and answers a wrong
one with a library message (``('mimetype' file not found in archive)``). ``examine``
reads the file's first bytes instead: a zip is an .xlsx, .xlsb or .ods by the members it
holds (``package``), an OLE file an .xls by its ``Workbook`` stream (or a
password-protected workbook by its ``EncryptedPackage``); a workbook is read as what it
is, with a note when its name says otherwise, and anything else is refused with a
message saying what the file is and what to do. ``open_workbook`` opens it with the
reader of its real format.
"""

from __future__ import annotations

import mmap
import os
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smartserang.files import openable_name
from smartserang.problems import InputError, Problem
from smartserang.workbook.limits import Limits
from smartserang.workbook.ole import MAGIC, OleDamaged, OleFile
from smartserang.workbook.scan import PastMaximum, SheetScan

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

    from smartserang.workbook.package import Package

XLS = ".xls"
_READERS = {
    ".xls": (".xls", ".xla"),
    ".xlsx": (".xlsx", ".xlsm", ".xlam"),
    ".xlsb": (".xlsb",),
    ".ods": (".ods",),
}
"""Each format, and the names python-calamine opens with its reader (by their suffix)."""
_HEAD = 8192
_HTML_MARKS = (b"<html", b"<!doctype html", b"<table", b"<body", b"<head", b"<meta")
_XML_SPREADSHEET = (b"urn:schemas-microsoft-com:office:spreadsheet", b'progid="excel.sheet"')


@dataclass(frozen=True)
class Examined:
    """A workbook file, its format told from its content."""

    kind: str
    """``.xlsx`` (also .xlsm), ``.xlsb``, ``.ods`` or ``.xls``; empty for an OLE file
    whose structure cannot be followed (calamine, opening it by its name, explains)."""
    package: Package | None
    """The checked zip of the zip formats."""
    notes: tuple[Problem, ...] = ()
    """A note when the file's name says another format."""
    sheets: dict[str, SheetScan] | None = None
    """For an .xls: each sheet's filled area (see ``biff``), which calamine lays out as
    it opens the file."""


def examine(path: str, source: str, limits: Limits) -> Examined:
    """The workbook at ``path`` (already checked against the file-size limit), its zip's
    directory checked (``package.open_package``: its parts are checked, and an .ods's
    tables counted, by ``Package.check_parts`` and ``count_tables``, which the reader
    calls once its sheet processes have started); raises ``InputError`` located at
    ``source`` for a file that is no workbook it can read."""
    from smartserang.workbook.package import ZipKind, open_package

    with open(path, "rb") as file:
        head = file.read(_HEAD)
    suffix = os.path.splitext(path)[1].lower()
    package, sheets = None, None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        package = open_package(path, source, limits, tables=False, parts=False)
        kind = package.kind.value
        if package.kind is ZipKind.XLSX and suffix in _READERS[".xlsx"]:
            kind = ".xlsx"
    elif head.startswith(MAGIC):
        kind, sheets = _ole_kind(path, source)
    else:
        raise InputError([_not_a_workbook(head, source)])
    notes: tuple[Problem, ...] = ()
    if kind and suffix and suffix not in _READERS[kind]:
        note = Problem.note(source, "note_format_named", "inventory.format",
                            actual=kind, suffix=suffix)  # fmt: skip
        notes = (note,)
    return Examined(kind, package, notes, sheets)


def open_workbook(path: str, kind: str) -> CalamineWorkbook:
    """python-calamine's workbook of the file at ``path``, read as ``kind``: by its path
    when its name leads calamine to that reader, else from its bytes (calamine then tells
    the format by the content)."""
    from python_calamine import CalamineWorkbook

    suffix = os.path.splitext(path)[1].lower()
    named = next((k for k, suffixes in _READERS.items() if suffix in suffixes), None)
    if not kind or named is None or named == kind:
        with openable_name(path) as name:  # a name that is not UTF-8, too
            return CalamineWorkbook.from_path(name)
    with open(path, "rb") as file:
        return CalamineWorkbook.from_filelike(file)


def _ole_kind(path: str, source: str) -> tuple[str, dict[str, SheetScan] | None]:
    """``.xls``, and each sheet's area, for an OLE file holding a workbook stream; else
    ``InputError`` saying what the file is. An OLE structure this reader cannot follow
    (a damaged file) goes to calamine as before, whose error the reader explains."""
    from smartserang.workbook.biff import Encrypted, xls_sheets

    code = "inventory.file"
    unknown = Problem.error(source, "file_is_unknown", code, name=_name(source))
    try:
        with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            ole = OleFile(data)
            names = {name.casefold() for name in ole.names()}
            if "encryptedpackage" in names:
                raise Encrypted
            if "workbook" in names or "book" in names:
                return XLS, xls_sheets(ole)
    except Encrypted as exc:
        raise InputError([Problem.error(source, "file_is_encrypted", code)]) from exc
    except PastMaximum as past:
        raise InputError([past.problem(source, "Workbook")]) from past
    except (OleDamaged, OSError, ValueError, struct.error):
        return "", None  # not followed here: calamine, by its name, says what it makes of it
    if "worddocument" in names:
        raise InputError([Problem.error(source, "file_is_word", code)])
    if "powerpoint document" in names:
        raise InputError([Problem.error(source, "file_is_powerpoint", code)])
    raise InputError([unknown])


def _not_a_workbook(head: bytes, source: str) -> Problem:
    """What a file that is neither a zip nor an OLE file is, as a problem."""
    code = "inventory.file"
    if not head:
        return Problem.error(source, "file_is_empty", code)
    if head.startswith(b"%PDF"):
        return Problem.error(source, "file_is_pdf", code)
    text = _decoded(head)
    if text is None:
        return Problem.error(source, "file_is_unknown", code, name=_name(source))
    lowered = text.lower().lstrip()
    if any(mark in lowered for mark in _XML_SPREADSHEET):
        return Problem.error(source, "file_is_xml_spreadsheet", code)
    if any(mark in lowered for mark in _HTML_MARKS) or lowered.startswith(b"mime-version:"):
        return Problem.error(source, "file_is_html", code, name=_name(source))
    first = lowered.split(b"\n", 1)[0]
    kind = "TSV" if b"\t" in first else "CSV" if b"," in first or b";" in first else "TXT"
    return Problem.error(source, "file_is_text", code, kind=kind)


def _decoded(head: bytes) -> bytes | None:
    """``head`` as UTF-8 bytes when it is text (UTF-8, UTF-16 with its mark, or a
    single-byte code page without control characters), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "replace").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf")
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return head if controls == 0 else None


def _name(source: str) -> str:
    return os.path.basename(source) or source


def reader_failed(source: str, exc: BaseException) -> Problem | None:
    """The problem of a reader that failed in a way no workbook should make it (a Rust
    panic inside python-calamine, which Python sees as no ``Exception``), or None."""
    if type(exc).__name__ != "PanicException":
        return None
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return Problem.error(source, "reader_failed", "inventory.file", reason=reason[:200])


def content_kind(path: str | os.PathLike[str]) -> str | None:
    """The workbook format the file's content says (``.xlsx``, ``.xlsb``, ``.ods``,
    ``.xls``), or None when it cannot be told cheaply (no such file, no workbook)."""
    import zipfile

    try:
        with open(path, "rb") as file:
            head = file.read(len(MAGIC))
        if head.startswith(MAGIC):
            return XLS
        if not head.startswith(b"PK"):
            return None
        with zipfile.ZipFile(path) as archive:
            names = {name.casefold() for name in archive.namelist()}
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    if "xl/workbook.xml" in names:
        return ".xlsx"
    if "xl/workbook.bin" in names:
        return ".xlsb"
    return ".ods" if "mimetype" in names and "content.xml" in names else None
