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
    RUN_LANGUAGE,
    LangOption,
    LimitOption,
    app,
    cannot_write,
    fail,
    note_inputs,
    on_bad_input,
    parse_limit_options,
    say,
    stderr,
)
from smartserang.cli.language import words
from smartserang.cli.usage import LocalCommand
from smartserang.i18n import message
from smartserang.problems import InputError, Problem

if TYPE_CHECKING:
    from smartserang.author.csvimport import Appended, Conversion, CsvTable, ImportPlan, Skipped
    from smartserang.workbook.contract import Sheet
    from smartserang.workbook.limits import Limits

_SHOWN_LINES = 10
"""Skipped line numbers listed in the summary before it says 'and N more'."""


@app.command(
    "import", help=words("help_import"), epilog=words("help_import_epilog"), cls=LocalCommand
)
def import_csv(
    data: Annotated[Path, typer.Argument(help=words("help_import_data"))],
    into: Annotated[Path, typer.Option("--into", help=words("help_import_into"))],
    sheet_name: Annotated[str, typer.Option("--sheet", help=words("help_import_sheet"))],
    maps: Annotated[
        list[str] | None,
        typer.Option("--map", metavar=words("metavar_map"), help=words("help_import_map")),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set-column",
            metavar=words("metavar_set_column"),
            help=words("help_import_set_column"),
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=words("help_import_output"))
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help=words("help_import_in_place"))
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help=words("help_import_strict"))] = False,
    separator: Annotated[
        str | None, typer.Option("--separator", help=words("help_import_separator"))
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help=words("help_import_encoding"))
    ] = None,
    lang: LangOption = RUN_LANGUAGE,
    limit: LimitOption = None,
) -> None:
    """Append the rows of a CSV file to a register of a copy of the workbook."""
    from smartserang.author import csvimport
    from smartserang.files import display_name

    limits = parse_limit_options(limit, what="nothing_imported", lang=lang)
    note_inputs(data, into)
    with on_bad_input("nothing_imported", lang):
        usage = _usage(data, into, output, in_place, sheet_name, separator, encoding)
    sheet = usage.sheet
    with on_bad_input("nothing_imported", lang):
        table = csvimport.read_csv(
            data, display=str(data), encoding=usage.encoding, separator=usage.separator
        )
    stderr(_detected(table, encoding, separator, lang))
    for note in table.notes:
        stderr(note.render(lang))
    with on_bad_input("nothing_imported", lang):
        plan = csvimport.plan_import(sheet, table.header, maps or [], sets or [], table.source)
    stderr(_mapping(plan))
    workbook, rows_before = _read_workbook(into, sheet, limits, lang)
    conversion = csvimport.convert_rows(table, plan)
    skipped = sorted((*table.skipped, *conversion.skipped), key=lambda s: s.line)
    for line in skipped:
        for problem in line.problems:
            stderr(problem.render(lang))
    read = len(table.records) + len(table.skipped)
    _check_rows(table, read, conversion, skipped, strict, lang)
    with on_bad_input("nothing_imported", lang):
        try:
            appended = csvimport.append_rows(
                workbook, sheet, [values for _, values in conversion.rows], display_name(into)
            )
        except OSError as error:  # its temporary files: a full disk
            cannot_write(usage.target, error, lang)
    for note in appended.dropped:
        stderr(note.render(lang))
    expected = rows_before + len(conversion.rows)
    _write(usage.target, appended, sheet, expected, usage.backup, workbook, limits, lang)
    stderr(_summary(table, appended, read, skipped, lang))
    target = display_name(usage.target)
    if usage.backup:
        say(lang, "wrote_with_backup", name=target, backup=display_name(usage.backup))
    else:
        say(lang, "wrote", name=target)


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
        problems.append(
            Problem.error("--encoding", "usage_encoding", "usage.encoding", encoding=encoding)
        )
    split = separator_named(separator) if separator is not None else None
    if separator is not None and split is None:
        problems.append(
            Problem.error("--separator", "usage_separator", "usage.separator", separator=separator)
        )
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
        problems.append(Problem.error("-o", "import_output_choice", "usage.output"))
    from smartserang.workbook.filetype import content_kind  # its content, not its name

    if into.suffix.casefold() != ".xlsx" or content_kind(into) not in (None, ".xlsx"):
        problems.append(Problem.error(str(into), "import_into_xlsx", "usage.output"))
    if output is not None and output.suffix.casefold() != ".xlsx":
        problems.append(Problem.error(str(output), "import_output_xlsx", "usage.output"))
    if output is not None:
        # the CSV or the workbook under any name: a link, a relative path, another case
        problems.extend(output_problems(output, "--output"))
    backup = Path(f"{into}.bak")
    if in_place:
        guarded = output_problems(backup, "--in-place")
        problems.extend(guarded)
        if not guarded and os.path.lexists(backup):
            exists = Problem.error(display_name(backup), "import_backup_exists", "import.backup")
            problems.append(exists)
    return problems


