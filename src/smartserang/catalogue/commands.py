"""The command line's own lines: run summaries, usage errors, files written."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    # ---------------------------------------------------------------- outputs and inputs
    "output_is_input": {
        "id": "{option} menunjuk ke berkas yang juga dibaca run ini sebagai masukan ({input});"
        " tidak ada yang ditulis, agar masukan itu tidak tertimpa",
        "en": "{option} names a file this run reads as an input ({input}); nothing is"
        " written, so that the input is not overwritten",
    },
    "output_in_input_folder": {
        "id": "{option} berada di folder masukan {folder} dengan nama buku kerja; run"
        " berikutnya atas folder itu akan membacanya sebagai buku kerja: pilih nama atau"
        " folder lain",
        "en": "{option} is in the input folder {folder} under a workbook's name; the next run"
        " on that folder would read it as a workbook: choose another name or folder",
    },
    "output_is_folder": {
        "id": "{option} adalah sebuah folder; berikan nama berkas",
        "en": "{option} is a folder; give a file name",
    },
    "output_not_a_file": {
        "id": "{option} bukan berkas biasa (perangkat, pipa atau soket) dan akan diganti"
        " berkas baru; berikan nama berkas, atau hilangkan opsi ini agar keluaran ke"
        " keluaran standar",
        "en": "{option} is not a regular file (a device, pipe or socket), which a new file"
        " would replace; give a file name, or leave the option out to write to standard"
        " output",
    },
    "stdout_is_input": {
        "id": "keluaran standar diarahkan ke berkas yang juga dibaca run ini sebagai masukan"
        " ({input}); arahkan ke berkas lain",
        "en": "standard output goes to a file this run reads as an input ({input}); redirect"
        " it to another file",
    },
    "output_cannot_write": {
        "id": "tidak dapat menulis: {reason}",
        "en": "cannot write: {reason}",
    },
    "stdout_closed": {
        "id": "keluaran standar tertutup",
        "en": "standard output is closed",
    },
    "json_too_deep": {
        "id": "bersarang lebih dari {limit} tingkat; tidak ada berkas smartserang yang sedalam itu",
        "en": "nested more than {limit} levels deep; no smartserang file nests so deep",
    },
    "nothing_written": {
        "id": "tidak ada yang ditulis",
        "en": "nothing written",
    },
    # ---------------------------------------------------------------- what import writes
    "import_dropped_name": {
        "id": "nama {name} (={value}) tidak disalin ke buku kerja baru: buku kerja yang ditulis"
        " smartserang tidak memuat rumus dalam nama, hanya rujukan ke selnya sendiri",
        "en": "the defined name {name} (={value}) is not copied to the new workbook: a workbook"
        " smartserang writes holds no formula in a name, only references to its own cells",
    },
    "import_dropped_links": {
        "id": "tautan eksternal tidak disalin ke buku kerja baru ({count}: {targets}); buku"
        " kerja yang ditulis smartserang tidak menaut ke berkas atau program lain",
        "en": "external links not copied to the new workbook ({count}: {targets}); a workbook"
        " smartserang writes links to no other file or program",
    },
    "import_dropped_rule": {
        "id": "{what} di {sheet}!{area} (={formula}) tidak disalin: rumusnya menjangkau ke luar"
        " buku kerja",
        "en": "the {what} on {sheet}!{area} (={formula}) is not copied: its formula reaches"
        " outside the workbook",
    },
    "import_unopenable": {
        "id": "buku kerja ini dapat dinilai, tetapi salinannya tidak dapat dibuat ({reason});"
        " buka dan simpan ulang di Excel atau LibreOffice, lalu impor lagi",
        "en": "this workbook can be scored but not copied ({reason}); open and save it again"
        " in Excel or LibreOffice, then import again",
    },
    # ---------------------------------------------------------------- the run's own lines
    "interrupted": {"id": "dibatalkan", "en": "interrupted"},
    "terminated": {"id": "dihentikan", "en": "terminated"},
    "input_errors_one": {
        "id": "{count} kesalahan pada masukan; {what}.",
        "en": "{count} error in the input; {what}.",
    },
    "input_errors_many": {
        "id": "{count} kesalahan pada masukan; {what}.",
        "en": "{count} errors in the input; {what}.",
    },
    "nothing_scored": {"id": "tidak ada yang dinilai", "en": "nothing scored"},
    "nothing_checked": {"id": "tidak ada yang diperiksa", "en": "nothing checked"},
    "nothing_recorded": {"id": "tidak ada yang direkam", "en": "nothing recorded"},
    "nothing_compared": {"id": "tidak ada yang dibandingkan", "en": "nothing compared"},
    "nothing_imported": {"id": "tidak ada yang diimpor", "en": "nothing imported"},
    "nothing_imported_fix": {
        "id": "tidak ada yang diimpor; perbaiki dulu buku kerjanya",
        "en": "nothing imported; fix the workbook first",
    },
    "nothing_written_unchanged": {
        "id": "tidak ada yang ditulis; {name} tidak berubah",
        "en": "nothing written; {name} is unchanged",
    },
    "no_template_written": {"id": "tidak ada templat yang ditulis", "en": "no template written"},
    "wrote": {"id": "{name} telah ditulis", "en": "wrote {name}"},
    "wrote_with_backup": {
        "id": "{name} telah ditulis (cadangan: {backup})",
        "en": "wrote {name} (backup: {backup})",
    },
    "worker_lost": {
        "id": "sebuah proses pekerja berhenti tanpa diduga ({how})",
        "en": "a worker process ended unexpectedly ({how})",
    },
    "worker_lost_item": {
        "id": "sebuah proses pekerja berhenti tanpa diduga ({how}) saat mengerjakan {item}",
        "en": "a worker process ended unexpectedly ({how}) while working on {item}",
    },
    "worker_lost_hint": {
        "id": "dengan --jobs 1 buku kerja dibaca dalam proses ini, satu per satu.",
        "en": "with --jobs 1 the workbooks are read in this process, one by one.",
    },
    "process_exit_status": {"id": "status keluar {code}", "en": "exit status {code}"},
    "process_no_exit_status": {"id": "tanpa status keluar", "en": "no exit status"},
    "process_signal_named": {"id": "{name}, sinyal {number}", "en": "{name}, signal {number}"},
    "process_signal": {"id": "sinyal {number}", "en": "signal {number}"},
    "usage_date": {
        "id": "--date harus berbentuk YYYY-MM-DD, bukan {value!r}",
        "en": "--date must be YYYY-MM-DD, got {value!r}",
    },
    "usage_docx_rollup": {
        "id": "--format docx adalah lampiran satu buku kerja; rekapitulasi beberapa buku kerja"
        " ditulis sebagai text, json, md atau html",
        "en": "--format docx is one workbook's appendix; a roll-up of several workbooks is"
        " written as text, json, md or html",
    },
    "usage_docx_terminal": {
        "id": "dokumen Word adalah berkas biner: berikan --output lampiran.docx, atau alihkan"
        " keluaran standar ke berkas",
        "en": "a Word document is a binary file: give --output lampiran.docx, or redirect stdout",
    },
    "reading_workbooks": {"id": "Membaca buku kerja", "en": "Reading workbooks"},
    "usage_set_ignored": {
        "id": "--set diabaikan: hasil JSON membawa set-nya sendiri",
        "en": "--set ignored: JSON results carry their own sets",
    },
    "usage_template_terminal": {
        "id": "templat adalah berkas .xlsx biner: berikan --output kosong.xlsx, atau alihkan"
        " keluaran standar ke berkas",
        "en": "the template is a binary .xlsx file: give --output blank.xlsx, or redirect stdout",
    },
    "usage_template_suffix": {
        "id": "templat adalah buku kerja .xlsx; beri nama *.xlsx",
        "en": "the template is an .xlsx workbook; name it *.xlsx",
    },
    # ---------------------------------------------------------------- check and baseline
    "usage_tolerance": {
        "id": "harus 0 atau lebih, bukan {value}",
        "en": "must be 0 or more, got {value}",
    },
    "usage_number": {
        "id": "harus berupa angka, bukan {value}",
        "en": "must be a number, got {value}",
    },
    "usage_reason": {"id": "tidak boleh kosong", "en": "must not be empty"},
    "baseline_no_entry": {
        "id": "tidak ada entri untuk set {set!r} (yang ada: {held}); rekam dengan"
        " 'smartserang baseline BUKU_KERJA {options} -o {path}'",
        "en": "no entry for set {set!r} (it holds: {held}); record one with"
        " 'smartserang baseline WORKBOOK {options} -o {path}'",
    },
    "baseline_other_basis": {
        "id": "set {set!r} direkam dengan basis {recorded!r}, pemeriksaan ini memakai {used!r};"
        " berikan --basis {recorded} atau rekam baseline baru",
        "en": "set {set!r} was recorded on basis {recorded!r}, the check uses {used!r};"
        " pass --basis {recorded} or record a new baseline",
    },
    "baseline_set_changed": {
        "id": "set {set!r} berubah sejak baseline (versi {then} saat itu, {now} kini); nilainya"
        " mungkin tidak sebanding",
        "en": "set {set!r} changed since the baseline (version {then} then, {now} now); scores"
        " may not compare",
    },
    "baseline_recorded": {
        "id": "baseline {set} indeks {index} ({basis}) dari {workbook}",
        "en": "baseline {set} index {index} ({basis}) from {workbook}",
    },
    "baseline_lower": {
        "id": "baseline baru lebih rendah daripada {path}; tidak ditulis:",
        "en": "the new baseline is lower than {path}; not written:",
    },
    "baseline_give_reason": {
        "id": 'berikan --reason "…" untuk tetap merekamnya (disimpan dalam riwayatnya).',
        "en": 'give --reason "…" to record it anyway (kept in its history).',
    },
    # ---------------------------------------------------------------- import
    "usage_encoding": {
        "id": "pengodean {encoding!r} tidak dikenal (misalnya utf-8, cp1252, utf-16)",
        "en": "unknown encoding {encoding!r} (for example utf-8, cp1252, utf-16)",
    },
    "usage_separator": {
        "id": "pemisah {separator!r} tidak dikenal; berikan , ; tab atau |",
        "en": "unknown separator {separator!r}; give , ; tab or |",
    },
    "import_output_choice": {
        "id": "berikan salah satu: -o BARU.xlsx (buku kerja baru) atau --in-place",
        "en": "give either -o NEW.xlsx (a new workbook) or --in-place",
    },
    "import_into_xlsx": {
        "id": "impor hanya ke buku kerja .xlsx; simpan dulu buku kerja itu sebagai .xlsx",
        "en": "imports go into .xlsx workbooks only; save the workbook as .xlsx first",
    },
    "import_output_xlsx": {
        "id": "keluaran harus berupa berkas .xlsx",
        "en": "the output must be an .xlsx file",
    },
    "import_backup_exists": {
        "id": "cadangan sudah ada; pindahkan dulu (cadangan tidak pernah ditimpa)",
        "en": "a backup already exists; move it away first (it is never overwritten)",
    },
    "import_cannot_read": {"id": "tidak dapat membaca: {reason}", "en": "cannot read: {reason}"},
    "import_strict_one": {
        "id": "--strict: {count} baris dilewati; tidak ada yang ditulis.",
        "en": "--strict: {count} line skipped; nothing written.",
    },
    "import_strict_many": {
        "id": "--strict: {count} baris dilewati; tidak ada yang ditulis.",
        "en": "--strict: {count} lines skipped; nothing written.",
    },
    "import_none_one": {
        "id": "{source}: {count} baris dibaca, tidak ada yang dapat diimpor; tidak ada yang"
        " ditulis.",
        "en": "{source}: {count} row read, none to import; nothing written.",
    },
    "import_none_many": {
        "id": "{source}: {count} baris dibaca, tidak ada yang dapat diimpor; tidak ada yang"
        " ditulis.",
        "en": "{source}: {count} rows read, none to import; nothing written.",
    },
    "import_detected": {
        "id": "{source}: pengodean {encoding} ({how_encoded}), pemisah {separator}"
        " ({how_separated}); judul kolom pada baris {line}: {columns}",
        "en": "{source}: encoding {encoding} ({how_encoded}), separator {separator}"
        " ({how_separated}); header on line {line}: {columns}",
    },
    "import_given": {"id": "diberikan", "en": "given"},
    "import_detected_by_us": {"id": "dideteksi", "en": "detected"},
    "import_summary_one": {
        "id": "{source}: {count} baris dibaca, {imported} diimpor ke {title} ({rows}),"
        " {skipped} dilewati",
        "en": "{source}: {count} row read, {imported} imported into {title} ({rows}),"
        " {skipped} skipped",
    },
    "import_summary_many": {
        "id": "{source}: {count} baris dibaca, {imported} diimpor ke {title} ({rows}),"
        " {skipped} dilewati",
        "en": "{source}: {count} rows read, {imported} imported into {title} ({rows}),"
        " {skipped} skipped",
    },
    "import_row": {"id": "baris {first}", "en": "row {first}"},
    "import_rows": {"id": "baris {first}–{last}", "en": "rows {first}–{last}"},
    "import_skipped_one": {"id": " (baris CSV {lines}{more})", "en": " (line {lines}{more})"},
    "import_skipped_many": {"id": " (baris CSV {lines}{more})", "en": " (lines {lines}{more})"},
    "import_skipped_more": {"id": " dan {count} lainnya", "en": " and {count} more"},
    "import_sheet_created": {
        "id": "; sheet {title} dibuat dengan judul kolom kontrak",
        "en": "; sheet {title} created with the contract's header",
    },
    "import_columns_added": {
        "id": "; kolom ditambahkan ke {title}: {columns}",
        "en": "; columns added to {title}: {columns}",
    },
    # ---------------------------------------------------------------- the framework's words
    # The help pages' frame and the usage errors the command-line parser reports
    # (``cli.usage``); the English is the parser's own.
    "usage_prefix": {"id": "Penggunaan: ", "en": "Usage: "},
    "section_arguments": {"id": "Argumen", "en": "Arguments"},
    "section_options": {"id": "Opsi", "en": "Options"},
    "section_commands": {"id": "Perintah", "en": "Commands"},
    "help_default": {"id": "bawaan: {value}", "en": "default: {value}"},
    "help_required": {"id": "wajib", "en": "required"},
    "help_envvar": {"id": "variabel lingkungan: {name}", "en": "env var: {name}"},
    "usage_try": {
        "id": "Coba '{command} {option}' untuk bantuan.",
        "en": "Try '{command} {option}' for help.",
    },
    "usage_error": {"id": "Kesalahan: {message}", "en": "Error: {message}"},
    "usage_no_such_option": {"id": "Opsi tidak dikenal: {name}", "en": "No such option: {name}"},
    "usage_possible_options": {
        "id": "{message} (opsi yang mungkin: {options})",
        "en": "{message} (Possible options: {options})",
    },
    "usage_no_such_command": {
        "id": "Perintah {name} tidak dikenal.",
        "en": "No such command {name}.",
    },
    "usage_did_you_mean": {
        "id": "Perintah {name} tidak dikenal. Maksud Anda {guess}?",
        "en": "No such command {name}. Did you mean {guess}?",
    },
    "usage_missing_argument": {
        "id": "Argumen {name} belum diberikan.",
        "en": "Missing argument {name}.",
    },
    "usage_missing_option": {"id": "Opsi {name} belum diberikan.", "en": "Missing option {name}."},
    "usage_missing_parameter": {
        "id": "Parameter {name} belum diberikan.",
        "en": "Missing parameter {name}.",
    },
    "usage_invalid_value": {
        "id": "Nilai tidak sah untuk {name}: {reason}",
        "en": "Invalid value for {name}: {reason}",
    },
    "usage_invalid": {"id": "Nilai tidak sah: {reason}", "en": "Invalid value: {reason}"},
    "usage_not_one_of": {
        "id": "{value} bukan salah satu dari {choices}.",
        "en": "{value} is not one of {choices}.",
    },
    "usage_at_least": {
        "id": "harus lebih besar dari atau sama dengan {limit}",
        "en": "Input should be greater than or equal to {limit}",
    },
    "usage_integer": {"id": "harus berupa bilangan bulat", "en": "Input should be a valid integer"},
    "usage_not_integer": {
        "id": "{value} bukan bilangan bulat.",
        "en": "{value} is not a valid integer.",
    },
    "usage_float": {"id": "harus berupa angka", "en": "Input should be a valid number"},
    "usage_not_float": {"id": "{value} bukan angka.", "en": "{value} is not a valid float."},
    "usage_out_of_range": {
        "id": "{value} di luar rentang {range}.",
        "en": "{value} is not in the range {range}.",
    },
    "usage_needs_value": {
        "id": "Opsi {name} memerlukan nilai.",
        "en": "Option {name} requires an argument.",
    },
    "usage_takes_no_value": {
        "id": "Opsi {name} tidak menerima nilai.",
        "en": "Option {name} does not take a value.",
    },
    "usage_missing_command": {"id": "Perintah belum diberikan.", "en": "Missing command."},
    "usage_extra_arguments": {
        "id": "Argumen tambahan yang tidak dikenal ({arguments})",
        "en": "Got unexpected extra argument(s) ({arguments})",
    },
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
