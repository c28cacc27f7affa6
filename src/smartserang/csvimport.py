"""Importing a CSV file into one register of the inventory workbook.

Regional open-data portals publish facility lists (public Wi-Fi points, CCTV) as CSV.
This module owns the way from such a file to new rows of a register: decoding (a BOM,
else UTF-8, cp1252 or latin-1, chosen over the whole file and applied line by line),
sniffing the separator, parsing records with every malformed line located as
``data.csv:17`` and skipped without losing the good ones, mapping CSV columns onto
contract columns, typing each value as the workbook reader does, and appending the rows
to a copy of the workbook that is read back before it replaces anything.

Problem codes: ``import.csv`` (unreadable file, no header), ``import.line`` (a
malformed or undecodable line, skipped), ``import.sheet``, ``import.map``,
``import.value`` (text no workbook cell can hold), ``import.verify``, ``import.backup``;
a value its column rejects keeps the reader's code (``inventory.vocab``,
``inventory.number``…).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartserang.cells import BadValue, as_text, cell_reader
from smartserang.contract import (
    SHEETS,
    VOCABULARIES,
    Column,
    ColumnType,
    Sheet,
    normalise_token,
)
from smartserang.model import CellValue
from smartserang.problems import InputError, Problem
from smartserang.spreadsheet import FORMULA_TRIGGERS

Stored = str | int | float | dt.date
"""A value as written into a workbook cell."""

SEPARATORS = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}
"""The separators sniffed for, and how messages show them."""
_SEPARATOR_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|"}
_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GUESSES = ("utf-8", "cp1252", "latin-1")
"""Tried in order without a BOM; latin-1 decodes any byte, so the list always ends."""
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_SAMPLE_LINES = 100
_EXCEL_HINT = re.compile(r"sep=([,;\t|])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters the .xlsx format cannot store in a cell (openpyxl refuses them)."""
_CELL_LIMIT = 32_767


# ------------------------------------------------------------------ decoding


@dataclass(frozen=True)
class Decoded:
    """A CSV file's text, as physical lines."""

    encoding: str
    """The codec used, e.g. ``utf-8-sig`` (a BOM said so) or ``cp1252``."""
    lines: tuple[str, ...]
    """The lines without their line breaks."""
    undecodable: frozenset[int]
    """1-based numbers of the lines holding bytes the codec cannot decode."""


