"""Registers laid out as offices lay them out (``office_shapes``): each read as meant,
scoring exactly as the clean example, or refused with a located error naming the fix;
and a register made up as an office would keep it, scored end to end."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from office_shapes import EXAMPLE, FAMILIES, SAME, Case, Grid, Refused, cases, clean, write_grids
from smartserang import session
from smartserang.model import IndicatorSet
from smartserang.problems import Severity

from builders import smartserang

Scores = list[tuple[Any, ...]]


@cache
def _sets() -> tuple[IndicatorSet, ...]:
    sets, problems = session.load_sets(["spbe-2020", "smart-city"])
    assert problems == []
    return tuple(sets)


def _scores(path: Path) -> tuple[Scores | None, list[Any]]:
    """Each set's claimed and verified index and every indicator's levels, or None and
    the problems when the workbook is refused."""
    inventory, problems = session.read_checked(path, _sets())
    if problems or inventory is None:
        return None, problems
    results = session.score_sets(_sets(), inventory)
    scores = [
        (
            r.claimed_index,
            r.verified_index,
            tuple((i.indicator.id, i.claimed, i.level, i.supported) for i in r.indicators),
        )
        for r in results
    ]
    return scores, list(inventory.warnings)


@cache
def _clean_scores() -> Scores:
    scores, _ = _scores(EXAMPLE)
    assert scores is not None
    return scores


@pytest.mark.parametrize("case", list(cases()), ids=lambda case: case.name)
def test_office_shape_scores_as_the_clean_workbook_or_is_refused(
    case: Case, tmp_path: Path
) -> None:
    """Every shape gives the clean example's indices and per-indicator levels, or a
    located error with its fix; never other scores."""
    path = case.write(tmp_path / f"{case.name}.xlsx")
    scores, problems = _scores(path)
    if case.expect == SAME:
        assert scores == _clean_scores(), [str(p) for p in problems]
        return
    assert isinstance(case.expect, Refused)
    expected = case.expect
    assert scores is None
    place = f"{path}:{expected.sheet}" + (f"!{expected.cell}" if expected.cell else "")
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert any(
        p.code == expected.code
        and (p.location == place or (expected.cell is None and p.location.startswith(place)))
        and expected.fix in p.message
        for p in errors
    ), [str(p) for p in errors]


def test_every_shape_changes_the_workbook_and_is_repeatable() -> None:
    """No case is the clean workbook itself, and the same seed gives the same case."""
    example = clean()
    first, again = list(cases()), list(cases())
    assert {c.family for c in first} == set(FAMILIES)
    for case, twin in zip(first, again, strict=True):
        assert case.sheets == twin.sheets
        assert case.sheets != example, case.name


def test_shapes_of_a_read_are_said_in_notes(tmp_path: Path) -> None:
    """What the reader understood is said, located: the header's row, the totals row,
    the notes below, the merged cells, the sheet's name."""
    notes: set[str | None] = set()
    for case in cases(2):
        if case.expect != SAME:
            continue
        _, warnings = _scores(case.write(tmp_path / f"{case.name}.xlsx"))
        notes.update(w.text_key for w in warnings if w.severity is Severity.NOTE)
    assert {
        "note_header_row",
        "note_header_rows",
        "note_numbers_row",
        "note_totals_row",
        "note_merged",
        "sheet_read_as",
    } <= notes


# ---------------------------------------------------------------- a real register


def _office_register() -> dict[str, Grid]:
    """The example's data as an office keeps it: titles merged over the page, a
    numbering column and a column-number row, a group header, merged Status cells,
    totals, blank rows, renamed sheets, a synonym header and a signature block."""
    sheets = clean()
    office: dict[str, Grid] = {"Profil": sheets["Profil"], "Target": sheets["Target"]}

    penilaian = sheets["Penilaian"]
    penilaian.rows[0] = ["No. Indikator", "Tingkat Kematangan", "Penjelasan", "Bukti Dukung"]
    penilaian.rows[0].append("Target")
    penilaian.insert_rows(0, [["PENILAIAN MANDIRI SPBE KOTA SUKAMAJU TAHUN 2025"], []])
    penilaian.merges.append((0, 0, 0, 4))
    office["Penilaian Mandiri 2025"] = penilaian

    units = sheets["Perangkat Daerah"]
    units.insert_column(0, ["No", *range(1, len(units.rows))])
    units.insert_rows(len(units.rows), [[None, "JUMLAH", len(units.rows) - 1]])
    office["Daftar OPD"] = units

    office["DAFTAR APLIKASI"] = _applications(sheets["Aplikasi"])

    facilities = sheets["Fasilitas"]
    facilities.insert_rows(0, [["Data Fasilitas Infrastruktur SPBE"], []])
    office["Tabel Fasilitas"] = facilities
    for title in ("Kebijakan", "Program"):
        office[title] = sheets[title]
    return office


