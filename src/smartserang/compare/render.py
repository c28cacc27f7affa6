"""The reporters of ``smartserang diff``: its JSON, and its Markdown and HTML documents
through ``templates/diff.md`` and ``templates/diff.html`` (see ``report.reporter``).

Jinja2 is imported only when a document is rendered, through ``report.render``'s one
template environment.
"""

from __future__ import annotations

from collections.abc import Mapping

from smartserang.compare.data import build_diff_data
from smartserang.compare.shifts import Diff
from smartserang.compare.view import DiffView, build_diff_view
from smartserang.report.reporter import Reporter, json_bytes

TEMPLATES = {"md": "diff.md", "html": "diff.html"}
"""Output format -> template file in ``smartserang/report/templates``."""


def render_diff(view: DiffView, fmt: str) -> str:
    """The diff as Markdown ("md") or self-contained HTML ("html")."""
    if fmt not in TEMPLATES:
        raise ValueError(f"unknown diff format {fmt!r}; expected one of {sorted(TEMPLATES)}")
    from smartserang.report.render import render_template

    return render_template(TEMPLATES[fmt], view=view)


class DiffJson:
    """The documented JSON (docs/diff.md); its words are field names, in no language."""

    def render(self, subject: Diff, lang: str) -> bytes:
        return json_bytes(build_diff_data(subject))


class DiffDocument:
    """The diff as a Markdown or HTML document."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def render(self, subject: Diff, lang: str) -> bytes:
        return render_diff(build_diff_view(subject, lang), self.fmt).encode("utf-8")


DIFF_FORMATS: Mapping[str, Reporter[Diff]] = {
    "json": DiffJson(),
    "md": DiffDocument("md"),
    "html": DiffDocument("html"),
}
