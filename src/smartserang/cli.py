"""The command line: parses options, calls the library, prints, and decides exit codes.

Exit codes: 0 done; 1 a threshold failed (reserved for ``check``); 2 bad input or usage,
always with located messages on stderr; 130 interrupted. Heavy modules (the workbook
reader, rich rendering) are imported inside the commands that need them so that
``--help`` stays fast.
"""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from smartserang import __version__
from smartserang.problems import InputError, Problem, Severity

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="smartserang",
    help="SPBE and smart city readiness of a local government, checked against its registers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(enum.StrEnum):
    """Formats of ``smartserang score``."""

    text = "text"
    json = "json"


class BasisOption(enum.StrEnum):
    """Which index drives ``index`` and ``band``."""

    verified = "verified"
    claimed = "claimed"


class Language(enum.StrEnum):
    """Output language."""

    id = "id"
    en = "en"


def _stderr(text: str) -> None:
    sys.stderr.write(text + "\n")


def _fail(problems: tuple[Problem, ...]) -> NoReturn:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for problem in problems:
        _stderr(str(problem))
    count = len(errors)
    _stderr(f"smartserang: {count} error{'s' if count != 1 else ''} in the input; nothing scored.")
    raise typer.Exit(EXIT_BAD_INPUT)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smartserang {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """SPBE and smart city readiness of a local government, checked against its registers."""


@app.command()
def score(
    workbook: Annotated[
        Path, typer.Argument(help="The inventory workbook (.xlsx, .xls, .xlsb, .ods).")
    ],
    indicator_set: Annotated[
        str,
        typer.Option(
            "--set",
            "-s",
            help="A shipped set's name (see 'smartserang sets') or a path to a set YAML.",
        ),
    ] = "spbe-2020",
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="text: a summary for people; json: the documented result."
        ),
    ] = OutputFormat.text,
    basis: Annotated[
        BasisOption,
        typer.Option(
            help="Which index drives 'index' and 'band': verified (claims capped by the"
            " registers) or claimed (the self-assessment as entered)."
        ),
    ] = BasisOption.verified,
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of names and labels.")
    ] = Language.id,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
) -> None:
    """Score an inventory workbook: index, predikat, groups, indicators, each claim checked."""
    from smartserang.indicators import load_indicator_set
    from smartserang.inventory import read_inventory
    from smartserang.scoring import Basis, check_claims, score_inventory

    problems: list[Problem] = []
    iset = inventory = None
    try:
        iset = load_indicator_set(indicator_set)
    except InputError as error:
        problems.extend(error.problems)
    try:
        inventory = read_inventory(workbook, display=str(workbook))
    except InputError as error:
        problems.extend(error.problems)
    if iset is not None and inventory is not None:
        problems.extend(check_claims(iset, inventory))
    if problems or iset is None or inventory is None:
        _fail(tuple(problems))
    result = score_inventory(iset, inventory)
    for warning in result.warnings:
        _stderr(str(warning))
    chosen = Basis(basis.value)
    if output_format is OutputFormat.json:
        from smartserang.results import build_result_data

        data = build_result_data(result, chosen, lang.value)
        _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        from smartserang.terminal import render_summary, summary_text

        if output is not None:
            _emit(summary_text(result, chosen, lang.value), output)
        else:
            from rich.console import Console

            Console().print(render_summary(result, chosen, lang.value))


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from smartserang.files import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as error:
        _stderr(f"{output}: cannot write: {error.strerror or error} [output.write]")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    _stderr(f"smartserang: wrote {output}")


@app.command("sets")
def list_sets() -> None:
    """List the indicator sets shipped with smartserang."""
    from smartserang.indicators import list_shipped_sets

    for info in list_shipped_sets():
        typer.echo(f"{info.id}\t{info.version}\t{info.title.get('id')}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the indicator-set format (for editors)."""
    from smartserang.schema import SCHEMA

    typer.echo(json.dumps(SCHEMA, indent=2, ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        _stderr("smartserang: interrupted")
        sys.exit(EXIT_INTERRUPTED)
