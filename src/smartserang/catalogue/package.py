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
}
