"""Counts and sizes a reader trusts, the file as it is, and formulas saved without a value.

python-calamine trusts a shared-string table's ``uniqueCount`` (it reserves room for that
many strings: 2**32 - 1 aborts the process, 2**64 - 1 panics), an .xls sheet's
``DIMENSIONS`` and every cell's place; it picks its reader by the file's name; and it
reads a formula saved without its value as blank. Each case here is refused with a
located problem before calamine opens the file, read as what it is with a note, or
reported at the cell.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from hostile_workbooks import (
    APLIKASI,
    APLIKASI_HEADER,
    PENILAIAN,
    PROFIL,
    Xml,
    basic,
    sheet_data,
    worksheet,
    write_ods,
    write_xlsx,
)
from smartserang.problems import InputError, Severity
from smartserang.workbook.limits import Limits
from smartserang.workbook.reader import read_inventory
from smartserang.workbook.scan import scan_sheet

from builders import EXAMPLES, smartserang

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
HUGE = ("4294967295", "18446744073709551615", "99999999999999999999999")


def problems_of(path: Path) -> list[str]:
    """Every problem reading ``path`` (located as its file name), in English."""
    with pytest.raises(InputError) as caught:
        read_inventory(path, display=path.name)
    return [str(p) for p in caught.value.problems]


def rewritten(path: Path, part: str, edit: str | bytes, new: str | bytes) -> Path:
    """``path`` with the first match of the pattern ``edit`` in ``part`` replaced."""
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    pattern = edit.encode() if isinstance(edit, str) else edit
    text = new.encode() if isinstance(new, str) else new
    changed, count = re.subn(pattern, text, members[part], count=1)
    assert count == 1, f"{edit!r} not in {part}"
    members[part] = changed
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def shared_strings_workbook(path: Path, unique: str) -> Path:
    """A small valid workbook whose shared-string table says ``uniqueCount=unique``."""
    shared = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="2" uniqueCount="{unique}"><si><t>SPSE</t></si>'
        "<si><t>aktif</t></si></sst>"
    )
    rows = sheet_data([APLIKASI_HEADER]) + (
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Bagian PBJ</t>'
        '</is></c><c r="C2" t="inlineStr"><is><t>pengadaan</t></is></c><c r="D2" t="inlineStr">'
        '<is><t>transaksi</t></is></c><c r="E2" t="s"><v>1</v></c></row>'
    )
    sheets = {
        "Profil": worksheet(sheet_data(PROFIL)),
        "Penilaian": worksheet(sheet_data(PENILAIAN)),
        "Aplikasi": worksheet(rows),
    }
    return write_xlsx(path, sheets, shared=shared)


# ------------------------------------------------------------------ shared strings


@pytest.mark.parametrize("unique", HUGE)
def test_a_shared_string_count_no_workbook_can_hold_is_refused_before_reading(
    tmp_path: Path, unique: str
) -> None:
    """uniqueCount of 2**32 - 1 (calamine aborts) or 2**64 - 1 (calamine panics): one
    located problem, in-process and through the command, exit 2 and no traceback."""
    path = shared_strings_workbook(tmp_path / "strings.xlsx", unique)
    (found,) = problems_of(path)
    assert found.startswith("strings.xlsx: cannot read workbook: xl/sharedStrings.xml says")
    assert f"holds {int(unique):,} strings (uniqueCount)" in found
    assert found.endswith("[inventory.count]")
    result = smartserang("score", path, "--lang", "en")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "[inventory.count]" in result.stderr


def test_true_and_sloppy_shared_string_counts_read(tmp_path: Path) -> None:
    """uniqueCount as written (2), or larger than the table but as a careless writer might
    write it (the number of string cells), reads as the same workbook."""
    exact = read_inventory(shared_strings_workbook(tmp_path / "exact.xlsx", "2"))
    sloppy = read_inventory(shared_strings_workbook(tmp_path / "sloppy.xlsx", "40"))
    assert exact.registers["aplikasi"].rows == sloppy.registers["aplikasi"].rows
    assert exact.registers["aplikasi"].rows[0].values["nama_aplikasi"] == "SPSE"


@pytest.mark.parametrize("attribute", ["count", "uniqueCount"])
def test_any_count_attribute_past_the_workbook_is_refused(tmp_path: Path, attribute: str) -> None:
    """Every ``count`` of every part is held against what the workbook could hold."""
    path = basic(tmp_path / "styled.xlsx")
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats'
        f'.org/spreadsheetml/2006/main"><cellXfs {attribute}="4294967295"><xf numFmtId="0"/>'
        "</cellXfs></styleSheet>"
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/styles.xml", styles)
    (found,) = problems_of(path)
    assert "xl/styles.xml says it holds 4,294,967,295" in found
    assert found.endswith("[inventory.count]")


# ------------------------------------------------------------- sizes and positions


@pytest.mark.parametrize(
    ("extra", "data_edit", "what"),
    [
        ('<dimension ref="A1:XFD4294967295"/>', None, "<dimension ref>"),
        ('<cols><col min="1" max="4294967295" width="9"/></cols>', None, "<col max>"),
        ('<sheetFormatPr defaultRowHeight="15" outlineLevelRow="300"/>', None, "outlineLevelRow"),
        (None, ' spans="1:4294967295"', "row spans"),
        (None, "merge", "<mergeCell ref>"),
    ],
)
def test_sizes_past_any_programs_maximum_are_refused_at_their_sheet(
    tmp_path: Path, extra: str | None, data_edit: str | None, what: str
) -> None:
    """A dimension, column span, row span, outline level or merged range no spreadsheet
    program writes: the sheet is refused, located at it, naming the attribute."""
    rows = sheet_data(APLIKASI)
    tail = ""
    if data_edit == "merge":
        tail = '<mergeCells count="1"><mergeCell ref="A1:A99999999"/></mergeCells>'
    elif data_edit:
        rows = rows.replace('<row r="2">', f'<row r="2"{data_edit}>')
    part = worksheet(rows, extra=tail)
    if extra:
        part = part.replace("<sheetData>", f"{extra}<sheetData>")
    sheets = {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(rows)}
    sheets["Aplikasi"] = part
    found = problems_of(write_xlsx(tmp_path / "sizes.xlsx", sheets))
    assert len(found) == 1, found
    assert found[0].startswith("sizes.xlsx:Aplikasi: cannot read workbook:")
    assert what in found[0]
    assert found[0].endswith("[inventory.count]")


def test_usual_sizes_read(tmp_path: Path) -> None:
    """What Excel and LibreOffice write (a dimension to XFD, columns to 16,384, merged
    cells, spans) reads."""
    rows = sheet_data(APLIKASI).replace('<row r="2">', '<row r="2" spans="1:16384">')
    head = (
        '<dimension ref="A1:E3"/><sheetFormatPr defaultRowHeight="15" outlineLevelRow="2"/>'
        '<cols><col min="6" max="16384" width="9"/></cols>'
    )
    part = worksheet(rows, extra='<mergeCells><mergeCell ref="F1:XFD1048576"/></mergeCells>')
    sheets = {
        "Profil": worksheet(sheet_data(PROFIL)),
        "Aplikasi": part.replace("<sheetData>", head + "<sheetData>"),
    }
    inventory = read_inventory(write_xlsx(tmp_path / "usual.xlsx", sheets))
    assert len(inventory.registers["aplikasi"].rows) == 2


def test_an_ods_merge_past_any_programs_maximum_is_refused(tmp_path: Path) -> None:
    """``table:number-rows-spanned`` past row 1,048,576: refused before calamine opens."""
    row = (
        '<table:table-row><table:table-cell table:number-rows-spanned="4294967295"'
        ' office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )
    path = write_ods(
        tmp_path / "spans.ods", {"Profil": PROFIL, "Aplikasi": APLIKASI}, {"Aplikasi": row}
    )
    (found,) = problems_of(path)
    assert "content.xml holds table:number-rows-spanned = 4,294,967,295" in found


def xls_example(folder: Path) -> Path:
    """The example saved by LibreOffice as .xls (skips without LibreOffice)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--convert-to", "xls", "--outdir", str(folder), str(EXAMPLE)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
    )  # fmt: skip
    return folder / "kota-sukamaju.xls"