def _applications(apps: Grid) -> Grid:
    """Aplikasi with titles, a group header, column numbers, merged Status cells, blank
    rows, a totals row and a signature block."""
    header = apps.rows[0]
    width = len(header)
    top: list[Any] = []
    below: list[Any] = []
    for col, name in enumerate(header):
        if name == "Layanan SPBE":
            top.append("Layanan")
            below.append("SPBE")
        elif name == "Tingkat Layanan":
            top.append(None)
            below.append("Tingkat Layanan")
            apps.merges.append((0, col - 1, 0, col))
        else:
            top.append(name)
            below.append(None)
            apps.merges.append((0, col, 1, col))
    apps.rows[0:1] = [top, below]
    apps.merges = [m for m in apps.merges if m[0] < 2]
    status = header.index("Status")
    run = [r for r in range(2, len(apps.rows)) if apps.rows[r][status] == "aktif"][:4]
    if run == list(range(run[0], run[0] + 4)):
        for r in run[1:]:
            apps.rows[r][status] = None
        apps.merges.append((run[0], status, run[-1], status))
    apps.insert_rows(10, [[], []])
    users = header.index("Jumlah Pengguna")
    total = sum(r[users] for r in apps.rows[2:] if len(r) > users and isinstance(r[users], float))
    totals: list[Any] = [None] * width
    totals[0], totals[users] = "JUMLAH", total
    apps.insert_rows(len(apps.rows), [totals, []])
    apps.insert_rows(len(apps.rows), [[None] * (width - 3) + [line] for line in (
        "Sukamaju, 31 Desember 2025", "Mengetahui,", "Kepala Dinas Kominfo", None,
        "NIP. 19750101 200003 1 001",
    )])  # fmt: skip
    apps.insert_rows(2, [[f"({n})" for n in range(1, width + 1)]])
    apps.insert_rows(0, [["DAFTAR APLIKASI PEMERINTAH KOTA SUKAMAJU"], ["Tahun 2025"], []])
    apps.merges.append((0, 0, 0, width - 1))
    return apps


def _cli_scores(path: Path, tmp_path: Path) -> tuple[dict[str, Any], str]:
    run = smartserang(
        "score", path, "--set", "spbe-2020", "-f", "json", "--lang", "en", cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout), run.stderr


def test_a_register_kept_as_an_office_keeps_it_scores_as_the_clean_one(tmp_path: Path) -> None:
    """Titles, a group header, numbering, merged cells, totals, blank rows, a signature
    and renamed sheets: the command line scores it exactly as the clean example, and
    says what it understood on stderr and in the JSON."""
    path = write_grids(tmp_path / "register.xlsx", _office_register())
    office, stderr = _cli_scores(path, tmp_path)
    example, _ = _cli_scores(EXAMPLE, tmp_path)
    for key in ("claimed_index", "verified_index", "completeness", "unsupported_claims"):
        assert office[key] == example[key], key
    levels = ["claimed", "level", "supported", "status"]
    assert [{k: i[k] for k in levels} for i in office["indicators"]] == [
        {k: i[k] for k in levels} for i in example["indicators"]
    ]
    notes = [w for w in office["warnings"] if w["severity"] == "note"]
    said = " ".join(w["location"] + ": " + w["message"] for w in notes)
    assert "DAFTAR APLIKASI!A4: header read from rows 4–5" in said
    assert "row 6 read as column numbers" in said
    assert "'JUMLAH') read as a totals row" in said
    assert "Daftar OPD" in said
    assert "Penilaian Mandiri 2025" in said
    assert "('Sukamaju, 31 Desember 2025') read as notes or a signature" in said
    assert all(w["severity"] != "error" for w in office["warnings"])
    assert "note: sheet 'DAFTAR APLIKASI' read as Aplikasi" in stderr


def test_a_register_with_its_header_misspelt_is_refused_at_that_cell(tmp_path: Path) -> None:
    """The same register with 'Nama Aplkasi': exit 2, the error at the header cell with
    "did you mean", never at A1 of the title."""
    sheets = _office_register()
    apps = sheets["DAFTAR APLIKASI"]
    apps.rows[3][0] = "Nama Aplkasi"
    path = write_grids(tmp_path / "register.xlsx", sheets)
    run = smartserang("score", path, "--lang", "en", cwd=tmp_path)
    assert run.returncode == 2
    assert (
        f"{path}:DAFTAR APLIKASI!A4: missing required column 'Nama Aplikasi': the header"
        " 'Nama Aplkasi' in this cell is not recognised; did you mean 'Nama Aplikasi'?"
    ) in run.stderr
