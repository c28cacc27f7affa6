"""Blank is unknown, not no: what a blank cell or a missing column says to a condition, a
ladder and each kind of measure, and what the indicator's status then is, on literal
registers."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import Any

import pytest

from smartserang.model import Condition, Profile, RowReference
from smartserang.scoring.analysis import analyse, resolve_targets
from smartserang.scoring.conditions import RowEngine, Truth, all_of, any_of, blank_is_unknown
from smartserang.scoring.context import RuleContext
from smartserang.scoring.levels import Status, score_inventory
from smartserang.scoring.quality import format_ids
from smartserang.scoring.rules import evaluate_rule

from builders import claims, inventory, spbe_set, yaml_set

DAY = dt.date(2025, 6, 30)
PROFILE = Profile(
    tahun=2025,
    tanggal_penilaian=DAY,
    jumlah_penduduk=10_000,
    jumlah_kecamatan=4,
    jumlah_perangkat_daerah=2,
)

# ------------------------------------------------------------------ one condition


@pytest.mark.parametrize(
    ("sheet", "column", "unknown"),
    [
        ("aplikasi", "status", True),  # an attribute every row has
        ("aplikasi", "tingkat_layanan", True),
        ("aplikasi", "sistem_penghubung", True),  # yes/no
        ("fasilitas", "jumlah", True),  # a number
        ("kebijakan", "cakupan", True),
        ("aplikasi", "terintegrasi_dengan", False),  # a list: names nothing
        ("aplikasi", "tanggal_reviu", False),  # a date: no review recorded
        ("kebijakan", "menggantikan", False),  # a name
        ("aplikasi", "layanan_spbe", False),  # a class: serves no SPBE service
        ("aplikasi", "dimensi_smart_city", False),
        ("fasilitas", "jenis", False),
        ("program", "dimensi", False),
        ("aplikasi", "no_such_column", True),  # outside the contract
    ],
)
def test_what_a_blank_cell_says_depends_on_its_column(
    sheet: str, column: str, unknown: bool
) -> None:
    """Attributes leave a blank unknown; names, lists, dates and classes answer."""
    assert blank_is_unknown(sheet, column) is unknown


APPS: list[dict[str, Any]] = [
    {"nama_aplikasi": "A", "status": "aktif", "tingkat_layanan": 3},
    {"nama_aplikasi": "B", "tingkat_layanan": 4, "terintegrasi_dengan": ("A",)},
    {"nama_aplikasi": "C", "status": "aktif"},
]


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (Condition("equals", "status", "aktif"), [True, None, True]),
        (Condition("at_least", "tingkat_layanan", Fraction(3)), [True, True, None]),
        (Condition("present", "status", True), [True, False, True]),  # always known
        (
            Condition(
                "names_row_of", "terintegrasi_dengan", RowReference("aplikasi", "nama_aplikasi")
            ),
            [False, True, False],  # a blank list names nothing
        ),
        (Condition("within_days", "tanggal_reviu", 365), [None, None, None]),  # no such column
        (Condition("present", "tanggal_reviu", False), [None, None, None]),
        (
            Condition(
                "names_row_of",
                "terintegrasi_dengan",
                RowReference(
                    "aplikasi", "nama_aplikasi", (Condition("equals", "status", "aktif"),)
                ),
            ),
            [False, True, False],  # A is surely active
        ),
        (
            Condition(
                "names_row_of",
                "terintegrasi_dengan",
                RowReference(
                    "aplikasi",
                    "nama_aplikasi",
                    (Condition("at_least", "tingkat_layanan", Fraction(4)),),
                ),
            ),
            [False, False, False],  # A surely is not at kolaborasi
        ),
    ],
)
def test_each_row_holds_fails_or_is_unknown(condition: Condition, expected: list[Truth]) -> None:
    """A blank Status or Tingkat Layanan is unknown; a blank list fails; a column the
    register lacks is unknown on every row, even for ``present``."""
    subject = inventory({"aplikasi": APPS}, profile=PROFILE)
    register = subject.register("aplikasi")
    assert register is not None
    engine = RowEngine(subject)
    assert [engine.condition_value(row, condition) for row in register.rows] == expected


def test_conditions_combine_as_kleenes_logic() -> None:
    """and: False wins, then unknown; or: True wins, then unknown."""
    values: list[Truth] = [True, None, False]
    for a in values:
        for b in values:
            both = all_of([a, b])
            either = any_of([a, b])
            assert both is (False if False in (a, b) else None if None in (a, b) else True)
            assert either is (True if True in (a, b) else None if None in (a, b) else False)


# ------------------------------------------------------------------------- ladders


def app(name: str, **values: Any) -> dict[str, Any]:
    """An application of the pengadaan service (indicator 35)."""
    return {"nama_aplikasi": name, "layanan_spbe": "pengadaan", **values}


def finding_35(*apps: dict[str, Any]) -> tuple[int | None, int | None, tuple[str, ...]]:
    """Floor, ceiling and the blank columns of indicator 35's ladder over ``apps`` (with
    the Terintegrasi Dengan and Tanggal Reviu columns present)."""
    rows = [{"terintegrasi_dengan": None, "tanggal_reviu": None, **a} for a in apps]
    rows.append({"nama_aplikasi": "Z", "terintegrasi_dengan": ("x",), "tanggal_reviu": DAY})
    iset = spbe_set()
    indicator = next(i for i in iset.indicators() if i.id == "35")
    assert indicator.evidence is not None
    context = RuleContext(inventory({"aplikasi": rows}, profile=PROFILE))
    found = evaluate_rule(indicator.evidence, iset.scales[indicator.scale], context)
    return found.supported, found.ceiling, tuple(c for _, (_, c) in found.unknown)


@pytest.mark.parametrize(
    ("apps", "expected"),
    [
        # decided: no blank at all
        ([app("A", status="aktif", tingkat_layanan=3)], (3, 3, ())),
        # a blank Tingkat Layanan that cannot matter: without an integration the
        # application cannot reach kolaborasi, and transaksi is already shown
        (
            [app("A", status="aktif", tingkat_layanan=3), app("B", status="aktif")],
            (3, 3, ()),
        ),
        # the same application, integrated: it may be at kolaborasi (4), not optimum
        # (no review)
        (
            [
                app("A", status="aktif", tingkat_layanan=3),
                app("B", status="aktif", terintegrasi_dengan=("A",)),
            ],
            (3, 4, ("tingkat_layanan",)),
        ),
        # a blank Status: the transaksi application may or may not be active
        ([app("A", tingkat_layanan=3)], (1, 3, ("status",))),
        # a blank Status on an inactive-looking row still cannot be decided
        (
            [app("A", tingkat_layanan=5, terintegrasi_dengan=("Z",), tanggal_reviu=DAY)],
            (1, 5, ("status",)),
        ),
    ],
)
def test_a_ladder_step_holds_fails_or_is_unknown(
    apps: list[dict[str, Any]], expected: tuple[int, int, tuple[str, ...]]
) -> None:
    """The floor is the top of the steps that surely hold, the ceiling the top of those
    that may; the columns whose blanks leave the steps between open are named."""
    assert finding_35(*apps) == expected


def test_a_register_without_the_column_leaves_every_step_needing_it_open() -> None:
    """No Tingkat Layanan column: an active application may be anything from interaksi
    up; integration and review columns missing too leave level 5 open."""
    rows = [app("A", status="aktif"), app("B", status="tidak aktif")]
    iset = spbe_set()
    indicator = next(i for i in iset.indicators() if i.id == "35")
    assert indicator.evidence is not None
    context = RuleContext(inventory({"aplikasi": rows}, profile=PROFILE))
    found = evaluate_rule(indicator.evidence, iset.scales[indicator.scale], context)
    assert (found.supported, found.ceiling) == (1, 5)
    assert found.unknown_up_to(3) == (("aplikasi", "tingkat_layanan"),)
    assert found.unknown_up_to(5) == (
        ("aplikasi", "tingkat_layanan"),
        ("aplikasi", "terintegrasi_dengan"),
        ("aplikasi", "tanggal_reviu"),
    )


UNITS_SET = """
id: u
version: "1"
title: U
weighting: proportional
scales: {s: {levels: {1: a, 2: b, 3: c}}}
bands: [{label: x}]
groups:
  - id: G
    name: G
    weight: 1
    scale: s
    indicators:
      - id: PD
        name: Pusat data
        weight: 1
        evidence:
          sheet: fasilitas
          where: [{column: jenis, equals: pusat data}]
          units_column: perangkat_daerah_pengguna
          steps:
            - {level: 2, units: some, requires: some, rows: [{column: status, equals: aktif}]}
            - {level: 3, units: all, requires: all, rows: [{column: status, equals: aktif}]}
