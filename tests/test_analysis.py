"""Gap analysis: targets, gaps, marginal gains, priorities and completeness."""

from __future__ import annotations

import json
import random
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smartserang.model import IndicatorSet
from smartserang.scoring.analysis import (
    TargetSource,
    analyse,
    check_targets,
    index_slopes,
    resolve_targets,
)
from smartserang.scoring.levels import indicator_value, score_inventory, score_tree
from smartserang.sets.load import load_indicator_set

from builders import EXAMPLES, claims, inventory, mini, smartserang, spbe_set, yaml_set


@pytest.fixture(scope="module")
def spbe() -> IndicatorSet:
    """The shipped SPBE set, loaded once."""
    return spbe_set()


def test_marginal_gain_is_the_index_rise_of_one_more_level(spbe: IndicatorSet) -> None:
    """Each indicator's gain equals the verified index with that indicator one level up."""
    levels = {i.id: 2 for i in spbe.indicators()}
    result = score_inventory(spbe, inventory({"penilaian": claims(levels)}))
    analysis = analyse(result, resolve_targets(result))
    for gap in analysis.gaps:
        raised = dict(levels) | {gap.result.indicator.id: 3}
        again = score_inventory(spbe, inventory({"penilaian": claims(raised)}))
        assert again.verified_index - result.verified_index == gap.gain
    # On the official model a level is worth weight / 100 of the index.
    assert {g.result.indicator.id: g.gain for g in analysis.gaps}["35"] == Fraction("0.0275")


def test_gain_is_zero_at_the_top_of_the_scale(spbe: IndicatorSet) -> None:
    """An indicator already at level 5 cannot raise the index."""
    result = score_inventory(spbe, inventory({"penilaian": claims({"1": 5})}))
    gap = analyse(result, resolve_targets(result)).gaps[0]
    assert gap.gain == 0


def test_target_precedence() -> None:
    """Own target, then the Target sheet's indicator row, then the group's, then the index's."""
    inv = inventory(
        {
            "penilaian": [
                {"indikator": "1", "tingkat": 1, "target": 2},
                {"indikator": "2", "tingkat": 1},
                {"indikator": "3", "tingkat": 1},
            ],
            "target": [
                {"tahun": 2026, "lingkup": "indeks", "target": 2.5},
                {"tahun": 2025, "lingkup": "G1", "target": 4.0},
                {"tahun": 2027, "lingkup": "G1", "target": 3.2},
                {"tahun": 2027, "lingkup": "2", "target": 5},
            ],
        }
    )
    iset = yaml_set(mini())
    assert check_targets(iset, inv) == []
    result = score_inventory(iset, inv)
    targets = resolve_targets(result)
    assert targets.index == Fraction("2.5")
    assert targets.index_source is TargetSource.SHEET
    assert targets.groups == {"G1": Fraction("3.2")}  # the latest year is the horizon
    # 1: own target; 2: its Target row; 3 (in G2): the index target rounded up.
    assert targets.indicators == {"1": 2, "2": 5, "3": 3}
    assert [p.year for p in targets.trajectory] == [2025, 2026, 2027, 2027]
    option = resolve_targets(result, Fraction("4.1"))
    assert option.index_source is TargetSource.OPTION
    assert option.indicators["3"] == 5


def test_without_targets_the_next_band_is_aimed_at() -> None:
    """No target anywhere: the index target is the lower edge of the next predikat up."""
    result = score_inventory(
        yaml_set(mini()), inventory({"penilaian": claims({"1": 2, "2": 2, "3": 2})})
    )
    targets = resolve_targets(result)
    assert targets.index == Fraction("2.6")
    assert targets.index_source is TargetSource.NEXT_BAND
    assert set(targets.indicators.values()) == {3}


def test_bad_target_rows_are_located() -> None:
    """A Target row naming an unknown scope or a value off the scale is a located error."""
    inv = inventory(
        {
            "target": [
                {"tahun": 2026, "lingkup": "D9", "target": 3},
                {"tahun": 2026, "lingkup": "indeks", "target": 7},
            ]
        }
    )
    found = [str(p) for p in check_targets(yaml_set(mini()), inv)]
    assert found == [
        "test.xlsx:Target!B2: Lingkup 'D9' is neither 'indeks', a set id, a group id nor an"
        " indicator id"
        " of set 'mini' [inventory.target.scope]",
        "test.xlsx:Target!C3: target 7 is outside every index range (0–5) [inventory.target.value]",
    ]


