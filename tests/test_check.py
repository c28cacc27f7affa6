"""``smartserang check`` and ``baseline``: the CI gate, its baseline file and the pre-commit hook.

CLI behaviour runs through the installed entry point; the rounding rules are pinned on
``smartserang.gate`` with literal numbers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from smartserang.gate import (
    Check,
    CheckKind,
    GroupScore,
    SetScores,
    Thresholds,
    compare,
    evaluate,
    parse_baseline,
)
from smartserang.problems import InputError
from smartserang.scoring.levels import round_score

from builders import EXAMPLES, edited_example, smartserang, write_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
"""Verified index 2.6495 (shown 2.65), claimed 2.84, D3 1.09, 5 unsupported claims."""


@pytest.fixture(scope="module")
def lower(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example without its SPSE row (Aplikasi row 9): indicator 35 drops, A7 3.50 → 3.30."""

    def edit(book: Any) -> None:
        sheet = book["Aplikasi"]
        assert sheet["A9"].value == "SPSE (LPSE Kota Sukamaju)"
        sheet.delete_rows(9)

    return edited_example(tmp_path_factory.mktemp("lower") / "lower.xlsx", edit)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A baseline of the example on spbe-2020, verified basis (read only by the tests)."""
    path = tmp_path_factory.mktemp("baseline") / "baseline.json"
    run = smartserang("baseline", EXAMPLE, "-o", path, "--date", "2025-10-01")
    assert run.returncode == 0, run.stderr
    return path


# ------------------------------------------------------------------ thresholds


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--min-index", "3", "index 2.65 < --min-index 3.00"),
        ("--min", "D3=1.1", "D3 1.09 < --min D3=1.10"),
        ("--max-unsupported", "4", "5 unsupported claims > --max-unsupported 4"),
    ],
)
def test_a_failed_threshold_exits_1_with_its_reason(option: str, value: str, reason: str) -> None:
    """Each threshold just above the example fails with one reason line and a verdict."""
    run = smartserang("--lang", "en", "check", EXAMPLE, option, value)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"{EXAMPLE}: spbe-2020: {reason}",
        f"smartserang: FAILED {EXAMPLE}: 1 of 1 checks failed",
    ]


@pytest.mark.parametrize(
    ("options", "line"),
    [
        # The verified index 2.6495 shows as 2.65 and passes 2.65: the shown value is
        # compared, as coverage's fail_under does.
        (
            ["--min-index", "2.65", "--min", "D3=1.09", "--max-unsupported", "5"],
            "spbe-2020 index 2.65 (verified); 3 checks passed; 1 workbook warning",
        ),
        (
            ["--basis", "claimed", "--min-index", "2.84"],
            "spbe-2020 index 2.84 (claimed); 1 check passed; 1 workbook warning",
        ),
    ],
)
def test_thresholds_met_exactly_pass_with_one_ok_line(options: list[str], line: str) -> None:
    """Thresholds equal to the shown values pass: exit 0, one OK line, nothing on stdout."""
    run = smartserang("--lang", "en", "check", EXAMPLE, *options)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    assert run.stderr == f"smartserang: OK {EXAMPLE}: {line}\n"


def test_unknown_group_id_exits_2_naming_the_known_ids() -> None:
    """--min D9=1 is a usage error listing the set's group ids, before any workbook is read."""
    run = smartserang("--lang", "en", "check", EXAMPLE, "--min", "D9=1")
    assert run.returncode == 2
    assert "unknown group 'D9'" in run.stderr
    assert "spbe-2020: D1, A1, D2, A2, A3, A4, D3, A5, A6, D4, A7, A8" in run.stderr
    assert "Traceback" not in run.stderr


def test_bad_options_are_all_reported_together() -> None:
    """A --min without '=' and a negative --tolerance are both reported, with exit 2."""
    run = smartserang(
        "--lang", "en", "check", EXAMPLE, "--min", "D3", "--min", "D4=x", "--tolerance", "-1"
    )
    assert run.returncode == 2
    assert "--min: --min must be GROUP=NUMBER (e.g. D3=1.5), got 'D3'" in run.stderr
    assert "got 'D4=x'" in run.stderr
    assert "--tolerance: must be 0 or more" in run.stderr
    assert "3 errors in the input; nothing checked." in run.stderr


