"""A register with no service-level field (Kota Denpasar's: 189 applications, 170 active)
scored end to end: indicators 32–47 cannot be checked, their claims stand, and the
terminal, the JSON, the report and ``check`` all say why."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from builders import smartserang, write_workbook

SERVICES = [
    "perencanaan", "penganggaran", "keuangan", "pengadaan", "kepegawaian", "kearsipan",
    "bmd", "pengawasan", "akuntabilitas", "kinerja", "pengaduan", "data terbuka", "jdih",
    "sektor 1", "sektor 2", "sektor 3",
]  # fmt: skip
"""Layanan SPBE of indicators 32–47, in order."""

CLAIMS = {str(32 + n): 2 + n % 3 for n in range(16)}
"""Claims on 32–47: levels 2, 3 and 4 in turn."""

REASON = "Tingkat Layanan is blank in all 189 rows"
WARNING = f"indicators 32–47 cannot be checked: {REASON}"


def denpasar_sheets(service_level: str | None) -> dict[str, list[list[object]]]:
    """The workbook: 189 applications of which 170 active, each naming the service it
    supports, some integrated and reviewed; ``service_level`` None leaves the Tingkat
    Layanan column out, else it is a header over blank cells (``""``)."""
    header: list[object] = ["Nama Aplikasi", "Perangkat Daerah", "Layanan SPBE", "Status"]
    header += ["Terintegrasi Dengan", "Tanggal Reviu"]
    if service_level is not None:
        header.append(service_level)
    rows: list[list[object]] = [header]
    for n in range(189):
        row: list[object] = [
            f"Aplikasi {n:03d}",
            "Dinas Komunikasi dan Informatika",
            SERVICES[n % 16],
            "aktif" if n < 170 else "tidak aktif",
            f"Aplikasi {(n + 1) % 189:03d}" if n % 3 == 0 else None,
            dt.date(2025, 3, 1) if n % 4 == 0 else None,
        ]
        if service_level is not None:
            row.append(None)
        rows.append(row)
    return {
        "Profil": [
            ["Instansi", "Pemerintah Kota Denpasar"],
            ["Tahun", 2025],
            ["Tanggal Penilaian", dt.date(2025, 9, 30)],
            ["Jumlah Perangkat Daerah", 1],
        ],
        "Penilaian": [["Indikator", "Tingkat"], *([k, v] for k, v in CLAIMS.items())],
        "Aplikasi": rows,
    }


@pytest.fixture(scope="module", params=[None, "Tingkat Layanan"], ids=["absent", "blank"])
def denpasar(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The register without a service-level column, and with one left blank in every row."""
    folder = tmp_path_factory.mktemp("denpasar")
    return write_workbook(folder / "denpasar.xlsx", denpasar_sheets(request.param))


def score_json(workbook: Path) -> Any:
    run = smartserang("score", workbook, "--format", "json", "--lang", "en")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_indicators_32_to_47_cannot_be_checked_and_their_claims_stand(denpasar: Path) -> None:
    """Each claim on 32–47 stands unverified at its own level, with the column as the reason;
    no indicator is decided "from the register" at level 1, and the claimed and verified
    indices agree."""
    data = score_json(denpasar)
    by_id = {i["id"]: i for i in data["indicators"]}
    for identifier, level in CLAIMS.items():
        result = by_id[identifier]
        assert (result["status"], result["claimed"], result["level"]) == (
            "unverified",
            level,
            level,
        )
        assert result["supported"] == 1
        assert result["unsupported_claim"] is False
        assert result["unchecked"] is True
        assert result["unchecked_reason"] == REASON
        assert result["blank_fields"] == [
            {"sheet": "Aplikasi", "column": "Tingkat Layanan", "blank": 189, "rows": 189}
        ]
    assert data["unchecked"] == list(CLAIMS)
    assert not any(i["status"] == "register" for i in data["indicators"])
    assert data["verified_index"] == data["claimed_index"]
    assert data["unsupported_claims"] == []


def test_the_json_carries_the_warning_as_one_that_affects_the_score(denpasar: Path) -> None:
    """One warning names the indicators and the column, located at the sheet."""
    data = score_json(denpasar)
    (warning,) = [w for w in data["warnings"] if w["code"] == "inventory.blank"]
    assert warning["message"] == WARNING
    assert warning["location"] == f"{denpasar}:Aplikasi"
    assert warning["affects_score"] is True


def test_completeness_counts_no_unchecked_indicator(denpasar: Path) -> None:
    """Nothing in the workbook is decided by a register: completeness is 0."""
    assert score_json(denpasar)["completeness"] == 0


def test_the_terminal_summary_says_which_indicators_and_why(denpasar: Path) -> None:
    """The summary lists the unchecked indicators with the reason, and stderr warns."""
    run = smartserang("score", denpasar, "--lang", "en")
    assert run.returncode == 0, run.stderr
    assert f"indicators 32–47: {REASON} (Aplikasi sheet)" in run.stdout
    assert "Not checked against the registers" in run.stdout
    assert f"{denpasar}:Aplikasi: warning: {WARNING} [inventory.blank]" in run.stderr


def test_the_summary_speaks_indonesian_by_default(denpasar: Path) -> None:
    """In Indonesian: "Tingkat Layanan kosong di semua 189 baris"."""
    run = smartserang("score", denpasar)
    assert "indikator 32–47: Tingkat Layanan kosong di semua 189 baris (sheet Aplikasi)" in (
        run.stdout
    )


def test_the_reports_data_quality_section_names_them(denpasar: Path) -> None:
    """The HTML and Markdown reports carry the warning in their data-quality section."""
    for output in ("html", "md"):
        run = smartserang("score", denpasar, "--format", output, "--lang", "en")
        assert run.returncode == 0, run.stderr
        section = run.stdout.split("Data quality", 1)[-1]
        assert WARNING in section, output


def test_check_fails_naming_the_unchecked_indicators(denpasar: Path) -> None:
    """check: exit 1 and one line for the warning, without any threshold."""
    run = smartserang("--lang", "en", "check", denpasar)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{denpasar}: spbe-2020: Aplikasi: {WARNING} [inventory.blank]"
        " (a warning that can change the score)",
        f"smartserang: FAILED {denpasar}: 1 of 1 checks failed",
    ]


def test_check_min_completeness_fails_below_the_share(denpasar: Path) -> None:
    """--min-completeness 0.6 adds its own reason line."""
    run = smartserang(
        "--lang", "en", "check", denpasar, "--min-completeness", "0.6", "--format", "json"
    )
    assert run.returncode == 1
    (file,) = json.loads(run.stdout)["files"]
    kinds = [(c["kind"], c["passed"]) for c in file["checks"]]
    assert kinds == [("completeness", False), ("score_warning", False)]
    assert (
        f"{denpasar}: spbe-2020: completeness 0.0% < --min-completeness 0.6 (60.0%)" in run.stderr
    )
