"""Appending the rows to a copy of the workbook, and the checked, atomic write.

``append_rows`` works on the workbook's bytes with openpyxl, finding the sheet, header
and last row as the reader does; text goes in as string cells, never as formulas.
``write_checked`` puts the result in place only after it reads back with the expected
rows, via a temporary file renamed over the target, with an optional backup first.

What the copy keeps of the ``--into`` workbook: its cells (the values formulas showed,
as the reader sees them), styles, sheets, notes and drop-downs. What it does not, each
dropped with a note naming it: external links (to other workbooks, DDE or OLE servers,
UNC paths), defined names that are not plain references to the workbook's own cells
(``=WEBSERVICE(…)``, constants, ``#REF!``), and drop-down or conditional-format rules
whose formula reaches outside the workbook. The bytes written are checked again for
those (``reaches_outside``): a copy that still holds one is refused, not written.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartserang.author.csvimport.values import Stored
from smartserang.author.safe_text import FORMULA_TRIGGERS
from smartserang.files import os_reason, short_name, temporary_writes
from smartserang.i18n import Phrase, Phrases
from smartserang.problems import InputError, Problem
from smartserang.workbook.cells import as_text
from smartserang.workbook.contract import Sheet
from smartserang.workbook.limits import DEFAULTS, Limits
from smartserang.workbook.names import normalise_token


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
    dropped: tuple[Problem, ...] = ()
    """Notes on what was not copied from the workbook (links, names, rules reaching out)."""


@dataclass
class _Layout:
    """Where a worksheet's header and data are (1-based rows and columns)."""

    header_row: int
    columns: dict[str, int]
    """Column key -> column number of its header cell."""
    last_row: int
    """The last row holding any value (the header row when there is no data)."""
    last_column: int


def append_rows(
    data: bytes,
    sheet: Sheet,
    rows: Sequence[Mapping[str, Stored]],
    display: str = "workbook.xlsx",
) -> Appended:
    """The .xlsx ``data`` with ``rows`` appended below the last filled row of ``sheet``.

    ``display``: the workbook's name in problems. ``InputError`` when openpyxl cannot
    open or save the workbook (parts the reader skips but openpyxl trips over), or when
    the copy would still reach outside the workbook; ``OSError`` when a temporary file
    cannot be written.
    """
    from openpyxl import load_workbook

    dropped = _external_links(data, display)
    try:
        # data_only: the reader sees formulas' saved values, and so does the copy;
        # openpyxl computes nothing, so a kept formula would read back blank.
        # keep_links=False: no external link is read (a DDE link would crash openpyxl).
        book = load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises what its parts' parsers raise
        raise _unopenable(display, error) from None
    dropped.extend(_drop_reaching_names(book, display))
    dropped.extend(_drop_reaching_rules(book, display))
    worksheet, created = _worksheet(book, sheet)
    layout = _layout(worksheet, sheet)
    added = _add_columns(worksheet, sheet, layout, rows)
    first = layout.last_row + 1
    for number, values in enumerate(rows, first):
        for key, value in values.items():
            _put(worksheet.cell(number, layout.columns[key]), value)
    buffer = io.BytesIO()
    try:
        with temporary_writes():  # a full disk: OSError, the caller's to say
            book.save(buffer)
    except OSError:
        raise
    except Exception as error:  # a part openpyxl kept but cannot write back
        raise _unopenable(display, error) from None
    written = buffer.getvalue()
    leftovers = _leftovers(written)
    if leftovers:
        reason = Phrases(tuple(leftovers))
        raise InputError(
            [Problem.error(display, "import_unopenable", "import.verify", reason=reason)]
        )
    last = first + len(rows) - 1
    return Appended(written, worksheet.title, first, last, added, created, tuple(dropped))


def _unopenable(display: str, error: Exception) -> InputError:
    reason = f"{type(error).__name__}: {error}".splitlines()[0][:200]
    return InputError([Problem.error(display, "import_unopenable", "import.verify", reason=reason)])


# ------------------------------------------------------------------ what is not copied

