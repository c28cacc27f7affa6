"""Fuzz the whole pipeline with mutated workbooks and indicator sets.

    python tests/fuzz.py --cases 10000 [--seed N] [--jobs N] [--crash-dir DIR]
    python tests/fuzz.py --seed N --case I        # run (and keep) one case again

Each case is derived from the shipped example workbook or from a shipped or example
indicator set by random mutations: cell values of random types in random places, header
and sheet-name spellings, deleted or duplicated rows, columns and sheets, corrupted XML
inside the workbook's zip or corrupted zip bytes, counts and sizes a reader may trust
set to extreme values in every part that has them; YAML edits of set files, structural
(keys removed or renamed, values replaced) or textual (lines cut, tokens inserted).
Workbooks are written as minimal .xlsx zips from XML strings (openpyxl is too slow for
thousands of files).

Every case runs in-process through what ``smartserang score`` runs: set loading, the
workbook reader and its checks against the sets, scoring, the gap analysis, the JSON
document and, for one case in ten, the Markdown, HTML and terminal reports (the terminal
summary may show no control character or bidirectional mark raw). Outcomes:
a result, located problems (every problem names the workbook or set it is in), or a
failure: an exception other than ``InputError``, a problem without a location, or a
case running over the time limit. Each failure prints its traceback and keeps its
files as a reproducer; the exit status is 1 if there was any.

Case ``I`` of seed ``N`` is the same on every machine and with any ``--jobs``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import copy
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import yaml

from smartserang.problems import column_letter

from builders import xlsx_parts

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kota-sukamaju.xlsx"
SET_BASES = {
    "spbe-2020.yaml": ROOT / "indicators" / "spbe-2020.yaml",
    "smart-city.yaml": ROOT / "indicators" / "smart-city.yaml",
    "u4ssc-mini.yaml": ROOT / "examples" / "u4ssc-mini.yaml",
    "smart-city-sukamaju.yaml": ROOT / "examples" / "smart-city-sukamaju.yaml",
}
SET_WEIGHTS = (1, 1, 4, 3)
"""Small sets are drawn more often: they load in a tenth of the time of the big ones."""

SHIPPED_CHOICES = (("spbe-2020",), ("smart-city",), ("spbe-2020", "smart-city"))
"""What a mutated workbook is scored on (weighted 12:5:3 in that order)."""

TIME_LIMIT = 30
"""Seconds one case may take before it counts as a failure."""
RENDER_EVERY = 10
"""One case in this many also renders Markdown, HTML and the terminal summary."""

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
Sheets = list[tuple[str, list[list[Cell]]]]


@dataclass(frozen=True)
class Outcome:
    """What one case ended in."""

    index: int
    kind: str
    """``result``, ``problems``, or a failure: ``exception``, ``died`` (the process
    aborted), ``unlocated`` (a problem without a place) or ``timeout``."""
    description: str
    """What the case was made of (the mutations applied)."""
    detail: str = ""
    """For failures: the traceback or the unlocated problem."""
    reproducer: str = ""
    """For failures: the folder holding the case's files."""


FAILURES = ("exception", "died", "unlocated", "timeout")

# ------------------------------------------------------------------ random values

VOCAB_WORDS = (
    "aktif",
    "tidak aktif",
    "PDN",
    "cloud",
    "transaksi",
    "Kolaborasi",
    "optimum",
    "pengadaan",
    "35",
    "ditetapkan",
    "lengkap",
    "konsep",
    "semua",
    "ya",
    "tidak",
    "cctv",
    "pusat data",
    "governance",
    "Smart Living",
    "berjalan",
    "indeks",
    "spbe-2020",
    "D1",
    "A2",
)
TEXTS = (
    "",
    " ",
    "\u00a0",
    "Dinas Komunikasi dan Informatika",
    "e-Office, SIPD, ",
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "-2+3",
    "#N/A",
    "#DIV/0!",
    "#REF!",
    "2024-02-30",
    "2024-12-31",
    "31/12/2024",
    "1.234,5",
    " 3 ",
    "3.0",
    "1e5",
    "1e400",
    "-0",
    "0x10",
    "NaN",
    "inf",
    "∞",
    "٣",
    "\u202eevil",
    "emoji 😀",
    "a\tb",
    "line\nbreak",
    "<script>alert(1)</script>",
    "| pipe | table |",
    "[link](javascript:x)",
    "{{ jinja }}",
    "%s %d",
    "'quoted'",
    "\ufeffbom",
)