"""


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"perangkat_daerah_pengguna": ("A",), "status": "aktif"}], (2, 2)),
        ([{"perangkat_daerah_pengguna": ("A", "B"), "status": "aktif"}], (3, 3)),
        # a facility of unknown status serving every unit
        (
            [
                {"perangkat_daerah_pengguna": ("A",), "status": "aktif"},
                {"perangkat_daerah_pengguna": ("B",)},
            ],
            (2, 3),
        ),
        # no units column: an active facility may serve any unit
        ([{"status": "aktif"}], (1, 3)),
    ],
)
def test_units_steps_count_the_units_surely_and_possibly_served(
    rows: list[dict[str, Any]], expected: tuple[int, int]
) -> None:
    """A units step holds when the rows surely passing surely serve the units, and stays
    open when rows that may pass (or a units column the register lacks) could."""
    facilities = [{"nama": f"PDD {n}", "jenis": "pusat data", **r} for n, r in enumerate(rows)]
    units = [{"nama": "A"}, {"nama": "B"}]
    subject = inventory({"fasilitas": facilities, "perangkat_daerah": units}, profile=PROFILE)
    iset = yaml_set(UNITS_SET)
    (indicator,) = iset.indicators()
    assert indicator.evidence is not None
    found = evaluate_rule(indicator.evidence, iset.scales["s"], RuleContext(subject))
    assert (found.supported, found.ceiling) == expected


# ------------------------------------------------------------------------ measures

MEASURE_SET = """
id: m
version: "1"
title: M
weighting: proportional
scales: {{s: {{levels: {{1: a, 2: b, 3: c, 4: d, 5: e}}}}}}
bands: [{{label: x}}]
groups:
  - id: G
    name: G
    weight: 1
    scale: s
    indicators:
      - id: X
        name: X
        weight: 1
        evidence:
          sheet: {sheet}
          where: {where}
          measure: {measure}
          name: measure
          thresholds: {thresholds}
