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
    "usage_not_integer": {
        "id": "{value} bukan bilangan bulat.",
        "en": "{value} is not a valid integer.",
    },
    "usage_not_int_range": {
        "id": "{value} bukan bilangan bulat.",
        "en": "{value} is not a valid int range.",
    },
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
}
