"""The example rewritten as offices type values scores as the example does, or is refused
at the rewritten cell with the fix; CSV files shaped as exports go wrong import the rows
they hold and name the lines they cannot.

The cases come from ``office_values.py`` (one family per kind of value, several seeds).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

import office_values
from office_values import ImportCase, OfficeCase, Refused
from smartserang import session
from smartserang.cli import app
from smartserang.model import IndicatorSet
from smartserang.problems import Severity
from smartserang.scoring.levels import GroupResult, SetResult
from smartserang.workbook.reader import read_inventory

from builders import EXAMPLES, edited_example, write_workbook

SEEDS = (0, 1, 2)
SETS = ("spbe-2020", "smart-city")


@functools.cache
def example() -> Workbook:
    return load_workbook(EXAMPLES / "kota-sukamaju.xlsx")


@functools.cache
def indicator_sets() -> tuple[IndicatorSet, ...]:
    sets, problems = session.load_sets(SETS)
    assert not problems
    return tuple(sets)


def _groups(groups: Iterable[GroupResult]) -> list[tuple[str, Any, Any]]:
    found = []
    for group in groups:
        found.append((group.group.id, group.claimed, group.verified))
        found.extend(_groups(group.groups))
    return found


def scores(results: list[SetResult], path: Path) -> list[Any]:
    """Everything a result scores, without the names it shows (the text family renames)."""
    return [
        (
            result.indicator_set.id,
            result.claimed_index,
            result.verified_index,
            _groups(result.groups),
            [
                (
                    i.indicator.id, i.claimed, i.supported, i.level, i.status, i.target,
                    i.measure, i.measure_max, i.supported_max, i.unavailable,
                    [(row.sheet, row.row) for row in i.evidence],
                )
                for i in result.indicators
            ],
            sorted((w.code, w.location.replace(str(path), "")) for w in result.warnings),
        )
        for result in results
    ]  # fmt: skip


def scored(path: Path) -> tuple[list[Any], list[str]]:
    """The workbook's scores on both shipped sets, or its errors (``file:Sheet!B7: …``)."""
    sets = indicator_sets()
    inventory, problems = session.read_checked(path, sets)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors or inventory is None:
        return [], [str(p).replace(str(path), "x.xlsx") for p in errors]
    return scores(session.score_sets(sets, inventory), path), []


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """The example's scores, saved as the cases are (through openpyxl)."""
    path = edited_example(tmp_path_factory.mktemp("clean") / "clean.xlsx", lambda book: None)
    found, errors = scored(path)
    assert errors == []
    return found


def _all_cases() -> list[tuple[int, OfficeCase]]:
    spbe = indicator_sets()[0]
    return [(s, case) for s in SEEDS for case in office_values.office_cases(s, example(), spbe)]


CASES = _all_cases()


@pytest.mark.parametrize(("seed", "case"), CASES, ids=[f"{s}-{c.name}" for s, c in CASES])
def test_office_values_score_as_the_example_or_are_refused_at_their_cell(
    tmp_path: Path, clean: list[Any], seed: int, case: OfficeCase
) -> None:
    """Each rewriting scores exactly as the example does, or is refused by exactly one
    error, at the rewritten cell, with its code and the fix."""
    path = edited_example(tmp_path / "office.xlsx", case.edit)
    found, errors = scored(path)
    if isinstance(case.expect, Refused):
        expect = case.expect
        assert len(errors) == 1, errors
        assert errors[0].startswith(f"x.xlsx:{expect.cell}: "), errors
        assert errors[0].endswith(f"[{expect.code}]"), errors
        assert expect.words in errors[0], errors
    else:
        assert errors == []
        assert found == clean


def test_every_family_has_cases_of_both_kinds() -> None:
    """Each family rewrites values the reader must take and values it must refuse (one
    seed's worth at least), so no family is tested one way only."""
    seen: dict[str, set[str]] = {}
    for _, case in CASES:
        family = case.name.split(":")[0]
        seen.setdefault(family, set()).add(type(case.expect).__name__)
    assert seen == {
        "numbers": {"Same", "Refused"},
        "text": {"Same"},
        "levels": {"Same", "Refused"},
        "yes/no": {"Same", "Refused"},
        "dates": {"Same", "Refused"},
    }