def test_min_ids_apply_to_the_set_that_has_them() -> None:
    """With two sets, --min GOV checks smart-city only and --min D3 spbe-2020 only."""
    run = smartserang(
        "--lang", "en", "check", EXAMPLE, "--set", "spbe-2020", "--set", "smart-city",
        "--min", "GOV=3.3", "--min", "D3=1",
        "--format", "json",
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    checks = json.loads(run.stdout)["files"][0]["checks"]
    assert [(c["set"], c["subject"], c["passed"]) for c in checks] == [
        ("spbe-2020", "D3", True),
        ("smart-city", "GOV", False),
    ]
    assert f"{EXAMPLE}: smart-city: GOV 3.22 < --min GOV=3.30" in run.stderr


def test_broken_workbook_exits_2_with_located_problems() -> None:
    """rusak.xlsx: every problem located, exit 2, no traceback, nothing on stdout."""
    broken = EXAMPLES / "rusak.xlsx"
    run = smartserang("--lang", "en", "check", broken, "--min-index", "1")
    assert run.returncode == 2
    assert f"{broken}:Penilaian!B9:" in run.stderr
    assert f"smartserang: ERROR {broken}: not checked" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


def test_several_workbooks_are_each_checked_and_the_worst_decides(lower: Path) -> None:
    """Good + lower fails (1) naming only the lower one; adding a broken workbook makes it 2."""
    run = smartserang("--lang", "en", "check", EXAMPLE, lower, "--min-index", "2.6")
    assert run.returncode == 1
    assert f"smartserang: OK {EXAMPLE}:" in run.stderr
    assert f"{lower}: spbe-2020: index 2.59 < --min-index 2.60" in run.stderr
    run = smartserang(
        "--lang", "en", "check", EXAMPLE, lower, EXAMPLES / "rusak.xlsx", "--min-index", "2.6"
    )
    assert run.returncode == 2
    assert f"{lower}: spbe-2020: index 2.59 < --min-index 2.60" in run.stderr


# ------------------------------------------------------------------ baseline


def test_baseline_records_scores_hashes_and_date(recorded: Path) -> None:
    """The file holds the workbook and set SHA-256, the date, and index and groups both ways."""
    data = json.loads(recorded.read_text(encoding="utf-8"))
    assert data["format"] == "smartserang-baseline"
    assert data["date"] == "2025-10-01"
    assert data["inventory"]["sha256"] == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    (entry,) = data["results"]
    assert entry["indicator_set"]["id"] == "spbe-2020"
    assert len(entry["indicator_set"]["sha256"]) == 64
    assert (entry["basis"], entry["index"], entry["index_rounded"]) == ("verified", 2.6495, 2.65)
    d3 = next(g for g in entry["groups"] if g["id"] == "D3")
    assert d3["score_rounded"] == 1.09
    assert d3["score"] == pytest.approx(1.0909, abs=1e-4)
    assert [g["id"] for g in d3["groups"]] == ["A5", "A6"]
    assert data["history"] == [
        {
            "date": "2025-10-01",
            "inventory_sha256": data["inventory"]["sha256"],
            "reason": None,
            "index_rounded": {"spbe-2020": 2.65},
        }
    ]


def test_undercutting_the_baseline_fails_naming_each_fall(recorded: Path, lower: Path) -> None:
    """The lower workbook: index, D4 and A7 fell beyond the tolerance; exit 1. Below the
    falls, the indicator that moved, the register row behind it, and what is missing."""
    run = smartserang("--lang", "en", "check", lower, "--baseline", recorded)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{lower}: spbe-2020: index 2.59 fell by 0.06 from baseline 2.65 (tolerance 0.005)",
        f"{lower}: spbe-2020: D4 3.58 fell by 0.12 from baseline 3.70 (tolerance 0.005)",
        f"{lower}: spbe-2020: A7 3.30 fell by 0.20 from baseline 3.50 (tolerance 0.005)",
        f"{lower}: spbe-2020: moved since the baseline: 35 Procurement of goods and services"
        " (D4 › A7): level 3 → 1; supported by the registers 3 → 1",
        f"{lower}: spbe-2020:   Aplikasi row 9: SPSE (LPSE Kota Sukamaju) — removed",
        f"{lower}: spbe-2020:   what the registers now lack for level 2: An active"
        " application at interaction level or above",
        f"smartserang: FAILED {lower}: 3 of 13 checks failed",
    ]


@pytest.mark.parametrize(("tolerance", "code"), [("0.19", 1), ("0.2", 0)])
def test_a_fall_within_tolerance_passes(
    recorded: Path, lower: Path, tolerance: str, code: int
) -> None:
    """The largest fall is A7's 0.20: tolerance 0.19 fails, 0.2 passes."""
    run = smartserang("check", lower, "--baseline", recorded, "--tolerance", tolerance)
    assert run.returncode == code, run.stderr


def test_the_same_workbook_passes_its_own_baseline(recorded: Path) -> None:
    """Index and all 12 groups equal the baseline: 13 checks pass."""
    run = smartserang("--lang", "en", "check", EXAMPLE, "--baseline", recorded)
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith(f"smartserang: OK {EXAMPLE}: spbe-2020 index 2.65 (verified);")
    assert "13 checks passed" in run.stderr


