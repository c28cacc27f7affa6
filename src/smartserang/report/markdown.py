"""Text for Markdown: what data may hold, made literal in GFM tables, headings and lines.

Used by the ``md`` filter of the templates and by ``check``'s step summary; no Jinja2 here,
so the summary costs no template engine.
"""

from __future__ import annotations

import re

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
# GFM (pandoc's gfm and GitHub) turn an emoji shortcode, ":smile:" or ":+1:", into the
# emoji: the first colon of anything of that shape is escaped, so data stays as typed.
_SHORTCODE = re.compile(r":(?=[0-9A-Za-z_+\-]+:)")
# Control characters (C0 but the tab, DEL, C1) show nothing in a document, and printed to a
# terminal (``score -f md`` without -o) an escape sequence would act: each is written as
# its code, ``\x1b``.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _control_code(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def escape_markdown(value: object) -> str:
    """``value`` as literal text for a GFM table cell, heading or the rest of a line.

    No raw HTML, link, code span, emphasis, strikethrough, math, emoji, footnote, task
    box or table cell boundary can come out of ``value``: pandoc and GitHub show exactly
    its characters. Where a value could begin a
    line's text the templates print fixed words or a list marker first, and a "# " in
    data is escaped, so data cannot open a heading or code block there either.
    """
    text = _LINE_BREAK.sub(" ", str(value))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub(r"\\&", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _SHORTCODE.sub(r"\\:", text)
    text = _CONTROL.sub(_control_code, text)
    return _AUTOLINK.sub(_break_autolink, text)


def markdown_code(value: object) -> str:
    """``value`` as a GFM code span: literal whatever it holds (a file path, say).

    The fence is one backtick longer than the longest run inside, with a space inside each
    end when the text starts or ends with a backtick; line breaks become spaces. Not for
    table cells, where a "|" ends the cell even inside code.
    """
    text = _CONTROL.sub(_control_code, _LINE_BREAK.sub(" ", str(value)))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _break_autolink(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\:"
    if match.group(2):
        return match.group(2) + "\\."
    return "\\@"