@pytest.fixture(scope="module")
def xls(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return xls_example(tmp_path_factory.mktemp("xls")).read_bytes()


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        (0xFFFF, 0xFFFF, "a cell's column = 65,536, past 256 (Excel 97-2003)"),
        (0xFFFF, 0xFF, "is 16,777,216 cells, above the limit of 10,000,000 cells"),
    ],
)
def test_xls_cells_far_apart_are_refused_before_calamine_lays_them_out(
    xls: bytes, tmp_path: Path, row: int, column: int, expected: str
) -> None:
    """A cell record moved to (65535, 65535) made calamine ask for 137 GB; now refused."""
    at = xls.find(b"\xfd\x00\x0a\x00")  # the first LABELSST record: row, column, ...
    changed = bytearray(xls)
    struct.pack_into("<HH", changed, at + 4, row, column)
    path = tmp_path / "far.xls"
    path.write_bytes(bytes(changed))
    found = problems_of(path)
    assert any(expected in p for p in found), found


def test_xls_dimensions_past_the_format_are_refused(xls: bytes, tmp_path: Path) -> None:
    """DIMENSIONS saying 2**31 rows (calamine reserves that area and aborts): refused."""
    at = xls.find(b"\x00\x02\x0e\x00")
    changed = bytearray(xls)
    struct.pack_into("<IIHH", changed, at + 4, 0, 0x7FFFFFFF, 0, 5)
    path = tmp_path / "dims.xls"
    path.write_bytes(bytes(changed))
    (found,) = problems_of(path)
    assert "DIMENSIONS (rows) = 2,147,483,647, past 65,536 (Excel 97-2003)" in found


