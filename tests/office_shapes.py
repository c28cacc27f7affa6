"""Office shapes: the clean example workbook laid out as offices lay out their registers.

Each family takes ``examples/kota-sukamaju.xlsx`` and changes one thing a person sees
past without thinking: title rows above the header (some merged across the page), a
column-number row under it, a numbering column, a header split over two rows under a
group header, totals rows, blank rows inside, notes or a signature block or a second
table below, sheets renamed, headers spelt otherwise (NFKC, zero-width characters,
no-break spaces, case, ``:``/``*``/``(wajib)``, synonyms), values merged down over rows.
Every family makes several variants from a seeded ``random.Random``, so that the cases
are the same on every run.

A case expects either the clean workbook's scores (``SAME``) or a located error with
its fix (``Refused``); the families that cannot be read as meant (two sheets that could
each be Aplikasi, a header one letter off) expect the error.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from smartserang.workbook.contract import SHEETS, SHEETS_BY_KEY
from smartserang.workbook.synonyms import COLUMN_SYNONYMS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kota-sukamaju.xlsx"
VARIANTS = 4
"""Variants made of each family."""
REGISTERS = ("Penilaian", "Perangkat Daerah", "Aplikasi", "Fasilitas", "Kebijakan", "Program")
"""The example's register sheets (Target left alone: its rows are few and all matter)."""


@dataclass
class Grid:
    """One sheet: rows of values from A1 (None is blank) and merged ranges."""

    rows: list[list[Any]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(first row, first column, last row, last column), 0-based."""

    def insert_rows(self, at: int, rows: list[list[Any]]) -> None:
        self.rows[at:at] = [list(r) for r in rows]
        n = len(rows)
        self.merges = [
            (r0 + n if r0 >= at else r0, c0, r1 + n if r1 >= at else r1, c1)
            for r0, c0, r1, c1 in self.merges
        ]

    def insert_column(self, at: int, values: list[Any]) -> None:
        for row, value in zip(self.rows, values, strict=False):
            row.insert(at, value)
        for row in self.rows[len(values) :]:
            row.insert(at, None)
        self.merges = [
            (r0, c0 + 1 if c0 >= at else c0, r1, c1 + 1 if c1 >= at else c1)
            for r0, c0, r1, c1 in self.merges
        ]

    @property
    def width(self) -> int:
        return max(len(row) for row in self.rows)


@dataclass(frozen=True)
class Refused:
    """The run must stop (exit 2) with an error of ``code`` located in ``sheet`` (at
    ``cell`` when given) whose message holds ``fix``."""

    code: str
    sheet: str
    cell: str | None
    fix: str


SAME = "same"
"""The case must score exactly as the clean workbook."""


@dataclass
class Case:
    """One workbook of a family, and what it must give."""

    family: str
    variant: int
    sheets: dict[str, Grid]
    expect: str | Refused = SAME

    @property
    def name(self) -> str:
        return f"{self.family}-{self.variant}"

    def write(self, path: Path) -> Path:
        """The case as an .xlsx file at ``path``."""
        return write_grids(path, self.sheets)


def write_grids(path: Path, sheets: dict[str, Grid]) -> Path:
    """``sheets`` (title -> grid) as an .xlsx file at ``path``, merged ranges merged."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    default = book.active
    for title, grid in sheets.items():
        sheet = book.create_sheet(title)
        for row in grid.rows:
            sheet.append([None if v == "" else v for v in row])
        for r0, c0, r1, c1 in grid.merges:
            first = f"{get_column_letter(c0 + 1)}{r0 + 1}"
            last = f"{get_column_letter(c1 + 1)}{r1 + 1}"
            sheet.merge_cells(f"{first}:{last}")
    if default is not None:
        book.remove(default)
    book.save(path)
    return path


@cache
def _clean() -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(EXAMPLE)) as book:
        return {title: book.get_sheet_by_name(title).to_python() for title in book.sheet_names}


