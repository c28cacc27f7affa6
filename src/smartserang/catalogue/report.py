"""Every fixed string of the report templates, in Bahasa Indonesia and English.

The templates print no word of their own: each heading, column name and sentence is a key
here, reached as ``view.text.<key>``. Keys are grouped by report section, in template order.
Indonesian follows the wording of PermenPANRB 59/2020 (Indeks SPBE, predikat, tingkat
kematangan, data dukung); English gives "predikat" once as "band (predikat)", then "band".
No key may be the name of a ``dict`` method: Jinja looks attributes up before items, so
``text.items`` would print a bound method instead of a string.
"""

from __future__ import annotations

from smartserang.catalogue import Texts, in_language

REPORT: Texts = {
    # 1. Title block and identification.
    "intro": {
        "id": (
            "Lampiran ini menyajikan tingkat kesiapan instansi pada set indikator di bawah ini "
            "menurut penilaian mandiri dan menurut register inventaris, kesenjangan terhadap "
            "target, serta prioritas "
            "perbaikan untuk rencana induk smart city."
        ),
        "en": (
            "This appendix sets out the agency's readiness on the indicator set below, as "
            "self-assessed and as backed by its inventory registers, the gaps to its targets, "
            "and the priorities for the "
            "smart city master plan."
        ),
    },
    "identification": {"id": "Identitas penilaian", "en": "About this assessment"},
    "instance": {"id": "Instansi", "en": "Agency"},
    "assessment_year": {"id": "Tahun penilaian", "en": "Assessment year"},
    "assessment_date": {"id": "Tanggal penilaian", "en": "Assessment date"},
    "indicator_set": {"id": "Set indikator", "en": "Indicator set"},
    "version": {"id": "versi", "en": "version"},
    "legal_basis": {"id": "Dasar hukum", "en": "Legal basis"},
    "basis": {"id": "Dasar indeks utama", "en": "Headline index"},
    "generated": {"id": "Tanggal pembuatan", "en": "Generated on"},
    # 2. Summary.
    "summary": {"id": "Ringkasan", "en": "Summary"},
    "index_caption": {"id": "Indeks dan predikat", "en": "Index and band"},
    "index": {"id": "Indeks", "en": "Index"},
    "value": {"id": "Nilai", "en": "Value"},
    "band_defined": {"id": "Predikat", "en": "Band (predikat)"},
    "claimed_index": {
        "id": "Indeks klaim (penilaian mandiri)",
        "en": "Claimed index (self-assessment)",
    },
    "verified_index": {
        "id": "Indeks terverifikasi (didukung register)",
        "en": "Verified index (backed by registers)",
    },
    "index_target": {"id": "Target indeks", "en": "Index target"},
    "target_source": {"id": "sumber", "en": "source"},
    "completeness": {"id": "Kelengkapan data dukung", "en": "Evidence coverage"},
    "completeness_note": {
        "id": (
            "bagian bobot indeks yang tingkat kematangannya didukung register inventaris; "
            "sisanya hanya bertumpu pada klaim penilaian mandiri."
        ),
        "en": (
            "the share of the index weight whose maturity level is backed by the inventory "
            "registers; the rest rests on the self-assessment alone."
        ),
    },
    "unverified_count": {"id": "Indikator belum terverifikasi", "en": "Unverified indicators"},
    "unverified_note": {
        "id": "klaimnya diterima apa adanya karena tidak ada register pembanding.",
        "en": "their claims are taken as entered because no register can check them.",
    },
    "unassessed": {"id": "Indikator belum dinilai", "en": "Unassessed indicators"},
    "unassessed_none": {
        "id": "tidak ada; semua indikator telah dinilai.",
        "en": "none; every indicator has been assessed.",
    },
    "unassessed_policy": {"id": "Perlakuan dalam indeks", "en": "How they count"},
    "no_claims": {
        "id": (
            "Sheet Penilaian tidak memuat klaim untuk set ini: tidak ada nilai klaim, hanya "
            "nilai terverifikasi dari register."
        ),
        "en": (
            "The Penilaian sheet holds no claim for this set: there are no claimed values, "
            "only the verified ones from the registers."
        ),
    },
    "groups_caption": {"id": "Indeks per kelompok indikator", "en": "Index by indicator group"},
    "groups_none": {
        "id": "Set indikator tidak memuat kelompok indikator.",
        "en": "The indicator set has no indicator groups.",
    },
    "group": {"id": "Kelompok", "en": "Group"},
    "target_inherited_note": {
        "id": (
            "Target bertanda * tidak ditetapkan untuk kelompok itu di sheet Target; kelompok "
            "tersebut diukur terhadap target kelompok induknya, atau target indeks."
        ),
        "en": (
            "A target marked * is not set for that group in the Target sheet; the group is "
            "measured against its parent group's target, or the index target."
        ),
    },
    "breakdown_value": {"id": "Kategori", "en": "Category"},
    "share_of_index": {"id": "Porsi indeks", "en": "Share of index"},
    "indicator_count": {"id": "Jumlah indikator", "en": "Indicators"},
    "breakdown_note": {
        "id": "Nilai per kategori adalah rata-rata tingkat indikator berlabel kategori itu,"
        " masing-masing dibobot menurut porsinya dalam indeks.",
        "en": "A category's score is the mean level of the indicators tagged with it, each"
        " weighted by its share of the index.",
    },
    "not_applicable": {"id": "Indikator tidak berlaku", "en": "Indicators not applicable"},
    "not_applicable_note": {
        "id": "Dikeluarkan melalui penyesuaian set indikator; bobotnya dibagi kepada"
        " indikator lain dalam kelompok yang sama.",
        "en": "Left out by tailoring the indicator set; their weight is shared among the"
        " other indicators of the same group.",
    },
    "band": {"id": "Predikat", "en": "Band"},
    "band_note": {
        "id": (
            "Predikat ditentukan dari nilai sebelum pembulatan, seperti pada evaluasi SPBE; "
            "nilai yang tampil tepat pada batas predikat dapat masuk predikat di bawahnya."
        ),
        "en": (
            "Bands are taken from the unrounded value, as in the official SPBE evaluation; a "
            "value shown exactly on a band's edge may belong to the band below."
        ),
    },
    # Column names shared by several tables.
    "number": {"id": "No.", "en": "No."},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "weight": {"id": "Bobot", "en": "Weight"},
    "claimed": {"id": "Klaim", "en": "Claimed"},
    "supported": {"id": "Didukung register", "en": "Supported"},
    "verified": {"id": "Terverifikasi", "en": "Verified"},
    "target": {"id": "Target", "en": "Target"},
    "gap": {"id": "Kesenjangan", "en": "Gap"},
    "gain": {"id": "Kenaikan indeks", "en": "Marginal gain"},
    "status": {"id": "Status", "en": "Status"},
    # 3. Charts.
    "charts": {"id": "Grafik", "en": "Charts"},
    "charts_text_only": {
        "id": "Grafik hanya tersedia pada versi HTML lampiran ini; isinya sebagai berikut.",
        "en": "The charts are only in the HTML version of this appendix; they show the following.",
    },
    "charts_none": {
        "id": "Tidak ada grafik untuk penilaian ini.",
        "en": "There are no charts for this assessment.",
    },
    # 4. Gap analysis (table and per-indicator details).
    "gaps": {"id": "Analisis kesenjangan", "en": "Gap analysis"},
    "gaps_intro": {
        "id": (
            "Kesenjangan adalah jumlah tingkat kematangan yang masih harus dinaikkan dari tingkat "
            "terverifikasi ke target; kenaikan indeks adalah pertambahan indeks terverifikasi "
            "bila indikator naik satu tingkat."
        ),
        "en": (
            "The gap is the number of maturity levels still to climb from the verified level "
            "to the target; the marginal gain is how much the verified index rises when the "
            "indicator goes up one level."
        ),
    },
    "unsupported_legend": {
        "id": "menandai klaim yang melebihi tingkat yang didukung register.",
        "en": "marks a claim above the level the registers support.",
    },
    "unsupported_short": {"id": "klaim tidak didukung", "en": "unsupported claim"},
    "indicators_caption": {
        "id": "Tingkat kematangan dan kesenjangan per indikator",
        "en": "Maturity level and gap by indicator",
    },
    "indicators_none": {
        "id": "Set indikator tidak memuat indikator yang dinilai.",
        "en": "The indicator set holds no scored indicator.",
    },
    "details_intro": {
        "id": (
            "Rincian berikut mencakup setiap indikator yang belum mencapai targetnya: kriteria "
            "tingkat berikutnya, data dukung yang sudah tercatat di register, dan yang masih "
            "diperlukan."
        ),
        "en": (
            "The details below cover every indicator still short of its target: the next "
            "level's criteria, the register rows already on record, and what is still needed."
        ),
    },
    "details_short": {
        "id": (
            "Kriteria tingkat berikutnya dan data dukung di register per indikator dimuat "
            "dalam lampiran rinci (smartserang score --detail full)."
        ),
        "en": (
            "Each indicator's next-level criteria and register evidence are in the detailed "
            "appendix (smartserang score --detail full)."
        ),
    },
    "details_none": {
        "id": "Semua indikator telah mencapai targetnya.",
        "en": "Every indicator has reached its target.",
    },
    "level": {"id": "Tingkat terverifikasi", "en": "Verified level"},
    "next_level": {"id": "Tingkat berikutnya", "en": "Next level"},
    "top_level": {
        "id": "tidak ada; indikator sudah pada tingkat tertinggi.",
        "en": "none; the indicator is at the top of its scale.",
    },
    "criteria": {"id": "Kriteria", "en": "Criteria"},
    "evidence": {"id": "Data dukung di register", "en": "Register evidence"},
    "evidence_none": {
        "id": "Tidak ada baris register yang mendukung tingkat saat ini.",
        "en": "No register row backs the current level.",
    },
    "sheet": {"id": "Sheet", "en": "Sheet"},
    "row": {"id": "Baris", "en": "Row"},
    "row_inline": {"id": "baris", "en": "row"},
    "label": {"id": "Entri", "en": "Entry"},
    "next_requires": {
        "id": "Masih diperlukan untuk tingkat berikutnya",
        "en": "Still needed for the next level",
    },
    "next_requires_none": {
        "id": (
            "tidak ada aturan register untuk indikator ini; penuhi kriteria di atas dan "
            "siapkan data dukungnya."
        ),
        "en": (
            "no register rule covers this indicator; meet the criteria above and file the "
            "evidence for it."
        ),
    },
    # 5. Priorities.
    "priorities": {"id": "Prioritas", "en": "Priorities"},
    "priorities_intro": {
        "id": (
            "Kedua daftar diurutkan menurut kenaikan indeks per tingkat, dari yang terbesar; "
            "kolom Alasan menjelaskan mengapa indikator termasuk quick win atau pekerjaan "
            "jangka panjang."
        ),
        "en": (
            "Both lists are ranked by the index gain per level, largest first; the Reason "
            "column says why an indicator is a quick win or longer-term work."
        ),
    },
    "quick_wins": {"id": "Quick win", "en": "Quick wins"},
    "quick_wins_none": {
        "id": "Tidak ada indikator yang memenuhi syarat quick win.",
        "en": "No indicator qualifies as a quick win.",
    },
    "longer_work": {"id": "Pekerjaan jangka panjang", "en": "Longer-term work"},
    "longer_work_none": {
        "id": "Tidak ada pekerjaan jangka panjang yang tersisa.",
        "en": "No longer-term work remains.",
    },
    "rank": {"id": "Peringkat", "en": "Rank"},
    "levels_to_go": {"id": "Sisa tingkat", "en": "Levels to go"},
    "gain_per_level": {"id": "Kenaikan per tingkat", "en": "Gain per level"},
    "gain_to_target": {"id": "Kenaikan sampai target", "en": "Gain to target"},
    "reason": {"id": "Alasan", "en": "Reason"},
    # 6. Unsupported claims.
    "unsupported": {"id": "Klaim tidak didukung register", "en": "Unsupported claims"},
    "unsupported_intro": {
        "id": (
            "Klaim penilaian mandiri berikut melebihi tingkat yang dapat dibuktikan dari register "
            "inventaris; asesor eksternal dapat menurunkannya, jadi lengkapi data dukung atau "
            "sesuaikan klaim sebelum evaluasi."
        ),
        "en": (
            "These self-assessed claims are above the level the inventory registers can prove; "
            "external assessors may lower them, so complete the evidence or adjust the claim "
            "before the evaluation."
        ),
    },
    "unsupported_none": {
        "id": "Semua klaim yang dapat diperiksa didukung register.",
        "en": "Every claim that could be checked is backed by the registers.",
    },
    # 7. Data quality.
    "data_quality": {"id": "Kualitas data", "en": "Data quality"},
    "warnings_intro": {
        "id": (
            "Peringatan berikut muncul saat workbook inventaris dibaca; perbaiki di sumbernya "
            "agar penilaian berikutnya lebih andal."
        ),
        "en": (
            "These warnings came up while reading the inventory workbook; fix them at the "
            "source to make the next assessment more reliable."
        ),
    },
    "warnings_none": {
        "id": "Tidak ada peringatan kualitas data.",
        "en": "There are no data-quality warnings.",
    },
    "location": {"id": "Lokasi", "en": "Location"},
    "message": {"id": "Pesan", "en": "Message"},
    "code": {"id": "Kode", "en": "Code"},
    # 8. Targets and trajectory.
    "targets": {"id": "Target dan lintasan", "en": "Targets and trajectory"},
    "targets_intro": {
        "id": "Target lintasan dari sheet Target dibandingkan dengan nilai saat ini.",
        "en": "The trajectory targets from the Target sheet, set against today's values.",
    },
    "targets_none": {
        "id": "Workbook tidak memuat target (sheet Target kosong atau tidak ada).",
        "en": "The workbook holds no targets (the Target sheet is empty or absent).",
    },
    "year": {"id": "Tahun", "en": "Year"},
    "scope": {"id": "Lingkup", "en": "Scope"},
    "current": {"id": "Nilai saat ini", "en": "Current"},
    "distance": {"id": "Jarak ke target", "en": "Still to go"},
    "reached": {"id": "tercapai", "en": "reached"},
    "not_reached": {"id": "belum tercapai", "en": "not yet reached"},
    # 9. Footer.
    "footer_tool": {"id": "Dibuat dengan smartserang", "en": "Produced with smartserang"},
    "workbook_sha256": {"id": "SHA-256 workbook inventaris", "en": "SHA-256 of the workbook"},
    "set_sha256": {"id": "SHA-256 set indikator", "en": "SHA-256 of the indicator set"},
    "footer_note": {
        "id": "Nilai hash mengaitkan lampiran ini dengan berkas sumber yang tepat.",
        "en": "The hashes tie this appendix to the exact source files it was made from.",
    },
}


