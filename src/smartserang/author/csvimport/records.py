"""Parsing decoded lines into a header and records, every broken line located.

A malformed line (broken quoting, the wrong number of fields, a line break inside an
unquoted value, bytes the file's encoding cannot decode) becomes a ``Skipped`` with a
problem at ``data.csv:17``, and the good records around it are kept. A file whose every
line is one quoted value holding the whole record (a CSV saved again as one column) is
unwrapped, with a note. ``InputError`` is raised only for a file that cannot be used at
all: unreadable, a workbook rather than CSV, or without a usable header.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from smartserang.author.csvimport.decoding import (
    SEPARATORS,
    Decoded,
    decode_csv,
    sniff_separator,
)
from smartserang.files import os_reason
from smartserang.i18n import Phrase
from smartserang.problems import InputError, Param, Problem

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_EXCEL_HINT = re.compile(r"sep=([,;\t|])")
_LINE = "import.line"
_WRAPPED = "import.csv.wrapped"


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
    notes: tuple[Problem, ...] = ()
    """What was understood of an unusual file (records wrapped in quotes, unwrapped)."""


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


def _quoting(error: csv.Error, line: int, last: int) -> tuple[str, dict[str, Param]]:
    """The catalogue's entry (and values) for a record the csv module refuses."""
    if last > line or "end of data" in str(error):
        return "import_quote_open", {}
    if "line contains NUL" in str(error):
        return "import_quote_nul", {}
    return "import_quote_bad", {"reason": str(error)}


def _skip(source: str, line: int, words: tuple[str, dict[str, Param]]) -> Skipped:
    key, params = words
    return Skipped(line, (Problem.error(f"{source}:{line}", key, _LINE, **params),))


def parse_csv(
    data: bytes, source: str, *, encoding: str | None = None, separator: str | None = None
) -> CsvTable:
    """The table in ``data``; raise ``InputError`` when it has no usable header."""
    if data.startswith(_WORKBOOK_MAGIC):
        raise InputError([Problem.error(source, "import_is_workbook", "import.csv")])
    decoded = decode_csv(data, encoding)
    lines = decoded.lines
    hint = _EXCEL_HINT.fullmatch(lines[0]) if lines else None
    if hint is not None:
        # Excel's "sep=;" line names the separator; blanked, so line numbers stay true.
        separator = separator or hint.group(1)
        lines = ("", *lines[1:])
    notes: list[Problem] = []
    inner = _unwrapped(lines)
    if inner is not None:
        lines = inner
        notes.append(Problem.note(source, "import_note_wrapped", _WRAPPED))
    separator = separator or sniff_separator(lines)
    items = _records(lines, separator, source)
    first = next((i for i in items if not isinstance(i, Record) or _filled(i.fields)), None)
    if first is None:
        raise InputError([Problem.error(source, "import_csv_empty", "import.csv")])
    header = _header(first, decoded, source)
    width = len(header)
    wrapped: list[int] = []
    checked = [
        item
        if isinstance(item, Skipped)
        else _check(item, width, decoded, source, (separator, wrapped))
        for item in items
    ]
    records: list[Record] = []
    skipped: list[Skipped] = []
    for item in _continuations(checked, width, source):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            records.append(item)
    if wrapped:
        key = "import_note_wrapped_line" if len(wrapped) == 1 else "import_note_wrapped_lines"
        numbers = ", ".join(map(str, wrapped))
        notes.append(Problem.note(source, key, _WRAPPED, lines=numbers))
    return CsvTable(
        source,
        decoded.encoding,
        separator,
        header,
        first.line,
        tuple(records),
        tuple(skipped),
        tuple(notes),
    )


def _unwrapped(lines: Sequence[str]) -> tuple[str, ...] | None:
    """The lines inside their quotes when every line is one quoted value holding a record
    (a CSV file opened as one column and saved again: ``"Nama,Kecamatan"``); else None.

    The header must hold a separator between two names, so that a one-column file of
    quoted values is read as it is.
    """
    filled = [line.strip() for line in lines if line.strip()]
    if not filled or not all(map(_one_quoted, filled)):
        return None
    header = _inner(filled[0])
    if not any(sum(1 for n in header.split(sep) if n.strip()) > 1 for sep in SEPARATORS):
        return None
    return tuple(_inner(line.strip()) if line.strip() else line for line in lines)


def _one_quoted(text: str) -> bool:
    """Whether ``text`` is one value in double quotes (any quotes inside it doubled)."""
    return len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1].replace('""', "")


def _inner(text: str) -> str:
    """A quoted value's text: the outer quotes off, doubled quotes single."""
    return text[1:-1].replace('""', '"')


def _header(first: Record | Skipped, decoded: Decoded, source: str) -> tuple[str, ...]:
    """The header's names; raise ``InputError`` when its line is broken."""
    if isinstance(first, Skipped):
        raise InputError([_header_broken(p) for p in first.problems])
    if decoded.undecodable & set(range(first.line, first.end + 1)):
        location = f"{source}:{first.line}"
        encoding = decoded.encoding
        problem = Problem.error(location, "import_header_encoding", "import.csv", encoding=encoding)
        raise InputError([problem])
    names = [name.strip() for name in first.fields]
    while names and not names[-1]:
        names.pop()  # "a;b;" exports: a trailing separator is no column
    return tuple(names)


def _header_broken(problem: Problem) -> Problem:
    assert problem.text_key is not None, problem  # every problem of a record is worded
    said = Phrase(problem.text_key, problem.params)
    return Problem.error(problem.location, "import_header_broken", "import.csv", problem=said)


