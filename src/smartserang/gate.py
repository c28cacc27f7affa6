"""The CI gate: thresholds, baselines and the words a check run reports.

Pure logic (no I/O, no printing, no third-party imports). Every comparison uses the
rounded score the reports show (:func:`smartserang.scoring.round_score`), as
coverage.py's ``fail_under`` does: an index shown as 2.65 passes ``--min-index 2.65``,
and a drop that leaves the shown value unchanged is not a fall.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from smartserang import __version__
from smartserang.problems import InputError, Problem
from smartserang.scoring import Basis, GroupResult, SetResult, round_score

BASELINE_FORMAT = "smartserang-baseline"
BASELINE_VERSION = "1.0"
"""Bumped on any change to the baseline file: minor for additions, major for changes."""
CHECK_FORMAT = "smartserang-check"
CHECK_VERSION = "1.0"
DEFAULT_TOLERANCE = Decimal("0.005")
"""Below the display step (0.01): any fall of the shown value fails."""


@dataclass(frozen=True)
class GroupScore:
    """One group's rounded score."""

    id: str
    score: Decimal
    depth: int
    """0 for a top-level group (a domain or dimension), 1 for its children, …"""


@dataclass(frozen=True)
class SetScores:
    """One set's scores as the gate compares them: rounded, on one basis."""

    set_id: str
    version: str | None
    sha256: str | None
    basis: str
    index: Decimal
    groups: tuple[GroupScore, ...]
    """Parents before children; groups without a score (all excluded) are left out."""
    unsupported: tuple[str, ...]
    """Ids of the indicators whose claim the registers do not support."""

    def group(self, group_id: str) -> Decimal | None:
        """The rounded score of ``group_id``, or None when this set has none."""
        return next((g.score for g in self.groups if g.id == group_id), None)


def scores_of(result: SetResult, basis: Basis) -> SetScores:
    """The rounded scores of ``result`` on ``basis``."""

    def walk(nodes: tuple[GroupResult, ...], depth: int) -> Iterator[GroupScore]:
        for node in nodes:
            score = node.score(basis)
            if score is not None:
                yield GroupScore(node.group.id, round_score(score), depth)
            yield from walk(node.groups, depth + 1)

    iset = result.indicator_set
    return SetScores(
        iset.id,
        iset.version,
        iset.sha256,
        basis.value,
        round_score(result.index(basis)),
        tuple(walk(result.groups, 0)),
        tuple(r.indicator.id for r in result.unsupported()),
    )


# ------------------------------------------------------------------------ checks


@dataclass(frozen=True)
class Thresholds:
    """What ``smartserang check`` was asked to enforce."""

    min_index: Decimal | None = None
    minimums: tuple[tuple[str, Decimal], ...] = ()
    """(group id, minimum) pairs from ``--min``."""
    max_unsupported: int | None = None
    tolerance: Decimal = DEFAULT_TOLERANCE
    """How far a rounded score may fall below the baseline's before it fails."""


class CheckKind(enum.Enum):
    """The kinds of comparison a check makes."""

    MINIMUM = "minimum"
    BASELINE = "baseline"
    MAX_UNSUPPORTED = "max_unsupported"


UNSUPPORTED = "unsupported claims"
"""The subject of the ``--max-unsupported`` check."""


@dataclass(frozen=True)
class Check:
    """One comparison and its outcome."""

    set_id: str
    kind: CheckKind
    subject: str
    """``index``, a group id, or :data:`UNSUPPORTED`."""
    value: Decimal
    """The rounded score now (a count for unsupported claims)."""
    limit: Decimal
    """The minimum, the baseline's rounded score, or the maximum count."""
    passed: bool
    tolerance: Decimal = DEFAULT_TOLERANCE

    def describe(self) -> str:
        """One line saying what was compared, e.g. ``index 2.65 < --min-index 3.00``."""
        if self.kind is CheckKind.MAX_UNSUPPORTED:
            count = int(self.value)
            noun = "unsupported claim" if count == 1 else UNSUPPORTED
            sign = "≤" if self.passed else ">"
            return f"{count} {noun} {sign} --max-unsupported {int(self.limit)}"
        now = f"{self.subject} {format_score(self.value)}"
        if self.kind is CheckKind.MINIMUM:
            option = "--min-index " if self.subject == "index" else f"--min {self.subject}="
            return f"{now} {'≥' if self.passed else '<'} {option}{format_limit(self.limit)}"
        change = self.value - self.limit
        if change < 0 and not self.passed:
            return (
                f"{now} fell by {format_score(-change)} from baseline"
                f" {format_score(self.limit)} (tolerance {self.tolerance})"
            )
        return f"{now}, baseline {format_score(self.limit)} ({format_change(change)})"


