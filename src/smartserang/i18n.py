"""Fixed strings in Bahasa Indonesia and English, and locale-aware number formatting."""

from __future__ import annotations

from decimal import Decimal

LANGUAGES = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "index_claimed": {
        "id": "Indeks klaim (penilaian mandiri)",
        "en": "Claimed index (self-assessment)",
    },
    "index_verified": {"id": "Indeks terverifikasi (register)", "en": "Verified index (registers)"},
    "predikat": {"id": "Predikat", "en": "Band"},
    "group": {"id": "Kelompok", "en": "Group"},
    "weight": {"id": "Bobot", "en": "Weight"},
    "claimed": {"id": "Klaim", "en": "Claimed"},
    "verified": {"id": "Terverifikasi", "en": "Verified"},
    "supported": {"id": "Didukung", "en": "Supported"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "evidence": {"id": "Bukti register", "en": "Register evidence"},
    "unsupported_title": {
        "id": "Klaim tidak didukung register",
        "en": "Claims the registers do not support",
    },
    "unassessed_title": {"id": "Indikator belum dinilai", "en": "Unassessed indicators"},
    "unassessed_minimum": {
        "id": "dihitung pada tingkat {level} (tingkat minimum resmi) dalam kedua indeks",
        "en": "counted at level {level} (the official minimum) in both indices",
    },
    "unassessed_exclude": {
        "id": "tidak dihitung; bobotnya dibagi ke indikator lain dalam kelompoknya",
        "en": "left out; their weight is shared among the other indicators of their group",
    },
    "next_needs": {"id": "Untuk tingkat {level} masih perlu", "en": "Level {level} still needs"},
    "no_rows": {"id": "tidak ada baris yang cocok", "en": "no matching row"},
    "none_unsupported": {
        "id": "Semua klaim yang dapat diperiksa didukung register.",
        "en": "Every claim that could be checked is backed by the registers.",
    },
    "warnings_title": {"id": "Peringatan data", "en": "Data warnings"},
    "basis_note": {
        "id": "Predikat ditentukan dari nilai sebelum pembulatan.",
        "en": "Bands are taken from the unrounded value.",
    },
    "row": {"id": "baris", "en": "row"},
    "set": {"id": "Set indikator", "en": "Indicator set"},
    "instance": {"id": "Instansi", "en": "Agency"},
    "year": {"id": "Tahun", "en": "Year"},
    "unverified_count": {
        "id": "{n} indikator tanpa register pembanding (klaim diterima apa adanya)",
        "en": "{n} indicators with no register to check against (claims taken as entered)",
    },
}


def message(key: str, lang: str, **values: object) -> str:
    """The fixed string ``key`` in ``lang``, with ``{placeholders}`` filled."""
    return MESSAGES[key][lang].format(**values)


def format_decimal(value: Decimal, lang: str) -> str:
    """``2.61`` in English, ``2,61`` in Indonesian (decimal comma)."""
    text = f"{value:f}"
    return text.replace(".", ",") if lang == "id" else text
