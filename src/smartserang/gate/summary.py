"""What a check run reports: per-workbook outcome, its texts, the Markdown and JSON.

``FileReport`` holds every check made on one workbook and the indicators behind its
falls (``causes``), ``CheckRun`` all of a run; ``render_failures`` and ``render_verdict``
give the lines the CLI prints, ``render_summary`` the Markdown for
``$GITHUB_STEP_SUMMARY`` and ``build_check_data`` the ``check --format json`` report.
``CHECK_FORMATS`` holds the reporters of the last two (see ``report.reporter``). The
lines and the Markdown speak the language asked for (English unless told); the JSON
report's messages stay English, as the problems in a JSON result do.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from smartserang import __version__
from smartserang.compare.cells import ARROW
from smartserang.compare.data import cause_data
from smartserang.compare.shifts import LevelShift, Via
from smartserang.compare.view import cause_line, cause_text
from smartserang.gate.causes import Falls, Move
from smartserang.gate.scores import SetScores
from smartserang.gate.thresholds import (
    COMPLETENESS,
    UNSUPPORTED,
    Check,
    CheckKind,
    Thresholds,
    format_change,
    format_limit,
    format_percent,
    format_score,
    in_notation,
)
from smartserang.i18n import message
from smartserang.report.markdown import escape_markdown, markdown_code
from smartserang.report.reporter import Reporter, json_bytes

CHECK_FORMAT = "smartserang-check"
CHECK_VERSION = "1.1"
"""1.1 added each file's ``moves``, ``unrecorded``, ``unmoved`` and ``completeness``, and the
kinds ``completeness``, ``score_warning`` and ``warning``."""
LANG = "en"
"""The language of a check's words when none is asked for; the JSON report's always."""


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
    falls: Falls = field(default_factory=Falls)
    """The indicators behind the failed baseline checks, and why they moved."""

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


def render_failures(report: FileReport, lang: str = LANG) -> list[str]:
    """One line per failed check, ``FILE: SET: reason``; then, when the baseline was
    beaten, each indicator that moved and below it the causes, indented."""
    lines = [f"{report.path}: {c.set_id}: {c.describe(lang)}" for c in report.failed]
    for line in fall_lines(report.falls, lang):
        text = message("check_moved_line", lang, move=line.text) if line.move else line.text
        lines.append(f"{report.path}: {line.set_id}: {text}")
        lines.extend(f"{report.path}: {line.set_id}:   {cause}" for cause in line.causes)
    return lines


@dataclass(frozen=True)
class FallLine:
    """What the gate says of a fall, in words: an indicator that moved with its causes, or
    why none is named."""

    set_id: str
    text: str
    causes: tuple[str, ...] = ()
    move: bool = False
    """True for an indicator that moved (``text`` names it)."""


def fall_lines(falls: Falls, lang: str) -> list[FallLine]:
    """A line for each set whose baseline records no indicator, each fall no indicator
    explains, and each indicator that moved, with its causes."""
    return [
        *(FallLine(s, message("check_unrecorded", lang)) for s in falls.unrecorded),
        *(
            FallLine(s, message("check_unmoved", lang, subject=_subject(x, lang)))
            for s, x in falls.unmoved
        ),
        *(
            FallLine(m.set_id, _move_text(m, lang), tuple(_cause_texts(m, lang)), move=True)
            for m in falls.moves
        ),
    ]


def _move_text(move: Move, lang: str) -> str:
    more = [
        message(f"check_moved_{key}", lang, levels=_levels(shift))
        for key, shift in (("claimed", move.claimed), ("supported", move.supported))
        if shift.changed
    ]
    return message(
        "check_moved",
        lang,
        indicator=f"{move.id} {move.name.get(lang)}",
        groups=" › ".join(move.groups),
        level=_levels(move.level),
        more="".join(f"; {part}" for part in more),
    )


def _cause_texts(move: Move, lang: str) -> list[str]:
    texts = [cause_text(cause_line(cause, lang)) for cause in move.causes]
    fell = (move.supported.new or 0) < (move.supported.old or 0)
    if fell and not any(c.via is not Via.CLAIM for c in move.causes):
        texts.append(message("check_no_row" if move.values_recorded else "check_no_values", lang))
    if move.needs is not None:
        needs = move.needs.get(lang)
        texts.append(message("check_needs", lang, level=move.needs_level, needs=needs))
    return texts


def _levels(shift: LevelShift) -> str:
    def one(level: int | None) -> str:
        return str(level) if level is not None else "–"

    return one(shift.old) + ARROW + one(shift.new) if shift.changed else one(shift.new)


def render_verdict(report: FileReport, lang: str = LANG) -> str:
    """The closing line for one workbook, e.g. ``smartserang: OK kota.xlsx: spbe-2020 …``."""
    if report.outcome is Outcome.UNREADABLE:
        return message("check_verdict_unreadable", lang, path=report.path)
    total = len(report.checks)
    if report.outcome is Outcome.FAILED:
        failed = len(report.failed)
        return message("check_verdict_failed", lang, path=report.path, failed=failed, total=total)
    indices = ", ".join(
        message("check_verdict_index", lang, set=s.set_id, score=format_score(s.index, lang))
        for s in report.scores
    )
    warnings = report.warnings
    note = message(f"check_verdict_warnings_{_number(warnings)}", lang, n=warnings)
    return message(
        "check_verdict_ok",
        lang,
        path=report.path,
        indices=indices,
        basis=_basis(report, lang),
        checked=message(f"check_passed_{_number(total)}", lang, n=total)
        if total
        else message("check_no_thresholds", lang),
        note=note if warnings else "",
    )


def _number(n: int) -> str:
    """Which plural form of an entry a count of ``n`` takes: ``one`` or ``many``."""
    return "one" if n == 1 else "many"


def _basis(report: FileReport, lang: str) -> str:
    """The basis the workbook was checked on, in words (nothing when it has no scores)."""
    basis = report.scores[0].basis if report.scores else ""
    return message(f"check_basis_{basis}", lang) if basis else ""


def render_summary(reports: Sequence[FileReport], thresholds: Thresholds, lang: str = LANG) -> str:
    """A Markdown section per workbook for ``$GITHUB_STEP_SUMMARY``: heading, verdict, table."""
    return "".join(_summary_section(r, thresholds, lang) for r in reports)


def _summary_section(report: FileReport, thresholds: Thresholds, lang: str) -> str:
    heading = message("check_summary_heading", lang, path=markdown_code(report.path))
    lines = [f"### {heading}", ""]
    if report.outcome is Outcome.UNREADABLE:
        label, text = message("check_summary_error", lang), message("check_summary_unread", lang)
        lines.append(f"❌ **{label}**: {text}")
        return "\n".join(lines) + "\n\n"
    total, failed = len(report.checks), len(report.failed)
    if failed:
        label = message("check_summary_failed", lang)
        counted = message(
            f"check_summary_failed_{_number(total)}", lang, failed=failed, total=total
        )
        verdict = f"❌ **{label}**: {counted}"
    else:
        label = message("check_summary_passed", lang)
        verdict = f"✅ **{label}**: {message(f'check_count_{_number(total)}', lang, n=total)}"
    tolerance = in_notation(str(thresholds.tolerance), lang)
    basis = message("check_summary_basis", lang, basis=_basis(report, lang), tolerance=tolerance)
    lines += [f"{verdict} {basis}.", ""]
    columns = ("set", "score", "now", "required", "baseline", "result")
    header = " | ".join(message(f"check_column_{c}", lang) for c in columns)
    lines += [f"| {header} |", "|---|---|--:|---|---|---|"]
    for scores in report.scores:
        lines += [
            _row(scores, subject, report.checks, lang) for subject in _subjects(scores, report)
        ]
    falls = fall_lines(report.falls, lang)
    if falls:
        lines += ["", f"**{escape_markdown(message('check_moves_heading', lang))}**", ""]
        for line in falls:
            lines.append(f"- {escape_markdown(line.set_id)}: {escape_markdown(line.text)}")
            lines += [f"  - {escape_markdown(cause)}" for cause in line.causes]
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
    if any(c.kind is CheckKind.COMPLETENESS for c in mine):
        rows.append(COMPLETENESS)
    if any(c.kind in _WARNINGS for c in mine):
        rows.append(WARNINGS)
    return rows


_WARNINGS = (CheckKind.SCORE_WARNING, CheckKind.WARNING)
WARNINGS = "warnings"
"""The summary's row for the warnings a run may not pass with."""