def format_score(value: Decimal) -> str:
    """A rounded score as reports show it: two decimals."""
    return f"{value:.2f}"


def format_limit(value: Decimal) -> str:
    """A threshold: two decimals, or as given when the user wrote more."""
    exponent = value.as_tuple().exponent
    return str(value) if isinstance(exponent, int) and exponent < -2 else f"{value:.2f}"


def format_change(change: Decimal) -> str:
    """A signed change of a rounded score: ``+0.05``, ``−0.20``, ``±0.00``."""
    if change == 0:
        return "±0.00"
    return f"+{change:.2f}" if change > 0 else f"−{-change:.2f}"


def evaluate(
    scores: SetScores, thresholds: Thresholds, baseline: SetScores | None
) -> tuple[Check, ...]:
    """Every check ``thresholds`` and ``baseline`` ask of one set's scores."""
    checks: list[Check] = []
    if thresholds.min_index is not None:
        limit = thresholds.min_index
        checks.append(
            Check(
                scores.set_id,
                CheckKind.MINIMUM,
                "index",
                scores.index,
                limit,
                scores.index >= limit,
            )
        )
    for group_id, limit in thresholds.minimums:
        value = scores.group(group_id)
        if value is not None:  # ids belong to the sets that have them
            checks.append(
                Check(scores.set_id, CheckKind.MINIMUM, group_id, value, limit, value >= limit)
            )
    if thresholds.max_unsupported is not None:
        count, limit = Decimal(len(scores.unsupported)), Decimal(thresholds.max_unsupported)
        checks.append(
            Check(
                scores.set_id, CheckKind.MAX_UNSUPPORTED, UNSUPPORTED, count, limit, count <= limit
            )
        )
    if baseline is not None:
        checks.extend(compare(scores, baseline, thresholds.tolerance))
    return tuple(checks)


def compare(scores: SetScores, baseline: SetScores, tolerance: Decimal) -> tuple[Check, ...]:
    """The index and every group present in both, each failing when it fell beyond ``tolerance``.

    Groups new since the baseline, or gone from the set, have nothing to compare.
    """
    pairs = [("index", scores.index, baseline.index)]
    for group in scores.groups:
        before = baseline.group(group.id)
        if before is not None:
            pairs.append((group.id, group.score, before))
    return tuple(
        Check(
            scores.set_id,
            CheckKind.BASELINE,
            subject,
            now,
            before,
            before - now <= tolerance,
            tolerance,
        )
        for subject, now, before in pairs
    )


def parse_minimum(text: str) -> tuple[str, Decimal]:
    """A ``--min GROUP=X`` value; raises InputError naming what is wrong."""
    group_id, equals, number = text.partition("=")
    value = _decimal(number.strip()) if equals else None
    if not group_id.strip() or value is None:
        message = f"--min must be GROUP=NUMBER (e.g. D3=1.5), got {text!r}"
        raise InputError([Problem("--min", message, "usage.min")])
    return group_id.strip(), value


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def unknown_minimums(
    minimums: Sequence[tuple[str, Decimal]], group_ids: Mapping[str, Sequence[str]]
) -> list[Problem]:
    """A problem for each ``--min`` id that no set has; ``group_ids`` maps set id → its ids."""
    known = {g for ids in group_ids.values() for g in ids}
    listing = "; ".join(f"{s}: {', '.join(ids)}" for s, ids in group_ids.items())
    return [
        Problem("--min", f"unknown group {g!r} (known ids: {listing})", "usage.min")
        for g, _ in minimums
        if g not in known
    ]


# ------------------------------------------------------------------------ baselines


@dataclass(frozen=True)
class Baseline:
    """A recorded baseline (or a ``score --format json`` result read as one)."""

    sets: tuple[SetScores, ...]
    history: tuple[Mapping[str, Any], ...] = ()
    """The file's history entries, kept as read so a new record can append to them."""

    def get(self, set_id: str) -> SetScores | None:
        """The entry of ``set_id``, or None."""
        return next((s for s in self.sets if s.set_id == set_id), None)


