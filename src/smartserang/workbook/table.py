"""Where a register's table is on its sheet, read as a person reads it.

Offices rarely start a register at A1. Above the header there are title rows ("DAFTAR
APLIKASI PEMERINTAH KOTA …", "Tahun 2025", a blank row), often merged across the page;
under it a row numbering the columns ``(1) (2) (3)``; a header may be split over two rows
under a merged group header ("Tanggal" over "Penetapan" | "Reviu"); in the data, totals
rows (``JUMLAH``) and blank rows; below it notes ("Keterangan:"), a signature block
("Mengetahui, Kepala Dinas …", "NIP.") or a second table. This module finds each:

- ``find_header``: the header is the row (or pair of rows) among the first ``HEAD_ROWS``
  filled rows that names the most columns of the sheet; a row naming none but resembling
  them ("Nama Aplkasi") counts next, so that the errors point at it. Among rows naming as
  many, the first, unless the filled row right under it names as many (a title "Kecamatan"
  over the header "Nama Kecamatan"). A pair of rows is taken only when it names more
  columns than either row alone. A column-number row right under the header is skipped;
- ``Rows``: the data rows, watched as they pass to the column reader, without a copy:
  totals rows, a header repeated (a printed page's), and where the table ends (notes,
  a signature block, another table);
- ``spread_merged``: a value merged down over several rows, given to every row it covers.

What it understood is said in notes (``Problem.note``); none is a fault.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from smartserang.workbook.cells import Raw, as_text
from smartserang.workbook.contract import Sheet
from smartserang.workbook.headers import first_filled, is_blank, name_of, resembles
from smartserang.workbook.names import header_key

HEAD_ROWS = 20
"""How many filled rows, from the first, may hold the header."""

MergedRange = tuple[tuple[int, int], tuple[int, int]]
"""python-calamine's merged range: ((first row, first column), (last row, last column)),
0-based, from A1."""


@dataclass(frozen=True)
class Header:
    """Where a register's header is, and what each of its columns is headed."""

    top: int
    """Grid index of the (first) header row."""
    bottom: int
    """Grid index of the last header row (``top`` unless a group header is above)."""
    cells: tuple[tuple[int, int, Raw], ...]
    """(grid index, column, header text) of each header cell, a group header's joined
    with the one under it ("Tanggal Reviu")."""
    data: int
    """Grid index of the first data row."""
    numbers: int | None
    """Grid index of the column-number row skipped, if any."""
    named: int
    """How many columns of the sheet the header names."""


def find_header(sheet: Sheet, head: Sequence[tuple[int, list[Raw]]]) -> Header:
    """The header among ``head``: (grid index, row) of the first filled rows, the first
    of them filled."""
    filled = [(index, row) for index, row in head if first_filled(row) is not None]
    candidates: list[tuple[int, int, Header]] = []
    for n, (index, row) in enumerate(filled):
        cells = tuple((index, col, raw) for col, raw in enumerate(row) if not is_blank(raw))
        candidates.append((_named(sheet, cells), n, _header(index, index, cells, head)))
        if n + 1 < len(filled) and filled[n + 1][0] == index + 1:
            joined = _joined(sheet, index, row, filled[n + 1][1])
            candidates.append((_named(sheet, joined), n, _header(index, index + 1, joined, head)))
    named_any = max(named for named, _, _ in candidates) > 0
    if not named_any:
        # No row names a column: the row resembling the most is the header, so that the
        # errors point at it ("Nama Aplkasi"); else the first.
        candidates = [(_resembled(sheet, h.cells), n, h) for _, n, h in candidates]
    best = max(score for score, _, _ in candidates)
    named = best if named_any else 0
    singles = {n: h for score, n, h in candidates if score == best and h.top == h.bottom}
    if not singles:  # two rows name more than any one row: a group header over sub-headers
        return _with_score(next(h for score, _, h in candidates if score == best), named)
    n = min(singles)
    while best and n + 1 in singles:  # a title naming as much as the header
        n += 1
    return _with_score(singles[n], named)


def _named(sheet: Sheet, cells: Sequence[tuple[int, int, Raw]]) -> int:
    """How many columns of the sheet the cells name."""
    named = {
        column[0].key
        for _, _, raw in cells
        if isinstance(raw, str) and (column := name_of(sheet, raw)) is not None
    }
    return len(named)


