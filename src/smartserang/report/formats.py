"""The reporters of ``score``: a workbook's ``Scores`` and a folder's ``RollUps``, as JSON,
Markdown and HTML, and a workbook's also as a Word document (see ``report.reporter``).

Each reporter imports what it renders with only when it renders: a JSON run never loads
the view builders or Jinja2.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from smartserang.report.reporter import Reporter, RollUps, Scores, json_bytes

if TYPE_CHECKING:
    from smartserang.report.rollupview import RollUpView
    from smartserang.report.view import ReportView
    from smartserang.scoring.analysis import Analysis


def analyses_of(scores: Scores) -> list[Analysis]:
    """The gap analysis of each result, against its resolved targets."""
    from smartserang.scoring.analysis import analyse, resolve_targets

    return [analyse(r, resolve_targets(r, scores.target)) for r in scores.results]


class ScoreJson:
    """The documented result (docs/json-output.md): one set's, or several under ``results``."""

    def render(self, subject: Scores, lang: str) -> bytes:
        from smartserang.report.json_data import build_output_data

        results = list(subject.results)
        return json_bytes(build_output_data(results, analyses_of(subject), subject.basis, lang))


class ScoreDocument:
    """The gap-analysis report for the master plan, as Markdown, HTML or Word (docx)."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def render(self, subject: Scores, lang: str) -> bytes:
        views = report_views(subject, lang)
        if self.fmt == "docx":
            from smartserang.report.docx import render_docx

            return render_docx(views)
        from smartserang.report.render import render_report

        return render_report(views, self.fmt).encode("utf-8")


def report_views(subject: Scores, lang: str) -> list[ReportView]:
    """The report's view of each result; with several sets, each with its own id prefix."""
    from smartserang.report.build import build_report_view

    several = len(subject.results) > 1
    return [
        build_report_view(
            result,
            analysis,
            basis=subject.basis,
            lang=lang,
            date=subject.date,
            prefix=f"{result.indicator_set.id}-" if several else "",
            detail=subject.detail,
        )
        for result, analysis in zip(subject.results, analyses_of(subject), strict=True)
    ]


class RollUpJson:
    """Per set, the league table and the instance view, as documented JSON."""

    def render(self, subject: RollUps, lang: str) -> bytes:
        from smartserang.report.json_data import build_rollup_data

        return json_bytes(build_rollup_data(list(subject.rollups), lang))


class RollUpDocument:
    """The roll-up as a Markdown or HTML document."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def render(self, subject: RollUps, lang: str) -> bytes:
        from smartserang.report.render import render_rollup

        return render_rollup(rollup_views(subject, lang), self.fmt).encode("utf-8")


def rollup_views(subject: RollUps, lang: str) -> list[RollUpView]:
    """The view of each roll-up; with several sets, each with its own HTML id prefix."""
    from smartserang.report.rollupview import build_rollup_view

    several = len(subject.rollups) > 1
    return [
        build_rollup_view(r, lang, f"{r.indicator_set.id}-" if several else "")
        for r in subject.rollups
    ]


SCORE_FORMATS: Mapping[str, Reporter[Scores]] = {
    "json": ScoreJson(),
    "md": ScoreDocument("md"),
    "html": ScoreDocument("html"),
    "docx": ScoreDocument("docx"),
}
ROLLUP_FORMATS: Mapping[str, Reporter[RollUps]] = {
    "json": RollUpJson(),
    "md": RollUpDocument("md"),
    "html": RollUpDocument("html"),
}
