"""The gap-analysis report of the shipped example: gold files, determinism, language,
escaping; the short default and the full detail, and the pages it prints on."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from smartserang.catalogue.report import REPORT as REPORT_TEXT
from smartserang.catalogue.terms import TEXTS as MESSAGES
from smartserang.report.build import build_report_view
from smartserang.report.charts import Group, Shape, Text
from smartserang.report.reporter import Detail
from smartserang.report.view import ReportView
from smartserang.scoring.analysis import analyse, resolve_targets
from smartserang.scoring.levels import Basis, score_inventory
from smartserang.sets.load import load_indicator_set
from smartserang.workbook.reader import read_inventory

from builders import EXAMPLES, edited_example, require_tool, smartserang

GOLD = Path(__file__).parent / "gold"
EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
DATE = "2025-10-01"


def render(fmt: str, lang: str, workbook: Path = EXAMPLE, *extra: str) -> str:
    """The report as the CLI prints it, run from the repository root as a user would.

    The workbook is named by a relative path: locations in the report then do not depend
    on where the repository is checked out.
    """
    root = EXAMPLES.parent
    shown = workbook.relative_to(root) if workbook.is_relative_to(root) else workbook
    run = smartserang(
        "score", shown, "--format", fmt, "--lang", lang, "--date", DATE, *extra, cwd=root
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_matches_gold(fmt: str, lang: str, update_gold: bool) -> None:
    """The example's report is byte-identical to the reviewed gold file (--update-gold rewrites)."""
    output = render(fmt, lang)
    gold = GOLD / f"kota-sukamaju.{lang}.{fmt}"
    if update_gold:
        gold.write_text(output, encoding="utf-8")
    assert output == gold.read_text(encoding="utf-8")


def test_two_runs_give_identical_bytes() -> None:
    """Same inputs, same bytes: no clock, no ordering by chance."""
    first = hashlib.sha256(render("html", "id").encode()).hexdigest()
    assert hashlib.sha256(render("html", "id").encode()).hexdigest() == first


def test_no_date_without_the_option() -> None:
    """Without --date the report carries no date at all."""
    undated = smartserang("score", EXAMPLE, "--format", "md").stdout
    assert REPORT_TEXT["generated"]["id"] not in undated
    assert REPORT_TEXT["generated"]["id"] in render("md", "id")
    assert "1 Oktober 2025" in render("md", "id")


def fixed_words(lang: str) -> set[str]:
    """Words that only occur in the fixed texts of ``lang`` (not in the other language's)."""
    other = "en" if lang == "id" else "id"

    def words(language: str) -> set[str]:
        found: set[str] = set()
        for catalogue in (REPORT_TEXT, MESSAGES):
            for entry in catalogue.values():
                found.update(w.strip(".,:;()").casefold() for w in entry[language].split())
        return {w for w in found if len(w) > 5 and w.isalpha()}

    return words(lang) - words(other)


def data_words(lang: str) -> set[str]:
    """Words the report may print from data: the workbook, contract names, the set's texts."""
    from python_calamine import CalamineWorkbook

    from smartserang.sets.load import load_indicator_set
    from smartserang.workbook.contract import SHEETS

    texts: list[str] = []
    book = CalamineWorkbook.from_path(str(EXAMPLE))
    for name in book.sheet_names:
        texts.extend(str(c) for row in book.get_sheet_by_name(name).to_python() for c in row)
    for sheet in SHEETS:
        texts.extend([sheet.name, *(c.name for c in sheet.columns)])
    iset = load_indicator_set("spbe-2020")
    for indicator in iset.indicators():
        texts.extend(
            [indicator.name.get(lang), *(c.get(lang) for c in indicator.criteria.values())]
        )
        if indicator.evidence is not None:
            texts.extend(step.requires.get(lang) for step in indicator.evidence.steps)
    return {w.strip(".,:;()'").casefold() for t in texts for w in t.split()}


@pytest.mark.parametrize(("lang", "other"), [("en", "id"), ("id", "en")])
def test_report_has_no_fixed_text_of_the_other_language(lang: str, other: str) -> None:
    """--lang en leaves no Indonesian fixed text, and --lang id no English fixed text."""
    text = render("md", lang).casefold()
    candidates = fixed_words(other) - data_words(lang)
    leaked = sorted(w for w in candidates if f" {w} " in f" {text} ")
    assert leaked == []


def test_inventory_text_is_escaped(tmp_path: Path) -> None:
    """An application named <script>alert(1)</script> renders as text in HTML and Markdown."""

    def edit(book: Any) -> None:
        sheet = book["Aplikasi"]
        header = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            if row[header.index("Layanan SPBE")].value == "pengadaan":
                row[header.index("Nama Aplikasi")].value = "<script>alert(1)</script> | x"

    hostile = edited_example(tmp_path / "hostile.xlsx", edit)
    html = render("html", "id", hostile)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = render("md", "id", hostile)
    assert "<script" not in markdown
    assert "\\| x" in markdown


