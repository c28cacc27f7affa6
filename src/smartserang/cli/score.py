"""``smartserang score``, ``sets`` and ``schema``: scoring a workbook on one or more sets.

Heavy modules (the workbook reader, rich rendering, reports) are imported inside the
commands that need them so that ``--help`` stays fast.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from smartserang.cli.common import (
    EXIT_BAD_INPUT,
    BasisOption,
    Language,
    LimitOption,
    OutputFormat,
    app,
    emit,
    fail,
    parse_date,
    parse_limit_options,
    stderr,
)
from smartserang.problems import InputError, Problem

if TYPE_CHECKING:
    from smartserang.model import IndicatorSet, Inventory
    from smartserang.procs import WorkerLost
    from smartserang.scoring.levels import Basis, SetResult
    from smartserang.scoring.rollup import UnitResult
    from smartserang.workbook.limits import Limits

JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        show_default=False,
        help="With several workbooks: how many are read at once, each in its own process;"
        " with one, how many of its large register sheets are read at once."
        " Default: every CPU this process may use; 1 reads everything in this process.",
    ),
]


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
        ),
    ] = None,
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
    limit: LimitOption = None,
    jobs: JobsOption = None,
) -> None:
    """Score an inventory workbook: index, predikat, groups, indicators, each claim checked."""
    from smartserang.procs import default_jobs
    from smartserang.scoring.levels import Basis, score_inventory

    report_date = parse_date(date)
    limits = parse_limit_options(limit, what="nothing scored")
    references = indicator_sets or ["spbe-2020"]
    files = _expand(workbooks)
    if len(files) > 1 or any(w.is_dir() for w in workbooks):
        _score_units(
            files,
            references,
            output_format,
            Basis(basis.value),
            lang.value,
            output,
            jobs or default_jobs(),
            limits,
        )
        return
    sets, inventory = load_inputs(files[0], references, target, limits, jobs)
    results = [score_inventory(iset, inventory) for iset in sets]
    seen: set[str] = set()
    for result in results:
        for warning in result.warnings:
            if str(warning) not in seen:  # workbook warnings would repeat once per set
                seen.add(str(warning))
                stderr(str(warning))
    chosen = Basis(basis.value)
    lang_code = lang.value
    if output_format is OutputFormat.text:
        _emit_summary(results, chosen, lang_code, output)
        return
    from fractions import Fraction

    from smartserang.scoring.analysis import analyse, resolve_targets

    index_target = Fraction(str(target)) if target is not None else None
    analyses = [analyse(r, resolve_targets(r, index_target)) for r in results]
    if output_format is OutputFormat.json:
        from smartserang.report.json_data import build_output_data

        data = build_output_data(results, analyses, chosen, lang_code)
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        return
    from smartserang.report.build import build_report_view
    from smartserang.report.render import render_report

    several = len(results) > 1
    views = [
        build_report_view(
            result,
            analysis,
            basis=chosen,
            lang=lang_code,
            date=report_date,
            prefix=f"{result.indicator_set.id}-" if several else "",
        )
        for result, analysis in zip(results, analyses, strict=True)
    ]
    emit(render_report(views, output_format.value), output)


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def _expand(paths: list[Path]) -> list[Path]:
    """Workbook files from files and folders (a folder's workbooks in name order)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith(("~$", "."))
            )
            if not found:
                fail((Problem(str(path), "no workbooks in this folder", "usage.folder"),))
            files.extend(found)
        else:
            files.append(path)
    return files


@dataclass(frozen=True)
class UnitOutcome:
    """What scoring one workbook of a roll-up gives back: its problems or its results."""

    problems: tuple[Problem, ...]
    """Every problem in the workbook; when any, nothing was scored."""
    results: tuple[UnitResult, ...]
    """One per set, in ``--set`` order."""


