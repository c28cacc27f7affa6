"""Tests for reading the inventory workbook (smartserang.workbook.reader)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from office_shapes import Grid, write_grids
from smartserang.model import CellValue, Inventory, Profile
from smartserang.problems import InputError, Severity
from smartserang.workbook.contract import SHEETS, SHEETS_BY_KEY
from smartserang.workbook.names import normalise_token
from smartserang.workbook.reader import read_inventory

Make = Callable[[dict[str, list[list[object]]]], Path]
SOURCE = "inv.xlsx"


def read(path: Path) -> Inventory:
    return read_inventory(path, display=SOURCE)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        read(path)
    return [str(p) for p in caught.value.problems]


def one_value(make_workbook: Make, sheet: str, header: str, raw: object) -> CellValue:
    """The typed value of one cell under ``header``, in a sheet whose other cells are valid."""
    table: dict[str, tuple[list[object], list[object]]] = {
        "Aplikasi": (["Nama Aplikasi"], ["SIPD"]),
        "Fasilitas": (["Nama", "Jenis"], ["PDD", "pusat data"]),
        "Kebijakan": (["Judul", "Topik"], ["Perwal 1", "satu data"]),
        "Program": (["Nama Program"], ["Serang Hebat"]),
    }
    headers, values = table[sheet]
    if header in headers:
        values[headers.index(header)] = raw
    else:
        headers.append(header)
        values.append(raw)
    register = read(make_workbook({sheet: [headers, values]})).registers[sheet.casefold()]
    column = next(c for c in SHEETS_BY_KEY[sheet.casefold()].columns if header in c.headers())
    return register.rows[0].get(column.key)


# ---------------------------------------------------------------- sheets and headers


@pytest.mark.parametrize("title", ["Aplikasi", "applications", " APLIKASI ", "Applications"])
@pytest.mark.parametrize(
    "header",
    [
        ["Nama Aplikasi", "Tingkat Layanan"],
        ["Application", "Service Level"],
        ["  nama aplikasi", "SERVICE LEVEL "],
    ],
)
def test_sheet_and_header_names_accept_aliases_in_any_case(
    make_workbook: Make, title: str, header: list[object]
) -> None:
    """Sheets and headers match by Indonesian name or English alias, any case and spacing."""
    inventory = read(make_workbook({title: [header, ["SIPD", "transaksi"]]}))
    register = inventory.registers["aplikasi"]
    assert register.title == title
    assert register.rows[0].values == {"nama_aplikasi": "SIPD", "tingkat_layanan": 3}


def test_columns_may_come_in_any_order(make_workbook: Make) -> None:
    """Columns are found wherever they are; Register.columns gives their 0-based index."""
    path = make_workbook(
        {"Aplikasi": [["Status", "URL", "Nama Aplikasi"], ["aktif", "https://x.id", "SIPD"]]}
    )
    register = read(path).registers["aplikasi"]
    assert register.columns == {"status": 0, "url": 1, "nama_aplikasi": 2}
    assert register.rows[0].values == {
        "status": "aktif",
        "url": "https://x.id",
        "nama_aplikasi": "SIPD",
    }
    assert register.label(register.rows[0]) == "SIPD"


def test_unknown_column_is_a_warning_naming_its_header_cell(make_workbook: Make) -> None:
    """An unknown header is ignored with a located warning; its cells stay out of the values."""
    path = make_workbook(
        {"Aplikasi": [["Nama Aplikasi", "Catatan", "URL"], ["SIPD", "lama", "https://x.id"]]}
    )
    inventory = read(path)
    assert [str(w) for w in inventory.warnings] == [
        "inv.xlsx:Aplikasi!B1: warning: unknown column 'Catatan' ignored [inventory.column]"
    ]
    assert inventory.warnings[0].severity is Severity.WARNING
    assert inventory.registers["aplikasi"].rows[0].values == {
        "nama_aplikasi": "SIPD",
        "url": "https://x.id",
    }


def test_unknown_sheet_is_a_warning(make_workbook: Make) -> None:
    """A sheet outside the contract is ignored with one warning naming it."""
    inventory = read(make_workbook({"Catatan": [["apa saja"]], "Program": [["Nama Program"]]}))
    assert [(w.location, w.code) for w in inventory.warnings] == [
        ("inv.xlsx:Catatan", "inventory.sheet")
    ]
    assert list(inventory.registers) == ["program"]


def test_same_register_under_two_sheet_names_is_an_error(make_workbook: Make) -> None:
    """ "Aplikasi" and "Applications" in one workbook would be two answers: an error."""
    path = make_workbook({"Aplikasi": [["Nama Aplikasi"]], "Applications": [["Application"]]})
    assert problems_of(path) == [
        "inv.xlsx:Applications: sheet 'Applications' is the same register as sheet"
        " 'Aplikasi'; keep one [inventory.sheet.duplicate]"
    ]


def test_workbook_without_any_contract_sheet_is_an_error(make_workbook: Make) -> None:
    """A workbook with no known sheet is almost surely the wrong file, so it is refused."""
    problems = problems_of(make_workbook({"Sheet1": [["Nama"]]}))
    assert problems[0].startswith("inv.xlsx: no inventory sheet found;")
    assert problems[1] == (
        "inv.xlsx:Sheet1: warning: unknown sheet 'Sheet1' ignored (known: Profil, Penilaian,"
        " Aplikasi, Fasilitas, Kebijakan, Perangkat Daerah, Kecamatan, Program, Target)"
        " [inventory.sheet]"
    )


def test_duplicate_header_is_an_error(make_workbook: Make) -> None:
    """Two headers naming one column (even via its alias) leave the value ambiguous."""
    path = make_workbook({"Fasilitas": [["Nama", "Jenis", "Name"], ["PDD", "pusat data", "x"]]})
    assert problems_of(path) == [
        "inv.xlsx:Fasilitas!C1: column 'Name' appears twice (first at A1)"
        " [inventory.column.duplicate]"
    ]


def test_missing_required_column_is_located_at_the_header_row(make_workbook: Make) -> None:
    """A table sheet lacking a required column is an error at its header row."""
    path = make_workbook({"Fasilitas": [["Nama", "Status"], ["PDD", "aktif"]]})
    assert problems_of(path) == [
        "inv.xlsx:Fasilitas!A1: missing required column 'Jenis' [inventory.column.missing]"
    ]


def test_blank_rows_are_skipped_and_blank_required_cells_reported(make_workbook: Make) -> None:
    """Blank rows vanish; a row with data but no required value is an error at that cell."""
    path = make_workbook(
        {
            "Fasilitas": [
                ["Nama", "Jenis", "Catatan"],
                ["PDD", "pusat data"],
                [None, None, None],
                ["   ", None, "only a note"],
                [None, "cctv"],
            ]
        }
    )
    assert problems_of(path) == [
        "inv.xlsx:Fasilitas!A5: Nama is required but blank [inventory.cell.missing]",
        "inv.xlsx:Fasilitas!C1: warning: unknown column 'Catatan' ignored [inventory.column]",
    ]


def test_header_only_sheet_is_an_empty_register(make_workbook: Make) -> None:
    """A header with no rows is a register that is present and empty (evidence of absence)."""
    register = read(make_workbook({"Kebijakan": [["Judul", "Topik"]]})).registers["kebijakan"]
    assert register.rows == ()
    assert register.columns == {"judul": 0, "topik": 1}


def test_empty_sheet_is_read_as_absent(make_workbook: Make) -> None:
    """A sheet with no cells at all says nothing, so it counts as absent, with a warning."""
    inventory = read(make_workbook({"Kebijakan": [], "Program": [["Nama Program"]]}))
    assert "kebijakan" not in inventory.registers
    assert [w.code for w in inventory.warnings] == ["inventory.sheet.empty"]


# ---------------------------------------------------------------------- cell types


@pytest.mark.parametrize(
    ("sheet", "header", "raw", "expected"),
    [
        ("Aplikasi", "Layanan SPBE", "Data-Terbuka", "data terbuka"),
        ("Aplikasi", "Layanan SPBE", "35", "pengadaan"),
        ("Aplikasi", "Layanan SPBE", 35, "pengadaan"),
        ("Aplikasi", "Layanan SPBE", "open data", "data terbuka"),
        ("Aplikasi", "Tingkat Layanan", "TRANSAKSI", 3),
        ("Aplikasi", "Tingkat Layanan", 4, 4),
        ("Aplikasi", "Status", " Tidak_Aktif ", "tidak aktif"),
        ("Aplikasi", "Hosting", "PDN", "pdn"),
        ("Fasilitas", "Jenis", "Wifi-Publik", "wifi publik"),
        ("Fasilitas", "Jenis", "Drone Pemantau", "drone pemantau"),  # open vocabulary
        ("Kebijakan", "Topik", "Roadmap", "peta rencana"),
    ],
)
def test_vocabulary_values_are_normalised_to_canonical_terms(
    make_workbook: Make, sheet: str, header: str, raw: object, expected: CellValue
) -> None:
    """Vocabulary cells store the canonical term (rank for ordinal scales), whatever spelling."""
    assert one_value(make_workbook, sheet, header, raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ya", True),
        ("Tidak", False),
        ("YES", True),
        ("no", False),
        ("true", True),
        ("False", False),
        ("1", True),
        ("0", False),
        (1, True),
        (0, False),
        ("y", True),
        ("t", False),
        (True, True),
        (False, False),
    ],
)
def test_booleans_accept_indonesian_english_and_numbers(
    make_workbook: Make, raw: object, expected: bool
) -> None:
    """Yes/no cells accept ya/tidak, yes/no, true/false, 1/0, y/t and real booleans."""
    assert one_value(make_workbook, "Aplikasi", "Sistem Penghubung", raw) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (dt.date(2024, 3, 31), dt.date(2024, 3, 31)),
        (dt.datetime(2024, 3, 31, 14, 30), dt.date(2024, 3, 31)),
        ("2024-03-31", dt.date(2024, 3, 31)),
    ],
)
def test_dates_accept_excel_dates_and_iso_text(
    make_workbook: Make, raw: object, expected: dt.date
) -> None:
    """Date cells accept Excel dates (with or without a time) and ISO YYYY-MM-DD text."""
    assert one_value(make_workbook, "Aplikasi", "Tanggal Reviu", raw) == expected


@pytest.mark.parametrize(
    ("sheet", "header", "raw", "expected"),
    [
        (
            "Fasilitas",
            "Units Served",
            "Bappeda, Dinkes ,, Kominfo,",
            ("Bappeda", "Dinkes", "Kominfo"),
        ),
        ("Fasilitas", "Units Served", "semua", ("semua",)),
        ("Aplikasi", "Terintegrasi Dengan", " , ", None),
        ("Aplikasi", "Dimensi Smart City", "Smart Governance, ekonomi", ("governance", "economy")),
        ("Aplikasi", "Dimensi Smart City", "living, Smart Living", ("living",)),
    ],
)
def test_lists_split_on_commas(
    make_workbook: Make, sheet: str, header: str, raw: object, expected: CellValue
) -> None:
    """List cells become tuples of stripped pieces (empties dropped); vocabulary lists normalise."""
    assert one_value(make_workbook, sheet, header, raw) == expected


@pytest.mark.parametrize(
    ("sheet", "header", "raw", "expected"),
    [
        ("Aplikasi", "Jumlah Pengguna", 1200.0, 1200),
        ("Aplikasi", "Jumlah Pengguna", "1200", 1200),
        ("Aplikasi", "Nama Aplikasi", 35.0, "35"),
        ("Aplikasi", "URL", 12.5, "12.5"),
        ("Fasilitas", "Jumlah", 3, 3.0),
        ("Program", "Anggaran", "2.5", 2.5),
        ("Program", "Anggaran", 1_500_000_000, 1_500_000_000.0),
    ],
)
def test_numbers_and_text_are_normalised(
    make_workbook: Make, sheet: str, header: str, raw: object, expected: CellValue
) -> None:
    """Whole floats become int in integer columns and lose ".0" in text; numbers are float."""
    value = one_value(make_workbook, sheet, header, raw)
    assert value == expected
    assert type(value) is type(expected)


YES_NO = "Sistem Penghubung must be ya or tidak (yes/no)"
A_DATE = (
    "Tanggal Reviu must be a date (an Excel date, or written 31/12/2024, 31 Desember 2024"
    " or 2024-12-31)"
)
NO_SUCH_DAY = "that month has no such day; check the date"
WHOLE = "Jumlah Pengguna must be a whole number"


@pytest.mark.parametrize(
    ("header", "raw", "expected"),
    [
        (
            "Tingkat Layanan",
            "transaksional",
            "unknown Tingkat Layanan 'transaksional' (did you mean 'transaksi'?;"
            " accepted: informasi, interaksi, transaksi, kolaborasi, optimum) [inventory.vocab]",
        ),
        (
            "Status",
            "hidup",
            "unknown Status 'hidup' (accepted: aktif, tidak aktif, pengembangan) [inventory.vocab]",
        ),
        (
            "Dimensi Smart City",
            "living, mobility, economi",
            "unknown Dimensi Smart City 'mobility', 'economi' (did you mean 'economy' for"
            " 'economi'?; accepted: governance, branding, economy, living, society,"
            " environment) [inventory.vocab]",
        ),
        ("Sistem Penghubung", "mungkin", f"{YES_NO}, got 'mungkin' [inventory.boolean]"),
        ("Sistem Penghubung", 2, f"{YES_NO}, got 2 [inventory.boolean]"),
        (
            "Tanggal Reviu",
            "31/02/2024",
            f"Tanggal Reviu must be a date, got '31/02/2024': {NO_SUCH_DAY} [inventory.date]",
        ),
        (
            "Tanggal Reviu",
            "2024-02-31",
            f"Tanggal Reviu must be a date, got '2024-02-31': {NO_SUCH_DAY} [inventory.date]",
        ),
        ("Tanggal Reviu", 45000, f"{A_DATE}, got 45000 [inventory.date]"),
        ("Jumlah Pengguna", 12.5, f"{WHOLE}, got 12.5 [inventory.integer]"),
        ("Jumlah Pengguna", "1.0005", f"{WHOLE}, got '1.0005' [inventory.integer]"),
        ("Jumlah Pengguna", True, f"{WHOLE}, got TRUE [inventory.integer]"),
        (
            "URL",
            "#REF!",
            "the cell shows the error #REF!; correct its formula or clear it"
            " [inventory.cell.error]",
        ),
    ],
)
def test_bad_cells_are_errors_located_at_the_cell(
    tmp_path: Path, header: str, raw: object, expected: str
) -> None:
    """A value its column does not accept is an error at that cell, naming the value."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Aplikasi"
    sheet.append(["Nama Aplikasi", "Perangkat Daerah", header])
    sheet.append(["SIPD", "Bappeda", raw])
    if raw == "#REF!":
        sheet["C2"].data_type = "s"  # text showing an error: openpyxl would write an error
    path = tmp_path / "inventory.xlsx"
    workbook.save(path)
    assert problems_of(path) == [f"inv.xlsx:Aplikasi!C2: {expected}"]