def _filled(fields: Iterable[str]) -> bool:
    return any(field.strip() for field in fields)


@dataclass(frozen=True)
class _Short:
    """A record with fewer fields than the header, judged once its neighbours are known."""

    record: Record


def _check(
    record: Record,
    width: int,
    decoded: Decoded,
    source: str,
    unwrapping: tuple[str, list[int]],
) -> Record | Skipped | _Short | None:
    """The record cut to ``width`` fields; a ``Skipped`` when broken, a ``_Short`` when it
    lacks fields; None when blank. A record that is one quoted value holding a whole
    record (with the file's separator, ``unwrapping[0]``) is read as that record, its
    line put in ``unwrapping[1]``."""
    bad = [n for n in range(record.line, record.end + 1) if n in decoded.undecodable]
    if bad:
        return _skip(source, bad[0], ("import_line_encoding", {"encoding": decoded.encoding}))
    if not _filled(record.fields):
        return None
    separator, wrapped = unwrapping
    if len(record.fields) == 1 and width > 1 and separator in record.fields[0]:
        # The separator inside the lone value: the value was quoted, the record with it.
        fields = next(csv.reader([record.fields[0]], delimiter=separator), [])
        if len(fields) >= width and not _filled(fields[width:]):
            wrapped.append(record.line)
            record = Record(record.line, record.end, tuple(fields))
    extra = record.fields[width:]
    if len(record.fields) < width and not _filled(extra):
        return _Short(record)
    if _filled(extra):
        return _wrong_width(record, width, source)
    # Trailing empty fields carry nothing: spreadsheet exports pad short rows with them.
    return Record(record.line, record.end, record.fields[:width])


def _continuations(
    items: list[Record | Skipped | _Short | None], width: int, source: str
) -> Iterator[Record | Skipped]:
    """The records and skipped lines in order, each short record judged.

    Short records on consecutive lines whose fields add up to the header's, the value
    broken between them counted once, are one record broken by line breaks inside an
    unquoted value: each of its lines is named as such. Any other short record is
    skipped for its number of fields; a lone field followed by a whole record says that
    the record may be the rest of it (a first value broken by a line break). Where most
    records are short (more than two), the file lacks fields throughout, and no line is
    taken for the continuation of another.
    """
    shorts = sum(isinstance(item, _Short) for item in items)
    whole = sum(isinstance(item, Record) for item in items)
    joining = shorts <= max(whole, 2)
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        if item is None:
            continue
        if not isinstance(item, _Short):
            yield item
            continue
        pieces = [item.record]
        fields = len(item.record.fields)
        while joining and fields < width and index < len(items):
            following = items[index]
            if not isinstance(following, _Short) or following.record.line != pieces[-1].end + 1:
                break
            pieces.append(following.record)
            fields += len(following.record.fields) - 1  # the broken value counts once
            index += 1
        if fields == width and len(pieces) > 1:
            yield from _broken(pieces, width, source)
            continue
        index -= len(pieces) - 1  # not one record: each line is judged alone
        following = items[index] if index < len(items) else None
        record = item.record
        if (
            len(record.fields) == 1
            and isinstance(following, Record)
            and following.line == record.end + 1
        ):
            # One field, then a whole record: a stray line, or a first value broken by a
            # line break whose rest reads as a record. The rest cannot be told apart.
            params: dict[str, Param] = {"width": width, "next": following.line}
            problem = Problem.error(
                f"{source}:{record.line}", "import_line_maybe_broken", _LINE, **params
            )
            yield Skipped(record.line, (problem,))
            continue
        yield _wrong_width(record, width, source)


def _broken(pieces: list[Record], width: int, source: str) -> Iterator[Skipped]:
    """The lines of a record broken by line breaks inside a value, each named."""
    first, count = pieces[0], len(pieces[0].fields)
    key = "import_line_broken_one" if count == 1 else "import_line_broken_many"
    params: dict[str, Param] = {"width": width, "next": pieces[1].line}
    if count != 1:
        params["fields"] = count
    yield Skipped(first.line, (Problem.error(f"{source}:{first.line}", key, _LINE, **params),))
    for piece in pieces[1:]:
        continued = Problem.error(
            f"{source}:{piece.line}",
            "import_line_continuation",
            _LINE,
            line=piece.line,
            first=first.line,
        )
        yield Skipped(piece.line, (continued,))


def _wrong_width(record: Record, width: int, source: str) -> Skipped:
    """A record skipped for its number of fields ("1 field", "2 fields")."""
    count = len(record.fields)
    key = "import_fields_one" if count == 1 else "import_fields_many"
    params: dict[str, Param] = {"width": width}
    if count != 1:
        params["fields"] = count
    if record.end > record.line:
        key += "_runs"
        params["end"] = record.end
    location = f"{source}:{record.line}"
    return Skipped(record.line, (Problem.error(location, key, _LINE, **params),))


def read_csv(
    path: Path, *, display: str, encoding: str | None = None, separator: str | None = None
) -> CsvTable:
    """Read and parse the CSV file at ``path``; raise ``InputError`` when it is unusable.

    ``encoding`` (a codec name) and ``separator`` are detected when None.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = os_reason(error)
        problem = Problem.error(display, "import_unreadable", "import.csv", reason=reason)
        raise InputError([problem]) from error
    return parse_csv(data, display, encoding=encoding, separator=separator)
