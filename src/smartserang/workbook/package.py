"""The checks on a workbook's zip made before anything reads its parts.

An .xlsx, .xlsm or .ods file is a zip of XML parts. python-calamine trusts it: a zip
bomb or a damaged size unpacks in full. So before calamine opens the file,
``open_package`` reads the zip's central directory (which unpacks nothing) against the
``Limits``, refuses duplicate members and any XML part that declares a DTD (spreadsheet
programs never write one; entity tricks such as "billion laughs" and external entities
need it), and unpacks the other XML parts once, counting the bytes they really give
(the worksheet parts are unpacked by their scans instead, see ``scan``). It finds the
worksheet part of each sheet the way calamine does (``xl/workbook.xml``, its
relationships, names matched without regard to case), so that the part scanned is the
part calamine reads; and it sizes every table of an OpenDocument file (``odsscan``),
which calamine lays out as it opens the file.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from smartserang.problems import InputError, Problem
from smartserang.workbook.limits import RATIO_FLOOR, Limits, breach
from smartserang.workbook.odsscan import ODS_CONTENT, ods_tables
from smartserang.workbook.scan import CHUNK, TAG_BODY, SheetScan, tag_attributes

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_PROLOG_MAX = 1 << 20
"""A prolog (declaration, comments) longer than this is not from a spreadsheet program."""
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:(?:<\?.*?\?>|<!--.*?-->)\s*)*", re.DOTALL)
_HIDDEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.DOTALL)
"""Comments, CDATA sections and processing instructions: no element in them counts."""
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship(?=[\s/>])" + TAG_BODY + rb">")
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet(?=[\s/>])" + TAG_BODY + rb">")
_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_SHEET_ID_KEYS = ("r:id", "relationships:id")
"""The attribute naming a sheet's relationship, as calamine reads it (prefix included)."""


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
            if not xlsx and (content := _member(names, ODS_CONTENT)) is not None:
                with archive.open(content) as stream:
                    tables = ods_tables(iter(lambda: stream.read(CHUNK), b""))
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
        while chunk := stream.read(CHUNK):
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
        while whole and stream.read(CHUNK):
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
        found = tag_attributes(tag, raw=True)
        targets[found.get("Id", "")] = found.get("Target", "")
    parts: dict[str, str] = {}
    for tag in _SHEET.findall(_HIDDEN.sub(b"", archive.read(workbook))):
        attributes = tag_attributes(tag)
        raw = tag_attributes(tag, raw=True)
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