def test_real_excel_error_cell_is_reported_at_its_cell(tmp_path: Path) -> None:
    """A true error cell (python-calamine gives it as "") is reported as the error it shows."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Aplikasi"
    sheet.append(["Nama Aplikasi", "URL"])
    sheet.append(["#N/A", "https://x.id"])
    assert sheet["A2"].data_type == "e"
    path = tmp_path / "inventory.xlsx"
    workbook.save(path)
    assert problems_of(path) == [
        "inv.xlsx:Aplikasi!A2: the cell shows the error #N/A; correct its formula or clear it"
        " [inventory.cell.error]"
    ]


# ------------------------------------------------------------------ whole workbook


def test_every_problem_is_reported_in_one_error(make_workbook: Make) -> None:
    """Bad cells on several sheets, plus warnings, all arrive in one InputError, located."""
    assessment: list[list[object]] = [["Indikator", "Tingkat"]]
    assessment += [[str(i), 2] for i in range(1, 8)] + [["35", 7]]
    applications: list[list[object]] = [
        ["Nama Aplikasi", "Perangkat Daerah", "Layanan SPBE", "Tingkat Layanan"]
    ]
    applications += [[f"App {i}", "Bappeda", "perencanaan", "informasi"] for i in range(5)]
    applications += [["SIRUP", "BPBJ", "pengadaan", "transaksional"]]
    path = make_workbook(
        {
            "Penilaian": assessment,
            "Aplikasi": applications,
            "Fasilitas": [["Nama", "Status", "Catatan"], ["PDD", "aktif", "x"]],
        }
    )
    assert problems_of(path) == [
        "inv.xlsx:Penilaian!B9: level must be a whole number from 0 to 5, got 7 [inventory.level]",
        "inv.xlsx:Aplikasi!D7: unknown Tingkat Layanan 'transaksional' (did you mean"
        " 'transaksi'?; accepted: informasi, interaksi, transaksi, kolaborasi, optimum)"
        " [inventory.vocab]",
        "inv.xlsx:Fasilitas!A1: missing required column 'Jenis' [inventory.column.missing]",
        "inv.xlsx:Fasilitas!C1: warning: unknown column 'Catatan' ignored [inventory.column]",
    ]


def test_leading_empty_rows_and_columns_keep_locations_exact(make_workbook: Make) -> None:
    """A table starting at C3 is read from there, and its cells are located as Excel shows them."""
    rows: list[list[object]] = [
        [],
        [],
        [None, None, "Nama Aplikasi", "Tingkat Layanan"],
        [None, None, "SIPD", "transaksi"],
        [],
        [None, None, "SIMPEG", "tinggi"],
    ]
    assert problems_of(make_workbook({"Aplikasi": rows})) == [
        "inv.xlsx:Aplikasi!D6: unknown Tingkat Layanan 'tinggi' (accepted: informasi,"
        " interaksi, transaksi, kolaborasi, optimum) [inventory.vocab]"
    ]
    rows[5][3] = "kolaborasi"
    register = read(make_workbook({"Aplikasi": rows})).registers["aplikasi"]
    assert register.columns == {"nama_aplikasi": 2, "tingkat_layanan": 3}
    assert [(r.number, r.get("tingkat_layanan")) for r in register.rows] == [(4, 3), (6, 4)]


def test_assessment_of_one_indicator_twice_is_an_error(make_workbook: Make) -> None:
    """Penilaian naming an indicator twice is an error at the second row, naming the first."""
    path = make_workbook(
        {"Penilaian": [["Indikator", "Tingkat"], [35, 3], ["36", 2], ["35", 4], [" 36", 1]]}
    )
    assert problems_of(path) == [
        "inv.xlsx:Penilaian!A4: Indikator '35' is already given in row 2 [inventory.duplicate]",
        "inv.xlsx:Penilaian!A5: Indikator '36' is already given in row 3 [inventory.duplicate]",
    ]


def test_assessment_rows_are_typed(make_workbook: Make) -> None:
    """Penilaian keeps indicator ids as text and levels as ints; optional cells may be blank."""
    path = make_workbook(
        {"Assessment": [["Indicator", "Level", "Target", "Evidence"], [35.0, 3.0, None, "SK 12"]]}
    )
    row = read(path).registers["penilaian"].rows[0]
    assert row.values == {"indikator": "35", "tingkat": 3, "data_dukung": "SK 12"}
    assert type(row.get("tingkat")) is int


def test_profile_reads_labels_and_typed_values(make_workbook: Make) -> None:
    """Profil labels (any spelling, in the first used column) fill the Profile, typed."""
    path = make_workbook(
        {
            "Profile": [
                [None, "Agency", "Pemerintah Kota Serang"],
                [None, "jenis instansi", "Kota"],
                [None, "YEAR", 2024.0],
                [None, "Tanggal Penilaian", dt.date(2024, 6, 30)],
                [None, "Jumlah Perangkat Daerah", "38"],
                [None, "Wali Kota", "someone"],
            ]
        }
    )
    inventory = read(path)
    assert inventory.profile == Profile(
        instansi="Pemerintah Kota Serang",
        jenis_instansi="kota",
        tahun=2024,
        tanggal_penilaian=dt.date(2024, 6, 30),
        jumlah_perangkat_daerah=38,
    )
    assert [str(w) for w in inventory.warnings] == [
        "inv.xlsx:Profile!B6: warning: unknown label 'Wali Kota' ignored [inventory.column]"
    ]


def test_profile_bad_value_is_located_at_the_value_cell(make_workbook: Make) -> None:
    """A Profil value its label does not accept is an error at the value, not the label."""
    path = make_workbook({"Profil": [["Tahun", "dua ribu"], ["Jenis Instansi", "desa"]]})
    assert problems_of(path) == [
        "inv.xlsx:Profil!B1: Tahun must be a whole number, got 'dua ribu' [inventory.integer]",
        "inv.xlsx:Profil!B2: unknown Jenis Instansi 'desa' (accepted: kota, kabupaten,"
        " provinsi, instansi pusat) [inventory.vocab]",
    ]


def test_inventory_records_source_and_sha256(make_workbook: Make) -> None:
    """The inventory names the file as displayed and carries the SHA-256 of its bytes."""
    path = make_workbook({"Program": [["Nama Program"], ["Serang Smart"]]})
    inventory = read(path)
    assert inventory.source == SOURCE
    assert inventory.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert read_inventory(path).source == str(path)


def test_registers_follow_contract_order(make_workbook: Make) -> None:
    """Registers are keyed in contract order whatever the tab order, for stable output."""
    path = make_workbook({"Program": [["Nama Program"]], "Aplikasi": [["Nama Aplikasi"]]})
    assert list(read(path).registers) == ["aplikasi", "program"]


# ---------------------------------------------------------------- unreadable files


NOT_A_WORKBOOK = (
    "cannot read workbook: it is a text file (CSV), not an Excel or OpenDocument workbook;"
    " open it in Excel or LibreOffice and save it as .xlsx, or bring its rows in with"
    " smartserang import"
)
TRUNCATED = (
    "cannot read workbook: it is incomplete (the end of its zip is missing: a truncated"
    " download or copy?); copy it again from the original"
)
ENCRYPTED = (
    "cannot read workbook: it is password-protected (or an old .xls renamed);"
    " save an unprotected .xlsx copy"
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "cannot read workbook: file not found"),
        (b"Nama,Jenis\nPDD,pusat data\n", NOT_A_WORKBOOK),
        (b"PK\x03\x04truncated", TRUNCATED),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), ENCRYPTED),
    ],
)
def test_unreadable_file_is_one_located_problem(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    """A missing, non-workbook, truncated or encrypted file gives one readable problem."""
    path = tmp_path / "inventory.xlsx"
    if content is not None:
        path.write_bytes(content)
    assert problems_of(path) == [f"inv.xlsx: {expected} [inventory.file]"]


def test_directory_is_not_a_workbook(tmp_path: Path) -> None:
    """Passing a directory is reported, not raised as an OSError traceback."""
    assert problems_of(tmp_path) == [
        "inv.xlsx: cannot read workbook: it is a directory [inventory.file]"
    ]


# ------------------------------------------------------------------ contract drift


def test_profile_fields_are_the_profil_column_keys() -> None:
    """The reader fills Profile by keyword, so its fields must be Profil's column keys."""
    fields = [f.name for f in dataclasses.fields(Profile)]
    assert fields == [c.key for c in SHEETS_BY_KEY["profil"].columns]


