"""The command line's own lines: run summaries, usage errors, files written."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
