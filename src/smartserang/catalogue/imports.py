"""``import``: reading a CSV file and appending its rows to a register."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
