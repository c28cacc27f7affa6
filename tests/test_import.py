"""``smartserang import``: CSV files from open-data portals appended to a register.

CSV files are written byte for byte in the test, so encodings, separators and broken
lines are visible; workbooks are built in ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shlex
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from smartserang.author.csvimport import decode_csv, parse_csv, sniff_separator, write_checked
from smartserang.problems import InputError
from smartserang.workbook.contract import SHEETS_BY_KEY
from smartserang.workbook.reader import read_inventory

from builders import smartserang, write_workbook

PROFIL: list[list[Any]] = [
    ["Instansi", "Pemerintah Kota Serang"],
    ["Jenis Instansi", "kota"],
    ["Tahun", 2025],
    ["Jumlah Kecamatan", 6],
]
FASILITAS: list[list[Any]] = [
    ["Nama", "Jenis", "Kecamatan", "Status"],
    ["Wi-Fi Alun-alun", "wifi publik", "Serang", "aktif"],
]
WIFI_MAP = "--map Nama=nama_lokasi,Kecamatan=kecamatan,Status=status"


def inventory(tmp_path: Path) -> Path:
    """A workbook with Profil (six kecamatan) and one public Wi-Fi point in Serang."""
    return write_workbook(tmp_path / "inventory.xlsx", {"Profil": PROFIL, "Fasilitas": FASILITAS})


def csv_file(tmp_path: Path, data: bytes, name: str = "data.csv") -> Path:
    """``data`` written as-is to ``tmp_path/name``."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sha(path: Path) -> str:
    """The SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def column(path: Path, name: str, sheet: str = "Fasilitas") -> list[Any]:
    """The values under header ``name`` of ``sheet``, header excluded."""
    rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
    index = list(rows[0]).index(name)
    return [row[index] for row in rows[1:]]


def run_import(csv: Path, into: Path, options: str, out: Path | None = None) -> Any:
    """``smartserang import CSV --into INTO --sheet Fasilitas OPTIONS -o OUT --lang en``, the
    options split as a shell splits them (in English: the tests read its lines)."""
    output: list[str | Path] = ["-o", out] if out is not None else []
    args = ["--into", into, "--sheet", "Fasilitas", *shlex.split(options), *output]
    return smartserang("import", csv, *args, "--lang", "en")


WIFI_CP1252 = (
    b"no;nama_lokasi;kecamatan;status\r\n"
    b"1;Taman Caf\xe9;Cipocok Jaya;Aktif\r\n"  # cp1252 e-acute
    b'2;"Pasar Rau; Blok A";Serang;aktif\r\n'
    b'3;"Stadion Maulana Yusuf;Cipocok Jaya;aktif\r\n'  # the quote never closes
    b"4;Kantor Kecamatan Taktakan;Taktakan;aktif\r\n"
    b"5;Terminal Pakupatan;Kasemen;aktif\r\n"
)


def test_broken_quote_skips_only_its_line_and_leaves_the_inputs_unchanged(
    tmp_path: Path,
) -> None:
    """Every good row of a ;-separated cp1252 CSV is imported; the broken line is named."""
    data, into = csv_file(tmp_path, WIFI_CP1252), inventory(tmp_path)
    before = sha(data), sha(into)
    out = tmp_path / "new.xlsx"
    run = run_import(data, into, f"{WIFI_MAP} --set-column 'Jenis=wifi publik'", out)
    assert run.returncode == 0, run.stderr
    assert f"{data}:4: unterminated quote" in run.stderr
    assert "[import.line]" in run.stderr
    assert "encoding cp1252 (detected), separator ';' (detected)" in run.stderr
    assert "5 rows read, 4 imported into Fasilitas (rows 3–6), 1 skipped (line 4)" in run.stderr
    assert column(out, "Nama") == [
        "Wi-Fi Alun-alun",
        "Taman Café",
        "Pasar Rau; Blok A",
        "Kantor Kecamatan Taktakan",
        "Terminal Pakupatan",
    ]
    assert (sha(data), sha(into)) == before
    assert read_inventory(out).registers["fasilitas"].rows[-1].values == {
        "nama": "Terminal Pakupatan",
        "jenis": "wifi publik",
        "kecamatan": "Kasemen",
        "status": "aktif",
    }


def test_comma_csv_with_a_bom(tmp_path: Path) -> None:
    """A UTF-8 BOM is read as the encoding and does not stick to the first header."""
    data = csv_file(
        tmp_path, b"\xef\xbb\xbfNama,Kecamatan\r\nCaf\xc3\xa9 Kopi,Walantaka\r\nPasar,Serang\r\n"
    )
    out = tmp_path / "new.xlsx"
    run = run_import(data, inventory(tmp_path), "--map Nama,Kecamatan --set-column Jenis=cctv", out)
    assert run.returncode == 0, run.stderr
    assert "encoding utf-8-sig (detected), separator ','" in run.stderr
    assert column(out, "Nama")[1:] == ["Café Kopi", "Pasar"]


def test_tab_separated_utf16_as_excel_exports_unicode_text(tmp_path: Path) -> None:
    """A tab-separated UTF-16 file (Excel's 'Unicode Text') is read through its BOM."""
    text = "Nama\tKecamatan\tJumlah\nCCTV Simpang Ciceri\tCipocok Jaya\t4\n"
    data = csv_file(tmp_path, text.encode("utf-16"))
    out = tmp_path / "new.xlsx"
    run = run_import(
        data, inventory(tmp_path), "--map Nama,Kecamatan,Count=Jumlah --set-column Jenis=CCTV", out
    )
    assert run.returncode == 0, run.stderr
    assert "encoding utf-16 (detected), separator tab (detected)" in run.stderr
    assert column(out, "Jumlah")[1:] == [4]
    assert column(out, "Jenis")[1:] == ["cctv"]


def test_quoted_separators_embedded_newlines_and_field_counts(tmp_path: Path) -> None:
    """Quoted commas and line breaks stay in the value; later lines keep their numbers."""
    data = csv_file(
        tmp_path,
        b"Nama,Kecamatan,Koordinat\n"
        b'"Taman, Blok A",Serang,"-6.12, 106.15"\n'
        b'"Jl. Raya\nNo. 5",Kasemen,\n'  # lines 3-4: one record
        b"Kedai Kopi,Taktakan,,,\n"  # trailing empty fields: padding, not data
        b"only,two\n"  # line 6
        b"a,b,c,d\n",  # line 7
    )
    out = tmp_path / "new.xlsx"
    run = run_import(
        data,
        inventory(tmp_path),
        "--map Nama,Kecamatan,Koordinat --set-column 'Jenis=wifi publik'",
        out,
    )
    assert run.returncode == 0, run.stderr
    assert f"{data}:6: 2 fields where the header has 3 [import.line]" in run.stderr
    assert f"{data}:7: 4 fields where the header has 3 [import.line]" in run.stderr
    assert column(out, "Nama")[1:] == ["Taman, Blok A", "Jl. Raya\nNo. 5", "Kedai Kopi"]
    assert column(out, "Koordinat")[1:] == ["-6.12, 106.15", None, None]
    assert "columns added to Fasilitas: Koordinat" in run.stderr


def test_undecodable_bytes_skip_only_their_line(tmp_path: Path) -> None:
    """A cp1252 byte in a UTF-8 file is named by line; the UTF-8 lines are imported."""
    data = csv_file(
        tmp_path,
        b"Nama;Kecamatan\nCaf\xc3\xa9 A;Serang\nCaf\xe9 B;Serang\nKedai \xc3\xa9;Kasemen\n",
    )
    out = tmp_path / "new.xlsx"
    run = run_import(data, inventory(tmp_path), "--map Nama,Kecamatan --set-column Jenis=cctv", out)
    assert run.returncode == 0, run.stderr
    assert f"{data}:3: bytes that are not valid utf-8" in run.stderr
    assert column(out, "Nama")[1:] == ["Café A", "Kedai é"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            "--map Nma=nama_lokasi --set-column Jenis=cctv",
            [
                "--map: Fasilitas has no column 'Nma' (did you mean 'Nama'?); its columns: Nama,"
                " Jenis, Perangkat Daerah Pengguna, Kecamatan,",
            ],
        ),
        (
            "--map Nama=nama_lokas,Kecamatan=kecamtan --set-column Jenis=cctv",
            [
                "has no column 'nama_lokas' (did you mean 'nama_lokasi'?); its columns: no,"
                " nama_lokasi, kecamatan, status [import.map]",
                "has no column 'kecamtan' (did you mean 'kecamatan'?)",
            ],
        ),
        (
            "--map Nama=nama_lokasi --set-column Jenis=cctv --sheet Fasilitass",
            ["--sheet: unknown sheet 'Fasilitass' (did you mean 'Fasilitas'?)", "Aplikasi"],
        ),
        (
            "--map Nama=nama_lokasi",
            ["Fasilitas needs Jenis in every row: --map 'Jenis=<CSV column>' or --set-column"],
        ),
        (
            "--map Nama=nama_lokasi --set-column Jenis=cctv --set-column Status=x",
            ["--set-column Status: unknown Status 'x' (accepted: aktif, tidak aktif"],
        ),
    ],
)
def test_unknown_names_exit_2_with_suggestions(
    tmp_path: Path, options: str, expected: list[str]
) -> None:
    """A misspelt contract column, CSV column or sheet stops the run, the closest name shown."""
    out = tmp_path / "new.xlsx"
    run = run_import(csv_file(tmp_path, WIFI_CP1252), inventory(tmp_path), options, out)
    assert run.returncode == 2
    for text in expected:
        assert text in run.stderr
    assert "nothing imported" in run.stderr
    assert not out.exists()


