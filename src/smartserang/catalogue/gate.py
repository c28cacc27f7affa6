"""``check`` and ``baseline``: thresholds, verdicts, baselines."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
