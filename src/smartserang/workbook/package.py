"""The checks on a workbook's zip made before anything reads its parts.

An .xlsx, .xlsm, .xlsb or .ods file is a zip of XML parts. python-calamine trusts it: a
zip bomb or a damaged size unpacks in full. So before calamine opens the file,
``open_package`` reads the zip's central directory (which unpacks nothing) against the
``Limits``, tells from the members' names what the zip holds (``ZipKind``: a workbook of
which format, or a Word document, or no workbook at all), refuses duplicate members and
any XML part that declares a DTD (spreadsheet programs never write one; entity tricks
such as "billion laughs" and external entities need it), and unpacks the other XML parts
once, counting the bytes they really give (the worksheet parts are unpacked by their
scans instead, see ``scan``, and an OpenDocument file's ``content.xml`` by its count).

As they are unpacked, the counts a reader trusts before it reads are checked: a
shared-strings table's ``uniqueCount`` (python-calamine reserves room for that many
strings: 2**32 - 1 of them ask for 100 GB and abort the process, 2**64 - 1 panic) and
every other ``count`` attribute may not pass what the whole workbook could hold. It finds
the worksheet part of each sheet the way calamine does (``xl/workbook.xml``, its
relationships, names matched without regard to case), so that the part scanned is the
part calamine reads; and it sizes every table of an OpenDocument file (``odsscan``),
which calamine lays out as it opens the file.
"""

from __future__ import annotations

