"""Problems in an indicator set: its file, its YAML, its schema, its groups, scales and rules.

A few entries come in families built below from one phrase, so the phrase is written
once: ``…_like`` adds "did you mean 'x'?" to an unknown name, ``…_base`` puts "base set
'x':" before a problem met while reading the set an ``extends`` names, and the type
problems are made from the names of the JSON and workbook column types.
"""

from __future__ import annotations

from smartserang.catalogue import Texts

LIKE = {"id": " (maksudnya {like!r}?)", "en": " (did you mean {like!r}?)"}
"""The suggestion of the closest known name, put into each ``…_like`` entry."""


def _suggesting(key: str, id: tuple[str, str], en: tuple[str, str]) -> Texts:
    """``key`` and ``key_like``: each language's text is (before, after) the suggestion."""
    texts = {"id": id, "en": en}
    return {
        key: {lang: before + after for lang, (before, after) in texts.items()},
        f"{key}_like": {
            lang: before + LIKE[lang] + after for lang, (before, after) in texts.items()
        },
    }


TEXTS: Texts = {
    # The file: finding and reading it.
    **_suggesting(
        "set_unknown",
        id=(
            "tidak ada set indikator bawaan bernama {name!r}",
            "; set bawaan: {known} (atau berikan path ke berkas .yaml)",
        ),
        en=(
            "no shipped indicator set {name!r}",
            "; shipped sets: {known} (or give a path to a .yaml file)",
        ),
    ),
    "set_file_directory": {
        "id": "tidak dapat membaca set indikator: path itu sebuah folder",
        "en": "cannot read indicator set: it is a directory",
    },
    "set_file_special": {
        "id": "tidak dapat membaca set indikator: bukan berkas biasa (perangkat, pipe atau socket)",
        "en": "cannot read indicator set: it is not a regular file (a device, pipe or socket)",
    },
    "set_file_os": {
        "id": "tidak dapat membaca set indikator: {reason}",
        "en": "cannot read indicator set: {reason}",
    },
    "set_file_large": {
        "id": "berkas lebih besar dari {mb} MB; set indikator adalah berkas teks kecil",
        "en": "the file is larger than {mb} MB; an indicator set is a small text file",
    },
    # The YAML itself.
    "set_yaml": {
        "id": "YAML tidak sah (pembacanya melaporkan '{reason}')",
        "en": "invalid YAML: {reason}",
    },
    "set_yaml_character": {
        "id": "YAML tidak sah (pembacanya melaporkan '{reason}', karakter {character})",
        "en": "invalid YAML: {reason} (character {character})",
    },
    "set_empty_file": {"id": "berkas kosong", "en": "the file is empty"},
    "set_too_many_values": {
        "id": "lebih dari {limit} nilai YAML; set indikator jauh lebih kecil",
        "en": "more than {limit} YAML values; an indicator set is far smaller",
    },
    "set_too_many_expanded": {
        "id": "lebih dari {limit} nilai YAML setelah alias diuraikan; tidak dimuat",
        "en": "more than {limit} YAML values once aliases are expanded; refusing to load",
    },
    "set_many": {
        "id": "berhenti setelah {limit} masalah; perbaiki dulu lalu jalankan lagi",
        "en": "stopped after {limit} problems; fix these and run again",
    },
    "set_tag": {
        "id": "tag {tag!r} tidak diizinkan dalam set indikator",
        "en": "tag {tag!r} is not allowed in an indicator set",
    },
    "set_depth": {
        "id": "bersarang lebih dari {limit} tingkat; tidak dimuat",
        "en": "nested more than {limit} levels deep; refusing to load",
    },
    "set_control": {
        "id": "karakter kendali {character} dalam teks",
        "en": "control character {character} in text",
    },
    # The schema: keys, types and values.
    "set_key_type": {"id": "kunci harus berupa teks biasa", "en": "keys must be plain strings"},
    "set_duplicate_key": {"id": "kunci {name!r} ganda", "en": "duplicate key {name!r}"},
    "set_unknown_key": {"id": "kunci {name!r} tidak dikenal", "en": "unknown key {name!r}"},
    "set_unknown_key_like": {
        "id": "kunci {name!r} tidak dikenal" + LIKE["id"],
        "en": "unknown key {name!r}" + LIKE["en"],
    },
    "set_unknown_key_expected": {
        "id": "kunci {name!r} tidak dikenal; yang diharapkan salah satu dari: {known}",
        "en": "unknown key {name!r}; expected one of: {known}",
    },
    "set_missing_key": {
        "id": "kunci wajib {name!r} tidak ada",
        "en": "missing required key {name!r}",
    },
    "set_enum": {
        "id": "harus salah satu dari: {choices} (tertulis {got})",
        "en": "must be one of: {choices} (got {got})",
    },
    "set_min_items": {
        "id": "memerlukan sedikitnya {n} butir",
        "en": "needs at least {n} item(s)",
    },
    "set_not_finite": {"id": "harus berupa angka terhingga", "en": "must be a finite number"},
    "set_too_large": {
        "id": "{value} terlalu besar (paling banyak {limit}, positif maupun negatif)",
        "en": "{value} is too large (at most {limit} either way)",
    },
    "set_not_whole": {
        "id": "harus bilangan bulat, bukan {value!r}",
        "en": "must be a whole number, got {value!r}",
    },
    "set_minimum": {
        "id": "harus ≥ {limit} (tertulis {value})",
        "en": "must be ≥ {limit} (got {value})",
    },
    "set_exclusive_minimum": {
        "id": "harus > {limit} (tertulis {value})",
        "en": "must be > {limit} (got {value})",
    },
    "set_maximum": {
        "id": "harus ≤ {limit} (tertulis {value})",
        "en": "must be ≤ {limit} (got {value})",
    },
    "set_empty_text": {"id": "tidak boleh kosong", "en": "must not be empty"},
    "set_pattern": {
        "id": "{value!r} tidak sesuai pola {pattern}",
        "en": "{value!r} does not match {pattern}",
    },
    "set_level_number": {
        "id": "tingkat {value!r} harus bilangan bulat dari 0 sampai {limit}",
        "en": "level {value!r} must be a whole number from 0 to {limit}",
    },
    # Where the set extends another.
    "set_extends_cycle": {
        "id": "'extends' membentuk lingkaran: {names}",
        "en": "'extends' makes a cycle: {names}",
    },
    "set_extends_deep": {
        "id": "'extends' lebih dari {limit} set bertingkat; sesuaikan set dasarnya langsung",
        "en": "'extends' goes more than {limit} sets deep; tailor the base directly",
    },
    # The tree: scales, bands, ids, groups and weights.
    "set_scale_empty": {
        "id": "skala {scale!r} tidak memiliki tingkat",
        "en": "scale {scale!r} has no levels",
    },
    "set_scale_gaps": {
        "id": "tingkat skala harus berupa angka berurutan",
        "en": "scale levels must be consecutive numbers",
    },
    "set_band_min_missing": {
        "id": "hanya predikat terakhir (terendah) yang boleh tanpa 'min'",
        "en": "only the last (lowest) band may omit 'min'",
    },
    "set_band_min_last": {
        "id": "predikat terakhir harus tanpa 'min' (predikat itu mengambil setiap nilai di"
        " bawahnya)",
        "en": "the last band must omit 'min' (it takes every lower score)",
    },
    "set_band_order": {
        "id": "predikat harus diurutkan dari 'min' tertinggi ke bawah",
        "en": "bands must be listed from the highest 'min' down",
    },
    "set_duplicate_id": {
        "id": "id {id!r} ganda (pertama dipakai pada baris {line})",
        "en": "duplicate id {id!r} (first used on line {line})",
    },
    **_suggesting(
        "set_unknown_scale",
        id=("skala {name!r} tidak dikenal", ""),
        en=("unknown scale {name!r}", ""),
    ),
    "set_group_empty": {
        "id": "kelompok {id!r} tidak memiliki kelompok maupun indikator",
        "en": "group {id!r} has no groups and no indicators",
    },
    "set_indicator_no_scale": {
        "id": "indikator {id!r} tidak memiliki skala (isi 'scale:' pada indikator itu atau"
        " pada kelompok induknya)",
        "en": "indicator {id!r} has no scale (set 'scale:' on it or a parent group)",
    },
    "set_criteria_level": {
        "id": "tingkat {level} berada di luar skala {scale!r} ({low}–{high})",
        "en": "level {level} is outside scale {scale!r} ({low}–{high})",
    },
    "set_weights_zero": {
        "id": "semua bobot di dalam kelompok {id!r} nol",
        "en": "weights inside group {id!r} are all zero",
    },
    "set_weights_top": {
        "id": "jumlah bobot kelompok teratas {found}, bukan total_weight yang dinyatakan {total}",
        "en": "top-level group weights add up to {found}, not the declared total_weight {total}",
    },
    "set_weights_group": {
        "id": "jumlah bobot di dalam kelompok {id!r} {found}, bukan bobot kelompok {id!r}"
        " {expected}",
        "en": "weights inside group {id!r} add up to {found}, not group {id!r}'s weight {expected}",
    },
    "set_weights_group_total": {
        "id": "jumlah bobot di dalam kelompok {id!r} {found}, bukan total_weight {expected}",
        "en": "weights inside group {id!r} add up to {found}, not total_weight {expected}",
    },
    # Evidence rules: ladders, measures, thresholds and steps.
    **_suggesting(
        "set_unknown_ladder",
        id=("ladder {name!r} tidak dikenal", ""),
        en=("unknown ladder {name!r}", ""),
    ),
    "set_rule_sheet": {
        "id": "aturan bukti memerlukan 'sheet' (langsung atau dari ladder-nya)",
        "en": "evidence rule needs 'sheet' (directly or from its ladder)",
    },
    "set_rule_kind": {
        "id": "aturan bukti memerlukan tepat satu dari 'steps' dan 'measure'",
        "en": "evidence rule needs exactly one of 'steps' and 'measure'",
    },
    "set_measure_name": {
        "id": "ukuran (measure) memerlukan 'name' yang menyebut apa yang dihitungnya",
        "en": "a measure needs a 'name' saying what it counts",
    },
    "set_measure_scoring": {
        "id": "ukuran (measure) memerlukan tepat satu dari 'thresholds' dan 'benchmark'",
        "en": "a measure needs exactly one of 'thresholds' and 'benchmark'",
    },
    "set_measure_ladder_key": {
        "id": "{name!r} milik ladder, bukan ukuran (measure)",
        "en": "{name!r} belongs to ladders, not measures",
    },
    "set_threshold_order": {
        "id": "ambang untuk tingkat {level} lebih rendah dari ambang tingkat di bawahnya",
        "en": "threshold for level {level} is below the one for a lower level",
    },
    "set_threshold_level": {
        "id": "tingkat ambang {level} harus di atas minimum skala {low} dan paling tinggi {high}",
        "en": "threshold level {level} must be above the scale minimum {low} and at most {high}",
    },
    "set_step_level": {
        "id": "tingkat langkah {level} harus di atas minimum skala {low} dan paling tinggi {high}",
        "en": "step level {level} must be above the scale minimum {low} and at most {high}",
    },
    "set_benchmark_scale": {
        "id": "benchmark memberi nilai 1–4: skala indikatornya harus 1–4",
        "en": "a benchmark scores 1–4 points: the indicator's scale must run 1–4",
    },
    "set_measure_one": {
        "id": "ukuran (measure) berisi tepat satu dari: {kinds}",
        "en": "a measure takes exactly one of: {kinds}",
    },
    "set_measure_number": {
        "id": "{kind!r} memerlukan kolom angka",
        "en": "{kind!r} needs a number column",
    },
    "set_measure_ordinal": {
        "id": "{kind!r} memerlukan kolom angka atau kolom berurutan",
        "en": "{kind!r} needs a number or ordinal column",
    },
    "set_step_order": {
        "id": "tingkat langkah harus naik tanpa pengulangan",
        "en": "step levels must ascend without repeats",
    },
    "set_step_units": {
        "id": "'units' memerlukan 'units_column' pada aturannya",
        "en": "'units' needs 'units_column' on the rule",
    },
    # What a rule names in the workbook: sheets, columns, conditions and values.
    **_suggesting(
        "set_unknown_sheet",
        id=("sheet {name!r} tidak dikenal", ""),
        en=("unknown sheet {name!r}", ""),
    ),
    **_suggesting(
        "set_unknown_column",
        id=("sheet {sheet!r} tidak memiliki kolom {name!r}", ""),
        en=("sheet {sheet!r} has no column {name!r}", ""),
    ),
    "set_condition_one": {
        "id": "kondisi berisi tepat satu dari: {operators} (ditemukan {found})",
        "en": "a condition takes exactly one of: {operators} (found {found})",
    },
    "set_any_of_column": {
        "id": "'any_of' tidak menerima 'column'",
        "en": "'any_of' takes no 'column'",
    },
    "set_condition_column": {
        "id": "kondisi {op!r} memerlukan 'column'",
        "en": "condition {op!r} needs a 'column'",
    },
    "set_value_unordered": {
        "id": "{column!r} tidak berurutan; gunakan 'equals' atau 'in'",
        "en": "{column!r} is not ordered; use 'equals' or 'in'",
    },
    **_suggesting(
        "set_unknown_value",
        id=("{value!r} bukan nilai {column!r}", "; yang diterima: {known}"),
        en=("{value!r} is not a value of {column!r}", "; accepted: {known}"),
    ),
    "set_value_number": {
        "id": "{column!r} berisi angka; {value!r} bukan angka",
        "en": "{column!r} holds numbers; {value!r} is not one",
    },
    # Tailoring: a set that extends another.
    "set_tailoring_key": {
        "id": "{name!r} tidak dapat diisi oleh tailoring; ubah set dasar melalui 'tailoring:'"
        " (weights, thresholds, not_applicable, add)",
        "en": "{name!r} cannot be set by a tailoring; change the base through 'tailoring:'"
        " (weights, thresholds, not_applicable, add)",
    },
    **_suggesting(
        "set_tailoring_unknown_node",
        id=("kelompok atau indikator {id!r} tidak ada di set dasar {base!r}", ""),
        en=("group or indicator {id!r} is not in base set {base!r}", ""),
    ),
    **_suggesting(
        "set_tailoring_unknown_indicator",
        id=("indikator {id!r} tidak ada di set dasar {base!r}", ""),
        en=("indicator {id!r} is not in base set {base!r}", ""),
    ),
    **_suggesting(
        "set_tailoring_unknown_group",
        id=("kelompok {id!r} tidak ada di set dasar {base!r}", ""),
        en=("group {id!r} is not in base set {base!r}", ""),
    ),
    "set_tailoring_no_measure": {
        "id": "indikator {id!r} tidak memiliki ukuran (measure) untuk diberi ambang",
        "en": "indicator {id!r} has no measure to set thresholds on",
    },
    "set_tailoring_duplicate": {
        "id": "id {id!r} sudah ada di set dasar {base!r}",
        "en": "id {id!r} already exists in base set {base!r}",
    },
}

