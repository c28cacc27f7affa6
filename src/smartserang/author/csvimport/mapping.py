"""From ``--sheet``, ``--map`` and ``--set-column`` to contract columns, and typed rows.

``find_sheet`` and ``plan_import`` turn the options into an ``ImportPlan`` (raising one
``InputError`` naming every unknown column with the closest known name);
``convert_rows`` applies it, typing each value as the workbook reader does and skipping
a record with a value its column rejects.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from smartserang.author.csvimport.decoding import repaired_mojibake
from smartserang.author.csvimport.records import CsvTable, Skipped
from smartserang.author.csvimport.values import Stored, as_stored
from smartserang.problems import InputError, Param, Problem
from smartserang.workbook.cells import BadValue, cell_reader
from smartserang.workbook.contract import SHEETS, Column, Sheet
from smartserang.workbook.names import normalise_token


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
    code = "import.sheet"
    if found is not None:
        problem = Problem.error(
            "--sheet", "import_sheet_labels", code, sheet=found.name, known=known
        )
    else:
        like = _closest(name, [n for s in tables for n in (s.name, s.alias)])
        key, hint = (
            ("import_sheet_unknown", {})
            if like is None
            else ("import_sheet_unknown_like", {"like": like})
        )
        problem = Problem.error("--sheet", key, code, name=name, known=known, **hint)
    raise InputError([problem])


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
            problems.append(
                Problem.error(
                    "--map", "import_mapped_twice", "import.map",
                    column=column.name, first=fields[column.key].header, second=right,
                )
            )  # fmt: skip
        fields[column.key] = Field(column, index, header[index])
    constants: dict[str, tuple[Column, Stored]] = {}
    for spec in sets:
        constant = _constant(sheet, spec, problems)
        if constant is None:
            continue
        column = constant[0]
        if column.key in fields or column.key in constants:
            problems.append(
                Problem.error(
                    "--set-column", "import_given_twice", "import.map", column=column.name
                )
            )
        constants[column.key] = constant
    for column in sheet.columns:
        if column.required and column.key not in {*fields, *constants, *named}:
            problems.append(
                Problem.error(
                    "--map", "import_needs_column", "import.map",
                    sheet=sheet.name, column=column.name,
                )
            )  # fmt: skip
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
                problems.append(
                    Problem.error("--map", "import_map_form", "import.map", piece=piece)
                )
                continue
            yield left, right if equals else left


def _contract_column(
    sheet: Sheet, name: str, option: str, problems: list[Problem]
) -> Column | None:
    """The column of ``sheet`` that ``name`` names, as the reader matches headers."""
    for column in sheet.columns:
        if normalise_token(name) in {normalise_token(h) for h in column.headers()}:
            return column
    like = _closest(name, [h for c in sheet.columns for h in c.headers()])
    known = ", ".join(c.name for c in sheet.columns)
    problems.append(_no_column(option, sheet.name, name, like, known))
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
        problems.append(
            Problem.error(
                "--map", "import_csv_column_twice", "import.map",
                source=source, count=len(found), name=name, places=places,
            )
        )  # fmt: skip
    else:
        like = _closest(name, [h for h in header if h])
        known = ", ".join(h for h in header if h)
        problems.append(_no_column("--map", source, name, like, known))
    return None


def _no_column(option: str, owner: str, name: str, like: str | None, known: str) -> Problem:
    """``owner`` (a sheet, a CSV file) has no column ``name``, perhaps ``like``."""
    params: dict[str, Param] = {"owner": owner, "name": name, "known": known}
    if like is None:
        return Problem.error(option, "import_no_column", "import.map", **params)
    return Problem.error(option, "import_no_column_like", "import.map", like=like, **params)


def _same(a: str, b: str) -> bool:
    return normalise_token(a) == normalise_token(b)


def _constant(sheet: Sheet, spec: str, problems: list[Problem]) -> tuple[Column, Stored] | None:
    """The column and stored value of one ``--set-column NAME=VALUE``."""
    name, equals, value = spec.partition("=")
    if not equals or not name.strip():
        problems.append(Problem.error("--set-column", "import_set_form", "import.map", spec=spec))
        return None
    column = _contract_column(sheet, name.strip(), "--set-column", problems)
    if column is None:
        return None
    location = f"--set-column {column.name}"
    try:
        stored = as_stored(column, cell_reader(column)(value))
    except BadValue as bad:
        problems.append(bad.problem(location))
        return None
    if stored is None:
        problems.append(Problem.error(location, "import_value_blank", "import.map"))
        return None
    return column, stored


def _closest(text: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``text`` (for "did you mean"), or None."""
    import difflib  # only mistakes need it

    by_token = {normalise_token(c): c for c in choices}
    close = difflib.get_close_matches(normalise_token(text), list(by_token), n=1)
    return by_token[close[0]] if close else None


@dataclass(frozen=True)
class Conversion:
    """The records typed as the reader types cells."""

    rows: tuple[tuple[int, Mapping[str, Stored]], ...]
    """``(CSV line, stored value by column key)`` for every good record, in order."""
    skipped: tuple[Skipped, ...]
    """Records with a value their column rejects."""


def convert_rows(table: CsvTable, plan: ImportPlan) -> Conversion:
    """Type every record of ``table`` by ``plan``; a record with a bad value is skipped,
    and so is one with garbled text (mojibake), named in full on its column's first."""
    # One reader per column: a vocabulary reader remembers the spellings it has seen.
    readers = [(field, cell_reader(field.column)) for field in plan.fields]
    constants = {column.key: value for column, value in plan.constants}
    rows: list[tuple[int, Mapping[str, Stored]]] = []
    skipped: list[Skipped] = []
    garbled: dict[int, int] = {}  # CSV column -> the first line it was garbled on
    for record in table.records:
        values = dict(constants)
        problems: list[Problem] = []
        for field, read in readers:
            location = f"{table.source}:{record.line}"
            text = record.fields[field.index]
            fixed = repaired_mojibake(text)
            if fixed is not None:
                problems.append(_garbled(location, field, text.strip(), fixed.strip(), garbled))
                continue
            try:
                stored = as_stored(field.column, read(text))
            except BadValue as bad:
                problems.append(
                    Problem.error(
                        location, "import_field_value", bad.code,
                        header=field.header, problem=bad.phrase(),
                    )
                )  # fmt: skip
                continue
            if stored is not None:
                values[field.column.key] = stored
            elif field.column.required:
                problems.append(
                    Problem.error(
                        location, "import_field_blank", "inventory.cell.missing",
                        header=field.header, column=field.column.name,
                    )
                )  # fmt: skip
        if problems:
            skipped.append(Skipped(record.line, tuple(problems)))
        else:
            rows.append((record.line, values))
    return Conversion(tuple(rows), tuple(skipped))


def _garbled(location: str, field: Field, text: str, fixed: str, first: dict[int, int]) -> Problem:
    """Garbled text in ``field``: the cause and the fix on the column's first, then a
    pointer back to it."""
    line = int(location.rpartition(":")[2])
    params: dict[str, Param] = {"header": field.header, "text": text, "fixed": fixed}
    if field.index in first:
        params["first"] = first[field.index]
        return Problem.error(location, "import_mojibake_again", "import.encoding", **params)
    first[field.index] = line
    return Problem.error(location, "import_mojibake", "import.encoding", **params)
