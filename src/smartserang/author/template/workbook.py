"""Assembling the blank workbook with openpyxl, and writing it as deterministic bytes.

Layout: the instructions sheet first, then every contract sheet in contract order, named
in the chosen language. Profil is label/value rows. A table sheet has a bold, frozen
header with a note on every cell, drop-down lists on rows 2 to ``LAST_ROW`` and ISO date
formats on its date columns. Penilaian holds one row per indicator of the sets, the
helper column naming it and, on its Tingkat cell, a note with every level's criteria.

Every text goes into its cell through ``spreadsheet.write_text`` (exact, typed as text,
never a formula; notes are never evaluated, so they take text as it is). Workbook
properties and zip timestamps are fixed, so the same sets, language and file name give
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from smartserang import __version__
from smartserang.author.safe_text import write_text
from smartserang.author.template import INDICATOR_NAME_COLUMN, INSTRUCTIONS_SHEET
from smartserang.author.template.lists import Choice, ListPlacer, add_validation, choice_for, put_id
from smartserang.author.template.notes import (
    column_note,
    criteria_note,
    header,
    instruction_lines,
    scoring_commands,
    sheet_name,
)
from smartserang.author.template.words import TEXT
from smartserang.files import temporary_writes
from smartserang.model import Group, Indicator, IndicatorSet
from smartserang.workbook.contract import SHEETS, Column, ColumnType, Sheet

LAST_ROW = 1000
"""Drop-down lists cover rows 2 to this row (Penilaian: at least all its indicators)."""
FIXED_TIME = dt.datetime(2025, 1, 1)
"""The workbook's created and modified properties, instead of the clock."""
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
"""Every zip entry's date, instead of the clock."""
DEFAULT_FILE = {"id": "inventaris.xlsx", "en": "inventory.xlsx"}
"""The file the instructions' commands name when no file name is given."""

_DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FILL = "DDEBF7"
_INSTRUCTIONS_WIDTH = 85
"""The instructions column, in characters: it fits A4 portrait unscaled."""
_NOTE_WIDTH = 380
"""Note boxes in pixels: wide enough for a criteria paragraph to read comfortably."""

IndicatorRow = tuple[IndicatorSet, Indicator, tuple[Group, ...]]
"""An indicator with its set and the groups above it."""


@dataclass(frozen=True)
class _Field:
    """One column of a table sheet as the template writes it."""

    key: str | None
    """The contract column's key; None for the helper column."""
    header: str
    note: str
    width: float
    choice: Choice | None = None
    date: bool = False


def build_template(
    sets: Sequence[IndicatorSet],
    lang: str,
    *,
    references: Sequence[str] | None = None,
    file_name: str | None = None,
) -> bytes:
    """The blank workbook for ``sets`` in ``lang`` ("id" or "en"), as .xlsx bytes.

    ``references`` are the ``--set`` values as the user gave them (default: the set
    ids) and ``file_name`` the workbook's name; both appear in the scoring commands the
    instructions show.
    """
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _set_properties(book, sets, lang)
    instructions = book.create_sheet(INSTRUCTIONS_SHEET[lang])
    lists = ListPlacer()
    for sheet in SHEETS:
        ws = book.create_sheet(sheet_name(sheet, lang))
        if sheet.labels:
            _fill_profile(ws, sheet, sets, lang, lists)
        else:
            _fill_register(ws, sheet, sets, lang, lists)
    lists.write(book)
    commands = scoring_commands(
        references or [s.id for s in sets], file_name or DEFAULT_FILE[lang], lang
    )
    lines = instruction_lines(sets, lang, commands, helper_sheet=bool(lists.moved))
    _fill_instructions(instructions, lines)
    return _stable_bytes(book)


# ------------------------------------------------------------------------ sheets


def _fill_profile(
    ws: Any, sheet: Sheet, sets: Sequence[IndicatorSet], lang: str, lists: ListPlacer
) -> None:
    """Profil: a bold label with its note in column A, the value to fill in column B."""
    from openpyxl.styles import Font

    for row, column in enumerate(sheet.columns, start=1):
        label = ws.cell(row, 1)
        write_text(label, header(column, lang))
        label.font = Font(name="Calibri", bold=True)
        label.comment = _note(column_note(sheet, column, lang))
        if column.type is ColumnType.DATE:
            ws.cell(row, 2).number_format = _DATE_FORMAT
        choice = choice_for(sheet, column, sets, lang)
        if choice is not None:
            add_validation(ws, f"B{row}", lists.formula(choice), choice, lang)
    ws.column_dimensions["A"].width = max(len(header(c, lang)) for c in sheet.columns) + 4
    ws.column_dimensions["B"].width = 40
    _fit_to_page_width(ws)