# ------------------------------------------------------------- the file as it is


def example_as(tmp_path: Path, kind: str, xls: bytes | None = None) -> bytes:
    if kind == ".xlsx":
        return EXAMPLE.read_bytes()
    if kind == ".xls":
        assert xls is not None
        return xls
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
         "--convert-to", kind.lstrip("."), "--outdir", str(out), str(EXAMPLE)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
    )  # fmt: skip
    return (out / f"kota-sukamaju{kind}").read_bytes()


@pytest.mark.parametrize(
    ("kind", "named"),
    [(".xlsx", ".xls"), (".xlsx", ".ods"), (".ods", ".xlsx"), (".xls", ".xlsx"), (".xlsx", ".dat")],
)
def test_a_workbook_under_another_name_is_read_as_what_it_is(
    tmp_path: Path, xls: bytes, kind: str, named: str
) -> None:
    """The example's scores, and a note saying what the file really is."""
    path = tmp_path / f"buku{named}"
    path.write_bytes(example_as(tmp_path, kind, xls))
    read = read_inventory(path, display=path.name)
    original = read_inventory(EXAMPLE)
    assert read.registers.keys() == original.registers.keys()
    assert read.registers["aplikasi"].rows == original.registers["aplikasi"].rows
    notes = [p for p in read.warnings if p.severity is Severity.NOTE]
    assert [str(n) for n in notes] == [
        f"buku{named}: note: the file is an {kind} workbook named {named};"
        f" read as {kind} [inventory.format]"
    ]
    result = smartserang("score", path, "--format", "json")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"<html><body><table><tr><td>Nama Aplikasi</td></tr></table></body></html>",
            "a web page (HTML)",
        ),
        (b'\xef\xbb\xbf<!DOCTYPE html><meta charset="utf-8"><table></table>', "a web page (HTML)"),
        ("Nama Aplikasi\tStatus\nSPSE\taktif\n".encode("utf-16"), "a text file (TSV)"),
        (b"Nama Aplikasi;Status\nSPSE;aktif\n", "a text file (CSV)"),
        (
            b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook '
            b'xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
            "an XML Spreadsheet 2003 file",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"", "the file is empty"),
        (bytes(range(256)) * 4, "its content is not an Excel or OpenDocument workbook"),
    ],
)
def test_what_is_no_workbook_is_named_for_what_it_is(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    """An HTML table or CSV named .xls (as web systems export them), a PDF, an empty
    file: one located problem saying what it is and what to do, never a library message."""
    path = tmp_path / "laporan.xls"
    path.write_bytes(content)
    (found,) = problems_of(path)
    assert found.startswith("laporan.xls: cannot read workbook:")
    assert expected in found
    assert found.endswith("[inventory.file]")
    assert "not found in archive" not in found
    assert "Cfb error" not in found


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ({"word/document.xml": "<w:document/>"}, "it is a Word document"),
        ({"ppt/presentation.xml": "<p:presentation/>"}, "it is a PowerPoint presentation"),
        ({"notes.txt": "hello"}, "it is a zip archive holding no workbook"),
        ({"mimetype": "application/vnd.oasis.opendocument.text"}, "another OpenDocument file"),
    ],
)
def test_a_zip_holding_no_workbook_says_what_it_holds(
    tmp_path: Path, members: dict[str, str], expected: str
) -> None:
    path = tmp_path / "berkas.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    (found,) = problems_of(path)
    assert expected in found
    assert found.endswith("[inventory.file]")