def score_unit(
    path: Path,
    sets: list[IndicatorSet],
    basis: Basis,
    *,
    limits: Limits | None = None,
    check_only: bool = False,
) -> UnitOutcome:
    """Read and score one workbook of a roll-up, keeping only what the roll-up reads.

    Runs in a worker process: it returns no inventory, so what travels back to the parent
    (and stays there) is a few kilobytes per workbook. ``check_only`` reads and checks
    without scoring (for a run that fails anyway).
    """
    from smartserang.scoring.levels import score_inventory
    from smartserang.scoring.rollup import unit_result

    inventory, problems = read_checked(path, sets, limits)
    if problems or inventory is None or check_only:
        return UnitOutcome(tuple(problems), ())
    return UnitOutcome((), tuple(unit_result(score_inventory(s, inventory), basis) for s in sets))


def _score_units(
    files: list[Path],
    references: list[str],
    output_format: OutputFormat,
    basis: Basis,
    lang: str,
    output: Path | None,
    jobs: int,
    limits: Limits,
) -> None:
    """Score several workbooks on each set, side by side, and roll them up."""
    from functools import partial

    from smartserang.procs import WorkerLost, map_workbooks
    from smartserang.scoring.rollup import roll_up

    sets, problems = load_sets(references, None)
    # The sets are loaded once, here: forked workers inherit them. With a broken set the
    # workbooks are still read, for their own problems, but not scored.
    task = partial(score_unit, sets=sets, basis=basis, limits=limits, check_only=bool(problems))
    units: list[tuple[UnitResult, ...]] = []
    try:
        with map_workbooks(task, files, jobs) as outcomes:
            for outcome in _progress(outcomes, len(files)):
                problems.extend(outcome.problems)
                units.append(outcome.results)
    except WorkerLost as error:
        lost_worker(error, "nothing scored")
    if problems or not sets:
        fail(tuple(problems))
    seen: set[str] = set()
    rollups = []
    for number, iset in enumerate(sets):
        results = [unit[number] for unit in units]
        for warning in (w for r in results for w in r.warnings):
            if str(warning) not in seen:
                seen.add(str(warning))
                stderr(str(warning))
        rollups.append(roll_up(iset, results, basis))
    if output_format is OutputFormat.json:
        from smartserang.report.json_data import build_rollup_data

        data = build_rollup_data(rollups, lang)
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        return
    from smartserang.report.rollupview import build_rollup_view

    several = len(rollups) > 1
    views = [
        build_rollup_view(r, lang, f"{r.indicator_set.id}-" if several else "") for r in rollups
    ]
    if output_format is OutputFormat.text:
        from smartserang.cli.terminal import render_rollup, rollup_text

        if output is not None:
            emit("\n".join(rollup_text(v) for v in views), output)
            return
        from rich.console import Console

        for view in views:
            Console(markup=False).print(render_rollup(view))
        return
    from smartserang.report.render import render_rollup as render_document

    emit(render_document(views, output_format.value), output)


def lost_worker(error: WorkerLost, what: str) -> NoReturn:
    """Say a worker process died (which no workbook error explains) and exit 2."""
    stderr(f"smartserang: {error}; {what} [batch.worker]")
    stderr("smartserang: with --jobs 1 the workbooks are read in this process, one by one.")
    raise typer.Exit(EXIT_BAD_INPUT)


def _progress(outcomes: Iterator[UnitOutcome], count: int) -> Iterator[UnitOutcome]:
    """The outcomes, with a progress bar on stderr when many are read at a terminal."""
    import sys

    if count < 5 or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(
        outcomes, total=count, description="Reading workbooks", console=Console(stderr=True)
    )


def load_inputs(
    workbook: Path,
    references: list[str],
    target: float | None,
    limits: Limits | None = None,
    workers: int | None = None,
) -> tuple[list[IndicatorSet], Inventory]:
    """The sets and the inventory, or exit 2 with every problem of all of them.

    ``workers``: processes the read may use (default: every CPU this process may use).
    """
    from smartserang.procs import default_jobs
    from smartserang.workbook.limits import DEFAULTS
    from smartserang.workbook.reader import Reading

    # The sets load while the workbook's sheets are scanned (and its large sheets read by
    # other processes).
    inventory: Inventory | None = None
    found: list[Problem] = []  # the workbook's problems, after the sets'
    try:
        reading: Reading | None = Reading(
            workbook,
            display=str(workbook),
            limits=limits or DEFAULTS,
            workers=workers or default_jobs(),
        )
    except InputError as error:
        reading, found = None, list(error.problems)
    with reading or contextlib.nullcontext():
        sets, problems = load_sets(references, target)
        if reading is not None:
            try:
                inventory = reading.finish()
            except InputError as error:
                found = list(error.problems)
    problems.extend(found)
    if inventory is not None:
        problems.extend(_check_against_sets(inventory, sets))
    if problems or inventory is None or not sets:
        fail(tuple(problems))
    return sets, inventory