def random_value(rng: random.Random) -> Cell:
    """A cell value of a random type, often one a workbook really holds."""
    kind = rng.randrange(14)
    if kind == 0:
        return rng.randint(-10, 10)
    if kind == 1:
        return rng.choice([0.5, 2.5, -1.0, 3.0, 1e15, 1e300, 4.999999, 1 / 3])
    if kind == 2:
        return rng.choice([10**12, 2**53 + 1, -(10**18), 99999999999])
    if kind == 3:
        return rng.random() < 0.5
    if kind in (4, 5):
        word = rng.choice(VOCAB_WORDS)
        return rng.choice([word, word.upper(), f" {word} ", word.replace(" ", "_")])
    if kind in (6, 7):
        return rng.choice(TEXTS)
    if kind == 8:
        return "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(1, 30)))
    if kind == 9:
        return rng.choice(["x" * 1000, "Nama " * 8000, "y" * 40000])
    if kind == 10:
        return dt.date(rng.randrange(1900, 2100), rng.randrange(1, 13), rng.randrange(1, 29))
    if kind == 11:
        moments: list[Cell] = [dt.datetime(2024, 1, 1, 12, 30), dt.time(8, 15)]
        return rng.choice(moments)
    if kind == 12:
        return rng.randint(1, 5)
    return None


# --------------------------------------------------------------------- workbooks


def example_sheets() -> Sheets:
    """The example workbook's cells, sheet by sheet."""
    from python_calamine import CalamineWorkbook

    sheets: Sheets = []
    with CalamineWorkbook.from_path(str(EXAMPLE)) as book:
        for name in book.sheet_names:
            sheets.append((name, [list(row) for row in book.get_sheet_by_name(name).to_python()]))
    return sheets


def mutate_sheets(rng: random.Random, sheets: Sheets, notes: list[str]) -> Sheets:
    """Apply a few random mutations to a copy of ``sheets``."""
    sheets = [(name, [list(row) for row in rows]) for name, rows in sheets]
    for _ in range(rng.randint(1, 3)):
        op = rng.choice(MUTATIONS)
        if sheets:
            notes.append(op(rng, sheets))
    return sheets


def _pick(rng: random.Random, sheets: Sheets) -> tuple[int, str, list[list[Cell]]]:
    number = rng.randrange(len(sheets))
    return number, sheets[number][0], sheets[number][1]


def _set_cells(rng: random.Random, sheets: Sheets) -> str:
    _, name, rows = _pick(rng, sheets)
    count = rng.choice([1, 1, 2, 3, 8, 25])
    for _ in range(count):
        r = rng.randrange(len(rows) + 3)
        while len(rows) <= r:
            rows.append([])
        c = rng.randrange(max(len(rows[r]), 1) + 2)
        while len(rows[r]) <= c:
            rows[r].append(None)
        rows[r][c] = random_value(rng)
    return f"{count} cells of {name!r}"


def _header(rng: random.Random, sheets: Sheets) -> str:
    _, name, rows = _pick(rng, sheets)
    if not rows or not rows[0]:
        return "header (none)"
    c = rng.randrange(len(rows[0]))
    old = str(rows[0][c])
    choices: list[Cell] = [
        old.upper(),
        old.lower(),
        f"  {old}  ",
        old.replace(" ", "_"),
        old[:-1],
        old + "s",
        rng.choice([str(h) for h in rows[0]]),
        None,
        random_value(rng),
        {"Nama Aplikasi": "Application", "Tingkat": "Level", "Jenis": "Type"}.get(old, old),
    ]
    rows[0][c] = rng.choice(choices)
    return f"header {old!r} of {name!r}"


def _sheet_name(rng: random.Random, sheets: Sheets) -> str:
    number, name, rows = _pick(rng, sheets)
    names = [n for n, _ in sheets]
    new = rng.choice(
        [
            name.upper(),
            name.lower(),
            f"{name} ",
            name[:-1],
            rng.choice(names),
            "",
            "x" * 40,
            "Applications",
            "Assessment",
            "Petunjuk",
            "_daftar",
            str(random_value(rng))[:31],
        ]
    )
    sheets[number] = (new, rows)
    return f"sheet {name!r} renamed {new!r}"


