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
}