def clean() -> dict[str, Grid]:
    """The example's sheets, fresh for changing."""
    return {title: Grid([list(row) for row in rows]) for title, rows in _clean().items()}


def _sheet_key(title: str) -> str:
    return next(s.key for s in SHEETS if s.name == title)


def _titles(rng: random.Random, title: str) -> list[list[Any]]:
    """One to four title rows as offices write them above a register."""
    lines = [
        f"DAFTAR {title.upper()} PEMERINTAH KOTA SUKAMAJU",
        f"Rekapitulasi {title} Tahun 2025",
        "Dinas Komunikasi dan Informatika",
        "Tahun 2025",
        f"Lampiran {rng.randint(1, 9)}",
    ]
    chosen = rng.sample(lines, rng.randint(1, 3))
    rows: list[list[Any]] = [[line] for line in chosen]
    if rng.random() < 0.6:
        rows.append([])
    return rows


# ----------------------------------------------------------------------- families


def title_rows(rng: random.Random, merged: bool) -> Case:
    """Title rows above the header of some registers, merged across it or not."""
    sheets = clean()
    for title in rng.sample(REGISTERS, rng.randint(1, len(REGISTERS))):
        grid = sheets[title]
        rows = _titles(rng, title)
        width = grid.width
        grid.insert_rows(0, rows)
        if merged:
            for n, row in enumerate(rows):
                if row:
                    grid.merges.append((n, 0, n, width - 1))
    return Case("merged-titles" if merged else "title-rows", 0, sheets)


def column_numbers(rng: random.Random) -> Case:
    """A row numbering the columns under the header: (1) (2) (3) … or 1 2 3 …"""
    sheets = clean()
    for title in rng.sample(REGISTERS, rng.randint(1, 3)):
        grid = sheets[title]
        width = len([v for v in grid.rows[0] if v not in ("", None)])
        bracketed = width < 4 or rng.random() < 0.5
        numbers = [f"({n})" if bracketed else n for n in range(1, width + 1)]
        grid.insert_rows(1, [numbers])
        if rng.random() < 0.5:
            grid.insert_rows(0, _titles(rng, title))
    return Case("column-numbers", 0, sheets)


def numbering_column(rng: random.Random) -> Case:
    """A numbering column before the table: No. / No / Nomor (not in Kebijakan, whose
    Nomor is the regulation's number) / No Urut."""
    sheets = clean()
    for title in rng.sample(REGISTERS, rng.randint(1, 4)):
        grid = sheets[title]
        spellings = ["No.", "No", "NO", "No Urut", "#"]
        spellings += [] if title == "Kebijakan" else ["Nomor"]
        values = [rng.choice(spellings), *range(1, len(grid.rows))]
        grid.insert_column(0, values)
    return Case("numbering-column", 0, sheets)


def two_row_header(rng: random.Random) -> Case:
    """The header over two rows: columns sharing a first word under that word merged
    as a group header ("Tanggal" over "Penetapan" | "Reviu"); the others merged down
    over both rows, or written in one of them."""
    sheets = clean()
    for title in rng.sample(["Kebijakan", "Aplikasi", "Fasilitas", "Program"], rng.randint(1, 3)):
        grid = sheets[title]
        header = grid.rows[0]
        top: list[Any] = []
        below: list[Any] = []
        merges = []
        col = 0
        while col < len(header):
            words = str(header[col]).split(" ", 1)
            run = col
            while (
                len(words) == 2
                and run + 1 < len(header)
                and str(header[run + 1]).split(" ", 1)[0] == words[0]
                and len(str(header[run + 1]).split(" ", 1)) == 2
            ):
                run += 1
            if run > col:  # a group
                top.extend([words[0]] + [None] * (run - col))
                below.extend(str(header[c]).split(" ", 1)[1] for c in range(col, run + 1))
                merges.append((0, col, 0, run))
            else:
                where = rng.choice(["merged", "top", "below"])
                top.append(None if where == "below" else header[col])
                below.append(header[col] if where == "below" else None)
                if where == "merged":
                    merges.append((0, col, 1, col))
            col = run + 1
        grid.rows[0:1] = [top, below]
        grid.merges = merges + [(r0 + 1, c0, r1 + 1, c1) for r0, c0, r1, c1 in grid.merges]
        if rng.random() < 0.5:
            grid.insert_rows(0, _titles(rng, title))
    return Case("two-row-header", 0, sheets)