def _structure(rng: random.Random, sheets: Sheets) -> str:
    number, name, rows = _pick(rng, sheets)
    op = rng.randrange(8)
    if op == 0:
        del sheets[number]
        return f"sheet {name!r} deleted"
    if op == 1 and rows:
        del rows[rng.randrange(len(rows))]
        return f"a row of {name!r} deleted"
    if op == 2 and rows:
        c = rng.randrange(max(len(rows[0]), 1))
        for row in rows:
            if c < len(row):
                del row[c]
        return f"a column of {name!r} deleted"
    if op == 3 and rows:
        row = rng.choice(rows)
        rows.insert(rng.randrange(len(rows) + 1), list(row))
        return f"a row of {name!r} duplicated"
    if op == 4:
        for _ in range(rng.randint(1, 5)):
            rows.insert(rng.randrange(len(rows) + 1), [])
        return f"blank rows in {name!r}"
    if op == 5:
        sheets.insert(rng.randrange(len(sheets) + 1), (name, [list(r) for r in rows]))
        return f"sheet {name!r} twice"
    if op == 6 and rows:
        rows.extend(list(rng.choice(rows)) for _ in range(rng.choice([10, 300, 3000])))
        return f"{name!r} grows"
    rng.shuffle(sheets)
    return "sheets reordered"


CONTROLS = (
    "\x9b2J",
    "\x85",
    "\x7f",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u200f",
    "\u061c",
    "\u202a",
    "\x90",
)
"""Controls a cell can hold (C1, DEL, bidirectional marks): a terminal must not get them."""


def _shown_text(rng: random.Random, sheets: Sheets) -> str:
    """Control characters in a text the terminal summary shows: the Profil's Instansi
    or an application's name (the evidence of an unsupported claim)."""
    text = "".join(rng.choice((*CONTROLS, "Kota ", "x")) for _ in range(rng.randrange(1, 8)))
    for name, rows in sheets:
        if name == "Profil" and rows and len(rows[0]) > 1:
            rows[0][1] = text
            return f"Profil Instansi {text!r}"
    return _set_cells(rng, sheets)


MUTATIONS = (
    _set_cells,
    _set_cells,
    _set_cells,
    _header,
    _sheet_name,
    _structure,
    _structure,
    _shown_text,
)


def _cell_xml(ref: str, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, dt.datetime | dt.date | dt.time):
        value = value.isoformat()
    text = escape(_xml_text(str(value)))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("?", text)


def sheet_xml(rows: list[list[Cell]]) -> str:
    """A worksheet part holding ``rows`` from A1 on."""
    body = []
    for r, row in enumerate(rows, 1):
        cells = "".join(_cell_xml(f"{column_letter(c)}{r}", v) for c, v in enumerate(row))
        if cells:
            body.append(f'<row r="{r}">{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(body)}</sheetData></worksheet>"
    )


def workbook_parts(sheets: Sheets) -> dict[str, str]:
    """The parts of a minimal .xlsx holding ``sheets``."""
    return xlsx_parts([(_xml_text(name), sheet_xml(rows)) for name, rows in sheets])


XML_JUNK = ("<", "&", "&#0;", "]]>", "</row>", '<c r="A1">', "\x00", "\ufffe", "<!DOCTYPE x [", "é")


def corrupt_parts(rng: random.Random, parts: dict[str, str], notes: list[str]) -> None:
    """Damage the XML inside the zip."""
    name = rng.choice(sorted(parts))
    text = parts[name]
    op = rng.randrange(6)
    if op == 0:
        cut = rng.randrange(len(text) + 1)
        parts[name] = text[:cut]
        notes.append(f"{name} cut at {cut}")
    elif op == 1:
        at = rng.randrange(len(text) + 1)
        parts[name] = text[:at] + rng.choice(XML_JUNK) + text[at:]
        notes.append(f"junk in {name}")
    elif op == 2:
        del parts[name]
        notes.append(f"{name} missing")
    elif op == 3:
        ref = rng.choice(["A0", "XFE1", "A1048577", "ZZZZZZZ9", "", "1A", "A-1", "A99999999999"])
        parts[name] = re.sub(r' r="[A-Z]+\d+"', f' r="{ref}"', text, count=rng.randint(1, 50))
        notes.append(f"cell refs {ref!r} in {name}")
    elif op == 4:
        row = rng.choice(["0", "-1", "1048577", "99999999999", "x", "1"])
        parts[name] = re.sub(r'<row r="\d+"', f'<row r="{row}"', text, count=rng.randint(1, 50))
        notes.append(f"row numbers {row!r} in {name}")
    else:
        parts[name] = text.replace('t="inlineStr"', rng.choice(['t="s"', 't="n"', 't="e"', ""]))
        notes.append(f"cell types changed in {name}")


