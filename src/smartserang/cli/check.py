"""``smartserang check`` and ``smartserang baseline``: the score as a CI gate.

``check`` compares workbooks with thresholds and a recorded baseline (exit 0 pass, 1 a
check failed, 2 bad input); ``baseline`` records the scores it compares against. The
pipeline is :mod:`smartserang.session`, the logic :mod:`smartserang.gate`; this module
reads the options and the baseline, prints and exits.
Messages are English only, like every diagnostic of the tool: they are read in CI logs
next to the located input errors, which are English too.
"""

from __future__ import annotations

import contextlib
import enum
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smartserang import session
from smartserang.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    BasisOption,
    JobsOption,
    LimitOption,
    app,
    basis_of,
    cannot_write,
    complete_set,
    emit_bytes,
    fail,
    guard_outputs,
    lost_worker,
    note_inputs,
    note_sets,
    on_bad_input,
    parse_date,
    parse_limit_options,
    stderr,
    write_output,
)
from smartserang.problems import InputError, Problem

if TYPE_CHECKING:
    from decimal import Decimal

    from smartserang.gate import Baseline, CheckRun, FileReport, Thresholds
    from smartserang.model import IndicatorSet
    from smartserang.scoring.levels import Basis


class CheckFormat(enum.StrEnum):
    """Formats of ``smartserang check`` on stdout."""

    text = "text"
    json = "json"


SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        "-s",
        help="A shipped set's name or a path to a set YAML; repeat for several sets"
        " (each is checked or recorded on its own). Default: spbe-2020.",
        autocompletion=complete_set,
    ),
]
BasisArgument = Annotated[
    BasisOption,
    typer.Option(help="Which scores are checked or recorded: verified or claimed."),
]
ToleranceOption = Annotated[
    float,
    typer.Option(
        help="How far a rounded score may fall below the baseline's and still pass"
        " (the default fails any fall of the shown two-decimal value)."
    ),
]


@app.command()
def check(
    workbooks: Annotated[
        list[Path],
        typer.Argument(
            help="Inventory workbooks; each is checked, and the run fails if any fails"
            " (so the pre-commit hook can pass the changed files).",
            show_default=False,
        ),
    ],
    indicator_sets: SetOption = None,
    min_index: Annotated[
        float | None,
        typer.Option(help="Fail when the rounded index (as reports show it) is below this."),
    ] = None,
    minimums: Annotated[
        list[str] | None,
        typer.Option(
            "--min",
            metavar="GROUP=X",
            help="Fail when a group's rounded score is below X, e.g. D3=1.5; repeatable."
            " Applies to the sets that have the group.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="A file from 'smartserang baseline' (or 'score --format json'): fail when"
            " the index or any group fell beyond --tolerance.",
        ),
    ] = None,
    tolerance: ToleranceOption = 0.005,
    max_unsupported: Annotated[
        int | None,
        typer.Option(min=0, help="Fail when more claims than this outrun the registers."),
    ] = None,
    min_completeness: Annotated[
        float | None,
        typer.Option(
            help="Fail when a register decides less of the index than this share (0-1),"
            " rounded as reports show it, e.g. 0.6."
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Fail on any workbook warning, not only on those that can change a score.",
        ),
    ] = False,
    basis: BasisArgument = BasisOption.verified,
    summary: Annotated[
        Path | None,
        typer.Option(
            help='Append a Markdown summary to this file (e.g. "$GITHUB_STEP_SUMMARY").',
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="text: nothing on stdout; json: a report of every check."
        ),
    ] = CheckFormat.text,
    limit: LimitOption = None,
    jobs: JobsOption = None,
) -> None:
    """Check workbooks against thresholds and a baseline: exit 0 pass, 1 fail, 2 bad input.

    A warning that can change a score (a claim left unverified because fields it needs are
    blank, names not counted) always fails; --strict fails on any warning.
    """
    from functools import partial

    from smartserang.gate import CheckRun
    from smartserang.procs import WorkerLost, default_jobs, map_workbooks
    from smartserang.workbook.limits import address_space

    limits = parse_limit_options(limit, what="nothing checked")
    references = indicator_sets or ["spbe-2020"]
    note_inputs(*workbooks, baseline)
    note_sets(references)
    guard_outputs({"--summary": summary}, "nothing checked", appending=True)
    with on_bad_input("nothing checked"):
        thresholds = _thresholds(
            min_index, minimums, max_unsupported, tolerance, min_completeness, strict
        )
        sets = _sets_for_check(references, thresholds)
        chosen = basis_of(basis)
        recorded = None if baseline is None else _baseline_for(baseline, sets, chosen, references)
    task = partial(
        session.check_unit,
        sets=sets,
        thresholds=thresholds,
        recorded=recorded,
        basis=chosen,
        limits=limits,
        # one workbook is read in this process, which may then read its sheets in parallel
        workers=(jobs or default_jobs()) if len(workbooks) == 1 else 1,
    )
    reports: list[FileReport] = []
    try:
        jobs = jobs or default_jobs()
        with map_workbooks(
            task, workbooks, jobs, session.lost_check, address_space(limits)
        ) as checked:
            for problems, report in checked:
                for problem in problems:
                    stderr(str(problem))
                reports.append(report)
    except WorkerLost as error:
        lost_worker(error, "nothing checked")
    for report in reports:
        for line in _report_lines(report):
            stderr(line)
    run = CheckRun(tuple(reports), thresholds)
    if summary is not None:
        _append(summary, run)
    if output_format is CheckFormat.json:
        write_output(run, "json", "en", None)
    raise typer.Exit(_exit_code(reports))


