"""Render a report view model as Markdown or HTML through the templates in ``templates/``.

The templates only print ``view``'s fields. Autoescaping follows the template's extension:
``report.html`` is HTML-escaped, ``report.md`` escapes through the ``md`` filter instead, and
``report.css`` (included into the HTML's <style>) is inserted as written. The chart SVGs
are the one piece of markup passed through unescaped. No clock, no randomness: the same
view gives the same bytes. Jinja2 is imported here only, and this module only on demand.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import jinja2
from markupsafe import Markup

from smartserang.reportview import ReportView
from smartserang.rollupview import RollUpView

TEMPLATES = {"md": "report.md", "html": "report.html"}
ROLLUP_TEMPLATES = {"md": "rollup.md", "html": "rollup.html"}
"""Output format -> template file in ``smartserang/templates``."""

_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Backslash-escaped: the characters that would end a table cell (|), open code (`), or turn
# inventory text into emphasis (* _ ~) or a link ([ ]); plus the backslash itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\`|*_~\[\]])")
# A label holding "&amp;" must print those five characters, not "&": escape only an "&" that
# starts an entity, so that an ordinary "Barang & Jasa" stays as typed.
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def escape_markdown(value: object) -> str:
    """``value`` as literal text for a GFM table cell or paragraph (raw HTML never passes)."""
    text = _LINE_BREAK.sub(" ", str(value))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub(r"\\&", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("smartserang", "templates"),
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


def render_report(views: Sequence[ReportView], fmt: str) -> str:
    """One document for ``views`` (one per indicator set) as Markdown ("md") or HTML ("html")."""
    if fmt not in TEMPLATES:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {sorted(TEMPLATES)}")
    if not views:
        raise ValueError("a report needs at least one view")
    template = _environment().get_template(TEMPLATES[fmt])
    return template.render(views=list(views))


def render_rollup(views: Sequence[RollUpView], fmt: str) -> str:
    """The roll-up of several workbooks (one view per set) as Markdown or HTML."""
    if fmt not in ROLLUP_TEMPLATES:
        raise ValueError(f"unknown format {fmt!r}; expected one of {sorted(ROLLUP_TEMPLATES)}")
    return _environment().get_template(ROLLUP_TEMPLATES[fmt]).render(views=list(views))
