"""Rendering through the Jinja templates in ``templates/``: the one template environment.

The templates only print their view's fields. Autoescaping follows the template's
extension: ``*.html`` is HTML-escaped, ``*.md`` escapes through the ``md`` filter instead,
and ``report.css`` (included into the HTML's <style>) is inserted as written. The chart
SVGs are the one piece of markup passed through unescaped. No clock, no randomness: the
same view gives the same bytes. Jinja2 is imported here only, and this module only on
demand. The diff's documents come through here too (``compare.render``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from smartserang.report.markdown import escape_markdown
from smartserang.report.rollupview import RollUpView
from smartserang.report.view import ReportView

TEMPLATES = {"md": "report.md", "html": "report.html"}
ROLLUP_TEMPLATES = {"md": "rollup.md", "html": "rollup.html"}
"""Output format -> template file in ``smartserang/report/templates``."""


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment (built once): StrictUndefined, autoescape by extension."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("smartserang.report", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = escape_markdown
    environment.filters["svg"] = _svg
    return environment


def _svg(svg: str) -> Markup:
    # The chart builder escapes every text it puts into the SVG; nothing else is trusted.
    return Markup(svg)


def render_template(name: str, **context: Any) -> str:
    """The template ``name`` rendered with ``context``."""
    return environment().get_template(name).render(**context)


def render_report(views: Sequence[ReportView], fmt: str) -> str:
    """One document for ``views`` (one per indicator set) as Markdown ("md") or HTML ("html")."""
    if fmt not in TEMPLATES:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {sorted(TEMPLATES)}")
    if not views:
        raise ValueError("a report needs at least one view")
    return render_template(TEMPLATES[fmt], views=list(views))


def render_rollup(views: Sequence[RollUpView], fmt: str) -> str:
    """The roll-up of several workbooks (one view per set) as Markdown or HTML."""
    if fmt not in ROLLUP_TEMPLATES:
        raise ValueError(f"unknown format {fmt!r}; expected one of {sorted(ROLLUP_TEMPLATES)}")
    return render_template(ROLLUP_TEMPLATES[fmt], views=list(views))
