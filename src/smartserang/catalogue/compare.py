"""``smartserang diff``: the problems of reading a result document back, and every fixed
word of the diff's outputs (``DIFF``: its templates and terminal tables).

A bad field is named by what it must be and what was found: the found value itself, or
its kind when it is an object or a list.
"""

from __future__ import annotations

from smartserang.catalogue import Texts
from smartserang.catalogue.report import REPORT
from smartserang.catalogue.terms import TEXTS as TERMS

_SCORE_RESULT = {
    "id": "hasil 'smartserang score --format json'",
    "en": "a 'smartserang score --format json' result",
}

TEXTS: Texts = {
    "diff_is_diff": {
        "id": f"keluaran 'smartserang diff', bukan {_SCORE_RESULT['id']}",
        "en": f"a 'smartserang diff' output, not {_SCORE_RESULT['en']}",
    },
    "diff_not_result": {
        "id": f"bukan {_SCORE_RESULT['id']} (tidak ada schema_version)",
        "en": f"not {_SCORE_RESULT['en']} (no schema_version)",
    },
    "diff_version": {
        "id": "skema hasil {version} tidak didukung (1.x)",
        "en": "result schema {version} is not supported (1.x)",
    },
    "diff_missing": {"id": "tidak ada", "en": "is missing"},
}

EXPECTED: Texts = {
    "object": {"id": "objek", "en": "an object"},
    "list": {"id": "daftar", "en": "a list"},
    "text": {"id": "teks yang tidak kosong", "en": "a non-empty text"},
    "number": {"id": "angka", "en": "a number"},
    "level": {"id": "bilangan bulat atau null", "en": "a whole number or null"},
}
"""What a field of a result document must be."""

FOUND: Texts = {
    "value": {"id": "tertulis {got}", "en": "got {got}"},
    "object": {"id": "bukan objek", "en": "got an object"},
    "list": {"id": "bukan daftar", "en": "got a list"},
}
"""What was found instead: a value (``null``, ``'x'``, ``12``) shown as it is, or a kind."""

TEXTS.update(
    {
        f"diff_field_{expected}_{found}": {
            "id": f"harus berupa {EXPECTED[expected]['id']}, {FOUND[found]['id']}",
            "en": f"must be {EXPECTED[expected]['en']}, {FOUND[found]['en']}",
        }
        for expected in EXPECTED
        for found in FOUND
    }
)

# No key may be the name of a dict method: Jinja looks attributes up before items.
# Words the report and the terminal already define are taken from there, not restated, so
# a correction reaches every output at once.
_FROM_REPORT = (
    "instance", "year", "basis", "indicator_set", "version", "index_caption", "index",
    "claimed_index", "verified_index", "band", "group", "number", "indicator", "claimed",
    "verified", "row",
)  # fmt: skip
_FROM_MESSAGES = ("basis_verified", "basis_claimed", "supported")

DIFF: Texts = {
    **{key: REPORT[key] for key in _FROM_REPORT},
    **{key: TERMS[key] for key in _FROM_MESSAGES},
    "title": {"id": "Perbandingan Penilaian", "en": "Assessment Comparison"},
    "intro": {
        "id": (
            "Perubahan indeks, kelompok dan indikator antara dua penilaian, beserta baris "
            "register dan klaim yang menyebabkannya."
        ),
        "en": (
            "What changed between two assessments: the index, the groups and the indicators, "
            "with the register rows and claims that moved them."
        ),
    },
    "identification": {"id": "Yang dibandingkan", "en": "What is compared"},
    "old": {"id": "Lama", "en": "Old"},
    "new": {"id": "Baru", "en": "New"},
    "delta": {"id": "Selisih", "en": "Change"},
    "kind_workbook": {"id": "workbook", "en": "workbook"},
    "kind_json": {"id": "hasil JSON", "en": "JSON result"},
    "file": {"id": "Berkas", "en": "File"},
    "version_changed": {
        "id": "Versi set berbeda ({old} → {new}): sebagian perubahan dapat berasal dari set.",
        "en": "The set's version differs ({old} → {new}): some changes may come from the set.",
    },
    "band_moved": {"id": "predikat berubah", "en": "band changed"},
    "rounding_note": {
        "id": (
            "Nilai dibulatkan dua desimal; selisih adalah selisih nilai yang ditampilkan. "
            "Predikat ditentukan dari nilai sebelum pembulatan."
        ),
        "en": (
            "Values are rounded to two decimals; the change is the difference of the values "
            "shown. Bands are taken from the unrounded value."
        ),
    },
    "groups_caption": {"id": "Kelompok yang berubah", "en": "Groups that changed"},
    "groups_none": {"id": "Tidak ada nilai kelompok yang berubah.", "en": "No group moved."},
    "indicators_caption": {"id": "Indikator yang berubah", "en": "Indicators that changed"},
    "indicators_none": {
        "id": "Tidak ada tingkat indikator yang berubah.",
        "en": "No indicator level moved.",
    },
    "causes": {"id": "Penyebab", "en": "Causes"},
    "no_cause_workbooks": {
        "id": "tidak ditemukan baris berubah yang dibaca aturan buktinya",
        "en": "no changed row that its evidence rule reads was found",
    },
    "no_cause_json": {
        "id": "penyebab di register hanya dapat ditelusuri antara dua workbook",
        "en": "register causes can only be traced between two workbooks",
    },
    "registers_caption": {"id": "Perubahan register", "en": "Register changes"},
    "registers_none": {
        "id": "Tidak ada baris register yang berubah.",
        "en": "No register row changed.",
    },
    "registers_json": {
        "id": "Perubahan register hanya dapat dibandingkan antara dua workbook.",
        "en": "Register rows can only be compared between two workbooks.",
    },
    "change": {"id": "Perubahan", "en": "Change"},
    "row_word": {"id": "baris", "en": "row"},
    "name": {"id": "Nama", "en": "Name"},
    "details": {"id": "Rincian", "en": "Details"},
    "change_added": {"id": "ditambahkan", "en": "added"},
    "change_removed": {"id": "dihapus", "en": "removed"},
    "change_changed": {"id": "diubah", "en": "changed"},
    "sheet_only_old": {
        "id": "sheet hanya ada di workbook lama",
        "en": "sheet only in the old workbook",
    },
    "sheet_only_new": {
        "id": "sheet hanya ada di workbook baru",
        "en": "sheet only in the new workbook",
    },
    "via_reference": {
        "id": "dirujuk baris yang dinilai",
        "en": "named by a row the rule reads",
    },
    "via_units": {"id": "perangkat daerah yang dihitung", "en": "work units counted"},
    "profile_caption": {"id": "Perubahan Profil", "en": "Profil changes"},
    "sets_only_old": {
        "id": "Set hanya ada di sisi lama (tidak dibandingkan): {ids}",
        "en": "Sets only on the old side (not compared): {ids}",
    },
    "sets_only_new": {
        "id": "Set hanya ada di sisi baru (tidak dibandingkan): {ids}",
        "en": "Sets only on the new side (not compared): {ids}",
    },
    "sets_none": {
        "id": "Tidak ada set indikator yang sama pada kedua sisi.",
        "en": "The two sides share no indicator set.",
    },
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "generated_by": {
        "id": "Dibuat oleh smartserang {version}",
        "en": "Made by smartserang {version}",
    },
}
