"""The Word appendix: headings, tables, pictures, page, footer and stable bytes, read back
with python-docx, and (where LibreOffice is installed) converted to PDF."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from sample_view import HOSTILE_LABEL, sample_view
from smartserang.report.build import build_report_view
from smartserang.report.docx import render_docx
from smartserang.report.docx_tables import Column, Row, column_widths
from smartserang.report.reporter import Detail
from smartserang.report.view import ReportView
from smartserang.scoring.analysis import analyse, resolve_targets
from smartserang.scoring.levels import Basis, score_inventory
from smartserang.sets.load import load_indicator_set
from smartserang.workbook.reader import read_inventory

from builders import EXAMPLES, require_tool, smartserang

SETS = ("spbe-2020", "smart-city")
SECTIONS = ("summary", "charts", "gaps", "priorities", "unsupported", "data_quality", "targets")
"""The keys of the second-level headings, in the HTML report's order."""


@cache
def example_views(lang: str) -> tuple[ReportView, ...]:
    """The shipped example scored on both sets, as ``score --set spbe-2020 --set
    smart-city`` builds its report views."""
    inventory = read_inventory(EXAMPLES / "kota-sukamaju.xlsx", display="kota-sukamaju.xlsx")
    views = []
    for name in SETS:
        result = score_inventory(load_indicator_set(name), inventory)
        analysis = analyse(result, resolve_targets(result))
        views.append(
            build_report_view(result, analysis, basis=Basis.VERIFIED, lang=lang, prefix=f"{name}-")
        )
    return tuple(views)


@cache
def example_docx(lang: str) -> bytes:
    """The example's Word appendix in ``lang``."""
    return render_docx(example_views(lang))


def read(data: bytes) -> Document:
    """The document as python-docx reads it back."""
    return docx.Document(io.BytesIO(data))


def blocks(document: Document) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of the body, in order."""
    yield from document.iter_inner_content()


def headings(document: Document, level: int) -> list[str]:
    """The text of every paragraph in Word's built-in "Heading <level>" style."""
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name == f"Heading {level}"
    ]


def caption(table: Table) -> str | None:
    """The table's caption as Word gives it to screen readers, or None."""
    found = table._tbl.tblPr.find(qn("w:tblCaption"))
    return None if found is None else found.get(qn("w:val"))


def table_texts(table: Table) -> list[list[str]]:
    """Every cell's text, row by row."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_headings_are_words_built_in_heading_styles() -> None:
    """Each set's title is a Heading 1 and its sections Heading 2 in the HTML's order, with
    the catalogue's words; per-indicator details and priority lists are Heading 3."""
    views = example_views("id")
    document = read(example_docx("id"))
    assert headings(document, 1) == [view.title for view in views]
    sections = [view.text[key] for view in views for key in SECTIONS]
    assert headings(document, 2) == sections
    assert headings(document, 3) == [
        heading
        for view in views
        for heading in (
            *(f"{d.id} {d.name}" for d in view.details),
            view.text["quick_wins"],
            view.text["longer_work"],
        )
    ]


def test_tables_print_the_numbers_as_the_view_formats_them() -> None:
    """The index table holds the indices in Indonesian form ("2,65"), in English with a
    decimal point; the gap table has a row per indicator with its gain."""
    for lang, verified in (("id", "2,65"), ("en", "2.65")):
        (spbe, _) = example_views(lang)
        assert spbe.verified_index == verified
        tables = read(example_docx(lang)).tables
        index = table_texts(tables[1])  # after the identification list
        assert index[0] == [spbe.text["index"], spbe.text["value"], spbe.text["band_defined"]]
        assert index[2] == [spbe.text["verified_index"], verified, spbe.verified_band]
        gaps = next(t for t in tables if caption(t) == spbe.text["indicators_caption"])
        rows = table_texts(gaps)[1:]
        assert len(rows) == len(spbe.indicators)
        assert [row[8] for row in rows] == [r.gain for r in spbe.indicators]


