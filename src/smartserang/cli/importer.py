"""``smartserang import``: rows of a CSV file appended to one register of a workbook copy.

The work is in ``smartserang.author.csvimport`` (the workbook is read as every command
reads one, through ``smartserang.session``); this module checks the options, prints what
was detected, every skipped line and a summary on stderr, and decides the exit code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from smartserang import session
from smartserang.cli.common import (
    EXIT_BAD_INPUT,
    LimitOption,
    app,
    cannot_write,
    fail,
    note_inputs,
    on_bad_input,
    parse_limit_options,
    stderr,
)
from smartserang.problems import InputError, Problem

if TYPE_CHECKING:
    from smartserang.author.csvimport import Appended, Conversion, CsvTable, ImportPlan, Skipped
    from smartserang.workbook.contract import Sheet
    from smartserang.workbook.limits import Limits

_SHOWN_LINES = 10
"""Skipped line numbers listed in the summary before it says 'and N more'."""


@app.command(
    "import",
    epilog="Malformed lines and values the register rejects are named by CSV line and"
    " skipped; the good rows are imported (exit 0). The result is read back before it is"
    " written; the CSV and the --into workbook are never changed (except with --in-place)."
    " See docs/import.md.",
)
def import_csv(
    data: Annotated[
        Path,
        typer.Argument(help="The CSV file, e.g. an open-data portal's list of Wi-Fi points."),
    ],
    into: Annotated[
        Path, typer.Option("--into", help="The inventory workbook (.xlsx) to add the rows to.")
    ],
    sheet_name: Annotated[
        str,
        typer.Option("--sheet", help="The register to fill: Fasilitas, Aplikasi… (or English)."),
    ],
    maps: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="CONTRACT_COLUMN=CSV_COLUMN pairs, comma-separated, e.g."
            " 'Nama=nama_lokasi,Kecamatan=kecamatan'; a lone name maps the CSV column of"
            " that name. Repeatable.",
        ),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set-column",
            help="COLUMN=VALUE: the same value in every new row, e.g. 'Jenis=wifi publik'."
            " Repeatable.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the result to this new .xlsx file."),
    ] = None,
    in_place: Annotated[
        bool,
        typer.Option(
            "--in-place",
            help="Replace the --into workbook instead, after copying it to <workbook>.bak"
            " (refused when that backup exists).",
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Write nothing and exit 2 when any CSV line would be skipped."
        ),
    ] = False,
    separator: Annotated[
        str | None,
        typer.Option("--separator", help="The CSV separator: , ; tab or | (default: detected)."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="The CSV encoding, e.g. utf-8, cp1252 (default: from the BOM, else detected).",
        ),
    ] = None,
    limit: LimitOption = None,
) -> None:
    """Append the rows of a CSV file to a register of a copy of the workbook."""
    from smartserang.author import csvimport
    from smartserang.files import display_name

    limits = parse_limit_options(limit, what="nothing imported")
    note_inputs(data, into)
    with on_bad_input("nothing imported"):
        usage = _usage(data, into, output, in_place, sheet_name, separator, encoding)
    sheet = usage.sheet
    with on_bad_input("nothing imported"):
        table = csvimport.read_csv(
            data, display=str(data), encoding=usage.encoding, separator=usage.separator
        )
    stderr(_detected(table, encoding, separator))
    for note in table.notes:
        stderr(str(note))
    with on_bad_input("nothing imported"):
        plan = csvimport.plan_import(sheet, table.header, maps or [], sets or [], table.source)
    stderr(_mapping(plan))
    workbook, rows_before = _read_workbook(into, sheet, limits)
    conversion = csvimport.convert_rows(table, plan)
    skipped = sorted((*table.skipped, *conversion.skipped), key=lambda s: s.line)
    for line in skipped:
        for problem in line.problems:
            stderr(str(problem))
    read = len(table.records) + len(table.skipped)
    _check_rows(table, read, conversion, skipped, strict)
    with on_bad_input("nothing imported"):
        try:
            appended = csvimport.append_rows(
                workbook, sheet, [values for _, values in conversion.rows], display_name(into)
            )
        except OSError as error:  # its temporary files: a full disk
            cannot_write(usage.target, error)
    for note in appended.dropped:
        stderr(str(note))
    expected = rows_before + len(conversion.rows)
    _write(usage.target, appended, sheet, expected, usage.backup, workbook, limits)
    stderr(_summary(table, appended, read, skipped))
    backup = f" (backup: {display_name(usage.backup)})" if usage.backup else ""
    stderr(f"smartserang: wrote {display_name(usage.target)}{backup}")


@dataclass(frozen=True)
class _Usage:
    """The options, checked."""

    sheet: Sheet
    target: Path
    """The file to write: -o, or the --into workbook with --in-place."""
    backup: Path | None
    separator: str | None
    encoding: str | None
    """A codec name Python knows, or None to detect."""


def _usage(
    data: Path,
    into: Path,
    output: Path | None,
    in_place: bool,
    sheet_name: str,
    separator: str | None,
    encoding: str | None,
) -> _Usage:
    """The checked options; ``InputError`` naming every mistake in them."""
    from smartserang.author.csvimport import encoding_named, find_sheet, separator_named

    problems = _destination_problems(data, into, output, in_place)
    sheet: Sheet | None = None
    try:
        sheet = find_sheet(sheet_name)
    except InputError as error:
        problems.extend(error.problems)
    codec = encoding_named(encoding) if encoding is not None else None
    if encoding is not None and codec is None:
        message = f"unknown encoding {encoding!r} (for example utf-8, cp1252, utf-16)"
        problems.append(Problem("--encoding", message, "usage.encoding"))
    split = separator_named(separator) if separator is not None else None
    if separator is not None and split is None:
        message = f"unknown separator {separator!r}; give , ; tab or |"
        problems.append(Problem("--separator", message, "usage.separator"))
    if problems or sheet is None:
        raise InputError(problems)
    backup = Path(f"{into}.bak") if in_place else None
    return _Usage(sheet, output or into, backup, split, codec)


def _destination_problems(
    data: Path, into: Path, output: Path | None, in_place: bool
) -> list[Problem]:
    """Mistakes in -o / --in-place: the inputs are never overwritten, nor a backup."""
    from smartserang.files import display_name, output_problems

    problems: list[Problem] = []
    if in_place == (output is not None):
        message = "give either -o NEW.xlsx (a new workbook) or --in-place"
        problems.append(Problem("-o", message, "usage.output"))
    from smartserang.workbook.filetype import content_kind  # its content, not its name

    if into.suffix.casefold() != ".xlsx" or content_kind(into) not in (None, ".xlsx"):
        message = "imports go into .xlsx workbooks only; save the workbook as .xlsx first"
        problems.append(Problem(str(into), message, "usage.output"))
    if output is not None and output.suffix.casefold() != ".xlsx":
        problems.append(Problem(str(output), "the output must be an .xlsx file", "usage.output"))
    if output is not None:
        # the CSV or the workbook under any name: a link, a relative path, another case
        problems.extend(output_problems(output, "--output"))
    backup = Path(f"{into}.bak")
    if in_place:
        guarded = output_problems(backup, "--in-place")
        problems.extend(guarded)
        if not guarded and os.path.lexists(backup):
            message = "a backup already exists; move it away first (it is never overwritten)"
            problems.append(Problem(display_name(backup), message, "import.backup"))
    return problems


def _read_workbook(into: Path, sheet: Sheet, limits: Limits) -> tuple[bytes, int]:
    """The workbook's bytes and the rows of ``sheet``, or exit 2 when it has errors.

    Checked first so that an error already in the workbook is not blamed on the import.
    """
    from smartserang.files import display_name

    inventory, problems = session.read_checked(into, (), limits)
    if problems or inventory is None:
        fail(problems, what="nothing imported; fix the workbook first")
    try:
        data = into.read_bytes()
    except OSError as error:
        problem = Problem(display_name(into), f"cannot read: {error.strerror}", "inventory.file")
        fail((problem,), what="nothing imported")
    register = inventory.register(sheet.key)
    return data, 0 if register is None else len(register.rows)


def _check_rows(
    table: CsvTable, read: int, conversion: Conversion, skipped: list[Skipped], strict: bool
) -> None:
    """Exit 2 when there is nothing to import, or a line was skipped under ``--strict``."""
    if strict and skipped:
        _stop(f"--strict: {_count(len(skipped), 'line')} skipped; nothing written.")
    if not conversion.rows:
        _stop(f"{table.source}: {_count(read, 'row')} read, none to import; nothing written.")


def _stop(message: str) -> NoReturn:
    stderr(f"smartserang: {message}")
    raise typer.Exit(EXIT_BAD_INPUT)


def _write(
    target: Path,
    appended: Appended,
    sheet: Sheet,
    expected_rows: int,
    backup: Path | None,
    original: bytes,
    limits: Limits,
) -> None:
    """Write the result (checked by reading it back), or exit 2 leaving ``target`` as it was."""
    from smartserang.author.csvimport import sha256, write_checked
    from smartserang.files import display_name

    try:
        with on_bad_input(f"nothing written; {display_name(target)} is unchanged"):
            write_checked(
                target,
                appended.data,
                sheet,
                expected_rows,
                backup=backup,
                original_sha256=sha256(original),
                limits=limits,
            )
    except OSError as error:
        cannot_write(target, error)


# ------------------------------------------------------------------ messages


def _detected(table: CsvTable, encoding: str | None, separator: str | None) -> str:
    from smartserang.author.csvimport import SEPARATORS

    how_encoded = "given" if encoding else "detected"
    how_separated = "given" if separator else "detected"
    columns = ", ".join(_shown(h) for h in table.header if h)
    return (
        f"smartserang: {table.source}: encoding {table.encoding} ({how_encoded}), separator"
        f" {SEPARATORS[table.separator]} ({how_separated}); header on line"
        f" {table.header_line}: {columns}"
    )


def _mapping(plan: ImportPlan) -> str:
    pieces = [f"{f.column.name} ← {_shown(f.header)}" for f in plan.fields]
    pieces += [f"{column.name} = {value!r}" for column, value in plan.constants]
    return f"smartserang: {plan.sheet.name}: " + ", ".join(pieces)


def _summary(table: CsvTable, appended: Appended, read: int, skipped: list[Skipped]) -> str:
    first, last = appended.first_row, appended.last_row
    rows = f"row {first}" if first == last else f"rows {first}–{last}"
    text = (
        f"smartserang: {table.source}: {_count(read, 'row')} read, {last - first + 1} imported"
        f" into {appended.title} ({rows}), {len(skipped)} skipped"
    )
    if skipped:
        lines = [str(s.line) for s in skipped[:_SHOWN_LINES]]
        more = f" and {len(skipped) - _SHOWN_LINES} more" if len(skipped) > _SHOWN_LINES else ""
        text += f" ({'line' if len(skipped) == 1 else 'lines'} {', '.join(lines)}{more})"
    if appended.created:
        text += f"; sheet {appended.title} created with the contract's header"
    elif appended.added_columns:
        text += f"; columns added to {appended.title}: {', '.join(appended.added_columns)}"
    return text


def _shown(header: str) -> str:
    """A CSV column name in a comma-separated list: quoted when it holds a comma."""
    return f"'{header}'" if "," in header else header


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
