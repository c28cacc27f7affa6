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
}
