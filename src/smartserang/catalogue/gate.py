"""``check`` and ``baseline``: thresholds, verdicts, the step summary, baselines.

A number written after an option (``--min-index 3.00``) stays as it is typed on the
command line; every other number comes filled in the reader's notation.
"""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    "usage_completeness": {
        "id": "harus berupa bagian dari 0 sampai 1 (0,6 untuk 60%), bukan {value}",
        "en": "must be a share from 0 to 1 (0.6 for 60%), got {value}",
    },
    "usage_min_format": {
        "id": "--min harus berbentuk KELOMPOK=ANGKA (mis. D3=1.5), bukan {value!r}",
        "en": "--min must be GROUP=NUMBER (e.g. D3=1.5), got {value!r}",
    },
    "usage_min_unknown": {
        "id": "kelompok {group!r} tidak dikenal (id yang dikenal: {known})",
        "en": "unknown group {group!r} (known ids: {known})",
    },
    # One check, in one line.
    "check_warning_score": {
        "id": "{warning} (peringatan yang dapat mengubah nilai)",
        "en": "{warning} (a warning that can change the score)",
    },
    "check_warning_strict": {
        "id": "{warning} (karena --strict)",
        "en": "{warning} (--strict)",
    },
    "check_completeness_passed": {
        "id": "kelengkapan {now} ≥ --min-completeness {limit} ({share})",
        "en": "completeness {now} ≥ --min-completeness {limit} ({share})",
    },
    "check_completeness_failed": {
        "id": "kelengkapan {now} < --min-completeness {limit} ({share})",
        "en": "completeness {now} < --min-completeness {limit} ({share})",
    },
    "check_unsupported_one_passed": {
        "id": "{n} klaim tidak didukung ≤ --max-unsupported {limit}",
        "en": "{n} unsupported claim ≤ --max-unsupported {limit}",
    },
    "check_unsupported_one_failed": {
        "id": "{n} klaim tidak didukung > --max-unsupported {limit}",
        "en": "{n} unsupported claim > --max-unsupported {limit}",
    },
    "check_unsupported_many_passed": {
        "id": "{n} klaim tidak didukung ≤ --max-unsupported {limit}",
        "en": "{n} unsupported claims ≤ --max-unsupported {limit}",
    },
    "check_unsupported_many_failed": {
        "id": "{n} klaim tidak didukung > --max-unsupported {limit}",
        "en": "{n} unsupported claims > --max-unsupported {limit}",
    },
    "check_min_index_passed": {
        "id": "indeks {score} ≥ --min-index {limit}",
        "en": "index {score} ≥ --min-index {limit}",
    },
    "check_min_index_failed": {
        "id": "indeks {score} < --min-index {limit}",
        "en": "index {score} < --min-index {limit}",
    },
    "check_min_group_passed": {
        "id": "kelompok {group} {score} ≥ --min {group}={limit}",
        "en": "{group} {score} ≥ --min {group}={limit}",
    },
    "check_min_group_failed": {
        "id": "kelompok {group} {score} < --min {group}={limit}",
        "en": "{group} {score} < --min {group}={limit}",
    },
    "check_fell_index": {
        "id": "indeks {score} turun {drop} dari baseline {base} (toleransi {tolerance})",
        "en": "index {score} fell by {drop} from baseline {base} (tolerance {tolerance})",
    },
    "check_fell_group": {
        "id": "kelompok {group} {score} turun {drop} dari baseline {base} (toleransi {tolerance})",
        "en": "{group} {score} fell by {drop} from baseline {base} (tolerance {tolerance})",
    },
    "check_baseline_index": {
        "id": "indeks {score}, baseline {base} ({change})",
        "en": "index {score}, baseline {base} ({change})",
    },
    "check_baseline_group": {
        "id": "kelompok {group} {score}, baseline {base} ({change})",
        "en": "{group} {score}, baseline {base} ({change})",
    },
    # The closing line for a workbook.
    "check_verdict_unreadable": {
        "id": "smartserang: GALAT {path}: tidak diperiksa (masukan bermasalah, lihat di atas)",
        "en": "smartserang: ERROR {path}: not checked (bad input above)",
    },
    "check_verdict_failed": {
        "id": "smartserang: GAGAL {path}: {failed} dari {total} pemeriksaan gagal",
        "en": "smartserang: FAILED {path}: {failed} of {total} checks failed",
    },
    "check_verdict_ok": {
        "id": "smartserang: LULUS {path}: {indices} ({basis}); {checked}{note}",
        "en": "smartserang: OK {path}: {indices} ({basis}); {checked}{note}",
    },
    "check_verdict_index": {
        "id": "indeks {set} {score}",
        "en": "{set} index {score}",
    },
    "check_basis_verified": {"id": "terverifikasi", "en": "verified"},
    "check_basis_claimed": {"id": "klaim", "en": "claimed"},
    "check_passed_one": {"id": "{n} pemeriksaan lulus", "en": "{n} check passed"},
    "check_passed_many": {"id": "{n} pemeriksaan lulus", "en": "{n} checks passed"},
    "check_no_thresholds": {
        "id": "dinilai, tanpa ambang yang diminta",
        "en": "scored, no thresholds given",
    },
    "check_verdict_warnings_one": {
        "id": "; {n} peringatan workbook",
        "en": "; {n} workbook warning",
    },
    "check_verdict_warnings_many": {
        "id": "; {n} peringatan workbook",
        "en": "; {n} workbook warnings",
    },
    # The Markdown step summary.
    "check_summary_heading": {
        "id": "Pemeriksaan smartserang: {path}",
        "en": "smartserang check: {path}",
    },
    "check_summary_error": {"id": "Galat", "en": "Error"},
    "check_summary_unread": {
        "id": "workbook tidak dapat dibaca; lihat log job.",
        "en": "the workbook could not be read; see the job log.",
    },
    "check_summary_failed": {"id": "Gagal", "en": "Failed"},
    "check_summary_passed": {"id": "Lulus", "en": "Passed"},
    "check_summary_failed_one": {
        "id": "{failed} dari {total} pemeriksaan gagal",
        "en": "{failed} of {total} check failed",
    },
    "check_summary_failed_many": {
        "id": "{failed} dari {total} pemeriksaan gagal",
        "en": "{failed} of {total} checks failed",
    },
    "check_count_one": {"id": "{n} pemeriksaan", "en": "{n} check"},
    "check_count_many": {"id": "{n} pemeriksaan", "en": "{n} checks"},
    "check_summary_basis": {
        "id": "(dasar nilai {basis}, toleransi {tolerance})",
        "en": "(basis {basis}, tolerance {tolerance})",
    },
    "check_column_set": {"id": "Set indikator", "en": "Set"},
    "check_column_score": {"id": "Lingkup", "en": "Score"},
    "check_column_now": {"id": "Nilai kini", "en": "Now"},
    "check_column_required": {"id": "Syarat", "en": "Required"},
    "check_column_baseline": {"id": "Nilai baseline", "en": "Baseline"},
    "check_column_result": {"id": "Hasil", "en": "Result"},
    "check_subject_index": {"id": "indeks", "en": "index"},
    "check_subject_unsupported": {"id": "klaim tidak didukung", "en": "unsupported claims"},
    "check_subject_completeness": {"id": "kelengkapan", "en": "completeness"},
    "check_subject_warnings": {"id": "peringatan", "en": "warnings"},
    # Baselines: what a new one would loosen, and a file's problems (``path: …``).
    "baseline_dropped": {
        "id": "{set}: set ini tidak lagi akan tercatat",
        "en": "{set}: the set would no longer be recorded",
    },
    "baseline_basis_change": {
        "id": "{set}: dasar nilai berubah dari {old} menjadi {new}",
        "en": "{set}: basis changes from {old} to {new}",
    },
    "baseline_top_not_object": {
        "id": "tingkat teratas: seharusnya objek JSON",
        "en": "top level: expected a JSON object",
    },
    "baseline_top_unknown": {
        "id": "tingkat teratas: bukan baseline smartserang maupun hasil"
        " 'smartserang score --format json'",
        "en": "top level: neither a smartserang baseline nor a 'smartserang score --format"
        " json' result",
    },
    "baseline_version": {
        "id": "format_version: format_version {version!r} tidak didukung (seharusnya 1.x)",
        "en": "format_version: format_version {version!r} is not supported (expected 1.x)",
    },
    "baseline_results_empty": {
        "id": "{path}: seharusnya daftar yang tidak kosong",
        "en": "{path}: expected a non-empty list",
    },
    "baseline_set_twice": {
        "id": "{path}: set {id!r} muncul dua kali",
        "en": "{path}: set {id!r} appears twice",
    },
    "baseline_history": {
        "id": "{path}: seharusnya daftar objek",
        "en": "{path}: expected a list of objects",
    },
    "baseline_entry": {"id": "{path}: seharusnya objek", "en": "{path}: expected an object"},
    "baseline_set_id": {
        "id": "{path}: tidak ada (seharusnya id set)",
        "en": "{path}: missing (expected the set's id)",
    },
    "baseline_basis": {
        "id": "{path}: seharusnya 'verified' atau 'claimed', tertulis {got}",
        "en": "{path}: expected 'verified' or 'claimed', got {got}",
    },
    "baseline_unsupported": {
        "id": "{path}: seharusnya daftar id indikator",
        "en": "{path}: expected a list of indicator ids",
    },
    "baseline_indicators": {
        "id": "{path}: seharusnya daftar indikator",
        "en": "{path}: expected a list of indicators",
    },
    "baseline_indicator": {
        "id": "{path}: seharusnya indikator dengan 'id' berupa teks",
        "en": "{path}: expected an indicator with a string 'id'",
    },
    "baseline_evidence": {
        "id": "{path}: seharusnya daftar baris register",
        "en": "{path}: expected a list of register rows",
    },
    "baseline_evidence_row": {
        "id": "{path}: seharusnya baris dengan 'sheet', nomor 'row' dan 'label'",
        "en": "{path}: expected a row with a 'sheet', a 'row' number and a 'label'",
    },
    "baseline_cells": {
        "id": "{path}: seharusnya objek berisi nilai kolom",
        "en": "{path}: expected an object of column values",
    },
    "baseline_whole": {
        "id": "{path}: seharusnya bilangan bulat atau null, tertulis {got}",
        "en": "{path}: expected a whole number or null, got {got}",
    },
    "baseline_groups": {
        "id": "{path}: seharusnya daftar kelompok",
        "en": "{path}: expected a list of groups",
    },
    "baseline_group": {
        "id": "{path}: seharusnya kelompok dengan 'id' berupa teks",
        "en": "{path}: expected a group with a string 'id'",
    },
    "baseline_number": {
        "id": "{path}: seharusnya angka, tertulis {got}",
        "en": "{path}: expected a number, got {got}",
    },
}
