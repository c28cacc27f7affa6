"""Problems in a cell's value: numbers, dates, levels, vocabularies and lists as offices
type them."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