def _resembled(sheet: Sheet, cells: Sequence[tuple[int, int, Raw]]) -> int:
    """How many columns of the sheet the cells resemble ("Nama Aplkasi")."""
    like = {
        column.key
        for _, _, raw in cells
        if isinstance(raw, str) and (column := resembles(sheet, raw)) is not None
    }
    return len(like)


def _joined(
    sheet: Sheet, index: int, top: list[Raw], below: list[Raw]
) -> tuple[tuple[int, int, Raw], ...]:
    """The header of two rows: a group header (merged, so written once on the left) over
    the sub-headers under it joined with each ("Tanggal" + "Reviu"), a header written in
    the top row alone (merged down) taken as it is, and one in the lower row alone too."""
    cells: list[tuple[int, int, Raw]] = []
    group = ""
    for col in range(max(len(top), len(below))):
        upper = top[col] if col < len(top) else ""
        lower = below[col] if col < len(below) else ""
        if not is_blank(upper):
            group = as_text(upper).strip()
        if is_blank(lower):
            group = "" if is_blank(upper) else group
            if not is_blank(upper):
                cells.append((index, col, upper))
            continue
        sub = as_text(lower).strip()
        if group:
            for text in (f"{group} {sub}", sub, group if not is_blank(upper) else ""):
                if text and name_of(sheet, text) is not None:
                    cells.append((index + 1, col, text))
                    break
            else:
                cells.append((index + 1, col, f"{group} {sub}"))
        else:
            cells.append((index + 1, col, lower))
    return tuple(cells)


def _header(
    top: int,
    bottom: int,
    cells: tuple[tuple[int, int, Raw], ...],
    head: Sequence[tuple[int, list[Raw]]],
) -> Header:
    rows = dict(head)
    below = rows.get(bottom + 1)
    numbers = bottom + 1 if below is not None and _numbers_row(below, cells) else None
    data = bottom + 1 if numbers is None else bottom + 2
    return Header(top, bottom, cells, data, numbers, 0)


def _with_score(header: Header, named: int) -> Header:
    return Header(header.top, header.bottom, header.cells, header.data, header.numbers, named)


_NUMBERED = re.compile(r"\(?\s*(\d{1,3})\s*\)?\.?")


def _numbers_row(row: list[Raw], header: Sequence[tuple[int, int, Raw]]) -> bool:
    """Whether ``row`` numbers the header's columns: 1, 2, 3 … or (1), (2), (3) …, one
    under each header cell (at least four, or written in brackets)."""
    under = [row[col] if col < len(row) else "" for _, col, _ in header]
    filled = [raw for raw in row if not is_blank(raw)]
    if len(filled) != len(under) or len(filled) < 2 or any(is_blank(raw) for raw in under):
        return False
    numbers = []
    bracketed = False
    for raw in under:
        if isinstance(raw, bool):
            return False
        if isinstance(raw, int | float):
            if raw != int(raw):
                return False
            numbers.append(int(raw))
            continue
        match = _NUMBERED.fullmatch(as_text(raw).strip())
        if match is None:
            return False
        bracketed = bracketed or "(" in as_text(raw)
        numbers.append(int(match.group(1)))
    steps = all(b == a + 1 for a, b in itertools.pairwise(numbers))
    return steps and numbers[0] in (0, 1) and (bracketed or len(numbers) >= 4)


# ---------------------------------------------------------------------------- data rows

_CHUNK = 4096
"""Rows looked over at a time."""

_TOTALS = re.compile(
    r"(?:sub ?total|sub jumlah|grand total|jumlah|total|jml)"
    r"(?: (?:total|keseluruhan|seluruhnya|semua|seluruh|akhir|umum|akhir|\S+))?"
)
_SUSPECT = re.compile(
    r"\s*(?:jumlah|jml|total|sub|grand|keterangan|ket\b|catatan|mengetahui|nip\b|sumber|"
    r"n\.?\s?b\b|tabel|table|daftar|dibuat|disetujui|diperiksa|kepala|a\.?\s?n\b|plt\b|plh\b)",
    re.IGNORECASE,
)
"""A label cell worth a closer look: a totals row, notes below, a signature, a title."""
_NOTES = re.compile(
    r"(?:keterangan|ket|catatan|sumber(?: data)?|n\.?\s?b|note|notes)\s*[:.,]"
    r"|(?:mengetahui|disetujui|diperiksa|dibuat oleh|disusun oleh)\b"
    r"|nip\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"(?:kepala|sekretaris|a\.?\s?n\.?|plt\.?|plh\.?|pj\.?|walikota|wali kota|bupati)\b"
    r"|[^\W\d][\w .'-]*,\s*\d{1,2}\s+\w+\s+\d{4}",
    re.IGNORECASE,
)
"""A signature block's lines: "Kepala Dinas …", "a.n. Wali Kota", "Denpasar, 31 Desember
2025" (only where the row's label is blank)."""
_AMOUNT = re.compile(r"\(?[-+]?\s*(?:rp\.?\s*)?[\d.,\s]*\d[\d.,\s]*%?\)?|[-–—\s]*", re.IGNORECASE)


