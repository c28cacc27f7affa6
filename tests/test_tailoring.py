"""Tailoring: a set that extends another, overriding weights and thresholds, leaving
indicators out with a reason (and out of every gap and priority) and adding local ones;
Target rows for the extended set apply; unknown ids and cycles are located. Scales from 0."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from smartserang.problems import InputError
from smartserang.scoring.levels import Status, score_inventory
from smartserang.sets.load import load_indicator_set

from builders import claims, inventory, smartserang, write_workbook

BASE = """\
id: base
version: "1"
title: Base
weighting: proportional
scales:
  s: {levels: {1: a, 2: b, 3: c, 4: d, 5: e}}
bands:
  - {min: 3, label: hi}
  - {label: lo}
groups:
  - id: G
    name: G
    weight: 1
    scale: s
    indicators:
      - {id: A, name: A, weight: 1}
      - {id: B, name: B, weight: 1}
      - id: C
        name: C
        weight: 2
        evidence:
          sheet: program
          where: [{column: quick_win, is: true}]
          measure: {count: true}
          name: quick wins
          thresholds: {2: 1, 3: 2, 4: 3, 5: 4}
  - id: H
    name: H
    weight: 1
    scale: s
    indicators:
      - {id: D, name: D, weight: 1}
"""


def write(folder: Path, name: str, text: str) -> Path:
    """Write a set file and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def tailored(folder: Path, tailoring: str) -> Path:
    """A tailoring of base.yaml (written beside it) with the given ``tailoring:`` body."""
    write(folder, "base.yaml", BASE)
    text = 'extends: base.yaml\nid: mine\nversion: "2"\ntitle: Mine\ntailoring:\n' + tailoring
    return write(folder, "mine.yaml", text)


def test_not_applicable_shares_the_weight_within_the_parent(tmp_path: Path) -> None:
    """An indicator marked not applicable is left out; its siblings' weights renormalise."""
    path = tailored(
        tmp_path,
        "  not_applicable:\n    - {id: B, reason: {id: Tidak relevan, en: Not relevant}}\n",
    )
    iset = load_indicator_set(str(path))
    assert iset.extends == "base.yaml"
    result = score_inventory(iset, inventory({"penilaian": claims({"A": 5, "B": 1, "D": 3})}))
    by_id = {r.indicator.id: r for r in result.indicators}
    assert by_id["B"].status is Status.NOT_APPLICABLE
    # G = (A 5 × 1 + C 1 × 2) / 3, B left out; index = mean of G and H (3).
    assert result.groups[0].verified == Fraction(5 + 2, 3)
    assert result.verified_index == (Fraction(7, 3) + 3) / 2
    reason = by_id["B"].indicator.not_applicable
    assert reason is not None
    assert reason.en == "Not relevant"


def test_weights_and_thresholds_are_overridden(tmp_path: Path) -> None:
    """New weights and thresholds replace the base's; everything else is inherited."""
    path = tailored(
        tmp_path,
        "  weights: {H: 3, A: 4}\n  thresholds:\n    C: {2: 1, 3: 1, 4: 1, 5: 1}\n",
    )
    iset = load_indicator_set(str(path))
    groups = {g.id: g for g in iset.walk_groups()}
    assert groups["H"].weight == 3
    indicators = {i.id: i for i in iset.indicators()}
    assert indicators["A"].weight == 4
    assert indicators["B"].weight == 1
    inv = inventory({"program": [{"nama_program": "p", "quick_win": True}]})
    result = score_inventory(iset, inv)
    assert {r.indicator.id: r.supported for r in result.indicators}["C"] == 5


def test_local_indicators_are_added_to_a_group(tmp_path: Path) -> None:
    """An added indicator joins its group and inherits the group's scale."""
    path = tailored(
        tmp_path,
        "  add:\n    - group: H\n      indicator: {id: L1, name: Lokal, weight: 1}\n",
    )
    iset = load_indicator_set(str(path))
    assert [i.id for i in iset.indicators()] == ["A", "B", "C", "D", "L1"]
    assert {i.id: i.scale for i in iset.indicators()}["L1"] == "s"


