"""Measure rules, benchmarks, points aggregation and tag breakdowns, on literal data."""

from __future__ import annotations

from fractions import Fraction

import pytest

from smartserang.model import Profile
from smartserang.problems import InputError
from smartserang.scoring.levels import Status, score_inventory

from builders import inventory, yaml_set

HEAD = """
id: m
version: "1"
title: M
weighting: proportional
unassessed: {unassessed}
aggregation: {aggregation}
scales:
  s: {{levels: {{1: a, 2: b, 3: c, 4: d, 5: e}}}}
  p: {{levels: {{1: a, 2: b, 3: c, 4: d}}}}
bands:
  - {{min: 3, label: hi}}
  - {{label: lo}}
tag_titles:
  aspek: {{id: Aspek kesiapan, en: Readiness aspect}}
groups:
  - id: G
    name: G
    weight: 1
    scale: {scale}
    indicators:
      - id: X
        name: X
        weight: 1
        tags: {{aspek: infrastruktur}}
        evidence:
{rule}
"""


def one_rule(
    rule: str, scale: str = "s", aggregation: str = "mean", unassessed: str = "minimum"
) -> str:
    """A set with one indicator X carrying ``rule`` (indented YAML)."""
    indented = "\n".join("          " + line for line in rule.strip().splitlines())
    return HEAD.format(rule=indented, scale=scale, aggregation=aggregation, unassessed=unassessed)


WIFI = """
sheet: fasilitas
where: [{column: jenis, equals: wifi publik}, {column: status, equals: aktif}]
measure: {coverage: {column: kecamatan, of: kecamatan}}
name: {id: Kecamatan ber-Wi-Fi, en: Kecamatan with Wi-Fi}
thresholds: {2: 0.2, 3: 0.5, 4: 0.8, 5: 1}
"""


def wifi_rows(*kecamatan: str) -> list[dict[str, object]]:
    """Active public Wi-Fi points in these kecamatan."""
    return [
        {"nama": f"wifi {k}", "jenis": "wifi publik", "status": "aktif", "kecamatan": k}
        for k in kecamatan
    ]


@pytest.mark.parametrize(
    ("kecamatan", "measure", "level"),
    [
        ((), Fraction(0), 1),
        (("A",), Fraction(1, 6), 1),
        (("A", "B"), Fraction(2, 6), 2),
        (("A", "B", "C"), Fraction(3, 6), 3),
        (("A", "B", "C", "C", "c"), Fraction(3, 6), 3),  # distinct kecamatan, any case
        (("A", "B", "C", "D", "E"), Fraction(5, 6), 4),
        (("A", "B", "C", "D", "E", "F"), Fraction(1), 5),
    ],
)
def test_coverage_of_kecamatan_maps_to_levels_by_threshold(
    kecamatan: tuple[str, ...], measure: Fraction, level: int
) -> None:
    """Distinct kecamatan over Profil Jumlah Kecamatan, then the highest threshold reached."""
    inv = inventory({"fasilitas": wifi_rows(*kecamatan)}, Profile(jumlah_kecamatan=6))
    result = score_inventory(yaml_set(one_rule(WIFI)), inv).indicators[0]
    assert (result.measure, result.supported, result.status) == (measure, level, Status.REGISTER)


def test_next_level_need_names_the_threshold_and_the_value() -> None:
    """What the next level needs is the measure's name, its threshold and today's value."""
    inv = inventory({"fasilitas": wifi_rows("A", "B")}, Profile(jumlah_kecamatan=6))
    result = score_inventory(yaml_set(one_rule(WIFI)), inv).indicators[0]
    assert result.next_level == 3
    assert result.next_requires is not None
    assert result.next_requires.id == "Kecamatan ber-Wi-Fi: minimal 0,50 (kini 0,33)"
    assert result.next_requires.en == "Kecamatan with Wi-Fi: at least 0.50 (now 0.33)"


def test_missing_denominator_leaves_the_claim_unverified_with_a_warning() -> None:
    """Without Jumlah Kecamatan coverage cannot be computed: unverified, and said so."""
    inv = inventory({"fasilitas": wifi_rows("A"), "penilaian": [{"indikator": "X", "tingkat": 4}]})
    result = score_inventory(yaml_set(one_rule(WIFI)), inv)
    assert result.indicators[0].status is Status.UNVERIFIED
    assert result.indicators[0].level == 4
    assert [w.code for w in result.warnings] == ["inventory.measure"]
    assert "Jumlah Kecamatan" in result.warnings[0].message_in("id")


