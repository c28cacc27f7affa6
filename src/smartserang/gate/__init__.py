"""The CI gate: thresholds, baselines and the words a check run reports.

Pure logic (no I/O, no printing, no third-party imports). Every comparison uses the
rounded score the reports show (:func:`smartserang.scoring.levels.round_score`), as
coverage.py's ``fail_under`` does: an index shown as 2.65 passes ``--min-index 2.65``,
and a drop that leaves the shown value unchanged is not a fall. Modules, in the order
data flows through them:

- ``scores``: one set's rounded scores on one basis (``SetScores``, ``scores_of``);
- ``thresholds``: the checks (minimums, maximum unsupported claims, the comparison with
  a baseline) and the number formats they show;
- ``records``: what a baseline records of each indicator (levels, claim row, the register
  rows its rule selected) and of the workbook's Profil;
- ``baseline``: the baseline file: reading it with every problem located, its data for
  writing, its history, and what a new one would loosen;
- ``causes``: the indicators behind a fall since the baseline, and why they moved;
- ``summary``: a workbook's report and a run's, the lines the CLI prints, and the
  reporters of the Markdown summary and the JSON report.
"""

from __future__ import annotations

from smartserang.gate.baseline import (
    BASELINE_FORMAT,
    BASELINE_VERSION,
    Baseline,
    build_baseline_data,
    loosenings,
    parse_baseline,
)
from smartserang.gate.causes import Falls, Move, explain_falls
from smartserang.gate.scores import GroupScore, SetScores, scores_of
from smartserang.gate.summary import (
    CHECK_FORMAT,
    CHECK_FORMATS,
    CHECK_VERSION,
    CheckRun,
    FileReport,
    Outcome,
    build_check_data,
    render_failures,
    render_summary,
    render_verdict,
)
from smartserang.gate.thresholds import (
    COMPLETENESS,
    DEFAULT_TOLERANCE,
    UNSUPPORTED,
    Check,
    CheckKind,
    Thresholds,
    compare,
    evaluate,
    format_change,
    format_limit,
    format_score,
    parse_minimum,
    unknown_minimums,
    warning_checks,
)

__all__ = [
    "BASELINE_FORMAT",
    "BASELINE_VERSION",
    "CHECK_FORMAT",
    "CHECK_FORMATS",
    "CHECK_VERSION",
    "COMPLETENESS",
    "DEFAULT_TOLERANCE",
    "UNSUPPORTED",
    "Baseline",
    "Check",
    "CheckKind",
    "CheckRun",
    "Falls",
    "FileReport",
    "GroupScore",
    "Move",
    "Outcome",
    "SetScores",
    "Thresholds",
    "build_baseline_data",
    "build_check_data",
    "compare",
    "evaluate",
    "explain_falls",
    "format_change",
    "format_limit",
    "format_score",
    "loosenings",
    "parse_baseline",
    "parse_minimum",
    "render_failures",
    "render_summary",
    "render_verdict",
    "scores_of",
    "unknown_minimums",
    "warning_checks",
]
