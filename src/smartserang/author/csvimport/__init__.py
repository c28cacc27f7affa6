"""Importing a CSV file into one register of the inventory workbook.

Regional open-data portals publish facility lists (public Wi-Fi points, CCTV) as CSV.
This package owns the way from such a file to new rows of a register. Modules, in the
order data flows through them:

- ``decoding``: the encoding (a BOM, else UTF-8, cp1252 or latin-1, chosen over the
  whole file and applied line by line), the separator (sniffed, or named), and garbled
  UTF-8 (mojibake) recognised;
- ``records``: parsing records with every malformed line located as ``data.csv:17`` and
  skipped without losing the good ones (a line break inside an unquoted value named on
  both its lines), records wrapped in one quoted value unwrapped with a note;
- ``values``: a typed value in the form written into a cell;
- ``mapping``: ``--sheet``, ``--map`` and ``--set-column`` onto contract columns, and
  typing each value as the workbook reader does;
- ``workbook``: appending the rows to a copy of the workbook, which is read back before
  it replaces anything.

Problem codes: ``import.csv`` (unreadable file, no header), ``import.csv.wrapped`` (a
note: records unwrapped), ``import.line`` (a malformed or undecodable line, skipped),
``import.encoding`` (garbled text, skipped), ``import.sheet``, ``import.map``,
``import.value`` (text no workbook cell can hold), ``import.verify``, ``import.backup``;
a value its column rejects keeps the reader's code (``inventory.vocab``,
``inventory.number``…).
"""

from __future__ import annotations

from smartserang.author.csvimport.decoding import (
    SEPARATORS,
    Decoded,
    decode_csv,
    encoding_named,
    separator_named,
    sniff_separator,
)
from smartserang.author.csvimport.mapping import (
    Conversion,
    Field,
    ImportPlan,
    convert_rows,
    find_sheet,
    plan_import,
)
from smartserang.author.csvimport.records import CsvTable, Record, Skipped, parse_csv, read_csv
from smartserang.author.csvimport.values import Stored
from smartserang.author.csvimport.workbook import Appended, append_rows, sha256, write_checked

__all__ = [
    "SEPARATORS",
    "Appended",
    "Conversion",
    "CsvTable",
    "Decoded",
    "Field",
    "ImportPlan",
    "Record",
    "Skipped",
    "Stored",
    "append_rows",
    "convert_rows",
    "decode_csv",
    "encoding_named",
    "find_sheet",
    "parse_csv",
    "plan_import",
    "read_csv",
    "separator_named",
    "sha256",
    "sniff_separator",
    "write_checked",
]