def loosenings(old: Baseline, new: Sequence[SetScores], tolerance: Decimal) -> list[str]:
    """What a new baseline would loosen: falls beyond tolerance, dropped sets, a basis change."""
    reasons: list[str] = []
    for before in old.sets:
        after = next((s for s in new if s.set_id == before.set_id), None)
        if after is None:
            reasons.append(f"{before.set_id}: the set would no longer be recorded")
        elif after.basis != before.basis:
            reasons.append(f"{before.set_id}: basis changes from {before.basis} to {after.basis}")
        else:
            falls = [c for c in compare(after, before, tolerance) if not c.passed]
            reasons.extend(f"{c.set_id}: {c.describe()}" for c in falls)
    return reasons


def build_baseline_data(
    results: Sequence[SetResult],
    basis: Basis,
    date: dt.date,
    reason: str | None,
    previous: Baseline | None,
) -> dict[str, Any]:
    """The baseline file's data: per set the index and group tree, unrounded and rounded."""
    inventory = results[0].inventory

    def group_data(node: GroupResult) -> dict[str, Any]:
        score = node.score(basis)
        return {
            "id": node.group.id,
            "score": float(score) if score is not None else None,
            "score_rounded": float(round_score(score)) if score is not None else None,
            "groups": [group_data(child) for child in node.groups],
        }

    entries: list[dict[str, Any]] = [
        {
            "indicator_set": {
                "id": r.indicator_set.id,
                "version": r.indicator_set.version,
                "path": r.indicator_set.path,
                "sha256": r.indicator_set.sha256,
            },
            "basis": basis.value,
            "index": float(r.index(basis)),
            "index_rounded": float(round_score(r.index(basis))),
            "groups": [group_data(g) for g in r.groups],
            "unsupported_claims": [i.indicator.id for i in r.unsupported()],
        }
        for r in results
    ]
    event = {
        "date": date.isoformat(),
        "inventory_sha256": inventory.sha256,
        "reason": reason,
        "index_rounded": {r.indicator_set.id: float(round_score(r.index(basis))) for r in results},
    }
    return {
        "format": BASELINE_FORMAT,
        "format_version": BASELINE_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "date": date.isoformat(),
        "inventory": {"path": inventory.source, "sha256": inventory.sha256},
        "results": entries,
        "history": [*(previous.history if previous else ()), event],
    }


def parse_baseline(text: str, display: str) -> Baseline:
    """A baseline file, or a ``score --format json`` result; InputError lists every problem."""
    try:
        # Decimals keep the rounded values exactly as written (2.65, not 2.6499…).
        data = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = f"{display}:{error.lineno}:{error.colno}"
        raise InputError(
            [Problem(where, f"not valid JSON: {error.msg}", "baseline.json")]
        ) from None
    except ValueError as error:
        raise InputError([Problem(display, str(error), "baseline.json")]) from None
    reader = _Reader(display)
    baseline = reader.baseline(data)
    if reader.problems or baseline is None:
        raise InputError(reader.problems)
    return baseline


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a score")