def test_a_score_json_result_serves_as_a_baseline(tmp_path: Path, lower: Path) -> None:
    """A saved 'score --format json' is read as a baseline: same falls, same exit."""
    result = tmp_path / "results.json"
    run = smartserang("--lang", "en", "score", EXAMPLE, "--format", "json", "--output", result)
    assert run.returncode == 0, run.stderr
    run = smartserang("--lang", "en", "check", lower, "--baseline", result)
    assert run.returncode == 1
    assert "A7 3.30 fell by 0.20 from baseline 3.50" in run.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": "smartserang-baseline",\n  "results": [}', "base.json:2:15: not valid JSON"),
        ("", "base.json:1:1: not valid JSON"),
        ('{"a": 1}', "neither a smartserang baseline nor"),
        ('{"index": NaN, "schema_version": "1.2"}', "NaN is not a score"),
    ],
)
def test_corrupt_baseline_exits_2_located(tmp_path: Path, content: str, expected: str) -> None:
    """A baseline that is not JSON, or not a baseline, is a located input error (exit 2)."""
    base = tmp_path / "base.json"
    base.write_text(content, encoding="utf-8")
    run = smartserang("--lang", "en", "check", EXAMPLE, "--baseline", base, cwd=tmp_path)
    assert run.returncode == 2
    assert expected in run.stderr.replace(str(base), "base.json")
    assert "Traceback" not in run.stderr


def test_wrong_baseline_fields_are_all_reported(tmp_path: Path) -> None:
    """Every wrong field is named by its path in one run, not the first only."""
    base = tmp_path / "base.json"
    entry = {"indicator_set": {}, "basis": "x", "index_rounded": "abc", "groups": [{"id": 3}]}
    data = {"format": "smartserang-baseline", "format_version": "1.0", "results": [entry]}
    base.write_text(json.dumps(data), encoding="utf-8")
    run = smartserang("--lang", "en", "check", EXAMPLE, "--baseline", base)
    assert run.returncode == 2
    for path in ("indicator_set.id", "basis", "index_rounded", "groups[0]"):
        assert f"{base}: results[0].{path}:" in run.stderr
    assert "4 errors in the input" in run.stderr


def test_baseline_without_the_checked_set_or_basis_exits_2(recorded: Path) -> None:
    """A set the baseline lacks, or another basis, cannot be compared: exit 2 saying how to fix."""
    run = smartserang(
        "--lang", "en", "check", EXAMPLE, "--set", "smart-city", "--baseline", recorded
    )
    assert run.returncode == 2
    assert "no entry for set 'smart-city' (it holds: spbe-2020)" in run.stderr
    run = smartserang(
        "--lang", "en", "check", EXAMPLE, "--basis", "claimed", "--baseline", recorded
    )
    assert run.returncode == 2
    assert "recorded on basis 'verified', the check uses 'claimed'" in run.stderr