CCTV_RATE = """
sheet: fasilitas
where: [{column: jenis, equals: cctv}]
measure: {rate: {per: 10000, of: penduduk, sum: jumlah, default: 1}}
name: CCTV per 10.000 penduduk
thresholds: {2: 0.5, 3: 1, 4: 2, 5: 4}
"""


def test_rate_per_inhabitants_sums_counts_with_a_default() -> None:
    """Σ Jumlah (blank = 1) per 10,000 inhabitants."""
    rows: list[dict[str, object]] = [
        {"nama": "a", "jenis": "cctv", "jumlah": 30},
        {"nama": "b", "jenis": "cctv"},
        {"nama": "c", "jenis": "wifi publik", "jumlah": 500},
    ]
    inv = inventory({"fasilitas": rows}, Profile(jumlah_penduduk=155_000))
    result = score_inventory(yaml_set(one_rule(CCTV_RATE)), inv).indicators[0]
    assert result.measure == Fraction(31 * 10_000, 155_000)  # exactly 2 per 10,000
    assert result.supported == 4  # 2 reaches level 4's threshold, which counts as reached


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("{count: true}", Fraction(3)),
        ("{sum: {column: jumlah_pengguna}}", Fraction(150)),
        ("{share: [{column: tingkat_layanan, at_least: transaksi}]}", Fraction(2, 3)),
        ("{best: {column: tingkat_layanan}}", Fraction(4)),
        ("{worst: {column: tingkat_layanan}}", Fraction(2)),
        ("{coverage: {column: perangkat_daerah, of: units}}", Fraction(2, 4)),
    ],
)
def test_each_measure_kind(measure: str, expected: Fraction) -> None:
    """count, sum, share, best, worst and unit coverage over the selected rows."""
    rule = f"""
sheet: aplikasi
where: [{{column: status, equals: aktif}}]
measure: {measure}
name: ukuran
thresholds: {{2: 100}}
"""
    apps = [
        {
            "nama_aplikasi": "a",
            "status": "aktif",
            "tingkat_layanan": 2,
            "jumlah_pengguna": 100,
            "perangkat_daerah": "Dinas A",
        },
        {"nama_aplikasi": "b", "status": "aktif", "tingkat_layanan": 3, "perangkat_daerah": "DA"},
        {
            "nama_aplikasi": "c",
            "status": "aktif",
            "tingkat_layanan": 4,
            "jumlah_pengguna": 50,
            "perangkat_daerah": "Dinas B",
        },
        {"nama_aplikasi": "d", "status": "tidak aktif", "tingkat_layanan": 5},
    ]
    units = [{"nama": f"Dinas {c}", "singkatan": f"D{c}"} for c in "ABCD"]
    inv = inventory({"aplikasi": apps, "perangkat_daerah": units})
    result = score_inventory(yaml_set(one_rule(rule)), inv).indicators[0]
    assert result.measure == expected


def test_contains_matches_free_text_ignoring_case() -> None:
    """'contains' finds any of several words in a text column."""
    rule = """
sheet: aplikasi
where: [{column: nama_aplikasi, contains: [pajak, retribusi]}]
measure: {count: true}
name: e-pajak
thresholds: {2: 1, 3: 2}
"""
    apps = [{"nama_aplikasi": n} for n in ("e-Pajak Daerah", "SIM Retribusi", "e-Kinerja")]
    result = score_inventory(yaml_set(one_rule(rule)), inventory({"aplikasi": apps}))
    assert result.indicators[0].measure == 2


BENCHMARK = """
sheet: fasilitas
where: [{column: jenis, equals: cctv}]
measure: {sum: {column: jumlah, default: 1}}
name: CCTV
benchmark: {target: 100}
"""