class _Reader:
    """Reads baseline data, collecting a problem for every wrong field instead of stopping."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str, code: str = "baseline.value") -> None:
        self.problems.append(Problem(self.display, f"{path}: {message}", code))

    def baseline(self, data: object) -> Baseline | None:
        if not isinstance(data, dict):
            self.problem("top level", "expected a JSON object", "baseline.format")
            return None
        if data.get("format") == BASELINE_FORMAT:
            version = str(data.get("format_version", ""))
            if version.partition(".")[0] != BASELINE_VERSION.partition(".")[0]:
                message = f"format_version {version!r} is not supported (expected 1.x)"
                self.problem("format_version", message, "baseline.format")
                return None
        elif "schema_version" not in data:
            message = (
                "neither a smartserang baseline nor a 'smartserang score --format json' result"
            )
            self.problem("top level", message, "baseline.format")
            return None
        # A baseline, or a score result of several sets, lists them; one set stands alone.
        entries = data.get("results", [data])
        if not isinstance(entries, list) or not entries:
            self.problem("results", "expected a non-empty list")
            return None
        sets = [self.entry(e, f"results[{n}]") for n, e in enumerate(entries)]
        found = [s for s in sets if s is not None]
        ids = [s.set_id for s in found]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            self.problem("results", f"set {duplicate!r} appears twice")
        history = data.get("history", [])
        if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
            self.problem("history", "expected a list of objects")
            history = []
        return Baseline(tuple(found), tuple(_plain(h) for h in history))

    def entry(self, data: object, path: str) -> SetScores | None:
        if not isinstance(data, dict):
            self.problem(path, "expected an object")
            return None
        iset = data.get("indicator_set")
        set_id = iset.get("id") if isinstance(iset, dict) else None
        if not isinstance(set_id, str):
            self.problem(f"{path}.indicator_set.id", "missing (expected the set's id)")
        basis = data.get("basis")
        if basis not in {b.value for b in Basis}:
            self.problem(f"{path}.basis", f"expected 'verified' or 'claimed', got {basis!r}")
        index = self.number(data.get("index_rounded"), f"{path}.index_rounded")
        groups = list(self.groups(data.get("groups", []), f"{path}.groups", 0))
        unsupported = data.get("unsupported_claims", [])
        if not isinstance(unsupported, list) or not all(isinstance(u, str) for u in unsupported):
            self.problem(f"{path}.unsupported_claims", "expected a list of indicator ids")
            unsupported = []
        if not isinstance(set_id, str) or not isinstance(basis, str) or index is None:
            return None
        assert isinstance(iset, dict)
        return SetScores(
            set_id,
            _optional_text(iset.get("version")),
            _optional_text(iset.get("sha256")),
            basis,
            index,
            tuple(groups),
            tuple(unsupported),
        )

    def groups(self, data: object, path: str, depth: int) -> Iterator[GroupScore]:
        if not isinstance(data, list):
            self.problem(path, "expected a list of groups")
            return
        for number, item in enumerate(data):
            where = f"{path}[{number}]"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.problem(where, "expected a group with a string 'id'")
                continue
            rounded = item.get("score_rounded")
            if rounded is not None:  # null: every indicator below was excluded
                value = self.number(rounded, f"{where}.score_rounded")
                if value is not None:
                    yield GroupScore(item["id"], value, depth)
            yield from self.groups(item.get("groups", []), f"{where}.groups", depth + 1)

    def number(self, value: object, path: str) -> Decimal | None:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        self.problem(path, f"expected a number, got {json.dumps(value, default=str)}")
        return None


def _plain(value: Any) -> Any:
    """``value`` with its decimals back as floats, so history entries can be written again."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


# ------------------------------------------------------------------------ reports


class Outcome(enum.Enum):
    """How one workbook fared."""

    PASSED = "passed"
    FAILED = "failed"
    UNREADABLE = "unreadable"
    """Bad input: the workbook (or a set) could not be read; the problems went to stderr."""


@dataclass(frozen=True)
class FileReport:
    """Every check made on one workbook."""

    path: str
    scores: tuple[SetScores, ...] = ()
    checks: tuple[Check, ...] = ()
    readable: bool = True
    warnings: int = 0
    """Distinct workbook warnings (shown in full by ``smartserang score``)."""

    @property
    def failed(self) -> tuple[Check, ...]:
        """The checks that failed."""
        return tuple(c for c in self.checks if not c.passed)

    @property
    def outcome(self) -> Outcome:
        """Passed, failed or unreadable."""
        if not self.readable:
            return Outcome.UNREADABLE
        return Outcome.FAILED if self.failed else Outcome.PASSED


def render_failures(report: FileReport) -> list[str]:
    """One line per failed check: ``FILE: SET: reason``."""
    return [f"{report.path}: {c.set_id}: {c.describe()}" for c in report.failed]