def test_tables_are_real_word_tables() -> None:
    """Header rows repeat on every page, no row splits across pages, numbers and their
    headings are right-aligned; tables are as wide as the text (the short index table at
    least half as wide)."""
    document = read(example_docx("id"))
    weight = example_views("id")[0].text["weight"]
    checked = 0
    for table in document.tables:
        rows = table.rows
        for number, row in enumerate(rows):
            tr_pr = row._tr.trPr
            assert tr_pr is not None
            assert tr_pr.find(qn("w:cantSplit")) is not None
            assert (tr_pr.find(qn("w:tblHeader")) is not None) == (
                number == 0 and len(table.columns) > 2
            )
        widths = [int(col.width.twips) for col in table.columns if col.width is not None]
        width = round(Twips(sum(widths)).mm, 1)
        assert 85 <= width <= 170
        heading = table_texts(table)[0]
        if weight in heading:
            assert width == 170
            column = heading.index(weight)
            for row in rows:
                paragraph = row.cells[column].paragraphs[0]
                assert paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
            checked += 1
    assert checked >= 4


def test_charts_are_pictures_described_by_their_alt_text() -> None:
    """Each chart is an inline PNG as wide as the text (or as tall as a page allows),
    shaped as its layout, with the chart's words as its description."""
    views = example_views("id")
    document = read(example_docx("id"))
    charts = [chart for view in views for chart in view.charts]
    shapes = list(document.inline_shapes)
    assert len(shapes) == len(charts) == 4
    for shape, chart in zip(shapes, charts, strict=True):
        assert chart.drawing is not None
        assert shape._inline.docPr.get("descr") == chart.alt
        assert shape.width is not None
        assert shape.height is not None
        assert shape.width.mm <= 170.01
        assert shape.height.mm <= 205.01
        ratio = chart.drawing.height / chart.drawing.width
        assert shape.height / shape.width == pytest.approx(ratio, rel=0.01)
    pictures = [
        part.blob for part in document.part.package.parts if part.content_type == "image/png"
    ]
    assert len(pictures) == 4
    assert all(blob.startswith(b"\x89PNG\r\n\x1a\n") for blob in pictures)
    captions = [p.text for p in document.paragraphs if p.style and p.style.name == "Caption"]
    assert all(chart.title in captions for chart in charts)


def test_page_is_a4_with_margins() -> None:
    """Every section (one per set) is portrait A4 with 2 cm side margins and starts a page."""
    document = read(example_docx("id"))
    assert len(document.sections) == len(SETS)
    for section in document.sections:
        sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin)
        assert all(size is not None for size in sizes)
        assert [round(size.mm, 1) for size in sizes if size is not None] == [210, 297, 20, 20]
    assert document.sections[1].start_type == WD_SECTION.NEW_PAGE


def test_footer_carries_the_provenance_and_the_page_number() -> None:
    """Each set's pages have a footer of their own with the tool version, the set and its
    version, both SHA-256 hashes as the HTML footer shows them, and a PAGE field."""
    views = example_views("id")
    document = read(example_docx("id"))
    for section, view in zip(document.sections, views, strict=True):
        footer = section.footer
        assert not footer.is_linked_to_previous
        text = "\n".join(p.text for p in footer.paragraphs)
        provenance = view.footer
        assert f"{view.text['footer_tool']} {provenance.tool_version}" in text
        assert f"{provenance.set_id}, {view.text['version']} {provenance.set_version}" in text
        assert f"{view.text['workbook_sha256']}: {provenance.workbook_sha256}" in text
        assert f"{view.text['set_sha256']}: {provenance.set_sha256}" in text
        codes = [e.text for e in footer._element.iter(qn("w:instrText"))]
        assert [code.strip() for code in codes] == ["PAGE"]