def zip_bytes(parts: dict[str, str], rng: random.Random) -> bytes:
    """The parts as a zip archive."""
    buffer = io.BytesIO()
    method = rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8", "surrogatepass"))
    return buffer.getvalue()


def corrupt_bytes(rng: random.Random, data: bytes, notes: list[str]) -> bytes:
    """Damage the zip itself."""
    op = rng.randrange(4)
    if op == 0:
        cut = rng.randrange(len(data))
        notes.append(f"zip cut at {cut}")
        return data[:cut]
    if op == 1:
        mutable = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            mutable[rng.randrange(len(mutable))] = rng.randrange(256)
        notes.append("zip bytes flipped")
        return bytes(mutable)
    if op == 2:
        notes.append("junk before the zip")
        return bytes(rng.randrange(256) for _ in range(64)) + data
    notes.append("central directory zeroed")
    end = data.rfind(b"PK\x01\x02")
    return data[:end] + b"\0" * (len(data) - end) if end > 0 else data


COUNT_VALUES = (
    "0", "-1", "+7", " 5", "2147483647", "2147483648", "4294967295", "4294967296",
    "9223372036854775807", "18446744073709551615", "18446744073709551616", "1" + "0" * 30,
    "1e308", "NaN", "1048577", "16385",
)  # fmt: skip
"""Values for a count or size: the edges of 32- and 64-bit numbers, past Excel's rows and
columns, and numbers a parser may take differently."""
COUNTED = {
    "xl/sharedStrings.xml": ("sst", ("count", "uniqueCount")),
    "xl/styles.xml": (
        "numFmts fonts fills borders cellStyleXfs cellXfs cellStyles dxfs",
        ("count",),
    ),
}
"""Parts added to a case, and the count attributes of their elements."""
SHEET_SIZES = (
    ("dimension", "ref", "A1:{col}{row}"),
    ("col", "min", "{n}"),
    ("col", "max", "{n}"),
    ("sheetFormatPr", "defaultRowHeight", "{n}"),
    ("sheetFormatPr", "outlineLevelRow", "{n}"),
    ("mergeCells", "count", "{n}"),
    ("mergeCell", "ref", "A1:{col}{row}"),
    ("row", "spans", "1:{n}"),
    ("row", "r", "{n}"),
    ("c", "s", "{n}"),
)
"""(element, attribute, value pattern) of a worksheet's counts, sizes and positions."""


def count_parts(rng: random.Random, parts: dict[str, str], notes: list[str]) -> None:
    """Set a count, size or position that a reader may trust to an extreme value: in a
    shared-strings table or a style sheet added to the case, or in a worksheet."""
    value = rng.choice(COUNT_VALUES)
    if rng.random() < 0.5:
        name = rng.choice(sorted(COUNTED))
        elements, attributes = COUNTED[name]
        element, attribute = rng.choice(elements.split()), rng.choice(attributes)
        main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        if name.endswith("sharedStrings.xml"):
            body = f'<sst {main} {attribute}="{value}"><si><t>x</t></si></sst>'
        else:
            body = (
                f'<styleSheet {main}><{element} {attribute}="{value}"><xf numFmtId="0"/>'
                f"</{element}></styleSheet>"
            )
        parts[name] = '<?xml version="1.0" encoding="UTF-8"?>' + body
        notes.append(f"{name} <{element} {attribute}={value!r}>")
        return
    sheets = sorted(n for n in parts if n.startswith("xl/worksheets/"))
    name = rng.choice(sheets)
    element, attribute, pattern = rng.choice(SHEET_SIZES)
    number = value.strip().lstrip("+-") if value.strip().lstrip("+-").isdigit() else "1048577"
    filled = pattern.format(n=value, row=number, col=rng.choice(["XFD", "XFE", "ZZZZ", "A"]))
    text = parts[name]
    if element in ("row", "c"):
        tag = f"<{element} "
        parts[name] = text.replace(tag, f'{tag}{attribute}="{filled}" ', rng.randint(1, 3))
    elif element == "mergeCell":
        merge = f'<mergeCells><mergeCell ref="{filled}"/></mergeCells>'
        parts[name] = text.replace("</sheetData>", f"</sheetData>{merge}")
    elif element == "mergeCells":
        merge = f'<mergeCells count="{filled}"><mergeCell ref="A1:B1"/></mergeCells>'
        parts[name] = text.replace("</sheetData>", f"</sheetData>{merge}")
    else:
        head = f'<{element} {attribute}="{filled}"/>'
        if element == "col":
            head = f"<cols>{head}</cols>"
        parts[name] = text.replace("<sheetData>", f"{head}<sheetData>")
    notes.append(f"{name} <{element} {attribute}={filled!r}>")


