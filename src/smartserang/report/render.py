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

from smartserang.report.rollupview import RollUpView
from smartserang.report.view import ReportView

TEMPLATES = {"md": "report.md", "html": "report.html"}
ROLLUP_TEMPLATES = {"md": "rollup.md", "html": "rollup.html"}
"""Output format -> template file in ``smartserang/templates``."""

_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Backslash-escaped: the characters that would end a table cell (|), open code (`), turn
# inventory text into emphasis (* _ ~), a link ([ ]), a heading or its closing run (#) or
# math ($, which GitHub renders); plus the backslash itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\`|*_~\[\]#$])")
# A label holding "&amp;" must print those five characters, not "&": escape only an "&" that
# starts an entity, so that an ordinary "Barang & Jasa" stays as typed.
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# GFM links bare web and mail addresses (http://, https://, www., a@b.c): a backslash in
# the middle keeps data from becoming a link, as it never is in the HTML report.
_AUTOLINK = re.compile(r"(:)(?=//)|(?<![0-9A-Za-z])(www)(\.)|(@)", re.IGNORECASE)


def escape_markdown(value: object) -> str:
    """``value`` as literal text for a GFM table cell, heading or the rest of a line.

    No raw HTML, link, code span, emphasis, math or table cell boundary can come out of
    ``value``: pandoc and GitHub show exactly its characters. Where a value could begin a
    line's text the templates print fixed words or a list marker first, and a "# " in
    data is escaped, so data cannot open a heading or code block there either.
    """
    text = _LINE_BREAK.sub(" ", str(value))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub(r"\\&", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _AUTOLINK.sub(_break_autolink, text)


def markdown_code(value: object) -> str:
    """``value`` as a GFM code span: literal whatever it holds (a file path, say).

    The fence is one backtick longer than the longest run inside, with a space inside each
    end when the text starts or ends with a backtick; line breaks become spaces. Not for
    table cells, where a "|" ends the cell even inside code.
    """
    text = _LINE_BREAK.sub(" ", str(value))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _break_autolink(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\:"
    if match.group(2):
        return match.group(2) + "\\."
    return "\\@"


@functools.cache
def _environment() -> jinja2.Environment:
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
