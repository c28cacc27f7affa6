"""``smartserang score``, ``sets`` and ``schema``: scoring a workbook on one or more sets.

The pipeline (loading the sets, reading and checking the workbooks) is in
``smartserang.session``, the outputs in ``report``; this module reads the options, prints
and exits. Heavy modules are imported inside the commands that need them so that
``--help`` stays fast.
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smartserang import session
from smartserang.cli.common import (
    EXIT_BAD_INPUT,
    BasisOption,
    JobsOption,
    LangOption,
    Language,
    LimitOption,
    OutputFormat,
    OutputOption,
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
    stderr,
    warn,
    write_output,
)
from smartserang.cli.streams import is_terminal, printable, write_lines, write_stdout
from smartserang.files import note_input


class DetailOption(enum.StrEnum):
    """Values of ``score --detail``."""

    short = "short"
    full = "full"


if TYPE_CHECKING:
    from smartserang.scoring.levels import Basis
    from smartserang.session import UnitOutcome
    from smartserang.workbook.limits import Limits


@app.command()
def score(
    workbooks: Annotated[
        list[Path],
        typer.Argument(
            help="The inventory workbook (.xlsx, .xls, .xlsb, .ods); several workbooks or a"
            " folder of them are scored side by side and rolled up.",
            show_default=False,
        ),
    ],
    indicator_sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            help="A shipped set's name (see 'smartserang sets') or a path to a set YAML;"
            " repeat to score several sets in one run. Default: spbe-2020.",
            autocompletion=complete_set,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: a summary for people; json: the documented result;"
            " md / html / docx: the gap-analysis report for the master plan (docx: a Word"
            " document, written with --output).",
        ),
    ] = OutputFormat.text,
    basis: Annotated[
        BasisOption,
        typer.Option(
            help="Which index drives 'index' and 'band': verified (claims capped by the"
            " registers) or claimed (the self-assessment as entered)."
        ),
    ] = BasisOption.verified,
    lang: LangOption = Language.id,
    output: OutputOption = None,
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
    detail: Annotated[
        DetailOption,
        typer.Option(
            help="How much of each indicator the md / html / docx report tells: short (the"
            " gap table, priorities and unsupported claims, to paste into the master plan) or"
            " full (also each indicator's next-level criteria and register evidence).",
        ),
    ] = DetailOption.short,
    limit: LimitOption = None,
    jobs: JobsOption = None,
) -> None:
    """Score an inventory workbook: index, predikat, groups, indicators, each claim checked."""
    from fractions import Fraction

    from smartserang.procs import default_jobs
    from smartserang.report.reporter import Detail, Scores

    report_date = parse_date(date)
    limits = parse_limit_options(limit, what="nothing scored")
    references = indicator_sets or ["spbe-2020"]
    with on_bad_input("nothing scored"):
        files = session.workbooks_in(workbooks)
    folders = [w for w in workbooks if os.path.isdir(w)]
    for folder in folders:  # a workbook written into it would be read next time
        note_input(folder, scanned=session.WORKBOOK_SUFFIXES)
    note_inputs(*files)
    note_sets(references)
    guard_outputs({"--output": output}, "nothing scored")
    several = len(files) > 1 or bool(folders)
    if output_format is OutputFormat.docx:
        _check_docx_output(output, several)
    if several:
        _score_units(
            files,
            references,
            output_format.value,
            basis_of(basis),
            lang.value,
            output,
            jobs or default_jobs(),
            limits,
        )
        return
    with on_bad_input("nothing scored"):
        sets, inventory = session.load_inputs(files[0], references, target, limits, jobs)
    results = session.score_sets(sets, inventory)
    warn(session.warnings_of(results))
    index_target = Fraction(str(target)) if target is not None else None
    scores = Scores(
        tuple(results), basis_of(basis), index_target, report_date, Detail(detail.value)
    )
    write_output(scores, output_format.value, lang.value, output)


def _check_docx_output(output: Path | None, several: bool) -> None:
    """A Word document is one workbook's report, written to a file or a redirected stdout."""
    import sys

    if several:
        stderr(
            "smartserang: --format docx is one workbook's appendix; a roll-up of several"
            " workbooks is written as text, json, md or html [usage.format]"
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    if output is None and is_terminal(sys.stdout):
        stderr(
            "smartserang: a Word document is a binary file: give --output lampiran.docx,"
            " or redirect stdout [usage.output]"
        )
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
            for outcome in _progress(outcomes, len(files)):
                problems.extend(outcome.problems)
                units.append(outcome.results)
    except WorkerLost as error:
        lost_worker(error, "nothing scored")
    if problems or not sets:
        fail(problems, what="nothing scored")
    by_set = [[unit[number] for unit in units] for number in range(len(sets))]
    warn(session.warnings_of(r for results in by_set for r in results))
    rollups = tuple(
        roll_up(iset, results, basis) for iset, results in zip(sets, by_set, strict=True)
    )
    write_output(RollUps(rollups), output_format, lang, output)


def _progress(outcomes: Iterator[UnitOutcome], count: int) -> Iterator[UnitOutcome]:
    """The outcomes, with a progress bar on stderr when many are read at a terminal."""
    import sys

    if count < 5 or not is_terminal(sys.stderr):
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(
        outcomes, total=count, description="Reading workbooks", console=Console(stderr=True)
    )


@app.command("sets")
def list_sets() -> None:
    """List the indicator sets shipped with smartserang."""
    from smartserang.sets.load import list_shipped_sets

    write_lines(
        [
            "\t".join(printable(str(v)) for v in (info.id, info.version, info.title.get("id")))
            for info in list_shipped_sets()
        ]
    )


@app.command()
def schema() -> None:
    """Print the JSON Schema of the indicator-set format (for editors)."""
    from smartserang.sets.schema import SCHEMA

    write_stdout((json.dumps(SCHEMA, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
