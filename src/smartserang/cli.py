"""The command line: parses options, calls the library, prints, and decides exit codes.

Exit codes: 0 done; 1 a threshold failed (reserved for ``check``); 2 bad input or usage,
always with located messages on stderr; 130 interrupted. Heavy modules (the workbook
reader, rich rendering) are imported inside the commands that need them so that
``--help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from smartserang import __version__
from smartserang.problems import InputError, Problem, Severity

if TYPE_CHECKING:
    from smartserang.model import IndicatorSet

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
    md = "md"
    html = "html"


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
            "--format",
            "-f",
            help="text: a summary for people; json: the documented result;"
            " md / html: the gap-analysis report for the master plan.",
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
    target: Annotated[
        float | None,
        typer.Option(
            help="Index target for the gap analysis (e.g. 3.5); default: the workbook's"
            " Target sheet, else the next predikat up."
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="Date printed in reports (YYYY-MM-DD); reports carry no date without it,"
            " so the same inputs give the same bytes."
        ),
    ] = None,
) -> None:
    """Score an inventory workbook: index, predikat, groups, indicators, each claim checked."""
    from smartserang.analysis import check_targets
    from smartserang.indicators import load_indicator_set
    from smartserang.inventory import read_inventory
    from smartserang.scoring import Basis, check_claims, score_inventory

    problems: list[Problem] = []
    report_date = _parse_date(date)
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
        problems.extend(check_targets(iset, inventory))
        problems.extend(_check_target_option(target, iset))
    if problems or iset is None or inventory is None:
        _fail(tuple(problems))
    result = score_inventory(iset, inventory)
    for warning in result.warnings:
        _stderr(str(warning))
    chosen = Basis(basis.value)
    if output_format in (OutputFormat.json, OutputFormat.md, OutputFormat.html):
        from fractions import Fraction

        from smartserang.analysis import analyse, resolve_targets

        index_target = Fraction(str(target)) if target is not None else None
        analysis = analyse(result, resolve_targets(result, index_target))
    if output_format is OutputFormat.json:
        from smartserang.results import build_result_data

        data = build_result_data(result, chosen, lang.value, analysis)
        _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    elif output_format in (OutputFormat.md, OutputFormat.html):
        from smartserang.render import render_report
        from smartserang.reportbuild import build_report_view

        view = build_report_view(result, analysis, basis=chosen, lang=lang.value, date=report_date)
        _emit(render_report(view, output_format.value), output)
    else:
        from smartserang.terminal import render_summary, summary_text

        if output is not None:
            _emit(summary_text(result, chosen, lang.value), output)
        else:
            from rich.console import Console

            Console().print(render_summary(result, chosen, lang.value))


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _stderr(f"smartserang: --date must be YYYY-MM-DD, got {text!r} [usage.date]")
        raise typer.Exit(EXIT_BAD_INPUT) from None


def _check_target_option(target: float | None, iset: IndicatorSet) -> list[Problem]:
    if target is None:
        return []
    low = min(s.minimum for s in iset.scales.values())
    high = max(s.maximum for s in iset.scales.values())
    if low <= target <= high:
        return []
    message = f"--target {target:g} is outside the scale of set {iset.id!r} ({low}–{high})"
    return [Problem("--target", message, "usage.target")]


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