def test_header_and_sheet_spellings_are_unambiguous() -> None:
    """No two sheets, and no two columns of one sheet, share a normalised spelling."""
    sheet_names = [normalise_token(n) for s in SHEETS for n in {s.name, s.alias}]
    assert len(sheet_names) == len(set(sheet_names))
    for sheet in SHEETS:
        names = [normalise_token(n) for c in sheet.columns for n in set(c.headers())]
        assert len(names) == len(set(names)), sheet.key


def test_reading_restores_the_cycle_collector(make_workbook: Make) -> None:
    """The collector paused for speed is back on after a read, even one that fails."""
    import gc

    path = make_workbook({"Program": [["Nama Program", "Anggaran"], ["Serang Smart", "banyak"]]})
    with pytest.raises(InputError):
        read(path)
    assert gc.isenabled()


def test_reading_leaves_no_object_frozen(make_workbook: Make) -> None:
    """Reading moves its objects past the collector's youngest generation without
    freezing them for good: a caller that froze nothing finds nothing frozen."""
    import gc

    path = make_workbook({"Aplikasi": [["Nama Aplikasi", "Status"], ["SIMPEG", "aktif"]]})
    gc.unfreeze()  # what the commands run by earlier tests froze
    read(path)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


# ------------------------------------------------- tables as offices lay them out


