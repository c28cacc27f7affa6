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
    RUN_LANGUAGE,
    Language,
    app,
    cannot_write,
    complete_set,
    emit_bytes,
    fail,
    guard_outputs,
    note_sets,
    say,
    stderr,
)
from smartserang.cli.language import words
from smartserang.cli.streams import is_terminal
from smartserang.cli.usage import LocalCommand
from smartserang.problems import Problem


@app.command(help=words("help_template"), cls=LocalCommand)
def template(
    indicator_sets: Annotated[
        list[str] | None,
        typer.Option("--set", "-s", help=words("help_template_set"), autocompletion=complete_set),
    ] = None,
    lang: Annotated[
        Language,
        typer.Option("--lang", help=words("help_lang_template"), show_default=False),
    ] = RUN_LANGUAGE,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=words("help_template_output")),
    ] = None,
) -> None:
    """Write a blank inventory workbook: every sheet, drop-downs, notes, the set's indicators."""
    if output is None and is_terminal(sys.stdout):
        say(lang, "usage_template_terminal", "usage.output")
        raise typer.Exit(EXIT_BAD_INPUT)
    references = indicator_sets or ["spbe-2020"]
    note_sets(references)
    guard_outputs({"--output": output}, "no_template_written", lang)
    sets, problems = session.load_sets(references)
    if problems:
        fail(problems, what="no_template_written", lang=lang)
    if output is not None and output.suffix.lower() != ".xlsx":
        # Excel refuses to open an .xlsx under another extension (.xls: "format mismatch").
        named = Problem.warning(str(output), "usage_template_suffix", "usage.output")
        stderr(named.render(lang))
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
        cannot_write(output or Path("stdout"), error, lang)
    emit_bytes(data, output, lang)
