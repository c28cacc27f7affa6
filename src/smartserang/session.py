"""The pipeline every command shares: the indicator sets named by ``--set``, each loaded
once, and workbooks read and checked against them.

Steps, in the order a run takes them:

- ``workbooks_in``: the workbook files of the paths given (a folder's, in name order);
- ``load_sets``: the sets, with every problem loading them (and ``--target`` outside a scale);
- ``read_checked``: one workbook, with every problem in it, including Penilaian and Target
  rows that no set can place and sheets or headers left unread that a set needs
  (``check_against_sets``), also when the workbook has other errors: all in one run;
- ``read_inputs``: the sets and workbooks together, the sets loading while the first
  workbook's sheets are scanned; ``load_inputs`` for one workbook, raising;
- ``score_unit`` and ``check_unit``: one workbook of a roll-up or a check, read and scored
  in a worker process, giving back only what the parent keeps.

Bad input is located ``Problem`` values: returned where the caller goes on to collect more
(a roll-up reads every workbook), else raised as one ``InputError`` carrying all of them.
Nothing here prints or decides an exit code (the commands in ``cli`` do), and the heavy
modules are imported inside the functions, so that importing this one costs nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from smartserang.files import display_name
from smartserang.problems import InputError, Param, Problem, Severity

if TYPE_CHECKING:
    from smartserang.gate import Baseline, FileReport, Thresholds
    from smartserang.model import Condition, IndicatorSet, Inventory, RowReference
    from smartserang.scoring.levels import Basis, SetResult
    from smartserang.scoring.rollup import UnitResult
    from smartserang.workbook.limits import Limits

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
"""The files a folder's workbooks are told by (and ``diff`` tells a workbook from JSON)."""


def workbooks_in(paths: Iterable[Path]) -> list[Path]:
    """Workbook files from files and folders: a folder's workbooks in name order.

    Raises ``InputError`` naming every folder that holds none.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if not os.path.isdir(path):  # False, not an error, for a name too long
            files.append(path)
            continue
        found = sorted(
            p
            for p in path.iterdir()
            if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith(("~$", "."))
        )
        if not found:
            problems.append(
                Problem.error(display_name(path), "folder_no_workbooks", "usage.folder")
            )
        files.extend(found)
    if problems:
        raise InputError(problems)
    return files


def load_sets(
    references: Sequence[str], target: float | None = None
) -> tuple[list[IndicatorSet], list[Problem]]:
    """The sets named by ``--set`` (shipped names or paths), each loaded once, and every
    problem: in their files, a set given twice, ``target`` outside a set's scale."""
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
        problems.append(Problem.error("--set", "set_given_twice", "usage.set", id=duplicate))
    for iset in sets:
        problems.extend(_target_problems(target, iset))
    return sets, problems


def _target_problems(target: float | None, iset: IndicatorSet) -> list[Problem]:
    if target is None:
        return []
    low = min(s.minimum for s in iset.scales.values())
    high = max(s.maximum for s in iset.scales.values())
    if low <= target <= high:
        return []
    shown = f"{target:g}"  # as typed; a plain decimal takes the reader's decimal mark
    value: Param = Decimal(shown) if re.fullmatch(r"-?\d+(\.\d+)?", shown) else shown
    return [
        Problem.error(
            "--target", "target_outside_scale", "usage.target",
            target=value, id=iset.id, low=low, high=high,
        )
    ]  # fmt: skip


def read_checked(
    workbook: Path,
    sets: Sequence[IndicatorSet],
    limits: Limits | None = None,
    workers: int = 1,
) -> tuple[Inventory | None, list[Problem]]:
    """One workbook, and every problem in it, including rows the sets cannot place.

    ``limits``: what the workbook may hold (default: ``smartserang.workbook.limits.DEFAULTS``);
    ``workers``: how many processes the read may use (one in a worker of a batch).
    """
    from smartserang.workbook.limits import DEFAULTS
    from smartserang.workbook.reader import read_inventory

    try:
        inventory = read_inventory(
            workbook, display=display_name(workbook), limits=limits or DEFAULTS, workers=workers
        )
    except InputError as error:
        return None, with_set_problems(error, sets)
    return inventory, check_against_sets(inventory, sets)


