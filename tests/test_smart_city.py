"""The shipped smart city set on the example workbook, tailoring it, several sets at once,
and its rules counting rows by the column that says what they are, not a word in a name."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from smartserang.model import Condition, EvidenceRule, Indicator, Profile
from smartserang.scoring.levels import IndicatorResult
from smartserang.sets.load import load_indicator_set
from smartserang.workbook.contract import VOCABULARIES

from builders import EXAMPLES, inventory, smartserang

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"


def score_json(workbook: Path, *sets: str) -> Any:
    """The JSON result of scoring ``workbook`` on ``sets``."""
    args = [a for s in sets for a in ("--set", s)]
    run = smartserang("score", workbook, *args, "--format", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_six_dimensions_eighteen_elements_three_aspects() -> None:
    """The smart city set scores six dimensions, 18 elements and the three readiness aspects."""
    data = score_json(EXAMPLE, "smart-city")
    dimensions = data["groups"]
    assert [d["id"] for d in dimensions] == ["GOV", "BRA", "ECO", "LIV", "SOC", "ENV"]
    elements = [e for d in dimensions for e in d["groups"]]
    assert len(elements) == 18
    assert all(isinstance(g["score"], float) for g in [*dimensions, *elements])
    (aspects,) = data["breakdowns"]
    assert aspects["key"] == "aspek"
    assert sorted(r["value"] for r in aspects["rows"]) == [
        "infrastruktur",
        "struktur",
        "suprastruktur",
    ]
    assert sum(r["share"] for r in aspects["rows"]) == pytest.approx(1)


def reads_wifi(indicator: Indicator) -> bool:
    """Whether the indicator's rule selects public Wi-Fi facilities."""
    rule = indicator.evidence
    return rule is not None and any(
        c.column == "jenis" and c.op == "equals" and c.value == "wifi publik" for c in rule.where
    )


def level_for(indicator: Indicator, value: float) -> int:
    """The level the indicator's thresholds give a measured value."""
    assert indicator.evidence is not None
    level = 1
    for threshold_level, threshold in indicator.evidence.thresholds:
        if Fraction(value).limit_denominator(10**9) >= threshold:
            level = threshold_level
    return level


def test_deleting_one_kecamatans_wifi_changes_exactly_the_wifi_indicators(
    tmp_path: Path,
) -> None:
    """Only indicators reading Wi-Fi move, and each by what its thresholds say."""
    book = load_workbook(EXAMPLE)
    sheet = book["Fasilitas"]
    header = [c.value for c in sheet[1]]
    kind, place = header.index("Jenis"), header.index("Kecamatan")
    jenis = VOCABULARIES["jenis_fasilitas"]

    def is_wifi(value: object) -> bool:
        term = jenis.lookup(str(value))  # "Wi-Fi Publik", "public wifi": the reader's spellings
        return term is not None and term.value == "wifi publik"

    wifi = [r for r in sheet.iter_rows(min_row=2) if is_wifi(r[kind].value)]
    covered = sorted({str(r[place].value) for r in wifi})
    victim = covered[-1]
    for row in reversed(list(sheet.iter_rows(min_row=2))):
        if is_wifi(row[kind].value) and row[place].value == victim:
            sheet.delete_rows(row[0].row)
    changed_book = tmp_path / "tanpa-wifi.xlsx"
    book.save(changed_book)

    iset = load_indicator_set("smart-city")
    wifi_ids = {i.id for i in iset.indicators() if reads_wifi(i)}
    assert wifi_ids  # the set does read Wi-Fi coverage
    before = {i["id"]: i for i in score_json(EXAMPLE, "smart-city")["indicators"]}
    after = {i["id"]: i for i in score_json(changed_book, "smart-city")["indicators"]}
    changed = {
        k
        for k in before
        if (before[k]["measure"], before[k]["level"]) != (after[k]["measure"], after[k]["level"])
    }
    assert changed == wifi_ids
    indicators = {i.id: i for i in iset.indicators()}
    for key in wifi_ids:
        assert after[key]["level"] == level_for(indicators[key], after[key]["measure"])
    # Coverage of kecamatan drops by exactly one kecamatan over Profil's Jumlah Kecamatan.
    coverage = [k for k in wifi_ids if indicators[k].evidence.measure.kind == "coverage"]  # type: ignore[union-attr]
    for key in coverage:
        assert after[key]["measure"] == pytest.approx(before[key]["measure"] - 1 / 6)


def test_tailored_set_marks_an_indicator_not_applicable_with_its_reason() -> None:
    """The example tailoring leaves ENV3.2 out: ENV3 is then ENV3.1 alone, and both say why."""
    tailored = EXAMPLES / "smart-city-sukamaju.yaml"
    data = score_json(EXAMPLE, str(tailored))
    assert data["extends"] == "smart-city"
    assert data["not_applicable"] == ["ENV3.2"]
    indicators = {i["id"]: i for i in data["indicators"]}
    assert indicators["ENV3.2"]["status"] == "not_applicable"
    assert "meteran" in indicators["ENV3.2"]["not_applicable"]
    env3 = next(e for d in data["groups"] for e in d["groups"] if e["id"] == "ENV3")
    assert env3["score"] == indicators["ENV3.1"]["level"]
    report = smartserang("score", EXAMPLE, "--set", str(tailored), "--format", "md").stdout
    assert "meteran listrik provinsi" in report
    assert "Indikator tidak berlaku" in report