ODS_REPEATS = ("2", "1000", "16384", "65536", "1048576", "4294967295", "99999999999", "-3")


def ods_bytes(rng: random.Random, sheets: Sheets, notes: list[str]) -> bytes:
    """``sheets`` as an OpenDocument spreadsheet, a few rows and cells repeated (or
    merged) by extreme counts: what python-calamine lays out as it opens the file."""
    from hostile_workbooks import _ODS_NS, _ods_cell

    tables = []
    for name, rows in sheets:
        written = []
        for row in rows:
            cells = [_ods_cell("" if v is None else v) for v in row]
            attribute = ""
            if cells and rng.random() < 0.01:
                at = rng.randrange(len(cells))
                kind = rng.choice(["columns-repeated", "columns-spanned", "rows-spanned"])
                count = rng.choice(ODS_REPEATS)
                cells[at] = cells[at].replace(
                    "<table:table-cell", f'<table:table-cell table:number-{kind}="{count}"', 1
                )
                notes.append(f"{name}: a cell's number-{kind}={count}")
            if rng.random() < 0.005:
                count = rng.choice(ODS_REPEATS)
                attribute = f' table:number-rows-repeated="{count}"'
                notes.append(f"{name}: a row's number-rows-repeated={count}")
            written.append(f"<table:table-row{attribute}>{''.join(cells)}</table:table-row>")
        tables.append(f"<table:table table:name={quoteattr(name)}>{''.join(written)}</table:table>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}'
        f' office:version="1.2"><office:body><office:spreadsheet>{"".join(tables)}'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        mimetype = "application/vnd.oasis.opendocument.spreadsheet"
        archive.writestr("mimetype", mimetype, zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
        archive.writestr("content.xml", content.encode("utf-8", "surrogatepass"))
    return buffer.getvalue()


def make_workbook(rng: random.Random, base: Sheets, notes: list[str]) -> bytes:
    """A mutated example workbook as .xlsx bytes (or, now and then, .ods bytes, read by
    their content)."""
    sheets = mutate_sheets(rng, base, notes)
    if rng.random() < 0.06:
        notes.append("as .ods")
        return ods_bytes(rng, sheets, notes)
    parts = workbook_parts(sheets)
    if rng.random() < 0.12:
        corrupt_parts(rng, parts, notes)
    if rng.random() < 0.15:
        count_parts(rng, parts, notes)
    data = zip_bytes(parts, rng)
    if rng.random() < 0.06:
        data = corrupt_bytes(rng, data, notes)
    return data


# -------------------------------------------------------------------------- sets

SET_TOKENS = (
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object/apply:os.system ['true'] ",
    "!!binary ",
    "\t",
    "'",
    '"',
    "# ",
    "~",
    ".nan",
    "-.inf",
    "1e400",
    "0x1F",
    "99999999999999999999",
    "-3",
    "0",
    "? ",
    "---\n",
    "%YAML 1.1\n",
    "\\x00",
    "é",
)
KEYS = (
    "id",
    "weight",
    "scale",
    "levels",
    "groups",
    "indicators",
    "evidence",
    "sheet",
    "column",
    "steps",
    "level",
    "measure",
    "thresholds",
    "where",
    "rows",
    "units",
    "extends",
    "tailoring",
    "min",
    "label",
    "ladder",
    "benchmark",
    "any_of",
    "names_row_of",
)


def random_yaml_value(rng: random.Random) -> Any:
    """A value to put anywhere in a set."""
    kind = rng.randrange(10)
    if kind == 0:
        return rng.choice([0, -1, 1, 2, 5, 6, 100, 10**20, 0.5, -2.5, float("nan"), float("inf")])
    if kind == 1:
        return rng.choice(VOCAB_WORDS + KEYS)
    if kind == 2:
        return rng.choice(TEXTS)
    if kind == 3:
        return None
    if kind == 4:
        return rng.random() < 0.5
    if kind == 5:
        return [random_yaml_value(rng) for _ in range(rng.randrange(3))]
    if kind == 6:
        return {rng.choice(KEYS): random_yaml_value(rng) for _ in range(rng.randrange(3))}
    if kind == 7:
        return rng.choice(["aplikasi", "Kebijakan", "fasilitas", "program", "penilaian", "nope"])
    if kind == 8:
        return rng.choice(["status", "tingkat_layanan", "hosting", "jumlah", "nama", "bogus"])
    return rng.randint(-5, 10)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*path, index)))
    return found


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def mutate_structure(rng: random.Random, data: Any, notes: list[str]) -> Any:
    """Edit a loaded set: remove, replace, rename, duplicate, nudge numbers."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 4)):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = rng.choice(paths)
        parent, last = _at(data, path[:-1]), path[-1]
        op = rng.randrange(6)
        if op == 0:
            del parent[last]
            notes.append(f"removed {path}")
        elif op == 1:
            parent[last] = random_yaml_value(rng)
            notes.append(f"replaced {path}")
        elif op == 2 and isinstance(parent, dict):
            value = parent.pop(last)
            parent[rng.choice([*KEYS, str(last).upper(), f"{last}s"])] = value
            notes.append(f"renamed {path}")
        elif op == 3 and isinstance(parent, list):
            parent.insert(rng.randrange(len(parent) + 1), copy.deepcopy(parent[last]))
            notes.append(f"duplicated {path}")
        elif isinstance(parent[last], int | float) and not isinstance(parent[last], bool):
            value = parent[last]
            parent[last] = rng.choice([value + 1, -value, value * 1000, 0, value / 3])
            notes.append(f"nudged {path}")
        else:
            parent[last] = copy.deepcopy(_at(data, rng.choice(paths)))
            notes.append(f"copied over {path}")
    return data


def mutate_text(rng: random.Random, text: str, notes: list[str]) -> str:
    """Edit a set's text: lines cut, doubled, swapped, re-indented; tokens inserted."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        n = rng.randrange(len(lines))
        op = rng.randrange(7)
        if op == 0:
            del lines[n]
        elif op == 1:
            lines.insert(n, lines[n])
        elif op == 2:
            m = rng.randrange(len(lines))
            lines[n], lines[m] = lines[m], lines[n]
        elif op == 3:
            lines[n] = " " * rng.choice([0, 1, 3, 8]) + lines[n].lstrip()
        elif op == 4:
            at = rng.randrange(len(lines[n]) + 1)
            lines[n] = lines[n][:at] + rng.choice(SET_TOKENS) + lines[n][at:]
        elif op == 5:
            number = str(random_yaml_value(rng))
            replacement = number.replace("\\", "\\\\")  # a literal, not a template
            lines[n] = re.sub(r"\b\d+(\.\d+)?\b", replacement, lines[n], count=1)
        else:
            lines = lines[: n + 1]
        notes.append(f"text op {op} at line {n + 1}")
        if not lines:
            lines = [""]
    return "\n".join(lines)