def test_generated_date_only_with_a_date() -> None:
    """The footer names the generation date when the report has one, and only then."""
    view = example_views("id")[0]
    dated = dataclasses.replace(
        view, footer=dataclasses.replace(view.footer, generated="1 Oktober 2025")
    )
    footer = "\n".join(p.text for p in read(render_docx([dated])).sections[0].footer.paragraphs)
    assert f"{view.text['generated']}: 1 Oktober 2025" in footer
    undated = read(render_docx([view])).sections[0].footer.paragraphs
    assert view.text["generated"] not in "\n".join(p.text for p in undated)


def test_same_views_give_the_same_bytes() -> None:
    """Rendering twice gives identical bytes: every zip entry has the same fixed date and
    the properties carry no creation or modification time."""
    first = render_docx(example_views("id"))
    assert render_docx(example_views("id")) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
        assert "thumbnail" not in package.read("_rels/.rels").decode()
    assert "created" not in core
    assert "modified" not in core
    properties = read(first).core_properties
    assert properties.language == "id-ID"
    assert properties.title.startswith(example_views("id")[0].title)


def test_inventory_text_stays_text() -> None:
    """Markup in data is printed as typed; control characters XML cannot hold become U+FFFD
    and line breaks spaces, instead of breaking the document."""
    view = sample_view("id")
    odd = dataclasses.replace(view.indicators[0], name="Baris\x01satu\ndua", status="a\tb\x0bc")
    view = dataclasses.replace(view, indicators=(odd, *view.indicators[1:]))
    document = read(render_docx([view]))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert any(HOSTILE_LABEL in text for text in cells)
    assert "Baris\ufffdsatu dua" in cells
    assert "a b\ufffdc" in cells


def test_a_chart_without_a_layout_is_described_in_words() -> None:
    """A view whose charts carry only SVG (no layout) gets their descriptions as text and
    their titles as captions, and no picture."""
    view = sample_view("en")
    assert all(chart.drawing is None for chart in view.charts)
    document = read(render_docx([view]))
    assert not document.inline_shapes
    texts = [p.text for p in document.paragraphs]
    for chart in view.charts:
        assert chart.alt in texts
        assert chart.title in texts


def test_a_view_with_nothing_to_list_says_so_in_every_section() -> None:
    """With no groups, charts, indicators, priorities, claims, warnings or targets, every
    section still has its heading and says, in the catalogue's words, that it is empty."""
    view = dataclasses.replace(
        sample_view("id"),
        unassessed=(),
        groups=(),
        breakdowns=(),
        not_applicable=(),
        charts=(),
        indicators=(),
        details=(),
        quick_wins=(),
        longer_work=(),
        unsupported=(),
        warnings=(),
        targets=(),
    )
    document = read(render_docx([view]))
    assert headings(document, 2) == [view.text[key] for key in SECTIONS]
    texts = "\n".join(p.text for p in document.paragraphs)
    texts += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
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
        assert view.text[key] in texts, key
    assert not document.inline_shapes


def test_no_view_is_an_error() -> None:
    """An empty list of views is refused, as by the Markdown and HTML renderer."""
    with pytest.raises(ValueError, match="at least one view"):
        render_docx([])


def test_column_widths_share_the_width_as_a_browser_would() -> None:
    """Widths add up to the table width; numbers keep their whole value on one line and the
    text column takes what is left."""
    columns = (Column("No."), Column("Indicator"), Column("Weight", numeric=True))
    rows = [Row(("1", "A rather long indicator name " * 4, "12,50"))] * 3
    widths = column_widths(columns, rows, 9000)
    assert sum(widths) == 9000
    assert widths[1] == max(widths)
    assert widths[2] >= 5 * 8.5 * 20 * 0.5  # five characters at 8.5 pt, in twips
    short = column_widths(columns, [Row(("1", "Short", "1,00"))], 9000)
    assert sum(short) == 9000
    assert short[2] < short[1]


# ------------------------------------------------------------------------ LibreOffice