def _thresholds(
    min_index: float | None,
    minimums: list[str] | None,
    max_unsupported: int | None,
    tolerance: float,
    min_completeness: float | None = None,
    strict: bool = False,
) -> Thresholds:
    """The options as exact decimals; ``InputError`` naming every bad one."""
    from smartserang.gate import Thresholds, parse_minimum

    problems: list[Problem] = []
    pairs: list[tuple[str, Decimal]] = []
    for text in minimums or []:
        try:
            pairs.append(parse_minimum(text))
        except InputError as error:
            problems.extend(error.problems)
    index = _finite("--min-index", min_index, problems) if min_index is not None else None
    allowed = _finite("--tolerance", tolerance, problems)
    if allowed is not None and allowed < 0:
        problems.append(
            Problem("--tolerance", f"must be 0 or more, got {tolerance}", "usage.tolerance")
        )
    share = None
    if min_completeness is not None:
        share = _finite("--min-completeness", min_completeness, problems)
        if share is not None and not 0 <= share <= 1:
            problems.append(
                Problem.error(
                    "--min-completeness",
                    "usage_completeness",
                    "usage.completeness",
                    value=str(min_completeness),
                )
            )
    if problems or allowed is None:
        raise InputError(problems)
    return Thresholds(index, tuple(pairs), max_unsupported, allowed, strict, share)


def _finite(option: str, value: float, problems: list[Problem]) -> Decimal | None:
    from decimal import Decimal

    # Through str(): the float 3.1 becomes Decimal('3.1'), not 3.100000000000000088….
    number = Decimal(str(value))
    if number.is_finite():
        return number
    problems.append(Problem(option, f"must be a number, got {value}", "usage.number"))
    return None


def _sets_for_check(references: list[str], thresholds: Thresholds) -> list[IndicatorSet]:
    """The sets, loaded once for every workbook; ``InputError`` for a broken set or an
    unknown ``--min`` id."""
    from smartserang.gate import unknown_minimums

    sets, problems = session.load_sets(references)
    group_ids = {s.id: [g.id for g in s.walk_groups()] for s in sets}
    if not problems:
        problems.extend(unknown_minimums(thresholds.minimums, group_ids))
    if problems or not sets:
        raise InputError(problems)
    return sets


def _read_baseline(path: Path) -> Baseline:
    """A baseline file; ``InputError`` with its located problems."""
    from smartserang.files import display_name, read_text
    from smartserang.gate import parse_baseline

    return parse_baseline(read_text(path, "baseline.read"), display_name(path))


def _baseline_for(
    path: Path, sets: list[IndicatorSet], basis: Basis, references: list[str]
) -> Baseline:
    """The baseline, which must hold every checked set on the checked basis (else
    ``InputError``)."""
    recorded = _read_baseline(path)
    problems: list[Problem] = []
    held = ", ".join(s.set_id for s in recorded.sets)
    options = " ".join(f"--set {r}" for r in references)
    for iset in sets:
        entry = recorded.get(iset.id)
        if entry is None:
            message = (
                f"no entry for set {iset.id!r} (it holds: {held}); record one with"
                f" 'smartserang baseline WORKBOOK {options} -o {path}'"
            )
            problems.append(Problem(str(path), message, "baseline.set"))
        elif entry.basis != basis.value:
            message = (
                f"set {iset.id!r} was recorded on basis {entry.basis!r}, the check uses"
                f" {basis.value!r}; pass --basis {entry.basis} or record a new baseline"
            )
            problems.append(Problem(str(path), message, "baseline.basis"))
        elif entry.sha256 is not None and entry.sha256 != iset.sha256:
            # Not an error: a set revision is expected to move scores, but say so.
            stderr(
                f"{path}: warning: set {iset.id!r} changed since the baseline (version"
                f" {entry.version} then, {iset.version} now); scores may not compare"
                " [baseline.set_changed]"
            )
    if problems:
        raise InputError(problems)
    return recorded


