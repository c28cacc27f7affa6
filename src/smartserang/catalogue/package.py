"""Problems with a workbook file as a whole, before its cells are read: its format, its zip,
its limits, and the parts a reader would trust."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