BASE = {"id": "set dasar {base!r}: ", "en": "base set {base!r}: "}
"""Put before a problem met reading the set an ``extends`` names (``…_base`` entries)."""

BASE_PROBLEMS = (
    "set_file_directory",
    "set_file_special",
    "set_file_os",
    "set_file_large",
)
"""The problems of reading a set file, each of which can befall a base set."""

TEXTS.update(
    {
        f"{key}_base": {lang: BASE[lang] + text for lang, text in TEXTS[key].items()}
        for key in BASE_PROBLEMS
    }
)

JSON_TYPES: Texts = {
    "string": {"id": "teks", "en": "a string"},
    "number": {"id": "angka", "en": "a number"},
    "integer": {"id": "bilangan bulat", "en": "an integer"},
    "boolean": {"id": "nilai true/false", "en": "a boolean"},
    "object": {"id": "pemetaan (kunci: nilai)", "en": "an object"},
    "array": {"id": "daftar", "en": "an array"},
    "null": {"id": "nilai kosong (null)", "en": "a null"},
    "string_number": {"id": "teks atau angka", "en": "a string or number"},
    "string_number_boolean": {
        "id": "teks, angka atau nilai true/false",
        "en": "a string or number or boolean",
    },
}
"""A value's JSON type as a schema problem names it: each single type, and the unions
the schema allows (``string_number`` is ``["string", "number"]``)."""

