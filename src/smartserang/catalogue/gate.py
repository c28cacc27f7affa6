"""``check`` and ``baseline``: thresholds, verdicts, baselines."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {
    "usage_completeness": {
        "id": "harus berupa bagian dari 0 sampai 1 (0,6 untuk 60%), bukan {value}",
        "en": "must be a share from 0 to 1 (0.6 for 60%), got {value}",
    },
}