def totals_rows(rng: random.Random) -> Case:
    """Totals rows under the data (and sub totals inside it), numbers only beside the
    word, the word in the label column or in a numbering column merged across."""
    sheets = clean()
    words = ["JUMLAH", "TOTAL", "Jumlah Total", "Total Keseluruhan", "Jumlah", "Grand Total"]
    for title in rng.sample(["Perangkat Daerah", "Aplikasi", "Fasilitas", "Program"], 2):
        grid = sheets[title]
        header = grid.rows[0]
        label = header.index(SHEETS_BY_KEY[_sheet_key(title)].columns[0].name)
        row: list[Any] = [None] * len(header)
        for col, name in enumerate(header):
            values = [r[col] for r in grid.rows[1:] if isinstance(r[col], int | float)]
            if values and name in ("Jumlah", "Jumlah Pengguna", "Anggaran"):
                row[col] = sum(values)
        row[label] = rng.choice(words)
        if rng.random() < 0.5:  # a sub total in the middle, too
            middle = rng.randint(2, len(grid.rows) - 1)
            sub: list[Any] = [None] * len(header)
            sub[label] = "Sub Total"
            grid.insert_rows(middle, [sub])
        grid.insert_rows(len(grid.rows), [row])
        if rng.random() < 0.5:
            grid.insert_column(0, ["No.", *range(1, len(grid.rows))])
            last = len(grid.rows) - 1
            grid.rows[last][0] = grid.rows[last][label + 1]
            grid.rows[last][label + 1] = None
            grid.merges.append((last, 0, last, label + 1))
    return Case("totals-rows", 0, sheets)


def blank_rows(rng: random.Random) -> Case:
    """Blank rows inside the data: skipped, not the end of the table."""
    sheets = clean()
    for title in rng.sample(REGISTERS, rng.randint(1, 4)):
        grid = sheets[title]
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(2, len(grid.rows) - 1)
            grid.insert_rows(at, [[] for _ in range(rng.randint(1, 3))])
    return Case("blank-rows", 0, sheets)


def notes_below(rng: random.Random) -> Case:
    """Notes, a signature block, or a second table below the data."""
    sheets = clean()
    kinds = rng.sample(["notes", "signature", "table", "source"], 4)
    for title, kind in zip(rng.sample(REGISTERS, rng.randint(2, 4)), kinds, strict=False):
        grid = sheets[title]
        width = grid.width
        right = max(width - 3, 1)
        block: list[list[Any]]
        if kind == "notes":
            block = [[], ["Keterangan:"], ["1. Data per 31 Desember 2025"], ["2. Diisi oleh OPD"]]
        elif kind == "source":
            block = [[], ["Sumber: Diskominfo Kota Sukamaju"]]
        elif kind == "signature":
            block = [
                [],
                [None] * right + ["Sukamaju, 31 Desember 2025"],
                [None] * right + ["Mengetahui,"],
                [None] * right + ["Kepala Dinas Komunikasi dan Informatika"],
                [],
                [None] * right + ["Drs. Ahmad Fauzi, M.Si"],
                [None] * right + ["NIP. 19750101 200003 1 001"],
            ]
        else:
            # Rows that would raise the score if they were read as this table's.
            header = grid.rows[0]
            raised = {"Status": "aktif", "Tingkat Layanan": "optimum", "Tingkat": 5}
            raised |= {"Cakupan": "lengkap", "Mengatur Integrasi": "ya", "Jenis": "cctv"}
            block = [[], [], [f"Tabel 2. {title} Tahun 2024"], list(header)]
            for row in grid.rows[1:4]:
                block.append([raised.get(str(h), v) for h, v in zip(header, row, strict=False)])
        grid.insert_rows(len(grid.rows), block)
    return Case("notes-below", 0, sheets)