_SINGLE_TYPES = ("string", "number", "integer", "boolean", "object", "array", "null")

TEXTS.update(
    {
        f"set_type_{expected}_{actual}": {
            "id": f"harus berupa {JSON_TYPES[expected]['id']}, bukan {JSON_TYPES[actual]['id']}",
            "en": f"must be {JSON_TYPES[expected]['en']}, got {JSON_TYPES[actual]['en']}",
        }
        for expected in JSON_TYPES
        for actual in _SINGLE_TYPES
    }
)

COLUMN_TYPES: Texts = {
    "text": {"id": "berisi teks", "en": "text"},
    "integer": {"id": "berisi bilangan bulat", "en": "integer"},
    "number": {"id": "berisi angka", "en": "number"},
    "level": {"id": "berisi tingkat", "en": "level"},
    "boolean": {"id": "berisi ya/tidak", "en": "boolean"},
    "date": {"id": "berisi tanggal", "en": "date"},
    "list": {"id": "berisi daftar teks", "en": "list"},
    "vocab": {"id": "berisi istilah kosakata", "en": "vocab"},
    "vocab_list": {"id": "berisi daftar istilah kosakata", "en": "vocab_list"},
}
"""A workbook column's type (``ColumnType``) as an operand problem names it."""

OPERAND_NEEDS: Texts = {
    "boolean": {"id": "kolom ya/tidak", "en": "a yes/no column"},
    "date": {"id": "kolom tanggal", "en": "a date column"},
}
"""The column an operator needs: ``is`` a yes/no column, ``within_days`` a date column."""

