"""Problems and notes about a workbook: opening it, finding its sheets, headers and tables,
and typing its cells."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    # ------------------------------------------------------------------- sheets
    "sheet_read_as": {
        "id": "sheet '{title}' dibaca sebagai {sheet}",
        "en": "sheet '{title}' read as {sheet}",
    },
    "sheet_also_like": {
        "id": "sheet '{title}' juga tampak seperti {sheet} tetapi diabaikan: yang dibaca"
        " adalah sheet '{chosen}'",
        "en": "sheet '{title}' also looks like {sheet} but is ignored: sheet '{chosen}' is read",
    },
    "sheet_ambiguous": {
        "id": "sheet {titles} masing-masing dapat berarti {sheet}, sehingga tidak jelas mana"
        " yang dibaca; ganti nama sheet yang dimaksud menjadi '{sheet}', atau hapus yang lain",
        "en": "sheets {titles} could each be {sheet}, so which one to read is unclear;"
        " rename the one meant to '{sheet}', or delete the others",
    },
    "sheet_near": {
        "id": "sheet '{title}' tidak dikenal dan diabaikan; maksudnya '{sheet}'? Ganti"
        " namanya menjadi '{sheet}' agar dibaca",
        "en": "unknown sheet '{title}' ignored; did you mean '{sheet}'? Rename it to"
        " '{sheet}' to have it read",
    },
    "sheet_near_needed": {
        "id": "sheet '{title}' tidak dibaca, padahal penilaian memerlukan sheet {sheet}:"
        " maksudnya '{sheet}'? Ganti nama sheet menjadi '{sheet}'",
        "en": "sheet '{title}' is not read, but the scoring needs sheet {sheet}: did you"
        " mean '{sheet}'? Rename the sheet to '{sheet}'",
    },
    # ------------------------------------------------------------------ headers
    "column_shadowed": {
        "id": "kolom '{text}' diabaikan: {column} dibaca dari {cell}",
        "en": "column '{text}' ignored: {column} is read from {cell}",
    },
    "column_near": {
        "id": "kolom '{text}' tidak dikenal dan diabaikan; maksudnya '{column}'?",
        "en": "unknown column '{text}' ignored; did you mean '{column}'?",
    },
    "column_near_needed": {
        "id": "kolom '{text}' tidak dibaca, padahal penilaian memerlukan kolom {column}:"
        " maksudnya '{column}'? Ganti judul kolom menjadi '{column}'",
        "en": "column '{text}' is not read, but the scoring needs column {column}: did you"
        " mean '{column}'? Rename the header to '{column}'",
    },
    "label_near": {
        "id": "label '{text}' tidak dikenal dan diabaikan; maksudnya '{column}'?",
        "en": "unknown label '{text}' ignored; did you mean '{column}'?",
    },
    "label_near_needed": {
        "id": "label '{text}' tidak dibaca, padahal penilaian memerlukan {column}: maksudnya"
        " '{column}'? Ganti label menjadi '{column}'",
        "en": "label '{text}' is not read, but the scoring needs {column}: did you mean"
        " '{column}'? Rename the label to '{column}'",
    },
    "column_missing_near": {
        "id": "kolom wajib '{column}' tidak ada: judul '{text}' di sel ini tidak dikenali;"
        " maksudnya '{column}'? Ganti judul kolom menjadi '{column}'",
        "en": "missing required column '{column}': the header '{text}' in this cell is not"
        " recognised; did you mean '{column}'? Rename the header to '{column}'",
    },
    "column_missing_no_header": {
        "id": "kolom wajib '{column}' tidak ada: tidak satu pun dari {rows} baris pertama"
        " memuat judul kolom {sheet}; baris judul harus memuat antara lain {known}",
        "en": "missing required column '{column}': none of the first {rows} rows holds a"
        " header of {sheet}; the header row must name at least {known}",
    },
    # ------------------------------------------------------- notes: the table read
    "note_header_row": {
        "id": "judul kolom ditemukan di baris {row}; baris di atasnya dibaca sebagai judul tabel",
        "en": "header found on row {row}; the rows above it read as the table's title",
    },
    "note_header_rows": {
        "id": "judul kolom dibaca dari baris {first}–{last}: judul kelompok digabung dengan"
        " judul di bawahnya",
        "en": "header read from rows {first}–{last}: group headers joined with the headers"
        " under them",
    },
    "note_numbers_row": {
        "id": "baris {row} dibaca sebagai nomor kolom dan tidak dihitung",
        "en": "row {row} read as column numbers and left out",
    },
    "note_totals_row": {
        "id": "baris {rows} ('{text}') dibaca sebagai baris jumlah dan tidak dihitung",
        "en": "row {rows} ('{text}') read as a totals row and left out",
    },
    "note_totals_rows": {
        "id": "baris {rows} ('{text}' dan seterusnya) dibaca sebagai baris jumlah dan tidak"
        " dihitung",
        "en": "rows {rows} ('{text}' and the like) read as totals rows and left out",
    },
    "note_repeated_row": {
        "id": "baris {rows} mengulang judul kolom dan tidak dihitung",
        "en": "row {rows} repeats the header and is left out",
    },
    "note_repeated_rows": {
        "id": "baris {rows} mengulang judul kolom dan tidak dihitung",
        "en": "rows {rows} repeat the header and are left out",
    },
    "note_notes_below": {
        "id": "baris {rows} di bawah tabel ('{text}') dibaca sebagai catatan atau tanda"
        " tangan dan tidak dihitung",
        "en": "rows {rows} below the table ('{text}') read as notes or a signature and left out",
    },
    "note_notes_below_one": {
        "id": "baris {rows} di bawah tabel ('{text}') dibaca sebagai catatan dan tidak dihitung",
        "en": "row {rows} below the table ('{text}') read as a note and left out",
    },
    "note_table_below": {
        "id": "baris {rows} ('{text}') dibaca sebagai tabel lain di bawah tabel ini dan tidak"
        " dihitung",
        "en": "rows {rows} ('{text}') read as another table below this one and left out",
    },
    "note_table_below_one": {
        "id": "baris {rows} ('{text}') dibaca sebagai judul tabel lain dan tidak dihitung",
        "en": "row {rows} ('{text}') read as another table's title and left out",
    },
    "note_notes_below_dense": {
        "id": "baris {rows} mulai '{text}' tidak dihitung karena dibaca sebagai catatan di"
        " bawah tabel, tetapi {dense} baris di antaranya tampak seperti data; pindahkan"
        " catatan ke bawah data terakhir, atau hapus",
        "en": "rows {rows} from '{text}' on are left out as notes below the table, but"
        " {dense} of them look like data rows; move the notes below the last data row, or"
        " delete them",
    },
    "note_merged": {
        "id": "{count} sel gabungan berlaku untuk setiap baris yang dicakupnya (misalnya"
        " {cells} '{text}' untuk baris {first}–{last})",
        "en": "{count} merged cell(s) applied to every row they cover (e.g. {cells} '{text}'"
        " for rows {first}–{last})",
    },
    "note_profile_titles": {
        "id": "baris {rows} dibaca sebagai judul sheet",
        "en": "row(s) {rows} read as the sheet's title",
    },
    "note_kind": {"id": "catatan", "en": "note"},
    # ------------------------------------------------------- sheets, tables, rows
    "folder_no_workbooks": {
        "id": "tidak ada buku kerja di folder ini",
        "en": "no workbooks in this folder",
    },
    "sheet_twice": {
        "id": "sheet '{title}' adalah register yang sama dengan sheet '{first}'; simpan salah"
        " satunya",
        "en": "sheet '{title}' is the same register as sheet '{first}'; keep one",
    },
    "sheet_none": {
        "id": "tidak ada sheet inventaris yang ditemukan; diharapkan sedikitnya satu dari {known}",
        "en": "no inventory sheet found; expected at least one of {known}",
    },
    "sheet_part_unknown": {
        "id": "sheet ini tidak dapat dibaca: buku kerja tidak menyebutkan bagian mana yang"
        " memuatnya; simpan lagi",
        "en": "cannot read sheet: the workbook does not say which of its parts holds it;"
        " save it again",
    },
    "sheet_part_damaged": {
        "id": "sheet ini tidak dapat dibaca: bagian {part} rusak ({reason})",
        "en": "cannot read sheet: the part {part} is damaged ({reason})",
    },
    "sheet_unreadable": {
        "id": "sheet ini tidak dapat dibaca: isinya rusak ({reason}); simpan lagi buku kerjanya",
        "en": "cannot read sheet: it is damaged ({reason}); save the workbook again",
    },
    "column_missing": {
        "id": "kolom wajib '{column}' tidak ada",
        "en": "missing required column '{column}'",
    },
    "column_twice": {
        "id": "kolom '{text}' muncul dua kali (pertama di {first})",
        "en": "column '{text}' appears twice (first at {first})",
    },
    "label_twice": {
        "id": "label '{text}' muncul dua kali (pertama di {first})",
        "en": "label '{text}' appears twice (first at {first})",
    },
    "row_twice": {
        "id": "{column} '{value}' sudah tercantum di baris {first}",
        "en": "{column} '{value}' is already given in row {first}",
    },
}
