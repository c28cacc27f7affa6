"""Tailoring: a set that extends another, overriding weights and thresholds, leaving
indicators out with a reason and adding local ones; unknown ids and cycles are located."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from smartserang.problems import InputError
from smartserang.scoring.levels import Status, score_inventory
from smartserang.sets.load import load_indicator_set

from builders import claims, inventory

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