def test_baseline_refuses_to_lower_without_a_reason(tmp_path: Path, lower: Path) -> None:
    """A lower baseline exits 1 and leaves the file alone; with --reason it is kept in history."""
    base = tmp_path / "base.json"
    assert smartserang("baseline", EXAMPLE, "-o", base, "--date", "2025-10-01").returncode == 0
    before = base.read_bytes()
    run = smartserang("--lang", "en", "baseline", lower, "-o", base)
    assert run.returncode == 1
    assert f"{base}: spbe-2020: A7 3.30 fell by 0.20 from baseline 3.50" in run.stderr
    assert '--reason "…"' in run.stderr
    assert base.read_bytes() == before
    reason = "SPSE dipindahkan ke LPSE Provinsi"
    run = smartserang(
        "--lang", "en", "baseline", lower, "-o", base, "--reason", reason, "--date", "2025-11-01"
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["results"][0]["index_rounded"] == 2.59
    first, second = data["history"]
    assert first["reason"] is None
    assert second == {
        "date": "2025-11-01",
        "inventory_sha256": hashlib.sha256(lower.read_bytes()).hexdigest(),
        "reason": reason,
        "index_rounded": {"spbe-2020": 2.59},
    }
    # Raising it again needs no reason, and the history keeps growing.
    assert smartserang("baseline", EXAMPLE, "-o", base).returncode == 0
    assert len(json.loads(base.read_text(encoding="utf-8"))["history"]) == 3


def test_baseline_refuses_dropping_a_set_or_changing_basis(tmp_path: Path) -> None:
    """Recording fewer sets or another basis would loosen the gate: exit 1 without --reason."""
    base = tmp_path / "base.json"
    run = smartserang(
        "--lang", "en", "baseline", EXAMPLE, "-o", base, "--set", "spbe-2020", "--set", "smart-city"
    )
    assert run.returncode == 0, run.stderr
    run = smartserang("--lang", "en", "baseline", EXAMPLE, "-o", base, "--set", "spbe-2020")
    assert run.returncode == 1
    assert "smart-city: the set would no longer be recorded" in run.stderr
    run = smartserang(
        "--lang", "en", "baseline", EXAMPLE, "-o", base,
        "--set", "spbe-2020", "--set", "smart-city", "--basis", "claimed",
    )  # fmt: skip
    assert run.returncode == 1
    assert "basis changes from verified to claimed" in run.stderr


def test_baseline_over_a_corrupt_file_exits_2(tmp_path: Path) -> None:
    """An existing output that is not a baseline is not overwritten blindly."""
    base = tmp_path / "base.json"
    base.write_text("not json", encoding="utf-8")
    run = smartserang("--lang", "en", "baseline", EXAMPLE, "-o", base)
    assert run.returncode == 2
    assert f"{base}:1:1: not valid JSON" in run.stderr
    assert "nothing recorded" in run.stderr
    assert base.read_text(encoding="utf-8") == "not json"


# ------------------------------------------------------------------ causes


@pytest.fixture(scope="module")
def lowered_claim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with indicator 1's claim lowered from 3 to 1 (Penilaian row 2)."""

    def edit(book: Any) -> None:
        sheet = book["Penilaian"]
        assert (sheet["A2"].value, sheet["B2"].value) == (1, 3)
        sheet["B2"].value = 1

    return edited_example(tmp_path_factory.mktemp("claim") / "claim.xlsx", edit)


def test_a_lowered_claim_is_named_with_its_change(
    recorded: Path, lowered_claim: Path, tmp_path: Path
) -> None:
    """One claim lowered: the text lines, the step summary and the JSON report name the
    indicator, its groups and the Penilaian row whose Tingkat went from 3 to 1."""
    summary = tmp_path / "summary.md"
    args = ("check", lowered_claim, "--baseline", recorded, "--summary", summary)
    run = smartserang("--lang", "en", *args, "--format", "json")
    assert run.returncode == 1
    prefix = f"{lowered_claim}: spbe-2020:"
    lines = run.stderr.splitlines()
    moved = lines.index(
        f"{prefix} moved since the baseline: 1 SPBE Architecture policy (D1 › A1): level"
        " 3 → 1; claimed 3 → 1"
    )
    assert lines[moved + 1] == f"{prefix}   Penilaian row 2: Level — 3 → 1"
    assert f"{prefix} A1 2.20 fell by 0.20 from baseline 2.40 (tolerance 0.005)" in lines
    markdown = summary.read_text(encoding="utf-8")
    assert "**Indicators that moved since the baseline**" in markdown
    assert "- spbe-2020: 1 SPBE Architecture policy (D1 › A1): level 3 → 1; claimed 3 → 1" in (
        markdown
    )
    assert "  - Penilaian row 2: Level — 3 → 1" in markdown
    (report,) = json.loads(run.stdout)["files"]
    (move,) = report["moves"]
    assert (move["id"], move["groups"], move["level"]) == ("1", ["D1", "A1"], {"old": 3, "new": 1})
    assert move["claimed"] == {"old": 3, "new": 1}
    assert move["supported"] == {"old": 3, "new": 3}
    (cause,) = move["causes"]
    assert (cause["via"], cause["sheet"], cause["row_old"], cause["row_new"]) == (
        "claim",
        "Penilaian",
        2,
        2,
    )
    assert cause["columns"] == [{"column": "tingkat", "old": 3, "new": 1}]


def test_a_changed_register_row_is_named_with_its_values(recorded: Path, tmp_path: Path) -> None:
    """SRIKANDI (Aplikasi row 14) no longer active: indicator 37's register support fell
    from 3 to 1, and the row is named with the column that changed and what is missing."""

    def edit(book: Any) -> None:
        sheet = book["Aplikasi"]
        assert (sheet["A14"].value, sheet["E14"].value) == ("SRIKANDI", "aktif")
        sheet["E14"].value = "tidak aktif"

    changed = edited_example(tmp_path / "inactive.xlsx", edit)
    run = smartserang("--lang", "en", "check", changed, "--baseline", recorded)
    assert run.returncode == 1
    prefix = f"{changed}: spbe-2020:"
    lines = run.stderr.splitlines()
    moved = lines.index(
        f"{prefix} moved since the baseline: 37 Active records (dynamic archives) (D4 › A7):"
        " level 3 → 1; supported by the registers 3 → 1"
    )
    assert lines[moved + 1 : moved + 3] == [
        f"{prefix}   Aplikasi row 14: SRIKANDI — changed; Status: aktif → tidak aktif",
        f"{prefix}   what the registers now lack for level 2: An active application at"
        " interaction level or above",
    ]


def test_a_later_assessment_date_is_named_where_reviews_age(recorded: Path, tmp_path: Path) -> None:
    """Two years on, reviews are too old for the top level: the Profil field is the cause."""

    def edit(book: Any) -> None:
        book["Profil"]["B4"].value = dt.datetime(2027, 9, 30)

    later = edited_example(tmp_path / "later.xlsx", edit)
    run = smartserang("--lang", "en", "check", later, "--baseline", recorded)
    assert run.returncode == 1
    assert (
        f"{later}: spbe-2020:   Profil: Assessment Date — 30 September 2025 → 30 September 2027"
        in run.stderr.splitlines()
    )


def test_the_baseline_records_each_indicator(recorded: Path) -> None:
    """Format 1.1: each indicator's levels, claim row and the register rows its rule
    selected, with the values of the columns the rule reads; and the Profil."""
    data = json.loads(recorded.read_text(encoding="utf-8"))
    assert data["format_version"] == "1.1"
    assert data["inventory"]["profile"]["tanggal_penilaian"] == "2025-09-30"
    (entry,) = data["results"]
    indicators = {i["id"]: i for i in entry["indicators"]}
    assert len(indicators) == 47
    policy = indicators["3"]
    assert (policy["claimed"], policy["supported"], policy["level"]) == (4, 2, 2)
    assert policy["claim_row"] == 4
    (row,) = policy["evidence"]
    assert (row["sheet"], row["row"]) == ("Kebijakan", 4)
    assert row["cells"]["status"] == "ditetapkan"
    baseline = parse_baseline(recorded.read_text(encoding="utf-8"), str(recorded))
    record = baseline.record("spbe-2020")
    assert record is not None
    kept = record.indicator("3")
    assert kept is not None
    assert kept.evidence[0].cells == row["cells"]


def test_a_baseline_of_format_1_0_still_checks_and_says_what_it_lacks(
    recorded: Path, lower: Path, tmp_path: Path
) -> None:
    """A baseline written before indicators were recorded is read and compared as before;
    the falls are printed with a line saying a new record would name the indicators."""
    data = json.loads(recorded.read_text(encoding="utf-8"))
    data["format_version"] = "1.0"
    del data["inventory"]["profile"]
    for entry in data["results"]:
        del entry["indicators"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    run = smartserang("--lang", "en", "check", lower, "--baseline", old, "--format", "json")
    assert run.returncode == 1
    assert f"{lower}: spbe-2020: A7 3.30 fell by 0.20 from baseline 3.50" in run.stderr
    assert (
        f"{lower}: spbe-2020: the baseline records no indicator levels (format 1.0); record"
        " it again with 'smartserang baseline' to see which indicators moved"
    ) in run.stderr.splitlines()
    (report,) = json.loads(run.stdout)["files"]
    assert (report["moves"], report["unrecorded"]) == ([], ["spbe-2020"])


@pytest.mark.parametrize(
    ("edit", "location"),
    [
        ({"level": "tiga"}, "results[0].indicators[0].level: expected a whole number or null"),
        ({"id": 7}, "results[0].indicators[0]: expected an indicator with a string 'id'"),
        ({"evidence": [{"sheet": "Kebijakan"}]}, "results[0].indicators[0].evidence[0]:"),
    ],
)
def test_a_bad_indicator_record_is_located(
    recorded: Path, tmp_path: Path, edit: dict[str, Any], location: str
) -> None:
    """A wrong field in a recorded indicator is an input error naming its path."""
    data = json.loads(recorded.read_text(encoding="utf-8"))
    data["results"][0]["indicators"][0].update(edit)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    run = smartserang("--lang", "en", "check", EXAMPLE, "--baseline", bad)
    assert run.returncode == 2
    assert f"{bad}: {location}" in run.stderr


# ------------------------------------------------------------------ summary and JSON


def test_summary_is_appended_once_per_run(tmp_path: Path, recorded: Path, lower: Path) -> None:
    """Two runs append two sections, each with a heading, a verdict line and the table."""
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n\n", encoding="utf-8")
    first = smartserang(
        "check", EXAMPLE, "--summary", summary, "--min-index", "2.6", "--lang", "en"
    )
    assert first.returncode == 0
    run = smartserang("--lang", "en", "check", lower, "--summary", summary, "--baseline", recorded)
    assert run.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n\n### smartserang check: ")
    assert text.count("### smartserang check: ") == 2
    assert "✅ **Passed**: 1 check (basis verified, tolerance 0.005)." in text
    assert "❌ **Failed**: 3 of 13 checks failed (basis verified, tolerance 0.005)." in text
    assert "| spbe-2020 | index | 2.65 | ≥ 2.60 | – | ✅ |" in text
    assert "| spbe-2020 | A7 | 3.30 | – | 3.50 (−0.20) | ❌ |" in text
    assert "| spbe-2020 | D1 | 2.40 | – | 2.40 (±0.00) | ✅ |" in text


def test_json_report_lists_every_check(recorded: Path, lower: Path) -> None:
    """--format json prints the checks on stdout; stderr still carries the reasons."""
    run = smartserang("--lang", "en", "check", lower, "--baseline", recorded, "--format", "json")
    assert run.returncode == 1
    data = json.loads(run.stdout)
    assert data["passed"] is False
    (file,) = data["files"]
    assert (file["outcome"], file["indices"]) == ("failed", {"spbe-2020": 2.59})
    failed = [c["subject"] for c in file["checks"] if not c["passed"]]
    assert failed == ["index", "D4", "A7"]
    assert "A7 3.30 fell by 0.20" in run.stderr


# ------------------------------------------------------------------ rounding, pure


def scores(index: str, **groups: str) -> SetScores:
    """Scores from unrounded literals, rounded as the gate rounds them."""
    return SetScores(
        "s",
        "1",
        None,
        "verified",
        round_score(Fraction(index)),
        tuple(GroupScore(g, round_score(Fraction(v)), 0) for g, v in groups.items()),
        (),
    )


@pytest.mark.parametrize(
    ("before", "after", "tolerance", "passed"),
    [
        ("2.654", "2.650", "0", True),  # falls 0.004 unrounded, both show 2.65: no fall
        ("2.6551", "2.6511", "0.005", False),  # falls 0.004 unrounded, but 2.66 → 2.65
        ("2.6551", "2.6511", "0.01", True),  # a fall of exactly the tolerance passes
        ("2.60", "2.70", "0", True),  # a rise
        ("2.645", "2.6449", "0.005", False),  # half up: 2.645 shows 2.65, 2.6449 shows 2.64
    ],
)
def test_baseline_compares_rounded_values(
    before: str, after: str, tolerance: str, passed: bool
) -> None:
    """A fall is measured between the shown two-decimal values, not the unrounded ones."""
    (check,) = compare(scores(after), scores(before), Decimal(tolerance))
    assert check.passed is passed


def test_min_index_compares_the_shown_value() -> None:
    """2.6449 shows as 2.64 and fails 2.645; 2.6495 shows as 2.65 and passes it."""
    limit = Thresholds(min_index=Decimal("2.645"))
    (low,) = evaluate(scores("2.6449"), limit, None)
    (high,) = evaluate(scores("2.6495"), limit, None)
    assert (low.passed, high.passed) == (False, True)
    assert low.describe() == "index 2.64 < --min-index 2.645"


def test_check_messages() -> None:
    """The reasons read as documented in docs/ci.md, including the singular of a count."""
    cases = [
        (Check("s", CheckKind.MINIMUM, "index", Decimal("2.65"), Decimal("3"), False),
         "index 2.65 < --min-index 3.00"),
        (Check("s", CheckKind.BASELINE, "D3", Decimal("1.09"), Decimal("1.29"), False),
         "D3 1.09 fell by 0.20 from baseline 1.29 (tolerance 0.005)"),
        (Check("s", CheckKind.MAX_UNSUPPORTED, "unsupported claims", Decimal(6), Decimal(5), False),
         "6 unsupported claims > --max-unsupported 5"),
        (Check("s", CheckKind.MAX_UNSUPPORTED, "unsupported claims", Decimal(1), Decimal(5), True),
         "1 unsupported claim ≤ --max-unsupported 5"),
        (Check("s", CheckKind.BASELINE, "D3", Decimal("1.30"), Decimal("1.29"), True),
         "D3 1.30, baseline 1.29 (+0.01)"),
    ]  # fmt: skip
    for check, text in cases:
        assert check.describe() == text


@pytest.mark.parametrize(
    ("check", "indonesian"),
    [
        (Check("s", CheckKind.MINIMUM, "index", Decimal("2.65"), Decimal("3"), False),
         "indeks 2,65 < --min-index 3.00"),
        (Check("s", CheckKind.MINIMUM, "D3", Decimal("1.55"), Decimal("1.5"), True),
         "kelompok D3 1,55 ≥ --min D3=1.50"),
        (Check("s", CheckKind.BASELINE, "D3", Decimal("1.09"), Decimal("1.29"), False),
         "kelompok D3 1,09 turun 0,20 dari baseline 1,29 (toleransi 0,005)"),
        (Check("s", CheckKind.BASELINE, "index", Decimal("1.30"), Decimal("1.29"), True),
         "indeks 1,30, baseline 1,29 (+0,01)"),
        (Check("s", CheckKind.MAX_UNSUPPORTED, "unsupported claims", Decimal(1), Decimal(5), True),
         "1 klaim tidak didukung ≤ --max-unsupported 5"),
        (Check("s", CheckKind.COMPLETENESS, "completeness", Decimal("0.455"), Decimal("0.6"),
               False),
         "kelengkapan 45,5% < --min-completeness 0.6 (60,0%)"),
    ],
)  # fmt: skip
def test_check_messages_in_indonesian(check: Check, indonesian: str) -> None:
    """In Indonesian a score takes the decimal comma; a value after an option stays as it
    is typed on the command line."""
    assert check.describe("id") == indonesian
    assert check.describe() == check.describe("en") != indonesian


def test_verdicts_and_summary_follow_the_language() -> None:
    """The closing lines and the Markdown summary speak the language asked for, with the
    same numbers in its notation; English is what the command line prints today."""
    from smartserang.gate import FileReport, render_summary, render_verdict

    scores = SetScores(
        "spbe-2020",
        "1",
        None,
        "verified",
        Decimal("2.65"),
        (GroupScore("D1", Decimal("1.2"), 0),),
        (),
    )
    checks = (Check("spbe-2020", CheckKind.MINIMUM, "index", Decimal("2.65"), Decimal("3"), False),)
    failed = FileReport("k.xlsx", (scores,), checks)
    passed = FileReport("k.xlsx", (scores,), (), warnings=2)
    unread = FileReport("k.xlsx", readable=False)
    assert [render_verdict(r, "id") for r in (failed, passed, unread)] == [
        "smartserang: GAGAL k.xlsx: 1 dari 1 pemeriksaan gagal",
        "smartserang: LULUS k.xlsx: indeks spbe-2020 2,65 (terverifikasi); dinilai, tanpa ambang"
        " yang diminta; 2 peringatan workbook",
        "smartserang: GALAT k.xlsx: tidak diperiksa (masukan bermasalah, lihat di atas)",
    ]
    assert render_verdict(passed) == (
        "smartserang: OK k.xlsx: spbe-2020 index 2.65 (verified); scored, no thresholds given;"
        " 2 workbook warnings"
    )
    summary = render_summary([failed], Thresholds(), "id").splitlines()
    verdict = (
        "❌ **Gagal**: 1 dari 1 pemeriksaan gagal (dasar nilai terverifikasi, toleransi 0,005)."
    )
    assert verdict in summary
    assert "| spbe-2020 | indeks | 2,65 | ≥ 3,00 | – | ❌ |" in summary
    english = render_summary([failed], Thresholds()).splitlines()
    assert "| spbe-2020 | index | 2.65 | ≥ 3.00 | – | ❌ |" in english


def test_parse_baseline_keeps_rounded_values_exact() -> None:
    """Rounded values are read as decimals, so 2.65 compares as 2.65 and not 2.6499…."""
    text = json.dumps(
        {
            "schema_version": "1.2",
            "indicator_set": {"id": "s"},
            "basis": "verified",
            "index_rounded": 2.65,
            "groups": [{"id": "G", "score_rounded": 0.29, "groups": []}],
        }
    )
    baseline = parse_baseline(text, "r.json")
    entry = baseline.get("s")
    assert entry is not None
    assert (entry.index, entry.group("G")) == (Decimal("2.65"), Decimal("0.29"))
    with pytest.raises(InputError):
        parse_baseline("[]", "r.json")


# ------------------------------------------------------------------ docs


def test_every_option_is_documented_in_ci_md() -> None:
    """docs/ci.md names every option of 'check' and 'baseline' (a new option needs its docs)."""
    import typer.main

    from smartserang.cli import app

    group = typer.main.get_command(app)
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in ("check", "baseline"):
        command = group.commands[name]  # type: ignore[attr-defined]
        assert command.help
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in docs, f"{name} {option} is not in docs/ci.md"


# ------------------------------------------------------------------ pre-commit


def _require(tool_available: bool, what: str) -> None:
    """Skip without the tool, except in CI, where the test must run."""
    if tool_available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI")
    pytest.skip(f"{what} is not installed")


def _snapshot_repository(target: Path) -> str:
    """Commit this checkout's working tree (tracked and new files) to ``target``; its sha.

    pre-commit installs a hook repository at a commit; a snapshot tests the tree as it is
    now, committed or not. Fixed dates make the sha depend on the content only.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file may be deleted in the working tree
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "snapshot")
    return _git(target, "rev-parse", "HEAD").strip()


GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_AUTHOR_DATE": "2000-01-01T00:00:00+00:00",
    "GIT_COMMITTER_DATE": "2000-01-01T00:00:00+00:00",
}


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_IDENTITY},
    ).stdout


def test_pre_commit_hook_passes_good_and_fails_bad_workbooks(tmp_path: Path) -> None:
    """The shipped hook, installed by pre-commit, passes the example and fails low or broken ones.

    Needs network access to PyPI: the first run builds the hook's virtualenv (about 16 s).
    Set PRE_COMMIT_HOME to reuse the environment between test runs.
    """
    _require(importlib.util.find_spec("pre_commit") is not None, "pre-commit")
    _require(shutil.which("git") is not None and (ROOT / ".git").exists(), "a git checkout")
    hook_repo, project = tmp_path / "hook", tmp_path / "project"
    hook_repo.mkdir()
    project.mkdir()
    sha = _snapshot_repository(hook_repo)
    shutil.copy(EXAMPLE, project / "good.xlsx")
    shutil.copy(EXAMPLES / "rusak.xlsx", project / "broken.XLSX")
    levels: list[list[Any]] = [["Indikator", "Tingkat"], *[[n, 1] for n in range(1, 48)]]
    write_workbook(project / "low.xlsx", {"Penilaian": levels})
    (project / "notes.txt").write_text("not a workbook\n", encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n"
        f"  - repo: {hook_repo}\n"
        f"    rev: {sha}\n"
        f"    hooks:\n"
        f"      - id: smartserang-check\n"
        f'        args: [--min-index, "2.5", --lang, en]\n',
        encoding="utf-8",
    )
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "workbooks")
    env = {**os.environ, **GIT_IDENTITY}
    env.setdefault("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))

    def run_hook(*files: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "run", "--files", *files]
        return subprocess.run(
            command, cwd=project, capture_output=True, text=True, check=False, env=env
        )

    good = run_hook("good.xlsx", "notes.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "smartserang check" in good.stdout
    assert "Passed" in good.stdout
    low = run_hook("good.xlsx", "low.xlsx")
    assert low.returncode == 1
    assert "low.xlsx: spbe-2020: index 1.00 < --min-index 2.50" in low.stdout
    assert "good.xlsx" in low.stdout  # both files were passed to one 'check' run
    broken = run_hook("broken.XLSX")
    assert broken.returncode == 1  # pre-commit reports any failing hook as 1
    assert "broken.XLSX:Penilaian!B9:" in broken.stdout
    assert "exit code: 2" in broken.stdout


# ------------------------------------------------- warnings and completeness, CLI


def test_strict_fails_on_any_warning_one_line_each() -> None:
    """The example's ignored 'Catatan' column cannot change a score: check passes, and
    check --strict fails on it, naming the cell."""
    assert smartserang("check", EXAMPLE).returncode == 0
    run = smartserang("--lang", "en", "check", EXAMPLE, "--strict")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{EXAMPLE}: spbe-2020: Aplikasi!N1: unknown column 'Catatan' ignored"
        " [inventory.column] (--strict)",
        f"smartserang: FAILED {EXAMPLE}: 1 of 1 checks failed",
    ]


def test_min_completeness_compares_the_share_the_report_shows() -> None:
    """The example's registers decide 66.0 % of the SPBE index: 0.66 passes, 0.661 fails."""
    passing = smartserang("--lang", "en", "check", EXAMPLE, "--min-completeness", "0.66")
    assert passing.returncode == 0, passing.stderr
    failing = smartserang("--lang", "en", "check", EXAMPLE, "--min-completeness", "0.661")
    assert failing.returncode == 1
    assert f"{EXAMPLE}: spbe-2020: completeness 66.0% < --min-completeness 0.661 (66.1%)" in (
        failing.stderr
    )


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan"])
def test_min_completeness_outside_zero_to_one_is_a_usage_error(value: str) -> None:
    run = smartserang("check", EXAMPLE, "--min-completeness", value)
    assert run.returncode == 2
    assert "--min-completeness:" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_score_affecting_warning_fails_once_with_two_sets(tmp_path: Path) -> None:
    """A work-unit name outside the Perangkat Daerah sheet is one workbook warning, read
    by both sets: one failed check, under the first set."""

    def edit(book: Any) -> None:
        book["Aplikasi"]["B2"] = "Dinas Yang Tidak Ada"

    path = edited_example(tmp_path / "unit.xlsx", edit)
    run = smartserang("--lang", "en", "check", path, "--set", "spbe-2020", "--set", "smart-city")
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert lines == [
        f"{path}: spbe-2020: Aplikasi!B2: Perangkat Daerah names 'Dinas Yang Tidak Ada', not"
        " found in the Perangkat Daerah sheet (ignored when counting units) [inventory.unit]"
        " (a warning that can change the score)",
        f"smartserang: FAILED {path}: 1 of 1 checks failed",
    ]


def test_the_summary_and_json_report_completeness(tmp_path: Path) -> None:
    """The Markdown summary has a completeness row; the JSON gives each set's share."""
    summary = tmp_path / "summary.md"
    run = smartserang(
        "--lang",
        "en",
        "check",
        EXAMPLE,
        "--min-completeness",
        "0.6",
        "--summary",
        summary,
        "--format",
        "json",
    )
    assert run.returncode == 0, run.stderr
    assert "| spbe-2020 | completeness | 66.0% | ≥ 60.0% | – | ✅ |" in summary.read_text()
    (file,) = json.loads(run.stdout)["files"]
    assert file["completeness"] == {"spbe-2020": 0.66}
    assert json.loads(run.stdout)["format_version"] == "1.1"


def test_warning_checks_keep_notes_out_and_each_warning_once() -> None:
    """Notes never fail; a warning that cannot change a score fails only with --strict."""
    from smartserang.gate import warning_checks
    from smartserang.problems import Problem
    from smartserang.scoring.levels import score_inventory

    from builders import inventory, spbe_set

    result = score_inventory(spbe_set(), inventory({}, source="w.xlsx"))
    notes = (
        Problem.note("w.xlsx:Aplikasi", "warn_sheet_empty", "inventory.note"),
        Problem.warning("w.xlsx:Aplikasi", "warn_sheet_empty", "inventory.sheet"),
        Problem.score_warning("w.xlsx", "warn_no_date", "inventory.date"),
    )
    result = dataclasses.replace(result, warnings=notes)
    assert [c.kind for c in warning_checks([result, result], Thresholds())] == [
        CheckKind.SCORE_WARNING
    ]
    strict = warning_checks([result], Thresholds(strict=True))
    assert [c.describe() for c in strict] == [
        "Aplikasi: sheet is empty; read as if absent [inventory.sheet] (--strict)",
        "Profil gives neither 'Tanggal Penilaian' nor 'Tahun': reviews cannot be dated, so no"
        " level that needs a recent review is supported [inventory.date] (a warning that can"
        " change the score)",
    ]