def test_priorities_rank_by_gain_and_split_quick_wins() -> None:
    """Heavier indicators come first; one level to go or evidence missing is a quick win."""
    inv = inventory(
        {
            "penilaian": [
                {"indikator": "1", "tingkat": 1, "target": 3},
                {"indikator": "2", "tingkat": 2, "target": 3},
                {"indikator": "3", "tingkat": 4, "target": 4},
            ],
            "aplikasi": [
                {
                    "nama_aplikasi": "A",
                    "layanan_spbe": "pengadaan",
                    "status": "aktif",
                    "tingkat_layanan": 2,
                }
            ],
        }
    )
    result = score_inventory(yaml_set(mini()), inv)
    analysis = analyse(result, resolve_targets(result))
    ranked = [(g.result.indicator.id, g.gap, g.quick_win) for g in analysis.priorities]
    # 3 weighs 60, 2 weighs 30, 1 weighs 10; 3's claim (4) outruns its register (2).
    assert ranked == [("3", 2, True), ("2", 1, True), ("1", 2, False)]
    assert [g.result.indicator.id for g in analysis.quick_wins()] == ["3", "2"]
    assert [g.result.indicator.id for g in analysis.longer_work()] == ["1"]
    gap3 = analysis.priorities[0]
    assert gap3.gain_to_target == Fraction(2 * 60, 100)


def test_completeness_is_the_register_backed_share_of_weight() -> None:
    """Only indicators whose level a register backs count towards completeness."""
    inv = inventory({"penilaian": claims({"1": 2, "2": 2}), "aplikasi": []})
    result = score_inventory(yaml_set(mini()), inv)
    assert analyse(result, resolve_targets(result)).completeness == Fraction(60, 100)


def test_raising_indicator_35_in_the_workbook_adds_exactly_its_gain(tmp_path: Path) -> None:
    """Making the example's procurement app collaborate lifts the index by the printed gain."""
    before = json.loads(smartserang("score", EXAMPLES / "kota-sukamaju.xlsx", "-f", "json").stdout)
    row35 = next(i for i in before["indicators"] if i["id"] == "35")
    assert row35["level"] == 3
    book = load_workbook(EXAMPLES / "kota-sukamaju.xlsx")
    sheet = book["Aplikasi"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("Nama Aplikasi")].value == row35["evidence"][0]["label"]:
            row[header.index("Tingkat Layanan")].value = "kolaborasi"
            row[header.index("Terintegrasi Dengan")].value = "SIMDA Keuangan, e-Budgeting"
    changed = tmp_path / "naik.xlsx"
    book.save(changed)
    after = json.loads(smartserang("score", changed, "-f", "json").stdout)
    assert next(i for i in after["indicators"] if i["id"] == "35")["level"] == 4
    rise = Fraction(after["verified_index"]).limit_denominator(10**6) - Fraction(
        before["verified_index"]
    ).limit_denominator(10**6)
    assert rise == Fraction(row35["marginal_gain"]).limit_denominator(10**6)
    report = smartserang("score", EXAMPLES / "kota-sukamaju.xlsx", "-f", "md").stdout
    line = next(x for x in report.splitlines() if x.startswith("| 35 "))
    assert "0,0275" in line


def _slope_cases() -> list[tuple[str, IndicatorSet]]:
    return [
        ("spbe-2020", load_indicator_set("spbe-2020")),
        ("smart-city", load_indicator_set("smart-city")),
        ("u4ssc points", load_indicator_set("examples/u4ssc-mini.yaml")),
        ("mini exclude", yaml_set(mini("exclude"))),
        ("mini minimum", yaml_set(mini("minimum"))),
    ]


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(("name", "iset"), _slope_cases())
def test_index_slopes_give_exactly_the_rescored_index(
    name: str, iset: IndicatorSet, seed: int
) -> None:
    """Gains come from slopes: they must equal rescoring the tree at every other level."""
    chooser = random.Random(seed)
    indicators = list(iset.indicators())
    levels: dict[str, int | None] = {}
    for indicator in indicators:
        scale = iset.scales[indicator.scale]
        levels[indicator.id] = chooser.choice([None, *range(scale.minimum, scale.maximum + 1)])
    base = score_tree(iset, levels).index
    slopes = index_slopes(iset, levels)
    checked = 0
    for indicator in indicators:
        scale = iset.scales[indicator.scale]
        before = indicator_value(iset, indicator, levels[indicator.id])
        for level in range(scale.minimum, scale.maximum + 1):
            after = indicator_value(iset, indicator, level)
            if before is None or after is None or indicator.id not in slopes:
                continue
            rescored = score_tree(iset, {**levels, indicator.id: level}).index - base
            assert slopes[indicator.id] * (after - before) == rescored, (indicator.id, level)
            checked += 1
    counted = [i for i in indicators if indicator_value(iset, i, levels[i.id]) is not None]
    assert checked >= len(counted), name  # every counted indicator, at every level at least once