def _row(scores: SetScores, subject: str, checks: Sequence[Check], lang: str) -> str:
    if subject == WARNINGS:
        mine = [c for c in checks if c.set_id == scores.set_id and c.kind in _WARNINGS]
    else:
        mine = [
            c
            for c in checks
            if c.set_id == scores.set_id and c.subject == subject and c.kind not in _WARNINGS
        ]
    if subject == WARNINGS:
        now = str(len(mine))
    elif subject == COMPLETENESS:
        completeness = scores.completeness
        now = format_percent(completeness, lang) if completeness is not None else "–"
    elif subject == UNSUPPORTED:
        now = str(len(scores.unsupported))
    else:
        value = scores.index if subject == "index" else scores.group(subject)
        now = format_score(value, lang) if value is not None else "–"
    required = baseline = "–"
    for check in mine:
        if check.kind is CheckKind.MINIMUM:
            required = f"≥ {format_limit(check.limit, lang)}"
        elif check.kind is CheckKind.MAX_UNSUPPORTED:
            required = f"≤ {int(check.limit)}"
        elif check.kind is CheckKind.COMPLETENESS:
            required = f"≥ {format_percent(check.limit, lang)}"
        elif check.kind in _WARNINGS:
            required = "0"
        else:
            change = format_change(check.value - check.limit, lang)
            baseline = f"{format_score(check.limit, lang)} ({change})"
    result = "–" if not mine else "✅" if all(c.passed for c in mine) else "❌"
    # A group id comes from the set file: literal text, never markup or a cell boundary.
    cells = (
        escape_markdown(scores.set_id),
        escape_markdown(_subject(subject, lang)),
        now,
        required,
    )
    return "| " + " | ".join((*cells, baseline, result)) + " |"


