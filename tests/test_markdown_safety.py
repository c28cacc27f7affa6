"""Markdown outputs keep inventory and set text literal: no HTML, link, code or broken table.

Two levels. The escaping functions themselves: every vector of
``tests/data/xss-payloads.txt`` (the OWASP XSS cheat sheet's and Markdown's own syntax:
``a|b``, backticks, ``<b>``, ``[x](javascript:…)``, leading ``#``, ``*``, ``-``, ``1.``,
autolinks…) is put through ``escape_markdown`` into a table cell, a heading and a list
item, and through ``markdown_code`` into a code span; pandoc (``-f gfm -t html``) must give
back exactly the vector's text in each place. Then the CLI's own documents, made from the
hostile workbooks and set (``payloads.py``): ``score --format md`` in both languages, the
roll-up, ``diff --format md`` and the ``check --summary`` section. Converted by pandoc,
each must keep its table shape (every row as many cells as its header), hold no element
but pandoc's plain ones (no ``a``, ``img``, ``script``, ``code``…), no ``href``, ``src`` or
``on*`` attribute, no more headings, list items or rules than the template wrote, and
every marker of the source must come out as text the same number of times.
"""

from __future__ import annotations

import html as htmllib
import re
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from payloads import VECTORS, found_markers, hostile_inputs, marked, render_outputs
from payloads import field as text_field
from smartserang.report.markdown import escape_markdown, markdown_code

from builders import require_tool, smartserang

ALLOWED_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "hr", "br"}
    | {"table", "thead", "tbody", "tr", "th", "td", "colgroup", "col"}
)
"""What pandoc makes of the templates' own Markdown; data must add nothing else."""
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_SEPARATOR = re.compile(r"(?<!\\)(?:\\\\)*\|")
"""A cell boundary: a pipe after an even number of backslashes (``\\|`` is text)."""
_DELIMITER_ROW = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")