def _report_lines(report: FileReport) -> list[str]:
    from smartserang.gate import render_failures, render_verdict

    return [*render_failures(report), render_verdict(report)]


def _exit_code(reports: list[FileReport]) -> int:
    from smartserang.gate import Outcome

    outcomes = {r.outcome for r in reports}
    if Outcome.UNREADABLE in outcomes:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if Outcome.FAILED in outcomes else EXIT_OK


def _append(path: Path, run: CheckRun) -> None:
    """Append the Markdown summary to ``path``: GitHub collects each step's additions.

    Checked again here against every file the run read (an ``extends`` base included).
    """
    from smartserang.report.reporter import render_output

    guard_outputs({"--summary": path}, "nothing written", appending=True)
    data = render_output(run, "md", "en")
    existed = os.path.lexists(path)
    try:
        with path.open("ab") as stream:
            start = stream.tell()
            try:
                stream.write(data)
                stream.flush()
            except OSError:
                # complete or absent: a disk that filled up midway keeps no half summary
                with contextlib.suppress(OSError):
                    stream.truncate(start)
                raise
    except OSError as error:
        if not existed:
            with contextlib.suppress(OSError):
                path.unlink()
        cannot_write(path, error)


@app.command("baseline")
def record_baseline(
    workbook: Annotated[
        Path, typer.Argument(help="The inventory workbook to record.", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The baseline file (written atomically); an existing one is compared first.",
            show_default=False,
        ),
    ],
    indicator_sets: SetOption = None,
    basis: BasisArgument = BasisOption.verified,
    reason: Annotated[
        str | None,
        typer.Option(
            help="Why a lower baseline is accepted; required when any value drops, and kept"
            " in the file's history with the date and the workbook's SHA-256."
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Date of the record (YYYY-MM-DD); default: today.")
    ] = None,
    tolerance: ToleranceOption = 0.005,
    limit: LimitOption = None,
) -> None:
    """Record a workbook's scores as the baseline that 'smartserang check' compares with."""
    import datetime as dt

    from smartserang.files import display_name, lock_beside
    from smartserang.gate import build_baseline_data, loosenings, scores_of
    from smartserang.procs import default_jobs
    from smartserang.report.reporter import json_bytes

    day = parse_date(date) or dt.date.today()  # a record of when: the clock belongs here
    limits = parse_limit_options(limit, what="nothing recorded")
    references = indicator_sets or ["spbe-2020"]
    note_inputs(workbook)
    # The sets first: the output is compared with every set file they read (the bases
    # they extend too) before it is read as the previous baseline.
    sets, set_problems = session.load_sets(references)
    guard_outputs({"--output": output}, "nothing recorded")
    with on_bad_input("nothing recorded"):
        allowed = _thresholds(None, None, None, tolerance).tolerance
        if reason is not None and not reason.strip():
            raise InputError([Problem("--reason", "must not be empty", "usage.reason")])
        _previous_baseline(output)  # a broken one is said before the workbook is read
    inventory, problems = session.read_checked(workbook, sets, limits, default_jobs())
    if set_problems or problems or inventory is None or not sets:
        fail([*set_problems, *problems], what="nothing scored")
    results = session.score_sets(sets, inventory)
    chosen = basis_of(basis)
    # Read, compared and written under the file's lock: of two runs at once, the second
    # reads the baseline the first wrote, and keeps its history entry.
    try:
        with lock_beside(output):
            with on_bad_input("nothing recorded"):
                previous = _previous_baseline(output)
            if previous is not None and reason is None:
                lowered = loosenings(previous, [scores_of(r, chosen) for r in results], allowed)
                if lowered:
                    _refuse(output, lowered)
            data = build_baseline_data(results, chosen, day, reason and reason.strip(), previous)
            for entry in data["results"]:
                stderr(
                    f"smartserang: baseline {entry['indicator_set']['id']} index"
                    f" {entry['index_rounded']:.2f} ({chosen.value}) from {display_name(workbook)}"
                )
            emit_bytes(json_bytes(data), output)
    except OSError as error:  # the folder takes no lock file
        cannot_write(output, error)


def _previous_baseline(output: Path) -> Baseline | None:
    """The baseline already at ``output``, if there is one; ``InputError`` when it is
    broken."""
    return _read_baseline(output) if os.path.exists(output) else None


def _refuse(output: Path, lowered: list[str]) -> None:
    stderr(f"smartserang: the new baseline is lower than {output}; not written:")
    for line in lowered:
        stderr(f"{output}: {line}")
    stderr('smartserang: give --reason "…" to record it anyway (kept in its history).')
    raise typer.Exit(EXIT_FAILED)
