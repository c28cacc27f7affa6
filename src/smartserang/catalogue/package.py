"""Problems with a workbook file as a whole, before its cells are read: its format, its zip,
its limits, and the parts a reader would trust."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    # -- what the file is, read from its content rather than its name
    "note_format_named": {
        "id": "berkas ini sebenarnya buku kerja {actual} yang diberi akhiran {suffix};"
        " dibaca sebagai {actual}",
        "en": "the file is an {actual} workbook named {suffix}; read as {actual}",
    },
    "file_is_html": {
        "id": "buku kerja tidak dapat dibaca: berkas ini halaman web (HTML), bukan buku kerja"
        " Excel atau OpenDocument, walau namanya {name} (sistem berbasis web sering"
        ' mengekspor tabel begini dan menyebutnya "Excel"); buka di Excel atau LibreOffice'
        " lalu simpan sebagai .xlsx",
        "en": "cannot read workbook: it is a web page (HTML), not an Excel or OpenDocument"
        " workbook, though it is named {name} (web systems often export a table this way"
        ' and call it "Excel"); open it in Excel or LibreOffice and save it as .xlsx',
    },
    "file_is_xml_spreadsheet": {
        "id": "buku kerja tidak dapat dibaca: berkas ini XML Spreadsheet 2003, bukan buku"
        " kerja Excel atau OpenDocument yang dapat dibaca; buka di Excel atau LibreOffice lalu"
        " simpan sebagai .xlsx",
        "en": "cannot read workbook: it is an XML Spreadsheet 2003 file, not an Excel or"
        " OpenDocument workbook that can be read; open it in Excel or LibreOffice and save"
        " it as .xlsx",
    },
    "file_is_text": {
        "id": "buku kerja tidak dapat dibaca: berkas ini teks ({kind}), bukan buku kerja Excel"
        " atau OpenDocument; buka di Excel atau LibreOffice lalu simpan sebagai .xlsx, atau"
        " masukkan barisnya dengan smartserang import",
        "en": "cannot read workbook: it is a text file ({kind}), not an Excel or OpenDocument"
        " workbook; open it in Excel or LibreOffice and save it as .xlsx, or bring its rows"
        " in with smartserang import",
    },
    "file_is_pdf": {
        "id": "buku kerja tidak dapat dibaca: berkas ini dokumen PDF, bukan buku kerja Excel"
        " atau OpenDocument; gunakan buku kerja asal PDF itu",
        "en": "cannot read workbook: it is a PDF document, not an Excel or OpenDocument"
        " workbook; use the workbook the PDF was made from",
    },
    "file_is_word": {
        "id": "buku kerja tidak dapat dibaca: berkas ini dokumen Word, bukan buku kerja Excel"
        " atau OpenDocument; gunakan buku kerjanya",
        "en": "cannot read workbook: it is a Word document, not an Excel or OpenDocument"
        " workbook; use the workbook itself",
    },
    "file_is_powerpoint": {
        "id": "buku kerja tidak dapat dibaca: berkas ini presentasi PowerPoint, bukan buku"
        " kerja Excel atau OpenDocument; gunakan buku kerjanya",
        "en": "cannot read workbook: it is a PowerPoint presentation, not an Excel or"
        " OpenDocument workbook; use the workbook itself",
    },
    "file_is_opendocument": {
        "id": "buku kerja tidak dapat dibaca: berkas ini dokumen OpenDocument lain (teks atau"
        " presentasi), bukan lembar kerja; gunakan buku kerjanya",
        "en": "cannot read workbook: it is another OpenDocument file (a text or a"
        " presentation), not an Excel or OpenDocument workbook; use the workbook itself",
    },
    "file_is_zip": {
        "id": "buku kerja tidak dapat dibaca: berkas ini arsip zip tanpa buku kerja di"
        " dalamnya, bukan buku kerja Excel atau OpenDocument; keluarkan buku kerjanya dari"
        " arsip",
        "en": "cannot read workbook: it is a zip archive holding no workbook, not an Excel or"
        " OpenDocument workbook; take the workbook out of the archive",
    },
    "file_is_empty": {
        "id": "buku kerja tidak dapat dibaca: berkasnya kosong (0 bita); salin lagi dari aslinya",
        "en": "cannot read workbook: the file is empty (0 bytes); copy it again from the original",
    },
    "file_is_unknown": {
        "id": "buku kerja tidak dapat dibaca: isinya bukan buku kerja Excel atau OpenDocument"
        " (berkas rusak, atau berkas jenis lain yang diberi nama {name}); simpan lagi sebagai"
        " .xlsx",
        "en": "cannot read workbook: its content is not an Excel or OpenDocument workbook (a"
        " damaged file, or a file of another kind named {name}); save it again as .xlsx",
    },
    "file_is_encrypted": {
        "id": "buku kerja tidak dapat dibaca: dilindungi kata sandi; simpan salinan .xlsx"
        " tanpa kata sandi",
        "en": "cannot read workbook: it is password-protected; save an unprotected .xlsx copy",
    },
    # -- counts a reader trusts before it reads
    "count_strings_over": {
        "id": "buku kerja tidak dapat dibaca: {part} menyatakan berisi {count} teks"
        " (uniqueCount), lebih dari yang dapat dimuat seluruh buku kerja ({size} setelah"
        " dibuka): berkas rusak atau dibuat untuk menghabiskan memori; simpan lagi di Excel"
        " atau LibreOffice",
        "en": "cannot read workbook: {part} says it holds {count} strings (uniqueCount), more"
        " than the whole workbook can hold ({size} unpacked): the file is damaged or made to"
        " exhaust memory; save it again in Excel or LibreOffice",
    },
    "count_over_size": {
        "id": "buku kerja tidak dapat dibaca: {part} menyatakan berisi {count} unsur"
        " ({attribute}), lebih dari yang dapat dimuat seluruh buku kerja ({size} setelah"
        " dibuka): berkas rusak atau dibuat untuk menghabiskan memori; simpan lagi di Excel"
        " atau LibreOffice",
        "en": "cannot read workbook: {part} says it holds {count} elements ({attribute}),"
        " more than the whole workbook can hold ({size} unpacked): the file is damaged or"
        " made to exhaust memory; save it again in Excel or LibreOffice",
    },
    "count_past_maximum": {
        "id": "buku kerja tidak dapat dibaca: {part} memuat {what} = {value}, melewati {most},"
        " batas program spreadsheet mana pun: berkas rusak atau dibuat untuk merusak"
        " pembacanya; simpan lagi di Excel atau LibreOffice",
        "en": "cannot read workbook: {part} holds {what} = {value}, past {most}, the most any"
        " spreadsheet program writes: the file is damaged or made to break its reader; save"
        " it again in Excel or LibreOffice",
    },
    "count_merged_over": {
        "id": "sel gabungan {ref} mencakup {rows} baris kali {columns} kolom, melewati batas"
        " sel ({limit}); jika buku kerja ini asli, naikkan batasnya dengan --limit cells=NILAI",
        "en": "the merged cells {ref} span {rows} rows by {columns} columns, past the cells"
        " limit ({limit}); if the workbook is genuine, raise the limit with --limit"
        " cells=VALUE",
    },
    # -- a reader that stops its process
    "workbook_process_died": {
        "id": "membaca buku kerja ini menghentikan prosesnya ({how}): berkas rusak atau dibuat"
        " untuk merusak pembacanya; buku kerja ini dilewati, yang lain tetap dibaca; buka dan"
        " simpan lagi di Excel atau LibreOffice",
        "en": "reading this workbook stopped its process ({how}): the file is damaged or made"
        " to break its reader; it is left out and the other workbooks are read; open it and"
        " save it again in Excel or LibreOffice",
    },
    "sheet_process_died": {
        "id": "lembar ini tidak dapat dibaca: pembacanya berhenti ({how}): berkas rusak atau"
        " dibuat untuk merusak pembacanya; buka dan simpan lagi di Excel atau LibreOffice",
        "en": "cannot read sheet: its reader stopped ({how}): the file is damaged or made to"
        " break its reader; open it and save it again in Excel or LibreOffice",
    },
    "reader_failed": {
        "id": "buku kerja tidak dapat dibaca: pembacanya gagal ({reason}): berkas rusak atau"
        " dibuat untuk merusak pembacanya; buka dan simpan lagi di Excel atau LibreOffice",
        "en": "cannot read workbook: its reader failed ({reason}): the file is damaged or"
        " made to break its reader; open it and save it again in Excel or LibreOffice",
    },
    # -- formulas
    "formula_no_value": {
        "id": "sel ini rumus tanpa nilai tersimpan ({formula}): buka dan simpan berkasnya di"
        " Excel atau LibreOffice agar nilainya tersimpan",
        "en": "the cell is a formula with no saved value ({formula}): open and save the file"
        " in Excel or LibreOffice so that its value is stored",
    },
    # -- why a file cannot be opened: the system's reasons, worded
    "reason_not_found": {"id": "berkas tidak ditemukan", "en": "file not found"},
    "reason_is_directory": {"id": "ini sebuah folder, bukan berkas", "en": "it is a directory"},
    "reason_permission": {"id": "izin ditolak", "en": "permission denied"},
    "reason_name_too_long": {"id": "namanya terlalu panjang", "en": "the name is too long"},
    "reason_not_directory": {
        "id": "salah satu bagian jalurnya bukan folder",
        "en": "a part of the path is not a directory",
    },
    "reason_no_space": {"id": "ruang disk sudah penuh", "en": "no space left on the disk"},
    "reason_read_only": {"id": "disknya hanya dapat dibaca", "en": "the disk is read-only"},
    "reason_exists": {"id": "berkas itu sudah ada", "en": "the file already exists"},
    "reason_system": {"id": "sistem melaporkan '{reason}'", "en": "the system reports '{reason}'"},
    "workbook_unreadable": {
        "id": "buku kerja tidak dapat dibaca: {reason}",
        "en": "cannot read workbook: {reason}",
    },
    # -- a damaged zip, and why it is damaged
    "zip_damaged": {
        "id": "buku kerja tidak dapat dibaca: berkasnya rusak ({where}{reason}); simpan lagi",
        "en": "cannot read workbook: the file is damaged ({where}{reason}); save it again",
    },
    "zip_incomplete": {
        "id": "buku kerja tidak dapat dibaca: berkasnya tidak lengkap (akhir zip-nya hilang:"
        " unduhan atau salinan yang terpotong?); salin lagi dari aslinya",
        "en": "cannot read workbook: it is incomplete (the end of its zip is missing: a"
        " truncated download or copy?); copy it again from the original",
    },
    "zip_twice": {
        "id": "buku kerja tidak dapat dibaca: zip-nya memuat dua bagian bernama {names};"
        " simpan lagi",
        "en": "cannot read workbook: the zip holds two parts named {names}; save it again",
    },
    "joined_and": {"id": " dan ", "en": " and "},
    "zip_dtd": {
        "id": "buku kerja tidak dapat dibaca: {name} menyatakan DTD (<!DOCTYPE>), yang tidak"
        " pernah ditulis program spreadsheet; berkas ditolak agar tidak ada entitas di"
        " dalamnya yang dijabarkan",
        "en": "cannot read workbook: {name} declares a DTD (<!DOCTYPE>), which spreadsheet"
        " programs never write; the file is refused so that no entity in it is expanded",
    },
    "zip_part_empty": {
        "id": "buku kerja tidak dapat dibaca: {name} tidak memuat satu pun elemen XML",
        "en": "cannot read workbook: {name} holds no XML element",
    },
    "damage_crc": {
        "id": "bagian {name} gagal uji checksum (CRC)",
        "en": "the part {name} fails its checksum (CRC)",
    },
    "damage_packed": {
        "id": "data terkemasnya tidak dapat dibuka",
        "en": "its packed data cannot be unpacked",
    },
    "damage_header": {
        "id": "header salah satu bagiannya rusak",
        "en": "the header of one of its parts is broken",
    },
    "damage_cut_short": {"id": "{name} terpotong", "en": "{name} is cut short"},
    "damage_no_header": {
        "id": "{name} tidak memiliki header lokal",
        "en": "no local header for {name}",
    },
    "damage_past_size": {
        "id": "{name} terbuka melebihi ukurannya",
        "en": "{name} unpacks past its size",
    },
    "damage_other_size": {
        "id": "{name} terbuka menjadi ukuran lain dari yang dinyatakannya",
        "en": "{name} unpacks to another size than it says",
    },
    "damage_row_long": {
        "id": "salah satu barisnya lebih dari {mb} MB",
        "en": "a row of it is over {mb} MB long",
    },
    "damage_row_endless": {
        "id": "salah satu barisnya tidak berujung",
        "en": "a row of it has no end",
    },
    "damage_no_markup": {
        "id": "isinya lebih dari {mb} MB tanpa tag XML",
        "en": "it holds over {mb} MB without markup",
    },
    "damage_reference": {
        "id": "rujukan sel {reference!r} tidak sah",
        "en": "the cell reference {reference!r} is not valid",
    },
    # -- what calamine says of a file it cannot open
    "workbook_encrypted_or_xls": {
        "id": "buku kerja tidak dapat dibaca: dilindungi kata sandi (atau berkas .xls lama yang"
        " diganti namanya); simpan salinan .xlsx tanpa kata sandi",
        "en": "cannot read workbook: it is password-protected (or an old .xls renamed);"
        " save an unprotected .xlsx copy",
    },
    "workbook_damaged_xml": {
        "id": "buku kerja tidak dapat dibaca: berkasnya rusak ({reason})",
        "en": "cannot read workbook: the file is damaged ({reason})",
    },
    "workbook_not_readable": {
        "id": "buku kerja tidak dapat dibaca: bukan buku kerja Excel atau OpenDocument, atau"
        " rusak ({reason})",
        "en": "cannot read workbook: not an Excel or OpenDocument workbook, or damaged ({reason})",
    },
    # -- limits
    "limit_over": {
        "id": "{what} mencapai {measure}, melebihi batas {limit}; jika buku kerja ini asli,"
        " naikkan batasnya dengan --limit {name}=NILAI",
        "en": "{what} is {measure}, above the limit of {limit}; if the workbook is genuine,"
        " raise the limit with --limit {name}=VALUE",
    },
    "limit_over_at_least": {
        "id": "{what} mencapai sedikitnya {measure}, melebihi batas {limit}; jika buku kerja"
        " ini asli, naikkan batasnya dengan --limit {name}=NILAI",
        "en": "{what} is at least {measure}, above the limit of {limit}; if the workbook is"
        " genuine, raise the limit with --limit {name}=VALUE",
    },
    "limit_rows": {"id": "{count} baris", "en": "{count} rows"},
    "limit_cells": {"id": "{count} sel", "en": "{count} cells"},
    "limit_characters": {"id": "{count} karakter", "en": "{count} characters"},
    "limit_times": {"id": "{count} kali", "en": "{count} times"},
    "limit_what_text": {"id": "panjang teksnya", "en": "the text"},
    "limit_what_file": {"id": "ukuran berkasnya", "en": "the file's size"},
    "limit_what_unpacked": {
        "id": "ukuran bagian-bagian buku kerja setelah dibuka",
        "en": "the unpacked size of the workbook's parts",
    },
    "limit_what_ratio": {
        "id": "rasio kompresi {name} (bom zip?)",
        "en": "the compression ratio of {name} (a zip bomb?)",
    },
    "limit_what_area": {"id": "area terisi sheet ini", "en": "the sheet's filled area"},
    "limit_what_area_size": {
        "id": "area terisi sheet ini ({rows} baris kali {columns} kolom)",
        "en": "the sheet's filled area ({rows} rows by {columns} columns)",
    },
    "limit_what_area_size_at_least": {
        "id": "area terisi sheet ini (sedikitnya {rows} baris kali {columns} kolom)",
        "en": "the sheet's filled area (at least {rows} rows by {columns} columns)",
    },
    "limit_setting_form": {
        "id": "diharapkan NAMA=NILAI dengan NAMA salah satu dari {names}, tertulis {text!r}",
        "en": "expected NAME=VALUE with NAME one of {names}, got {text!r}",
    },
    "limit_setting_size": {
        "id": "{name} harus berupa ukuran seperti 500MB atau 2GB, tertulis {value!r}",
        "en": "{name} must be 500MB or 2GB, got {value!r}",
    },
    "limit_setting_count": {
        "id": "{name} harus bilangan bulat seperti 600000, tertulis {value!r}",
        "en": "{name} must be a whole number such as 600000, got {value!r}",
    },
    # -- text and JSON files (a result document, a baseline)
    "text_not_found": {
        "id": "tidak dapat dibaca: berkas tidak ditemukan",
        "en": "cannot read: No such file or directory",
    },
    "text_unreadable": {"id": "tidak dapat dibaca: {reason}", "en": "cannot read: {reason}"},
    "text_not_utf8": {
        "id": "bukan teks UTF-8 (bita ke-{byte})",
        "en": "not UTF-8 text (byte {byte})",
    },
    "json_invalid": {"id": "bukan JSON yang sah: {reason}", "en": "not valid JSON: {reason}"},
    "json_invalid_said": {
        "id": "bukan JSON yang sah (pembacanya melaporkan '{reason}')",
        "en": "not valid JSON: {reason}",
    },
    "json_nested": {
        "id": "bukan JSON yang sah: bersarang terlalu dalam",
        "en": "not valid JSON: nested too deeply",
    },
    "json_expecting_value": {"id": "nilai diharapkan", "en": "Expecting value"},
    "json_expecting_comma": {"id": "tanda ',' diharapkan", "en": "Expecting ',' delimiter"},
    "json_expecting_colon": {"id": "tanda ':' diharapkan", "en": "Expecting ':' delimiter"},
    "json_expecting_name": {
        "id": "nama properti dalam tanda kutip ganda diharapkan",
        "en": "Expecting property name enclosed in double quotes",
    },
    "json_unterminated": {
        "id": "teks tanpa tanda kutip penutup mulai di sini",
        "en": "Unterminated string starting at",
    },
    "json_extra_data": {"id": "ada data lebih setelah akhirnya", "en": "Extra data"},
    "json_control_character": {
        "id": "karakter kendali yang tidak sah di sini",
        "en": "Invalid control character at",
    },
    "json_escape": {"id": "urutan escape yang tidak sah", "en": "Invalid \\escape"},
    "json_not_a_score": {"id": "{name} bukan skor", "en": "{name} is not a score"},
    "json_out_of_range": {"id": "{literal} di luar jangkauan", "en": "{literal} is out of range"},
    "json_long_integer": {
        "id": "ada bilangan bulat yang lebih dari 4300 digit",
        "en": "an integer has more than 4300 digits",
    },
}