def test_set_column_and_vocabulary_values_are_stored_canonical(tmp_path: Path) -> None:
    """Vocabulary spellings become their canonical value; a constant fills every row."""
    data = csv_file(
        tmp_path,
        b"nama,jenis,status\n"
        b"Titik 1,Wifi Publik,Aktif\n"
        b"Titik 2,Public Wi-Fi,active\n"
        b"Kamera 3,CCTV,AKTIF\n"
        b"Titik 4,wifi publik,rusak\n",
    )
    out = tmp_path / "new.xlsx"
    run = run_import(
        data,
        inventory(tmp_path),
        "--map Nama=nama,Type=jenis,Status=status --set-column 'Terhubung Nasional=Ya'",
        out,
    )
    assert run.returncode == 0, run.stderr
    assert f"{data}:5: status: unknown Status 'rusak'" in run.stderr
    assert column(out, "Jenis")[1:] == ["wifi publik", "wifi publik", "cctv"]
    assert column(out, "Status")[1:] == ["aktif", "aktif", "aktif"]
    assert column(out, "Terhubung Nasional")[1:] == ["ya", "ya", "ya"]


def test_a_missing_sheet_is_created_with_the_contract_header(tmp_path: Path) -> None:
    """Aplikasi rows go into a new Aplikasi sheet; levels, dates and lists read back typed."""
    data = csv_file(
        tmp_path,
        b"aplikasi,level,reviu,dimensi\n"
        b'SIMPEG,3,2025-01-02,"Smart Governance, masyarakat"\n'
        b"LAPOR,Kolaborasi,,\n",
    )
    out = tmp_path / "new.xlsx"
    run = smartserang(
        "--lang",
        "en",
        "import",
        data,
        "--into",
        inventory(tmp_path),
        "--sheet",
        "applications",
        "-o",
        out,
        "--map",
        "Nama Aplikasi=aplikasi,Service Level=level,Tanggal Reviu=reviu,Dimensi Smart City=dimensi",
        "--set-column",
        "Layanan SPBE=36",
    )
    assert run.returncode == 0, run.stderr
    assert "sheet Aplikasi created with the contract's header" in run.stderr
    header = next(load_workbook(out)["Aplikasi"].iter_rows(values_only=True))
    assert header == tuple(c.name for c in SHEETS_BY_KEY["aplikasi"].columns)
    rows = read_inventory(out).registers["aplikasi"].rows
    assert [dict(r.values) for r in rows] == [
        {
            "nama_aplikasi": "SIMPEG",
            "tingkat_layanan": 3,
            "tanggal_reviu": dt.date(2025, 1, 2),
            "dimensi_smart_city": ("governance", "society"),
            "layanan_spbe": "kepegawaian",
        },
        {"nama_aplikasi": "LAPOR", "tingkat_layanan": 4, "layanan_spbe": "kepegawaian"},
    ]
    assert column(out, "Tingkat Layanan", "Aplikasi") == ["transaksi", "kolaborasi"]


