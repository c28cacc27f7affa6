"""Problems and notes about a workbook: opening it, finding its sheets, headers and tables,
and typing its cells."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