# The short appendix and its details.


def example_view(set_name: str, detail: Detail = Detail.SHORT, lang: str = "id") -> ReportView:
    """The example's report view on one set, as ``score`` builds it."""
    inventory = read_inventory(EXAMPLE, display="kota-sukamaju.xlsx")
    result = score_inventory(load_indicator_set(set_name), inventory)
    analysis = analyse(result, resolve_targets(result))
    return build_report_view(result, analysis, basis=Basis.VERIFIED, lang=lang, detail=detail)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_details_only_with_detail_full(fmt: str) -> None:
    """By default the report leaves each indicator's criteria and evidence out and says
    where they are; --detail full adds a heading, the criteria and the evidence for every
    indicator short of its target or claimed beyond its registers."""
    full = example_view("spbe-2020", Detail.FULL)
    assert full.details
    short, detailed = render(fmt, "id"), render(fmt, "id", EXAMPLE, "--detail", "full")
    words = full.text
    assert words["details_short"].split("(")[0].strip() in short
    assert words["details_short"].split("(")[0].strip() not in detailed
    for detail in full.details:
        heading = f"{detail.id} {detail.name}"
        assert heading in detailed.replace("\\", "")
        assert heading not in short.replace("\\", "")
    criteria = [d.next_criteria for d in full.details if d.next_criteria]
    assert criteria
    assert not any(c in short for c in criteria)
    assert len(detailed) > 1.5 * len(short)


def test_every_group_shows_the_target_it_is_measured_against() -> None:
    """Groups the Target sheet names keep their own target; the others show their parent's
    or the index target, marked as inherited: no group of the example shows "–" while
    the chart draws a target for it."""
    view = example_view("spbe-2020")
    targets = {g.id: (g.target, g.target_inherited) for g in view.groups}
    assert targets["D1"] == ("3,50", False)  # Target sheet, 2027
    assert targets["D3"] == ("2,50", False)
    assert targets["A1"] == ("3,50", True)  # its domain's
    assert targets["A5"] == ("2,50", True)
    assert targets["D2"] == (view.index_target, True)  # the index target
    assert view.targets_inherited
    scores = view.charts[0].drawing
    assert scores is not None
    drawn = [s.text for s in _texts(scores.shapes) if s.anchor == "middle" and "," in s.text]
    assert drawn == [targets[g.id][0] for g in view.groups if g.depth == 0]


def _texts(shapes: tuple[Shape, ...]) -> list[Text]:
    found: list[Text] = []
    for shape in shapes:
        if isinstance(shape, Text):
            found.append(shape)
        elif isinstance(shape, Group):
            found.extend(_texts(shape.shapes))
    return found


def test_a_set_nobody_claimed_shows_no_claimed_figures() -> None:
    """The example claims nothing on the smart city set: its view has no claimed index or
    group score, and its score chart draws verified bars only and says why."""
    view = example_view("smart-city")
    assert not view.claims
    assert view.claimed_index == view.claimed_band == "–"
    assert {g.claimed for g in view.groups} == {"–"}
    assert {r.claimed for b in view.breakdowns for r in b.rows} == {"–"}
    scores = view.charts[0].drawing
    assert scores is not None
    assert "bar-claimed" not in view.charts[0].svg
    assert "Tidak ada klaim penilaian mandiri" in view.charts[0].svg
    spbe = example_view("spbe-2020")
    assert spbe.claims
    assert "bar-claimed" in spbe.charts[0].svg


def test_gap_chart_states_its_order() -> None:
    """The gap chart's title says how its bars are sorted, in the report's language."""
    for lang, words in (("id", "kesenjangan terbesar"), ("en", "largest gap first")):
        (_, gaps) = example_view("spbe-2020", lang=lang).charts
        assert words in gaps.title


def _printed_pages(tmp_path: Path, html: str) -> int:
    """How many A4 pages Chromium prints ``html`` on."""
    chromium = require_tool("chromium")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def test_default_appendix_prints_on_at_most_twelve_pages(tmp_path: Path) -> None:
    """The example's default Indonesian appendix prints on at most 12 A4 pages per set in
    Chromium, alone and with both sets on one page; with --detail full it is longer."""
    counts = {}
    for sets in (["spbe-2020"], ["smart-city"], ["spbe-2020", "smart-city"]):
        options = [part for name in sets for part in ("--set", name)]
        html = render("html", "id", EXAMPLE, *options)
        counts[" ".join(sets)] = _printed_pages(tmp_path, html)
    assert counts["spbe-2020"] <= 12
    assert counts["smart-city"] <= 12
    assert counts["spbe-2020 smart-city"] == counts["spbe-2020"] + counts["smart-city"]
    full = _printed_pages(tmp_path, render("html", "id", EXAMPLE, "--detail", "full"))
    assert full > counts["spbe-2020"]
