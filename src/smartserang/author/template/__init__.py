"""The blank inventory workbook that ``smartserang template`` writes.

Everything in it comes from data: sheets, headers, types and vocabularies from
``contract``, indicators and criteria from the chosen sets. The template only helps a
user write what the reader accepts; it decides nothing. Modules, in the order data
flows through them:

- ``words``: every fixed string, in Indonesian and English;
- ``notes``: the texts composed from the contract, the sets and the words (header notes,
  criteria notes, the instructions);
- ``lists``: the drop-down lists, and whether each fits inline or needs the helper sheet;
- ``workbook``: the sheets assembled with openpyxl and written as deterministic bytes
  (``build_template``).

The names below are the template's own additions; the contract knows them too
(``contract.HELPER_SHEETS`` and Penilaian's Nama Indikator column), so the reader reads
past them silently.
"""

from __future__ import annotations

INSTRUCTIONS_SHEET = {"id": "Petunjuk", "en": "Instructions"}
"""The first sheet, by language: how to fill in the workbook and score it."""
HELPER_SHEET = "_Daftar"
"""The hidden sheet holding drop-down lists too long to write inline (only when needed)."""
INDICATOR_NAME_COLUMN = {"id": "Nama Indikator", "en": "Indicator Name"}
"""Penilaian's helper column (after Indikator), by language: each indicator's short name."""