_SUBJECTS = {
    "index": "check_subject_index",
    UNSUPPORTED: "check_subject_unsupported",
    COMPLETENESS: "check_subject_completeness",
    WARNINGS: "check_subject_warnings",
}
"""The subjects that are not a group (the summary's rows), and the entry naming each."""


def _subject(subject: str, lang: str) -> str:
    """A check's subject in words: a group's id as it is, the others named in ``lang``."""
    label = _SUBJECTS.get(subject)
    return message(label, lang) if label is not None else subject


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
                "completeness": {
                    s.set_id: float(s.completeness) for s in r.scores if s.completeness is not None
                },
                "basis": r.scores[0].basis if r.scores else None,
                "checks": [check_data(c) for c in r.checks],
                "moves": [_move_data(m, LANG) for m in r.falls.moves],
                "unrecorded": list(r.falls.unrecorded),
                "unmoved": [{"set": s, "subject": subject} for s, subject in r.falls.unmoved],
            }
            for r in reports
        ],
    }


def _move_data(move: Move, lang: str) -> dict[str, Any]:
    def levels(shift: LevelShift) -> dict[str, int | None]:
        return {"old": shift.old, "new": shift.new}

    return {
        "set": move.set_id,
        "id": move.id,
        "name": move.name.get(lang),
        "groups": list(move.groups),
        "claimed": levels(move.claimed),
        "supported": levels(move.supported),
        "level": levels(move.level),
        "causes": [cause_data(c) for c in move.causes],
        "needs": move.needs.get(lang) if move.needs is not None else None,
        "needs_level": move.needs_level,
    }


@dataclass(frozen=True)
class CheckRun:
    """Everything a ``check`` run found: the subject of its reporters."""

    reports: tuple[FileReport, ...]
    """One per workbook, in the order given."""
    thresholds: Thresholds


class CheckJson:
    """The ``check --format json`` report."""

    def render(self, subject: CheckRun, lang: str) -> bytes:
        return json_bytes(build_check_data(subject.reports, subject.thresholds))


class CheckSummary:
    """The Markdown step summary (``--summary``)."""

    def render(self, subject: CheckRun, lang: str) -> bytes:
        return render_summary(subject.reports, subject.thresholds, lang).encode("utf-8")


CHECK_FORMATS: Mapping[str, Reporter[CheckRun]] = {"json": CheckJson(), "md": CheckSummary()}