def test_in_place_keeps_a_backup_and_never_overwrites_one(tmp_path: Path) -> None:
    """--in-place copies the workbook to .bak, replaces it atomically, then refuses a rerun."""
    data, into = csv_file(tmp_path, WIFI_CP1252), inventory(tmp_path)
    original = into.read_bytes()
    options = f"{WIFI_MAP} --set-column 'Jenis=wifi publik' --in-place"
    run = run_import(data, into, options)
    assert run.returncode == 0, run.stderr
    backup = tmp_path / "inventory.xlsx.bak"
    assert backup.read_bytes() == original
    assert len(column(into, "Nama")) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "data.csv",
        "inventory.xlsx",
        "inventory.xlsx.bak",
    ]
    imported = into.read_bytes()
    again = run_import(data, into, options)
    assert again.returncode == 2
    assert "inventory.xlsx.bak: a backup already exists" in again.stderr
    assert (into.read_bytes(), backup.read_bytes()) == (imported, original)


def test_formulas_in_the_csv_are_stored_as_text(tmp_path: Path) -> None:
    """A name like =HYPERLINK(...) becomes a text cell, never a formula."""
    data = csv_file(
        tmp_path,
        b'Nama,Kecamatan\n"=HYPERLINK(""http://evil.example"",""klik"")",Serang\n'
        b"@SUM(A1),Serang\n+1+2,Serang\n",
    )
    out = tmp_path / "new.xlsx"
    run = run_import(data, inventory(tmp_path), "--map Nama,Kecamatan --set-column Jenis=cctv", out)
    assert run.returncode == 0, run.stderr
    cells = [row[0] for row in load_workbook(out)["Fasilitas"].iter_rows(min_row=3)]
    assert [(c.value, c.data_type, c.quotePrefix) for c in cells] == [
        ('=HYPERLINK("http://evil.example","klik")', "s", True),
        ("@SUM(A1)", "s", True),
        ("+1+2", "s", True),
    ]


