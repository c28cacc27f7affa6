"""Rolling up several workbooks: league table, instance view per indicator, every format."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from pathlib import Path

from openpyxl import load_workbook

from smartserang.model import Profile
from smartserang.scoring.levels import Basis, score_inventory
from smartserang.scoring.rollup import roll_up, unit_result

from builders import EXAMPLES, claims, inventory, mini, smartserang, yaml_set


def test_league_table_and_instance_view_from_literal_units() -> None:
    """Units rank by index (ties share a rank); each indicator gets its mean and weakest unit."""
    iset = yaml_set(mini())
    units = [
        inventory({"penilaian": claims({"1": 2, "2": 4, "3": 5})}, Profile(instansi="Dinas A")),
        inventory({"penilaian": claims({"1": 4, "2": 2, "3": 3})}, Profile(instansi="Dinas B")),
        inventory({"penilaian": claims({"1": 2, "2": 4, "3": 5})}, Profile(instansi="Dinas C")),
    ]
    scored = [unit_result(score_inventory(iset, u), Basis.VERIFIED) for u in units]
    rollup = roll_up(iset, scored, Basis.VERIFIED)
    assert [(u.unit.name, u.rank) for u in rollup.units] == [
        ("Dinas A", 1),
        ("Dinas C", 1),
        ("Dinas B", 3),
    ]
    by_id = {i.id: i for i in rollup.indicators}
    assert by_id["1"].mean == Fraction(8, 3)
    assert by_id["1"].weakest == ("Dinas A", 2)
    assert by_id["3"].weakest == ("Dinas B", 3)
    # The combined index scores the mean levels like one workbook.
    means = {"1": Fraction(8, 3), "2": Fraction(10, 3), "3": Fraction(13, 3)}
    expected = (means["1"] * 10 + means["2"] * 30 + means["3"] * 60) / 100
    assert rollup.index == expected


def units_folder(tmp_path: Path) -> Path:
    """A folder with the example and a weaker copy of it named after another unit."""
    folder = tmp_path / "units"
    folder.mkdir()
    shutil.copy(EXAMPLES / "kota-sukamaju.xlsx", folder / "a-kota.xlsx")
    book = load_workbook(EXAMPLES / "kota-sukamaju.xlsx")
    for row in book["Profil"].iter_rows():
        if row[0].value == "Instansi":
            row[1].value = "Dinas <Contoh> | B"
    for row in book["Penilaian"].iter_rows(min_row=2):
        if isinstance(row[1].value, int) and row[1].value > 1:
            row[1].value -= 1
    book.save(folder / "b-dinas.xlsx")
    (folder / "catatan.txt").write_text("not a workbook", encoding="utf-8")
    return folder


def test_folder_rolls_up_in_json(tmp_path: Path) -> None:
    """A folder of workbooks gives one roll-up per set with every unit ranked."""
    run = smartserang("score", units_folder(tmp_path), "--format", "json")
    assert run.returncode == 0, run.stderr
    (rollup,) = json.loads(run.stdout)["rollups"]
    assert [u["name"] for u in rollup["units"]] == [
        "Pemerintah Kota Sukamaju",
        "Dinas <Contoh> | B",
    ]
    assert rollup["units"][0]["index"] > rollup["units"][1]["index"]
    assert len(rollup["indicators"]) == 47
    first = rollup["indicators"][0]
    assert first["weakest"]["unit"] == "Dinas <Contoh> | B"


def test_rollup_renders_in_every_format(tmp_path: Path) -> None:
    """Text, Markdown and HTML show the league table; unit names are escaped."""
    folder = units_folder(tmp_path)
    text = smartserang("score", folder).stdout
    assert "Peringkat unit" in text
    html = smartserang("score", folder, "--format", "html", "--lang", "en").stdout
    assert "League table" in html
    assert "Dinas &lt;Contoh&gt; | B" in html
    assert "<Contoh>" not in html
    markdown = smartserang("score", folder, "--format", "md").stdout
    assert "Dinas &lt;Contoh&gt; \\| B" in markdown


def test_a_broken_unit_stops_the_rollup_with_its_location(tmp_path: Path) -> None:
    """Every problem of every unit is reported, located, with exit 2."""
    folder = units_folder(tmp_path)
    shutil.copy(EXAMPLES / "rusak.xlsx", folder / "c-rusak.xlsx")
    run = smartserang("score", folder)
    assert run.returncode == 2
    assert "c-rusak.xlsx:Penilaian!B9:" in run.stderr
    assert "Traceback" not in run.stderr


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    """A folder without workbooks exits 2 with a message."""
    run = smartserang("score", tmp_path, "--lang", "en")
    assert run.returncode == 2
    assert "no workbooks in this folder" in run.stderr
