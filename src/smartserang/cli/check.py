"""``smartserang check`` and ``smartserang baseline``: the score as a CI gate.

``check`` compares workbooks with thresholds and a recorded baseline (exit 0 pass, 1 a
check failed, 2 bad input); ``baseline`` records the scores it compares against. The
pipeline is :mod:`smartserang.session`, the logic :mod:`smartserang.gate`; this module
reads the options and the baseline, prints and exits.
Messages, the lines on stderr and the Markdown summary follow ``--lang`` like every line
of the tool; the problem codes in brackets are the same in both languages, so a CI log
can be searched either way. The JSON report is the same in every language.
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
    RUN_LANGUAGE,
    BasisOption,
    JobsOption,
    LangOption,
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
    say,
    stderr,
)
from smartserang.cli.language import words
from smartserang.cli.usage import LocalCommand
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
        metavar="SET",
        help=words("help_check_set"),
        autocompletion=complete_set,
    ),
]
BasisArgument = Annotated[BasisOption, typer.Option(help=words("help_check_basis"))]
ToleranceOption = Annotated[float, typer.Option(help=words("help_check_tolerance"))]


@app.command(help=words("help_check"), cls=LocalCommand)
def check(
    workbooks: Annotated[
        list[Path],
        typer.Argument(
            metavar=words("metavar_workbooks"),
            help=words("help_check_workbooks"),
            show_default=False,
        ),
    ],
    indicator_sets: SetOption = None,
    min_index: Annotated[float | None, typer.Option(help=words("help_check_min_index"))] = None,
    minimums: Annotated[
        list[str] | None,
        typer.Option("--min", metavar="GROUP=X", help=words("help_check_min")),
    ] = None,
    baseline: Annotated[Path | None, typer.Option(help=words("help_check_baseline"))] = None,
    tolerance: ToleranceOption = 0.005,
    max_unsupported: Annotated[
        int | None, typer.Option(min=0, help=words("help_check_max_unsupported"))
    ] = None,
    min_completeness: Annotated[
        float | None, typer.Option(help=words("help_check_min_completeness"))
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=words("help_check_strict"))] = False,
    basis: BasisArgument = BasisOption.verified,
    summary: Annotated[Path | None, typer.Option(help=words("help_check_summary"))] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=words("help_check_format"))
    ] = CheckFormat.text,
    lang: LangOption = RUN_LANGUAGE,
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

    limits = parse_limit_options(limit, what="nothing_checked", lang=lang)
    references = indicator_sets or ["spbe-2020"]
    note_inputs(*workbooks, baseline)
    note_sets(references)
    guard_outputs({"--summary": summary}, "nothing_checked", lang, appending=True)
    with on_bad_input("nothing_checked", lang):
        thresholds = _thresholds(
            min_index, minimums, max_unsupported, tolerance, min_completeness, strict
        )
        sets = _sets_for_check(references, thresholds)
        chosen = basis_of(basis)
        recorded = (
            None if baseline is None else _baseline_for(baseline, sets, chosen, references, lang)
        )
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
                    stderr(problem.render(lang))
                reports.append(report)
    except WorkerLost as error:
        lost_worker(error, "nothing_checked", lang)
    for report in reports:
        for line in _report_lines(report, lang):
            stderr(line)
    run = CheckRun(tuple(reports), thresholds)
    if summary is not None:
        _append(summary, run, lang)
    if output_format is CheckFormat.json:
        from smartserang.cli.outputs import render_output

        # the JSON report is the same in every language: its messages are English
        emit_bytes(render_output(run, "json", "en"), None, lang)
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
            Problem.error("--tolerance", "usage_tolerance", "usage.tolerance", value=str(tolerance))
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
    problems.append(Problem.error(option, "usage_number", "usage.number", value=str(value)))
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
    path: Path, sets: list[IndicatorSet], basis: Basis, references: list[str], lang: str
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
            problems.append(
                Problem.error(
                    str(path),
                    "baseline_no_entry",
                    "baseline.set",
                    set=iset.id,
                    held=held,
                    options=options,
                    path=str(path),
                )
            )
        elif entry.basis != basis.value:
            problems.append(
                Problem.error(
                    str(path),
                    "baseline_other_basis",
                    "baseline.basis",
                    set=iset.id,
                    recorded=entry.basis,
                    used=basis.value,
                )
            )
        elif entry.sha256 is not None and entry.sha256 != iset.sha256:
            # Not an error: a set revision is expected to move scores, but say so.
            changed = Problem.warning(
                str(path),
                "baseline_set_changed",
                "baseline.set_changed",
                set=iset.id,
                then=str(entry.version),
                now=str(iset.version),
            )
            stderr(changed.render(lang))
    if problems:
        raise InputError(problems)
    return recorded


def _report_lines(report: FileReport, lang: str) -> list[str]:
    from smartserang.gate import render_failures, render_verdict

    return [*render_failures(report, lang), render_verdict(report, lang)]


def _exit_code(reports: list[FileReport]) -> int:
    from smartserang.gate import Outcome

    outcomes = {r.outcome for r in reports}
    if Outcome.UNREADABLE in outcomes:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if Outcome.FAILED in outcomes else EXIT_OK


def _append(path: Path, run: CheckRun, lang: str) -> None:
    """Append the Markdown summary to ``path``: GitHub collects each step's additions.

    Checked again here against every file the run read (an ``extends`` base included).
    """
    from smartserang.cli.outputs import render_output

    guard_outputs({"--summary": path}, "nothing_written", lang, appending=True)
    data = render_output(run, "md", lang)
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
        cannot_write(path, error, lang)


@app.command("baseline", help=words("help_baseline"), cls=LocalCommand)
def record_baseline(
    workbook: Annotated[
        Path, typer.Argument(help=words("help_baseline_workbook"), show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=words("help_baseline_output"), show_default=False),
    ],
    indicator_sets: SetOption = None,
    basis: BasisArgument = BasisOption.verified,
    reason: Annotated[str | None, typer.Option(help=words("help_baseline_reason"))] = None,
    date: Annotated[str | None, typer.Option(help=words("help_baseline_date"))] = None,
    tolerance: ToleranceOption = 0.005,
    lang: LangOption = RUN_LANGUAGE,
    limit: LimitOption = None,
) -> None:
    """Record a workbook's scores as the baseline that 'smartserang check' compares with."""
    import datetime as dt
    from decimal import Decimal

    from smartserang.files import display_name, lock_beside
    from smartserang.gate import build_baseline_data, loosenings, scores_of
    from smartserang.i18n import format_decimal, message
    from smartserang.procs import default_jobs
    from smartserang.report.reporter import json_bytes

    day = parse_date(date, lang) or dt.date.today()  # a record of when: the clock belongs here
    limits = parse_limit_options(limit, what="nothing_recorded", lang=lang)
    references = indicator_sets or ["spbe-2020"]
    note_inputs(workbook)
    # The sets first: the output is compared with every set file they read (the bases
    # they extend too) before it is read as the previous baseline.
    sets, set_problems = session.load_sets(references)
    guard_outputs({"--output": output}, "nothing_recorded", lang)
    with on_bad_input("nothing_recorded", lang):
        allowed = _thresholds(None, None, None, tolerance).tolerance
        if reason is not None and not reason.strip():
            raise InputError([Problem.error("--reason", "usage_reason", "usage.reason")])
        _previous_baseline(output)  # a broken one is said before the workbook is read
    inventory, problems = session.read_checked(workbook, sets, limits, default_jobs())
    if set_problems or problems or inventory is None or not sets:
        fail([*set_problems, *problems], what="nothing_scored", lang=lang)
    results = session.score_sets(sets, inventory)
    chosen = basis_of(basis)
    # Read, compared and written under the file's lock: of two runs at once, the second
    # reads the baseline the first wrote, and keeps its history entry.
    try:
        with lock_beside(output):
            with on_bad_input("nothing_recorded", lang):
                previous = _previous_baseline(output)
            if previous is not None and reason is None:
                scores = [scores_of(r, chosen) for r in results]
                lowered = loosenings(previous, scores, allowed, lang)
                if lowered:
                    _refuse(output, lowered, lang)
            data = build_baseline_data(results, chosen, day, reason and reason.strip(), previous)
            for entry in data["results"]:
                say(
                    lang,
                    "baseline_recorded",
                    set=entry["indicator_set"]["id"],
                    index=format_decimal(Decimal(f"{entry['index_rounded']:.2f}"), lang),
                    basis=message(f"check_basis_{chosen.value}", lang),
                    workbook=display_name(workbook),
                )
            emit_bytes(json_bytes(data), output, lang)
    except OSError as error:  # the folder takes no lock file
        cannot_write(output, error, lang)


def _previous_baseline(output: Path) -> Baseline | None:
    """The baseline already at ``output``, if there is one; ``InputError`` when it is
    broken."""
    return _read_baseline(output) if os.path.exists(output) else None


def _refuse(output: Path, lowered: list[str], lang: str) -> None:
    say(lang, "baseline_lower", path=str(output))
    for line in lowered:
        stderr(f"{output}: {line}")
    say(lang, "baseline_give_reason")
    raise typer.Exit(EXIT_FAILED)
