"""What scoring says of the registers: what it could not check, and why."""

from __future__ import annotations

from smartserang.catalogue import Texts

TEXTS: Texts = {}