def decode_csv(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` with ``encoding``, or with the one a BOM names, or a guessed one."""
    if encoding is not None:
        return _decode_whole(data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_whole(data, codec)
    if data[:200].count(0) * 3 > len(data[:200]):
        # NUL bytes in every other place: UTF-16 without a BOM (text never holds NULs).
        return _decode_whole(data, "utf-16-le" if data[1:2] == b"\0" else "utf-16-be")
    return _decode_guessed(data)


def _decode_whole(data: bytes, codec: str) -> Decoded:
    """Decode in one go: a UTF-16 file cannot be split into lines before decoding."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        # The damaged lines are those showing U+FFFD (a genuine U+FFFD on them too).
        lines = _split_text(data.decode(codec, "replace"))
        bad = frozenset(n for n, line in enumerate(lines, 1) if "\ufffd" in line)
        return Decoded(codec, lines, bad)
    return Decoded(codec, _split_text(text), frozenset())


def _decode_guessed(data: bytes) -> Decoded:
    """The first of ``_GUESSES`` that decodes at least half the non-ASCII lines."""
    raw = _split_bytes(data)
    foreign = [line for line in raw if not line.isascii()]
    # Voting line by line: a valid multi-byte UTF-8 sequence almost never occurs in
    # cp1252 text, so one damaged line does not turn a UTF-8 file into mojibake, and a
    # cp1252 file is not rejected line after line.
    codec = next(c for c in _GUESSES if 2 * sum(_decodes(b, c) for b in foreign) >= len(foreign))
    lines: list[str] = []
    bad: set[int] = set()
    for number, line in enumerate(raw, 1):
        try:
            lines.append(line.decode(codec))
        except UnicodeDecodeError:
            lines.append(line.decode(codec, "replace"))
            bad.add(number)
    return Decoded(codec, tuple(lines), frozenset(bad))


def _decodes(line: bytes, codec: str) -> bool:
    try:
        line.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _split_bytes(data: bytes) -> list[bytes]:
    """Lines without breaks; CRLF, LF and (old Mac files) CR alone end a line."""
    data = data.replace(b"\r\n", b"\n")
    if b"\n" not in data:
        data = data.replace(b"\r", b"\n")
    lines = data.split(b"\n")
    return lines[:-1] if lines[-1] == b"" else lines


def _split_text(text: str) -> tuple[str, ...]:
    """``_split_bytes`` for decoded text (a BOM's U+FEFF dropped)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if "\n" not in text:
        text = text.replace("\r", "\n")
    lines = text.split("\n")
    return tuple(lines[:-1] if lines[-1] == "" else lines)


# ------------------------------------------------------------------ separator


def separator_named(text: str) -> str | None:
    """The separator ``--separator`` names (``;``, ``tab``, ``semicolon``…), or None."""
    if text in SEPARATORS:
        return text
    return _SEPARATOR_NAMES.get(text.strip().casefold())


def sniff_separator(lines: Sequence[str]) -> str:
    """The separator of the first lines: ``csv.Sniffer``'s guess unless another fits better.

    A separator fits a line when it splits it into as many fields as the header: the
    Sniffer is fooled by commas in Indonesian addresses, a field count is not.
    """
    sample = "".join(line + "\n" for line in lines[:_SAMPLE_LINES])
    try:
        guess: str | None = csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        guess = None
    fits = {separator: _fit(sample, separator) for separator in SEPARATORS}
    best = max(fits.values())
    if guess is not None and fits.get(guess) == best:
        return guess
    return next(separator for separator, fit in fits.items() if fit == best)


def _fit(sample: str, separator: str) -> int:
    """How many lines of ``sample`` have as many fields as its header (0 for one field)."""
    try:
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=separator) if any(r)]
    except csv.Error:
        return 0
    if not rows or len(rows[0]) < 2:
        return 0
    return sum(len(row) == len(rows[0]) for row in rows)


# ------------------------------------------------------------------ records


@dataclass(frozen=True)
class Record:
    """One CSV record."""

    line: int
    """The physical line it starts on (1-based), as an editor numbers it."""
    end: int
    """The physical line it ends on: later than ``line`` when a quoted field holds breaks."""
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """A CSV line left out of the import, and why."""

    line: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class CsvTable:
    """A decoded, parsed CSV file: its header, its good records and the lines skipped."""

    source: str
    """The file as messages name it."""
    encoding: str
    separator: str
    header: tuple[str, ...]
    """Column names as written (stripped), trailing blank ones dropped."""
    header_line: int
    records: tuple[Record, ...]
    """Records with the header's number of fields; blank lines left out."""
    skipped: tuple[Skipped, ...]


class _Feed:
    """The lines as ``csv.reader``'s input, with a position the parser can move back."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.position = 0
        """How many lines were handed out."""

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.position >= len(self.lines):
            raise StopIteration
        self.position += 1
        return self.lines[self.position - 1] + "\n"


def _records(lines: Sequence[str], separator: str, source: str) -> Iterator[Record | Skipped]:
    """Every record, or a ``Skipped`` for a record whose quoting is broken."""
    feed = _Feed(lines)
    reader = csv.reader(feed, delimiter=separator, quotechar='"', strict=True)
    while True:
        start = feed.position
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield _skip(source, start + 1, _quoting(error, start + 1, feed.position))
            # A quote that never closes swallowed the lines after it: parse again from
            # the next line so that they still count.
            feed.position = start + 1
            continue
        yield Record(start + 1, feed.position, tuple(fields))


def _quoting(error: csv.Error, line: int, last: int) -> str:
    if last > line or "end of data" in str(error):
        return 'unterminated quote: a field opened with " on this line is not closed on it'
    return f"malformed quoting: {error}"


def _skip(source: str, line: int, message: str, code: str = "import.line") -> Skipped:
    return Skipped(line, (Problem(f"{source}:{line}", message, code),))


def parse_csv(
    data: bytes, source: str, *, encoding: str | None = None, separator: str | None = None
) -> CsvTable:
    """The table in ``data``; raise ``InputError`` when it has no usable header."""
    if data.startswith(_WORKBOOK_MAGIC):
        message = "this is a workbook, not a CSV file; save the sheet as CSV first"
        raise InputError([Problem(source, message, "import.csv")])
    decoded = decode_csv(data, encoding)
    lines = decoded.lines
    hint = _EXCEL_HINT.fullmatch(lines[0]) if lines else None
    if hint is not None:
        # Excel's "sep=;" line names the separator; blanked, so line numbers stay true.
        separator = separator or hint.group(1)
        lines = ("", *lines[1:])
    separator = separator or sniff_separator(lines)
    items = _records(lines, separator, source)
    first = next((i for i in items if not isinstance(i, Record) or _filled(i.fields)), None)
    if first is None:
        raise InputError([Problem(source, "no header line: the file is empty", "import.csv")])
    header = _header(first, decoded, source)
    width = len(header)
    records: list[Record] = []
    skipped: list[Skipped] = []
    for item in items:
        checked = item if isinstance(item, Skipped) else _check(item, width, decoded, source)
        if isinstance(checked, Skipped):
            skipped.append(checked)
        elif checked is not None:
            records.append(checked)
    return CsvTable(
        source, decoded.encoding, separator, header, first.line, tuple(records), tuple(skipped)
    )


def _header(first: Record | Skipped, decoded: Decoded, source: str) -> tuple[str, ...]:
    """The header's names; raise ``InputError`` when its line is broken."""
    if isinstance(first, Skipped):
        raise InputError([_with(p, "the header line is broken: ") for p in first.problems])
    if decoded.undecodable & set(range(first.line, first.end + 1)):
        message = f"the header line is not valid {decoded.encoding}; give --encoding"
        raise InputError([Problem(f"{source}:{first.line}", message, "import.csv")])
    names = [name.strip() for name in first.fields]
    while names and not names[-1]:
        names.pop()  # "a;b;" exports: a trailing separator is no column
    return tuple(names)


def _with(problem: Problem, prefix: str) -> Problem:
    return Problem(problem.location, prefix + problem.message, "import.csv")


def _filled(fields: Iterable[str]) -> bool:
    return any(field.strip() for field in fields)


def _check(record: Record, width: int, decoded: Decoded, source: str) -> Record | Skipped | None:
    """The record cut to ``width`` fields; a ``Skipped`` when broken; None when blank."""
    bad = [n for n in range(record.line, record.end + 1) if n in decoded.undecodable]
    if bad:
        message = f"bytes that are not valid {decoded.encoding}, the encoding of the other lines"
        return _skip(source, bad[0], message)
    if not _filled(record.fields):
        return None
    extra = record.fields[width:]
    if len(record.fields) < width or _filled(extra):
        runs = f" (the record runs to line {record.end})" if record.end > record.line else ""
        message = f"{len(record.fields)} fields where the header has {width}{runs}"
        return _skip(source, record.line, message)
    # Trailing empty fields carry nothing: spreadsheet exports pad short rows with them.
    return Record(record.line, record.end, record.fields[:width])


def encoding_named(text: str) -> str | None:
    """The codec name ``--encoding`` gives (``UTF8`` -> ``utf-8``), or None when unknown."""
    try:
        info = codecs.lookup(text)
    except LookupError:
        return None
    # Bytes-to-bytes codecs (hex, zlib) are codecs too, but decode to bytes, not text.
    return info.name if isinstance(info.decode(b"")[0], str) else None


def read_csv(
    path: Path, *, display: str, encoding: str | None = None, separator: str | None = None
) -> CsvTable:
    """Read and parse the CSV file at ``path``; raise ``InputError`` when it is unusable.

    ``encoding`` (a codec name) and ``separator`` are detected when None.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError([Problem(display, f"cannot read: {reason}", "import.csv")]) from error
    return parse_csv(data, display, encoding=encoding, separator=separator)


# ------------------------------------------------------------------ mapping


@dataclass(frozen=True)
class Field:
    """A contract column filled from a CSV column."""

    column: Column
    index: int
    """The CSV column's 0-based position."""
    header: str
    """The CSV column's name, as written."""


@dataclass(frozen=True)
class ImportPlan:
    """Which contract columns the new rows fill, and from where."""

    sheet: Sheet
    fields: tuple[Field, ...]
    constants: tuple[tuple[Column, Stored], ...]
    """Columns given one value for every row by ``--set-column``, stored form."""


def find_sheet(name: str) -> Sheet:
    """The table sheet ``name`` names (Indonesian or English, any case)."""
    tables = [sheet for sheet in SHEETS if not sheet.labels]
    by_name = {normalise_token(n): s for s in SHEETS for n in (s.name, s.alias)}
    found = by_name.get(normalise_token(name))
    if found is not None and not found.labels:
        return found
    known = ", ".join(s.name for s in tables)
    if found is not None:
        message = f"{found.name} holds labels, not rows; import into one of {known}"
    else:
        hint = _did_you_mean(name, [n for s in tables for n in (s.name, s.alias)])
        message = f"unknown sheet {name!r}{hint}; the sheets that take rows: {known}"
    raise InputError([Problem("--sheet", message, "import.sheet")])


def plan_import(
    sheet: Sheet, header: Sequence[str], maps: Sequence[str], sets: Sequence[str], source: str
) -> ImportPlan:
    """The plan ``--map`` and ``--set-column`` describe; raise ``InputError`` naming every
    unknown column with the closest known name."""
    problems: list[Problem] = []
    fields: dict[str, Field] = {}
    named: set[str] = set()  # columns already reported when their CSV column is unknown
    for left, right in _map_pairs(maps, problems):
        column = _contract_column(sheet, left, "--map", problems)
        index = _csv_column(header, right, source, problems)
        if column is not None:
            named.add(column.key)
        if column is None or index is None:
            continue
        if column.key in fields:
            message = f"{column.name} is mapped twice ('{fields[column.key].header}', '{right}')"
            problems.append(Problem("--map", message, "import.map"))
        fields[column.key] = Field(column, index, header[index])
    constants: dict[str, tuple[Column, Stored]] = {}
    for spec in sets:
        constant = _constant(sheet, spec, problems)
        if constant is None:
            continue
        column = constant[0]
        if column.key in fields or column.key in constants:
            message = f"{column.name} is given twice (by --map or --set-column)"
            problems.append(Problem("--set-column", message, "import.map"))
        constants[column.key] = constant
    for column in sheet.columns:
        if column.required and column.key not in {*fields, *constants, *named}:
            message = (
                f"{sheet.name} needs {column.name} in every row: --map "
                f"'{column.name}=<CSV column>' or --set-column '{column.name}=<value>'"
            )
            problems.append(Problem("--map", message, "import.map"))
    if problems:
        raise InputError(problems)
    return ImportPlan(sheet, tuple(fields.values()), tuple(constants.values()))


def _map_pairs(maps: Sequence[str], problems: list[Problem]) -> Iterator[tuple[str, str]]:
    """``(contract column, CSV column)`` pairs of ``--map`` values.

    ``A=x,B=y``; a lone ``Kecamatan`` maps the CSV column of the same name; a piece in
    double quotes may hold a comma.
    """
    for spec in maps:
        for piece in next(csv.reader([spec], skipinitialspace=True), []):
            left, equals, right = (part.strip() for part in piece.partition("="))
            if not left or (equals and not right):
                message = f"expected CONTRACT_COLUMN=CSV_COLUMN, got {piece!r}"
                problems.append(Problem("--map", message, "import.map"))
                continue
            yield left, right if equals else left


def _contract_column(
    sheet: Sheet, name: str, option: str, problems: list[Problem]
) -> Column | None:
    """The column of ``sheet`` that ``name`` names, as the reader matches headers."""
    for column in sheet.columns:
        if normalise_token(name) in {normalise_token(h) for h in column.headers()}:
            return column
    hint = _did_you_mean(name, [h for c in sheet.columns for h in c.headers()])
    known = ", ".join(c.name for c in sheet.columns)
    message = f"{sheet.name} has no column {name!r}{hint}; its columns: {known}"
    problems.append(Problem(option, message, "import.map"))
    return None


def _csv_column(
    header: Sequence[str], name: str, source: str, problems: list[Problem]
) -> int | None:
    """The position of CSV column ``name``: written exactly, else as the reader matches."""
    exact = [i for i, h in enumerate(header) if h == name]
    found = exact or [i for i, h in enumerate(header) if h and _same(h, name)]
    if len(found) == 1:
        return found[0]
    if found:
        places = ", ".join(str(i + 1) for i in found)
        message = f"{source} has {len(found)} columns named {name!r} (columns {places})"
    else:
        hint = _did_you_mean(name, [h for h in header if h])
        known = ", ".join(h for h in header if h)
        message = f"{source} has no column {name!r}{hint}; its columns: {known}"
    problems.append(Problem("--map", message, "import.map"))
    return None


def _same(a: str, b: str) -> bool:
    return normalise_token(a) == normalise_token(b)


def _constant(sheet: Sheet, spec: str, problems: list[Problem]) -> tuple[Column, Stored] | None:
    """The column and stored value of one ``--set-column NAME=VALUE``."""
    name, equals, value = spec.partition("=")
    if not equals or not name.strip():
        message = f"expected COLUMN=VALUE, got {spec!r}"
        problems.append(Problem("--set-column", message, "import.map"))
        return None
    column = _contract_column(sheet, name.strip(), "--set-column", problems)
    if column is None:
        return None
    location = f"--set-column {column.name}"
    try:
        stored = _stored(column, cell_reader(column)(value))
    except BadValue as bad:
        problems.append(Problem(location, bad.message, bad.code))
        return None
    if stored is None:
        problems.append(Problem(location, "the value is blank", "import.map"))
        return None
    return column, stored


def _did_you_mean(text: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` for the choice closest to ``text``, or ``""``."""
    import difflib  # only mistakes need it

    by_token = {normalise_token(c): c for c in choices}
    close = difflib.get_close_matches(normalise_token(text), list(by_token), n=1)
    return f" (did you mean '{by_token[close[0]]}'?)" if close else ""


# ------------------------------------------------------------------ values


@dataclass(frozen=True)
class Conversion:
    """The records typed as the reader types cells."""

    rows: tuple[tuple[int, Mapping[str, Stored]], ...]
    """``(CSV line, stored value by column key)`` for every good record, in order."""
    skipped: tuple[Skipped, ...]
    """Records with a value their column rejects."""


def convert_rows(table: CsvTable, plan: ImportPlan) -> Conversion:
    """Type every record of ``table`` by ``plan``; a record with a bad value is skipped."""
    # One reader per column: a vocabulary reader remembers the spellings it has seen.
    readers = [(field, cell_reader(field.column)) for field in plan.fields]
    constants = {column.key: value for column, value in plan.constants}
    rows: list[tuple[int, Mapping[str, Stored]]] = []
    skipped: list[Skipped] = []
    for record in table.records:
        values = dict(constants)
        problems: list[Problem] = []
        for field, read in readers:
            location = f"{table.source}:{record.line}"
            try:
                stored = _stored(field.column, read(record.fields[field.index]))
            except BadValue as bad:
                problems.append(Problem(location, f"{field.header}: {bad.message}", bad.code))
                continue
            if stored is not None:
                values[field.column.key] = stored
            elif field.column.required:
                message = f"{field.header}: {field.column.name} is required but blank"
                problems.append(Problem(location, message, "inventory.cell.missing"))
        if problems:
            skipped.append(Skipped(record.line, tuple(problems)))
        else:
            rows.append((record.line, values))
    return Conversion(tuple(rows), tuple(skipped))


def _stored(column: Column, value: CellValue) -> Stored | None:
    """A typed value as written back into a cell: the form the reader reads as ``value``."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "ya" if value else "tidak"
    elif isinstance(value, tuple):
        text = ", ".join(value)
    elif column.type is ColumnType.VOCAB and isinstance(value, int):
        text = _ranked(column, value)  # an ordinal vocabulary reads as the term's rank
    elif isinstance(value, str):
        text = value
    else:
        return value
    return _cell_text(column, text)


def _ranked(column: Column, rank: int) -> str:
    assert column.vocabulary is not None, column.key  # VOCAB columns name one
    return next(t.value for t in VOCABULARIES[column.vocabulary].terms if t.rank == rank)


def _cell_text(column: Column, text: str) -> str:
    """``text``, checked to fit a cell."""
    control = _CONTROL.search(text)
    if control is not None:
        code = f"U+{ord(control.group()):04X}"
        message = f"{column.name} holds the control character {code}, which no cell can hold"
        raise BadValue(message, "import.value")
    if len(text) > _CELL_LIMIT:
        message = f"{column.name} has {len(text):,} characters; a cell holds {_CELL_LIMIT:,}"
        raise BadValue(message, "import.value")
    return text


# ------------------------------------------------------------------ workbook


@dataclass(frozen=True)
class Appended:
    """The workbook with the new rows, and where they went."""

    data: bytes
    title: str
    """The sheet's name in the workbook."""
    first_row: int
    last_row: int
    added_columns: tuple[str, ...]
    """Header cells written because the sheet lacked the column (or the sheet itself)."""
    created: bool
    """The workbook had no such sheet: it was added with the contract's header."""


@dataclass
class _Layout:
    """Where a worksheet's header and data are (1-based rows and columns)."""

    header_row: int
    columns: dict[str, int]
    """Column key -> column number of its header cell."""
    last_row: int
    """The last row holding any value (the header row when there is no data)."""
    last_column: int


def append_rows(data: bytes, sheet: Sheet, rows: Sequence[Mapping[str, Stored]]) -> Appended:
    """The .xlsx ``data`` with ``rows`` appended below the last filled row of ``sheet``."""
    from openpyxl import load_workbook

    # data_only: the reader sees formulas' saved values, and so does the copy; openpyxl
    # computes nothing, so a kept formula would read back blank.
    book = load_workbook(io.BytesIO(data), data_only=True)
    worksheet, created = _worksheet(book, sheet)
    layout = _layout(worksheet, sheet)
    added = _add_columns(worksheet, sheet, layout, rows)
    first = layout.last_row + 1
    for number, values in enumerate(rows, first):
        for key, value in values.items():
            _put(worksheet.cell(number, layout.columns[key]), value)
    buffer = io.BytesIO()
    book.save(buffer)
    last = first + len(rows) - 1
    return Appended(buffer.getvalue(), worksheet.title, first, last, added, created)


def _worksheet(book: Any, sheet: Sheet) -> tuple[Any, bool]:
    """The worksheet the reader takes for ``sheet`` (a new one when there is none), and
    whether it is new."""
    names = {normalise_token(sheet.name), normalise_token(sheet.alias)}
    for worksheet in book.worksheets:
        if normalise_token(worksheet.title) in names:
            return worksheet, False
    return book.create_sheet(sheet.name), True


def _layout(worksheet: Any, sheet: Sheet) -> _Layout:
    """Header and extent, found as the reader finds them (first non-blank row = header)."""
    names = {normalise_token(h): c.key for c in sheet.columns for h in c.headers()}
    layout = _Layout(0, {}, 0, 0)
    for number, values in enumerate(worksheet.iter_rows(values_only=True), 1):
        filled = [col for col, value in enumerate(values, 1) if not _blank(value)]
        if not filled:
            continue
        layout.last_row = number
        layout.last_column = max(layout.last_column, filled[-1])
        if layout.header_row == 0:
            layout.header_row = number
            for col in filled:
                key = names.get(normalise_token(as_text(values[col - 1])))
                if key is not None:
                    layout.columns.setdefault(key, col)
    return layout


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _add_columns(
    worksheet: Any, sheet: Sheet, layout: _Layout, rows: Sequence[Mapping[str, Stored]]
) -> tuple[str, ...]:
    """Write header cells for the columns the rows fill and the sheet lacks.

    An empty sheet gets the whole contract header, so it reads as a complete register.
    """
    from copy import copy

    if layout.header_row == 0:
        layout.header_row = layout.last_row = 1
        wanted = [column.key for column in sheet.columns]
    else:
        wanted = list(dict.fromkeys(key for values in rows for key in values))
    model = worksheet.cell(layout.header_row, max(layout.columns.values(), default=1))
    added: list[str] = []
    for key in wanted:
        if key in layout.columns:
            continue
        layout.last_column += 1
        column = sheet.column(key)
        assert column is not None, key  # keys come from this sheet's plan
        cell = worksheet.cell(layout.header_row, layout.last_column)
        _put(cell, column.name)
        cell.font, cell.fill, cell.border = copy(model.font), copy(model.fill), copy(model.border)
        layout.columns[key] = layout.last_column
        added.append(column.name)
    return tuple(added)


def _put(cell: Any, value: Stored) -> None:
    """Write ``value``; text always as a string cell, never as a formula."""
    cell.value = value
    if isinstance(value, str):
        # openpyxl types text starting with "=" as a formula (and "#N/A" as an error): a
        # CSV from the web must not put a live =HYPERLINK or =WEBSERVICE in the workbook.
        # Typing the cell as a string neutralises it and keeps the text exact, which
        # spreadsheet.safe_text's apostrophe would not: every Koordinat south of the
        # equator starts with "-". The quote prefix keeps Excel from re-reading the text
        # as a formula when someone edits the cell.
        cell.data_type = "s"
        if value.lstrip(" ").startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True


# ------------------------------------------------------------------ writing


def write_checked(
    target: Path,
    data: bytes,
    sheet: Sheet,
    expected_rows: int,
    *,
    backup: Path | None = None,
    original_sha256: str | None = None,
) -> None:
    """Put ``data`` at ``target`` once it reads back without errors and with
    ``expected_rows`` rows in ``sheet``; otherwise raise ``InputError``, ``target`` untouched.

    With ``backup``, ``target``'s bytes (which must still hash to ``original_sha256``) are
    first copied there; an existing backup is never overwritten.
    """
    temporary = _temporary_beside(target)
    try:
        temporary.write_bytes(data)
        _fsync(temporary)
        _verify(temporary, str(target), sheet, expected_rows)
        if backup is not None:
            _back_up(target, backup, original_sha256)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _temporary_beside(target: Path) -> Path:
    """A new file in ``target``'s folder (so the final rename is atomic), ``target``'s mode."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    # mkstemp makes the file private (0600): give the result the mode the user expects.
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(name, mode)
    return Path(name)


def _fsync(path: Path) -> None:
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def _verify(path: Path, display: str, sheet: Sheet, expected_rows: int) -> None:
    """Raise ``InputError`` unless the workbook at ``path`` reads as the import intends."""
    from smartserang.inventory import read_inventory

    inventory = read_inventory(path, display=display)  # raises with every problem
    register = inventory.register(sheet.key)
    count = 0 if register is None else len(register.rows)
    if count != expected_rows:
        message = (
            f"the written workbook reads {count} of the {expected_rows} rows expected in"
            f" {sheet.name} (formulas without saved values? open and save it in Excel)"
        )
        raise InputError([Problem(display, message, "import.verify")])


def _back_up(target: Path, backup: Path, original_sha256: str | None) -> None:
    """Copy ``target`` to ``backup``, unless it changed since it was read or a backup exists."""
    current = target.read_bytes()
    if original_sha256 is not None and sha256(current) != original_sha256:
        message = "the workbook changed while importing (saved in Excel?); run the import again"
        raise InputError([Problem(str(target), message, "import.verify")])
    try:
        with backup.open("xb") as stream:  # "x": an earlier backup is never overwritten
            stream.write(current)
            stream.flush()
            os.fsync(stream.fileno())
    except FileExistsError:
        message = "a backup already exists; move it away first"
        raise InputError([Problem(str(backup), message, "import.backup")]) from None


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()
