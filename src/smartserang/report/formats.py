"""The reporters of ``score``: a workbook's ``Scores`` and a folder's ``RollUps``, as JSON,
Markdown and HTML (see ``report.reporter``).

Each reporter imports what it renders with only when it renders: a JSON run never loads
the view builders or Jinja2.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from smartserang.report.reporter import Reporter, RollUps, Scores, json_bytes

if TYPE_CHECKING:
    from smartserang.report.rollupview import RollUpView
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
    """The gap-analysis report for the master plan, as Markdown or HTML."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def render(self, subject: Scores, lang: str) -> bytes:
        from smartserang.report.build import build_report_view
        from smartserang.report.render import render_report

        several = len(subject.results) > 1
        views = [
            build_report_view(
                result,
                analysis,
                basis=subject.basis,
                lang=lang,
                date=subject.date,
                prefix=f"{result.indicator_set.id}-" if several else "",
            )
            for result, analysis in zip(subject.results, analyses_of(subject), strict=True)
        ]
        return render_report(views, self.fmt).encode("utf-8")


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
}
ROLLUP_FORMATS: Mapping[str, Reporter[RollUps]] = {
    "json": RollUpJson(),
    "md": RollUpDocument("md"),
    "html": RollUpDocument("html"),
}