# ----------------------------------------------------- formulas without a value


def test_formulas_saved_without_a_value_are_errors_at_their_cells(tmp_path: Path) -> None:
    """openpyxl writes a formula as ``<f>`` with an empty ``<v>``: blank to any reader.
    Where smartserang reads the cell it is an error saying to save the file in a
    spreadsheet program; a formula in a column it does not read is left alone."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Profil"
    for row in PROFIL:
        sheet.append(row)
    claims = book.create_sheet("Penilaian")
    for claim in [PENILAIAN[0], PENILAIAN[1], ["35", "=1+2", "SPSE"]]:
        claims.append(claim)
    apps = book.create_sheet("Aplikasi")
    for row in [[*APLIKASI_HEADER, "Catatan"], [*APLIKASI[1], "=A2&B2"]]:
        apps.append(row)
    path = tmp_path / "rumus.xlsx"
    book.save(path)
    errors = [p for p in problems_of(path) if ": warning: " not in p]
    assert errors == [
        "rumus.xlsx:Penilaian!B3: the cell is a formula with no saved value (=1+2): open and"
        " save the file in Excel or LibreOffice so that its value is stored"
        " [inventory.cell.error]"
    ]


def test_formulas_with_their_values_and_empty_text_results_read(tmp_path: Path) -> None:
    """A formula with its value, and a text formula whose saved value is the empty text
    (``t="str"`` with ``<v></v>``, as Excel writes ``=""``), are not reported."""
    rows = [
        [*APLIKASI_HEADER, "Jumlah Pengguna", "URL"],
        [*APLIKASI[1], Xml("><f>1200+34</f><v>1234</v>"), Xml(' t="str"><f>""</f><v></v>')],
    ]
    inventory = read_inventory(basic(tmp_path / "saved.xlsx", aplikasi=rows))
    (row,) = inventory.registers["aplikasi"].rows
    assert row.values["jumlah_pengguna"] == 1234


@pytest.mark.parametrize(
    "cell",
    [
        '<table:table-cell table:formula="of:=1+2"/>',
        '<table:table-cell table:formula="of:=1+2" office:value-type="float"/>',
    ],
)
def test_ods_formulas_without_a_value_are_errors_at_their_cells(tmp_path: Path, cell: str) -> None:
    row = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>35</text:p>'
        f"</table:table-cell>{cell}</table:table-row>"
    )
    tables = {"Profil": PROFIL, "Penilaian": PENILAIAN[:2], "Aplikasi": APLIKASI}
    path = write_ods(tmp_path / "rumus.ods", tables, {"Penilaian": row})
    (found,) = problems_of(path)
    assert found.startswith("rumus.ods:Penilaian!B3: the cell is a formula with no saved value")


def test_ods_formula_with_its_value_reads(tmp_path: Path) -> None:
    row = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>35</text:p>'
        '</table:table-cell><table:table-cell table:formula="of:=1+2" office:value-type="float"'
        ' office:value="3"><text:p>3</text:p></table:table-cell></table:table-row>'
    )
    tables = {"Profil": PROFIL, "Penilaian": PENILAIAN[:2], "Aplikasi": APLIKASI}
    inventory = read_inventory(write_ods(tmp_path / "ok.ods", tables, {"Penilaian": row}))
    levels = {
        r.values["indikator"]: r.values["tingkat"] for r in inventory.registers["penilaian"].rows
    }
    assert levels["35"] == 3


# --------------------------------------------------------- wide sheets (AAA)


@pytest.mark.parametrize("width", [1, 2, 26, 27, 52, 53, 677, 702, 703, 704, 729, 1000])
def test_openpyxl_sheets_of_any_width_read(tmp_path: Path, width: int) -> None:
    """A header reaching column AAA (703) and beyond, over 500 rows, written by openpyxl:
    read (the columns past the contract's are warnings), and the scan's area is exact."""
    book = Workbook(write_only=True)
    for title, rows in (("Profil", PROFIL), ("Penilaian", PENILAIAN)):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    apps = book.create_sheet("Aplikasi")
    header = [*APLIKASI_HEADER, *(f"Kolom {n}" for n in range(5, width + 1))][:width]
    apps.append(header)
    for number in range(520):
        cells = [f"App {number}", "Dinas", "pengadaan", "transaksi", "aktif"][:width]
        apps.append([*cells, *([""] * (width - len(cells) - 1)), *(["x"] if width > 5 else [])])
    path = tmp_path / f"wide-{width}.xlsx"
    book.save(path)
    scan = scan_sheet(str(path), "xl/worksheets/sheet3.xml", Limits())
    assert scan.damage is None
    assert scan.past is None
    if scan.exact:
        assert (scan.rows, scan.columns) == (521, width)
    else:  # the quick scan's bound: within it, and no smaller than the sheet
        assert scan.rows >= 521
        assert scan.columns >= width
    if width >= len(APLIKASI_HEADER):
        inventory = read_inventory(path)
        assert len(inventory.registers["aplikasi"].rows) == 520


# ------------------------------------------------------------ a roll-up's death

_ABORTING = """
import os, sys
from smartserang.workbook import filetype
opened = filetype.open_workbook
def open_workbook(path, kind):
    if "rusak-proses" in path:
        os.abort()  # as python-calamine aborts on an allocation it cannot make
    return opened(path, kind)
filetype.open_workbook = open_workbook
from smartserang.cli import main
sys.argv = ["smartserang", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the pool forks on Linux")
@pytest.mark.parametrize("command", ["score", "check"])
def test_a_workbook_that_kills_its_reader_in_a_roll_up_is_named(
    tmp_path: Path, command: str
) -> None:
    """Among good workbooks, one whose reading aborts its process: the run names that
    workbook, every other one is read (its own problems reported with it), exit 2."""
    folder = tmp_path / "units"
    folder.mkdir()
    for number in range(5):
        shutil.copy(EXAMPLE, folder / f"unit-{number}.xlsx")
    shutil.copy(EXAMPLE, folder / "unit-2-rusak-proses.xlsx")
    shutil.copy(EXAMPLES / "rusak.xlsx", folder / "unit-3-rusak.xlsx")
    paths = [*(sorted(folder.iterdir()) if command == "check" else [folder]), "--lang", "en"]
    result = subprocess.run(
        [sys.executable, "-c", _ABORTING, command, *map(str, paths), "--jobs", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    died = [line for line in result.stderr.splitlines() if "[inventory.crash]" in line]
    assert died == [
        f"{folder / 'unit-2-rusak-proses.xlsx'}: reading this workbook stopped its process"
        " (SIGABRT, signal 6): the file is damaged or made to break its reader; it is left"
        " out and the other workbooks are read; open it and save it again in Excel or"
        " LibreOffice [inventory.crash]"
    ]
    assert f"{folder / 'unit-3-rusak.xlsx'}:" in result.stderr  # its own problems, read
    if command == "check":  # each good workbook checked
        for number in (0, 1, 2, 4):
            assert f"smartserang: OK {folder / f'unit-{number}.xlsx'}: spbe-2020" in result.stderr