@pytest.mark.parametrize(
    ("cameras", "points"), [(32, 1), (33, 2), (65, 2), (66, 3), (94, 3), (95, 4), (300, 4)]
)
def test_benchmark_scores_percent_of_target_in_four_bands(cameras: int, points: int) -> None:
    """U4SSC: below 33 % of target 1 point, 33–66 % 2, 66–95 % 3, from 95 % 4."""
    inv = inventory({"fasilitas": [{"nama": "c", "jenis": "cctv", "jumlah": cameras}]})
    result = score_inventory(yaml_set(one_rule(BENCHMARK, scale="p")), inv)
    assert result.indicators[0].supported == points


def test_benchmark_needs_a_one_to_four_scale() -> None:
    """A benchmark on a 1–5 scale is a located error."""
    with pytest.raises(InputError) as caught:
        yaml_set(one_rule(BENCHMARK, scale="s"))
    assert "scale must run 1–4" in str(caught.value)


def test_points_aggregation_is_points_over_maximum_of_reported() -> None:
    """Group score = Σ points / Σ maximum points of the indicators actually reported."""
    text = one_rule(BENCHMARK, scale="p", aggregation="points", unassessed="exclude")
    text = (
        text.replace(
            "        tags: {aspek: infrastruktur}\n",
            "        tags: {aspek: infrastruktur}\n",
        )
        + """      - {id: Y, name: Y, weight: 1}
      - {id: Z, name: Z, weight: 1}
"""
    )
    iset = yaml_set(text)
    inv = inventory(
        {
            "fasilitas": [{"nama": "c", "jenis": "cctv", "jumlah": 70}],
            "penilaian": [{"indikator": "Y", "tingkat": 4}],
        }
    )
    result = score_inventory(iset, inv)
    # X: 3 points, Y: 4 points, Z unreported: (3 + 4) / (4 + 4).
    assert result.verified_index == Fraction(7, 8)


def test_breakdown_by_tag_weighs_by_share_of_the_index() -> None:
    """Each tag value scores the mean level of its indicators, weighted by index share."""
    text = (
        one_rule(WIFI)
        + """      - {id: Y, name: Y, weight: 3, tags: {aspek: struktur}}
      - {id: Z, name: Z, weight: 1, tags: {aspek: infrastruktur}}
"""
    )
    inv = inventory(
        {
            "fasilitas": wifi_rows("A", "B", "C"),
            "penilaian": [{"indikator": "Y", "tingkat": 2}, {"indikator": "Z", "tingkat": 5}],
        },
        Profile(jumlah_kecamatan=6),
    )
    result = score_inventory(yaml_set(text), inv)
    (breakdown,) = result.breakdowns
    assert breakdown.title.en == "Readiness aspect"
    rows = {row.value: row for row in breakdown.rows}
    assert rows["infrastruktur"].verified == Fraction(3 + 5, 2)
    assert rows["infrastruktur"].share == Fraction(2, 5)
    assert rows["struktur"].verified == 2
    assert rows["struktur"].indicators == ("Y",)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            WIFI.replace("name: {id: Kecamatan ber-Wi-Fi, en: Kecamatan with Wi-Fi}\n", ""),
            "needs a 'name'",
        ),
        (
            WIFI.replace(
                "thresholds: {2: 0.2, 3: 0.5, 4: 0.8, 5: 1}", "thresholds: {2: 0.5, 3: 0.2}"
            ),
            "threshold for level 3 is below",
        ),
        (
            WIFI.replace("thresholds: {2: 0.2, 3: 0.5, 4: 0.8, 5: 1}", "thresholds: {1: 0.5}"),
            "threshold level 1 must be above",
        ),
        (
            WIFI.replace("column: kecamatan, of", "column: kecamatn, of"),
            "did you mean 'kecamatan'?",
        ),
        (CCTV_RATE.replace("sum: jumlah", "sum: nama"), "'rate' needs a number column"),
        (
            WIFI.replace(
                "{coverage: {column: kecamatan, of: kecamatan}}",
                "{count: true, sum: {column: jumlah}}",
            ),
            "exactly one of",
        ),
    ],
)
def test_measure_rule_errors_are_located(rule: str, message: str) -> None:
    """Mistakes in a measure rule are reported with file:line:col."""
    with pytest.raises(InputError) as caught:
        yaml_set(one_rule(rule))
    found = [str(p) for p in caught.value.problems]
    assert any(message in p for p in found), found
    assert all(p.startswith("set.yaml:") for p in found)
