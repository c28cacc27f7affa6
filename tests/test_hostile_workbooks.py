"""The hostile-workbook corpus (tests/hostile_workbooks.py) through the commands, in-process.

Every case gives exit 0 or 2 as it expects, a located message with exit 2, and never an
uncaught exception; the interesting cases give their specific message. Time and memory
are measured by ``tests/hostile_run.py``, not here.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import hostile_run
import hostile_workbooks
from hostile_case import HostileCase
from smartserang.cli import app
from smartserang.problems import InputError
from smartserang.workbook import package, scan
from smartserang.workbook.limits import Limits, parse_limits
from smartserang.workbook.reader import read_inventory

EXAMPLE = hostile_workbooks.EXAMPLE


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, HostileCase]:
    """Every workbook case (not big), by name: built once for the whole run (the .xls and
    .ods copies take LibreOffice several seconds)."""
    folder = tmp_path_factory.mktemp("corpus")
    return {case.name: case for case in hostile_workbooks.cases(folder)}


def run(*args: str | Path) -> Result:
    """The CLI in-process; stdout and stderr apart."""
    return CliRunner().invoke(app, [str(a) for a in args])


def test_every_case_is_answered_calmly_by_every_command(
    corpus: dict[str, HostileCase], tmp_path: Path
) -> None:
    """score, diff and import: the expected exit, a located message on exit 2, no uncaught
    exception, no /etc/passwd content in any output (every command: hostile_run.py)."""
    failures: list[str] = []
    for case in corpus.values():
        for label, arguments, expect in hostile_run.commands(case, tmp_path):
            if label not in ("score json", "diff case example", "import"):
                continue  # the subprocess runner covers the rest; these keep this test fast
            if case.name.startswith("far-cell-") and label != "score json":
                continue  # the reader refuses these alike, whichever command reads them
            result = run(*arguments)
            problems = hostile_run.judge(
                case, result.exit_code, expect, result.stdout, result.stderr
            )
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                problems.append(f"raised {result.exception!r}")
            failures.extend(f"{case.name} / {label}: {p}" for p in problems)
    assert failures == []


def problems(case: HostileCase, limits: Limits | None = None) -> list[str]:
    """The problems reading the case's workbook (located as its file name)."""
    with pytest.raises(InputError) as caught:
        read_inventory(case.path, display=case.path.name, limits=limits or Limits())
    return [str(p) for p in caught.value.problems]


def test_error_cells_are_reported_at_their_cells(corpus: dict[str, HostileCase]) -> None:
    """Real error cells (t="e"), which python-calamine reads as blank, are located errors."""
    found = problems(corpus["error-cells"])
    advice = "correct its formula or clear it [inventory.cell.error]"
    assert f"error-cells.xlsx:Aplikasi!F2: the cell shows the error #DIV/0!; {advice}" in found
    assert f"error-cells.xlsx:Aplikasi!A3: the cell shows the error #N/A; {advice}" in found
    assert f"error-cells.xlsx:Aplikasi!B4: the cell shows the error #REF!; {advice}" in found


def test_formulas_give_their_cached_values(corpus: dict[str, HostileCase]) -> None:
    """A formula cell reads as the value Excel saved with it."""
    register = read_inventory(corpus["formulas-cached"].path).registers["aplikasi"]
    values = register.rows[0].values
    assert (values["nama_aplikasi"], values["jumlah_pengguna"], values["tahun"]) == (
        "SPSE",
        1234,
        2024,
    )


def test_hidden_sheets_are_read(corpus: dict[str, HostileCase]) -> None:
    """A hidden (or very hidden) sheet counts like a visible one."""
    inventory = read_inventory(corpus["hidden-sheets"].path)
    assert inventory.profile.instansi == "Pemerintah Kota Uji"
    assert len(inventory.registers["aplikasi"].rows) == 2