def test_strict_writes_nothing_when_a_line_is_skipped(tmp_path: Path) -> None:
    """--strict turns any skipped line into exit 2 with nothing written."""
    out = tmp_path / "new.xlsx"
    run = run_import(
        csv_file(tmp_path, WIFI_CP1252),
        inventory(tmp_path),
        f"{WIFI_MAP} --set-column 'Jenis=wifi publik' --strict",
        out,
    )
    assert run.returncode == 2
    assert "--strict: 1 line skipped; nothing written." in run.stderr
    assert not out.exists()


def test_a_workbook_with_errors_is_not_imported_into(tmp_path: Path) -> None:
    """An error already in the workbook stops the import before anything is written."""
    into = write_workbook(
        tmp_path / "inventory.xlsx",
        {"Fasilitas": [["Nama", "Jenis", "Jumlah"], ["Wi-Fi", "wifi publik", "banyak"]]},
    )
    out = tmp_path / "new.xlsx"
    run = run_import(
        csv_file(tmp_path, WIFI_CP1252), into, f"{WIFI_MAP} --set-column Jenis=cctv", out
    )
    assert run.returncode == 2
    assert f"{into}:Fasilitas!C2: Jumlah must be a number" in run.stderr
    assert "nothing imported; fix the workbook first" in run.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("sheets", "expected_rows", "message"),
    [
        (
            {"Fasilitas": [["Nama", "Jenis", "Jumlah"], ["Wi-Fi", "wifi publik", "banyak"]]},
            1,
            "Fasilitas!C2: Jumlah must be a number",
        ),
        (
            {"Fasilitas": [["Nama", "Jenis"], ["Wi-Fi", "wifi publik"]]},
            2,
            "reads 1 of the 2 rows expected in Fasilitas",
        ),
    ],
)
def test_a_result_that_does_not_read_back_leaves_the_target_alone(
    tmp_path: Path, sheets: dict[str, list[list[Any]]], expected_rows: int, message: str
) -> None:
    """The written workbook is read back before the rename; on any problem nothing moves."""
    result = write_workbook(tmp_path / "result.xlsx", sheets).read_bytes()
    target = tmp_path / "out" / "new.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"the old file")
    with pytest.raises(InputError) as caught:
        write_checked(target, result, SHEETS_BY_KEY["fasilitas"], expected_rows)
    assert message in str(caught.value)
    assert target.read_bytes() == b"the old file"
    assert [p.name for p in target.parent.iterdir()] == ["new.xlsx"]