def test_libreoffice_prints_the_appendix(tmp_path: Path) -> None:
    """LibreOffice Writer converts the example's appendix to PDF: pages, each set from a new
    page, the headings, the numbers in Indonesian form and the hashes in the footer."""
    soffice = require_tool("soffice", "LibreOffice Writer (soffice)")
    pdftotext = require_tool("pdftotext", "pdftotext (poppler-utils)")
    source = tmp_path / "lampiran.docx"
    source.write_bytes(example_docx("id"))
    run = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / "out" / "lampiran.pdf"
    assert run.returncode == 0, run.stderr
    # Without Writer (Debian: libreoffice-writer-nogui) soffice runs but makes no PDF.
    assert pdf.exists(), f"no PDF; is LibreOffice Writer installed? {run.stdout}{run.stderr}"
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 10
    views = example_views("id")
    flat = " ".join(text.split())
    for view in views:
        for key in SECTIONS:
            assert view.text[key] in flat
        assert view.verified_index in flat
        assert view.footer.set_sha256 in flat
    assert "2,65" in flat
    second_title = " ".join(views[1].title.split())
    first_of_second = next(
        n for n, page in enumerate(pages) if " ".join(page.split()).startswith(second_title)
    )
    assert views[0].footer.set_sha256 in pages[first_of_second - 1]
    assert views[1].footer.set_sha256 in pages[first_of_second]


def test_score_writes_the_word_appendix_through_the_command_line(tmp_path: Path) -> None:
    """``score --format docx -o`` writes the same document as the renderer, for one workbook."""
    out = tmp_path / "lampiran.docx"
    args = ["score", "kota-sukamaju.xlsx", "-s", "spbe-2020", "-s", "smart-city"]
    done = smartserang(*args, "--format", "docx", "-o", out, cwd=EXAMPLES)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == example_docx("id")
    assert done.stdout == ""


def test_a_roll_up_refuses_the_word_format(tmp_path: Path) -> None:
    """A roll-up has no Word appendix: usage error, exit 2, nothing written."""
    out = tmp_path / "rekap.docx"
    example = EXAMPLES / "kota-sukamaju.xlsx"
    done = smartserang("score", example, example, "--format", "docx", "-o", out)
    assert done.returncode == 2
    assert "[usage.format]" in done.stderr
    assert not out.exists()


def test_details_only_in_the_full_appendix() -> None:
    """The default Word appendix has no per-indicator heading and says where the details
    are; with the full detail each indicator short of its target has its heading, its
    criteria and its evidence, as in the HTML."""
    inventory = read_inventory(EXAMPLES / "kota-sukamaju.xlsx", display="kota-sukamaju.xlsx")
    result = score_inventory(load_indicator_set("spbe-2020"), inventory)
    analysis = analyse(result, resolve_targets(result))
    views = {
        detail: build_report_view(result, analysis, basis=Basis.VERIFIED, lang="id", detail=detail)
        for detail in Detail
    }
    short = read(render_docx([views[Detail.SHORT]]))
    full = read(render_docx([views[Detail.FULL]]))
    details = views[Detail.FULL].details
    assert details
    assert views[Detail.SHORT].details == ()
    text = views[Detail.SHORT].text
    assert headings(short, 3) == [text["quick_wins"], text["longer_work"]]
    assert headings(full, 3) == [
        *(f"{d.id} {d.name}" for d in details),
        text["quick_wins"],
        text["longer_work"],
    ]
    paragraphs = [p.text for p in short.paragraphs]
    assert text["details_short"] in paragraphs
    assert text["details_short"] not in [p.text for p in full.paragraphs]
    cells = {cell.text for table in full.tables for row in table.rows for cell in row.cells}
    assert details[0].next_criteria in cells


def test_the_charts_start_a_page() -> None:
    """Each set's charts heading starts a page, so the charts share it as in print."""
    views = example_views("id")
    document = read(example_docx("id"))
    charts = [
        p
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Heading 2" and p.text == views[0].text["charts"]
    ]
    assert len(charts) == len(views)
    assert all(p.paragraph_format.page_break_before for p in charts)