def make_set(rng: random.Random, bases: dict[str, tuple[str, Any]], notes: list[str]) -> bytes:
    """A mutated shipped or example set."""
    name = rng.choices(list(bases), SET_WEIGHTS)[0]
    text, data = bases[name]
    notes.append(name)
    if rng.random() < 0.6:
        mutated = mutate_structure(rng, data, notes)
        try:
            text = yaml.dump(mutated, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        except yaml.YAMLError:
            notes.append("(not dumpable)")
    else:
        text = mutate_text(rng, text, notes)
    return text.encode("utf-8", "surrogatepass")


# ------------------------------------------------------------------------- running


class CaseTimeout(Exception):
    """A case ran over :data:`TIME_LIMIT`."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise CaseTimeout(f"over {TIME_LIMIT} s")


_WORKER: dict[str, Any] = {}


def _worker_state() -> dict[str, Any]:
    """What a worker reads once: the example's cells, the set bases, a scratch folder."""
    if not _WORKER:
        _WORKER["sheets"] = example_sheets()
        bases = {}
        for name, path in SET_BASES.items():
            text = path.read_text(encoding="utf-8")
            bases[name] = (text, yaml.load(text, Loader=yaml.CSafeLoader))
        _WORKER["sets"] = bases
    if _WORKER.get("pid") != os.getpid():  # a forked worker gets its own scratch folder
        _WORKER["pid"] = os.getpid()
        _WORKER["scratch"] = Path(tempfile.mkdtemp(prefix="smartserang-fuzz-"))
        _WORKER["shipped"] = {}
    return _WORKER


def build_case(seed: int, index: int, folder: Path) -> tuple[Path, Path | tuple[str, ...], str]:
    """Write case ``index`` of ``seed`` into ``folder``: its workbook, its set (a file, or
    the shipped sets to use), and what it is made of."""
    state = _worker_state()
    rng = random.Random(f"{seed}:{index}")
    notes: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    workbook = folder / "workbook.xlsx"
    shipped = rng.choices(SHIPPED_CHOICES, (12, 5, 3))[0]
    set_path: Path | tuple[str, ...] = shipped
    if rng.random() < 0.35:
        set_path = folder / "set.yaml"
        set_path.write_bytes(make_set(rng, state["sets"], notes))
        if rng.random() < 0.2:
            workbook.write_bytes(make_workbook(rng, state["sheets"], notes))
        else:
            shutil.copyfile(EXAMPLE, workbook)
    else:
        workbook.write_bytes(make_workbook(rng, state["sheets"], notes))
        notes.append(f"scored on {', '.join(shipped)}")
    return workbook, set_path, "; ".join(notes)


def run_pipeline(workbook: Path, set_path: Path | tuple[str, ...], render: bool) -> tuple[str, str]:
    """Run one case as ``score`` would: (``result`` | ``problems`` | ``unlocated``, detail).

    ``set_path`` is a set file, or the names of shipped sets to score on.
    """
    from smartserang.cli.terminal import summary_text
    from smartserang.report.build import build_report_view
    from smartserang.report.json_data import build_output_data
    from smartserang.report.render import render_report
    from smartserang.scoring.analysis import analyse, resolve_targets
    from smartserang.scoring.levels import Basis, score_inventory
    from smartserang.session import load_sets, read_checked

    shipped = _worker_state()["shipped"]
    if isinstance(set_path, Path):
        sets, problems = load_sets([str(set_path)], None)
    else:
        if set_path not in shipped:
            shipped[set_path] = load_sets(list(set_path), None)
        sets, problems = shipped[set_path]
        sets, problems = list(sets), list(problems)
    inventory, more = read_checked(workbook, sets)
    problems.extend(more)
    if problems or inventory is None or not sets:
        places = (str(workbook), str(set_path), "indicators/", "/", "--set")
        for problem in problems:
            if not problem.location or not problem.location.startswith(places):
                return "unlocated", str(problem)
        return "problems", ""
    results = [score_inventory(s, inventory) for s in sets]
    analyses = [analyse(r, resolve_targets(r)) for r in results]
    for basis in Basis:
        json.dumps(build_output_data(results, analyses, basis, "en"), ensure_ascii=False)
    if render:
        views = [
            build_report_view(r, a, basis=Basis.VERIFIED, lang="id", date=None, prefix=f"s{n}-")
            for n, (r, a) in enumerate(zip(results, analyses, strict=True))
        ]
        render_report(views, "md")
        render_report(views, "html")
        for result in results:
            _printable_only(summary_text(result, Basis.CLAIMED, "en"))
    return "result", ""


_RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _printable_only(text: str) -> None:
    """The terminal summary shows no control character or bidirectional mark raw (an
    AssertionError, counted as an unhandled exception, says which)."""
    found = _RAW_CONTROL.search(text)
    assert found is None, f"raw {found.group()!r} in the terminal summary"


def run_case(seed: int, index: int, crash_dir: Path) -> Outcome:
    """Build and run one case; keep its files in ``crash_dir`` when it fails."""
    folder = _worker_state()["scratch"] / "case"
    if folder.exists():
        shutil.rmtree(folder)
    try:
        workbook, set_path, description = build_case(seed, index, folder)
    except Exception:  # a bug of the fuzzer itself: shown like any other failure
        return Outcome(index, "exception", "building the case", traceback.format_exc())
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_LIMIT)
    try:
        kind, detail = run_pipeline(workbook, set_path, index % RENDER_EVERY == 0)
    except CaseTimeout:
        kind, detail = "timeout", traceback.format_exc()
    except Exception:
        from smartserang.problems import InputError

        error = sys.exc_info()[1]
        if isinstance(error, InputError):  # not raised by the pipeline, but never a crash
            kind, detail = "problems", ""
        else:
            kind, detail = "exception", traceback.format_exc()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    reproducer = ""
    if kind in FAILURES:
        target = crash_dir / f"seed-{seed}-case-{index}"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(folder, target)
        (target / "failure.txt").write_text(f"{description}\n\n{detail}", encoding="utf-8")
        reproducer = str(target)
    return Outcome(index, kind, description, detail, reproducer)