def with_set_problems(error: InputError, sets: Sequence[IndicatorSet]) -> list[Problem]:
    """The problems of a workbook that could not be read, with those the sets see in what
    could be (an unknown indicator id beside a bad cell): all in one run. A problem the
    sets see at a cell the reader already reported (a blank required cell read as no
    id) is the same fault again, and left out."""
    from smartserang.workbook.reader import PartialRead

    problems = list(error.problems)
    if not isinstance(error, PartialRead) or not sets:
        return problems
    more = check_against_sets(error.inventory, sets)
    promoted = {str(p) for p in more if p.severity is Severity.ERROR}
    reported = {p.location for p in problems if p.severity is Severity.ERROR}
    more = [p for p in more if p.severity is Severity.ERROR and p.location not in reported]
    errors = [p for p in problems if p.severity is Severity.ERROR]
    rest = [p for p in problems if p.severity is not Severity.ERROR]
    rest = [p for p in rest if not _promoted(p, error.inventory, promoted)]
    return [*errors, *more, *rest]


@dataclass(frozen=True)
class Inputs:
    """The sets of a run and its workbooks, each read and checked against them."""

    sets: tuple[IndicatorSet, ...]
    """The sets that loaded, in ``--set`` order."""
    set_problems: tuple[Problem, ...]
    """Every problem of the sets (see ``load_sets``)."""
    inventories: tuple[Inventory | None, ...]
    """Per workbook, in the order given: its inventory, or None when it cannot be read."""
    problems: tuple[tuple[Problem, ...], ...]
    """Per workbook: every problem in it, including rows the sets cannot place."""


def read_inputs(
    workbooks: Sequence[Path],
    references: Sequence[str],
    target: float | None = None,
    limits: Limits | None = None,
    workers: int | None = None,
) -> Inputs:
    """The sets and the workbooks, every problem of each kept as a value.

    The sets load while the first workbook's sheets are scanned (and its large sheets read
    by other processes); the others are read after. ``workers``: processes a read may use
    (default: every CPU this process may use).
    """
    from smartserang.procs import default_jobs
    from smartserang.workbook.limits import DEFAULTS
    from smartserang.workbook.reader import Reading

    limits = limits or DEFAULTS
    workers = workers or default_jobs()
    first: Inventory | None = None
    found: list[Problem] = []
    failure = InputError(())
    try:
        reading: Reading | None = Reading(
            workbooks[0], display=display_name(workbooks[0]), limits=limits, workers=workers
        )
    except InputError as error:
        reading, found = None, list(error.problems)
    with reading or contextlib.nullcontext():
        sets, set_problems = load_sets(references, target)
        if reading is not None:
            try:
                first = reading.finish()
            except InputError as error:
                found, failure = list(error.problems), error
    if first is not None:
        found = check_against_sets(first, sets)
    elif reading is not None and found:
        found = with_set_problems(failure, sets)
    read = [(first, found)]
    read.extend(read_checked(path, sets, limits, workers) for path in workbooks[1:])
    return Inputs(
        tuple(sets),
        tuple(set_problems),
        tuple(inventory for inventory, _ in read),
        tuple(tuple(problems) for _, problems in read),
    )


def load_inputs(
    workbook: Path,
    references: Sequence[str],
    target: float | None = None,
    limits: Limits | None = None,
    workers: int | None = None,
) -> tuple[list[IndicatorSet], Inventory]:
    """The sets and one workbook, checked against each other (see ``read_inputs``);
    ``InputError`` with every problem of all of them, the sets' first."""
    inputs = read_inputs([workbook], references, target, limits, workers)
    (inventory,) = inputs.inventories
    problems = [*inputs.set_problems, *inputs.problems[0]]
    if problems or inventory is None or not inputs.sets:
        raise InputError(problems)
    return list(inputs.sets), inventory