def _read_workbook(into: Path, sheet: Sheet, limits: Limits, lang: str) -> tuple[bytes, int]:
    """The workbook's bytes and the rows of ``sheet``, or exit 2 when it has errors.

    Checked first so that an error already in the workbook is not blamed on the import.
    """
    from smartserang.files import display_name

    inventory, problems = session.read_checked(into, (), limits)
    if problems or inventory is None:
        fail(problems, what="nothing_imported_fix", lang=lang)
    try:
        data = into.read_bytes()
    except OSError as error:
        problem = Problem.error(
            display_name(into),
            "import_cannot_read",
            "inventory.file",
            reason=str(error.strerror),
        )
        fail((problem,), what="nothing_imported", lang=lang)
    register = inventory.register(sheet.key)
    return data, 0 if register is None else len(register.rows)


def _check_rows(
    table: CsvTable,
    read: int,
    conversion: Conversion,
    skipped: list[Skipped],
    strict: bool,
    lang: str,
) -> None:
    """Exit 2 when there is nothing to import, or a line was skipped under ``--strict``."""
    if strict and skipped:
        _stop(lang, _counted("import_strict", len(skipped)), count=len(skipped))
    if not conversion.rows:
        _stop(lang, _counted("import_none", read), count=read, source=table.source)


def _stop(lang: str, key: str, **values: object) -> NoReturn:
    stderr(f"smartserang: {message(key, lang, **values)}")
    raise typer.Exit(EXIT_BAD_INPUT)


def _write(
    target: Path,
    appended: Appended,
    sheet: Sheet,
    expected_rows: int,
    backup: Path | None,
    original: bytes,
    limits: Limits,
    lang: str,
) -> None:
    """Write the result (checked by reading it back), or exit 2 leaving ``target`` as it was."""
    from smartserang.author.csvimport import sha256, write_checked
    from smartserang.files import display_name

    try:
        with on_bad_input("nothing_written_unchanged", lang, name=display_name(target)):
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
        cannot_write(target, error, lang)


# ------------------------------------------------------------------ messages


def _detected(table: CsvTable, encoding: str | None, separator: str | None, lang: str) -> str:
    from smartserang.author.csvimport import SEPARATORS

    given, found = message("import_given", lang), message("import_detected_by_us", lang)
    text = message(
        "import_detected",
        lang,
        source=table.source,
        encoding=table.encoding,
        how_encoded=given if encoding else found,
        separator=SEPARATORS[table.separator],
        how_separated=given if separator else found,
        line=table.header_line,
        columns=", ".join(_shown(h) for h in table.header if h),
    )
    return f"smartserang: {text}"


def _mapping(plan: ImportPlan) -> str:
    pieces = [f"{f.column.name} ← {_shown(f.header)}" for f in plan.fields]
    pieces += [f"{column.name} = {value!r}" for column, value in plan.constants]
    return f"smartserang: {plan.sheet.name}: " + ", ".join(pieces)


def _summary(
    table: CsvTable, appended: Appended, read: int, skipped: list[Skipped], lang: str
) -> str:
    first, last = appended.first_row, appended.last_row
    text = message(
        _counted("import_summary", read),
        lang,
        source=table.source,
        count=read,
        imported=last - first + 1,
        title=appended.title,
        rows=message(
            "import_row" if first == last else "import_rows", lang, first=first, last=last
        ),
        skipped=len(skipped),
    )
    if skipped:
        lines = ", ".join(str(s.line) for s in skipped[:_SHOWN_LINES])
        hidden = len(skipped) - _SHOWN_LINES
        more = message("import_skipped_more", lang, count=hidden) if hidden > 0 else ""
        text += message(_counted("import_skipped", len(skipped)), lang, lines=lines, more=more)
    if appended.created:
        text += message("import_sheet_created", lang, title=appended.title)
    elif appended.added_columns:
        columns = ", ".join(appended.added_columns)
        text += message("import_columns_added", lang, title=appended.title, columns=columns)
    return f"smartserang: {text}"


def _shown(header: str) -> str:
    """A CSV column name in a comma-separated list: quoted when it holds a comma."""
    return f"'{header}'" if "," in header else header


def _counted(key: str, number: int) -> str:
    """The entry ``key_one`` or ``key_many`` (English counts one line, two lines)."""
    return f"{key}_one" if number == 1 else f"{key}_many"
