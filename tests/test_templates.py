"""The report templates: catalogue, wording, escaping, HTML safety, and real renderers.

Rendered from the hand-made view in ``sample_view.py``, so no scorer is involved. The last
tests run Debian's chromium and pandoc on the output; they skip when a tool is missing,
except under CI (the environment variable ``CI`` set), where a missing tool is a failure.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

import smartserang
from sample_view import HOSTILE_LABEL, sample_view
from smartserang.catalogue.report import REPORT as REPORT_TEXT
from smartserang.catalogue.report import report_text
from smartserang.report.markdown import escape_markdown
from smartserang.report.render import render_report
from smartserang.report.view import ReportView

from builders import require_tool

TEMPLATES = Path(smartserang.__file__).parent / "report" / "templates"
PAGE_TEMPLATES = ("report.html", "report.md")
FORMATS = ("md", "html")
LANGS = ("id", "en")
SVG_NAMESPACE = "http://www.w3.org/2000/svg"

_TEXT_KEY = re.compile(r"text\.([a-z_0-9]+)")
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_LETTER = re.compile(r"[^\W\d_]")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _source(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _used_keys() -> set[str]:
    return {key for name in PAGE_TEMPLATES for key in _TEXT_KEY.findall(_source(name))}


def _empty(view: ReportView) -> ReportView:
    """``view`` with every list empty, as for a workbook with nothing in it."""
    return dataclasses.replace(
        view,
        unassessed=(),
        groups=(),
        charts=(),
        indicators=(),
        details=(),
        quick_wins=(),
        longer_work=(),
        unsupported=(),
        warnings=(),
        targets=(),
        breakdowns=(),
        not_applicable=(),
    )


def _visible_text(page: str) -> str:
    """What a reader sees: no style sheet, no tags, entities decoded (Markdown passes as is)."""
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.DOTALL)
    return unescape(_TAG.sub(" ", page))


# The catalogue.


def test_every_template_key_is_in_the_catalogue_in_both_languages() -> None:
    """Each ``text.<key>`` in the templates has non-empty Indonesian and English text."""
    used = _used_keys()
    assert used
    for key in sorted(used):
        assert key in REPORT_TEXT, key
        assert set(REPORT_TEXT[key]) == {"id", "en"}, key
        assert REPORT_TEXT[key]["id"].strip(), key
        assert REPORT_TEXT[key]["en"].strip(), key


def test_every_catalogue_key_is_used() -> None:
    """The catalogue holds no dead string: every key appears in a template."""
    assert set(REPORT_TEXT) - _used_keys() == set()


def test_no_catalogue_key_shadows_a_dict_attribute() -> None:
    """No key is a dict attribute name, which Jinja would resolve before the item."""
    assert {key for key in REPORT_TEXT if hasattr(dict, key)} == set()


def test_report_text_picks_one_language_and_rejects_others() -> None:
    """``report_text`` gives every key in the asked language and refuses an unknown one."""
    assert report_text("en")["summary"] == REPORT_TEXT["summary"]["en"]
    assert report_text("id").keys() == REPORT_TEXT.keys()
    with pytest.raises(ValueError, match="fr"):
        report_text("fr")


@pytest.mark.parametrize("name", PAGE_TEMPLATES)
def test_templates_hold_no_bare_words(name: str) -> None:
    """Without Jinja code and HTML tags a template is only punctuation, symbols and space."""
    rest = _TAG.sub(" ", _JINJA.sub(" ", _source(name)))
    letters = [rest[max(m.start() - 20, 0) : m.end() + 20] for m in _LETTER.finditer(rest)]
    assert letters == []


def test_markdown_template_escapes_every_value() -> None:
    """Every ``{{ … }}`` in report.md goes through the ``md`` filter (or is a macro call)."""
    source = _source("report.md")
    macros = set(re.findall(r"\{%\s*macro\s+(\w+)", source))
    for found in re.findall(r"\{\{(.*?)\}\}", source, re.DOTALL):
        expression = found.strip()
        assert expression.endswith("|md") or expression.split("(")[0] in macros, expression


def test_markdown_template_has_no_html_tags() -> None:
    """report.md writes no HTML of its own: pandoc gets plain GFM."""
    assert re.findall(r"<[A-Za-z/!]", _JINJA.sub(" ", _source("report.md"))) == []


def test_stylesheet_loads_nothing() -> None:
    """report.css names no URL, import or font file."""
    css = _source("report.css").lower()
    for needle in ("url(", "@import", "http:", "https:", "@font-face"):
        assert needle not in css


# Rendering.


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_sample_view_renders_deterministically(fmt: str, lang: str) -> None:
    """Both formats render in both languages, end with a newline and repeat byte for byte."""
    first = render_report([sample_view(lang)], fmt)
    assert first.endswith("\n")
    assert render_report([sample_view(lang)], fmt) == first
    assert sample_view(lang).title in first.replace("\\", "")


def test_unknown_format_is_refused() -> None:
    """``render_report`` names the formats it knows when given another."""
    with pytest.raises(ValueError, match="html"):
        render_report([sample_view("id")], "pdf")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_lists_render_none_sentences_not_empty_tables(fmt: str, lang: str) -> None:
    """With every list empty each section says so, and only the index table remains."""
    view = _empty(sample_view(lang))
    out = render_report([view], fmt)
    text = view.text
    for key in (
        "unassessed_none",
        "groups_none",
        "charts_none",
        "indicators_none",
        "details_none",
        "quick_wins_none",
        "longer_work_none",
        "unsupported_none",
        "warnings_none",
        "targets_none",
    ):
        assert text[key] in out, key
    tables = out.count("<table") if fmt == "html" else len(re.findall(r"^\|-", out, re.M))
    assert tables == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_generated_date_is_printed_only_when_given(fmt: str) -> None:
    """The generated-on line appears with a date and disappears without one."""
    view = sample_view("en")
    assert view.text["generated"] in render_report([view], fmt)
    undated = dataclasses.replace(view, footer=dataclasses.replace(view.footer, generated=""))
    assert view.text["generated"] not in render_report([undated], fmt)


def test_html_escapes_inventory_text() -> None:
    """A hostile application label arrives as text in HTML, never as a script element."""
    html = render_report([sample_view("id")], "html")
    assert "e-Kinerja &lt;script&gt;alert(1)&lt;/script&gt; a | b" in html
    assert "<script" not in html.lower()


def test_markdown_escapes_inventory_text_and_keeps_table_cells() -> None:
    """In Markdown the hostile label neither opens HTML nor splits its table cell."""
    md = render_report([sample_view("id")], "md")
    assert "<" not in md
    assert r"e-Kinerja &lt;script&gt;alert(1)&lt;/script&gt; a \| b" in md
    for table in re.findall(r"(?:^\|.*\|\n)+", md, re.M):
        widths = {len(_UNESCAPED_PIPE.findall(line)) for line in table.splitlines()}
        assert len(widths) == 1, table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("a | b", r"a \| b"),
        (r"C:\data", r"C:\\data"),
        ("`code`", r"\`code\`"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("line one\nline two\r\nthree", "line one line two three"),
        ("*bold* _em_ ~~del~~", r"\*bold\* \_em\_ \~\~del\~\~"),
        ("[portal](http://x.test)", r"\[portal\](http\://x.test)"),
        ("Barang & Jasa", "Barang & Jasa"),
        ("&lt; stays literal", r"\&lt; stays literal"),
        ("2,61 – Baik", "2,61 – Baik"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    """The ``md`` filter escapes what GFM would read as markup, and only that."""
    assert escape_markdown(text) == expected


def test_html_has_csp_and_loads_nothing() -> None:
    """The page forbids scripts and network by CSP and names no URL but the SVG namespace."""
    html = render_report([sample_view("en")], "html")
    assert html.startswith("<!DOCTYPE html>\n")
    assert '<html lang="en">' in html
    assert '<meta charset="utf-8">' in html
    (policy,) = re.findall(
        r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html, re.I
    )
    for directive in ("default-src 'none'", "style-src 'unsafe-inline'", "img-src data:"):
        assert directive in policy
    assert "<script" not in html.lower()
    assert set(re.findall(r"https?://[^\s\"'<>)]*", html)) == {SVG_NAMESPACE}


class _Structure(HTMLParser):
    """Collects what the structure test checks: landmarks, headings, tables and their labels."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.tables: list[dict[str, str | None]] = []
        self.captions = 0
        self.unscoped_th = 0
        self.figures = 0
        self.figcaptions = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "table":
            self.tables.append(attributes)
        elif tag == "caption":
            self.captions += 1
        elif tag == "th" and attributes.get("scope") not in {"col", "row"}:
            self.unscoped_th += 1
        elif tag == "figure":
            self.figures += 1
        elif tag == "figcaption":
            self.figcaptions += 1


