"""Every fixed string of the blank template, in Bahasa Indonesia and English.

The other ``blank`` modules print no word of their own. Sheet and column names never
appear here as literals: texts name them as ``{sheet}`` or ``{sheet.column}`` (canonical
keys of ``contract.SHEETS``), which ``notes.fill_names`` replaces by the name in the
template's language, so a renamed column cannot leave a stale word behind. Column notes
in Indonesian come from ``Column.description`` where the contract has one;
``COLUMN_NOTES`` holds the rest and every English note.
"""

from __future__ import annotations

from smartserang.workbook.contract import ColumnType

Words = dict[str, str]
"""One text by language: ``{"id": …, "en": …}``."""

COLUMN_NOTES: dict[tuple[str, str], Words] = {
    # (sheet key, column key): keys repeat across sheets (status, tahun, target) with
    # different meanings, so a column key alone would not do.
    ("profil", "instansi"): {"en": "Name of the agency, e.g. Pemerintah Kota Sukamaju."},
    ("profil", "jenis_instansi"): {"en": "Kind of agency."},
    ("profil", "tahun"): {"en": "Assessment year."},
    ("profil", "tanggal_penilaian"): {
        "en": "Assessment date; 'reviewed within a year' counts back 365 days from it."
        " Without it, 31 December of the year is used.",
    },
    ("profil", "jumlah_penduduk"): {
        "id": "Jumlah penduduk (jiwa); penyebut ukuran per 10.000 penduduk.",
        "en": "Population; the denominator of measures per 10,000 inhabitants.",
    },
    ("profil", "jumlah_kecamatan"): {
        "id": "Jumlah kecamatan; penyebut cakupan kecamatan.",
        "en": "Number of kecamatan (districts); the denominator of district coverage.",
    },
    ("profil", "jumlah_perangkat_daerah"): {
        "en": "Number of work units; counts as 'all units' when there is no"
        " {perangkat_daerah} sheet.",
    },
    ("penilaian", "indikator"): {
        "en": "The indicator's id in the set (e.g. 35). Pre-filled: keep it as it is.",
    },
    ("penilaian", "nama_indikator"): {
        "en": "The indicator's name, as a guide. smartserang does not read this column.",
    },
    ("penilaian", "tingkat"): {
        "en": "The maturity level you claim, 1-5. Point at a row's cell to read the"
        " criteria of every level; leave it empty to let the register decide.",
    },
    ("penilaian", "penjelasan"): {
        "id": "Alasan tingkat yang diklaim.",
        "en": "Why you claim this level.",
    },
    ("penilaian", "data_dukung"): {
        "id": "Dokumen pendukung: nama atau tautan.",
        "en": "Supporting documents: names or links.",
    },
    ("penilaian", "target"): {"en": "Target level (optional)."},
    ("aplikasi", "nama_aplikasi"): {
        "id": "Nama aplikasi; baris lain merujuknya dengan nama ini. Jangan memakai koma.",
        "en": "The application's name; other rows refer to it by this name. No commas.",
    },
    ("aplikasi", "perangkat_daerah"): {
        "id": "Perangkat daerah pemilik, ditulis seperti di sheet {perangkat_daerah}"
        " ({perangkat_daerah.nama} atau {perangkat_daerah.singkatan}).",
        "en": "The owning work unit, written as in the {perangkat_daerah} sheet"
        " ({perangkat_daerah.nama} or {perangkat_daerah.singkatan}).",
    },
    ("aplikasi", "layanan_spbe"): {
        "id": "Layanan SPBE yang diberikan (indikator 32-47); kosongkan bila tidak ada.",
        "en": "The SPBE service it provides (indicators 32-47); leave empty if none.",
    },
    ("aplikasi", "tingkat_layanan"): {
        "id": "Tingkat layanan aplikasi, dari informasi sampai optimum.",
        "en": "The application's service level, from information to optimised.",
    },
    ("aplikasi", "status"): {
        "id": "Hanya aplikasi aktif yang menjadi bukti.",
        "en": "Only active applications count as evidence.",
    },
    ("aplikasi", "terintegrasi_dengan"): {
        "id": "Aplikasi lain yang bertukar data dengannya, dipisah koma; tulis persis seperti"
        " di {aplikasi.nama_aplikasi}. Nama tanpa barisnya sendiri tidak dihitung.",
        "en": "The applications it exchanges data with, comma-separated; spell them as in"
        " {aplikasi.nama_aplikasi}. A name without its own row does not count.",
    },
    ("aplikasi", "hosting"): {
        "id": "Tempat aplikasi dijalankan.",
        "en": "Where the application runs.",
    },
    ("aplikasi", "sistem_penghubung"): {
        "id": "Bertukar data melalui sistem penghubung layanan.",
        "en": "Exchanges data through the service bus.",
    },
    ("aplikasi", "dimensi_smart_city"): {
        "id": "Dimensi smart city yang dilayani; beberapa nilai dipisah koma.",
        "en": "The smart city dimensions it serves; several values separated by commas.",
    },
    ("aplikasi", "url"): {"id": "Alamat aplikasi.", "en": "The application's address."},
    ("aplikasi", "tahun"): {"id": "Tahun mulai beroperasi.", "en": "Year it went into service."},
    ("aplikasi", "tanggal_reviu"): {
        "id": "Tanggal reviu (evaluasi) terakhir aplikasi.",
        "en": "Date of the application's last review (evaluation).",
    },
    ("aplikasi", "jumlah_pengguna"): {"id": "Jumlah pengguna.", "en": "Number of users."},
    ("fasilitas", "nama"): {
        "id": "Nama fasilitas, atau kelompok titik yang sama (mis. semua Wi-Fi publik satu"
        " kecamatan).",
        "en": "The facility's name, or a group of identical points (e.g. all public Wi-Fi"
        " points of one district).",
    },
    ("fasilitas", "jenis"): {
        "id": "Jenis fasilitas; pusat data, jaringan intra dan sistem penghubung mengisi"
        " indikator SPBE 16-18.",
        "en": "Kind of facility; pusat data, jaringan intra and sistem penghubung feed the"
        " SPBE indicators 16-18.",
    },
    ("fasilitas", "perangkat_daerah_pengguna"): {
        "en": "Work units it serves, comma-separated, as named in the {perangkat_daerah}"
        " sheet; or 'semua' for all units.",
    },
    ("fasilitas", "kecamatan"): {"id": "Kecamatan lokasi.", "en": "The district where it is."},
    ("fasilitas", "status"): {
        "id": "Hanya fasilitas aktif yang menjadi bukti.",
        "en": "Only active facilities count as evidence.",
    },
    ("fasilitas", "terhubung_nasional"): {
        "id": "Terhubung ke fasilitas nasional: Pusat Data Nasional, Jaringan Intra"
        " Pemerintah atau Sistem Penghubung Layanan Pemerintah.",
        "en": "Linked to the national facility: Pusat Data Nasional, Jaringan Intra"
        " Pemerintah or Sistem Penghubung Layanan Pemerintah.",
    },
    ("fasilitas", "jumlah"): {"en": "Points, cameras or links; 1 when empty."},
    ("fasilitas", "tanggal_reviu"): {
        "id": "Tanggal reviu terakhir fasilitas.",
        "en": "Date of the facility's last review.",
    },
    ("fasilitas", "koordinat"): {"en": "lat, lon (e.g. -6.1843, 106.0927)."},
    ("kebijakan", "judul"): {"id": "Judul dokumen kebijakan.", "en": "The policy's title."},
    ("kebijakan", "nomor"): {
        "id": "Nomor, mis. 18 Tahun 2022; kebijakan revisi merujuk nomor ini.",
        "en": "The number, e.g. 18 Tahun 2022; a revising policy refers to it.",
    },
    ("kebijakan", "topik"): {
        "id": "Yang diatur; sepuluh topik SPBE mengisi indikator 1-10.",
        "en": "What it governs; the ten SPBE topics feed indicators 1-10.",
    },
    ("kebijakan", "status"): {
        "id": "Catat juga konsep dan kebijakan yang dicabut.",
        "en": "List drafts and revoked policies too.",
    },
    ("kebijakan", "cakupan"): {
        "id": "Apakah kebijakan mengatur seluruh cakupannya.",
        "en": "Whether the policy covers its full scope.",
    },
    ("kebijakan", "mengatur_integrasi"): {
        "id": "Mengatur integrasi di luar instansi.",
        "en": "Governs integration beyond the agency.",
    },
    ("kebijakan", "tanggal_penetapan"): {"id": "Tanggal ditetapkan.", "en": "Date enacted."},
    ("kebijakan", "tanggal_reviu"): {
        "id": "Tanggal reviu terakhir kebijakan.",
        "en": "Date of the policy's last review.",
    },
    ("kebijakan", "menggantikan"): {
        "id": "Nomor kebijakan yang direvisi atau digantikan, persis seperti di"
        " {kebijakan.nomor} kebijakan itu.",
        "en": "The number of the policy this one revises or replaces, exactly as in that"
        " policy's {kebijakan.nomor}.",
    },
    ("perangkat_daerah", "nama"): {
        "id": "Nama lengkap, mis. Dinas Komunikasi dan Informatika. Jangan memakai koma.",
        "en": "The unit's full name, e.g. Dinas Komunikasi dan Informatika. No commas.",
    },
    ("perangkat_daerah", "singkatan"): {
        "id": "Singkatan, mis. Diskominfo.",
        "en": "Abbreviation, e.g. Diskominfo.",
    },
    ("kecamatan", "nama"): {
        "id": "Nama kecamatan, mis. Sukamaju Kota (tanpa 'Kec.').",
        "en": "The kecamatan's name, e.g. Sukamaju Kota (without 'Kec.').",
    },
    ("program", "nama_program"): {"id": "Nama program.", "en": "The programme's name."},
    ("program", "dimensi"): {
        "id": "Dimensi smart city program.",
        "en": "The programme's smart city dimension.",
    },
    ("program", "elemen"): {
        "id": "Elemen dalam dimensi, mis. Pelayanan publik.",
        "en": "The element within the dimension, e.g. Pelayanan publik.",
    },
    ("program", "quick_win"): {
        "id": "Program quick win satu tahun dalam masterplan smart city.",
        "en": "A one-year quick win of the smart city master plan.",
    },
    ("program", "status"): {"id": "Tahap pelaksanaan.", "en": "How far the programme is."},
    ("program", "tahun_mulai"): {"id": "Tahun mulai.", "en": "Start year."},
    ("program", "anggaran"): {
        "id": "Anggaran dalam rupiah, sebagai angka: 1500000000, 1.500.000.000 atau"
        " Rp 1.500.000.000.",
        "en": "Budget in rupiah, as a number: 1500000000, 1.500.000.000 or Rp 1.500.000.000.",
    },
    ("program", "perangkat_daerah"): {
        "id": "Perangkat daerah penanggung jawab.",
        "en": "The responsible work unit.",
    },
    ("target", "tahun"): {"id": "Tahun target.", "en": "Target year."},
    ("target", "lingkup"): {
        "en": "'indeks', a set id (spbe-2020), a group id (e.g. D1) or an indicator id.",
    },
    ("target", "target"): {
        "id": "Nilai target sebagai angka, dengan koma desimal (mis. 3,5).",
        "en": "The target value, as a number (e.g. 3,5 or 3.5).",
    },
}