def _run_chunk(seed: int, indices: Sequence[int], crash_dir: Path) -> list[Outcome]:
    """Run cases in a worker; ``.running/PID`` names the case under way, so that the
    parent can tell which case killed a worker that died without a Python exception."""
    marker = crash_dir / ".running" / f"{os.getpid()}.pid"
    marker.parent.mkdir(exist_ok=True)
    outcomes = []
    for index in indices:
        marker.with_suffix(".tmp").write_text(str(index), encoding="ascii")
        marker.with_suffix(".tmp").replace(marker)  # never seen half-written
        outcomes.append(run_case(seed, index, crash_dir))
    marker.unlink()
    return outcomes


def _died(seed: int, index: int, crash_dir: Path, reason: str) -> Outcome:
    """The outcome of a case whose process died (a native abort, not an exception)."""
    target = crash_dir / f"seed-{seed}-case-{index}"
    if target.exists():
        shutil.rmtree(target)
    _, _, description = build_case(seed, index, target)
    detail = f"the process running the case died: {reason} (see its stderr above)"
    (target / "failure.txt").write_text(f"{description}\n\n{detail}", encoding="utf-8")
    return Outcome(index, "died", description, detail, str(target))


def _run_pool(
    seed: int, chunks: list[list[int]], jobs: int, crash_dir: Path
) -> tuple[list[Outcome], list[int], list[int]]:
    """Outcomes of the chunks that finished, the cases left undone, and the cases that
    were under way when a worker died (one of them killed it)."""
    running = crash_dir / ".running"
    shutil.rmtree(running, ignore_errors=True)
    outcomes: list[Outcome] = []
    undone: list[int] = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_run_chunk, seed, chunk, crash_dir): chunk for chunk in chunks}
        for future in concurrent.futures.as_completed(futures):
            try:
                outcomes.extend(future.result())
            except concurrent.futures.process.BrokenProcessPool:
                undone.extend(futures[future])
    suspects = []
    if running.is_dir():
        marks = [p.read_text(encoding="ascii").strip() for p in running.glob("*.pid")]
        suspects = [int(m) for m in marks if m.isdigit()]
    done = {o.index for o in outcomes}
    left = sorted(i for i in set(undone) - done if i not in suspects)
    return outcomes, left, sorted(set(suspects) - done)


