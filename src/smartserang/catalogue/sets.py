"""Problems in an indicator set: its YAML, its schema, its groups, scales and rules."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
