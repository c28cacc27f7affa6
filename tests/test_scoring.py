"""Scoring on literal sets and inventories: levels, statuses, weighted means, bands."""

from __future__ import annotations

from fractions import Fraction

import pytest

from smartserang.model import Profile
from smartserang.scoring.levels import (
    Status,
    check_claims,
    round_score,
    score_inventory,
    weighted_mean,
)

from builders import claims, inventory, mini, spbe_set, yaml_set


def test_claimed_index_is_the_weighted_mean_of_claims() -> None:
    """With only claims, the index is Σ level × weight / 100 and groups are their means."""
    result = score_inventory(
        yaml_set(mini()), inventory({"penilaian": claims({"1": 2, "2": 4, "3": 5})})
    )
    assert result.claimed_index == Fraction(2 * 10 + 4 * 30 + 5 * 60, 100)
    assert result.groups[0].claimed == Fraction(2 * 10 + 4 * 30, 40)
    # Aplikasi is absent: indicator 3's claim stands, unverified.
    assert result.verified_index == result.claimed_index
    assert result.indicators[2].status is Status.UNVERIFIED


@pytest.mark.parametrize(
    ("apps", "claimed", "supported", "level", "status"),
    [
        ([], 5, 1, 1, Status.VERIFIED),
        (
            [{"layanan_spbe": "pengadaan", "status": "aktif", "tingkat_layanan": 2}],
            5,
            2,
            2,
            Status.VERIFIED,
        ),
        (
            [{"layanan_spbe": "pengadaan", "status": "aktif", "tingkat_layanan": 3}],
            2,
            3,
            2,
            Status.VERIFIED,
        ),
        (
            [{"layanan_spbe": "pengadaan", "status": "tidak aktif", "tingkat_layanan": 3}],
            3,
            1,
            1,
            Status.VERIFIED,
        ),
        (
            [{"layanan_spbe": "keuangan", "status": "aktif", "tingkat_layanan": 3}],
            3,
            1,
            1,
            Status.VERIFIED,
        ),
        (
            [{"layanan_spbe": "pengadaan", "status": "aktif", "tingkat_layanan": 3}],
            None,
            3,
            3,
            Status.REGISTER,
        ),
    ],
)
def test_verified_level_is_the_lower_of_claim_and_register(
    apps: list[dict[str, object]], claimed: int | None, supported: int, level: int, status: Status
) -> None:
    """A present register caps the claim; without a claim the register's level is used."""
    inv = inventory({"penilaian": claims({"3": claimed}), "aplikasi": apps})
    result = score_inventory(yaml_set(mini()), inv).indicators[2]
    assert (result.claimed, result.supported, result.level, result.status) == (
        claimed,
        supported,
        level,
        status,
    )
    assert result.unsupported_claim == (claimed is not None and claimed > supported)


def test_unassessed_indicators_count_at_the_minimum() -> None:
    """Under the 'minimum' policy an indicator with no claim and no register counts as 1."""
    result = score_inventory(yaml_set(mini()), inventory({"penilaian": claims({"2": 5, "3": 5})}))
    assert [r.indicator.id for r in result.unassessed()] == ["1"]
    assert result.claimed_index == Fraction(1 * 10 + 5 * 30 + 5 * 60, 100)


def test_unassessed_indicators_can_be_excluded() -> None:
    """Under the 'exclude' policy the siblings' weights are renormalised."""
    result = score_inventory(
        yaml_set(mini("exclude")), inventory({"penilaian": claims({"2": 5, "3": 3})})
    )
    assert result.groups[0].claimed == 5
    assert result.claimed_index == Fraction(5 * 40 + 3 * 60, 100)


def test_band_is_taken_from_the_unrounded_value() -> None:
    """2.5999… shows as 2.60 yet stays in the lower band; exactly 2.6 reaches the upper."""
    iset = yaml_set(mini())
    just_below = Fraction(26, 10) - Fraction(1, 10**6)
    assert round_score(just_below) == round_score(Fraction(26, 10))
    assert iset.band_for(just_below).label.id == "Rendah"
    assert iset.band_for(Fraction(26, 10)).label.id == "Sedang"
    assert iset.band_for(Fraction(5)).label.id == "Tinggi"
    assert iset.band_for(Fraction(1)).label.id == "Rendah"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(2601, 1000), "2.60"),
        (Fraction(2605, 1000), "2.61"),
        (Fraction(2604999, 1000000), "2.60"),
        (Fraction(5), "5.00"),
    ],
)
def test_round_score_rounds_half_up_to_two_decimals(value: Fraction, shown: str) -> None:
    """Display rounding is half up at two decimals, computed exactly."""
    assert str(round_score(value)) == shown


def test_weighted_mean_of_nothing_is_none() -> None:
    """A mean over no weight is undefined, not zero."""
    assert weighted_mean([]) is None


def test_check_claims_locates_unknown_indicators() -> None:
    """A Penilaian row naming an indicator outside the set is an error at its cell."""
    problems = check_claims(yaml_set(mini()), inventory({"penilaian": claims({"9": 3})}))
    assert [str(p) for p in problems] == [
        "test.xlsx:Penilaian!A2: indicator '9' is not in set 'mini' (ids: 1, 2, 3)"
        " [inventory.indicator]"
    ]


def test_reference_date_falls_back_to_the_end_of_the_year() -> None:
    """Reviews are dated against Tanggal Penilaian, else 31 December of Tahun."""
    import datetime as dt

    assert Profile(tahun=2024).reference_date() == dt.date(2024, 12, 31)
    day = dt.date(2024, 6, 1)
    assert Profile(tahun=2024, tanggal_penilaian=day).reference_date() == day
    assert Profile().reference_date() is None


def test_unit_names_missing_from_perangkat_daerah_are_warned_at_their_cells() -> None:
    """Each cell naming a unit the Perangkat Daerah sheet lacks gets a located warning
    naming only the unknown names; 'semua' and the known names or abbreviations do not."""
    units = [
        {"nama": "Dinas Komunikasi dan Informatika", "singkatan": "Diskominfo"},
        {"nama": "Dinas Kesehatan", "singkatan": "Dinkes"},
    ]
    facilities = [
        {"nama": "A", "perangkat_daerah_pengguna": ("Diskominfo", "Dinas Antah")},
        {"nama": "B", "perangkat_daerah_pengguna": ("semua",)},
        {"nama": "C", "perangkat_daerah_pengguna": ("dinas  KESEHATAN",)},
        {"nama": "D", "perangkat_daerah_pengguna": ("Dinas Antah",)},
    ]
    apps = [{"nama_aplikasi": "X", "perangkat_daerah": "Badan Entah"}]
    result = score_inventory(
        spbe_set(),
        inventory(
            {"perangkat_daerah": units, "fasilitas": facilities, "aplikasi": apps},
        ),
    )
    found = [
        (w.location.split(":", 1)[1], str(w)) for w in result.warnings if w.code == "inventory.unit"
    ]
    assert [where for where, _ in found] == ["Fasilitas!B2", "Fasilitas!B5", "Aplikasi!B2"]
    assert all("'Dinas Antah'" in text and "Diskominfo" not in text for _, text in found[:2])
    assert "'Badan Entah'" in found[2][1]