def check_against_sets(inventory: Inventory, sets: Sequence[IndicatorSet]) -> list[Problem]:
    """Penilaian and Target rows that no set (scored now or shipped) can place, and the
    sheets and headers left unread that resemble a sheet or column a set reads and the
    workbook lacks (``Inventory.near_misses``): each an error naming the fix."""
    from smartserang.scoring.analysis import check_targets
    from smartserang.scoring.levels import check_claims

    if not sets:
        return []
    missed = _needed_misses(inventory, sets)
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
    return [*missed, *found]


def _needed_misses(inventory: Inventory, sets: Sequence[IndicatorSet]) -> list[Problem]:
    """The error of each near miss that a set needs: a sheet the workbook lacks, or a
    column its register (or Profil) lacks."""
    needed = set().union(*(needs(s) for s in sets))
    errors = []
    for near in inventory.near_misses:
        register = inventory.register(near.sheet)
        if near.column is None:
            lacking = register is None and near.sheet != "profil" and (near.sheet, None) in needed
        elif near.sheet == "profil":
            lacking = getattr(inventory.profile, near.column) is None
            lacking = lacking and (near.sheet, near.column) in needed
        else:
            lacking = register is not None and near.column not in register.columns
            lacking = lacking and (near.sheet, near.column) in needed
        if lacking:
            errors.append(near.error)
    return errors


def _promoted(problem: Problem, inventory: Inventory, errors: set[str]) -> bool:
    """Whether ``problem`` is a near miss's warning whose error is among ``errors``."""
    return any(
        near.warning == problem and str(near.error) in errors for near in inventory.near_misses
    )


def _references(conditions: Iterable[Condition]) -> Iterator[RowReference]:
    """The rows of other sheets that ``conditions`` name (``names_row_of``), nested too."""
    from smartserang.model import RowReference

    for condition in conditions:
        if isinstance(condition.value, RowReference):
            yield condition.value
            yield from _references(condition.value.where)
        for alternative in condition.alternatives:
            yield from _references(alternative)


def needs(iset: IndicatorSet) -> set[tuple[str, str | None]]:
    """The sheets (column None) and columns a set reads: Penilaian's and Target's, each
    evidence rule's, and the lists its rules count against."""
    from smartserang.scoring.quality import fields_read

    found: set[tuple[str, str | None]] = {
        ("penilaian", None), ("penilaian", "indikator"), ("penilaian", "tingkat"),
        ("penilaian", "target"), ("target", None), ("target", "tahun"),
        ("target", "lingkup"), ("target", "target"), ("profil", None),
        ("profil", "tahun"), ("profil", "tanggal_penilaian"),
    }  # fmt: skip
    for indicator in iset.indicators():
        rule = indicator.evidence
        if rule is None:
            continue
        found.add((rule.sheet, None))
        conditions = [*rule.where, *(c for step in rule.steps for c in step.rows)]
        conditions += [c for source in rule.extra_units for c in source.where]
        conditions += rule.measure.conditions if rule.measure is not None else ()
        for reference in _references(conditions):
            found.update({(reference.sheet, None), (reference.sheet, reference.column)})
        found.update((sheet, column) for sheet, column in fields_read(rule))
        found.update((sheet, None) for sheet, _ in fields_read(rule))
        if rule.units_column is not None:
            found.add((rule.sheet, rule.units_column))
        for source in rule.extra_units:
            found.update({(source.sheet, None), (source.sheet, source.column)})
        if rule.units_column is not None or any(step.units for step in rule.steps):
            found.update({("perangkat_daerah", None), ("perangkat_daerah", "nama"),
                          ("profil", "jumlah_perangkat_daerah")})  # fmt: skip
        measure = rule.measure
        if measure is not None:
            if measure.column is not None:
                found.add((rule.sheet, measure.column))
            if measure.of == "kecamatan":
                found.update({("kecamatan", None), ("kecamatan", "nama"),
                              ("profil", "jumlah_kecamatan")})  # fmt: skip
            elif measure.of == "penduduk":
                found.add(("profil", "jumlah_penduduk"))
            elif measure.of == "units":
                found.update({("perangkat_daerah", None), ("perangkat_daerah", "nama"),
                              ("profil", "jumlah_perangkat_daerah")})  # fmt: skip
    return found