def _grid_workbook(tmp_path: Path, sheets: dict[str, Any]) -> Path:
    """``{title: Grid}`` written with its merged ranges."""
    return write_grids(tmp_path / "inventory.xlsx", sheets)


def _notes(inventory: Inventory) -> list[str]:
    return [str(w) for w in inventory.warnings if w.severity is Severity.NOTE]


def test_header_below_title_rows_is_found_and_said(make_workbook: Make) -> None:
    """Title rows and a blank row above the header: the header is found on row 4, with
    a note; the data's row numbers stay those Excel shows."""
    path = make_workbook(
        {
            "Aplikasi": [
                ["DAFTAR APLIKASI PEMERINTAH KOTA SERANG"],
                ["Tahun 2025"],
                [],
                ["Nama Aplikasi", "Tingkat Layanan"],
                ["SIPD", "transaksi"],
            ]
        }
    )
    inventory = read(path)
    register = inventory.registers["aplikasi"]
    assert [(r.number, r.get("tingkat_layanan")) for r in register.rows] == [(5, 3)]
    assert _notes(inventory) == [
        "inv.xlsx:Aplikasi!A4: note: header found on row 4; the rows above it read as the"
        " table's title [inventory.table]"
    ]


def test_a_title_naming_a_column_gives_way_to_the_header_under_it(make_workbook: Make) -> None:
    """A title "Kecamatan" over the header "Nama Kecamatan": the header is the lower row."""
    path = make_workbook({"Kecamatan": [["KECAMATAN"], ["Nama Kecamatan"], ["Serang"]]})
    register = read(path).registers["kecamatan"]
    assert [(r.number, r.get("nama")) for r in register.rows] == [(3, "Serang")]