def test_numbers_and_dates_as_text_are_read(corpus: dict[str, HostileCase]) -> None:
    """'2023', ' 1200 ' and '2024-05-31' typed as text read as the number and date."""
    inventory = read_inventory(corpus["numbers-as-text"].path)
    values = inventory.registers["aplikasi"].rows[0].values
    assert (values["tahun"], values["jumlah_pengguna"]) == (2023, 1200)
    assert str(values["tanggal_reviu"]) == "2024-05-31"
    assert inventory.profile.tahun == 2025


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("encrypted", "it is password-protected"),
        ("zip-truncated", "it is incomplete"),
        ("text-named-xlsx", "not an Excel or OpenDocument workbook"),
        ("zip-bomb", "the compression ratio of xl/worksheets/sheet3.xml (a zip bomb?) is"),
        ("zip-bomb", "raise the limit with --limit ratio=VALUE [inventory.limit]"),
        ("far-cells", "is 1,048,576 rows, above the limit of 500,000 rows"),
        ("string-over-limit", "the text is 40,000 characters, above the limit of 32,767"),
        ("string-over-limit", "--limit string-length=VALUE [inventory.limit]"),
        ("billion-laughs-sheet", "xl/worksheets/sheet2.xml declares a DTD (<!DOCTYPE>)"),
        ("billion-laughs-shared-strings", "xl/sharedStrings.xml declares a DTD (<!DOCTYPE>)"),
        ("xxe-sheet", "xl/worksheets/sheet2.xml declares a DTD (<!DOCTYPE>)"),
        ("xxe-shared-strings", "xl/sharedStrings.xml declares a DTD (<!DOCTYPE>)"),
        ("duplicate-headers", "[inventory.column.duplicate]"),
        ("duplicate-indicators", "[inventory.duplicate]"),
        ("empty-workbook", "no inventory sheet found"),
        *(
            (name, "Aplikasi: the sheet's filled area is 1,048,576 rows, above the limit")
            for name in (
                "far-cell-second-r",
                "far-cell-prefixed",
                "far-cell-lowercase",
                "far-cell-counted",
                "far-cell-part-case",
                "far-cell-repeated",
            )
        ),
    ],
)
def test_refused_case_says_why(corpus: dict[str, HostileCase], name: str, expected: str) -> None:
    """Each refused case has a message naming its cause (and the limit to raise)."""
    found = problems(corpus[name])
    assert any(expected in p for p in found), found
    assert all(p.startswith(f"{corpus[name].path.name}") for p in found)


def test_damaged_zips_are_located_file_errors(corpus: dict[str, HostileCase]) -> None:
    """Bytes flipped in the zip's directory or inside a member: one file-level problem."""
    for name in ("zip-directory-flipped", "zip-member-flipped"):
        found = problems(corpus[name])
        assert len(found) == 1
        assert found[0].startswith(f"{name}.xlsx: cannot read workbook:")
        assert found[0].endswith("[inventory.file]")


def test_rows_limit_names_the_count_and_can_be_raised(corpus: dict[str, HostileCase]) -> None:
    """Past a lowered rows limit: refused with the count; the same limit raised: read."""
    path = corpus["rows-over-limit"].path
    rows = hostile_workbooks.ROW_LIMIT_STAND_IN
    found = problems(corpus["rows-over-limit"], Limits(rows=rows))
    assert found == [
        f"rows-over-limit.xlsx:Aplikasi: the sheet's filled area is {2 * rows + 1:,} rows,"
        f" above the limit of {rows:,} rows; if the workbook is genuine, raise the limit"
        " with --limit rows=VALUE [inventory.limit]"
    ]
    inventory = read_inventory(path, limits=Limits(rows=2 * rows + 1))
    assert len(inventory.registers["aplikasi"].rows) == 2 * rows


