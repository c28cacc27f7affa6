"""``smartserang template``: write a blank inventory workbook to fill in.

The workbook is binary, so it goes to ``--output`` (atomically) or to a redirected
stdout; a terminal gets a usage error instead of a screenful of zip bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from smartserang import session
from smartserang.cli.common import (
    EXIT_BAD_INPUT,
    Language,
    app,
    cannot_write,
    complete_set,
    emit_bytes,
    fail,
    guard_outputs,
    note_sets,
    stderr,
)
from smartserang.cli.streams import is_terminal


@app.command()
def template(
    indicator_sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            help="A shipped set's name (see 'smartserang sets') or a path to a set YAML;"
            " repeat for several sets: Penilaian lists the indicators of all of them."
            " Default: spbe-2020.",
            autocompletion=complete_set,
        ),
    ] = None,
    lang: Annotated[
        Language,
        typer.Option("--lang", help="Language of sheet names, headers, notes and instructions."),
    ] = Language.id,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the .xlsx here (atomically). Without it the bytes go to stdout,"
            " which must then be redirected or piped.",
        ),
    ] = None,
) -> None:
    """Write a blank inventory workbook: every sheet, drop-downs, notes, the set's indicators."""
    if output is None and is_terminal(sys.stdout):
        stderr(
            "smartserang: the template is a binary .xlsx file: give --output blank.xlsx,"
            " or redirect stdout [usage.output]"
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    references = indicator_sets or ["spbe-2020"]
    note_sets(references)
    guard_outputs({"--output": output}, "no template written")
    sets, problems = session.load_sets(references)
    if problems:
        fail(problems, what="no template written")
    if output is not None and output.suffix.lower() != ".xlsx":
        # Excel refuses to open an .xlsx under another extension (.xls: "format mismatch").
        stderr(
            f"{output}: warning: the template is an .xlsx workbook; name it *.xlsx [usage.output]"
        )
    from smartserang.author.template.workbook import build_template
    from smartserang.files import display_name

    try:
        data = build_template(
            sets,
            lang.value,
            references=[display_name(r) for r in references],
            file_name=display_name(output.name) if output is not None else None,
        )
    except OSError as error:  # a temporary file of openpyxl: a full disk
        cannot_write(output or Path("stdout"), error)
    emit_bytes(data, output)
