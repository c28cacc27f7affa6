"""``smartserang score``, ``sets`` and ``schema``: scoring a workbook on one or more sets.

The pipeline (loading the sets, reading and checking the workbooks) is in
``smartserang.session``, the outputs in ``report``; this module reads the options, prints
and exits. Heavy modules are imported inside the commands that need them so that
``--help`` stays fast.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smartserang import session
from smartserang.cli.common import (
    EXIT_BAD_INPUT,
    RUN_LANGUAGE,
    BasisOption,
    JobsOption,
    LangOption,
    LimitOption,
    OutputFormat,
    OutputOption,
    ReportLangOption,
    app,
    basis_of,
    complete_set,
    fail,
    guard_outputs,
    lost_worker,
    note_inputs,
    note_sets,
    on_bad_input,
    parse_date,
    parse_limit_options,
    say,
    warn,
    write_output,
)
from smartserang.cli.language import words
from smartserang.cli.streams import is_terminal, printable, write_lines, write_stdout
from smartserang.cli.usage import LocalCommand
from smartserang.files import note_input


class DetailOption(enum.StrEnum):
    """Values of ``score --detail``."""

    short = "short"
    full = "full"


if TYPE_CHECKING:
    from smartserang.scoring.levels import Basis
    from smartserang.session import UnitOutcome
    from smartserang.workbook.limits import Limits


@app.command(help=words("help_score"), cls=LocalCommand)
def score(
    workbooks: Annotated[
        list[Path],
        typer.Argument(
            metavar=words("metavar_workbooks"),
            help=words("help_score_workbooks"),
            show_default=False,
        ),
    ],
    indicator_sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            metavar="SET",
            help=words("help_score_set"),
            autocompletion=complete_set,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help=words("help_score_format")),
    ] = OutputFormat.text,
    basis: Annotated[
        BasisOption, typer.Option(help=words("help_score_basis"))
    ] = BasisOption.verified,
    lang: ReportLangOption = RUN_LANGUAGE,
    output: OutputOption = None,
    target: Annotated[float | None, typer.Option(help=words("help_score_target"))] = None,
    date: Annotated[str | None, typer.Option(help=words("help_score_date"))] = None,
    detail: Annotated[
        DetailOption, typer.Option(help=words("help_score_detail"))
    ] = DetailOption.short,
    limit: LimitOption = None,
    jobs: JobsOption = None,
) -> None:
    """Score an inventory workbook: index, predikat, groups, indicators, each claim checked."""
    from fractions import Fraction

    from smartserang.procs import default_jobs
    from smartserang.report.reporter import Detail, Scores

    report_date = parse_date(date, lang)
    limits = parse_limit_options(limit, what="nothing_scored", lang=lang)
    references = indicator_sets or ["spbe-2020"]
    with on_bad_input("nothing_scored", lang):
        files = session.workbooks_in(workbooks)
    folders = [w for w in workbooks if os.path.isdir(w)]
    for folder in folders:  # a workbook written into it would be read next time
        note_input(folder, scanned=session.WORKBOOK_SUFFIXES)
    note_inputs(*files)
    note_sets(references)
    guard_outputs({"--output": output}, "nothing_scored", lang)
    several = len(files) > 1 or bool(folders)
    if output_format is OutputFormat.docx:
        _check_docx_output(output, several, lang)
    if several:
        _score_units(
            files,
            references,
            output_format.value,
            basis_of(basis),
            lang,
            output,
            jobs or default_jobs(),
            limits,
        )
        return
    with on_bad_input("nothing_scored", lang):
        sets, inventory = session.load_inputs(files[0], references, target, limits, jobs)
    results = session.score_sets(sets, inventory)
    warn(session.warnings_of(results), lang)
    index_target = Fraction(str(target)) if target is not None else None
    scores = Scores(
        tuple(results), basis_of(basis), index_target, report_date, Detail(detail.value)
    )
    write_output(scores, output_format.value, lang, output)


def _check_docx_output(output: Path | None, several: bool, lang: str) -> None:
    """A Word document is one workbook's report, written to a file or a redirected stdout."""
    import sys

    if several:
        say(lang, "usage_docx_rollup", "usage.format")
        raise typer.Exit(EXIT_BAD_INPUT)
    if output is None and is_terminal(sys.stdout):
        say(lang, "usage_docx_terminal", "usage.output")
        raise typer.Exit(EXIT_BAD_INPUT)


def _score_units(
    files: list[Path],
    references: list[str],
    output_format: str,
    basis: Basis,
    lang: str,
    output: Path | None,
    jobs: int,
    limits: Limits,
) -> None:
    """Score several workbooks on each set, side by side, and roll them up."""
    from functools import partial

    from smartserang.procs import WorkerLost, map_workbooks
    from smartserang.report.reporter import RollUps
    from smartserang.scoring.rollup import UnitResult, roll_up
    from smartserang.workbook.limits import address_space

    sets, problems = session.load_sets(references)
    # The sets are loaded once, here: forked workers inherit them. With a broken set the
    # workbooks are still read, for their own problems, but not scored.
    task = partial(
        session.score_unit, sets=sets, basis=basis, limits=limits, check_only=bool(problems)
    )
    units: list[tuple[UnitResult, ...]] = []
    try:
        with map_workbooks(task, files, jobs, session.lost_unit, address_space(limits)) as outcomes:
            for outcome in _progress(outcomes, len(files), lang):
                problems.extend(outcome.problems)
                units.append(outcome.results)
    except WorkerLost as error:
        lost_worker(error, "nothing_scored", lang)
    if problems or not sets:
        fail(problems, what="nothing_scored", lang=lang)
    by_set = [[unit[number] for unit in units] for number in range(len(sets))]
    warn(session.warnings_of(r for results in by_set for r in results), lang)
    rollups = tuple(
        roll_up(iset, results, basis) for iset, results in zip(sets, by_set, strict=True)
    )
    write_output(RollUps(rollups), output_format, lang, output)


def _progress(outcomes: Iterator[UnitOutcome], count: int, lang: str) -> Iterator[UnitOutcome]:
    """The outcomes, with a progress bar on stderr when many are read at a terminal."""
    import sys

    if count < 5 or not is_terminal(sys.stderr):
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import track

    from smartserang.i18n import message

    described = message("reading_workbooks", lang)
    yield from track(outcomes, total=count, description=described, console=Console(stderr=True))


@app.command("sets", help=words("help_sets"), cls=LocalCommand)
def list_sets(lang: LangOption = RUN_LANGUAGE) -> None:
    """List the indicator sets shipped with smartserang (their titles in ``lang``)."""
    from smartserang.sets.load import list_shipped_sets

    write_lines(
        [
            "\t".join(printable(str(v)) for v in (info.id, info.version, info.title.get(lang)))
            for info in list_shipped_sets()
        ]
    )


@app.command(help=words("help_schema"), cls=LocalCommand)
def schema(lang: LangOption = RUN_LANGUAGE) -> None:
    """Print the JSON Schema of the indicator-set format (for editors). (``--lang``: every
    command takes it, so it may stand anywhere on the command line.)"""
    import json

    from smartserang.sets.schema import SCHEMA

    write_stdout((json.dumps(SCHEMA, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