def _ids_of(iset: IndicatorSet) -> set[str]:
    items = {i.id for i in iset.indicators()} | {g.id for g in iset.walk_groups()}
    return items | {iset.id}


def score_sets(sets: Sequence[IndicatorSet], inventory: Inventory) -> list[SetResult]:
    """``inventory`` scored on each set, in ``--set`` order.

    Scoring a 100k-row register makes hundreds of thousands of acyclic objects: the cycle
    collector is paused meanwhile (``procs.collector_paused``; measured 0.3–0.4 s of CPU).
    """
    from smartserang.procs import collector_paused
    from smartserang.scoring.levels import score_inventory

    with collector_paused():
        return [score_inventory(iset, inventory) for iset in sets]


def warnings_of(results: Iterable[SetResult | UnitResult]) -> list[Problem]:
    """The warnings of a workbook's results, each once: a workbook's own warnings come
    back with every set it is scored on."""
    seen: dict[str, Problem] = {}
    for result in results:
        for warning in result.warnings:
            seen.setdefault(str(warning), warning)
    return list(seen.values())


@dataclass(frozen=True)
class UnitOutcome:
    """What scoring one workbook of a roll-up gives back: its problems or its results."""

    problems: tuple[Problem, ...]
    """Every problem in the workbook; when any, nothing was scored."""
    results: tuple[UnitResult, ...]
    """One per set, in ``--set`` order."""


def score_unit(
    path: Path,
    sets: Sequence[IndicatorSet],
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
    from smartserang.scoring.rollup import unit_result

    inventory, problems = read_checked(path, sets, limits)
    if problems or inventory is None or check_only:
        return UnitOutcome(tuple(problems), ())
    return UnitOutcome((), tuple(unit_result(r, basis) for r in score_sets(sets, inventory)))


def check_unit(
    path: Path,
    sets: Sequence[IndicatorSet],
    thresholds: Thresholds,
    recorded: Baseline | None,
    basis: Basis,
    limits: Limits | None = None,
    workers: int = 1,
) -> tuple[list[Problem], FileReport]:
    """Score one workbook on every set and make every check; and its input errors.

    Runs in a worker process when several workbooks are checked at once; ``workers``: how
    many processes reading the workbook may use.
    """
    from smartserang.gate import FileReport, evaluate, explain_falls, scores_of, warning_checks

    inventory, problems = read_checked(path, sets, limits, workers)
    if problems or inventory is None:
        return problems, FileReport(display_name(path), readable=False)
    results = score_sets(sets, inventory)
    scores = tuple(scores_of(r, basis) for r in results)
    checks = tuple(
        check
        for s in scores
        for check in evaluate(s, thresholds, recorded.get(s.set_id) if recorded else None)
    ) + warning_checks(results, thresholds)
    falls = explain_falls(results, checks, recorded, basis)
    warned = [w for w in warnings_of(results) if w.severity is Severity.WARNING]
    return [], FileReport(display_name(path), scores, checks, warnings=len(warned), falls=falls)


def worker_died(path: Path, how: str) -> Problem:
    """The problem of a workbook whose process died while reading or scoring it (how:
    ``SIGABRT, signal 6``): it is left out, and the other workbooks of the run are read."""
    return Problem.error(display_name(path), "workbook_process_died", "inventory.crash", how=how)


def lost_unit(path: Path, how: str) -> UnitOutcome:
    """What a workbook of a roll-up gives when its process died (see ``worker_died``)."""
    return UnitOutcome((worker_died(path, how),), ())


def lost_check(path: Path, how: str) -> tuple[list[Problem], FileReport]:
    """What ``check`` gives for a workbook whose process died (see ``worker_died``)."""
    from smartserang.gate import FileReport

    return [worker_died(path, how)], FileReport(display_name(path), readable=False)
