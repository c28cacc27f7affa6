"""The catalogue: every word smartserang shows a person, in Bahasa Indonesia and English.

Each entry is ``{"id": …, "en": …}``, with ``{placeholders}`` filled by
``i18n.message``. Nothing outside this package writes a sentence for a person; code names
an entry by its key. Problem codes (``[inventory.level]``) are not words: they stay the
same in both languages so that logs can be searched either way.

Modules:

- ``terms``: the terminal summary, the phrases the reports compute, a result's warnings;
- ``report``: the words of the report templates (``view.text``) and of the roll-up's;
- ``package``: problems with a workbook file as a whole (format, zip, limits);
- ``workbook``: problems and notes about a workbook's sheets, headers and tables;
- ``cells``: problems in a cell's value (numbers, dates, levels, vocabularies);
- ``sets``: problems in an indicator set;
- ``scoring``: what scoring says of the registers it could not use;
- ``commands``: the command line's own lines (summaries, usage errors, output files);
- ``helptexts``: the help pages of the program, its commands and their options;
- ``gate``: ``check`` and ``baseline``;
- ``compare``: ``diff``: reading a result document back, and the words of its outputs;
- ``imports``: ``import`` of a CSV file.

``messages()`` is every module's ``TEXTS``, merged (not the template words: the report's,
the roll-up's and the diff's): a key names one message wherever it is used, so no key may
appear in two modules (a test checks this, and that every entry has both languages).
Entries may be built from shared phrases (``sets``: "did you mean 'x'?", the type names),
so a phrase is written once.
"""

from __future__ import annotations

from functools import cache

Texts = dict[str, dict[str, str]]
"""Entries by key: ``{key: {"id": …, "en": …}}``."""

LANGUAGES = ("id", "en")

MESSAGE_MODULES = (
    "terms",
    "package",
    "workbook",
    "cells",
    "sets",
    "scoring",
    "commands",
    "helptexts",
    "gate",
    "compare",
    "imports",
)
"""The modules whose entries ``i18n.message`` finds, each holding ``TEXTS``-like dicts."""


@cache
def messages() -> Texts:
    """Every message entry, by key (imported on first use: start-up stays light)."""
    import importlib

    merged: Texts = {}
    for name in MESSAGE_MODULES:
        module = importlib.import_module(f"smartserang.catalogue.{name}")
        merged.update(module.TEXTS)
    return merged


def in_language(texts: Texts, lang: str) -> dict[str, str]:
    """Every entry of ``texts`` in ``lang`` ("id" or "en")."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    return {key: entry[lang] for key, entry in texts.items()}