@pytest.mark.parametrize(
    ("tailoring", "expected"),
    [
        (
            "  weights: {X: 2}\n",
            "mine.yaml:6:13: group or indicator 'X' is not in base set 'base'"
            " [set.tailoring.unknown]",
        ),
        (
            "  not_applicable:\n    - {id: Q, reason: r}\n",
            "mine.yaml:7:12: indicator 'Q' is not in base set 'base' [set.tailoring.unknown]",
        ),
        (
            "  thresholds:\n    A: {2: 1}\n",
            "mine.yaml:7:5: indicator 'A' has no measure to set thresholds on [set.tailoring]",
        ),
        (
            "  add:\n    - group: Z\n      indicator: {id: L, name: L, weight: 1}\n",
            "mine.yaml:7:14: group 'Z' is not in base set 'base' [set.tailoring.unknown]",
        ),
        (
            "  add:\n    - group: G\n      indicator: {id: A, name: L, weight: 1}\n",
            "mine.yaml:8:23: id 'A' already exists in base set 'base' [set.duplicate]",
        ),
    ],
)
def test_tailoring_errors_are_located(tmp_path: Path, tailoring: str, expected: str) -> None:
    """Unknown targets of a tailoring are errors at the tailoring file's line and column."""
    path = tailored(tmp_path, tailoring)
    with pytest.raises(InputError) as caught:
        load_indicator_set(str(path))
    found = [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]
    assert expected in found


def test_extends_cycle_is_a_located_error(tmp_path: Path) -> None:
    """a extends b extends a: the cycle is reported where it closes."""
    write(tmp_path, "a.yaml", 'extends: b.yaml\nid: a\nversion: "1"\ntitle: A\n')
    write(tmp_path, "b.yaml", 'extends: a.yaml\nid: b\nversion: "1"\ntitle: B\n')
    with pytest.raises(InputError) as caught:
        load_indicator_set(str(tmp_path / "a.yaml"))
    (problem,) = caught.value.problems
    assert problem.location == f"{tmp_path}/b.yaml:1:10"
    assert "'extends' makes a cycle: a.yaml → b.yaml → a.yaml" in problem.message


def test_tailoring_cannot_redefine_the_tree(tmp_path: Path) -> None:
    """A tailoring changes its base only through 'tailoring:'."""
    write(tmp_path, "base.yaml", BASE)
    path = write(
        tmp_path,
        "mine.yaml",
        'extends: base.yaml\nid: m\nversion: "1"\ntitle: M\nbands: [{label: x}]\n',
    )
    with pytest.raises(InputError) as caught:
        load_indicator_set(str(path))
    assert "'bands' cannot be set by a tailoring" in str(caught.value)


def test_tailoring_a_shipped_absolute_set_must_keep_its_sums(tmp_path: Path) -> None:
    """Changing one SPBE weight breaks the regulation's sums: a located error."""
    path = write(
        tmp_path,
        "spbe-kota.yaml",
        'extends: spbe-2020\nid: spbe-kota\nversion: "1"\ntitle: K\ntailoring:\n'
        "  weights: {'35': 3}\n",
    )
    with pytest.raises(InputError) as caught:
        load_indicator_set(str(path))
    assert any(
        "weights inside group 'A7' add up to 27.75, not group 'A7''s weight 27.5" in str(p)
        for p in caught.value.problems
    )


# ----------------------------------------------------------- not applicable, targets