import dataclasses
import enum
import html
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from smartserang.i18n import Count, Phrase, Phrases, Size
from smartserang.problems import InputError, Param, Problem
from smartserang.workbook.limits import RATIO_FLOOR, Limits, breach
from smartserang.workbook.odsscan import ODS_CONTENT, ods_tables
from smartserang.workbook.scan import (
    CHUNK,
    TAG_BODY,
    Damaged,
    PastMaximum,
    SheetScan,
    cut,
    damage_reason,
    tag_attributes,
)

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
_SHARED_STRINGS = "xl/sharedStrings.xml"
_COUNT = re.compile(rb"(?:^|[\s:])(count|uniqueCount)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
"""A count attribute, with any prefix (a reader may take ``x:count`` for ``count``)."""
_DIGITS = re.compile(r"\+?\d+")
STRING_BYTES = 8
"""The fewest bytes one shared string takes that a reader keeps (``<si></si>``)."""
ELEMENT_BYTES = 4
"""The fewest bytes any counted element takes (``<a/>``)."""
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


class ZipKind(enum.Enum):
    """What a zip holds, told from its members' names (and an OpenDocument's mimetype)."""

    XLSX = ".xlsx"
    """An Office Open XML workbook (.xlsx, .xlsm, .xlam): ``xl/workbook.xml``."""
    XLSB = ".xlsb"
    """A binary Office workbook: ``xl/workbook.bin``."""
    ODS = ".ods"
    """An OpenDocument spreadsheet: ``mimetype`` says so."""
    WORD = "Word"
    POWERPOINT = "PowerPoint"
    OPENDOCUMENT = "OpenDocument"
    """An OpenDocument file other than a spreadsheet (text, presentation, drawing)."""
    OTHER = "zip"
    """No workbook: a plain archive, or a workbook without the members a reader needs."""

    @property
    def workbook(self) -> bool:
        return self in (ZipKind.XLSX, ZipKind.XLSB, ZipKind.ODS)


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
    kind: ZipKind = ZipKind.XLSX
    """The format the members' names say (see ``ZipKind``)."""
    source: str = ""
    """How problems name the file."""

    def count_tables(self, limits: Limits) -> Package:
        """This package with every table of its OpenDocument ``content.xml`` sized (see
        ``odsscan``); raises ``InputError`` located at ``source`` for a damaged one."""
        tables = _count_tables(self.path, self.source or self.path, limits)
        return dataclasses.replace(self, tables=tables)

    def check_parts(self) -> None:
        """Check the XML parts, as ``open_package`` does unless told not to; raises
        ``InputError`` located at ``source``."""
        source = self.source or self.path
        try:
            with zipfile.ZipFile(self.path) as archive:
                _check_parts(archive, self.kind, self.sheet_parts, source)
        except InputError:
            raise
        except Exception as exc:  # as open_package: zipfile's many types on damaged input
            raise InputError([_damaged(source, exc)]) from exc

    def part_size(self, title: str) -> int:
        """The unpacked size of the sheet's part (0 when not known)."""
        part = self.sheet_parts.get(title)
        return 0 if part is None else self.sizes.get(part, 0)


def open_package(
    path: str,
    source: str,
    limits: Limits,
    *,
    tables: bool = True,
    parts: bool = True,
    expected: bool = True,
) -> Package:
    """The zip at ``path``, checked; raises ``InputError`` located at ``source``.

    ``tables``: size an OpenDocument file's tables now (else ``Package.count_tables``
    does, later). ``parts``: check the XML parts now (else ``Package.check_parts`` does,
    later: the reader starts its bounded processes first). ``expected``: a zip holding
    no workbook is refused (else its ``kind`` says what it is, for the caller to word).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            problems = _directory_problems(infos, source, limits)
            if problems:
                raise InputError(problems)
            names = [i.filename for i in infos]
            kind = _kind(archive, names)
            if not kind.workbook:
                if expected:
                    raise InputError([_not_a_workbook(source, kind)])
                return Package(path, {}, {}, kind=kind, source=source)
            sheet_parts = _sheet_parts(archive)
            if parts:
                _check_parts(archive, kind, sheet_parts, source)
    except InputError:
        raise
    except Exception as exc:  # zipfile raises many types on damaged input (struct, zlib, ...)
        raise InputError([_damaged(source, exc)]) from exc
    sizes = {info.filename: info.file_size for info in infos}
    xlsx = kind is ZipKind.XLSX and _member(names, _WORKBOOK) is not None
    package = Package(path, sizes, sheet_parts, xlsx, None, kind, source=source)
    return package.count_tables(limits) if tables and kind is ZipKind.ODS else package


def _count_tables(path: str, source: str, limits: Limits) -> dict[str, SheetScan]:
    """Each table of the OpenDocument file at ``path`` sized, its prolog checked too."""
    try:
        with zipfile.ZipFile(path) as archive:
            content = _member(archive.namelist(), ODS_CONTENT)
            if content is None:
                return {}
            chunks = _checked_prolog(_inflated(path, archive.getinfo(content)), content, source)
            return ods_tables(chunks)
    except InputError:
        raise
    except PastMaximum as past:
        raise InputError([past.problem(source, ODS_CONTENT)]) from past
    except Exception as exc:  # damaged data: zlib, CRC, a table that never ends
        raise InputError([_damaged(source, exc, ODS_CONTENT)]) from exc


def _inflated(path: str, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, unpacked ``CHUNK`` at a time without the CRC check of
    ``ZipFile.open`` (a sixth of the time of 300 MB): what the count reads is what a
    reader reads, so a changed byte cannot part them, and calamine checks the CRC."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile(path) as archive, archive.open(info) as stream:
            yield from iter(lambda: stream.read(CHUNK), b"")
        return
    with open(path, "rb") as file:
        file.seek(info.header_offset)
        header = file.read(30)
        if header[:4] != b"PK\x03\x04":
            raise Damaged(Phrase.of("damage_no_header", name=info.filename))
        names, extra = (
            int.from_bytes(header[26:28], "little"),
            int.from_bytes(header[28:30], "little"),
        )
        file.seek(names + extra, 1)
        left, given = info.compress_size, 0
        inflate = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type else None
        while left > 0 or (inflate is not None and inflate.unconsumed_tail):
            data = (
                inflate.unconsumed_tail if inflate is not None and inflate.unconsumed_tail else b""
            )
            if not data:
                data = file.read(min(left, CHUNK))
                if not data:
                    raise Damaged(Phrase.of("damage_cut_short", name=info.filename))
                left -= len(data)
            chunk = data if inflate is None else inflate.decompress(data, CHUNK)
            given += len(chunk)
            if given > info.file_size:
                raise Damaged(Phrase.of("damage_past_size", name=info.filename))
            if chunk:
                yield chunk
        if inflate is not None:
            rest = inflate.flush()
            given += len(rest)
            if rest:
                yield rest
        if given != info.file_size:
            raise Damaged(Phrase.of("damage_other_size", name=info.filename))


def _kind(archive: zipfile.ZipFile, names: list[str]) -> ZipKind:
    """What the zip holds, told as the readers tell it: by the members they open."""
    if _member(names, _WORKBOOK) is not None:
        return ZipKind.XLSX
    if _member(names, "xl/workbook.bin") is not None:
        return ZipKind.XLSB
    if "mimetype" in names:  # python-calamine opens an OpenDocument file by it
        mimetype = archive.read("mimetype")[:200].strip()
        if mimetype == _ODS_MIMETYPE:
            return ZipKind.ODS
        if mimetype.startswith(b"application/vnd.oasis.opendocument."):
            return ZipKind.OPENDOCUMENT
    if _member(names, "word/document.xml") is not None:
        return ZipKind.WORD
    if _member(names, "ppt/presentation.xml") is not None:
        return ZipKind.POWERPOINT
    return ZipKind.OTHER


_NOT_A_WORKBOOK = {
    ZipKind.WORD: "file_is_word",
    ZipKind.POWERPOINT: "file_is_powerpoint",
    ZipKind.OPENDOCUMENT: "file_is_opendocument",
}


def _not_a_workbook(source: str, kind: ZipKind) -> Problem:
    return Problem.error(source, _NOT_A_WORKBOOK.get(kind, "file_is_zip"), "inventory.file")


def _damaged(source: str, exc: BaseException, member: str | None = None) -> Problem:
    code = "inventory.file"
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in str(exc):
        return Problem.error(source, "zip_incomplete", code)
    where = f"{member}: " if member else ""
    return Problem.error(source, "zip_damaged", code, where=where, reason=damage_reason(exc))


def _directory_problems(infos: list[zipfile.ZipInfo], source: str, limits: Limits) -> list[Problem]:
    """Sizes and ratios as the central directory gives them, and duplicate names."""
    problems: list[Problem] = []
    total = sum(i.file_size for i in infos)
    if total > limits.uncompressed_size:
        what = Phrase.of("limit_what_unpacked")
        problems.append(breach(source, what, "uncompressed_size", total, limits.uncompressed_size))
    for info in infos:
        if info.file_size >= RATIO_FLOOR:
            ratio = info.file_size // max(info.compress_size, 1)
            if ratio > limits.ratio:
                what = Phrase.of("limit_what_ratio", name=info.filename)
                problems.append(breach(source, what, "ratio", ratio, limits.ratio))
    # calamine finds parts without regard to case: two names that differ only in case
    # would leave open which of them it reads.
    by_name: dict[str, list[str]] = {}
    for info in infos:
        by_name.setdefault(info.filename.lower(), []).append(info.filename)
    for names in sorted(n for n in by_name.values() if len(n) > 1):
        shown: Param = names[0]
        if len(set(names)) > 1:
            shown = Phrases(tuple(sorted(set(names))), joiner="joined_and")
        problems.append(Problem.error(source, "zip_twice", "inventory.file", names=shown))
    return problems


def _check_parts(
    archive: zipfile.ZipFile, kind: ZipKind, sheet_parts: dict[str, str], source: str
) -> None:
    """Refuse a DTD in any XML part; read each part but the sheets' (scanned as each is
    read) and ``content.xml`` (counted) to its end (see ``_check_part``)."""
    infos = archive.infolist()
    names = [i.filename for i in infos]
    scanned = set(sheet_parts.values())
    content = _member(names, ODS_CONTENT) if kind is ZipKind.ODS else None
    whole = sum(info.file_size for info in infos)
    for info in infos:
        if info.filename.casefold().endswith(_XML_SUFFIXES):
            at_once = info.filename not in scanned and info.filename != content
            _check_part(archive, info, source, whole=at_once, package_size=whole)


def _check_part(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, whole: bool, package_size: int
) -> None:
    """Refuse a DTD in the part's prolog; unpack it to the end when ``whole`` (the zip
    checks each part's size and CRC as it goes, so a false size cannot pass), checking
    its count attributes against what the ``package_size`` bytes could hold."""
    with archive.open(info) as stream:
        chunks = _checked_prolog(iter(lambda: stream.read(CHUNK), b""), info.filename, source)
        if not whole:
            next(chunks, None)
            return
        counts = _Counts(info.filename, package_size)
        for piece in cut(chunks, b"<"):
            counts.check(piece, source)


def _checked_prolog(chunks: Iterator[bytes], name: str, source: str) -> Iterator[bytes]:
    """``chunks`` again, once the part's prolog is known to declare no DTD and an element
    to follow it (else ``InputError`` located at ``source``)."""
    head = b""
    for chunk in chunks:
        head += chunk
        rest = _after_prolog(head)
        if (rest and not _cut_short(rest)) or len(head) > _PROLOG_MAX:
            break
    rest = _after_prolog(head)
    if rest.startswith((b"<!DOCTYPE", b"<!ENTITY")) or (head and not rest):
        key = "zip_part_empty" if not rest else "zip_dtd"
        raise InputError([Problem.error(source, key, "inventory.file", name=name)])
    if head:
        yield head
    yield from chunks


class _Counts:
    """The count attributes of one part, each against what the whole package could hold:
    ``uniqueCount`` one string per ``STRING_BYTES`` bytes, any other ``count`` one
    element per ``ELEMENT_BYTES`` bytes."""

    def __init__(self, part: str, package_size: int) -> None:
        self.part = part
        self.package_size = package_size

    def check(self, piece: bytes, source: str) -> None:
        if b"ount" not in piece:  # (the byte search first: attributes are rare)
            return
        for name, double, single in _COUNT.findall(_HIDDEN.sub(b"", piece)):
            text = html.unescape((double or single).decode("utf-8", "replace")).strip()
            if not _DIGITS.fullmatch(text):
                continue  # a reader parsing it as a number fails, and trusts nothing
            count = int(text)
            strings = name == b"uniqueCount"
            most = self.package_size // (STRING_BYTES if strings else ELEMENT_BYTES)
            if count > most:
                raise InputError([self._problem(source, name.decode(), count)])

    def _problem(self, source: str, attribute: str, count: int) -> Problem:
        size = Size(self.package_size)
        if attribute == "uniqueCount":
            return Problem.error(
                source, "count_strings_over", "inventory.count",
                part=self.part, count=Count(count), size=size,
            )  # fmt: skip
        return Problem.error(
            source, "count_over_size", "inventory.count",
            part=self.part, attribute=attribute, count=Count(count), size=size,
        )  # fmt: skip


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