TYPE_WORDS: dict[ColumnType, Words] = {
    ColumnType.TEXT: {"id": "teks", "en": "text"},
    ColumnType.INTEGER: {
        "id": "bilangan bulat (sel angka, atau teks seperti 1500 atau 1.500 dengan titik"
        " ribuan; bukan 1,500)",
        "en": "whole number (a number cell, or text such as 1500 or 1.500 with the dot"
        " grouping thousands; not 1,500)",
    },
    ColumnType.NUMBER: {
        "id": "angka (sel angka, atau teks dengan koma desimal seperti 2,5 atau 1.500,75;"
        " bukan 1,500)",
        "en": "number (a number cell, or text with the decimal comma such as 2,5 or"
        " 1.500,75; not 1,500)",
    },
    ColumnType.LEVEL: {
        "id": "tingkat kematangan, bilangan bulat 1-5 (juga Tingkat 3 atau III)",
        "en": "level, a whole number 1-5 (also Tingkat 3 or III)",
    },
    ColumnType.BOOLEAN: {
        "id": "ya/tidak (juga yes/no, true/false, 1/0)",
        "en": "yes/no (also ya/tidak, true/false, 1/0)",
    },
    ColumnType.DATE: {
        "id": "tanggal (sel tanggal, atau teks dengan hari lebih dulu: 31/12/2024,"
        " 31 Desember 2024 atau 2024-12-31)",
        "en": "date (a date cell, or text written day first: 31/12/2024, 31 Desember 2024"
        " or 2024-12-31)",
    },
    ColumnType.LIST: {"id": "daftar, dipisah koma", "en": "list, comma-separated"},
    ColumnType.VOCAB: {"id": "satu nilai dari daftar pilihan", "en": "one value of the list"},
    ColumnType.VOCAB_LIST: {
        "id": "satu atau beberapa nilai dari daftar, dipisah koma",
        "en": "one or more values of the list, comma-separated",
    },
}