def test_several_sets_in_one_run() -> None:
    """Two sets: JSON holds one result per set; reports and the terminal show each."""
    data = score_json(EXAMPLE, "spbe-2020", "smart-city")
    assert [r["indicator_set"]["id"] for r in data["results"]] == ["spbe-2020", "smart-city"]
    html = smartserang(
        "score", EXAMPLE, "--set", "spbe-2020", "--set", "smart-city", "--format", "html"
    ).stdout
    assert html.count('<article class="set-report"') == 2
    assert 'id="spbe-2020-summary"' in html
    assert 'id="smart-city-summary"' in html
    text = smartserang("score", EXAMPLE, "--set", "spbe-2020", "--set", "smart-city").stdout
    assert "Indeks SPBE" in text
    assert "Kesiapan Smart City" in text


# ------------------------------------------------- counting by the column, not a name

NAME_COLUMNS = {"aplikasi": "nama_aplikasi", "program": "nama_program", "fasilitas": "nama"}
CLASS_COLUMNS = {"aplikasi": "dimensi_smart_city", "program": "dimensi"}
"""A register's name column, and the column saying which dimension a row is of."""


def _reads(conditions: tuple[Condition, ...]) -> set[str]:
    """The columns a list of conditions reads, nested alternatives too."""
    found = set()
    for condition in conditions:
        if condition.column is not None:
            found.add(condition.column)
        for alternative in condition.alternatives:
            found |= _reads(alternative)
    return found


def _condition_lists(rule: EvidenceRule) -> list[tuple[Condition, ...]]:
    """Every list of conditions that must hold together: where (with each step's rows),
    the measure's conditions, and each alternative of an any_of, nested too."""
    lists = [rule.where, *(rule.where + s.rows for s in rule.steps)]
    if rule.measure is not None:
        lists.append(rule.measure.conditions)
    stack = list(lists)
    while stack:
        for condition in stack.pop():
            for alternative in condition.alternatives:
                lists.append(alternative)
                stack.append(alternative)
    return lists


@pytest.mark.parametrize("name", ["smart-city", "spbe-2020"])
def test_no_shipped_rule_counts_a_row_by_a_word_in_its_name_alone(name: str) -> None:
    """Audit: a ``contains`` on a name is always checked with the column saying what the
    row is (an application's or programme's dimension), and no rule reads a facility's
    name: only its Jenis says what a facility is."""
    checked = 0
    for indicator in load_indicator_set(name).indicators():
        rule = indicator.evidence
        if rule is None:
            continue
        for conditions in _condition_lists(rule):
            for condition in conditions:
                if condition.op != "contains" or condition.column != NAME_COLUMNS.get(rule.sheet):
                    continue
                assert rule.sheet != "fasilitas", indicator.id
                assert CLASS_COLUMNS[rule.sheet] in _reads(conditions), indicator.id
                checked += 1
    assert checked == (21 if name == "smart-city" else 0)  # 14 applications, 7 programmes


def smart_city(registers: dict[str, Any], indicator: str) -> IndicatorResult:
    """One indicator of the smart city set scored on literal registers."""
    from smartserang.scoring.levels import score_inventory

    subject = inventory(registers, profile=Profile(jumlah_kecamatan=2, jumlah_penduduk=1000))
    result = score_inventory(load_indicator_set("smart-city"), subject)
    return next(r for r in result.indicators if r.indicator.id == indicator)


def test_a_wifi_point_named_after_a_waste_bank_is_no_waste_facility() -> None:
    """ENV2.2 counts kecamatan with a waste facility by Jenis: the Wi-Fi point named
    "Wi-Fi Bank Sampah" in kecamatan B adds nothing; the TPS3R in A counts."""
    rows = [
        {"nama": "TPS3R A", "jenis": "tps3r", "status": "aktif", "kecamatan": "A"},
        {"nama": "Wi-Fi Bank Sampah", "jenis": "wifi publik", "status": "aktif", "kecamatan": "B"},
    ]
    assert smart_city({"fasilitas": rows}, "ENV2.2").measure == Fraction(1, 2)


@pytest.mark.parametrize(
    ("dimensions", "counted"),
    [(("environment",), True), (None, True), (("governance",), False)],
)
def test_an_application_named_for_waste_counts_only_in_its_own_dimension(
    dimensions: tuple[str, ...] | None, counted: bool
) -> None:
    """ENV2.1 reads the waste words in a name only when the application's Dimensi Smart
    City is blank or includes environment: a governance app named "Pajak Sampah" is not
    a waste service."""
    app: dict[str, Any] = {"nama_aplikasi": "Pajak Sampah", "status": "aktif", "tingkat_layanan": 3}
    other = {"nama_aplikasi": "SIPD", "status": "aktif", "dimensi_smart_city": ("governance",)}
    if dimensions is not None:
        app["dimensi_smart_city"] = dimensions
    found = smart_city({"aplikasi": [app, other]}, "ENV2.1")
    assert found.supported == (3 if counted else 1)


def test_a_programme_named_for_tourism_counts_only_in_its_own_dimension() -> None:
    """BRA1.2: "Festival Kuliner UMKM" of the economy dimension is no tourism programme;
    "Festival Budaya" of no stated dimension is."""
    rows = [
        {"nama_program": "Festival Kuliner UMKM", "dimensi": "economy", "status": "berjalan"},
        {"nama_program": "Festival Budaya", "status": "berjalan"},
    ]
    assert smart_city({"program": rows}, "BRA1.2").measure == 1