def _fill_register(
    ws: Any, sheet: Sheet, sets: Sequence[IndicatorSet], lang: str, lists: ListPlacer
) -> None:
    """A table sheet: header, widths, date formats, drop-downs (Penilaian: indicators)."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = indicator_rows(sets) if sheet.key == "penilaian" else []
    fields = _fields(sheet, sets, lang, rows)
    last = max(LAST_ROW, len(rows) + 1)
    for number, field in enumerate(fields, start=1):
        letter = get_column_letter(number)
        cell = ws.cell(1, number)
        write_text(cell, field.header)
        cell.font = Font(name="Calibri", bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.comment = _note(field.note)
        ws.column_dimensions[letter].width = field.width
        if field.date:
            # A column style: a date typed anywhere below shows as an ISO date.
            ws.column_dimensions[letter].number_format = _DATE_FORMAT
        if field.choice is not None:
            formula = lists.formula(field.choice)
            add_validation(ws, f"{letter}2:{letter}{last}", formula, field.choice, lang)
    if rows:
        _fill_indicators(ws, fields, rows, lang)
    # Penilaian keeps the indicator id and name in view while scrolling right.
    ws.freeze_panes = "C2" if rows else "A2"
    _fit_to_page_width(ws, landscape=True)


def _fields(
    sheet: Sheet, sets: Sequence[IndicatorSet], lang: str, rows: list[IndicatorRow]
) -> list[_Field]:
    """The columns of a table sheet in contract order, sized for Penilaian's indicators."""
    fields = [_field(sheet, column, sets, lang) for column in sheet.columns]
    if not rows:
        return fields
    at = next(n for n, f in enumerate(fields) if f.key == "indikator")
    ids = [len(i.id) for _, i, _ in rows]
    fields[at] = replace(fields[at], width=max([len(fields[at].header), *ids]) + 3)
    names = [len(i.label.get(lang)) for _, i, _ in rows]
    width = min(max([len(INDICATOR_NAME_COLUMN[lang]), *names]) + 2, 60)
    note = TEXT["indicator_name_note"][lang]
    name_at = next(n for n, f in enumerate(fields) if f.key == "nama_indikator")
    fields[name_at] = replace(fields[name_at], note=note, width=width)
    return fields


def _field(sheet: Sheet, column: Column, sets: Sequence[IndicatorSet], lang: str) -> _Field:
    choice = choice_for(sheet, column, sets, lang)
    return _Field(
        key=column.key,
        header=header(column, lang),
        note=column_note(sheet, column, lang),
        width=_width(sheet, column, lang, choice),
        choice=choice,
        date=column.type is ColumnType.DATE,
    )


def _width(sheet: Sheet, column: Column, lang: str, choice: Choice | None) -> float:
    """A column width, in characters, that shows the header and a typical value."""
    shown = len(header(column, lang)) + 3
    if choice is not None:
        return min(max(shown, max(map(len, choice.values)) + 4), 60)  # + the arrow
    if column.key == sheet.label_column:
        return max(shown, 36)  # names: the longest values, and what people look for
    typical = {ColumnType.TEXT: 24, ColumnType.LIST: 30, ColumnType.DATE: 13}
    return max(shown, typical.get(column.type, 10))


# --------------------------------------------------------------------- Penilaian


def indicator_rows(sets: Sequence[IndicatorSet]) -> list[IndicatorRow]:
    """Every indicator of ``sets`` once, in set and document order.

    An indicator a tailoring marked not applicable is not scored, so it gets no row; an
    id an earlier set already gave is skipped, because the reader rejects an indicator
    assessed twice.
    """
    seen: set[str] = set()
    rows: list[IndicatorRow] = []
    for iset in sets:
        for indicator, path in _walk(iset.groups, ()):
            if indicator.not_applicable is None and indicator.id.casefold() not in seen:
                seen.add(indicator.id.casefold())
                rows.append((iset, indicator, path))
    return rows