@pytest.mark.parametrize(
    "header",
    [
        "Nama\u00a0Aplikasi",
        "\ufeffNama Aplikasi",
        "Nama Aplikasi\u200b",
        "Nama\u2060 Aplikasi",
        "ＮＡＭＡ ＡＰＬＩＫＡＳＩ",
        "NAMA APLIKASI:",
        "Nama Aplikasi *",
        "Nama Aplikasi (wajib)",
        "Nama Sistem",
        "Aplikasi",
    ],
)
def test_headers_match_after_nfkc_invisible_characters_marks_and_synonyms(
    make_workbook: Make, header: str
) -> None:
    """A header copied from a web page or typed with marks still names its column."""
    path = make_workbook({"Aplikasi": [[header, "Status\u200b"], ["SIPD", "aktif"]]})
    inventory = read(path)
    assert inventory.registers["aplikasi"].rows[0].values == {
        "nama_aplikasi": "SIPD",
        "status": "aktif",
    }
    assert inventory.warnings == ()


@pytest.mark.parametrize(
    ("sheet", "header", "key"),
    [
        ("Penilaian", "Tingkat Kematangan", "tingkat"),
        ("Penilaian", "Level", "tingkat"),
        ("Aplikasi", "Tingkat Layanan Aplikasi", "tingkat_layanan"),
        ("Aplikasi", "Level Layanan", "tingkat_layanan"),
        ("Aplikasi", "OPD", "perangkat_daerah"),
        ("Aplikasi", "Perangkat Daerah Pengelola", "perangkat_daerah"),
        ("Aplikasi", "Tgl. Reviu", "tanggal_reviu"),
        ("Aplikasi", "Tanggal Review", "tanggal_reviu"),
        ("Fasilitas", "OPD Pengguna", "perangkat_daerah_pengguna"),
        ("Kebijakan", "Tgl Penetapan", "tanggal_penetapan"),
        ("Program", "Pagu Anggaran (Rp)", "anggaran"),
    ],
)
def test_synonyms_name_their_column(sheet: str, header: str, key: str) -> None:
    """The spellings officers use are data in the contract, each naming one column."""
    from smartserang.workbook.headers import name_of

    named = name_of(SHEETS_BY_KEY[normalise_token(sheet).replace(" ", "_")], header)
    assert named is not None
    assert named[0].key == key


