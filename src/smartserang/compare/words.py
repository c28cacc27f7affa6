"""Every fixed word of ``smartserang diff``'s outputs, in Indonesian and English (kept in
the catalogue, ``smartserang.catalogue.compare``)."""

from __future__ import annotations

from smartserang.catalogue.compare import DIFF

DIFF_TEXT = DIFF
"""The diff's words by key: ``{key: {"id": …, "en": …}}``."""


def text_for(lang: str) -> dict[str, str]:
    """Every fixed word in ``lang``."""
    return {key: words[lang] for key, words in DIFF_TEXT.items()}
