"""Problems in a cell's value: numbers, dates, levels, yes/no, vocabularies and lists, as
offices type them."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    "cell_error_shown": {
        "id": "sel menampilkan galat {shown}; perbaiki rumusnya atau kosongkan sel",
        "en": "the cell shows the error {shown}; correct its formula or clear it",
    },
    # ------------------------------------------------------------------ numbers
    "cell_integer": {
        "id": "{column} harus bilangan bulat, tertulis {value}",
        "en": "{column} must be a whole number, got {value}",
    },
    "cell_number": {
        "id": "{column} harus berupa angka, tertulis {value}",
        "en": "{column} must be a number, got {value}",
    },
    "cell_number_ambiguous": {
        "id": "{column} {value} bermakna ganda: {plain} bila tanda itu pemisah ribuan,"
        " {decimal} bila tanda desimal; tulis {plain} atau {comma}",
        "en": "{column} {value} is ambiguous: {plain} if the separator groups thousands,"
        " {decimal} if it marks decimals; write {plain} or {comma}",
    },
    "cell_number_ambiguous_whole": {
        "id": "{column} {value} bermakna ganda: dalam penulisan Indonesia koma menandai"
        " desimal; tulis {plain} atau {dotted} bila yang dimaksud {plain}",
        "en": "{column} {value} is ambiguous: in Indonesian a comma marks decimals; write"
        " {plain} or {dotted} if the number is {plain}",
    },
    "cell_number_percent": {
        "id": "{column} tidak berisi persentase, tertulis {value}; tulis angkanya saja",
        "en": "{column} does not take a percentage, got {value}; write the number alone",
    },
    "cell_number_word": {
        "id": "{column} harus berupa angka saja, tertulis {value}; hapus '{word}'",
        "en": "{column} must be a number alone, got {value}; remove '{word}'",
    },
    "cell_number_word_units": {
        "id": "{column} harus berupa angka, tertulis {value}; hapus '{word}' (angka boleh"
        " diikuti: {units})",
        "en": "{column} must be a number, got {value}; remove '{word}' (the number may be"
        " followed by: {units})",
    },
    # ------------------------------------------------------------------ placeholders
    "cell_dash_number": {
        "id": "{column} {value} dapat berarti nihil atau tidak diketahui: tulis 0 bila"
        " nihil, atau kosongkan sel bila tidak diketahui",
        "en": "{column} {value} may mean none or not known: write 0 if there is none, or"
        " leave the cell blank if it is not known",
    },
    "cell_dash_boolean": {
        "id": "{column} {value} dapat berarti tidak atau tidak diketahui: tulis tidak, atau"
        " kosongkan sel bila tidak diketahui",
        "en": "{column} {value} may mean no or not known: write tidak, or leave the cell"
        " blank if it is not known",
    },
    "cell_dash": {
        "id": "{column} {value} bukan nilai: kosongkan sel bila nilainya tidak diketahui",
        "en": "{column} {value} is not a value: leave the cell blank if it is not known",
    },
    # ------------------------------------------------------------------ levels
    "cell_level": {
        "id": "tingkat harus bilangan bulat 0 sampai 5, tertulis {value}",
        "en": "level must be a whole number from 0 to 5, got {value}",
    },
    "cell_level_name": {
        "id": "{column} {value} tidak memuat angka: tulis tingkat sebagai angka 0 sampai 5"
        " (nama tingkat berbeda antarset indikator)",
        "en": "{column} {value} names no number: write the level as a number from 0 to 5"
        " (level names differ between indicator sets)",
    },
    "cell_level_label": {
        "id": "{column} {value}: '{label}' adalah tingkat {named}, bukan {level}; tulis"
        " tingkatnya saja, sebagai angka",
        "en": "{column} {value}: '{label}' is level {named}, not {level}; write the level"
        " alone, as a number",
    },
    "cell_level_text": {
        "id": "{column} {value}: tulis tingkatnya saja, sebagai angka 0 sampai 5; '{label}'"
        " di belakangnya tidak dapat dicocokkan dengan angka itu",
        "en": "{column} {value}: write the level alone, as a number from 0 to 5; '{label}'"
        " after it cannot be checked against the number",
    },
    # ------------------------------------------------------------------ yes/no
    "cell_boolean": {
        "id": "{column} harus ya atau tidak, tertulis {value}",
        "en": "{column} must be ya or tidak (yes/no), got {value}",
    },
    "cell_boolean_cross": {
        "id": "{column} {value}: tanda silang dapat berarti ya (kotak yang ditandai) atau"
        " tidak; tulis ya atau tidak",
        "en": "{column} {value}: a cross may mean yes (a marked box) or no; write ya or tidak",
    },
    "cell_boolean_more": {
        "id": "{column} {value}: tulis ya atau tidak saja; keterangan ditulis di kolom lain",
        "en": "{column} {value}: write ya or tidak alone; an explanation belongs in another column",
    },
    # ------------------------------------------------------------------ dates
    "cell_date": {
        "id": "{column} harus berupa tanggal (tanggal Excel, atau ditulis 31/12/2024,"
        " 31 Desember 2024 atau 2024-12-31), tertulis {value}",
        "en": "{column} must be a date (an Excel date, or written 31/12/2024, 31 Desember 2024"
        " or 2024-12-31), got {value}",
    },
    "cell_date_no_such_day": {
        "id": "{column} harus berupa tanggal, tertulis {value}: hari itu tidak ada pada bulan"
        " tersebut; periksa tanggalnya",
        "en": "{column} must be a date, got {value}: that month has no such day; check the date",
    },
    "cell_date_month_first": {
        "id": "{column} {value} menulis bulan lebih dulu; tanggal dibaca hari lebih dulu:"
        " tulis {suggest}",
        "en": "{column} {value} puts the month first; dates are read day first: write {suggest}",
    },
    "cell_date_short_year": {
        "id": "{column} {value} memakai tahun dua angka: tulis tahunnya lengkap, mis. {suggest}",
        "en": "{column} {value} has a two-digit year: write the year in full, e.g. {suggest}",
    },
    "cell_date_no_day": {
        "id": "{column} {value} bukan tanggal lengkap: tulis hari, bulan dan tahunnya"
        " (31/12/2024, 31-12-2024, 31 Desember 2024 atau 2024-12-31)",
        "en": "{column} {value} is not a full date: write the day, month and year"
        " (31/12/2024, 31-12-2024, 31 Desember 2024 or 2024-12-31)",
    },
    "cell_date_weekday": {
        "id": "{column} {value}: nama hari tidak cocok dengan tanggalnya; periksa tanggalnya",
        "en": "{column} {value}: the day of the week does not fit the date; check the date",
    },
    # ------------------------------------------------------------------ blanks
    "cell_required_blank": {
        "id": "{column} wajib diisi tetapi kosong",
        "en": "{column} is required but blank",
    },
    # ------------------------------------------------------------------ vocabularies
    "cell_vocab_unknown": {
        "id": "{column} {values} tidak dikenal ({notes})",
        "en": "unknown {column} {values} ({notes})",
    },
    "vocab_like": {"id": "maksudnya '{like}'?", "en": "did you mean '{like}'?"},
    "vocab_like_for": {
        "id": "maksudnya '{like}' untuk '{text}'?",
        "en": "did you mean '{like}' for '{text}'?",
    },
    "vocab_accepted": {"id": "yang diterima: {values}", "en": "accepted: {values}"},
}