def test_every_synonym_names_one_column_of_its_sheet_only() -> None:
    """No spelling, after ``header_key``, names two columns of one sheet, nor two sheets."""
    from smartserang.workbook.names import header_key

    for sheet in SHEETS:
        spelled = [header_key(n) for c in sheet.columns for n in dict.fromkeys(c.headers())]
        assert len(spelled) == len(set(spelled)), sheet.key
    names = [header_key(n) for s in SHEETS for n in dict.fromkeys(s.names())]
    assert len(names) == len(set(names))


def test_a_misspelt_required_header_is_an_error_at_its_cell(make_workbook: Make) -> None:
    """'Nama Aplkasi' under a title: the error is at that cell, with the fix."""
    path = make_workbook(
        {"Aplikasi": [["DAFTAR APLIKASI"], [], ["Nama Aplkasi", "Status"], ["SIPD", "aktif"]]}
    )
    assert problems_of(path)[0] == (
        "inv.xlsx:Aplikasi!A3: missing required column 'Nama Aplikasi': the header"
        " 'Nama Aplkasi' in this cell is not recognised; did you mean 'Nama Aplikasi'?"
        " Rename the header to 'Nama Aplikasi' [inventory.column.missing]"
    )


def test_a_header_close_to_a_column_says_did_you_mean(make_workbook: Make) -> None:
    """An unknown header close to a column the sheet lacks: a warning with the name."""
    path = make_workbook({"Aplikasi": [["Nama Aplikasi", "Tingkat Layananan"], ["SIPD", "x"]]})
    inventory = read(path)
    assert [str(w) for w in inventory.warnings] == [
        "inv.xlsx:Aplikasi!B1: warning: unknown column 'Tingkat Layananan' ignored; did you"
        " mean 'Tingkat Layanan'? [inventory.column]"
    ]
    assert [(n.sheet, n.column) for n in inventory.near_misses] == [("aplikasi", "tingkat_layanan")]


def test_a_synonym_beside_the_contracts_own_name_is_ignored(make_workbook: Make) -> None:
    """'Keterangan' beside 'Penjelasan' in Penilaian: Penjelasan is read, with a warning."""
    path = make_workbook(
        {"Penilaian": [["Indikator", "Penjelasan", "Keterangan"], ["1", "ada", "lain"]]}
    )
    inventory = read(path)
    assert inventory.registers["penilaian"].rows[0].get("penjelasan") == "ada"
    assert [str(w) for w in inventory.warnings] == [
        "inv.xlsx:Penilaian!C1: warning: column 'Keterangan' ignored: Penjelasan is read"
        " from B1 [inventory.column]"
    ]