def test_html_structure_is_semantic() -> None:
    """Landmarks, one h2 per section, labelled tables, scoped headers and captioned figures."""
    view = sample_view("id")
    parser = _Structure()
    parser.feed(render_report([view], "html"))
    for landmark in ("header", "main", "footer"):
        assert parser.tags.count(landmark) == 1
    assert parser.tags.count("section") == parser.tags.count("h2") == 7
    assert parser.tags.count("h3") >= len(view.details)
    labelled = sum(1 for t in parser.tables if "aria-label" in t or "aria-labelledby" in t)
    assert parser.captions + labelled == len(parser.tables)
    assert parser.unscoped_th == 0
    assert parser.figures == parser.figcaptions == len(view.charts)


def test_charts_inline_in_html_and_described_in_markdown() -> None:
    """HTML carries each chart's SVG unescaped; Markdown prints its title and text instead."""
    view = sample_view("en")
    html = render_report([view], "html")
    md = render_report([view], "md")
    for chart in view.charts:
        assert chart.svg in html
        assert f"<figcaption>{chart.title}</figcaption>" in html
        assert f"**{escape_markdown(chart.title)}.** {escape_markdown(chart.alt)}" in md
    assert "<svg" not in md


def test_unsupported_claims_are_marked_by_symbol_and_weight() -> None:
    """An unsupported claim is flagged with ⚠ in bold in both formats (not by colour alone)."""
    view = sample_view("en")
    flagged = [row for row in view.indicators if row.unsupported]
    assert flagged
    md = render_report([view], "md")
    html = render_report([view], "html")
    for row in flagged:
        assert re.search(rf"^\| {row.id} \| [^|]+ \| \*\*⚠ {row.claimed}\*\* \|", md, re.M)
        assert f'<strong class="flag"><span aria-hidden="true">⚠ </span>{row.claimed}' in html


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_claims_no_claimed_figure_is_printed(fmt: str) -> None:
    """A set nobody claimed on prints no claimed index row and no claimed column in the
    group and breakdown tables, and says why under the index table."""
    view = sample_view("en")
    before = render_report([view], fmt)
    after = render_report([dataclasses.replace(view, claims=False)], fmt)
    text = view.text
    assert text["no_claims"] not in before
    assert text["no_claims"] in after
    assert text["claimed_index"] in before
    assert text["claimed_index"] not in after
    heading = text["claimed"]
    # The gap table keeps its claimed column (its "–" say nothing was claimed); the group
    # table and each breakdown lose theirs.
    tables = 1 + len(view.breakdowns)
    assert _count(before, heading, fmt) - _count(after, heading, fmt) == tables