"""


def measure_range(
    sheet: str, where: str, measure: str, thresholds: str, rows: list[dict[str, Any]], **more: Any
) -> tuple[Any, Any, int | None, int | None]:
    """The measure's low and high end and the levels they reach."""
    iset = yaml_set(
        MEASURE_SET.format(sheet=sheet, where=where, measure=measure, thresholds=thresholds)
    )
    (indicator,) = iset.indicators()
    assert indicator.evidence is not None
    subject = inventory({sheet: rows, **more}, profile=PROFILE)
    found = evaluate_rule(indicator.evidence, iset.scales["s"], RuleContext(subject))
    high = found.measure_max if found.measure_max is not None else found.measure
    return found.measure, high, found.supported, found.ceiling


ACTIVE = "[{column: status, equals: aktif}]"
COUNTS = "{2: 1, 3: 2, 4: 3, 5: 4}"


def facility(status: str | None, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"nama": "F", "jenis": "cctv", **values}
    if status is not None:
        row["status"] = status
    return row


def test_count_runs_from_the_sure_rows_to_those_that_may_count() -> None:
    """Two active, one blank, one inactive: 2 to 3."""
    rows = [facility("aktif"), facility("aktif"), facility(None), facility("tidak aktif")]
    assert measure_range("fasilitas", ACTIVE, "{count: true}", COUNTS, rows) == (2, 3, 3, 4)


