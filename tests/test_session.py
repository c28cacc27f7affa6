"""The pipeline the commands share (``smartserang.session``) and the one JSON reader
(``smartserang.files``): every problem located, sets loaded once, nothing printed."""

from __future__ import annotations

import time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from smartserang import session
from smartserang.files import parse_json, read_text
from smartserang.model import IndicatorSet
from smartserang.problems import InputError

from builders import EXAMPLES, mini

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
BROKEN = EXAMPLES / "rusak.xlsx"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The references ``load_indicator_set`` is called with, in order."""
    from smartserang.sets import load

    calls: list[str] = []
    real = load.load_indicator_set

    def counted(reference: str, **options: Any) -> IndicatorSet:
        calls.append(reference)
        return real(reference, **options)

    monkeypatch.setattr(load, "load_indicator_set", counted)
    return calls


def test_load_inputs_raises_the_sets_problems_then_the_workbooks(tmp_path: Path) -> None:
    """A broken set and a broken workbook: one InputError with both, the set's first."""
    broken_set = tmp_path / "set.yaml"
    broken_set.write_text("id: x\nversion: 1\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        session.load_inputs(BROKEN, [str(broken_set)], workers=1)
    locations = [p.location for p in caught.value.problems]
    assert locations[0].startswith(str(broken_set))
    assert any(place.startswith(f"{BROKEN}:") for place in locations)
    first_workbook = next(n for n, place in enumerate(locations) if place.startswith(str(BROKEN)))
    assert all(place.startswith(str(broken_set)) for place in locations[:first_workbook])


def test_read_inputs_keeps_each_workbooks_problems_apart(loads: list[str]) -> None:
    """Two workbooks on two sets: each set loaded once, each workbook's problems its own."""
    inputs = session.read_inputs([EXAMPLE, BROKEN], ["spbe-2020", "smart-city"], workers=1)
    assert loads == ["spbe-2020", "smart-city"]
    assert [s.id for s in inputs.sets] == ["spbe-2020", "smart-city"]
    assert inputs.set_problems == ()
    good, bad = inputs.inventories
    assert good is not None
    assert bad is None
    assert inputs.problems[0] == ()
    assert inputs.problems[1]
    assert all(p.location.startswith(f"{BROKEN}:") for p in inputs.problems[1])


def test_load_sets_reports_a_set_given_twice_and_a_target_off_the_scale() -> None:
    """--set twice and --target outside a scale are usage problems, not a crash."""
    sets, problems = session.load_sets(["spbe-2020", "spbe-2020"], target=9)
    assert len(sets) == 2
    codes = [p.code for p in problems]
    assert codes.count("usage.set") == 1
    assert codes.count("usage.target") == 2


def test_rows_of_a_shipped_set_not_scored_are_not_errors(tmp_path: Path) -> None:
    """A Penilaian row of a shipped set scored in another run is no problem of this one."""
    mini_set = tmp_path / "mini.yaml"
    mini_set.write_text(mini(), encoding="utf-8")
    sets, problems = session.load_sets([str(mini_set)])
    assert problems == []
    inventory, found = session.read_checked(EXAMPLE, sets)
    assert inventory is not None
    assert found == []


def test_workbooks_in_names_every_folder_without_workbooks(tmp_path: Path) -> None:
    """Every empty folder is named in one InputError; a folder's workbooks come in name order."""
    (tmp_path / "kosong").mkdir()
    (tmp_path / "juga-kosong").mkdir()
    full = tmp_path / "isi"
    full.mkdir()
    for name in ("b.xlsx", "a.ods", "~$a.xlsx", ".c.xlsx", "notes.txt"):
        (full / name).write_bytes(b"")
    assert session.workbooks_in([full]) == [full / "a.ods", full / "b.xlsx"]
    with pytest.raises(InputError) as caught:
        session.workbooks_in([tmp_path / "kosong", full, tmp_path / "juga-kosong"])
    assert [p.location for p in caught.value.problems] == [
        str(tmp_path / "kosong"),
        str(tmp_path / "juga-kosong"),
    ]


def test_warnings_of_gives_each_workbook_warning_once() -> None:
    """A workbook scored on two sets has its own warnings once, not once per set."""
    sets, inventory = session.load_inputs(EXAMPLE, ["spbe-2020", "smart-city"], workers=1)
    results = session.score_sets(sets, inventory)
    every = [str(w) for r in results for w in r.warnings]
    once = [str(w) for w in session.warnings_of(results)]
    assert sorted(set(every)) == sorted(once)
    assert len(once) == len(set(once))


# ------------------------------------------------------------------------------- JSON


@pytest.mark.parametrize(
    ("text", "location", "message"),
    [
        ('{"a": 1', "r.json:1:8", "not valid JSON: Expecting ',' delimiter"),
        ('{\n  "a": [1,\n  }', "r.json:3:3", "not valid JSON: Expecting value"),
        ('{"a": NaN}', "r.json", "not valid JSON: NaN is not a score"),
        ('{"a": -Infinity}', "r.json", "not valid JSON: -Infinity is not a score"),
        ('{"a": 1e99999999}', "r.json", "not valid JSON: 1e99999999 is out of range"),
        ("[" * 100_000 + "]" * 100_000, "r.json", "not valid JSON: nested too deeply"),
    ],
)
def test_parse_json_locates_what_is_wrong(text: str, location: str, message: str) -> None:
    """Bad JSON is one located problem with the caller's code, never an exception."""
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        parse_json(text, "r.json", "diff.json", Fraction)
    assert time.perf_counter() - started < 5
    (problem,) = caught.value.problems
    assert (problem.location, problem.message, problem.code) == (location, message, "diff.json")


@pytest.mark.parametrize("exact", [Fraction, Decimal])
def test_parse_json_reads_decimals_exactly(exact: type[Fraction] | type[Decimal]) -> None:
    """2.65 reads back as exactly 2.65, as Fraction or Decimal; whole numbers stay int."""
    data = parse_json('{"index": 2.65, "n": 3, "e": 1.5e2}', "r.json", "x", exact)
    assert data == {"index": exact("2.65"), "n": 3, "e": exact("150")}
    assert isinstance(data, dict)
    assert type(data["n"]) is int


def test_read_text_drops_a_bom_and_locates_what_cannot_be_read(tmp_path: Path) -> None:
    """A BOM is dropped; a missing file or bytes that are not UTF-8 are located problems."""
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf{}")
    assert read_text(with_bom, "x.read") == "{}"
    latin = tmp_path / "latin.json"
    before = b'{"a": "caf'
    latin.write_bytes(before + b'\xe9"}')
    for path, message in (
        (tmp_path / "nothing.json", "cannot read: No such file or directory"),
        (latin, f"not UTF-8 text (byte {len(before)})"),
    ):
        with pytest.raises(InputError) as caught:
            read_text(path, "x.read")
        (problem,) = caught.value.problems
        assert (problem.location, problem.message, problem.code) == (str(path), message, "x.read")


# --------------------------------------------------------- every problem in one run


def _workbook(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    from builders import write_workbook

    return write_workbook(tmp_path / "inventory.xlsx", sheets)


def test_an_unknown_indicator_is_reported_with_the_cell_errors(tmp_path: Path) -> None:
    """A bad level and an unknown indicator id: both in one run, in reading order."""
    path = _workbook(
        tmp_path,
        {"Penilaian": [["Indikator", "Tingkat"], ["1", "tinggi"], ["999", 2], ["2", 3]]},
    )
    sets, _ = session.load_sets(["spbe-2020"])
    inventory, problems = session.read_checked(path, sets)
    assert inventory is None
    assert [(p.location, p.code) for p in problems] == [
        (f"{path}:Penilaian!B2", "inventory.level"),
        (f"{path}:Penilaian!A3", "inventory.indicator"),
    ]


def test_a_cell_error_brings_no_follow_on_problem(tmp_path: Path) -> None:
    """A blank indicator id is one error, not also an unknown id 'None' at the same cell."""
    path = _workbook(tmp_path, {"Penilaian": [["Indikator", "Tingkat"], [None, 2], ["1", 2]]})
    sets, _ = session.load_sets(["spbe-2020"])
    _, problems = session.read_checked(path, sets)
    assert [(p.location, p.code) for p in problems] == [
        (f"{path}:Penilaian!A2", "inventory.cell.missing")
    ]


def test_a_misspelt_header_a_set_reads_is_an_error(tmp_path: Path) -> None:
    """'Tingkat Layananan' where the SPBE set reads Tingkat Layanan: an error with the
    fix; under a set that does not read Aplikasi it stays a warning."""
    path = _workbook(
        tmp_path,
        {"Aplikasi": [["Nama Aplikasi", "Tingkat Layananan"], ["SIPD", "transaksi"]]},
    )
    spbe, _ = session.load_sets(["spbe-2020"])
    inventory, problems = session.read_checked(path, spbe)
    assert [str(p) for p in problems] == [
        f"{path}:Aplikasi!B1: column 'Tingkat Layananan' is not read, but the scoring needs"
        " column Tingkat Layanan: did you mean 'Tingkat Layanan'? Rename the header to"
        " 'Tingkat Layanan' [inventory.column]"
    ]
    inventory, problems = session.read_checked(path, [])
    assert problems == []
    assert inventory is not None
    assert [w.code for w in inventory.warnings] == ["inventory.column"]


def test_a_misspelt_sheet_is_reported_with_the_other_errors(tmp_path: Path) -> None:
    """'Aplkasi' (the set reads Aplikasi) beside a bad cell elsewhere: both errors in one
    run, and the near miss's warning not repeated."""
    path = _workbook(
        tmp_path,
        {
            "Aplkasi": [["Nama Aplikasi"], ["SIPD"]],
            "Penilaian": [["Indikator", "Tingkat"], ["1", "tinggi"]],
        },
    )
    sets, _ = session.load_sets(["spbe-2020"])
    _, problems = session.read_checked(path, sets)
    assert [(p.location, p.code, p.severity.value) for p in problems] == [
        (f"{path}:Penilaian!B2", "inventory.level", "error"),
        (f"{path}:Aplkasi", "inventory.sheet", "error"),
    ]


def test_a_register_missing_a_required_column_is_not_cross_checked(tmp_path: Path) -> None:
    """A Target sheet without its Target column: the one error, nothing the sets would
    find in what is left of it."""
    path = _workbook(
        tmp_path,
        {
            "Target": [["Tahun", "Lingkup"], [2025, "indeks"]],
            "Penilaian": [["Indikator", "Tingkat"], ["1", "tinggi"]],
        },
    )
    sets, _ = session.load_sets(["spbe-2020"])
    _, problems = session.read_checked(path, sets)
    assert [(p.location, p.code) for p in problems] == [
        (f"{path}:Target!A1", "inventory.column.missing"),
        (f"{path}:Penilaian!B2", "inventory.level"),
    ]