SHEET_NAMES = [
    "{name} 2025", "DAFTAR {upper}", "Data {name}", "Daftar {name} Kota Sukamaju",
    "{upper} (2024)", "Lampiran 1 - {name}", "Tabel {name}", "{lower}", "Rekap {name} TA 2025",
]  # fmt: skip


def renamed_sheets(rng: random.Random) -> Case:
    """Register sheets named with years, prefixes, a place and case."""
    sheets = clean()
    renamed: dict[str, Grid] = {}
    chosen = set(rng.sample(REGISTERS, rng.randint(1, 4)))
    for title, grid in sheets.items():
        pattern = rng.choice(SHEET_NAMES) if title in chosen else "{name}"
        renamed[pattern.format(name=title, upper=title.upper(), lower=title.lower())] = grid
    return Case("renamed-sheets", 0, renamed)


def ambiguous_sheets(rng: random.Random) -> Case:
    """Two sheets that could each be one register, neither named exactly: refused."""
    sheets = clean()
    title = rng.choice(["Aplikasi", "Fasilitas", "Kebijakan"])
    grid = sheets.pop(title)
    first, second = rng.sample(["{n} 2024", "{n} 2025", "Data {n}", "DAFTAR {u}"], 2)
    one = first.format(n=title, u=title.upper())
    two = second.format(n=title, u=title.upper())
    sheets[one] = grid
    sheets[two] = Grid([list(r) for r in grid.rows])
    fix = f"rename the one meant to '{title}'"
    return Case("ambiguous-sheets", 0, sheets, Refused("inventory.sheet.duplicate", one, None, fix))


_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
_SPACES = ["\u00a0", "\u2007", "\u202f", "\u3000", "  "]


def _fullwidth(text: str) -> str:
    return "".join(
        chr(ord(c) + 0xFEE0) if c in string.ascii_letters + string.digits else c for c in text
    )


def header_spellings(rng: random.Random) -> Case:
    """Headers spelt as offices and web pages spell them: full-width letters, zero-width
    characters, no-break spaces, case, marks (``:``, ``*``, ``(wajib)``) and synonyms."""
    sheets = clean()
    for title in rng.sample(REGISTERS, rng.randint(2, len(REGISTERS))):
        grid = sheets[title]
        key = _sheet_key(title)
        synonyms = COLUMN_SYNONYMS.get(key, {})
        header = grid.rows[0]
        names = {c.name: c.key for c in SHEETS_BY_KEY[key].columns}
        for col, text in enumerate(header):
            if text not in names or rng.random() < 0.3:
                continue
            spelling = str(text)
            kind = rng.choice(["synonym", "invisible", "spaces", "case", "mark", "nfkc"])
            if kind == "synonym" and synonyms.get(names[text]):
                spelling = rng.choice(synonyms[names[text]])
            elif kind == "invisible":
                at = rng.choice([0, len(spelling)])
                spelling = spelling[:at] + rng.choice(_INVISIBLE) + spelling[at:]
            elif kind == "spaces":
                spelling = rng.choice(_SPACES).join(spelling.split(" ")) + rng.choice(["", " "])
            elif kind == "case":
                spelling = rng.choice([spelling.upper(), spelling.lower(), spelling.title()])
            elif kind == "mark":
                spelling += rng.choice([":", " :", "*", " *", " (wajib)", " (opsional)"])
            elif kind == "nfkc":
                spelling = _fullwidth(spelling)
            header[col] = spelling
    return Case("header-spellings", 0, sheets)