def test_unicode_survives_into_json(corpus: dict[str, HostileCase]) -> None:
    """RTL, emoji, combining and zero-width text scores and reaches the JSON unchanged
    (in Unicode NFC, the form names are compared in: composed and combining spellings of
    a name are one name)."""
    result = run("score", corpus["unicode"].path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    arabic, emoji, _, _ = hostile_workbooks.UNICODE_TEXTS
    assert data["inventory"]["instansi"] == f"{arabic} {emoji}"
    inventory = read_inventory(corpus["unicode"].path)
    names = [row.values["nama_aplikasi"] for row in inventory.registers["aplikasi"].rows]
    assert names == [unicodedata.normalize("NFC", t) for t in hostile_workbooks.UNICODE_TEXTS[1:3]]


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_xls_and_ods_score_as_the_xlsx_does(corpus: dict[str, HostileCase], kind: str) -> None:
    """The example saved by LibreOffice as .xls or .ods gives the example's scores."""
    if kind not in corpus:
        pytest.skip("LibreOffice is not installed")
    scores = []
    for path in (EXAMPLE, corpus[kind].path):
        result = run("score", path, "-f", "json")
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        scores.append((data["index"], data["claimed_index"], [g["score"] for g in data["groups"]]))
    assert scores[0] == scores[1]


def test_parse_limits_accepts_sizes_and_counts() -> None:
    """--limit values: sizes with units, counts with separators; the rest keep defaults."""
    limits = parse_limits(["file-size=300MB", "uncompressed-size=1.5GB", "rows=600,000"])
    assert (limits.file_size, limits.uncompressed_size, limits.rows) == (
        300_000_000,
        1_500_000_000,
        600_000,
    )
    assert limits.cells == Limits().cells


def test_bad_limit_options_are_usage_errors() -> None:
    """Unknown names and bad values: every one named, exit 2, nothing read."""
    result = run("score", EXAMPLE, "--limit", "rows=many", "--limit", "speed=3", "--lang", "en")
    assert result.exit_code == 2
    assert "--limit: rows must be a whole number such as 600000, got 'many'" in result.stderr
    assert "--limit: expected NAME=VALUE with NAME one of file-size," in result.stderr
    assert result.stdout == ""


def test_default_limits_let_a_national_register_through() -> None:
    """300,000 rows of 30 columns pass the default rows and cells limits."""
    limits = Limits()
    assert limits.rows >= 300_000
    assert limits.cells >= 300_000 * 30


def test_file_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    """A file over the size limit is refused, naming its size and the option."""
    with pytest.raises(InputError) as caught:
        read_inventory(EXAMPLE, display="big.xlsx", limits=Limits(file_size=1000))
    (problem,) = caught.value.problems
    assert problem.code == "inventory.limit"
    assert "the file's size is" in problem.message
    assert "--limit file-size=VALUE" in problem.message


def test_cells_written_unusually_read_as_the_usual_ones(tmp_path: Path) -> None:
    """Single quotes, other attribute orders, tabs and prefixed elements: the same values
    at the same places as the usual spelling (only the pre-scan reads them slowly)."""
    from hostile_workbooks import APLIKASI, PROFIL, basic, sheet_data, worksheet, write_xlsx

    usual = basic(tmp_path / "usual.xlsx")
    odd = (
        sheet_data(APLIKASI)
        .replace('<c r="A2" t="inlineStr">', "<c t='inlineStr'\tr = 'A2'>")
        .replace('<c r="B3" t="inlineStr">', '<x:c xmlns:x="urn:x" r="B3" t="inlineStr">')
        .replace('</is></c><c r="C3"', '</is></x:c><c r="C3"')
    )
    assert odd.count("<x:c") == odd.count("</x:c>") == 1
    sheets = {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(odd)}
    unusual = write_xlsx(tmp_path / "odd.xlsx", sheets)
    read = [read_inventory(p).registers["aplikasi"].rows for p in (usual, unusual)]
    assert [r.values for r in read[0]] == [r.values for r in read[1]]
    assert [r.number for r in read[0]] == [r.number for r in read[1]] == [2, 3]


def test_error_cells_far_apart_are_all_located(tmp_path: Path) -> None:
    """In a sheet of several MB, an error cell in each MB is reported at its cell (the
    scan reads the first tag by tag, the later ones with a quicker search)."""
    data = [hostile_workbooks.APLIKASI_HEADER]
    errors = {}
    for number in range(2, 40_002):
        status: object = "aktif"
        if number % 9_000 == 0:
            status = hostile_workbooks.Xml(' t="e"><f>1/0</f><v>#DIV/0!</v>')
            errors[number] = f"E{number}"
        data.append([f"Aplikasi {number} " + "x" * 40, "Dinas", "pengadaan", "transaksi", status])
    path = hostile_workbooks.basic(tmp_path / "errors.xlsx", aplikasi=data)
    found = problems(HostileCase("errors", path, "workbook", "error", ""))
    located = [p.split(": ")[0].rsplit("!", 1)[1] for p in found]
    assert located == list(errors.values())
    assert all("the cell shows the error #DIV/0!" in p for p in found)


def test_scan_stops_once_the_area_passes_a_limit(
    corpus: dict[str, HostileCase], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With much of a part left to read, the scan stops at the first row past the limit
    and names the area counted so far as a least size."""
    monkeypatch.setattr(scan, "_STOP_SHORT", 0)
    rows = hostile_workbooks.ROW_LIMIT_STAND_IN
    (found,) = problems(corpus["rows-over-limit"], Limits(rows=rows))
    counted = int(found.split("is at least ")[1].split(" rows")[0].replace(",", ""))
    assert rows < counted <= 2 * rows + 1
    assert found.endswith("above the limit of 2,000 rows; if the workbook is genuine, raise"
                          " the limit with --limit rows=VALUE [inventory.limit]")  # fmt: skip


def test_sheet_whose_part_is_not_found_is_not_read_unscanned(
    corpus: dict[str, HostileCase], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An .xlsx sheet whose part the pre-scan cannot name is refused, never handed to
    calamine unchecked."""
    monkeypatch.setattr(package, "_sheet_parts", lambda archive: {})
    found = problems(corpus["hidden-sheets"])
    assert (
        "hidden-sheets.xlsx:Aplikasi: cannot read sheet: the workbook does not say which"
        " of its parts holds it; save it again [inventory.sheet.unreadable]"
    ) in found
    assert len(found) == 3  # Profil, Penilaian and Aplikasi alike


def test_ods_table_areas_are_those_calamine_lays_out(corpus: dict[str, HostileCase]) -> None:
    """The area counted in a LibreOffice .ods (repeated rows and cells, trailing blanks
    left out) is, table by table, the area python-calamine makes of it."""
    from python_calamine import CalamineWorkbook

    if "ods" not in corpus:
        pytest.skip("LibreOffice is not installed")
    path = corpus["ods"].path
    tables = package.open_package(str(path), path.name, Limits()).tables
    assert tables is not None
    workbook = CalamineWorkbook.from_path(str(path))
    laid_out = {}
    for name in workbook.sheet_names:
        end = workbook.get_sheet_by_name(name).end
        laid_out[name] = (0, 0) if end is None else (end[0] + 1, end[1] + 1)
    assert {name: (t.rows, t.columns) for name, t in tables.items()} == laid_out
    assert len(laid_out) >= 5


def test_ods_repeats_count_as_calamine_counts(tmp_path: Path) -> None:
    """Repeated blank rows and cells before data, repeated filled cells, merged (covered)
    cells, blank cells ending rows: each table's area is the one calamine lays out (the
    tables are long enough for the count to meet both its quick and its exact way)."""
    from python_calamine import CalamineWorkbook

    from hostile_workbooks import write_ods

    value = (
        '<table:table-cell office:value-type="float" office:value="1">'
        "<text:p>1</text:p></table:table-cell>"
    )
    blank_end = '<table:table-cell table:number-columns-repeated="16000"/>'
    plain = f"<table:table-row>{value}{value}{blank_end}</table:table-row>" * 2_000
    extra = {
        "LibreOffice": plain,
        "Repeats": (
            plain
            + f'<table:table-row table:number-rows-repeated="40">{blank_end}</table:table-row>'
            f'<table:table-row><table:table-cell table:number-columns-repeated="7"/>{value}'
            f"{blank_end}</table:table-row>"
            '<table:table-row table:number-rows-repeated="3"><table:table-cell'
            ' office:value-type="float" office:value="2" table:number-columns-repeated="9">'
            f"<text:p>2</text:p></table:table-cell>{blank_end}</table:table-row>"
            '<table:table-row table:style-name="ro1"/>'
            f"<table:table-row><table:covered-table-cell/>{value}</table:table-row>"
            '<table:table-row table:number-rows-repeated="1000000">'
            f"{blank_end}</table:table-row>"
        ),
        "Blank": '<table:table-row table:number-rows-repeated="5"><table:table-cell/>'
        "</table:table-row>",
    }
    tables = {"LibreOffice": [["Nama", "Status"]], "Repeats": [["x"]], "Blank": []}
    path = write_ods(tmp_path / "repeats.ods", tables, extra)
    # Rows this alike pack 200 times over: past the ratio limit, which is not tested here.
    found = package.open_package(str(path), path.name, Limits(ratio=10_000)).tables
    assert found is not None
    workbook = CalamineWorkbook.from_path(str(path))
    laid_out = {}
    for name in workbook.sheet_names:
        end = workbook.get_sheet_by_name(name).end
        laid_out[name] = (0, 0) if end is None else (end[0] + 1, end[1] + 1)
    assert {name: (t.rows, t.columns) for name, t in found.items()} == laid_out
    assert laid_out["LibreOffice"] == (2_001, 2)
    assert laid_out["Repeats"] == (2_047, 9)