TEXTS.update(
    {
        f"set_operand_{needs}_{kind}": {
            "id": f"{{op!r}} memerlukan {OPERAND_NEEDS[needs]['id']}; {{column!r}}"
            f" {COLUMN_TYPES[kind]['id']}",
            "en": f"{{op!r}} needs {OPERAND_NEEDS[needs]['en']}; {{column!r}} is"
            f" {COLUMN_TYPES[kind]['en']}",
        }
        for needs in OPERAND_NEEDS
        for kind in COLUMN_TYPES
    }
)

YAML_REASONS: Texts = {
    "token": {
        "en": "found character that cannot start any token",
        "id": "ada karakter yang tidak boleh mengawali nilai (misalnya tab, @ atau `)",
    },
    "mapping_here": {
        "en": "mapping values are not allowed in this context",
        "id": "tanda ': ' tidak boleh ada di sini (beri tanda kutip pada teks yang memuatnya)",
    },
    "colon": {"en": "could not find expected ':'", "id": "tanda ':' yang diharapkan tidak ada"},
    "key": {
        "en": "did not find expected key",
        "id": "kunci yang diharapkan tidak ada (periksa indentasi)",
    },
    "content": {
        "en": "did not find expected node content",
        "id": "nilai yang diharapkan tidak ada",
    },
    "dash": {
        "en": "did not find expected '-' indicator",
        "id": "tanda '-' yang diharapkan tidak ada (periksa indentasi)",
    },
    "bracket": {
        "en": "did not find expected ',' or ']'",
        "id": "tanda ',' atau ']' yang diharapkan tidak ada",
    },
    "brace": {
        "en": "did not find expected ',' or '}'",
        "id": "tanda ',' atau '}' yang diharapkan tidak ada",
    },
    "line_break": {
        "en": "did not find expected comment or line break",
        "id": "komentar atau akhir baris yang diharapkan tidak ada",
    },
    "document_start": {
        "en": "did not find expected <document start>",
        "id": "awal dokumen yang diharapkan tidak ada",
    },
    "sequence_here": {
        "en": "block sequence entries are not allowed in this context",
        "id": "butir daftar ('- ') tidak boleh ada di sini (periksa indentasi)",
    },
    "end": {
        "en": "found unexpected end of stream",
        "id": "berkas berakhir sebelum waktunya (tanda kutip atau kurung belum ditutup?)",
    },
    "tab": {
        "en": "found a tab character that violates indentation",
        "id": "karakter tab merusak indentasi; gunakan spasi",
    },
    "tab_indent": {
        "en": "found a tab character where an indentation space is expected",
        "id": "ada karakter tab di tempat spasi indentasi; gunakan spasi",
    },
    "escape": {
        "en": "found unknown escape character",
        "id": "karakter escape (\\) tidak dikenal dalam teks berkutip",
    },
    "alias": {"en": "found undefined alias", "id": "alias yang dirujuk belum didefinisikan"},
    "anchor": {"en": "second occurrence", "id": "anchor yang sama muncul untuk kedua kalinya"},
    "documents": {
        "en": "but found another document",
        "id": "berkas berisi lebih dari satu dokumen YAML",
    },
    "depth": {
        "en": "exceeded maximum nesting depth",
        "id": "melampaui kedalaman bersarang terbesar",
    },
    "control": {
        "en": "control characters are not allowed",
        "id": "karakter kendali tidak diizinkan",
    },
    "utf8_lead": {
        "en": "invalid leading UTF-8 octet",
        "id": "bukan teks UTF-8 yang sah (bait awal salah)",
    },
    "utf8_trail": {
        "en": "invalid trailing UTF-8 octet",
        "id": "bukan teks UTF-8 yang sah (bait lanjutan salah)",
    },
    "utf8_incomplete": {
        "en": "incomplete UTF-8 octet sequence",
        "id": "bukan teks UTF-8 yang sah (urutan bait terpotong)",
    },
    "utf8_length": {
        "en": "invalid length of a UTF-8 sequence",
        "id": "bukan teks UTF-8 yang sah (panjang urutan bait salah)",
    },
    "unicode": {"en": "invalid Unicode character", "id": "karakter Unicode tidak sah"},
}
"""The reasons the YAML library (libyaml) gives, as it words them in English and in
Indonesian, by a short name; a reason not listed is shown as the library gives it."""