def _walk(
    groups: Sequence[Group], path: tuple[Group, ...]
) -> Iterator[tuple[Indicator, tuple[Group, ...]]]:
    for group in groups:
        inner = (*path, group)
        for indicator in group.indicators:
            yield indicator, inner
        yield from _walk(group.groups, inner)


def _fill_indicators(ws: Any, fields: list[_Field], rows: list[IndicatorRow], lang: str) -> None:
    """One row per indicator: its id, its name, and its criteria on the Tingkat cell."""
    from openpyxl.styles import Alignment

    column = {field.key: number for number, field in enumerate(fields, start=1)}
    for row, (iset, indicator, path) in enumerate(rows, start=2):
        identifier = ws.cell(row, column["indikator"])
        put_id(identifier, indicator.id)
        # Left, like the text ids of other sets ("GOV1.1"), and beside the name it labels.
        identifier.alignment = Alignment(horizontal="left")
        write_text(ws.cell(row, column["nama_indikator"]), indicator.label.get(lang))
        note = criteria_note(iset, indicator, path, lang)
        ws.cell(row, column["tingkat"]).comment = _note(note)


def _note(text: str) -> Any:
    """A cell note sized to its text: neither Excel nor LibreOffice grows a note box."""
    from openpyxl.comments import Comment

    per_line = _NOTE_WIDTH // 7  # about 7 pixels per character in the default note font
    lines = sum(max(1, -(-len(line) // per_line)) for line in text.splitlines())
    height = min(24 + 16 * lines, 900)
    return Comment(text, "smartserang", height=height, width=_NOTE_WIDTH)


# ------------------------------------------------------------------ instructions


def _fill_instructions(ws: Any, lines: Sequence[tuple[str, str]]) -> None:
    """The instructions, one paragraph per row of one wide, wrapped column."""
    from openpyxl.styles import Alignment, Font

    # Named fonts: a font without a name falls back to LibreOffice's serif default.
    fonts = {
        "title": Font(name="Calibri", bold=True, size=14),
        "heading": Font(name="Calibri", bold=True, size=12),
        "name": Font(name="Calibri", bold=True, size=11),
        "code": Font(name="Courier New", size=10),
    }
    for row, (style, text) in enumerate(lines, start=1):
        cell = ws.cell(row, 1)
        write_text(cell, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = fonts.get(style, Font(name="Calibri", size=11))
        # A generated file's wrapped rows keep their stored height in LibreOffice (its
        # PDF export overprinted paragraphs), so each row is sized for its text here.
        wrapped = -(-len(cell.value) // _INSTRUCTIONS_WIDTH)
        padding = 6 if style == "heading" else 2
        ws.row_dimensions[row].height = wrapped * cell.font.sz * 1.4 + padding
    ws.column_dimensions["A"].width = _INSTRUCTIONS_WIDTH
    _fit_to_page_width(ws)


def _fit_to_page_width(ws: Any, *, landscape: bool = False) -> None:
    """Print on A4, one page wide and as many pages long as needed."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if landscape:
        ws.page_setup.orientation = "landscape"


# ------------------------------------------------------------------------ output


def _set_properties(book: Any, sets: Sequence[IndicatorSet], lang: str) -> None:
    """Fixed properties: no clock, no user name; the tool version and the sets instead."""
    properties = book.properties
    properties.creator = f"smartserang {__version__}"
    properties.lastModifiedBy = f"smartserang {__version__}"
    properties.title = TEXT["title"][lang]
    properties.subject = ", ".join(f"{s.id} {s.version}" for s in sets)
    properties.language = lang
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME


def _stable_bytes(book: Any) -> bytes:
    """``book`` as .xlsx bytes with fixed timestamps: the same data gives the same bytes.

    ``OSError`` when a temporary file openpyxl writes cannot be written (a full disk).
    ``Workbook.save`` stamps the modified property with the clock and ``zipfile`` stamps
    each entry with it; so the workbook goes through openpyxl's ``ExcelWriter`` (which
    keeps our properties) into memory, then entry by entry into a zip dated ``ZIP_TIME``
    (the approach of ``examples/make_examples.py``).
    """
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive, temporary_writes():
        ExcelWriter(book, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = info.external_attr
            target.writestr(stable, source.read(info.filename))
    return out.getvalue()