TEXT: dict[str, Words] = {
    # Header notes.
    "required": {"id": "wajib", "en": "required"},
    "type": {"id": "Jenis isian", "en": "Type"},
    "values": {"id": "Nilai", "en": "Values"},
    "also": {"id": "juga", "en": "also"},
    "indicator": {"id": "indikator", "en": "indicator"},
    "open_values": {"id": "Nilai lain juga diterima.", "en": "Other values are accepted too."},
    "other_header": {
        "id": 'Judul bahasa Inggris juga diterima: "{alias}".',
        "en": 'The Indonesian header is accepted too: "{alias}".',
    },
    "indicator_name_note": {
        "id": "Nama indikator, sebagai panduan. smartserang tidak membaca kolom ini.",
        "en": "The indicator's name, as a guide. smartserang does not read this column.",
    },
    # Criteria notes on the Tingkat cells.
    "level": {"id": "Tingkat", "en": "Level"},
    "question": {"id": "Pertanyaan", "en": "Question"},
    "checked_against": {
        "id": "Diperiksa terhadap sheet {sheet}.",
        "en": "Checked against the {sheet} sheet.",
    },
    # Drop-down messages (Excel: titles up to 32 characters, messages up to 255).
    "closed_title": {"id": "Nilai tidak dikenal", "en": "Unknown value"},
    "closed_error": {
        "id": "Pilih salah satu nilai dari daftar. Catatan pada judul kolom menjelaskannya.",
        "en": "Choose one of the values in the list. The note on the header explains them.",
    },
    "open_title": {"id": "Nilai di luar daftar", "en": "Value not in the list"},
    "open_error": {
        "id": "Nilai ini tetap diterima, tetapi hanya nilai dalam daftar (atau beberapa,"
        " dipisah koma, bila kolom menerimanya) yang dikenali indikator.",
        "en": "This value is kept, but only the listed values (or several of them,"
        " comma-separated, where the column takes a list) feed indicators.",
    },
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    # Workbook properties.
    "title": {
        "id": "Template inventaris SPBE dan smart city",
        "en": "SPBE and smart city inventory template",
    },
    # The instructions sheet.
    "sets": {"id": "Set indikator", "en": "Indicator sets"},
    "version": {"id": "versi", "en": "version"},
    "how_to_fill": {"id": "Cara mengisi", "en": "How to fill it in"},
    "general": {
        "id": "Setiap sheet boleh tidak ada: workbook cukup memuat register yang Anda miliki."
        " Jangan mengganti nama sheet atau judul kolom (nama bahasa Inggris juga diterima)."
        " Arahkan kursor ke judul kolom untuk membaca catatannya: isi, jenis dan nilai yang"
        " diterima. Kolom dengan daftar pilihan (drop-down) hanya menerima nilai dalam"
        " daftar, kecuali catatannya menyebut lain. Satu data per baris di bawah judul;"
        " baris kosong dilewati. Jangan memakai koma di dalam nama aplikasi atau perangkat"
        " daerah, karena daftar dipisah dengan koma.",
        "en": "Every sheet is optional: the workbook holds the registers you have. Do not"
        " rename sheets or column headers (the Indonesian names are accepted too). Point at"
        " a column header to read its note: what it holds, its type and the accepted values."
        " Columns with a drop-down list take only the listed values unless the note says"
        " otherwise. One record per row below the header; empty rows are skipped. Do not use"
        " commas inside application or unit names: lists are split on commas.",
    },
    "delete_unused": {
        "id": "Penting: hapus sheet register yang tidak Anda isi. Sheet yang ada tetapi kosong"
        " berarti instansi tidak memiliki satu pun hal tersebut, sehingga klaim yang diperiksa"
        " dengan sheet itu hanya didukung pada tingkat 1. Tanpa sheet itu, klaim tetap"
        " berlaku, ditandai belum terverifikasi.",
        "en": "Important: delete the register sheets you do not fill in. A sheet that is"
        " present but empty says the agency has none of those things, so the claims it"
        " checks are supported at level 1 only. Without the sheet, the claims stand, marked"
        " unverified.",
    },
    "evidence_title": {"id": "Aturan bukti", "en": "Evidence rules"},
    "evidence": {
        "id": "smartserang memeriksa setiap tingkat yang diklaim di {penilaian} terhadap"
        " register. Klaim di atas tingkat yang didukung register dilaporkan sebagai klaim"
        " tidak didukung, dan indeks terverifikasi memakai tingkat yang lebih rendah; register"
        " hanya membatasi klaim, tidak pernah menaikkannya, dan {penilaian.tingkat} yang"
        " dikosongkan diisi dari register. Hanya aplikasi dan fasilitas berstatus aktif serta"
        " kebijakan berstatus ditetapkan yang dihitung. Tingkat bersifat kumulatif: tingkat 4"
        ' memerlukan juga semua syarat tingkat 2 dan 3. "Direviu dalam satu tahun" berarti'
        " {aplikasi.tanggal_reviu} paling lama 365 hari sebelum {profil.tanggal_penilaian}."
        " Indikator tanpa klaim dan tanpa register dianggap belum dinilai (set SPBE"
        " menghitungnya pada tingkat 1).",
        "en": "smartserang checks every level claimed in {penilaian} against the registers."
        " A claim above the level the registers support is reported as an unsupported claim,"
        " and the verified index uses the lower level; a register only caps a claim, never"
        " raises it, and an empty {penilaian.tingkat} is filled from the register. Only"
        " active applications and facilities and enacted policies count. Levels are"
        ' cumulative: level 4 also needs everything levels 2 and 3 need. "Reviewed within a'
        ' year" means a {aplikasi.tanggal_reviu} at most 365 days before'
        " {profil.tanggal_penilaian}. An indicator with neither a claim nor a register is"
        " unassessed (the SPBE set counts it at level 1).",
    },
    "score_title": {"id": "Menilai workbook ini", "en": "Scoring this workbook"},
    "score_summary": {"id": "Ringkasan di terminal:", "en": "A summary in the terminal:"},
    "score_report": {
        "id": "Laporan analisis kesenjangan (lampiran masterplan):",
        "en": "The gap-analysis report (an appendix to the master plan):",
    },
    "helpers": {
        "id": "Kolom {indicator_name} di {penilaian} hanya panduan dan tidak dibaca.",
        "en": "The {indicator_name} column of {penilaian} is a guide and is not read.",
    },
    "helper_sheet": {
        "id": "Sheet tersembunyi {helper_sheet} menyimpan daftar pilihan yang panjang;"
        " jangan diubah.",
        "en": "The hidden sheet {helper_sheet} holds the longer drop-down lists; leave it"
        " as it is.",
    },
}