def test_numbering_columns_and_column_number_rows_are_read_past(make_workbook: Make) -> None:
    """'No.' columns and a '(1) (2) (3)' row under the header: read past; the row noted."""
    path = make_workbook(
        {
            "Fasilitas": [
                ["No.", "Nama", "Jenis"],
                ["(1)", "(2)", "(3)"],
                [1, "PDD", "pusat data"],
                [2, "CCTV Alun-alun", "cctv"],
            ]
        }
    )
    inventory = read(path)
    register = inventory.registers["fasilitas"]
    assert register.columns == {"nama": 1, "jenis": 2}
    assert [r.number for r in register.rows] == [3, 4]
    assert _notes(inventory) == [
        "inv.xlsx:Fasilitas!A2: note: row 2 read as column numbers and left out [inventory.table]"
    ]


def test_a_group_header_over_sub_headers_names_both(tmp_path: Path) -> None:
    """'Tanggal' merged over 'Penetapan' | 'Reviu': Tanggal Penetapan and Tanggal Reviu."""
    grid = Grid(
        [
            ["Judul", "Topik", "Tanggal", None],
            [None, None, "Penetapan", "Reviu"],
            ["Perwal 1", "satu data", dt.date(2024, 1, 2), dt.date(2025, 1, 2)],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)],
    )
    inventory = read(_grid_workbook(tmp_path, {"Kebijakan": grid}))
    row = inventory.registers["kebijakan"].rows[0]
    assert row.get("tanggal_penetapan") == dt.date(2024, 1, 2)
    assert row.get("tanggal_reviu") == dt.date(2025, 1, 2)
    assert row.number == 3
    assert _notes(inventory) == [
        "inv.xlsx:Kebijakan!A1: note: header read from rows 1–2: group headers joined with"
        " the headers under them [inventory.table]"
    ]


def test_totals_rows_are_left_out_with_a_note(make_workbook: Make) -> None:
    """JUMLAH under the Perangkat Daerah list is not a work unit; Sub Total neither."""
    path = make_workbook(
        {
            "Perangkat Daerah": [
                ["Nama", "Singkatan"],
                ["Dinas Kominfo", "Diskominfo"],
                ["Sub Total", 1],
                ["Bappeda", "Bappeda"],
                ["JUMLAH", 2],
            ]
        }
    )
    inventory = read(path)
    assert [r.get("nama") for r in inventory.registers["perangkat_daerah"].rows] == [
        "Dinas Kominfo",
        "Bappeda",
    ]
    assert _notes(inventory) == [
        "inv.xlsx:Perangkat Daerah!A3: note: rows 3, 5 ('Sub Total' and the like) read as"
        " totals rows and left out [inventory.table]"
    ]


def test_a_row_named_like_a_total_with_text_beside_it_is_data(make_workbook: Make) -> None:
    """'Total Station' with a type beside it is a facility, not a totals row."""
    path = make_workbook({"Fasilitas": [["Nama", "Jenis"], ["Total Station", "sensor lingkungan"]]})
    assert [r.get("nama") for r in read(path).registers["fasilitas"].rows] == ["Total Station"]


def test_blank_rows_inside_do_not_end_the_table_notes_below_do(make_workbook: Make) -> None:
    """Blank rows inside are skipped; 'Keterangan:' and a signature below end the table."""
    path = make_workbook(
        {
            "Aplikasi": [
                ["Nama Aplikasi", "Status"],
                ["SIPD", "aktif"],
                [],
                [],
                ["SIMPEG", "aktif"],
                [],
                ["Keterangan:"],
                ["Data per Desember"],
                [None, "Mengetahui,"],
                [None, "NIP. 1975"],
            ]
        }
    )
    inventory = read(path)
    assert [r.number for r in inventory.registers["aplikasi"].rows] == [2, 5]
    assert _notes(inventory) == [
        "inv.xlsx:Aplikasi!A7: note: rows 7–10 below the table ('Keterangan:') read as"
        " notes or a signature and left out [inventory.table]"
    ]


def test_many_data_like_rows_after_a_note_are_an_error(make_workbook: Make) -> None:
    """A 'Catatan:' row in the middle of the data cannot hide the rows after it."""
    rows: list[list[object]] = [["Nama Aplikasi", "Status"], ["SIPD", "aktif"], ["Catatan:"]]
    rows += [[f"App {n}", "aktif"] for n in range(5)]
    problems = problems_of(make_workbook({"Aplikasi": rows}))
    assert problems[0].startswith("inv.xlsx:Aplikasi!A3: rows 3–8 from 'Catatan:' on are left")
    assert problems[0].endswith("[inventory.table]")


def test_a_second_table_below_is_left_out(make_workbook: Make) -> None:
    """Another table under its own title and header is not read into this one."""
    path = make_workbook(
        {
            "Aplikasi": [
                ["Nama Aplikasi", "Status"],
                ["SIPD", "aktif"],
                [],
                ["Tabel 2. Aplikasi yang dihentikan"],
                ["Nama Aplikasi", "Status"],
                ["SIMDA", "tidak aktif"],
            ]
        }
    )
    inventory = read(path)
    assert [r.get("nama_aplikasi") for r in inventory.registers["aplikasi"].rows] == ["SIPD"]
    assert _notes(inventory) == [
        "inv.xlsx:Aplikasi!A3: note: rows 3–6 ('Tabel 2. Aplikasi yang dihentikan') read as"
        " another table below this one and left out [inventory.table]"
    ]


