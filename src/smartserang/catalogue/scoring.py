"""What scoring says of the workbook: Penilaian and Target rows the set cannot place, and
what it could not check in the registers, and why."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    "scoring_unknown_indicator": {
        "id": "indikator {id!r} tidak ada di set {set!r} (id: {ids})",
        "en": "indicator {id!r} is not in set {set!r} (ids: {ids})",
    },
    "scoring_level_outside": {
        "id": "tingkat {level} berada di luar skala indikator {id} ({low}–{high})",
        "en": "level {level} is outside the scale of indicator {id} ({low}–{high})",
    },
    "scoring_target_index_range": {
        "id": "target {target} berada di luar setiap rentang indeks (0–{high})",
        "en": "target {target} is outside every index range (0–{high})",
    },
    "scoring_target_scope": {
        "id": "Lingkup {scope!r} bukan 'indeks', bukan id set, bukan id kelompok, dan bukan id"
        " indikator set {set!r}",
        "en": "Lingkup {scope!r} is neither 'indeks', a set id, a group id nor an indicator id"
        " of set {set!r}",
    },
    "scoring_target_scale": {
        "id": "target {target} berada di luar skala ({low}–{high})",
        "en": "target {target} is outside the scale ({low}–{high})",
    },
    "blank_field_all": {
        "id": "{column} kosong di semua {rows} baris",
        "en": "{column} is blank in all {rows} rows",
    },
    "blank_field_one": {
        "id": "{column} kosong di satu-satunya baris",
        "en": "{column} is blank in the only row",
    },
    "blank_field_some": {
        "id": "{column} kosong di {blank} dari {rows} baris",
        "en": "{column} is blank in {blank} of {rows} rows",
    },
    "warn_unchecked_one_all": {
        "id": "indikator {ids} tidak dapat diperiksa: {column} kosong di semua {rows} baris",
        "en": "indicator {ids} cannot be checked: {column} is blank in all {rows} rows",
    },
    "warn_unchecked_many_all": {
        "id": "indikator {ids} tidak dapat diperiksa: {column} kosong di semua {rows} baris",
        "en": "indicators {ids} cannot be checked: {column} is blank in all {rows} rows",
    },
    "warn_unchecked_one_some": {
        "id": "indikator {ids} tidak dapat diperiksa: {column} kosong di {blank} dari {rows} baris",
        "en": "indicator {ids} cannot be checked: {column} is blank in {blank} of {rows} rows",
    },
    "warn_unchecked_many_some": {
        "id": "indikator {ids} tidak dapat diperiksa: {column} kosong di {blank} dari {rows} baris",
        "en": "indicators {ids} cannot be checked: {column} is blank in {blank} of {rows} rows",
    },
    "warn_blank_status": {
        "id": "{column} kosong di {blank} dari {rows} baris sheet {sheet}; baris itu dibaca"
        " sebagai tidak diketahui, bukan tidak aktif",
        "en": "{column} is blank in {blank} of {rows} rows of {sheet}; those rows are read as"
        " unknown, not as inactive",
    },
    "warn_kecamatan_unknown": {
        "id": "kecamatan '{name}' ({rows} baris) tidak ada di sheet Kecamatan; tidak dihitung"
        " dalam cakupan kecamatan",
        "en": "kecamatan '{name}' ({rows} rows) is not in the Kecamatan sheet; not counted in"
        " kecamatan coverage",
    },
    "warn_kecamatan_unknown_like": {
        "id": "kecamatan '{name}' ({rows} baris) tidak ada di sheet Kecamatan; tidak dihitung"
        " dalam cakupan kecamatan (maksudnya '{like}'?)",
        "en": "kecamatan '{name}' ({rows} rows) is not in the Kecamatan sheet; not counted in"
        " kecamatan coverage (did you mean '{like}'?)",
    },
    "warn_kecamatan_count": {
        "id": "sheet {sheet} menyebut {names} kecamatan berbeda, padahal Jumlah Kecamatan di"
        " Profil {count}: sebagian nama salah tulis atau di luar wilayah; tambahkan sheet"
        " Kecamatan berisi daftar kecamatan agar nama itu tidak dihitung",
        "en": "{sheet} names {names} different kecamatan but Profil's Jumlah Kecamatan is"
        " {count}: some names are misspelt or outside the area; add a Kecamatan sheet"
        " listing the kecamatan so that they are not counted",
    },
}
