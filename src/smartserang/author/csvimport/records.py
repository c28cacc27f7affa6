"""Parsing decoded lines into a header and records, every broken line located.

A malformed line (broken quoting, the wrong number of fields, bytes the file's encoding
cannot decode) becomes a ``Skipped`` with a problem at ``data.csv:17``, and the good
records around it are kept. ``InputError`` is raised only for a file that cannot be
used at all: unreadable, a workbook rather than CSV, or without a usable header.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from smartserang.author.csvimport.decoding import Decoded, decode_csv, sniff_separator
from smartserang.problems import InputError, Problem

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_EXCEL_HINT = re.compile(r"sep=([,;\t|])")


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