def test_sum_and_rate_add_the_rows_that_may_count() -> None:
    """A blank number is the rule's default, so only the selection is open."""
    rows = [facility("aktif", jumlah=4), facility(None, jumlah=6), facility("aktif")]
    low, high, *_ = measure_range(
        "fasilitas", ACTIVE, "{sum: {column: jumlah, default: 1}}", COUNTS, rows
    )
    assert (low, high) == (5, 11)
    low, high, *_ = measure_range(
        "fasilitas",
        ACTIVE,
        "{rate: {per: 10000, of: penduduk, sum: jumlah, default: 1}}",
        COUNTS,
        rows,
    )
    assert (low, high) == (5, 11)  # per 10,000 of 10,000 inhabitants


def test_share_runs_from_the_lowest_to_the_highest_share_the_blanks_allow() -> None:
    """Of the sure rows one is yes, one no, one blank; one row may be selected, with a yes.
    Lowest: 1 of 3 (the blank no, the maybe row left out); highest: 3 of 4."""
    rows = [
        facility("aktif", terhubung_nasional=True),
        facility("aktif", terhubung_nasional=False),
        facility("aktif"),
        facility(None, terhubung_nasional=True),
    ]
    for row in rows[:2] + rows[3:]:
        row.setdefault("terhubung_nasional", None)
    low, high, floor, ceiling = measure_range(
        "fasilitas",
        ACTIVE,
        "{share: [{column: terhubung_nasional, is: true}]}",
        "{2: 0.25, 3: 0.5, 4: 0.75, 5: 1}",
        rows,
    )
    assert (low, high, floor, ceiling) == (Fraction(1, 3), Fraction(3, 4), 2, 4)


def test_coverage_counts_the_names_of_the_rows_that_may_count() -> None:
    """Kecamatan of active Wi-Fi, and of one of unknown status; without the column,
    any kecamatan may be covered."""
    rows = [facility("aktif", kecamatan="A"), facility(None, kecamatan="B")]
    measure = "{coverage: {column: kecamatan, of: kecamatan}}"
    shares = "{2: 0.25, 3: 0.5, 4: 0.75, 5: 1}"
    assert measure_range("fasilitas", ACTIVE, measure, shares, rows) == (
        Fraction(1, 4),
        Fraction(2, 4),
        2,
        3,
    )
    bare = [facility("aktif")]
    assert measure_range("fasilitas", ACTIVE, measure, shares, bare)[2:] == (1, 5)


BEST = "{best: {column: tingkat_layanan}}"
WORST = "{worst: {column: tingkat_layanan}}"
RANKS = "{2: 2, 3: 3, 4: 4, 5: 5}"