def _pandoc(markdown: str, tmp_path: Path, name: str = "doc") -> str:
    tool = require_tool("pandoc")
    source = tmp_path / f"{name}.md"
    source.write_text(markdown, encoding="utf-8")
    return subprocess.run(
        [tool, "-f", "gfm", "-t", "html", "--wrap=none", str(source)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def _text(html: str) -> str:
    """What a reader sees: tags removed, entities decoded, white space collapsed."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]*>", " ", html)).split())


def _plain(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the escaping functions


def test_every_vector_round_trips_through_pandoc_in_every_position(tmp_path: Path) -> None:
    """Escaped, each vector comes back from pandoc as exactly its own text in a table cell
    (the next cell intact), an ATX heading and a list item, and as a code span's text
    through ``markdown_code``."""
    lines = ["| Cell | Next |", "|---|---|"]
    lines += [f"| {escape_markdown(v)} | x |" for v in VECTORS]
    lines.append("")
    for v in VECTORS:
        lines += [f"### Heading {escape_markdown(v)}", "", f"- Item {escape_markdown(v)}", ""]
        lines += [f"Code {markdown_code(v)}", ""]
    html = _pandoc("\n".join(lines), tmp_path)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    assert len(cells) == 2 * len(VECTORS)
    for v, cell, after in zip(VECTORS, cells[::2], cells[1::2], strict=True):
        assert _text(cell) == _plain(v), v
        assert after == "x", v
    codes = re.findall(r"<p>Code <code>(.*?)</code></p>", html, re.S)
    assert [_plain(htmllib.unescape(c)) for c in codes] == [_plain(v) for v in VECTORS]
    headings = re.findall(r"<h3[^>]*>(.*?)</h3>", html, re.S)
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert [_text(h) for h in headings] == [_plain(f"Heading {v}") for v in VECTORS]
    assert [_text(i) for i in items] == [_plain(f"Item {v}") for v in VECTORS]
    assert set(_tags(html)) <= ALLOWED_TAGS | {"code"}
    assert _linking_attributes(html) == []


GFM_EXTENSIONS = [
    ":smile: :+1: :-1: :tada:",
    "x:heart:y and 12:30:45 and :a:b:",
    "[ ] belum, [x] sudah, [X] juga",
    "catatan[^1] and [^note]",
    "~~dicoret~~ and ~satu~",
    "| a | b |",
    "www.kota.go.id, https://kota.go.id/x and admin@kota.go.id",
    "<details><summary>x</summary></details>",
    "$x^2$ and $$y$$",
    "**tebal** __tebal__ *miring* _miring_",
    "`kode` and ``kode``",
    "> [!NOTE] kutipan",
    "&copy; &#169; &#xA9;",
    "ESC\x1b[2J BEL\x07 C1\x9b DEL\x7f",
]
"""Text that pandoc's gfm extensions (emoji, autolink_bare_uris, footnotes, strikeout,
task_lists, pipe_tables, raw_html, alerts) or GitHub would turn into something else;
control characters, shown as their codes."""


def test_gfm_extensions_leave_data_as_typed(tmp_path: Path) -> None:
    """Each text, escaped, comes back from pandoc's gfm as exactly its characters in a
    table cell and a list item: no emoji, footnote, strikethrough, task box, link, math
    or raw HTML; a control character as its code (``\\x1b``)."""
    lines = ["| Cell | Next |", "|---|---|"]
    lines += [f"| {escape_markdown(v)} | x |" for v in GFM_EXTENSIONS]
    lines.append("")
    lines += [f"- Item {escape_markdown(v)}" for v in GFM_EXTENSIONS]
    html = _pandoc("\n".join(lines) + "\n", tmp_path)

    def shown(text: str) -> str:
        return _plain(
            re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m[0]):02x}", text)
        )

    cells = re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    assert [_text(c) for c in cells[::2]] == [shown(v) for v in GFM_EXTENSIONS]
    assert cells[1::2] == ["x"] * len(GFM_EXTENSIONS)
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert [_text(i) for i in items] == [shown(f"Item {v}") for v in GFM_EXTENSIONS]
    assert set(_tags(html)) <= ALLOWED_TAGS, sorted(set(_tags(html)) - ALLOWED_TAGS)
    for sign in ("\U0001f604", "footnote", "checkbox", "<del>"):
        assert sign not in html
    assert _linking_attributes(html) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (":smile:", r"\:smile:"),
        ("a\x1b[2J", r"a\x1b\[2J"),
        ("a|b", r"a\|b"),
        ("# heading ##", r"\# heading \#\#"),
        ("Rp $5$", r"Rp \$5\$"),
        ("https://x.test/a", r"https\://x.test/a"),
        ("see www.x.test", r"see www\.x.test"),
        ("admin@x.test", r"admin\@x.test"),
        ("&#60;b&#62;", r"&\#60;b&\#62;"),
        ("- item", "- item"),
    ],
)
def test_escape_markdown_breaks_links_headings_and_math(text: str, expected: str) -> None:
    """Autolinks, ATX heading marks, math dollars and emoji shortcodes are escaped, control
    characters written as their codes; a hyphen is left alone."""
    assert escape_markdown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kota.xlsx", "`kota.xlsx`"),
        ("a`b.xlsx", "``a`b.xlsx``"),
        ("`x`", "`` `x` ``"),
        ("two\nlines", "`two lines`"),
    ],
)
def test_markdown_code_fences_around_any_backtick_run(text: str, expected: str) -> None:
    """The code span's fence is longer than any backtick run inside it."""
    assert markdown_code(text) == expected


# ---------------------------------------------------------------- the CLI's documents


def _tags(html: str) -> list[str]:
    return [m.group(1).lower() for m in _TAG.finditer(html)]


def problems(markdown: str, html: str, *, code_spans: int = 0) -> list[str]:
    """Everything in ``markdown`` and its pandoc ``html`` that data could have caused."""
    found = []
    lines = markdown.splitlines()
    tables = 0
    for number, line in enumerate(lines):
        if not _DELIMITER_ROW.match(line):
            continue
        tables += 1
        width = len(_SEPARATOR.findall(lines[number - 1]))
        row = number + 1
        while row < len(lines) and lines[row].startswith("|"):
            if len(_SEPARATOR.findall(lines[row])) != width:
                found.append(f"line {row + 1}: not {width - 1} cells: {lines[row][:80]}")
            row += 1
    if html.count("<table") != tables:
        found.append(f"{html.count('<table')} tables from {tables} delimiter rows")
    tags = Counter(_tags(html))
    found += [f"<{t}> x{n}" for t, n in tags.items() if t not in ALLOWED_TAGS | {"code"}]
    if tags["code"] != code_spans:
        found.append(f"{tags['code']} code spans, {code_spans} expected")
    found += [f"attribute: {tag[:80]}" for tag in _linking_attributes(html)]
    headings = sum(1 for line in lines if re.match(r"#{1,6} ", line))
    if sum(tags[f"h{n}"] for n in range(1, 7)) != headings:
        found.append(f"{sum(tags[f'h{n}'] for n in range(1, 7))} headings, {headings} written")
    items = sum(1 for line in lines if re.match(r"\s*[-*+] ", line))
    if tags["li"] != items:
        found.append(f"{tags['li']} list items, {items} written")
    rules = sum(1 for line in lines if line == "---")
    if tags["hr"] != rules:
        found.append(f"{tags['hr']} rules, {rules} written")
    written, shown = Counter(_markers(markdown)), Counter(_markers(_text(html)))
    if written != shown:
        lost = written - shown
        found.append(f"markers lost or added: {sorted(lost or shown - written)[:5]}")
    return found


def _linking_attributes(html: str) -> list[str]:
    """Tags whose attributes link, load or run something (pandoc writes only id, class
    and style)."""
    return [
        m.group(0)
        for m in _TAG.finditer(html)
        if re.search(r"\s(href|src|on\w+)\s*=|javascript:", m.group(2), re.I)
    ]


def _markers(text: str) -> list[str]:
    return re.findall(r"xss\d{3}f\d{2}", text)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The Markdown documents of the hostile inputs: four reports and a check summary."""
    inputs = hostile_inputs(tmp_path_factory)
    outputs = render_outputs(inputs, "md")
    unit = inputs.units[0]
    baseline = inputs.folder / "baseline.json"
    summary = inputs.folder / "summary.md"
    common = ("--set", inputs.set_path)
    run = smartserang("baseline", unit, *common, "--output", baseline, "--date", "2025-01-01")
    assert run.returncode == 0, run.stderr[-2000:]
    run = smartserang("check", unit, *common, "--baseline", baseline, "--summary", summary)
    assert run.returncode == 0, run.stderr[-2000:]
    documents = {name: path.read_text(encoding="utf-8") for name, path in outputs.items()}
    documents["summary.md"] = summary.read_text(encoding="utf-8")
    return documents


def test_documents_carry_every_vector(documents: dict[str, str]) -> None:
    """The hostile text reaches each document: every vector in the reports, and the
    file name and group ids in the check summary."""
    for name, markdown in documents.items():
        vectors = {v for v, _ in found_markers(markdown)}
        if name == "summary.md":
            assert len(vectors) >= 40, name  # the file name and the four group ids
        else:
            assert vectors == set(range(len(VECTORS))), name


def test_pandoc_reads_each_document_as_the_template_wrote_it(
    documents: dict[str, str], tmp_path: Path
) -> None:
    """Each document converts with intact tables, no foreign element, link or attribute,
    no extra heading, list item or rule, and all its markers as text."""

    def convert(name: str) -> str:
        return _pandoc(documents[name], tmp_path, name)

    with ThreadPoolExecutor(max_workers=2) as pool:
        converted = dict(zip(documents, pool.map(convert, documents), strict=True))
    for name, markdown in documents.items():
        spans = 1 if name == "summary.md" else 0  # the summary names the workbook as code
        assert problems(markdown, converted[name], code_spans=spans) == [], name


def test_the_document_checks_catch_unescaped_text(tmp_path: Path) -> None:
    """The checks are live: vectors written without escaping break a table, add links,
    HTML, headings and list items, and lose text to a link destination."""
    where = text_field("Control (unescaped)")
    rows = [f"| {marked(v, where)} | x |" for v in range(128, len(VECTORS))]
    markdown = "\n".join(["# Title", "", "| A | B |", "|---|---|", *rows, ""])
    markdown += "".join(f"\n- {marked(v, where)}\n" for v in range(128, len(VECTORS)))
    found = problems(markdown, _pandoc(markdown, tmp_path))
    for sign in ("not 2 cells", "<a>", "code spans", "attribute:", "headings", "list items"):
        assert any(sign in line for line in found), sign
