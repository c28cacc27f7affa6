"""The command line, run through its installed entry point as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from smartserang.sets.files import resolve_set
from smartserang.sets.load import load_indicator_set

from builders import EXAMPLES, smartserang, write_workbook


def penilaian(levels: dict[str, int]) -> list[list[Any]]:
    """A Penilaian sheet's rows."""
    return [["Indikator", "Tingkat"], *[[int(k), v] for k, v in levels.items()]]


def test_penilaian_only_gives_the_flat_formula_and_its_predikat(tmp_path: Path) -> None:
    """Only a Penilaian sheet: claimed_index = Σ level × weight / 100 and its unrounded predikat."""
    spbe = load_indicator_set("spbe-2020")
    levels = {i.id: 1 + (int(i.id) * 3) % 5 for i in spbe.indicators()}
    book = write_workbook(tmp_path / "p.xlsx", {"Penilaian": penilaian(levels)})
    run = smartserang("score", book, "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    expected = sum((levels[i.id] * i.weight for i in spbe.indicators()), Fraction(0)) / 100
    assert data["claimed_index"] == pytest.approx(float(expected), abs=1e-12)
    assert data["claimed_band"] == spbe.band_for(expected).label.id
    assert data["schema_version"] == "1.3"
    assert data["indicator_set"]["id"] == "spbe-2020"
    assert data["basis"] == "verified"
    assert len(data["indicators"]) == 47


def test_unsupported_procurement_claim_names_its_row(tmp_path: Path) -> None:
    """Claim 5 on indicator 35 with one active procurement app at transaksi: supported 3."""
    book = write_workbook(
        tmp_path / "w.xlsx",
        {
            "Penilaian": penilaian({"35": 5}),
            "Aplikasi": [
                ["Nama Aplikasi", "Layanan SPBE", "Tingkat Layanan", "Status"],
                ["SPSE Kota", "pengadaan", "transaksi", "aktif"],
                ["e-Katalog Lama", "pengadaan", "kolaborasi", "tidak aktif"],
            ],
        },
    )
    run = smartserang("score", book, "--format", "json")
    assert run.returncode == 0, run.stderr
    ind = next(i for i in json.loads(run.stdout)["indicators"] if i["id"] == "35")
    assert (ind["claimed"], ind["supported"], ind["level"]) == (5, 3, 3)
    assert ind["unsupported_claim"] is True
    assert ind["evidence"] == [{"sheet": "Aplikasi", "row": 2, "label": "SPSE Kota"}]
    assert ind["next_level"] == 4


def test_bad_cells_exit_2_with_every_location(tmp_path: Path) -> None:
    """Tingkat 7 in B9 plus two other bad cells: exit 2, all three located, no traceback."""
    rows = penilaian({str(n): 2 for n in range(1, 8)})
    rows.append([8, 7])  # row 9
    book = write_workbook(
        tmp_path / "bad.xlsx",
        {
            "Penilaian": rows,
            "Aplikasi": [
                ["Nama Aplikasi", "Tingkat Layanan", "Status"],
                ["SIMPEG", "transaksional", "aktif"],
                ["SRIKANDI", "interaksi", "hidup"],
            ],
        },
    )
    run = smartserang("score", book)
    assert run.returncode == 2
    assert f"{book}:Penilaian!B9:" in run.stderr
    assert f"{book}:Aplikasi!B2:" in run.stderr
    assert f"{book}:Aplikasi!C3:" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


def test_misspelt_set_key_exits_2_with_a_suggestion(tmp_path: Path) -> None:
    """A set YAML with 'wieght:' gives file:line:col and suggests 'weight'."""
    source, _ = resolve_set("spbe-2020")
    text = source.read_text(encoding="utf-8")
    broken = tmp_path / "mine.yaml"
    broken.write_text(text.replace("\n    weight:", "\n    wieght:", 1), encoding="utf-8")
    book = write_workbook(tmp_path / "p.xlsx", {"Penilaian": penilaian({"1": 1})})
    run = smartserang("--lang", "en", "score", book, "--set", broken)
    assert run.returncode == 2
    assert "(did you mean 'weight'?)" in run.stderr
    first = run.stderr.splitlines()[0]
    location = first.split(": ", 1)[0]
    assert location.startswith(f"{broken}:")
    assert all(part.isdigit() for part in location.removeprefix(f"{broken}:").split(":"))
    assert "Traceback" not in run.stderr


def test_missing_workbook_exits_2(tmp_path: Path) -> None:
    """A workbook that does not exist is a located error, not a traceback."""
    run = smartserang("score", tmp_path / "nope.xlsx")
    assert run.returncode == 2
    assert "nope.xlsx" in run.stderr
    assert "Traceback" not in run.stderr


def test_output_file_is_written_and_input_untouched(tmp_path: Path) -> None:
    """--output writes the JSON to a file; the workbook's bytes do not change."""
    book = write_workbook(tmp_path / "p.xlsx", {"Penilaian": penilaian({"1": 3})})
    before = book.read_bytes()
    target = tmp_path / "out.json"
    run = smartserang("score", book, "--format", "json", "--output", target)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["indicators"][0]["claimed"] == 3
    assert book.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_example_scores_in_both_languages() -> None:
    """The shipped example prints a summary with the predikat, in Indonesian and English."""
    example = EXAMPLES / "kota-sukamaju.xlsx"
    run = smartserang("score", example)
    assert run.returncode == 0, run.stderr
    assert "Predikat" in run.stdout
    assert "Kota Sukamaju" in run.stdout
    assert "," in run.stdout.split("Indeks klaim")[1].splitlines()[0]  # decimal comma
    english = smartserang("score", example, "--lang", "en")
    assert "Claimed index" in english.stdout


def test_broken_example_exits_2() -> None:
    """The deliberately broken example shows located errors."""
    run = smartserang("score", EXAMPLES / "rusak.xlsx")
    assert run.returncode == 2
    assert "rusak.xlsx:Penilaian!B9:" in run.stderr
    assert "Traceback" not in run.stderr


COMMANDS = ["score", "sets", "schema", "check", "baseline", "diff", "template", "import"]


def test_every_command_is_listed() -> None:
    """The command list in this test is the CLI's: a new command must be added here."""
    from smartserang.cli import app

    names = sorted(
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    )
    assert names == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_documentation(command: str) -> None:
    """Each command documents itself in --help and is shown in the README."""
    run = smartserang(command, "--help")
    assert run.returncode == 0
    assert len(run.stdout.strip().splitlines()) > 2
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"smartserang {command}" in readme


def test_sets_and_schema_commands() -> None:
    """'sets' lists spbe-2020; 'schema' prints a JSON Schema."""
    assert "spbe-2020" in smartserang("sets").stdout
    schema = json.loads(smartserang("schema").stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_python_dash_m_runs() -> None:
    """``python -m smartserang --version`` works."""
    run = subprocess.run(
        [sys.executable, "-m", "smartserang", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0
    assert run.stdout.startswith("smartserang ")


def test_brackets_in_inventory_text_are_not_terminal_markup(tmp_path: Path) -> None:
    """An application named with [brackets] prints as written, not as rich markup."""
    book = write_workbook(
        tmp_path / "w.xlsx",
        {
            "Penilaian": penilaian({"35": 5}),
            "Aplikasi": [
                ["Nama Aplikasi", "Layanan SPBE", "Tingkat Layanan", "Status"],
                ["SPSE [/b] [bold]Kota", "pengadaan", "transaksi", "aktif"],
            ],
        },
    )
    run = smartserang("score", book)
    assert run.returncode == 0, run.stderr
    assert "SPSE [/b] [bold]Kota" in run.stdout


# ------------------------------------------------------------------- outputs aimed at inputs


def _refusal(run: subprocess.CompletedProcess[str], location: str, option: str) -> None:
    """Exit 2 with one ``location: option … [output.input]`` line; no traceback."""
    assert run.returncode == 2, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.endswith("[output.input]")]
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"{location}: {option} ")
    assert "Traceback" not in run.stderr


def test_the_issues_examples_are_refused_and_nothing_changes(tmp_path: Path) -> None:
    """The data-loss commands of the report: score -o over its workbook, diff -o over its
    NEW side, check --summary into the workbook or the baseline, score -o over its set.
    Each is refused naming the output and its option; no input changes."""
    book = tmp_path / "in.xlsx"
    book.write_bytes((EXAMPLES / "kota-sukamaju.xlsx").read_bytes())
    other = tmp_path / "B.xlsx"
    other.write_bytes(book.read_bytes())
    baseline = tmp_path / "b.json"
    assert smartserang("baseline", book, "-o", baseline).returncode == 0
    mine = tmp_path / "s.yaml"
    source, _ = resolve_set("spbe-2020")
    mine.write_bytes(source.read_bytes())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    runs = [
        (("score", book, "-f", "html", "-o", book), book, "--output"),
        (("diff", book, other, "-o", other), other, "--output"),
        (("check", book, "--summary", book), book, "--summary"),
        (("check", book, "--baseline", baseline, "--summary", baseline), baseline, "--summary"),
        (("score", book, "--set", mine, "-o", mine), mine, "--output"),
    ]
    for args, location, option in runs:
        _refusal(smartserang(*args), str(location), option)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_base_set_behind_extends_is_an_input_too(tmp_path: Path) -> None:
    """``score --set city.yaml -o base.yaml`` where city.yaml extends base.yaml: refused
    once the base is read, and the base keeps its bytes."""
    base = tmp_path / "base.yaml"
    source, _ = resolve_set("spbe-2020")
    base.write_bytes(source.read_bytes())
    city = tmp_path / "city.yaml"
    city.write_text('extends: ./base.yaml\nid: kota\nversion: "1"\ntitle: Kota\n', "utf-8")
    before = base.read_bytes()
    run = smartserang(
        "score", EXAMPLES / "kota-sukamaju.xlsx", "--set", city, "-f", "json", "-o", base
    )
    _refusal(run, str(base), "--output")
    assert base.read_bytes() == before


def test_a_report_may_go_beside_the_workbooks_of_a_folder(tmp_path: Path) -> None:
    """``score units/ -o units/rekap.html`` writes the report; ``-o units/rekap.xlsx``,
    which the next ``score units/`` would read as a workbook, is refused."""
    units = tmp_path / "units"
    units.mkdir()
    for name in ("a.xlsx", "b.xlsx"):
        (units / name).write_bytes((EXAMPLES / "kota-sukamaju.xlsx").read_bytes())
    run = smartserang("score", units, "-f", "html", "-o", units / "rekap.html")
    assert run.returncode == 0, run.stderr
    assert (units / "rekap.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
    _refusal(smartserang("score", units, "-f", "json", "-o", units / "rekap.xlsx"),
             str(units / "rekap.xlsx"), "--output")  # fmt: skip
    assert sorted(p.name for p in units.iterdir()) == ["a.xlsx", "b.xlsx", "rekap.html"]
