"""Kecamatan coverage: names compared as the city writes them, counted against the city's
own list (the Kecamatan sheet) or Profil's count, never above 100 %, and every name left
out reported."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from smartserang.model import Profile
from smartserang.scoring.context import kecamatan_key
from smartserang.scoring.levels import score_inventory
from smartserang.sets.load import load_indicator_set

from builders import inventory, smartserang, write_workbook

CITY = ["Sukamaju Kota", "Karangtengah", "Cimanggu", "Pasirjaya"]


@pytest.mark.parametrize(
    "written",
    ["Karangtengah", "Kec. Karangtengah", "KECAMATAN  KARANGTENGAH", "kec.karangtengah",
     " karang-tengah ", "Kec Karangtengah", "Kec. Karang Tengah"],
)  # fmt: skip
def test_prefixes_case_and_spaces_make_no_difference(written: str) -> None:
    assert kecamatan_key(written) == kecamatan_key("Karangtengah") == "karangtengah"


def test_a_name_that_only_starts_like_the_prefix_is_kept() -> None:
    """ "Kecubung" is a name, not "Kec." before "ubung"."""
    assert kecamatan_key("Kecubung") == "kecubung"


def wifi(*kecamatan: str) -> list[dict[str, Any]]:
    return [
        {"nama": f"Wi-Fi {n}", "jenis": "wifi publik", "status": "aktif", "kecamatan": k}
        for n, k in enumerate(kecamatan)
    ]


MESSY = ["Kec. Sukamaju Kota", "SUKAMAJU KOTA", "sukamaju  kota", "Kecamatan Sukamaju Kota",
         "Unknown", "Serang Baru", "Cimangu", "Pasirjaya"]  # fmt: skip
"""Four spellings of one kecamatan, a placeholder, a neighbouring kabupaten's kecamatan,
a misspelling and one more kecamatan."""


def soc12(registers: dict[str, Any], profile: Profile) -> Any:
    """The public Wi-Fi coverage indicator (SOC1.2) and the result's warnings."""
    result = score_inventory(load_indicator_set("smart-city"), inventory(registers, profile))
    found = next(r for r in result.indicators if r.indicator.id == "SOC1.2")
    return found, [w for w in result.warnings if w.code == "inventory.kecamatan"]


def test_with_the_citys_list_names_outside_it_are_reported_and_not_counted() -> None:
    """Sukamaju Kota and Pasirjaya count: 2 of 4; the other three names are warned about,
    the misspelling with the closest listed name."""
    registers = {"fasilitas": wifi(*MESSY), "kecamatan": [{"nama": k} for k in CITY]}
    found, warnings = soc12(registers, Profile(jumlah_kecamatan=9))
    assert found.measure == Fraction(2, 4)
    assert [w.message_in("en") for w in warnings] == [
        "kecamatan 'Cimangu' (1 rows) is not in the Kecamatan sheet; not counted in kecamatan"
        " coverage (did you mean 'Cimanggu'?)",
        "kecamatan 'Serang Baru' (1 rows) is not in the Kecamatan sheet; not counted in"
        " kecamatan coverage",
        "kecamatan 'Unknown' (1 rows) is not in the Kecamatan sheet; not counted in kecamatan"
        " coverage",
    ]
    assert all(w.affects_score and w.location == "test.xlsx:Fasilitas" for w in warnings)


def test_the_list_can_never_be_exceeded() -> None:
    """Every listed kecamatan covered, plus strangers: exactly 100 %."""
    registers = {
        "fasilitas": wifi(*CITY, "Unknown", "Kab. Tetangga", "Lain"),
        "kecamatan": [{"nama": f"Kec. {k}"} for k in CITY],
    }
    found, warnings = soc12(registers, Profile(jumlah_kecamatan=4))
    assert found.measure == 1
    assert len(warnings) == 3


def test_without_a_list_more_names_than_kecamatan_are_reported() -> None:
    """Profil says 4; five distinct names once spellings are merged: capped at 100 % and
    a warning says some names are wrong."""
    found, warnings = soc12({"fasilitas": wifi(*MESSY)}, Profile(jumlah_kecamatan=4))
    assert found.measure == 1
    (warning,) = warnings
    assert warning.message_in("en") == (
        "Fasilitas names 5 different kecamatan but Profil's Jumlah Kecamatan is 4: some names"
        " are misspelt or outside the area; add a Kecamatan sheet listing the kecamatan so"
        " that they are not counted"
    )
    assert warning.affects_score


def test_spellings_of_one_kecamatan_count_once() -> None:
    """Four spellings of Sukamaju Kota are one of Profil's four kecamatan, with no warning."""
    found, warnings = soc12({"fasilitas": wifi(*MESSY[:4])}, Profile(jumlah_kecamatan=4))
    assert (found.measure, warnings) == (Fraction(1, 4), [])


def test_the_kecamatan_sheet_is_read_from_a_workbook(tmp_path: Path) -> None:
    """Through the command line: the sheet is part of the contract, English alias too."""
    path = write_workbook(
        tmp_path / "inventory.xlsx",
        {
            "Profil": [["Jumlah Kecamatan", 4]],
            "Fasilitas": [
                ["Nama", "Jenis", "Status", "Kecamatan"],
                *(["Wi-Fi", "wifi publik", "aktif", k] for k in MESSY),
            ],
            "Districts": [["Name"], *([k] for k in CITY)],
        },
    )
    run = smartserang("score", path, "--set", "smart-city", "--format", "json", "--lang", "en")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    found = next(i for i in data["indicators"] if i["id"] == "SOC1.2")
    assert found["measure"] == 0.5
    assert "kecamatan 'Unknown' (1 rows) is not in the Kecamatan sheet" in run.stderr