ROLLUP: Texts = {
    "title": {"id": "Rekapitulasi unit", "en": "Roll-up of units"},
    "intro": {
        "id": "Setiap buku kerja dinilai pada set indikator yang sama; unit diurutkan menurut"
        " indeksnya, lalu digabung menjadi satu pandangan per indikator.",
        "en": "Each workbook is scored on the same indicator set; the units are ranked by"
        " their index, then combined into one view per indicator.",
    },
    "set": {"id": "Set indikator", "en": "Indicator set"},
    "basis": {"id": "Dasar nilai", "en": "Basis"},
    "units_count": {"id": "Jumlah unit", "en": "Units"},
    "combined": {
        "id": "Indeks gabungan (rerata tingkat per indikator)",
        "en": "Combined index (mean level per indicator)",
    },
    "league": {"id": "Peringkat unit", "en": "League table"},
    "rank": {"id": "Peringkat", "en": "Rank"},
    "unit": {"id": "Unit", "en": "Unit"},
    "file": {"id": "Berkas", "en": "File"},
    "index": {"id": "Indeks", "en": "Index"},
    "band": {"id": "Predikat", "en": "Band"},
    "indicators": {"id": "Pandangan instansi per indikator", "en": "Instance view per indicator"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "mean": {"id": "Rerata tingkat", "en": "Mean level"},
    "weakest": {"id": "Unit terlemah", "en": "Weakest unit"},
    "level": {"id": "Tingkat", "en": "Level"},
    "assessed": {"id": "Unit yang menilai", "en": "Units assessed"},
    "mean_note": {
        "id": "Rerata dihitung atas unit yang memberi tingkat; indeks gabungan menilai rerata"
        " itu seperti satu buku kerja.",
        "en": "Means are taken over the units that gave a level; the combined index scores"
        " those means like one workbook.",
    },
    "basis_verified": {"id": "terverifikasi", "en": "verified"},
    "basis_claimed": {"id": "klaim", "en": "claimed"},
}
"""The words of the roll-up templates (``rollup.md``, ``rollup.html``): ``view.text``."""


def report_text(lang: str) -> dict[str, str]:
    """Every fixed report string in ``lang`` ("id" or "en"), keyed as in ``REPORT``."""
    return in_language(REPORT, lang)