def test_imported_wifi_points_raise_kecamatan_coverage(tmp_path: Path) -> None:
    """The smart city set's Wi-Fi coverage (SOC1.2) counts the imported kecamatan."""
    into = inventory(tmp_path)
    data = csv_file(
        tmp_path,
        b"nama_lokasi;kecamatan;status\n"
        b"Taman Kota;Cipocok Jaya;aktif\n"
        b"Kantor Camat;Taktakan;aktif\n"
        b"Puskesmas;Kasemen;tidak aktif\n",
    )
    out = tmp_path / "new.xlsx"
    run = run_import(data, into, f"{WIFI_MAP} --set-column 'Jenis=Wi-Fi Publik'", out)
    assert run.returncode == 0, run.stderr

    def coverage(workbook: Path) -> float:
        scored = smartserang("score", workbook, "--set", "smart-city", "--format", "json")
        assert scored.returncode == 0, scored.stderr
        (wifi,) = [i for i in json.loads(scored.stdout)["indicators"] if i["id"] == "SOC1.2"]
        return float(wifi["measure"])

    assert coverage(into) == pytest.approx(1 / 6)
    assert coverage(out) == pytest.approx(3 / 6)  # Kasemen's point is not active


@pytest.mark.parametrize(
    ("data", "encoding", "undecodable"),
    [
        (b"a;b\nplain;ascii\n", "utf-8", set()),
        (b"a;b\nCaf\xc3\xa9;x\n", "utf-8", set()),
        (b"a;b\nCaf\xe9;x\nna\xefve;y\n", "cp1252", set()),
        (b"a;b\nCaf\xc3\xa9;x\nCaf\xe9;y\n", "utf-8", {3}),
        (b"a;b\n\x81\x8d;x\n", "latin-1", set()),  # bytes cp1252 leaves undefined
        ("a;b\nCafé;x\n".encode("utf-16"), "utf-16", set()),
        (b"\xef\xbb\xbfa;b\n", "utf-8-sig", set()),
        ("a;b\nCafé;x\n".encode("utf-16-be"), "utf-16-be", set()),  # no BOM
    ],
)
def test_encoding_detection(data: bytes, encoding: str, undecodable: set[int]) -> None:
    """A BOM decides; else UTF-8, cp1252 or latin-1 by majority of the non-ASCII lines."""
    decoded = decode_csv(data)
    assert (decoded.encoding, set(decoded.undecodable)) == (encoding, undecodable)
    assert decoded.lines[0] == "a;b"


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("nama,kecamatan\nA,Serang\n", ","),
        ("nama;alamat\nA;Jl. Raya, No. 5\nB;Jl. Baru, RT 2, RW 3\n", ";"),
        ("nama\talamat\nA\tJl. Raya, No. 5\n", "\t"),
        ("nama|kecamatan|jumlah\nA|Serang|2\n", "|"),
        ('nama,alamat\n"A","Jl. Raya; No. 5"\n', ","),
    ],
)
def test_separator_sniffing(text: str, separator: str) -> None:
    """The separator that splits every line like the header wins, commas in text aside."""
    assert sniff_separator(text.splitlines()) == separator