def test_a_not_applicable_indicator_is_in_no_priority_gap_chart_or_detail(
    tmp_path: Path,
) -> None:
    """B is left out: with a target above every level, A and D are priorities with gaps,
    B has no target and no gap, and the report's details and gap chart leave it out."""
    from smartserang.report.build import build_report_view
    from smartserang.report.reporter import Detail
    from smartserang.scoring.analysis import analyse, resolve_targets
    from smartserang.scoring.levels import Basis

    path = tailored(tmp_path, "  not_applicable:\n    - {id: B, reason: Tidak relevan}\n")
    iset = load_indicator_set(str(path))
    subject = inventory({"penilaian": claims({"A": 2, "B": 1, "D": 2})})
    result = score_inventory(iset, subject)
    analysis = analyse(result, resolve_targets(result, Fraction(5)))
    gaps = {g.result.indicator.id: g for g in analysis.gaps}
    assert gaps["B"].target is None
    assert (gaps["B"].gap, gaps["B"].gain) == (0, Fraction(0))
    assert (gaps["A"].target, gaps["A"].gap) == (5, 3)
    assert "B" not in [g.result.indicator.id for g in analysis.priorities]
    assert "B" not in analysis.targets.indicators
    view = build_report_view(result, analysis, basis=Basis.VERIFIED, lang="en", detail=Detail.FULL)
    assert "B" not in [d.id for d in view.details]
    assert {d.id for d in view.details} >= {"A", "D"}
    gap_chart = view.charts[1]
    assert "B B" not in gap_chart.alt
    assert "A A" in gap_chart.alt
    row = next(r for r in view.indicators if r.id == "B")
    assert (row.target, row.gap, row.status) == ("–", "0", "not applicable")


def test_target_rows_for_the_extended_set_apply_to_the_tailoring(tmp_path: Path) -> None:
    """A Target sheet written for 'base' (the master plan's set) sets the index target of
    'mine', which extends it; the row is no error."""
    from smartserang.scoring.analysis import TargetSource, check_targets, resolve_targets

    iset = load_indicator_set(str(tailored(tmp_path, "  weights: {H: 2}\n")))
    assert iset.bases == ("base",)
    subject = inventory(
        {
            "penilaian": claims({"A": 2}),
            "target": [{"tahun": 2026, "lingkup": "base", "target": 3.5}],
        }
    )
    assert check_targets(iset, subject) == []
    targets = resolve_targets(score_inventory(iset, subject))
    assert (targets.index, targets.index_source) == (Fraction(7, 2), TargetSource.SHEET)


def test_a_tailoring_of_a_tailoring_knows_every_set_it_extends(tmp_path: Path) -> None:
    """Target rows for the base and for the first tailoring both apply to the second."""
    tailored(tmp_path, "  weights: {H: 2}\n")
    second = write(
        tmp_path,
        "ours.yaml",
        'extends: mine.yaml\nid: ours\nversion: "3"\ntitle: Ours\ntailoring: {}\n',
    )
    assert load_indicator_set(str(second)).bases == ("mine", "base")


ZERO_BASED = """\
id: nol
version: "1"
title: Nol
weighting: proportional
scales:
  s: {levels: {0: tidak ada, 1: a, 2: b, 3: c, 4: d, 5: e}}
bands: [{min: 2, label: hi}, {label: lo}]
groups:
  - id: G
    name: G
    weight: 1
    scale: s
    indicators:
      - {id: A, name: A, weight: 1}
      - {id: B, name: B, weight: 1}
"""


def test_a_scale_from_zero_accepts_level_zero_in_penilaian(tmp_path: Path) -> None:
    """PermenPANRB 5/2018's scale started at 0: a workbook claiming 0 scores on it, and
    the same claim on a 1–5 set is a located error naming the indicator's scale."""
    set_path = write(tmp_path, "nol.yaml", ZERO_BASED)
    workbook = write_workbook(
        tmp_path / "inv.xlsx", {"Penilaian": [["Indikator", "Tingkat"], ["A", 0], ["B", 4]]}
    )
    run = smartserang("--lang", "en", "score", workbook, "--set", set_path, "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [(i["id"], i["claimed"], i["level"]) for i in data["indicators"]] == [
        ("A", 0, 0),
        ("B", 4, 4),
    ]
    assert data["claimed_index"] == 2
    spbe = write_workbook(
        tmp_path / "spbe.xlsx", {"Penilaian": [["Indikator", "Tingkat"], ["35", 0]]}
    )
    refused = smartserang("--lang", "en", "score", spbe)
    assert refused.returncode == 2
    assert f"{spbe}:Penilaian!B2: level 0 is outside the scale of indicator 35 (1–5)" in (
        refused.stderr
    )
