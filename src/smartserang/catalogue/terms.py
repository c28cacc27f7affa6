"""Words of the terminal summary and of the phrases the reports compute (statuses, reasons,
sources, chart texts), and the warnings a result carries, in Bahasa Indonesia and English."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
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
        "id": "dihitung pada tingkat {level}, tingkat terendah skalanya, dalam kedua indeks",
        "en": "counted at level {level}, the lowest of its scale, in both indices",
    },
    "unassessed_exclude": {
        "id": "tidak dihitung; bobotnya dibagi ke indikator lain dalam kelompoknya",
        "en": "left out; their weight is shared among the other indicators of their group",
    },
    "next_needs": {"id": "Untuk tingkat {level} masih perlu", "en": "Level {level} still needs"},
    "no_rows": {"id": "tidak ada baris yang cocok", "en": "no matching row"},
    "measure_needs": {
        "id": "{name}: minimal {threshold} (kini {now})",
        "en": "{name}: at least {threshold} (now {now})",
    },
    "no_value": {"id": "–", "en": "–"},
    "none_unsupported": {
        "id": "Semua klaim yang dapat diperiksa didukung register.",
        "en": "Every claim that could be checked is backed by the registers.",
    },
    "warnings_title": {"id": "Peringatan data", "en": "Data warnings"},
    "unchecked_title": {
        "id": "Tidak dapat diperiksa register (kolom yang dibutuhkan kosong)",
        "en": "Not checked against the registers (fields they need are blank)",
    },
    "unchecked_line_one": {
        "id": "indikator {ids}: {reason} (sheet {sheet})",
        "en": "indicator {ids}: {reason} ({sheet} sheet)",
    },
    "unchecked_line_many": {
        "id": "indikator {ids}: {reason} (sheet {sheet})",
        "en": "indicators {ids}: {reason} ({sheet} sheet)",
    },
    "unchecked_note": {
        "id": "Klaimnya tetap berlaku tanpa terverifikasi (paling tinggi setinggi yang mungkin"
        " didukung register); isi kolom itu agar dapat diperiksa.",
        "en": "Their claims stand unverified (at most as high as the registers may support);"
        " fill those fields to have them checked.",
    },
    "basis_note": {
        "id": "Predikat ditentukan dari nilai sebelum pembulatan.",
        "en": "Bands are taken from the unrounded value.",
    },
    "row": {"id": "baris", "en": "row"},
    "set": {"id": "Set indikator", "en": "Indicator set"},
    "instance": {"id": "Instansi", "en": "Agency"},
    "year": {"id": "Tahun", "en": "Year"},
    "warn_unknown_sheet": {
        "id": "sheet '{title}' tidak dikenal dan diabaikan (yang dikenal: {known})",
        "en": "unknown sheet '{title}' ignored (known: {known})",
    },
    "warn_unknown_column": {
        "id": "kolom '{text}' tidak dikenal dan diabaikan",
        "en": "unknown column '{text}' ignored",
    },
    "warn_unknown_label": {
        "id": "label '{text}' tidak dikenal dan diabaikan",
        "en": "unknown label '{text}' ignored",
    },
    "warn_sheet_empty": {
        "id": "sheet kosong; dianggap tidak ada",
        "en": "sheet is empty; read as if absent",
    },
    "warn_no_units": {
        "id": "tidak ada sheet Perangkat Daerah maupun 'Jumlah Perangkat Daerah' di Profil:"
        " 'seluruh perangkat daerah' hanya dapat ditunjukkan dengan 'semua'",
        "en": "neither a Perangkat Daerah sheet nor Profil 'Jumlah Perangkat Daerah':"
        " 'all work units' can only be shown by 'semua'",
    },
    "warn_no_date": {
        "id": "Profil tidak memuat 'Tanggal Penilaian' maupun 'Tahun': tanggal reviu tidak"
        " dapat dinilai, sehingga tingkat yang mensyaratkan reviu terkini tidak didukung",
        "en": "Profil gives neither 'Tanggal Penilaian' nor 'Tahun': reviews cannot be dated,"
        " so no level that needs a recent review is supported",
    },
    "warn_unknown_unit": {
        "id": "{column} menyebut {names} yang tidak ada di sheet Perangkat Daerah"
        " (tidak dihitung sebagai perangkat daerah)",
        "en": "{column} names {names}, not found in the Perangkat Daerah sheet"
        " (ignored when counting units)",
    },
    "register_already_supports": {
        "id": "Register sudah mendukung tingkat {level}; perbarui penilaian mandiri.",
        "en": "The registers already support level {level}; update the self-assessment.",
    },
    "warn_needs_penduduk": {
        "id": "indikator {indicator}: Profil tidak memuat 'Jumlah Penduduk'; ukuran per penduduk"
        " tidak dapat dihitung dan klaimnya tidak terverifikasi",
        "en": "indicator {indicator}: Profil gives no 'Jumlah Penduduk'; the per-inhabitant"
        " measure cannot be computed and the claim stays unverified",
    },
    "warn_needs_kecamatan": {
        "id": "indikator {indicator}: Profil tidak memuat 'Jumlah Kecamatan'; cakupan kecamatan"
        " tidak dapat dihitung dan klaimnya tidak terverifikasi",
        "en": "indicator {indicator}: Profil gives no 'Jumlah Kecamatan'; kecamatan coverage"
        " cannot be computed and the claim stays unverified",
    },
    "warn_needs_units": {
        "id": "indikator {indicator}: tidak ada sheet Perangkat Daerah maupun 'Jumlah Perangkat"
        " Daerah' di Profil; cakupan perangkat daerah tidak dapat dihitung",
        "en": "indicator {indicator}: neither a Perangkat Daerah sheet nor Profil 'Jumlah"
        " Perangkat Daerah'; work-unit coverage cannot be computed",
    },
    "breakdown_value": {"id": "Kategori", "en": "Category"},
    "not_applicable_title": {
        "id": "Indikator tidak berlaku (bobotnya dibagi dalam kelompoknya)",
        "en": "Indicators not applicable (their weight is shared within their group)",
    },
    "report_title": {"id": "Lampiran Analisis Kesenjangan", "en": "Gap Analysis Appendix"},
    "status_verified": {"id": "terverifikasi", "en": "verified"},
    "status_unverified": {"id": "belum terverifikasi", "en": "unverified"},
    "status_register": {"id": "dari register", "en": "from register"},
    "status_unassessed": {"id": "belum dinilai", "en": "unassessed"},
    "status_not_applicable": {"id": "tidak berlaku", "en": "not applicable"},
    "basis_verified": {
        "id": "terverifikasi (klaim dibatasi oleh register)",
        "en": "verified (claims capped by the registers)",
    },
    "basis_claimed": {
        "id": "klaim (penilaian mandiri, metode resmi)",
        "en": "claimed (self-assessment, the official method)",
    },
    "target_source_option": {"id": "ditetapkan pada perintah", "en": "set on the command line"},
    "target_source_sheet": {
        "id": "sheet Target, tahun {year}",
        "en": "Target sheet, year {year}",
    },
    "target_source_next_band": {
        "id": "tidak ada target; batas bawah predikat berikutnya ({band})",
        "en": "no target given; the lower edge of the next band ({band})",
    },
    "target_source_none": {
        "id": "tidak ada target; sudah pada predikat tertinggi",
        "en": "no target given; already in the top band",
    },
    "reason_one_level": {"id": "satu tingkat lagi menuju target", "en": "one level to the target"},
    "reason_evidence": {
        "id": "klaim sudah tingkat {claimed}; tinggal melengkapi bukti di register",
        "en": "already claimed at level {claimed}; only the register evidence is missing",
    },
    "reason_longer": {"id": "{n} tingkat menuju target", "en": "{n} levels to the target"},
    "scope_index": {"id": "Indeks", "en": "Index"},
    "chart_scores_title": {
        "id": "Nilai domain: klaim, terverifikasi dan target",
        "en": "Domain scores: claimed, verified and target",
    },
    "chart_scores_desc": {
        "id": "Batang per domain pada skala {low}–{high}: {rows}.",
        "en": "Bars per domain on the {low}–{high} scale: {rows}.",
    },
    "chart_scores_title_verified": {
        "id": "Nilai domain: terverifikasi dan target (tanpa klaim penilaian mandiri)",
        "en": "Domain scores: verified and target (no self-assessment claims)",
    },
    "chart_scores_row": {
        "id": "{name} klaim {claimed}, terverifikasi {verified}{target}",
        "en": "{name} claimed {claimed}, verified {verified}{target}",
    },
    "chart_scores_row_verified": {
        "id": "{name} terverifikasi {verified}{target}",
        "en": "{name} verified {verified}{target}",
    },
    "chart_no_claims": {
        "id": "Tidak ada klaim penilaian mandiri untuk set ini",
        "en": "No self-assessment claims for this set",
    },
    "chart_target_suffix": {"id": ", target {target}", "en": ", target {target}"},
    "chart_gaps_title": {
        "id": (
            "Kesenjangan per indikator: tingkat terverifikasi menuju target, diurutkan dari "
            "kesenjangan terbesar, lalu kenaikan indeks terbesar"
        ),
        "en": (
            "Gap per indicator: verified level towards the target, largest gap first, then "
            "largest marginal gain"
        ),
    },
    "chart_part": {
        "id": "{title} (bagian {n} dari {total})",
        "en": "{title} (part {n} of {total})",
    },
    "chart_gaps_desc": {
        "id": "{n} indikator belum mencapai target: {rows}.",
        "en": "{n} indicators below their target: {rows}.",
    },
    "chart_gaps_row": {
        "id": "{name} tingkat {level} target {target}",
        "en": "{name} level {level} target {target}",
    },
    "chart_none": {"id": "Tidak ada data.", "en": "No data."},
    "series_target": {"id": "Target", "en": "Target"},
    "series_level": {"id": "Tingkat terverifikasi", "en": "Verified level"},
    "series_gap": {"id": "Kesenjangan ke target", "en": "Gap to the target"},
    "unverified_count": {
        "id": "{n} indikator tanpa register pembanding (klaim diterima apa adanya)",
        "en": "{n} indicators with no register to check against (claims taken as entered)",
    },
    "check_moved": {
        "id": "{indicator} ({groups}): tingkat {level}{more}",
        "en": "{indicator} ({groups}): level {level}{more}",
    },
    "check_moved_line": {
        "id": "berubah sejak baseline: {move}",
        "en": "moved since the baseline: {move}",
    },
    "check_moved_claimed": {"id": "klaim {levels}", "en": "claimed {levels}"},
    "check_moved_supported": {
        "id": "didukung register {levels}",
        "en": "supported by the registers {levels}",
    },
    "check_needs": {
        "id": "yang kini belum ada di register untuk tingkat {level}: {needs}",
        "en": "what the registers now lack for level {level}: {needs}",
    },
    "check_no_row": {
        "id": (
            "tidak ada baris yang dicatat baseline yang kini hilang atau berubah"
            " (baseline mencatat baris yang dipilih aturan bukti)"
        ),
        "en": (
            "no row the baseline recorded is gone or changed"
            " (the baseline records the rows the evidence rule selected)"
        ),
    },
    "check_no_values": {
        "id": (
            "baseline ini hasil 'score --format json': mencatat baris pendukungnya tetapi tidak"
            " nilainya; baseline dari 'smartserang baseline' mencatat keduanya"
        ),
        "en": (
            "this baseline is a 'score --format json' result: it names the rows behind the"
            " level but not their values; a baseline from 'smartserang baseline' records both"
        ),
    },
    "check_unrecorded": {
        "id": (
            "baseline tidak mencatat tingkat per indikator (format 1.0); rekam ulang dengan"
            " 'smartserang baseline' untuk melihat indikator yang berubah"
        ),
        "en": (
            "the baseline records no indicator levels (format 1.0); record it again with"
            " 'smartserang baseline' to see which indicators moved"
        ),
    },
    "check_unmoved": {
        "id": (
            "tidak ada tingkat indikator di bawah {subject} yang berubah sejak baseline;"
            " bobot atau susunan set mungkin berubah"
        ),
        "en": (
            "no indicator level under {subject} moved since the baseline; the set's weights"
            " or tree may have changed"
        ),
    },
    "check_moves_heading": {
        "id": "Indikator yang berubah sejak baseline",
        "en": "Indicators that moved since the baseline",
    },
}