def test_excel_separator_line_names_the_separator() -> None:
    """Excel's 'sep=;' first line sets the separator and is not the header."""
    table = parse_csv(b"sep=;\nNama;Alamat\nA;Jl. Raya, No. 5\n", "t.csv")
    assert (table.separator, table.header, table.header_line) == (";", ("Nama", "Alamat"), 2)
    assert [(r.line, r.fields) for r in table.records] == [(3, ("A", "Jl. Raya, No. 5"))]


def test_lines_after_a_broken_quote_are_parsed_again() -> None:
    """A quote that closes on a later line is reported on its own line; later rows stay."""
    table = parse_csv(b'a;b\n1;"x\n2;"y"\n3;w\n', "t.csv")
    assert [str(p) for s in table.skipped for p in s.problems] == [
        't.csv:2: unterminated quote: a field opened with " on this line is not closed on it'
        " [import.line]"
    ]
    assert [(r.line, r.fields) for r in table.records] == [(3, ("2", "y")), (4, ("3", "w"))]


# ------------------------------------------------------------ CSV files as exports make them


def test_one_field_is_singular() -> None:
    """A line with one field says "1 field", in either language; two say "2 fields"."""
    table = parse_csv(b"a,b,c\nx\n\n1,2,3\nx,y\n", "t.csv")
    messages = [str(p) for s in table.skipped for p in s.problems]
    assert messages == [
        "t.csv:2: 1 field where the header has 3 [import.line]",
        "t.csv:5: 2 fields where the header has 3 [import.line]",
    ]
    assert table.skipped[0].problems[0].message_in("id") == "1 kolom, padahal header memiliki 3"


def test_records_wrapped_in_one_quoted_value_are_unwrapped_with_a_note() -> None:
    """A CSV saved again as one column ("Nama,Kecamatan" quoted whole) is read as the
    CSV inside the quotes, quotes within it kept, and a note says so."""
    data = b'"Nama,Kecamatan"\n"""Taman, Blok A"",Serang"\n"Pasar,Kasemen"\n'
    table = parse_csv(data, "t.csv")
    assert table.header == ("Nama", "Kecamatan")
    assert [r.fields for r in table.records] == [("Taman, Blok A", "Serang"), ("Pasar", "Kasemen")]
    assert [p.code for p in table.notes] == ["import.csv.wrapped"]
    assert "outer quotes were removed" in str(table.notes[0])


def test_a_one_column_file_of_quoted_values_is_not_unwrapped() -> None:
    """Quoted values holding commas under a one-name header are values, not records."""
    table = parse_csv(b'"Alamat"\n"Jl. Raya, No. 5"\n', "t.csv")
    assert (table.header, table.notes) == (("Alamat",), ())
    assert [r.fields for r in table.records] == [("Jl. Raya, No. 5",)]


def test_a_record_wrapped_on_its_own_line_is_unwrapped() -> None:
    """One line quoted whole among plain ones is read as its record, and named."""
    table = parse_csv(b'Nama,Kecamatan\nA,Serang\n"B,Kasemen"\n', "t.csv")
    assert [r.fields for r in table.records] == [("A", "Serang"), ("B", "Kasemen")]
    assert [str(n) for n in table.notes] == [
        "t.csv: note: line 3: one quoted value holds the whole record; the outer quotes were"
        " removed and it was read as the record [import.csv.wrapped]"
    ]


