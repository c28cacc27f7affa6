"""Text the tool writes into spreadsheet cells or CSV files, made safe from formula injection.

A spreadsheet (Excel, LibreOffice Calc, Google Sheets) treats a cell or CSV field that
starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and some versions also one that
starts with a tab or carriage return; a formula can fetch URLs (``WEBSERVICE``,
``HYPERLINK``) or, in old Excel, run programs through DDE. Names and titles from a
user's workbook, CSV or indicator set are untrusted, so every text written goes through
one of the two functions here:

- :func:`safe_text` returns a string, for CSV fields and anywhere only a string can be
  written. It follows OWASP's advice for CSV injection: a text that starts with a
  trigger gets a leading apostrophe (``=1+1`` becomes ``'=1+1``), which makes every
  spreadsheet read the field as text. The apostrophe becomes part of the value, the
  visible mark that the text was neutralised.
- :func:`write_text` puts a text into an openpyxl cell, for .xlsx output. A workbook can
  say "this is text" itself, so the value stays exact: the cell is typed as a string
  (openpyxl would otherwise make a formula of ``=1+1`` and an error of ``#N/A``) and,
  when the text starts with a trigger, carries Excel's quote prefix, the hidden
  apostrophe that keeps Excel and LibreOffice from re-reading it as a formula when
  someone edits the cell. An apostrophe here would corrupt ordinary data: every
  Koordinat south of the equator starts with ``-``.

Two exceptions keep ordinary CSV data intact: a number that is not text (``-2`` the int)
is written as is, and so is text that is just a decimal number (``"-2"``, ``"+3.5"``,
``"-2,5"``), which a spreadsheet reads as that number and which cannot call anything.
Leading spaces do not hide a trigger (`` =1+1`` is neutralised too), because some CSV
imports trim them before deciding.
"""

from __future__ import annotations

import numbers
import re
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)", re.ASCII)


def safe_text(value: object) -> str:
    """``value`` as text that no spreadsheet evaluates: a trigger gets a leading ``'``.

    ``None`` gives ``""``; numbers give their usual text.
    """
    if value is None:
        return ""
    if isinstance(value, numbers.Number):
        return str(value)
    text = str(value)
    if starts_formula(text) and not _PLAIN_NUMBER.fullmatch(text.lstrip(" ")):
        return "'" + text
    return text


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (leading spaces ignored)."""
    return text.lstrip(" ").startswith(FORMULA_TRIGGERS)


def write_text(cell: Any, text: str) -> None:
    """Put ``text`` into an openpyxl ``cell`` exactly, as a string, never as a formula."""
    # A carriage return as the line break every XML reader makes of it: the same cell
    # whether openpyxl writes with the standard library or with lxml (which keeps it).
    cell.value = text.replace("\r\n", "\n").replace("\r", "\n")
    cell.data_type = "s"
    if starts_formula(text):
        cell.quotePrefix = True