_EXTERNAL_PART = re.compile(r"xl/externalLinks/[^/]+\.xml", re.IGNORECASE)
_LINK_TARGET = re.compile(
    rb'\bTarget="([^"]{0,300})"|\bddeService="([^"]{0,100})"'
    rb'|\bprogId="([^"]{0,100})"'
)
_SHEET_NAME = r"(?:'(?:[^'\[\]]|'')+'|[^\W\d][\w.]*)"
_CELL_AREA = (
    r"(?:\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?"
    r"|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})"
)
_OWN_REFERENCES = re.compile(rf"{_SHEET_NAME}!{_CELL_AREA}(?:,{_SHEET_NAME}!{_CELL_AREA})*")
"""A defined name's value that only points at cells of this workbook (``'Daftar'!$A$2:$A$9``,
print titles ``Data!$1:$1,Data!$A:$A``)."""
_REACHING = re.compile(
    r"\[|\||\b(?:WEBSERVICE|FILTERXML|ENCODEURL|RTD|CALL|REGISTER|REGISTER\.ID|EXEC"
    r"|HYPERLINK|IMAGE|INDIRECT|CUBE[A-Z]*|SQL\.REQUEST)\s*\(",
    re.IGNORECASE,
)
"""What makes a formula reach outside the workbook: a reference to another workbook
(``[1]Sheet!A1``), a DDE call (``cmd|' /C calc'!A0``), or a function that fetches,
links, calls a program or builds a reference from text."""
_STRING = re.compile(r'"(?:[^"]|"")*"')


def _reaches(formula: str) -> bool:
    """Whether ``formula`` reaches outside the workbook (text in quotes is only text)."""
    return bool(_REACHING.search(_STRING.sub('""', formula)))


def _external_links(data: bytes, display: str) -> list[Problem]:
    """A note on the external links of the workbook ``data``, which are not copied."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [n for n in archive.namelist() if _EXTERNAL_PART.fullmatch(n)]
            targets: list[str] = []
            for name in parts:
                folder, _, leaf = name.rpartition("/")
                for part in (name, f"{folder}/_rels/{leaf}.rels"):
                    if part in archive.namelist():
                        head = archive.open(part).read(64 * 1024)
                        for match in _LINK_TARGET.finditer(head):
                            found = next(g for g in match.groups() if g is not None)
                            targets.append(found.decode("utf-8", "replace"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return []  # the reader has read it: a zip. Nothing to say otherwise.
    if not parts:
        return []
    shown = ", ".join(dict.fromkeys(targets)) or "?"
    return [
        Problem.note(
            display, "import_dropped_links", "import.dropped", count=len(parts), targets=shown
        )
    ]


def _drop_reaching_names(book: Any, display: str) -> list[Problem]:
    """Remove every defined name that is not a plain reference to the workbook's cells."""
    notes: list[Problem] = []
    scopes = [(book.defined_names, "")] + [
        (ws.defined_names, f"{ws.title}!") for ws in book.worksheets
    ]
    for names, prefix in scopes:
        for key in list(names):
            value = str(names[key].attr_text or "").strip()
            if _OWN_REFERENCES.fullmatch(value.lstrip("=")):
                continue
            del names[key]
            notes.append(
                Problem.note(
                    display,
                    "import_dropped_name",
                    "import.dropped",
                    name=prefix + key,
                    value=value[:120],
                )
            )
    return notes


def _drop_reaching_rules(book: Any, display: str) -> list[Problem]:
    """Remove drop-down and conditional-format rules whose formula reaches outside."""
    notes: list[Problem] = []
    for ws in book.worksheets:
        validations = ws.data_validations.dataValidation
        for validation in list(validations):
            formula = " ".join(f for f in (validation.formula1, validation.formula2) if f)
            if _reaches(formula):
                validations.remove(validation)
                notes.append(
                    _rule_note(display, "drop-down", ws.title, str(validation.sqref), formula)
                )
        formats = ws.conditional_formatting
        for area in list(formats):
            rules = formats[area]  # the list kept (``area.rules`` is a copy)
            for rule in list(rules):
                formula = " ".join(rule.formula or ())
                if _reaches(formula):
                    rules.remove(rule)
                    where = str(area.sqref)
                    notes.append(
                        _rule_note(display, "conditional format", ws.title, where, formula)
                    )
            if not rules:
                del formats[str(area.sqref)]
    return notes


def _rule_note(display: str, what: str, sheet: str, area: str, formula: str) -> Problem:
    return Problem.note(
        display,
        "import_dropped_rule",
        "import.dropped",
        what=what,
        sheet=sheet,
        area=area,
        formula=formula[:120],
    )


_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[ >/]")
_DEFINED_NAME = re.compile(rb"<(?:\w+:)?definedName\b[^>]*>([^<]*)<")
_VALIDATION_FORMULA = re.compile(rb"<(?:\w+:)?formula[12]?>([^<]*)<")


