"""``import``: reading a CSV file and appending its rows to a register."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    # ------------------------------------------------------------------ field counts
    "import_fields_one": {
        "id": "1 kolom, padahal header memiliki {width}",
        "en": "1 field where the header has {width}",
    },
    "import_fields_many": {
        "id": "{fields} kolom, padahal header memiliki {width}",
        "en": "{fields} fields where the header has {width}",
    },
    "import_fields_one_runs": {
        "id": "1 kolom, padahal header memiliki {width} (record berlanjut sampai baris {end})",
        "en": "1 field where the header has {width} (the record runs to line {end})",
    },
    "import_fields_many_runs": {
        "id": "{fields} kolom, padahal header memiliki {width} (record berlanjut sampai baris"
        " {end})",
        "en": "{fields} fields where the header has {width} (the record runs to line {end})",
    },
    # ------------------------------------------------------------------ line breaks
    "import_line_broken_one": {
        "id": "1 kolom, padahal header memiliki {width}: record ini tampaknya berlanjut di"
        " baris {next} karena ada pindah baris di dalam sebuah nilai; beri nilai itu tanda"
        " kutip ganda atau hapus pindah barisnya",
        "en": "1 field where the header has {width}: the record seems to go on at line"
        " {next}, broken by a line break inside a value; put that value in double quotes"
        " or remove the line break",
    },
    "import_line_broken_many": {
        "id": "{fields} kolom, padahal header memiliki {width}: record ini tampaknya"
        " berlanjut di baris {next} karena ada pindah baris di dalam sebuah nilai; beri"
        " nilai itu tanda kutip ganda atau hapus pindah barisnya",
        "en": "{fields} fields where the header has {width}: the record seems to go on at"
        " line {next}, broken by a line break inside a value; put that value in double"
        " quotes or remove the line break",
    },
    "import_line_maybe_broken": {
        "id": "1 kolom, padahal header memiliki {width}; bila baris {next} adalah lanjutannya"
        " (pindah baris di dalam nilai pertama), baris {next} terbaca sebagai record"
        " tersendiri: periksa baris itu",
        "en": "1 field where the header has {width}; if line {next} is its continuation (a"
        " line break inside the first value), line {next} is read as a record of its own:"
        " check it",
    },
    "import_line_continuation": {
        "id": "baris {line} tampaknya lanjutan baris {first}: ada pindah baris di dalam"
        " sebuah nilai",
        "en": "line {line} looks like the continuation of line {first}: a line break inside"
        " a value",
    },
    # ------------------------------------------------------------------ wrapped records
    "import_note_wrapped": {
        "id": "setiap baris berisi satu nilai berkutip yang memuat seluruh record (berkas CSV"
        " yang disimpan ulang sebagai satu kolom); tanda kutip luarnya dibuang dan"
        " isinya dibaca sebagai record",
        "en": "every line is one quoted value holding the whole record (a CSV file saved"
        " again as one column); the outer quotes were removed and each line read as its"
        " record",
    },
    "import_note_wrapped_line": {
        "id": "baris {lines}: satu nilai berkutip memuat seluruh record; tanda kutip luarnya"
        " dibuang dan isinya dibaca sebagai record",
        "en": "line {lines}: one quoted value holds the whole record; the outer quotes were"
        " removed and it was read as the record",
    },
    "import_note_wrapped_lines": {
        "id": "baris {lines}: pada setiap baris ini satu nilai berkutip memuat seluruh"
        " record; tanda kutip luarnya dibuang dan isinya dibaca sebagai record",
        "en": "lines {lines}: on each, one quoted value holds the whole record; the outer"
        " quotes were removed and it was read as the record",
    },
    # ------------------------------------------------------------------ encodings
    "import_mojibake": {
        "id": "{header}: '{text}' tampak rusak (mungkin '{fixed}'): teks UTF-8 pernah dibaca"
        " dengan encoding lain lalu disimpan lagi; perbaiki atau ekspor ulang berkas itu dan"
        " simpan sebagai UTF-8, lalu impor lagi",
        "en": "{header}: '{text}' looks garbled (probably '{fixed}'): UTF-8 text was once"
        " read in another encoding and saved again; fix or export the file again, save it"
        " as UTF-8 and import it again",
    },
    "import_mojibake_again": {
        "id": "{header}: '{text}' tampak rusak (mungkin '{fixed}'), seperti di baris {first}",
        "en": "{header}: '{text}' looks garbled (probably '{fixed}'), as on line {first}",
    },
    # ------------------------------------------------------------------ the CSV file
    "import_unreadable": {"id": "tidak dapat dibaca: {reason}", "en": "cannot read: {reason}"},
    "import_is_workbook": {
        "id": "berkas ini buku kerja, bukan berkas CSV; simpan dulu sheet-nya sebagai CSV",
        "en": "this is a workbook, not a CSV file; save the sheet as CSV first",
    },
    "import_csv_empty": {
        "id": "tidak ada baris header: berkasnya kosong",
        "en": "no header line: the file is empty",
    },
    "import_header_broken": {
        "id": "baris header rusak: {problem}",
        "en": "the header line is broken: {problem}",
    },
    "import_header_encoding": {
        "id": "baris header bukan teks {encoding} yang sah; berikan --encoding",
        "en": "the header line is not valid {encoding}; give --encoding",
    },
    "import_line_encoding": {
        "id": "bita yang bukan {encoding} yang sah, padahal baris-baris lain memakai pengodean itu",
        "en": "bytes that are not valid {encoding}, the encoding of the other lines",
    },
    "import_quote_open": {
        "id": 'tanda kutip tidak ditutup: isian yang dibuka dengan " di baris ini tidak ditutup'
        " di baris yang sama",
        "en": 'unterminated quote: a field opened with " on this line is not closed on it',
    },
    "import_quote_bad": {
        "id": "tanda kutip salah bentuk (pembaca CSV melaporkan '{reason}')",
        "en": "malformed quoting: {reason}",
    },
    "import_quote_nul": {
        "id": "tanda kutip salah bentuk: baris ini memuat karakter NUL",
        "en": "malformed quoting: line contains NUL",
    },
    # ------------------------------------------------------------------ options
    "import_sheet_labels": {
        "id": "{sheet} berisi label, bukan baris; impor ke salah satu dari {known}",
        "en": "{sheet} holds labels, not rows; import into one of {known}",
    },
    "import_sheet_unknown": {
        "id": "sheet {name!r} tidak dikenal; sheet yang menerima baris: {known}",
        "en": "unknown sheet {name!r}; the sheets that take rows: {known}",
    },
    "import_sheet_unknown_like": {
        "id": "sheet {name!r} tidak dikenal (maksudnya '{like}'?); sheet yang menerima baris:"
        " {known}",
        "en": "unknown sheet {name!r} (did you mean '{like}'?); the sheets that take rows: {known}",
    },
    "import_mapped_twice": {
        "id": "{column} dipetakan dua kali ('{first}', '{second}')",
        "en": "{column} is mapped twice ('{first}', '{second}')",
    },
    "import_given_twice": {
        "id": "{column} diberikan dua kali (oleh --map atau --set-column)",
        "en": "{column} is given twice (by --map or --set-column)",
    },
    "import_needs_column": {
        "id": "{sheet} memerlukan {column} di setiap baris: --map '{column}=<kolom CSV>' atau"
        " --set-column '{column}=<nilai>'",
        "en": "{sheet} needs {column} in every row: --map '{column}=<CSV column>' or"
        " --set-column '{column}=<value>'",
    },
    "import_map_form": {
        "id": "diharapkan KOLOM_KONTRAK=KOLOM_CSV, tertulis {piece!r}",
        "en": "expected CONTRACT_COLUMN=CSV_COLUMN, got {piece!r}",
    },
    "import_set_form": {
        "id": "diharapkan KOLOM=NILAI, tertulis {spec!r}",
        "en": "expected COLUMN=VALUE, got {spec!r}",
    },
    "import_no_column": {
        "id": "{owner} tidak memiliki kolom {name!r}; kolomnya: {known}",
        "en": "{owner} has no column {name!r}; its columns: {known}",
    },
    "import_no_column_like": {
        "id": "{owner} tidak memiliki kolom {name!r} (maksudnya '{like}'?); kolomnya: {known}",
        "en": "{owner} has no column {name!r} (did you mean '{like}'?); its columns: {known}",
    },
    "import_csv_column_twice": {
        "id": "{source} memiliki {count} kolom bernama {name!r} (kolom {places})",
        "en": "{source} has {count} columns named {name!r} (columns {places})",
    },
    "import_value_blank": {"id": "nilainya kosong", "en": "the value is blank"},
    # ------------------------------------------------------------------ values
    "import_field_value": {"id": "kolom CSV {header}: {problem}", "en": "{header}: {problem}"},
    "import_field_blank": {
        "id": "kolom CSV {header}: {column} wajib diisi tetapi kosong",
        "en": "{header}: {column} is required but blank",
    },
    "import_control_character": {
        "id": "{column} memuat karakter kendali {character}, yang tidak dapat dimuat sel mana pun",
        "en": "{column} holds the control character {character}, which no cell can hold",
    },
    "import_cell_too_long": {
        "id": "{column} berisi {length} karakter; satu sel memuat paling banyak {limit}",
        "en": "{column} has {length} characters; a cell holds {limit}",
    },
    # ------------------------------------------------------------------ the workbook
    "import_verify_rows": {
        "id": "buku kerja yang ditulis terbaca {count} dari {expected} baris yang diharapkan di"
        " {sheet} (rumus tanpa nilai tersimpan? buka dan simpan di Excel)",
        "en": "the written workbook reads {count} of the {expected} rows expected in {sheet}"
        " (formulas without saved values? open and save it in Excel)",
    },
    "import_changed": {
        "id": "buku kerja berubah selama impor (disimpan di Excel?); jalankan impor lagi",
        "en": "the workbook changed while importing (saved in Excel?); run the import again",
    },
    "leftover_part": {"id": "bagian {name}", "en": "part {name}"},
    "leftover_name": {"id": "nama terdefinisi ={value}", "en": "defined name ={value}"},
    "leftover_formula": {"id": "rumus di {name}", "en": "a formula in {name}"},
    "leftover_rule": {"id": "aturan ={value} di {name}", "en": "rule ={value} in {name}"},
}