def _count(page: str, heading: str, fmt: str) -> int:
    """How many table heads name ``heading`` as a column."""
    if fmt == "html":
        return len(re.findall(rf'<th scope="col"[^>]*>{re.escape(heading)}</th>', page))
    return len(re.findall(rf"^\|.*\| {re.escape(heading)} \|.*\n\|[-:|]+\|$", page, re.M))


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_inherited_group_target_is_marked_and_explained(fmt: str) -> None:
    """A group target not set for the group itself carries a mark, explained once under
    the table; without one neither appears."""
    view = sample_view("id")
    assert not view.targets_inherited
    note = view.text["target_inherited_note"]
    assert note not in _plain(render_report([view], fmt), fmt)
    first = dataclasses.replace(view.groups[0], target="3,50", target_inherited=True)
    marked = dataclasses.replace(view, groups=(first, *view.groups[1:]), targets_inherited=True)
    out = render_report([marked], fmt)
    assert _plain(out, fmt).count(note) == 1
    mark = '3,50<span class="mark">*</span>' if fmt == "html" else "| 3,50\\* |"
    assert out.count(mark) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_short_report_says_where_the_details_are(fmt: str) -> None:
    """Without details the short report points to --detail full; a full report with no
    detail says every indicator reached its target."""
    view = sample_view("en")
    short = _plain(
        render_report([dataclasses.replace(view, detail_full=False, details=())], fmt), fmt
    )
    assert view.text["details_short"] in short
    assert view.text["details_none"] not in short
    full = _plain(render_report([dataclasses.replace(view, details=())], fmt), fmt)
    assert view.text["details_none"] in full
    assert view.text["details_short"] not in full


def _plain(page: str, fmt: str) -> str:
    """The words of ``page`` as a reader sees them: HTML unescaped, Markdown's escaping
    backslashes removed."""
    return _visible_text(page) if fmt == "html" else re.sub(r"\\(.)", r"\1", page)