def load_sets(
    references: list[str], target: float | None
) -> tuple[list[IndicatorSet], list[Problem]]:
    """The indicator sets named by ``--set``, and every problem loading them."""
    from smartserang.sets.load import load_indicator_set

    problems: list[Problem] = []
    sets: list[IndicatorSet] = []
    for reference in references:
        try:
            sets.append(load_indicator_set(reference))
        except InputError as error:
            problems.extend(error.problems)
    ids = [s.id for s in sets]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem("--set", f"set {duplicate!r} is given twice", "usage.set"))
    for iset in sets:
        problems.extend(_check_target_option(target, iset))
    return sets, problems


def read_checked(
    workbook: Path, sets: list[IndicatorSet], limits: Limits | None = None, workers: int = 1
) -> tuple[Inventory | None, list[Problem]]:
    """One workbook, and every problem in it, including rows the sets cannot place.

    ``limits``: what the workbook may hold (default: ``smartserang.workbook.limits.DEFAULTS``);
    ``workers``: how many processes the read may use (one in a batch's worker).
    """
    from smartserang.workbook.limits import DEFAULTS
    from smartserang.workbook.reader import read_inventory

    try:
        inventory = read_inventory(
            workbook, display=str(workbook), limits=limits or DEFAULTS, workers=workers
        )
    except InputError as error:
        return None, list(error.problems)
    return inventory, _check_against_sets(inventory, sets)


def _ids_of(iset: IndicatorSet) -> set[str]:
    items = {i.id for i in iset.indicators()} | {g.id for g in iset.walk_groups()}
    return items | {iset.id}


def _check_against_sets(inventory: Inventory, sets: list[IndicatorSet]) -> list[Problem]:
    """Penilaian and Target rows that no set (scored now or shipped) can place."""
    from smartserang.scoring.analysis import check_targets
    from smartserang.scoring.levels import check_claims

    if not sets:
        return []
    every_id = set().union(*(_ids_of(s) for s in sets))

    def check(elsewhere: set[str]) -> list[Problem]:
        found: list[Problem] = []
        for iset in sets:
            others = elsewhere - _ids_of(iset)
            found.extend(check_claims(iset, inventory, others))
            found.extend(check_targets(iset, inventory, others))
        return found

    found = check(every_id)
    if found:
        # Rows may belong to a shipped set not scored in this run: not errors.
        from smartserang.sets.load import shipped_ids

        found = check(every_id | shipped_ids())
    return found


def _emit_summary(results: list[SetResult], basis: Basis, lang: str, output: Path | None) -> None:
    from smartserang.cli.terminal import render_summary, summary_text

    if output is not None:
        emit("\n".join(summary_text(r, basis, lang) for r in results), output)
        return
    from rich.console import Console
    from rich.rule import Rule

    console = Console(markup=False)  # inventory text may hold [brackets]: never markup
    for number, result in enumerate(results):
        if number:
            console.print(Rule())
        console.print(render_summary(result, basis, lang))


def _check_target_option(target: float | None, iset: IndicatorSet) -> list[Problem]:
    if target is None:
        return []
    low = min(s.minimum for s in iset.scales.values())
    high = max(s.maximum for s in iset.scales.values())
    if low <= target <= high:
        return []
    message = f"--target {target:g} is outside the scale of set {iset.id!r} ({low}–{high})"
    return [Problem("--target", message, "usage.target")]


@app.command("sets")
def list_sets() -> None:
    """List the indicator sets shipped with smartserang."""
    from smartserang.sets.load import list_shipped_sets

    for info in list_shipped_sets():
        typer.echo(f"{info.id}\t{info.version}\t{info.title.get('id')}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the indicator-set format (for editors)."""
    from smartserang.sets.schema import SCHEMA

    typer.echo(json.dumps(SCHEMA, indent=2, ensure_ascii=False))