def test_the_text_family_fails_without_nfc(
    tmp_path: Path, clean: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the reader's NFC the renamed names no longer match and the scores change:
    the text family can fail."""
    from smartserang.workbook import cells

    case = next(c for _, c in CASES if c.name == "text: names NFD where referred to")
    path = edited_example(tmp_path / "office.xlsx", case.edit)
    monkeypatch.setattr(cells, "clean_text", lambda text: text)
    found, errors = scored(path)
    assert errors == []
    assert found != clean


def test_a_refused_value_exits_2_with_its_location_on_the_command_line(tmp_path: Path) -> None:
    """Through the command line: exit 2, the cell's location and the fix on stderr."""
    for _, case in CASES[:12]:
        expect = case.expect
        if not isinstance(expect, Refused):
            continue
        path = edited_example(tmp_path / "office.xlsx", case.edit)
        result = CliRunner().invoke(app, ["score", str(path), "-f", "json", "--lang", "en"])
        assert result.exit_code == 2, case.name
        assert f"{path}:{expect.cell}: " in result.stderr
        assert expect.words in result.stderr
        assert result.stdout == ""


def test_refusals_are_worded_in_indonesian_too(tmp_path: Path) -> None:
    """The command line speaks Indonesian by default: a refused value's message is the
    catalogue's Indonesian, at the same place, with the same code."""
    spbe = indicator_sets()[0]
    refused = [
        (c.edit, c.expect)
        for c in office_values.office_cases(0, example(), spbe)
        if isinstance(c.expect, Refused) and c.expect.code == "inventory.number"
    ]
    edit, expect = refused[0]
    path = edited_example(tmp_path / "office.xlsx", edit)
    _, problems = session.read_checked(path, indicator_sets())
    (problem,) = [p for p in problems if p.severity is Severity.ERROR]
    assert problem.text_key is not None
    assert problem.message_in("id") != problem.message_in("en")
    assert problem.render("id").startswith(f"{path}:{expect.cell}: ")


# ---------------------------------------------------------------------- import


def _base(folder: Path) -> Path:
    return write_workbook(
        folder / "inventory.xlsx",
        {
            "Profil": [["Instansi", "Kota Uji"], ["Jenis Instansi", "kota"], ["Tahun", 2025]],
            "Fasilitas": [["Nama", "Jenis"], ["Titik awal", "cctv"]],
        },
    )


def _imported(out: Path) -> list[tuple[str, ...]]:
    """The rows ``import`` appended (after the base workbook's one), as CSV text."""
    rows = read_inventory(out).registers["fasilitas"].rows[1:]

    def text(value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return "" if value is None else str(value)

    keys = ("nama", "kecamatan", "status", "jumlah")
    return [tuple(text(row.values.get(k)) for k in keys) for row in rows]


IMPORTS = [(s, case) for s in SEEDS for case in office_values.import_cases(s, example())]


@pytest.mark.parametrize(("seed", "case"), IMPORTS, ids=[f"{s}-{c.name}" for s, c in IMPORTS])
def test_csv_shapes_import_their_rows_and_name_their_lines(
    tmp_path: Path, seed: int, case: ImportCase
) -> None:
    """Each CSV imports the rows it must, skips exactly the lines it must, each named by
    line with the cause, and says in a note what it understood."""
    data = tmp_path / "data.csv"
    data.write_bytes(case.data)
    out = tmp_path / "out.xlsx"
    arguments = [
        "import", str(data), "--into", str(_base(tmp_path)), "--sheet", "Fasilitas",
        "--map", "Nama,Kecamatan,Status,Jumlah", "--set-column", "Jenis=cctv", "-o", str(out),
        "--lang", "en",
    ]  # fmt: skip
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.stderr
    assert _imported(out) == list(case.rows)
    named = {
        int(line.split(":")[1]): line
        for line in result.stderr.splitlines()
        if line.startswith(f"{data}:") and line.split(":")[1].isdigit()
    }
    assert sorted(named) == sorted(case.lines)
    for number, words in case.lines.items():
        assert words in named[number], named[number]
        assert named[number].endswith("]")
    notes = [line for line in result.stderr.splitlines() if ": note: " in line]
    assert bool(notes) == bool(case.note)
    assert all(case.note in note for note in notes)
    skipped = len(case.lines)
    assert f"{skipped} skipped" in result.stderr


# ---------------------------------------------------------------------- the rules, cell by cell


class No(NamedTuple):
    """A refusal: its code, and words of the fix its message names."""

    code: str
    words: str


def _read(sheet: str, key: str, raw: object) -> object:
    """The cell typed alone, or ``("refused", code, message)``."""
    from smartserang.workbook.cells import BadValue, cell_reader
    from smartserang.workbook.contract import SHEETS_BY_KEY

    column = SHEETS_BY_KEY[sheet].column(key)
    assert column is not None
    try:
        return cell_reader(column)(raw)  # type: ignore[arg-type]
    except BadValue as bad:
        return ("refused", bad.code, bad.message)


READ = [
    # Whole numbers: a dot or a space groups thousands; a comma alone before three
    # digits reads two ways, so it is refused; two or more commas group thousands.
    ("aplikasi", "jumlah_pengguna", "1.500", 1500),
    ("aplikasi", "jumlah_pengguna", "1.500.000", 1_500_000),
    ("aplikasi", "jumlah_pengguna", "1 500 000", 1_500_000),
    ("aplikasi", "jumlah_pengguna", "1\u00a0500", 1500),
    ("aplikasi", "jumlah_pengguna", "1,500,000", 1_500_000),
    ("aplikasi", "jumlah_pengguna", "1.500,00", 1500),
    ("aplikasi", "jumlah_pengguna", "1,500.00", 1500),
    ("aplikasi", "jumlah_pengguna", "1.500 orang", 1500),
    ("aplikasi", "jumlah_pengguna", "+12", 12),
    ("aplikasi", "jumlah_pengguna", "1,500", No("inventory.integer", "write 1500 or 1.500")),
    ("aplikasi", "jumlah_pengguna", "2,5", No("inventory.integer", "must be a whole number")),
    ("aplikasi", "jumlah_pengguna", "1.50.000", No("inventory.integer", "must be a whole")),
    ("aplikasi", "jumlah_pengguna", "12 km", No("inventory.integer", "remove 'km'")),
    ("aplikasi", "jumlah_pengguna", "45%", No("inventory.integer", "percentage")),
    ("aplikasi", "jumlah_pengguna", "\u0661\u0662", No("inventory.integer", "whole number")),
    ("profil", "jumlah_penduduk", "718.436 jiwa", 718_436),
    ("profil", "tahun", "2.025", 2025),
    # Counts of things (Fasilitas Jumlah): whole, and stored as numbers.
    ("fasilitas", "jumlah", "1.500 unit", 1500.0),
    ("fasilitas", "jumlah", "3 kamera", 3.0),
    ("fasilitas", "jumlah", 2.5, No("inventory.number", "must be a whole number, got 2.5")),
    ("fasilitas", "jumlah", "banyak", No("inventory.number", "must be a number")),
    ("fasilitas", "jumlah", "-", No("inventory.number", "write 0 if there is none")),
    # Decimals: the comma marks them; a point does where it cannot group thousands.
    ("target", "target", "3,5", 3.5),
    ("target", "target", "3.5", 3.5),
    ("target", "target", "0.500", 0.5),
    ("target", "target", "1.500,75", 1500.75),
    ("target", "target", "1,500.75", 1500.75),
    ("target", "target", "1.500", No("inventory.number", "write 1500 or 1,5")),
    ("target", "target", "1,500", No("inventory.number", "write 1500 or 1,5")),
    # Rupiah: Rp, IDR, ,- and a dot grouping thousands.
    ("program", "anggaran", "Rp 1.500.000", 1_500_000.0),
    ("program", "anggaran", "Rp1.500.000,-", 1_500_000.0),
    ("program", "anggaran", "Rp. 1.500.000,50", 1_500_000.5),
    ("program", "anggaran", "IDR 1,500,000", 1_500_000.0),
    ("program", "anggaran", "-Rp 1.500", -1500.0),
    ("program", "anggaran", "1.500", 1500.0),
    ("program", "anggaran", "Rp 1,500", No("inventory.number", "write 1500 or 1.500")),
    ("program", "anggaran", "Rp 1,85 miliar", 1_850_000_000.0),
    ("program", "anggaran", "450 juta", 450_000_000.0),
    ("program", "anggaran", "1.5 M", No("inventory.number", "remove 'M'")),
    ("profil", "jumlah_penduduk", "1,2 juta jiwa", 1_200_000),
    ("aplikasi", "jumlah_pengguna", "1,2345678 juta", No("inventory.integer", "whole number")),
    # Levels: a number 0-5, with Tingkat/Level, in Roman or in words; a name beside it
    # must name that level.
    ("penilaian", "tingkat", "Tingkat 3", 3),
    ("penilaian", "tingkat", "Level IV", 4),
    ("penilaian", "tingkat", "III", 3),
    ("penilaian", "tingkat", "tiga", 3),
    ("penilaian", "tingkat", "3,0", 3),
    ("penilaian", "tingkat", "3 (Transaksi)", 3),
    ("penilaian", "tingkat", "4 - Terpadu dan Terukur", 4),
    ("penilaian", "tingkat", "Terdefinisi (3)", 3),
    ("penilaian", "tingkat", "2 (Rintisan)", 2),  # level 2 of the smart city scale
    ("penilaian", "tingkat", "3 (Optimum)", No("inventory.level", "'Optimum' is level 5")),
    ("penilaian", "tingkat", "Terdefinisi", No("inventory.level", "names no number")),
    ("penilaian", "tingkat", "3 (sudah SOP)", No("inventory.level", "cannot be checked")),
    ("penilaian", "tingkat", "VI", No("inventory.level", "from 0 to 5")),
    ("aplikasi", "tingkat_layanan", "Tingkat 3", 3),
    ("aplikasi", "tingkat_layanan", "transaksi (3)", 3),
    ("aplikasi", "tingkat_layanan", "4 (optimum)", No("inventory.level", "is level 5, not 4")),
    # Yes/no: words and ticks; a cross, a dash and an answer with more are refused.
    ("aplikasi", "sistem_penghubung", "\u2713", True),
    ("aplikasi", "sistem_penghubung", "\u221a", True),
    ("aplikasi", "sistem_penghubung", "V", True),
    ("aplikasi", "sistem_penghubung", "Sudah", True),
    ("aplikasi", "sistem_penghubung", "tidak ada", False),
    ("aplikasi", "sistem_penghubung", "Belum.", False),
    ("aplikasi", "sistem_penghubung", "x", No("inventory.boolean", "a cross may mean")),
    ("aplikasi", "sistem_penghubung", "\u2013", No("inventory.boolean", "write tidak, or")),
    ("aplikasi", "sistem_penghubung", "Ya, SPLP", No("inventory.boolean", "ya or tidak alone")),
    # Dates: day first; month names; a weekday checked; refused when unsure.
    ("aplikasi", "tanggal_reviu", "05/06/2024", dt.date(2024, 6, 5)),
    ("aplikasi", "tanggal_reviu", "31-12-2024", dt.date(2024, 12, 31)),
    ("aplikasi", "tanggal_reviu", "31.12.2024", dt.date(2024, 12, 31)),
    ("aplikasi", "tanggal_reviu", "31 Des 2024", dt.date(2024, 12, 31)),
    ("aplikasi", "tanggal_reviu", "1 Agt. 2024", dt.date(2024, 8, 1)),
    ("aplikasi", "tanggal_reviu", "Selasa, 31 Desember 2024", dt.date(2024, 12, 31)),
    ("aplikasi", "tanggal_reviu", "December 31, 2024", dt.date(2024, 12, 31)),
    ("aplikasi", "tanggal_reviu", "2024/12/31", dt.date(2024, 12, 31)),
    ("aplikasi", "tanggal_reviu", "2024-12-31T08:30:00", dt.date(2024, 12, 31)),
    ("aplikasi", "tanggal_reviu", "12/31/2024", No("inventory.date", "write 31/12/2024")),
    ("aplikasi", "tanggal_reviu", "31/12/24", No("inventory.date", "e.g. 31/12/2024")),
    ("aplikasi", "tanggal_reviu", "Des 2024", No("inventory.date", "not a full date")),
    ("aplikasi", "tanggal_reviu", "12/2024", No("inventory.date", "not a full date")),
    ("aplikasi", "tanggal_reviu", "Senin, 31 Des 2024", No("inventory.date", "does not fit")),
    ("aplikasi", "tanggal_reviu", "31/02/2024", No("inventory.date", "must be a date")),
    # Text: NFC, invisible characters out, no-break spaces as spaces.
    ("aplikasi", "nama_aplikasi", "Re\u0301vu\u0308", "R\u00e9v\u00fc"),
    ("aplikasi", "nama_aplikasi", "SIM\u200bPEG\ufeff", "SIMPEG"),
    ("aplikasi", "nama_aplikasi", "Satu\u00a0Data", "Satu Data"),
    (
        "aplikasi",
        "terintegrasi_dengan",
        "SIM\u200bPEG, e-Ki\u0301nerja",
        ("SIMPEG", "e-K\u00ednerja"),
    ),
    ("aplikasi", "status", "ak\u200btif", "aktif"),
    (
        "aplikasi",
        "nama_aplikasi",
        "Layanan \U0001f469\u200d\U0001f4bb",
        "Layanan \U0001f469\u200d\U0001f4bb",
    ),
]


@pytest.mark.parametrize(("sheet", "key", "raw", "expected"), READ)
def test_each_form_is_read_or_refused_with_its_fix(
    sheet: str, key: str, raw: object, expected: object
) -> None:
    """The reading rules of docs/workbook.md, one form each: the value read, or the
    refusal's code and the fix it names."""
    found = _read(sheet, key, raw)
    if isinstance(expected, No):
        assert isinstance(found, tuple), found
        _, code, message = found
        assert (code, expected.words in message) == (expected.code, True), message
    else:
        assert found == expected
        assert type(found) is type(expected)