def render_verdict(report: FileReport) -> str:
    """The closing line for one workbook, e.g. ``smartserang: OK kota.xlsx: spbe-2020 …``."""
    if report.outcome is Outcome.UNREADABLE:
        return f"smartserang: ERROR {report.path}: not checked (bad input above)"
    total = len(report.checks)
    if report.outcome is Outcome.FAILED:
        return f"smartserang: FAILED {report.path}: {len(report.failed)} of {total} checks failed"
    indices = ", ".join(f"{s.set_id} index {format_score(s.index)}" for s in report.scores)
    basis = report.scores[0].basis if report.scores else ""
    note = f"; {_count(report.warnings, 'workbook warning')}" if report.warnings else ""
    checked = f"{_count(total, 'check')} passed" if total else "scored, no thresholds given"
    return f"smartserang: OK {report.path}: {indices} ({basis}); {checked}{note}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def render_summary(reports: Sequence[FileReport], thresholds: Thresholds) -> str:
    """A Markdown section per workbook for ``$GITHUB_STEP_SUMMARY``: heading, verdict, table."""
    return "".join(_summary_section(r, thresholds) for r in reports)


def _summary_section(report: FileReport, thresholds: Thresholds) -> str:
    lines = [f"### smartserang check: `{report.path}`", ""]
    if report.outcome is Outcome.UNREADABLE:
        lines.append("❌ **Error**: the workbook could not be read; see the job log.")
        return "\n".join(lines) + "\n\n"
    total, failed = len(report.checks), len(report.failed)
    basis = report.scores[0].basis if report.scores else ""
    if failed:
        verdict = f"❌ **Failed**: {failed} of {_count(total, 'check')} failed"
    else:
        verdict = f"✅ **Passed**: {_count(total, 'check')}"
    lines += [f"{verdict} (basis {basis}, tolerance {thresholds.tolerance}).", ""]
    lines += ["| Set | Score | Now | Required | Baseline | Result |", "|---|---|--:|---|---|---|"]
    for scores in report.scores:
        lines += [_row(scores, subject, report.checks) for subject in _subjects(scores, report)]
    return "\n".join(lines) + "\n\n"


def _subjects(scores: SetScores, report: FileReport) -> list[str]:
    """Rows worth a line: the index, top-level groups, anything with a minimum or a failure."""
    mine = [c for c in report.checks if c.set_id == scores.set_id]
    baseline = any(c.kind is CheckKind.BASELINE for c in mine)
    notable = {c.subject for c in mine if c.kind is CheckKind.MINIMUM or not c.passed}
    rows = ["index"]
    rows += [g.id for g in scores.groups if g.id in notable or (baseline and g.depth == 0)]
    if any(c.kind is CheckKind.MAX_UNSUPPORTED for c in mine):
        rows.append(UNSUPPORTED)
    return rows


def _row(scores: SetScores, subject: str, checks: Sequence[Check]) -> str:
    mine = [c for c in checks if c.set_id == scores.set_id and c.subject == subject]
    if subject == UNSUPPORTED:
        now = str(len(scores.unsupported))
    else:
        value = scores.index if subject == "index" else scores.group(subject)
        now = format_score(value) if value is not None else "–"
    required = baseline = "–"
    for check in mine:
        if check.kind is CheckKind.MINIMUM:
            required = f"≥ {format_limit(check.limit)}"
        elif check.kind is CheckKind.MAX_UNSUPPORTED:
            required = f"≤ {int(check.limit)}"
        else:
            change = format_change(check.value - check.limit)
            baseline = f"{format_score(check.limit)} ({change})"
    result = "–" if not mine else "✅" if all(c.passed for c in mine) else "❌"
    return f"| {scores.set_id} | {subject} | {now} | {required} | {baseline} | {result} |"


def build_check_data(reports: Sequence[FileReport], thresholds: Thresholds) -> dict[str, Any]:
    """The JSON report of a check run (``smartserang check --format json``)."""

    def check_data(check: Check) -> dict[str, Any]:
        return {
            "set": check.set_id,
            "kind": check.kind.value,
            "subject": check.subject,
            "value": float(check.value),
            "limit": float(check.limit),
            "passed": check.passed,
            "message": check.describe(),
        }

    return {
        "format": CHECK_FORMAT,
        "format_version": CHECK_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "passed": all(r.outcome is Outcome.PASSED for r in reports),
        "tolerance": float(thresholds.tolerance),
        "files": [
            {
                "path": r.path,
                "outcome": r.outcome.value,
                "indices": {s.set_id: float(s.index) for s in r.scores},
                "basis": r.scores[0].basis if r.scores else None,
                "checks": [check_data(c) for c in r.checks],
            }
            for r in reports
        ],
    }