def reaches_outside(data: bytes) -> list[str]:
    """What in the .xlsx ``data`` reaches outside the workbook or runs as a formula: an
    external link, a connection or macro part, a formula in a cell, a defined name that
    is not a plain reference, a drop-down or conditional-format formula that reaches
    out. Empty for a workbook smartserang may write."""
    return [phrase.words("en") for phrase in _leftovers(data)]


def _leftovers(data: bytes) -> list[Phrase]:
    """``reaches_outside``, each found thing worded by the catalogue."""
    from html import unescape

    found: list[Phrase] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            lowered = name.lower()
            if _EXTERNAL_PART.fullmatch(name) or lowered in (
                "xl/connections.xml",
                "xl/vbaproject.bin",
            ):
                found.append(Phrase.of("leftover_part", name=name))
            elif lowered == "xl/workbook.xml":
                for match in _DEFINED_NAME.finditer(archive.read(name)):
                    value = unescape(match.group(1).decode("utf-8", "replace")).strip()
                    if not _OWN_REFERENCES.fullmatch(value.lstrip("=")):
                        found.append(Phrase.of("leftover_name", value=value[:80]))
            elif lowered.startswith("xl/worksheets/") and lowered.endswith(".xml"):
                part = archive.read(name)
                if _FORMULA_ELEMENT.search(part):
                    found.append(Phrase.of("leftover_formula", name=name))
                for match in _VALIDATION_FORMULA.finditer(part):
                    value = unescape(match.group(1).decode("utf-8", "replace"))
                    if _reaches(value):
                        found.append(Phrase.of("leftover_rule", value=value[:80], name=name))
    return found


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
    limits: Limits = DEFAULTS,
) -> None:
    """Put ``data`` at ``target`` once it reads back without errors and with
    ``expected_rows`` rows in ``sheet``; otherwise raise ``InputError``, ``target`` untouched.

    With ``backup``, ``target``'s bytes (which must still hash to ``original_sha256``) are
    first copied there; an existing backup is never overwritten. ``limits`` bound the
    read-back as they bound the first read.
    """
    from smartserang.files import display_name, output_problems

    # Checked against every file the run read: the one input replaced is the workbook
    # itself, with --in-place; the backup is a new file.
    option = "--output" if backup is None else "--in-place"
    problems = output_problems(target, option, replacing=None if backup is None else target)
    if backup is not None:
        problems.extend(output_problems(backup, option))
    if problems:
        raise InputError(problems)
    temporary = _temporary_beside(target)
    try:
        temporary.write_bytes(data)
        _fsync(temporary)
        _verify(temporary, display_name(target), sheet, expected_rows, limits)
        if backup is not None:
            _back_up(target, backup, original_sha256)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _temporary_beside(target: Path) -> Path:
    """A new file in ``target``'s folder (so the final rename is atomic), ``target``'s mode."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{short_name(target)}.", suffix=".tmp", dir=folder)
    os.close(handle)
    # mkstemp makes the file private (0600): give the result the mode the user expects.
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:  # none yet (or a name too long, which the rename will say)
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(name, mode)
    return Path(name)


def _fsync(path: Path) -> None:
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def _verify(path: Path, display: str, sheet: Sheet, expected_rows: int, limits: Limits) -> None:
    """Raise ``InputError`` unless the workbook at ``path`` reads as the import intends."""
    from smartserang.workbook.reader import read_inventory

    inventory = read_inventory(path, display=display, limits=limits)  # raises with every problem
    register = inventory.register(sheet.key)
    count = 0 if register is None else len(register.rows)
    if count != expected_rows:
        problem = Problem.error(
            display, "import_verify_rows", "import.verify",
            count=count, expected=expected_rows, sheet=sheet.name,
        )  # fmt: skip
        raise InputError([problem])


def _back_up(target: Path, backup: Path, original_sha256: str | None) -> None:
    """Copy ``target`` to ``backup``, unless it changed since it was read or a backup exists."""
    from smartserang.files import display_name

    current = target.read_bytes()
    if original_sha256 is not None and sha256(current) != original_sha256:
        raise InputError([Problem.error(display_name(target), "import_changed", "import.verify")])
    try:
        with backup.open("xb") as stream:  # "x": an earlier backup is never overwritten
            stream.write(current)
            stream.flush()
            os.fsync(stream.fileno())
    except FileExistsError:
        problem = Problem.error(display_name(backup), "import_backup_exists", "import.backup")
        raise InputError([problem]) from None
    except OSError as error:  # a name too long, a folder that takes no new file
        reason = os_reason(error)
        problem = Problem.error(
            display_name(backup), "output_cannot_write", "import.backup", reason=reason
        )
        raise InputError([problem]) from None


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()