# Words of the other language: each appears in its own catalogue, never in the other output.
# (Register data stays Indonesian in an English report, so words like "Tahun" are left out.)
INDONESIAN_WORDS = (
    "Ringkasan",
    "Grafik",
    "Kesenjangan",
    "Prioritas",
    "Klaim",
    "Terverifikasi",
    "Bobot",
    "Kenaikan",
    "Peringkat",
    "Alasan",
    "Lintasan",
    "Kualitas",
    "Lampiran",
    "Pekerjaan",
    "Kriteria",
    "Baris",
    "Lokasi",
)
ENGLISH_WORDS = (
    "Summary",
    "Charts",
    "Gap",
    "Priorities",
    "Claimed",
    "Verified",
    "Weight",
    "Rank",
    "Reason",
    "Trajectory",
    "Quality",
    "Appendix",
    "Criteria",
    "Row",
    "Location",
    "Year",
    "Band",
    "Unsupported",
)


@pytest.mark.parametrize(
    ("lang", "foreign", "words"),
    [("en", "id", INDONESIAN_WORDS), ("id", "en", ENGLISH_WORDS)],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_output_holds_no_fixed_word_of_the_other_language(
    fmt: str, lang: str, foreign: str, words: tuple[str, ...]
) -> None:
    """English output has none of the Indonesian catalogue's words, and the other way round."""
    catalogue = " ".join(texts[foreign] for texts in REPORT_TEXT.values())
    out = _visible_text(render_report([sample_view(lang)], fmt))
    for word in words:
        assert re.search(rf"\b{word}\b", catalogue, re.I), f"{word} is not a catalogue word"
        assert not re.search(rf"\b{word}\b", out, re.I), word


# Real renderers.

_CHROMIUM_PROBLEMS = re.compile(r":CONSOLE|Content Security Policy|Uncaught|Refused to")
"""Chromium's stderr marks for page problems: console messages (a page without script has
none; CSP violations arrive as INFO:CONSOLE lines) and blocked loads."""


def _chromium(tmp_path: Path, html: str, *output: str) -> str:
    """Run headless chromium on ``html`` with ``output`` flags; its stderr."""
    chromium = require_tool("chromium")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            *output,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def _page_problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if _CHROMIUM_PROBLEMS.search(line)]


@pytest.mark.parametrize("lang", LANGS)
def test_chromium_shows_and_prints_the_page_without_errors(tmp_path: Path, lang: str) -> None:
    """Chromium screenshots the page and prints it to A4 PDF with no console error or CSP hit."""
    html = render_report([sample_view(lang)], "html")
    shot = tmp_path / "shot.png"
    stderr = _chromium(tmp_path, html, f"--screenshot={shot}", "--window-size=1280,2400")
    assert _page_problems(stderr) == []
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1280, 2400)
    assert len(png) > 50_000  # a blank page compresses to a few kB

    pdf = tmp_path / "a4.pdf"
    stderr = _chromium(tmp_path, html, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert _page_problems(stderr) == []
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert pdf.stat().st_size > 20_000


def test_chromium_check_catches_a_blocked_script(tmp_path: Path) -> None:
    """The stderr check above is live: a page with a script and a remote image trips it."""
    html = render_report([sample_view("en")], "html").replace(
        "</body>",
        '<script>console.error("x")</script><img src="https://example.invalid/a.png"></body>',
    )
    stderr = _chromium(tmp_path, html, f"--screenshot={tmp_path / 'shot.png'}")
    assert len(_page_problems(stderr)) >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_pandoc_reads_the_markdown_as_gfm(tmp_path: Path, lang: str) -> None:
    """pandoc turns the Markdown into DOCX, and into HTML with one <table> per pipe table."""
    pandoc = require_tool("pandoc")
    md = render_report([sample_view(lang)], "md")
    source = tmp_path / "report.md"
    source.write_text(md, encoding="utf-8")
    docx = tmp_path / "report.docx"
    subprocess.run(
        [pandoc, "-f", "gfm", "-t", "docx", "-o", str(docx), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert docx.read_bytes().startswith(b"PK")
    html = subprocess.run(
        [pandoc, "-f", "gfm", "-t", "html", str(source)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert html.count("<table>") == len(re.findall(r"^\|-", md, re.M)) > 0
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; a | b" in html
    assert HOSTILE_LABEL not in html