def application(status: str | None, level: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {"nama_aplikasi": "A"}
    if status is not None:
        row["status"] = status
    if level is not None:
        row["tingkat_layanan"] = level
    return row


@pytest.mark.parametrize(
    ("measure", "rows", "expected"),
    [
        (BEST, [("aktif", 3), ("aktif", None)], (3, 5)),  # the blank may be optimum
        (BEST, [("aktif", 3), (None, 4)], (3, 4)),  # the maybe row adds its value
        (BEST, [("aktif", None)], (1, 5)),  # informasi at least, optimum at most
        (BEST, [(None, 2)], (None, 2)),  # none surely selected: no value
        (WORST, [("aktif", 3), ("aktif", None)], (1, 3)),  # the blank may be informasi
        (WORST, [("aktif", 3), (None, 2)], (2, 3)),  # the maybe row may lower it
        (WORST, [(None, 2), (None, 4)], (None, 4)),  # one row alone gives the most
        (WORST, [("aktif", None)], (1, 5)),
    ],
)
def test_best_and_worst_run_to_the_end_of_the_scale_over_a_blank(
    measure: str, rows: list[tuple[str | None, int | None]], expected: tuple[Any, Any]
) -> None:
    """A row that may count with a blank Tingkat Layanan may hold any rank, 1 to 5."""
    apps = [application(s, level) for s, level in rows]
    low, high, *_ = measure_range("aplikasi", ACTIVE, measure, RANKS, apps)
    assert (low, high) == expected


def test_a_decided_measure_has_one_value() -> None:
    """Nothing blank: the range is one value and no column is named."""
    rows = [facility("aktif"), facility("tidak aktif")]
    assert measure_range("fasilitas", ACTIVE, "{count: true}", COUNTS, rows) == (1, 1, 2, 2)


# -------------------------------------------------------------------------- status


def score_35(claim: int | None, *apps: dict[str, Any]) -> Any:
    rows = [{"terintegrasi_dengan": None, "tanggal_reviu": None, **a} for a in apps]
    registers: dict[str, Any] = {"aplikasi": rows}
    if claim is not None:
        registers["penilaian"] = claims({"35": claim})
    result = score_inventory(spbe_set(), inventory(registers, profile=PROFILE))
    return next(r for r in result.indicators if r.indicator.id == "35"), result


OPEN = (app("A", status="aktif", tingkat_layanan=2), app("B", status="aktif"))
"""Indicator 35 between 2 (interaksi shown) and 3 (B's level is blank)."""


@pytest.mark.parametrize(
    ("claim", "status", "level", "unsupported", "reason"),
    [
        (2, Status.VERIFIED, 2, False, None),  # at the floor: verified
        (1, Status.VERIFIED, 1, False, None),
        (3, Status.UNVERIFIED, 3, False, "Tingkat Layanan is blank in 1 of 2 rows"),
        (5, Status.UNVERIFIED, 3, True, "Tingkat Layanan is blank in 1 of 2 rows"),
        (None, Status.REGISTER, 2, False, "Tingkat Layanan is blank in 1 of 2 rows"),
    ],
)
def test_an_open_level_verifies_low_claims_and_leaves_higher_ones_standing(
    claim: int | None, status: Status, level: int, unsupported: bool, reason: str | None
) -> None:
    """At or below the floor a claim is verified; above it the claim stands unverified,
    capped by the ceiling (above the ceiling it is an unsupported claim); without a claim
    the floor counts, as it is above the scale's minimum."""
    result, _ = score_35(claim, *OPEN)
    assert (result.status, result.level, result.unsupported_claim) == (status, level, unsupported)
    assert (result.supported, result.ceiling) == (2, 3)
    assert result.unchecked_reason("en") == reason


def test_without_a_claim_an_open_level_at_the_minimum_is_unassessed() -> None:
    """Nothing surely shown: never "from the register" at level 1."""
    result, whole = score_35(None, app("A", tingkat_layanan=3), app("B", status="tidak aktif"))
    assert (result.status, result.level) == (Status.UNASSESSED, None)
    assert result.unchecked_reason("id") == "Status kosong di 1 dari 2 baris"
    assert result in whole.unassessed()


def test_completeness_counts_only_what_a_register_decided() -> None:
    """An open indicator, even verified-free from the register at its floor, is not decided."""
    _, decided = score_35(3, app("A", status="aktif", tingkat_layanan=3))
    _, open_ = score_35(3, *OPEN)
    complete = analyse(decided, resolve_targets(decided)).completeness
    incomplete = analyse(open_, resolve_targets(open_)).completeness
    assert complete - incomplete == Fraction(275, 10_000)  # indicator 35's share


def test_one_warning_per_blank_field_names_every_indicator_it_leaves_open() -> None:
    """Blank Tingkat Layanan for 32, 33, 34 and 36: "indicators 32–34, 36 cannot be…"."""
    services = ["perencanaan", "penganggaran", "keuangan", "kepegawaian"]
    rows = [
        {"nama_aplikasi": s, "layanan_spbe": s, "status": "aktif", "terintegrasi_dengan": None}
        for s in services
    ]
    registers: dict[str, Any] = {
        "aplikasi": rows,
        "penilaian": claims({"32": 3, "33": 3, "34": 2, "36": 3}),
    }
    result = score_inventory(spbe_set(), inventory(registers, profile=PROFILE))
    (warning,) = [w for w in result.warnings if w.code == "inventory.blank"]
    assert str(warning) == (
        "test.xlsx:Aplikasi: warning: indicators 32–34, 36 cannot be checked:"
        " Tingkat Layanan is blank in all 4 rows [inventory.blank]"
    )
    assert warning.affects_score


def test_blank_status_cells_are_counted_in_a_warning() -> None:
    """Fasilitas with two blank Status cells of five: counted, read as unknown."""
    rows = [{"nama": f"F{n}", "jenis": "pusat data", "status": "aktif"} for n in range(3)]
    rows += [{"nama": f"G{n}", "jenis": "cctv"} for n in range(2)]
    result = score_inventory(spbe_set(), inventory({"fasilitas": rows}, profile=PROFILE))
    (warning,) = [w for w in result.warnings if w.code == "inventory.status"]
    assert warning.location == "test.xlsx:Fasilitas"
    assert warning.message_in("en") == (
        "Status is blank in 2 of 5 rows of Fasilitas; those rows are read as unknown,"
        " not as inactive"
    )
    assert warning.message_in("id") == (
        "Status kosong di 2 dari 5 baris sheet Fasilitas; baris itu dibaca sebagai tidak"
        " diketahui, bukan tidak aktif"
    )
    assert not warning.affects_score  # its effect, if any, is an unchecked indicator


def test_a_blank_status_is_not_inactive() -> None:
    """The only data centre, of blank Status, serving every unit: indicator 16 may be at 3,
    so a claim of 3 stands (unverified), where reading it as inactive would cap it at 1."""
    rows = [{"nama": "PDD", "jenis": "pusat data", "perangkat_daerah_pengguna": ("semua",)}]
    registers: dict[str, Any] = {"fasilitas": rows, "penilaian": claims({"16": 3})}
    result = score_inventory(spbe_set(), inventory(registers, profile=PROFILE))
    sixteen = next(r for r in result.indicators if r.indicator.id == "16")
    assert (sixteen.status, sixteen.level, sixteen.supported) == (Status.UNVERIFIED, 3, 1)
    assert sixteen.unchecked_reason("en") == "Status is blank in the only row"


@pytest.mark.parametrize(
    ("ids", "text"),
    [
        (["32", "33", "34"], "32–34"),
        (["32", "33"], "32, 33"),
        (["35"], "35"),
        (["1", "3", "16", "17", "18", "47"], "1, 3, 16–18, 47"),
    ],
)
def test_indicator_ids_are_shown_as_runs_in_set_order(ids: list[str], text: str) -> None:
    order = [i.id for i in spbe_set().indicators()]
    assert format_ids(ids, order) == text


def test_an_open_level_is_shown_as_the_span_the_registers_leave() -> None:
    """An unsupported claim whose support lies between 2 and 3 shows "2–3" as supported,
    in the terminal and in the reports, never the floor alone as if decided."""
    from smartserang.cli.terminal import summary_text
    from smartserang.report.build import build_report_view
    from smartserang.scoring.levels import Basis

    _, result = score_35(5, *OPEN)
    view = build_report_view(
        result, analyse(result, resolve_targets(result)), basis=Basis.VERIFIED, lang="en"
    )
    assert [u.supported for u in view.unsupported if u.id == "35"] == ["2–3"]
    assert [r.supported for r in view.indicators if r.id == "35"] == ["2–3"]
    text = summary_text(result, Basis.VERIFIED, "en", width=120)
    (line,) = [line for line in text.splitlines() if line.lstrip().startswith("35 ")]
    assert re.search(r" 5 +2–3 ", line), line  # claimed, then supported
