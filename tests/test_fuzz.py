"""The fuzzer, at a size CI affords: no case may crash, abort, hang or go unlocated.

``python tests/fuzz.py --cases 10000`` is the full run; this runs a fixed slice of it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fuzz


def test_a_fixed_slice_of_fuzz_cases_ends_in_results_or_located_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = fuzz.main(
        ["--cases", "150", "--seed", "12", "--jobs", "2", "--crash-dir", str(tmp_path)]
    )
    summary = capsys.readouterr().out.splitlines()[-1]
    found = re.fullmatch(
        r"fuzz: 150 cases \(seed 12\) in [0-9.]+ s: (\d+) results, (\d+) located problems,"
        r" 0 unhandled exceptions, 0 process aborts, 0 unlocated problems, 0 timeouts",
        summary,
    )
    assert found is not None, summary
    assert status == 0
    assert int(found[1]) > 20, "too few cases get as far as scoring to test it"
    assert int(found[2]) > 20, "too few cases are refused to test the checks"
    assert not list(tmp_path.glob("seed-*"))


def test_a_case_is_the_same_every_time(tmp_path: Path) -> None:
    first = fuzz.build_case(5, 42, tmp_path / "a")
    second = fuzz.build_case(5, 42, tmp_path / "b")
    assert first[2] == second[2]
    assert first[0].read_bytes() == second[0].read_bytes()