SHEET_HELP: dict[str, Words] = {
    "profil": {
        "id": "Isi nilai di kolom B, di samping setiap label. {profil.tanggal_penilaian}"
        ' menentukan batas "direviu dalam satu tahun"; {profil.jumlah_penduduk},'
        " {profil.jumlah_kecamatan} dan {profil.jumlah_perangkat_daerah} menjadi penyebut.",
        "en": "Fill in column B, beside each label. {profil.tanggal_penilaian} sets the limit"
        ' of "reviewed within a year"; {profil.jumlah_penduduk}, {profil.jumlah_kecamatan}'
        " and {profil.jumlah_perangkat_daerah} are denominators.",
    },
    "penilaian": {
        "id": "Satu baris per indikator, sudah berisi {penilaian.indikator}. Pilih"
        " {penilaian.tingkat} 1-5; arahkan kursor ke sel {penilaian.tingkat} untuk membaca"
        " kriteria setiap tingkat. Isi {penilaian.penjelasan} dan {penilaian.data_dukung}"
        " untuk asesor.",
        "en": "One row per indicator, with {penilaian.indikator} filled in. Choose"
        " {penilaian.tingkat} 1-5; point at a {penilaian.tingkat} cell to read the criteria"
        " of every level. Fill in {penilaian.penjelasan} and {penilaian.data_dukung} for the"
        " assessor.",
    },
    "aplikasi": {
        "id": "Satu baris per aplikasi yang dipakai instansi, termasuk yang tidak aktif dan"
        " aplikasi nasional yang dipakai (SIPD, SRIKANDI, SP4N-LAPOR!).",
        "en": "One row per application the agency uses, including inactive ones and the"
        " national applications it uses (SIPD, SRIKANDI, SP4N-LAPOR!).",
    },
    "fasilitas": {
        "id": "Satu baris per fasilitas, atau per kelompok titik yang sama (semua Wi-Fi"
        " publik satu kecamatan, satu klaster CCTV).",
        "en": "One row per facility, or per group of identical points (all public Wi-Fi"
        " points of one district, one CCTV cluster).",
    },
    "kebijakan": {
        "id": "Satu baris per dokumen kebijakan, termasuk konsep dan yang dicabut. Bila"
        " kebijakan direvisi, biarkan baris lama dengan {kebijakan.status} dicabut dan isi"
        " {kebijakan.menggantikan} kebijakan baru dengan {kebijakan.nomor} yang lama.",
        "en": "One row per policy document, including drafts and revoked ones. When a policy"
        " is revised, keep the old row with {kebijakan.status} dicabut and give the new one"
        " the old {kebijakan.nomor} in {kebijakan.menggantikan}.",
    },
    "perangkat_daerah": {
        "id": 'Semua perangkat daerah: penyebut "semua perangkat daerah". Tanpa sheet ini,'
        " {profil.jumlah_perangkat_daerah} di {profil} yang dipakai.",
        "en": 'Every work unit: the denominator of "all units". Without this sheet,'
        " {profil.jumlah_perangkat_daerah} in {profil} is used.",
    },
    "kecamatan": {
        "id": "Semua kecamatan di wilayah ini: penyebut cakupan kecamatan; nama lain di"
        " {fasilitas.kecamatan} tidak dihitung. Tanpa sheet ini, {profil.jumlah_kecamatan}"
        " di {profil} yang dipakai.",
        "en": "Every kecamatan of the area: the denominator of kecamatan coverage; other names"
        " in {fasilitas.kecamatan} are not counted. Without this sheet,"
        " {profil.jumlah_kecamatan} in {profil} is used.",
    },
    "program": {
        "id": "Satu baris per program smart city, termasuk quick win masterplan.",
        "en": "One row per smart city programme, including the master plan's quick wins.",
    },
    "target": {
        "id": "Target per tahun. {target.lingkup}: id set, indeks, id kelompok atau id"
        " indikator (daftar pilihan); {target.target}: nilai target sebagai angka.",
        "en": "Targets by year. {target.lingkup}: a set id, indeks, a group id or an"
        " indicator id (see the list); {target.target}: the target value, as a number.",
    },
}
