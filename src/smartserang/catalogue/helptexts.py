"""The help pages: the program's, each command's and each option's help text."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    # ---------------------------------------------------------------- placeholders
    "metavar_workbooks": {"id": "BUKU_KERJA", "en": "WORKBOOK"},
    "metavar_map": {"id": "KOLOM=KOLOM_CSV", "en": "COLUMN=CSV_COLUMN"},
    "metavar_set_column": {"id": "KOLOM=NILAI", "en": "COLUMN=VALUE"},
    # ---------------------------------------------------------------- help: the program
    "help_app": {
        "id": "Kesiapan SPBE dan kota cerdas suatu pemerintah daerah, diperiksa terhadap"
        " register-registernya.",
        "en": "SPBE and smart city readiness of a local government, checked against its registers.",
    },
    "help_version": {"id": "Tampilkan versi lalu keluar.", "en": "Show the version and exit."},
    "help_help": {"id": "Tampilkan bantuan ini lalu keluar.", "en": "Show this message and exit."},
    "help_install_completion": {
        "id": "Pasang pelengkapan otomatis perintah untuk shell yang sedang dipakai.",
        "en": "Install completion for the current shell.",
    },
    "help_show_completion": {
        "id": "Tampilkan skrip pelengkapan otomatis untuk shell yang sedang dipakai, untuk"
        " disalin atau dipasang dengan cara lain.",
        "en": "Show completion for the current shell, to copy it or customize the installation.",
    },
    "help_lang": {
        "id": "Bahasa pesan dan bantuan: id (Bahasa Indonesia) atau en (Inggris). Bawaan:"
        " variabel lingkungan SMARTSERANG_LANG, jika tidak ada, id.",
        "en": "Language of messages and help: id (Bahasa Indonesia) or en (English). Default:"
        " the SMARTSERANG_LANG environment variable, else id.",
    },
    "help_lang_report": {
        "id": "Bahasa laporan, pesan dan bantuan: id (Bahasa Indonesia) atau en (Inggris)."
        " Bawaan: variabel lingkungan SMARTSERANG_LANG, jika tidak ada, id.",
        "en": "Language of the report, the messages and help: id (Bahasa Indonesia) or en"
        " (English). Default: the SMARTSERANG_LANG environment variable, else id.",
    },
    "help_lang_template": {
        "id": "Bahasa nama sheet, judul kolom, catatan dan petunjuk, serta pesan: id atau en."
        " Bawaan: variabel lingkungan SMARTSERANG_LANG, jika tidak ada, id.",
        "en": "Language of sheet names, headers, notes and instructions, and of the messages:"
        " id or en. Default: the SMARTSERANG_LANG environment variable, else id.",
    },
    "help_output": {
        "id": "Tulis ke berkas ini (secara atomik), bukan ke keluaran standar.",
        "en": "Write to this file (atomically) instead of stdout.",
    },
    "help_jobs": {
        "id": "Dengan beberapa buku kerja: berapa yang dibaca sekaligus, masing-masing dalam"
        " prosesnya sendiri; dengan satu buku kerja: berapa lembar register besarnya yang"
        " dibaca sekaligus. Bawaan: semua CPU yang boleh dipakai proses ini; 1 membaca"
        " semuanya dalam proses ini.",
        "en": "With several workbooks: how many are read at once, each in its own process;"
        " with one, how many of its large register sheets are read at once. Default: every"
        " CPU this process may use; 1 reads everything in this process.",
    },
    "help_limit": {
        "id": "Naikkan batas isi sebuah buku kerja, mis. 'rows=800000' atau 'file-size=300MB';"
        " dapat diulang. NAME: 'file-size', 'uncompressed-size', 'ratio', 'rows', 'cells',"
        " 'string-length' (lihat docs/robustness.md).",
        "en": "Raise a bound on what a workbook may hold, e.g. rows=800000 or file-size=300MB;"
        " repeatable. NAME: file-size, uncompressed-size, ratio, rows, cells, string-length"
        " (see docs/robustness.md).",
    },
    # ---------------------------------------------------------------- help: score, sets, schema
    "help_score": {
        "id": "Nilai buku kerja inventaris: indeks, predikat, kelompok, indikator, dengan setiap"
        " klaim diperiksa.",
        "en": "Score an inventory workbook: index, predikat, groups, indicators, each claim"
        " checked.",
    },
    "help_score_workbooks": {
        "id": "Buku kerja inventaris (.xlsx, .xls, .xlsb, .ods); beberapa buku kerja atau satu"
        " folder berisi buku kerja dinilai berdampingan lalu direkapitulasi.",
        "en": "The inventory workbook (.xlsx, .xls, .xlsb, .ods); several workbooks or a"
        " folder of them are scored side by side and rolled up.",
    },
    "help_score_set": {
        "id": "Nama set indikator bawaan (lihat 'smartserang sets') atau path ke berkas YAML"
        " set; ulangi untuk menilai beberapa set sekaligus. Bawaan: spbe-2020.",
        "en": "A shipped set's name (see 'smartserang sets') or a path to a set YAML; repeat"
        " to score several sets in one run. Default: spbe-2020.",
    },
    "help_score_format": {
        "id": "text: ringkasan untuk dibaca; json: hasil terdokumentasi; md / html / docx:"
        " laporan analisis kesenjangan untuk masterplan (docx: dokumen Word, ditulis dengan"
        " --output).",
        "en": "text: a summary for people; json: the documented result; md / html / docx: the"
        " gap-analysis report for the master plan (docx: a Word document, written with"
        " --output).",
    },
    "help_score_basis": {
        "id": "Indeks mana yang menentukan 'index' dan 'band': 'verified' (klaim dibatasi oleh"
        " register) atau 'claimed' (penilaian mandiri sebagaimana diisi).",
        "en": "Which index drives 'index' and 'band': verified (claims capped by the"
        " registers) or claimed (the self-assessment as entered).",
    },
    "help_score_target": {
        "id": "Target indeks untuk analisis kesenjangan (mis. 3.5); bawaan: sheet Target buku"
        " kerja, jika tidak ada, predikat berikutnya.",
        "en": "Index target for the gap analysis (e.g. 3.5); default: the workbook's Target"
        " sheet, else the next predikat up.",
    },
    "help_score_date": {
        "id": "Tanggal yang dicetak di laporan (YYYY-MM-DD); tanpa opsi ini laporan tidak"
        " bertanggal, sehingga masukan yang sama menghasilkan berkas yang sama persis.",
        "en": "Date printed in reports (YYYY-MM-DD); reports carry no date without it, so the"
        " same inputs give the same bytes.",
    },
    "help_score_detail": {
        "id": "Seberapa rinci laporan md / html / docx menguraikan tiap indikator: 'short'"
        " (tabel kesenjangan, prioritas dan klaim yang tidak didukung, untuk ditempel ke"
        " masterplan) atau 'full' (juga kriteria tingkat berikutnya dan bukti register tiap"
        " indikator).",
        "en": "How much of each indicator the md / html / docx report tells: short (the gap"
        " table, priorities and unsupported claims, to paste into the master plan) or full"
        " (also each indicator's next-level criteria and register evidence).",
    },
    "help_sets": {
        "id": "Daftar set indikator yang disertakan dalam smartserang.",
        "en": "List the indicator sets shipped with smartserang.",
    },
    "help_schema": {
        "id": "Cetak JSON Schema format set indikator (untuk editor).",
        "en": "Print the JSON Schema of the indicator-set format (for editors).",
    },
    # ---------------------------------------------------------------- help: check, baseline
    "help_check": {
        "id": "Periksa buku kerja terhadap ambang batas dan baseline: keluar 0 lulus, 1 gagal,"
        " 2 masukan salah.\n\nPeringatan yang dapat mengubah nilai (klaim tidak terverifikasi"
        " karena kolom yang dibutuhkannya kosong, nama yang tidak terhitung) selalu"
        " menggagalkan; --strict menggagalkan pada setiap peringatan.",
        "en": "Check workbooks against thresholds and a baseline: exit 0 pass, 1 fail, 2 bad"
        " input.\n\nA warning that can change a score (a claim left unverified because fields"
        " it needs are blank, names not counted) always fails; --strict fails on any warning.",
    },
    "help_check_workbooks": {
        "id": "Buku kerja inventaris; masing-masing diperiksa, dan pemeriksaan gagal bila salah"
        " satunya gagal (sehingga hook pre-commit dapat meneruskan berkas yang berubah).",
        "en": "Inventory workbooks; each is checked, and the run fails if any fails (so the"
        " pre-commit hook can pass the changed files).",
    },
    "help_check_set": {
        "id": "Nama set bawaan atau path ke berkas YAML set; ulangi untuk beberapa set"
        " (masing-masing diperiksa atau direkam sendiri). Bawaan: spbe-2020.",
        "en": "A shipped set's name or a path to a set YAML; repeat for several sets (each is"
        " checked or recorded on its own). Default: spbe-2020.",
    },
    "help_check_min_index": {
        "id": "Gagal bila indeks yang dibulatkan (seperti ditampilkan laporan) di bawah nilai ini.",
        "en": "Fail when the rounded index (as reports show it) is below this.",
    },
    "help_check_min": {
        "id": "Gagal bila nilai kelompok yang dibulatkan di bawah X, mis. D3=1.5; dapat"
        " diulang. Berlaku untuk set yang memiliki kelompok itu.",
        "en": "Fail when a group's rounded score is below X, e.g. D3=1.5; repeatable. Applies"
        " to the sets that have the group.",
    },
    "help_check_baseline": {
        "id": "Berkas dari 'smartserang baseline' (atau 'score --format json'): gagal bila"
        " indeks atau salah satu kelompok turun melebihi --tolerance.",
        "en": "A file from 'smartserang baseline' (or 'score --format json'): fail when the"
        " index or any group fell beyond --tolerance.",
    },
    "help_check_tolerance": {
        "id": "Seberapa jauh nilai yang dibulatkan boleh turun di bawah nilai baseline dan tetap"
        " lulus (bawaan: setiap penurunan nilai dua desimal yang ditampilkan menggagalkan).",
        "en": "How far a rounded score may fall below the baseline's and still pass (the"
        " default fails any fall of the shown two-decimal value).",
    },
    "help_check_max_unsupported": {
        "id": "Gagal bila klaim yang melampaui register lebih banyak dari jumlah ini.",
        "en": "Fail when more claims than this outrun the registers.",
    },
    "help_check_min_completeness": {
        "id": "Gagal bila bagian indeks yang ditentukan register kurang dari proporsi ini"
        " (0-1), dibulatkan seperti di laporan, mis. 0.6.",
        "en": "Fail when a register decides less of the index than this share (0-1), rounded"
        " as reports show it, e.g. 0.6.",
    },
    "help_check_strict": {
        "id": "Gagal pada setiap peringatan buku kerja, bukan hanya yang dapat mengubah nilai.",
        "en": "Fail on any workbook warning, not only on those that can change a score.",
    },
    "help_check_basis": {
        "id": "Nilai mana yang diperiksa atau direkam: 'verified' (terverifikasi) atau"
        " 'claimed' (klaim).",
        "en": "Which scores are checked or recorded: verified or claimed.",
    },
    "help_check_summary": {
        "id": 'Tambahkan ringkasan Markdown ke berkas ini (mis. "$GITHUB_STEP_SUMMARY").',
        "en": 'Append a Markdown summary to this file (e.g. "$GITHUB_STEP_SUMMARY").',
    },
    "help_check_format": {
        "id": "text: keluaran standar kosong; json: laporan setiap pemeriksaan.",
        "en": "text: nothing on stdout; json: a report of every check.",
    },
    "help_baseline": {
        "id": "Rekam nilai sebuah buku kerja sebagai baseline yang dibandingkan oleh"
        " 'smartserang check'.",
        "en": "Record a workbook's scores as the baseline that 'smartserang check' compares with.",
    },
    "help_baseline_workbook": {
        "id": "Buku kerja inventaris yang direkam.",
        "en": "The inventory workbook to record.",
    },
    "help_baseline_output": {
        "id": "Berkas baseline (ditulis secara atomik); berkas yang sudah ada dibandingkan lebih"
        " dulu.",
        "en": "The baseline file (written atomically); an existing one is compared first.",
    },
    "help_baseline_reason": {
        "id": "Alasan baseline yang lebih rendah diterima; wajib bila ada nilai yang turun, dan"
        " disimpan dalam riwayat berkas bersama tanggal dan SHA-256 buku kerja.",
        "en": "Why a lower baseline is accepted; required when any value drops, and kept in"
        " the file's history with the date and the workbook's SHA-256.",
    },
    "help_baseline_date": {
        "id": "Tanggal rekaman (YYYY-MM-DD); bawaan: hari ini.",
        "en": "Date of the record (YYYY-MM-DD); default: today.",
    },
    # ---------------------------------------------------------------- help: diff
    "help_diff": {
        "id": "Bandingkan dua penilaian: indeks, kelompok, indikator, dan baris register di"
        " balik masing-masing.",
        "en": "Compare two assessments: index, groups, indicators, and the register rows"
        " behind each.",
    },
    "help_diff_old": {
        "id": "Penilaian terdahulu: buku kerja atau hasil JSON 'score'.",
        "en": "The earlier assessment: a workbook or a 'score' JSON result.",
    },
    "help_diff_new": {
        "id": "Penilaian terbaru: buku kerja atau hasil JSON 'score'.",
        "en": "The later assessment: a workbook or a 'score' JSON result.",
    },
    "help_diff_set": {
        "id": "Set untuk menilai buku kerja (dapat diulang). Bawaan: spbe-2020, atau set dari"
        " sisi JSON; hasil JSON membawa set-nya sendiri.",
        "en": "Set to score the workbooks on (repeatable). Default: spbe-2020, or the sets of"
        " the JSON side; JSON results carry their own sets.",
    },
    "help_diff_format": {
        "id": "text: tabel untuk dibaca; json: perbandingan terdokumentasi (docs/diff.md); md /"
        " html: sebuah dokumen.",
        "en": "text: tables for people; json: the documented diff (docs/diff.md); md / html: a"
        " document.",
    },
    "help_diff_basis": {
        "id": "Indeks dan nilai kelompok mana ('verified' atau 'claimed') yang mengawali"
        " perbandingan.",
        "en": "Which index and group scores head the comparison.",
    },
    # ---------------------------------------------------------------- help: import
    "help_import": {
        "id": "Tambahkan baris-baris sebuah berkas CSV ke sebuah register pada salinan buku kerja.",
        "en": "Append the rows of a CSV file to a register of a copy of the workbook.",
    },
    "help_import_epilog": {
        "id": "Baris yang rusak dan nilai yang ditolak register disebut menurut nomor baris CSV"
        " dan dilewati; baris yang baik diimpor (keluar 0). Hasilnya dibaca ulang sebelum"
        " ditulis; berkas CSV dan buku kerja --into tidak pernah diubah (kecuali dengan"
        " --in-place). Lihat docs/import.md.",
        "en": "Malformed lines and values the register rejects are named by CSV line and"
        " skipped; the good rows are imported (exit 0). The result is read back before it is"
        " written; the CSV and the --into workbook are never changed (except with"
        " --in-place). See docs/import.md.",
    },
    "help_import_data": {
        "id": "Berkas CSV, mis. daftar titik Wi-Fi dari portal data terbuka.",
        "en": "The CSV file, e.g. an open-data portal's list of Wi-Fi points.",
    },
    "help_import_into": {
        "id": "Buku kerja inventaris (.xlsx) yang ditambahi baris.",
        "en": "The inventory workbook (.xlsx) to add the rows to.",
    },
    "help_import_sheet": {
        "id": "Register yang diisi: Fasilitas, Aplikasi… (atau nama Inggrisnya).",
        "en": "The register to fill: Fasilitas, Aplikasi… (or English).",
    },
    "help_import_map": {
        "id": "Pasangan KOLOM_KONTRAK=KOLOM_CSV, dipisah koma, mis."
        " 'Nama=nama_lokasi,Kecamatan=kecamatan'; satu nama saja memetakan kolom CSV yang"
        " bernama sama. Dapat diulang.",
        "en": "CONTRACT_COLUMN=CSV_COLUMN pairs, comma-separated, e.g."
        " 'Nama=nama_lokasi,Kecamatan=kecamatan'; a lone name maps the CSV column of that"
        " name. Repeatable.",
    },
    "help_import_set_column": {
        "id": "KOLOM=NILAI: nilai yang sama di setiap baris baru, mis. 'Jenis=wifi publik'."
        " Dapat diulang.",
        "en": "COLUMN=VALUE: the same value in every new row, e.g. 'Jenis=wifi publik'."
        " Repeatable.",
    },
    "help_import_output": {
        "id": "Tulis hasilnya ke berkas .xlsx baru ini.",
        "en": "Write the result to this new .xlsx file.",
    },
    "help_import_in_place": {
        "id": "Ganti buku kerja --into itu sendiri, setelah menyalinnya ke <buku kerja>.bak"
        " (ditolak bila cadangan itu sudah ada).",
        "en": "Replace the --into workbook instead, after copying it to <workbook>.bak"
        " (refused when that backup exists).",
    },
    "help_import_strict": {
        "id": "Jangan tulis apa pun dan keluar dengan kode 2 bila ada baris CSV yang akan"
        " dilewati.",
        "en": "Write nothing and exit 2 when any CSV line would be skipped.",
    },
    "help_import_separator": {
        "id": "Pemisah CSV: , ; tab atau | (bawaan: dideteksi).",
        "en": "The CSV separator: , ; tab or | (default: detected).",
    },
    "help_import_encoding": {
        "id": "Pengodean CSV, mis. utf-8, cp1252 (bawaan: dari BOM, jika tidak ada, dideteksi).",
        "en": "The CSV encoding, e.g. utf-8, cp1252 (default: from the BOM, else detected).",
    },
    # ---------------------------------------------------------------- help: template
    "help_template": {
        "id": "Tulis buku kerja inventaris kosong: semua sheet, daftar pilihan, catatan, dan"
        " indikator set.",
        "en": "Write a blank inventory workbook: every sheet, drop-downs, notes, the set's"
        " indicators.",
    },
    "help_template_set": {
        "id": "Nama set bawaan (lihat 'smartserang sets') atau path ke berkas YAML set; ulangi"
        " untuk beberapa set: sheet Penilaian memuat indikator semuanya. Bawaan: spbe-2020.",
        "en": "A shipped set's name (see 'smartserang sets') or a path to a set YAML; repeat"
        " for several sets: Penilaian lists the indicators of all of them. Default:"
        " spbe-2020.",
    },
    "help_template_output": {
        "id": "Tulis .xlsx ke sini (secara atomik). Tanpa opsi ini isinya dikirim ke keluaran"
        " standar, yang harus dialihkan ke berkas atau pipa.",
        "en": "Write the .xlsx here (atomically). Without it the bytes go to stdout, which"
        " must then be redirected or piped.",
    },
}