def merged_cells(rng: random.Random) -> Case:
    """Runs of rows with one value in a column (Status, Jenis, Perangkat Daerah) merged
    into one cell over them, as offices merge them."""
    sheets = clean()
    targets = {
        "Fasilitas": ["Status", "Jenis", "Perangkat Daerah Pengguna", "Terhubung Nasional"],
        "Aplikasi": ["Perangkat Daerah", "Status", "Hosting"],
        "Program": ["Status", "Dimensi"],
        "Kebijakan": ["Status"],
    }
    for title in rng.sample(list(targets), rng.randint(1, 3)):
        grid = sheets[title]
        header = grid.rows[0]
        for name in rng.sample(targets[title], rng.randint(1, len(targets[title]))):
            col = header.index(name)
            row = 1
            while row < len(grid.rows):
                end = row
                while end + 1 < len(grid.rows) and grid.rows[end + 1][col] == grid.rows[row][col]:
                    end += 1
                if end > row and grid.rows[row][col] not in ("", None):
                    for r in range(row + 1, end + 1):
                        grid.rows[r][col] = None
                    grid.merges.append((row, col, end, col))
                row = end + 1
    return Case("merged-cells", 0, sheets)


def misspelt_header(rng: random.Random) -> Case:
    """A header one letter off a column a rule reads, or a required one: refused with
    "did you mean" at that cell."""
    sheets = clean()
    title, name = rng.choice(
        [
            ("Aplikasi", "Nama Aplikasi"),
            ("Aplikasi", "Tingkat Layanan"),
            ("Aplikasi", "Status"),
            ("Fasilitas", "Jenis"),
            ("Kebijakan", "Topik"),
            ("Penilaian", "Tingkat"),
        ]
    )
    grid = sheets[title]
    col = grid.rows[0].index(name)
    at = rng.randint(1, len(name) - 2)
    grid.rows[0][col] = name[:at] + name[at + 1 :] if len(name) > 5 else name + "x"
    from openpyxl.utils import get_column_letter

    cell = f"{get_column_letter(col + 1)}1"
    code = "inventory.column.missing" if col == 0 or name == "Jenis" else "inventory.column"
    if title == "Kebijakan" and name == "Topik":
        code = "inventory.column.missing"
    return Case("misspelt-header", 0, sheets, Refused(code, title, cell, f"'{name}'"))


def misspelt_sheet(rng: random.Random) -> Case:
    """A register sheet a letter off its name, which the sets read: refused."""
    sheets = clean()
    title = rng.choice(["Aplikasi", "Fasilitas", "Kebijakan", "Penilaian"])
    at = rng.randint(1, len(title) - 2)
    wrong = title[:at] + title[at + 1 :]
    renamed = {wrong if t == title else t: g for t, g in sheets.items()}
    return Case("misspelt-sheet", 0, renamed, Refused("inventory.sheet", wrong, None, f"'{title}'"))


FAMILIES: dict[str, Callable[[random.Random], Case]] = {
    "title-rows": lambda rng: title_rows(rng, merged=False),
    "merged-titles": lambda rng: title_rows(rng, merged=True),
    "column-numbers": column_numbers,
    "numbering-column": numbering_column,
    "two-row-header": two_row_header,
    "totals-rows": totals_rows,
    "blank-rows": blank_rows,
    "notes-below": notes_below,
    "renamed-sheets": renamed_sheets,
    "ambiguous-sheets": ambiguous_sheets,
    "header-spellings": header_spellings,
    "merged-cells": merged_cells,
    "misspelt-header": misspelt_header,
    "misspelt-sheet": misspelt_sheet,
}


def cases(variants: int = VARIANTS) -> Iterator[Case]:
    """Every family's variants, each from its own seed."""
    for family, make in FAMILIES.items():
        for variant in range(variants):
            case = make(random.Random(f"{family}/{variant}"))
            case.family, case.variant = family, variant
            yield case