@dataclass
class _Walk:
    """Where a walk down the data rows is."""

    label_text: set[str]
    """The header's text over the label column (a repeated header holds it)."""
    gap: int | None = None
    """Position of the first blank (or totals) row of the latest run of them."""
    titles: int = 0
    """Rows holding one text each since then (another table's title)."""
    title: str = ""
    """The first of them."""


@dataclass
class Rows:
    """The data rows of a register, from grid index ``start``, as they pass.

    Iterating gives the rows unchanged until the table ends; meanwhile it notes totals
    rows and repeated headers (``skipped``: position -> what), and where the table ended
    and why (``end``). Data rows are told from the others by their label cell, looked at
    closely only when it is blank, not text, or starts like a totals word or a note.
    """

    rows: Iterator[list[Raw]]
    start: int
    sheet: Sheet
    label: int
    """Column index of the register's label column (Nama Aplikasi …)."""
    header: Header
    skipped: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Position -> (``totals`` | ``header`` | ``numbers``, the row's first text)."""
    end: tuple[int, int, int, str, str] | None = None
    """(position where the table ends, position of the sheet's last filled row, how many
    rows left out look like data rows, ``notes`` | ``table``, the first text of the row
    that ended it)."""

    def __iter__(self) -> Iterator[list[Raw]]:
        label_text = {as_text(raw).strip() for _, c, raw in self.header.cells if c == self.label}
        repeated = "|".join(re.escape(text) for text in sorted(label_text) if text)
        # In a chunk's label cells joined by NUL: those worth a closer look (a blank, a
        # totals word, a note, the header's own text).
        look = re.compile(
            rf"\0(?:{_SUSPECT.pattern}|\s*(?=\0|\Z)"
            + (rf"|\s*(?:{repeated})\s*(?=\0|\Z))" if repeated else ")"),
            re.IGNORECASE,
        )
        walk = _Walk(label_text)
        position = 0
        while chunk := list(itertools.islice(self.rows, _CHUNK)):
            stop = self._walk(chunk, position, look, walk)
            if stop is None:
                yield from chunk
                position += len(chunk)
                continue
            yield from chunk[:stop]
            return

    def _suspects(self, chunk: list[list[Raw]], look: re.Pattern[str]) -> list[int]:
        """The indexes of the rows of ``chunk`` whose label cell is worth a closer look,
        found with one regular-expression search over the chunk's labels."""
        try:
            labels = list(map(operator.itemgetter(self.label), chunk))
        except IndexError:  # a row shorter than the others: look at every one
            return list(range(len(chunk)))
        if not all(map(str.__instancecheck__, labels)):
            labels = [c if c.__class__ is str else "" for c in labels]
        joined = "\0" + "\0".join(labels)  # each label after a NUL, for a quick search
        if joined.count("\0") != len(labels):  # a label holds NUL itself
            return list(range(len(chunk)))
        found, at, index = [], 0, -1
        for match in look.finditer(joined):
            index += joined.count("\0", at, match.start() + 1)
            at = match.start() + 1
            found.append(index)
        return found

    def _walk(
        self, chunk: list[list[Raw]], base: int, look: re.Pattern[str], walk: _Walk
    ) -> int | None:
        """Look at the rows of ``chunk`` (from position ``base``) that need it, in order:
        those ``_suspects`` finds, and every row after a blank one until a data row.
        Returns the index in ``chunk`` where the table ends, or None."""
        suspects = self._suspects(chunk, look)
        k, i, size = 0, 0, len(chunk)
        while True:
            if walk.gap is None:
                while k < len(suspects) and suspects[k] < i:
                    k += 1
                if k == len(suspects):
                    return None
                i = suspects[k]
            if i >= size:
                return None
            row, position = chunk[i], base + i
            cell = row[self.label] if self.label < len(row) else ""
            if not any(row):
                if walk.gap is None:
                    walk.gap, walk.titles = position, 0
                i += 1
                continue
            kind, text = self._classify(row, cell, walk.label_text, walk.gap is not None)
            if kind == "data":
                walk.gap, walk.titles = None, 0
            elif kind in ("totals", "header"):
                self.skipped[position] = (kind, text)
                walk.gap, walk.titles = position if kind == "totals" else walk.gap, 0
            elif kind == "title":
                walk.titles += 1
                walk.title = walk.title if walk.titles > 1 else text
            else:  # the table ends
                at = position
                if kind == "table" and walk.gap is not None and walk.titles:
                    at, text = walk.gap, walk.title  # from the blank row above its title
                rest = itertools.chain(chunk[i + 1 :], self.rows)
                self.end = (at, *self._rest(position, rest), kind, text)
                return i
            i += 1

    def _rest(self, position: int, rows: Iterator[list[Raw]]) -> tuple[int, int]:
        """The position of the last filled row, reading the rest of the sheet, and how
        many rows from ``position`` on fill their label cell and half the header's
        columns, as data rows do."""
        last, dense = position, 0
        columns = [col for _, col, _ in self.header.cells]
        half = (len(columns) + 1) // 2
        for n, row in enumerate(itertools.chain([[]], rows), position):
            if n > position and any(not is_blank(raw) for raw in row):
                last = n
            cells = [row[col] for col in columns if col < len(row)]
            label = row[self.label] if self.label < len(row) else ""
            if not is_blank(label) and sum(not is_blank(c) for c in cells) >= half:
                dense += 1
        return last, dense

    def _classify(
        self, row: list[Raw], cell: Raw, label_text: set[str], after_gap: bool
    ) -> tuple[str, str]:
        """What a row is: ``data``, ``totals``, ``header`` (repeated), ``title`` (after
        a blank row, one text), or where the table ends: ``notes`` or ``table``."""
        texts = [(col, raw) for col, raw in enumerate(row) if not is_blank(raw)]
        if not texts:
            return "data", ""
        col, first = texts[0]
        text = as_text(first).strip()
        label = as_text(cell).strip() if not is_blank(cell) else ""
        if label and label in label_text and not after_gap:  # a printed page's header
            return "header", label
        for candidate, at in ((label, self.label), (text, col)):
            key = header_key(candidate) if candidate else ""
            if key and _TOTALS.fullmatch(key) and _amounts_only(texts, at):
                return "totals", candidate
        sparse = len(texts) <= max(2, len(self.header.cells) // 3)
        if sparse and isinstance(first, str) and _NOTES.match(text):
            return "notes", text
        if not label and sparse and isinstance(first, str) and _SIGNATURE.match(text):
            return "notes", text
        if after_gap:
            named = {
                named[0].key
                for _, raw in texts
                if (named := name_of(self.sheet, as_text(raw).strip())) is not None
            }
            if len(named) >= min(2, self.header.named) and len(named) * 2 >= self.header.named:
                return "table", text
            if len(texts) == 1 and isinstance(first, str):
                return "title", text
        return "data", text


def _amounts_only(texts: list[tuple[int, Raw]], word: int) -> bool:
    """Whether every filled cell but the totals word's is an amount (or a dash)."""
    for col, raw in texts:
        if col == word or isinstance(raw, int | float):
            continue
        if not isinstance(raw, str) or _AMOUNT.fullmatch(raw.strip()) is None:
            return False
    return True


def spread_merged(
    merged: Sequence[MergedRange] | None,
    raw: dict[int, list[Raw]],
    start: int,
    end: int,
) -> list[tuple[MergedRange, Raw]]:
    """Give a value merged down over several data rows to each row it covers (its first
    column's cells: a value merged across columns belongs to the first); the ranges
    spread, with their values."""
    spread = []
    for (top, left), (bottom, _) in merged or ():
        if bottom == top or top < start or left not in raw or top - start >= end:
            continue
        cells = raw[left]
        value = cells[top - start]
        if is_blank(value):
            continue
        last = min(bottom - start, len(cells) - 1)
        for position in range(top - start + 1, last + 1):
            if cells[position] == "":
                cells[position] = value
        spread.append((((top, left), (bottom, left)), value))
    return spread