def _literal(text: str) -> str:
    """``text`` as a template that fills in to itself (its braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


TEXTS.update(
    {
        f"set_yaml_{name}{tail}": {
            "id": f"YAML tidak sah: {_literal(reason['id'])}{tail_text['id']}",
            "en": f"invalid YAML: {_literal(reason['en'])}{tail_text['en']}",
        }
        for name, reason in YAML_REASONS.items()
        for tail, tail_text in (
            ("", {"id": "", "en": ""}),
            ("_character", {"id": " (karakter {character})", "en": " (character {character})"}),
        )
    }
)

_REASON_NAMES = {reason["en"]: name for name, reason in YAML_REASONS.items()}


def yaml_reason_key(reason: str, *, character: bool = False) -> str | None:
    """The entry wording the YAML library's ``reason`` (with the offending character when
    ``character``), or None when the catalogue does not know the reason."""
    name = _REASON_NAMES.get(reason)
    if name is None:
        return None
    return f"set_yaml_{name}_character" if character else f"set_yaml_{name}"


TEXTS.update(
    {
        # ------------------------------------------------------------ --set, --target
        "set_given_twice": {
            "id": "set {id!r} diberikan dua kali",
            "en": "set {id!r} is given twice",
        },
        "target_outside_scale": {
            "id": "--target {target} di luar skala set {id!r} ({low}–{high})",
            "en": "--target {target} is outside the scale of set {id!r} ({low}–{high})",
        },
    }
)