def run_all(seed: int, count: int, jobs: int, crash_dir: Path, *, first: int = 0) -> list[Outcome]:
    """Run ``count`` cases from ``first`` on, in ``jobs`` processes.

    A case that kills its process is run again alone, to tell it from the innocent cases
    it took down with it.
    """
    size = max(1, min(50, count // (max(jobs, 1) * 4)))
    indices = list(range(first, first + count))
    outcomes: list[Outcome] = []
    while indices:
        chunks = [indices[i : i + size] for i in range(0, len(indices), size)]
        done, indices, suspects = _run_pool(seed, chunks, max(jobs, 1), crash_dir)
        outcomes.extend(done)
        for index in suspects:
            alone, _, guilty = _run_pool(seed, [[index]], 1, crash_dir)
            outcomes.extend(alone)
            outcomes.extend(_died(seed, i, crash_dir, "native crash") for i in guilty)
    return sorted(outcomes, key=lambda o: o.index)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fuzzer; 0 when no case failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--cases", type=int, default=1000, help="how many cases (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the case stream")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes")
    parser.add_argument("--case", type=int, help="run only this case (to reproduce it)")
    parser.add_argument(
        "--crash-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "smartserang-fuzz",
        help="where failing cases are kept",
    )
    args = parser.parse_args(argv)
    args.crash_dir.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    if args.case is not None:
        outcomes = run_all(args.seed, 1, 1, args.crash_dir, first=args.case)
    else:
        outcomes = run_all(args.seed, args.cases, args.jobs, args.crash_dir)
    elapsed = time.monotonic() - start
    counts = Counter(o.kind for o in outcomes)
    for outcome in outcomes:
        if outcome.kind in FAILURES:
            print(f"--- case {outcome.index} ({outcome.kind}): {outcome.description}")
            print(outcome.detail.rstrip())
            print(f"reproducer: {outcome.reproducer}")
    failures = sum(counts[k] for k in FAILURES)
    print(
        f"fuzz: {len(outcomes)} cases (seed {args.seed}) in {elapsed:.1f} s:"
        f" {counts['result']} results, {counts['problems']} located problems,"
        f" {counts['exception']} unhandled exceptions, {counts['died']} process aborts,"
        f" {counts['unlocated']} unlocated problems, {counts['timeout']} timeouts"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