def test_a_value_merged_over_rows_counts_for_each(tmp_path: Path) -> None:
    """Status 'aktif' merged down over four CCTV rows is the status of all four."""
    rows: list[list[object]] = [["Nama", "Jenis", "Status", "Jumlah"]]
    rows += [[f"CCTV {n}", "cctv", "aktif" if n == 1 else None, 10] for n in range(1, 5)]
    rows += [["PDD", "pusat data", "tidak aktif", 1]]
    grid = Grid(rows, [(1, 2, 4, 2)])
    inventory = read(_grid_workbook(tmp_path, {"Fasilitas": grid}))
    statuses = [r.get("status") for r in inventory.registers["fasilitas"].rows]
    assert statuses == ["aktif"] * 4 + ["tidak aktif"]
    assert _notes(inventory) == [
        "inv.xlsx:Fasilitas!C2: note: 1 merged cell(s) applied to every row they cover"
        " (e.g. C2:C5 'aktif' for rows 2–5) [inventory.table]"
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Aplikasi 2025",
        "DAFTAR APLIKASI",
        "Data Aplikasi",
        "Daftar Aplikasi Kota Serang",
        "APLIKASI (2024)",
        "Lampiran 1 - Aplikasi",
        "Aplikasi_2025",
        "Inventaris Aplikasi",
    ],
)
def test_sheet_names_with_years_prefixes_and_places_are_read(
    make_workbook: Make, title: str
) -> None:
    """A sheet named as offices name it is read as its register, with a note."""
    inventory = read(make_workbook({title: [["Nama Aplikasi"], ["SIPD"]]}))
    assert inventory.registers["aplikasi"].title == title
    assert _notes(inventory) == [
        f"inv.xlsx:{title}: note: sheet '{title}' read as Aplikasi [inventory.sheet]"
    ]


def test_two_sheets_fitting_one_register_are_an_error_naming_both(make_workbook: Make) -> None:
    """'Aplikasi 2024' and 'Aplikasi 2025': which is meant cannot be told."""
    path = make_workbook(
        {"Aplikasi 2024": [["Nama Aplikasi"]], "Aplikasi 2025": [["Nama Aplikasi"]]}
    )
    assert problems_of(path) == [
        "inv.xlsx:Aplikasi 2024: sheets 'Aplikasi 2024', 'Aplikasi 2025' could each be"
        " Aplikasi, so which one to read is unclear; rename the one meant to 'Aplikasi', or"
        " delete the others [inventory.sheet.duplicate]"
    ]


def test_a_sheet_fitting_a_register_named_exactly_elsewhere_is_ignored(
    make_workbook: Make,
) -> None:
    """'Aplikasi' and 'Aplikasi 2024': the exact name is read, the other warned about."""
    path = make_workbook({"Aplikasi": [["Nama Aplikasi"]], "Aplikasi 2024": [["Nama Aplikasi"]]})
    inventory = read(path)
    assert inventory.registers["aplikasi"].title == "Aplikasi"
    assert [w.code for w in inventory.warnings] == ["inventory.sheet"]


def test_a_sheet_resembling_a_register_is_a_near_miss(make_workbook: Make) -> None:
    """'Aplkasi': a warning with "did you mean", kept as a near miss for the sets."""
    inventory = read(make_workbook({"Aplkasi": [["Nama Aplikasi"]], "Program": [["Program"]]}))
    assert [str(w) for w in inventory.warnings] == [
        "inv.xlsx:Aplkasi: warning: unknown sheet 'Aplkasi' ignored; did you mean"
        " 'Aplikasi'? Rename it to 'Aplikasi' to have it read [inventory.sheet]"
    ]
    assert [(n.sheet, n.column) for n in inventory.near_misses] == [("aplikasi", None)]


def test_profile_labels_after_a_numbering_column_and_under_a_title(make_workbook: Make) -> None:
    """'No | Uraian | Isian' under a title: the labels are the second column, and the
    title above them is no unknown label."""
    path = make_workbook(
        {
            "Profil": [
                ["PROFIL PEMERINTAH KOTA SERANG"],
                [1, "Nama Instansi", "Pemerintah Kota Serang"],
                [2, "Tahun Penilaian", 2025],
                [3, "Jumlah OPD", 38],
            ]
        }
    )
    inventory = read(path)
    assert inventory.profile == Profile(
        instansi="Pemerintah Kota Serang", tahun=2025, jumlah_perangkat_daerah=38
    )
    assert inventory.warnings == ()


def test_a_sheet_resembling_a_register_present_is_only_unknown(make_workbook: Make) -> None:
    """'Aplikasi Tidak Aktif' beside 'Aplikasi': an unknown sheet, no "did you mean"."""
    path = make_workbook(
        {"Aplikasi": [["Nama Aplikasi"]], "Aplikasi Tidak Aktif": [["Nama Aplikasi"]]}
    )
    inventory = read(path)
    assert [w.text_key for w in inventory.warnings] == ["warn_unknown_sheet"]
    assert inventory.near_misses == ()
