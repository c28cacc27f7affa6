"""The gap-analysis report of the shipped example: gold files, determinism, language, escaping."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from smartserang.catalogue.report import REPORT as REPORT_TEXT
from smartserang.catalogue.terms import TEXTS as MESSAGES

from builders import EXAMPLES, edited_example, smartserang

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