def test_a_line_break_inside_an_unquoted_value_is_named_on_both_lines() -> None:
    """Line 3 continues line 2 (a raw line break in the address): both named as such,
    the lines after them read as usual."""
    table = parse_csv(
        b"Nama,Alamat,Kecamatan\nTaman,Jl. Raya\nNo. 5,Serang\nPasar,Jl. A,Kasemen\n", "t.csv"
    )
    messages = [str(p) for s in table.skipped for p in s.problems]
    assert messages == [
        "t.csv:2: 2 fields where the header has 3: the record seems to go on at line 3,"
        " broken by a line break inside a value; put that value in double quotes or remove"
        " the line break [import.line]",
        "t.csv:3: line 3 looks like the continuation of line 2: a line break inside a value"
        " [import.line]",
    ]
    assert [(r.line, r.fields) for r in table.records] == [(4, ("Pasar", "Jl. A", "Kasemen"))]


def test_short_lines_throughout_are_not_taken_for_continuations() -> None:
    """When most records lack a field, each short line is only short."""
    table = parse_csv(b"a,b,c\n1,2\n3,4\n5,6\n7,8\n9,10,11\n", "t.csv")
    assert [str(p) for s in table.skipped for p in s.problems] == [
        f"t.csv:{line}: 2 fields where the header has 3 [import.line]" for line in (2, 3, 4, 5)
    ]


def test_garbled_text_is_named_with_the_fix_once_per_column(tmp_path: Path) -> None:
    """UTF-8 read as cp1252 and saved again ('CafÃ©'): each such line is skipped; the
    first names the cause and the fix, the others point back to it."""
    data = csv_file(
        tmp_path,
        "nama_lokasi,kecamatan,status\n"
        "Taman Caf\u00c3\u00a9,Serang,aktif\n"
        "Pasar Rau,Serang,aktif\n"
        "Kedai \u00e2\u20ac\u0153Kopi\u00e2\u20ac\u009d,Kasemen,aktif\n".encode(),
    )
    out = tmp_path / "new.xlsx"
    run = run_import(data, inventory(tmp_path), f"{WIFI_MAP} --set-column Jenis=cctv", out)
    assert run.returncode == 0, run.stderr
    garbled, meant = "Taman Caf\u00c3\u00a9", "Taman Caf\u00e9"
    assert f"{data}:2: nama_lokasi: '{garbled}' looks garbled (probably '{meant}'):" in run.stderr
    assert "save it as UTF-8 and import it again [import.encoding]" in run.stderr
    assert f"{data}:4: nama_lokasi: 'Kedai" in run.stderr
    assert "as on line 2 [import.encoding]" in run.stderr
    assert column(out, "Nama")[1:] == ["Pasar Rau"]


def test_a_cp1252_file_is_not_taken_for_garbled_text(tmp_path: Path) -> None:
    """Text typed in cp1252 (a lone é) decodes as it is and imports: nothing flagged."""
    data = csv_file(tmp_path, WIFI_CP1252)
    out = tmp_path / "new.xlsx"
    run = run_import(data, inventory(tmp_path), f"{WIFI_MAP} --set-column Jenis=cctv", out)
    assert "[import.encoding]" not in run.stderr
    assert "Taman Caf\u00e9" in column(out, "Nama")


def test_indonesian_thousands_and_dates_import_as_numbers_and_dates(tmp_path: Path) -> None:
    """'1.500' titik is 1500, '31/12/2024' is a date; '1,500' is refused with the fix."""
    data = csv_file(
        tmp_path,
        b"nama;jumlah;reviu\n"
        b"CCTV A;1.500;31/12/2024\n"
        b"CCTV B;12 titik;31 Desember 2024\n"
        b"CCTV C;1,500;2024-12-31\n",
    )
    out = tmp_path / "new.xlsx"
    run = run_import(
        data,
        inventory(tmp_path),
        "--map Nama=nama,Jumlah=jumlah,'Tanggal Reviu=reviu' --set-column Jenis=cctv",
        out,
    )
    assert run.returncode == 0, run.stderr
    assert f"{data}:4: jumlah: Jumlah '1,500' is ambiguous" in run.stderr
    assert "write 1500 or 1.500 if the number is 1500 [inventory.number]" in run.stderr
    assert column(out, "Jumlah")[1:] == [1500, 12]
    assert column(out, "Tanggal Reviu")[1:] == [dt.datetime(2024, 12, 31)] * 2
