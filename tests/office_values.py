"""Office value shapes: the clean example rewritten as offices type its values.

Each family rewrites cells of ``examples/kota-sukamaju.xlsx`` as text the way staff type
it, and says what must come of the workbook: the example's own scores (``Same``), or an
error at the rewritten cell naming the fix (``Refused``) — never other scores. Cases are
drawn from a seed, so every family gives several variants; a ``Same`` case rewrites every
cell of its kind at once, a ``Refused`` case one cell.

Families (docs/workbook.md, "Values as offices type them"):

- ``numbers``: thousands by dots, spaces or commas, the decimal comma, rupiah, counts
  with their unit; refused: ``1,500``, a decimal count, a percentage, a dash, a unit the
  column does not count;
- ``text``: names in NFD where they are referred to and NFC where they are defined, with
  zero-width and no-break spaces inside; vocabulary values with invisible characters;
- ``levels``: ``Tingkat 3``, ``Level III``, ``3 (Terdefinisi)``, ``tiga``; refused: a
  name contradicting the number, a name alone, free text after the number;
- ``yes_no``: ``✓``, ``√``, ``v``, ``sudah``/``belum``, ``tidak ada``; refused: a cross,
  a dash, an answer with an explanation;
- ``dates``: day first with ``/``, ``-`` or ``.``, month names in Indonesian or English,
  a weekday, a time; refused: month first, a two-digit year, a month without its day, a
  weekday that does not fit.

``import_cases`` does the same for ``smartserang import``: CSV files shaped as exports
go wrong, each with the rows it must import and the lines it must name.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from smartserang.model import IndicatorSet

Edit = Callable[[Workbook], None]


@dataclass(frozen=True)
class Same:
    """The workbook must score exactly as the clean example does."""


@dataclass(frozen=True)
class Refused:
    """The workbook must be refused with an error at ``cell`` naming the fix."""

    cell: str
    """``Sheet!B7``: the only cell with an error."""
    code: str
    words: str
    """Words the (English) message must hold: the fix it names."""


@dataclass(frozen=True)
class OfficeCase:
    """One rewriting of the example, and what must come of it."""

    name: str
    edit: Edit
    expect: Same | Refused


MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def columns(sheet: Worksheet) -> dict[str, str]:
    """Header -> column letter of a register sheet."""
    return {str(c.value): c.column_letter for c in sheet[1] if c.value is not None}


def cells_of(book: Workbook, sheet: str, header: str) -> Iterator[tuple[str, Any]]:
    """``(cell reference, value)`` of the filled cells under ``header``."""
    ws = book[sheet]
    letter = columns(ws)[header]
    for row in range(2, ws.max_row + 1):
        value = ws[f"{letter}{row}"].value
        if value not in (None, ""):
            yield f"{letter}{row}", value


def _set(sheet: str, cell: str, value: object) -> Edit:
    def edit(book: Workbook) -> None:
        book[sheet][cell] = value

    return edit


def _both(*edits: Edit) -> Edit:
    def edit(book: Workbook) -> None:
        for one in edits:
            one(book)

    return edit


def _rewrite(sheet: str, header: str, form: Callable[[Any], object | None]) -> Edit:
    """Every filled cell under ``header`` written as ``form`` gives (None: left alone)."""

    def edit(book: Workbook) -> None:
        for cell, value in list(cells_of(book, sheet, header)):
            typed = form(value)
            if typed is not None:
                book[sheet][cell] = typed

    return edit


def _first_cell(sheet: str, header: str, example: Workbook, pick: Callable[[Any], bool]) -> str:
    """The first cell under ``header`` whose value ``pick`` chooses."""
    return next(cell for cell, value in cells_of(example, sheet, header) if pick(value))


# ---------------------------------------------------------------------- numbers


def _grouped(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


def _count_form(rng: random.Random, units: tuple[str, ...]) -> Callable[[Any], str | None]:
    def form(value: Any) -> str | None:
        if not isinstance(value, int | float):
            return None
        number = int(value)
        forms = [
            _grouped(number, "."),
            _grouped(number, " "),
            _grouped(number, "\u00a0"),
            _grouped(number, "\u202f"),
            f" {_grouped(number, '.')} ",
            f"{_grouped(number, '.')},00",
            f"{number},0",
        ]
        if number >= 1_000_000:
            forms.append(_grouped(number, ","))  # two or more commas: thousands, surely
        if units:
            forms.append(f"{_grouped(number, '.')} {rng.choice(units)}")
        return rng.choice(forms)

    return form


def _money_form(rng: random.Random) -> Callable[[Any], str | None]:
    def form(value: Any) -> str | None:
        if not isinstance(value, int | float):
            return None
        dotted = _grouped(int(value), ".")
        forms = [
            f"Rp {dotted}",
            f"Rp{dotted},-",
            f"Rp. {dotted},00",
            f"IDR {_grouped(int(value), ',')}",
            f"{dotted} rupiah",
            dotted,
        ]
        for scale, word in ((10**9, "miliar"), (10**6, "juta")):
            if int(value) % (scale // 100) == 0 and value >= scale:  # two decimals at most
                forms.append(f"Rp {format(value / scale, 'g').replace('.', ',')} {word}")
        return rng.choice(forms)

    return form


def _decimal_form(rng: random.Random) -> Callable[[Any], str | None]:
    def form(value: Any) -> str | None:
        if not isinstance(value, float) or value.is_integer():
            return None
        return rng.choice([str(value).replace(".", ","), str(value), f" {value} "])

    return form


COUNTS = (
    ("Fasilitas", "Jumlah", ("unit", "titik", "kamera", "buah")),
    ("Aplikasi", "Jumlah Pengguna", ("pengguna", "orang", "akun")),
    ("Aplikasi", "Tahun", ()),
    ("Program", "Tahun Mulai", ()),
    ("Target", "Tahun", ()),
)


def numbers(rng: random.Random, example: Workbook) -> list[OfficeCase]:
    """Counts, years, rupiah and decimals typed as text."""
    rewrite = [_rewrite(sheet, header, _count_form(rng, units)) for sheet, header, units in COUNTS]
    rewrite += [
        _rewrite("Program", "Anggaran", _money_form(rng)),
        _rewrite("Target", "Target", _decimal_form(rng)),
        _set("Profil", "B5", rng.choice(["718.436", "718 436 jiwa", "718.436 orang"])),
        _set("Profil", "B3", rng.choice(["2025", " 2025 ", "2.025"])),
    ]
    users = _first_cell("Aplikasi", "Jumlah Pengguna", example, lambda v: v >= 1000)
    count = _first_cell("Fasilitas", "Jumlah", example, lambda v: v > 1)
    target = _first_cell("Target", "Target", example, lambda v: not float(v).is_integer())
    budget = rng.choice([cell for cell, _ in cells_of(example, "Program", "Anggaran")])
    thousands = int(example["Aplikasi"][users].value)
    comma = f"{thousands // 1000},{thousands % 1000:03d}"
    half = rng.randint(2, 9)
    refused = [
        ("Aplikasi", users, comma, "inventory.integer", f"write {thousands} or"),
        ("Fasilitas", count, f"{half},5", "inventory.number", "must be a whole number"),
        ("Fasilitas", count, half + 0.5, "inventory.number", "must be a whole number"),
        ("Aplikasi", users, f"{rng.randint(10, 90)}%", "inventory.integer", "percentage"),
        ("Fasilitas", count, rng.choice(["-", "\u2013", "n/a"]), "inventory.number", "write 0"),
        ("Fasilitas", count, f"{half} km", "inventory.number", "remove 'km'"),
        ("Target", target, "2.500", "inventory.number", "write 2500 or 2,5"),
        ("Program", budget, "Rp 1,500", "inventory.number", "write 1500 or 1.500"),
    ]
    return _cases("numbers", rng, _both(*rewrite), refused)


def _cases(
    family: str,
    rng: random.Random,
    rewrite: Edit,
    refused: Sequence[tuple[str, str, object, str, str]],
) -> list[OfficeCase]:
    cases = [OfficeCase(f"{family}: all rewritten", rewrite, Same())]
    for sheet, cell, value, code, words in refused:
        name = f"{family}: {sheet}!{cell} = {value!r}"
        cases.append(
            OfficeCase(name, _set(sheet, cell, value), Refused(f"{sheet}!{cell}", code, words))
        )
    rng.shuffle(cases)
    return cases


# ---------------------------------------------------------------------- text

_ACCENTED = " B\u00e9rsama"
"""Appended to every name: its é is one character in NFC, two in NFD."""


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _invisible(rng: random.Random, text: str) -> str:
    """``text`` with a zero-width character inside, or a no-break space for a space."""
    if " " in text and rng.random() < 0.5:
        return text.replace(" ", "\u00a0", 1)
    cut = rng.randint(1, max(1, len(text) - 1))
    return text[:cut] + rng.choice(["\u200b", "\u2060", "\ufeff", "\u00ad"]) + text[cut:]


def _renamed(names: set[str], rng: random.Random, how: Callable[[str], str]) -> Edit:
    """Every name in ``names`` given the accented suffix: NFC where it is defined, written
    by ``how`` (NFD, with invisible characters...) wherever it is referred to."""

    def defined(value: Any) -> str | None:
        return f"{value}{_ACCENTED}" if value in names else None

    def referred(value: Any) -> str | None:
        if not isinstance(value, str):
            return None
        items = [item.strip() for item in value.split(",")]
        if not any(item in names for item in items):
            return None
        return ", ".join(how(f"{i}{_ACCENTED}") if i in names else i for i in items)

    return _both(
        _rewrite("Aplikasi", "Nama Aplikasi", defined),
        _rewrite("Perangkat Daerah", "Nama", defined),
        _rewrite("Aplikasi", "Terintegrasi Dengan", referred),
        _rewrite("Aplikasi", "Perangkat Daerah", referred),
        _rewrite("Fasilitas", "Perangkat Daerah Pengguna", referred),
        _rewrite("Program", "Perangkat Daerah", referred),
    )


def text(rng: random.Random, example: Workbook) -> list[OfficeCase]:
    """Names compared after NFC and without invisible characters; vocabulary alike."""
    names = {str(v) for _, v in cells_of(example, "Aplikasi", "Nama Aplikasi")}
    names |= {str(v) for _, v in cells_of(example, "Perangkat Daerah", "Nama")}

    def vocabulary(value: Any) -> str | None:
        return _invisible(rng, value) if isinstance(value, str) and rng.random() < 0.5 else None

    nfd = _renamed(names, rng, _nfd)
    hidden = _renamed(names, rng, lambda name: _nfd(_invisible(rng, name)))
    vocab = _both(
        *(
            _rewrite("Aplikasi", header, vocabulary)
            for header in ("Status", "Layanan SPBE", "Tingkat Layanan", "Hosting")
        ),
        _rewrite("Fasilitas", "Jenis", vocabulary),
        _rewrite("Kebijakan", "Topik", vocabulary),
    )
    cases = [
        OfficeCase("text: names NFD where referred to", nfd, Same()),
        OfficeCase("text: names with invisible characters", hidden, Same()),
        OfficeCase("text: vocabulary with invisible characters", vocab, Same()),
    ]
    rng.shuffle(cases)
    return cases


# ---------------------------------------------------------------------- levels


def _level_form(rng: random.Random, names: dict[int, str]) -> Callable[[Any], str | None]:
    words = {0: "nol", 1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima"}
    roman = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}

    def form(level: int) -> str:
        forms = [f"Tingkat {level}", f"Level {level}", f"{level},0", f"tingkat {words[level]}"]
        if level in roman:
            forms += [roman[level], f"Level {roman[level]}"]
        if level in names:
            name = names[level]
            forms += [f"{level} ({name})", f"{level} - {name}", f"{name} ({level})"]
        return rng.choice(forms)

    return form


def levels(rng: random.Random, example: Workbook, spbe: IndicatorSet) -> list[OfficeCase]:
    """Claimed and target levels, and service levels, as offices write them."""
    by_id = {i.id: i for i in spbe.indicators()}
    ws = example["Penilaian"]
    edits: list[Edit] = []
    process: list[str] = []
    for row in range(2, ws.max_row + 1):
        indicator = by_id[str(int(ws[f"A{row}"].value))]
        scale = spbe.scales[indicator.scale]
        names = {level.value: level.name.id for level in scale.levels}
        form = _level_form(rng, names)
        for letter in "BE":
            value = ws[f"{letter}{row}"].value
            if isinstance(value, int):
                edits.append(_set("Penilaian", f"{letter}{row}", form(value)))
                if letter == "B" and indicator.scale == "proses" and 1 <= value <= 4:
                    process.append(f"{letter}{row}")
    service = {"informasi": 1, "interaksi": 2, "transaksi": 3, "kolaborasi": 4, "optimum": 5}

    def service_form(value: Any) -> str | None:
        rank = service.get(str(value).casefold())
        if rank is None:
            return None
        return _level_form(rng, {rank: str(value)})(rank)

    edits.append(_rewrite("Aplikasi", "Tingkat Layanan", service_form))
    claim = rng.choice(process)
    level = int(ws[claim].value)
    layanan = _first_cell("Aplikasi", "Tingkat Layanan", example, lambda v: v == "transaksi")
    refused = [
        ("Penilaian", claim, f"{level} (Optimum)", "inventory.level", "is level 5, not"),
        ("Penilaian", claim, "Terdefinisi", "inventory.level", "write the level as a number"),
        ("Penilaian", claim, f"{level} (sudah ada SOP)", "inventory.level", "cannot be checked"),
        ("Penilaian", claim, f"Tingkat {level},5", "inventory.level", "whole number from 0 to 5"),
        ("Aplikasi", layanan, "3 (optimum)", "inventory.level", "is level 5, not 3"),
    ]
    return _cases("levels", rng, _both(*edits), refused)


# ---------------------------------------------------------------------- yes/no

YES_NO = (
    ("Aplikasi", "Sistem Penghubung"),
    ("Fasilitas", "Terhubung Nasional"),
    ("Kebijakan", "Mengatur Integrasi"),
    ("Program", "Quick Win"),
)


def yes_no(rng: random.Random, example: Workbook) -> list[OfficeCase]:
    """Yes/no as ticks and words."""
    yes = ["Ya", "YA", "iya", "\u2713", "\u2714", "\u221a", "v", "V", "sudah", "ada", "Y", "yes"]
    no = ["Tidak", "TIDAK", "tdk", "belum", "tidak ada", "Tidak Ada", "no", "N", "bukan"]

    def form(value: Any) -> str | None:
        if value == "ya":
            return rng.choice(yes)
        return rng.choice(no) if value == "tidak" else None

    rewrite = _both(*(_rewrite(sheet, header, form) for sheet, header in YES_NO))
    sheet, header = rng.choice(YES_NO)
    cell = _first_cell(sheet, header, example, lambda v: v in ("ya", "tidak"))
    refused = [
        (sheet, cell, rng.choice(["x", "X", "\u2717"]), "inventory.boolean", "a cross may mean"),
        (sheet, cell, "-", "inventory.boolean", "write tidak, or leave the cell blank"),
        (sheet, cell, "Ya, melalui SPLP", "inventory.boolean", "write ya or tidak alone"),
        (sheet, cell, "mungkin", "inventory.boolean", "must be ya or tidak"),
    ]
    return _cases("yes/no", rng, rewrite, refused)


# ---------------------------------------------------------------------- dates

DATES = (
    ("Aplikasi", "Tanggal Reviu"),
    ("Fasilitas", "Tanggal Reviu"),
    ("Kebijakan", "Tanggal Penetapan"),
    ("Kebijakan", "Tanggal Reviu"),
)


def _date_form(rng: random.Random) -> Callable[[Any], str | None]:
    def form(value: Any) -> str | None:
        if not isinstance(value, dt.date):
            return None
        d, m, y = value.day, value.month, value.year
        month_id, month_en = MONTHS_ID[m - 1], MONTHS_EN[m - 1]
        return rng.choice(
            [
                f"{d:02d}/{m:02d}/{y}",
                f"{d}/{m}/{y}",
                f"{d}-{m}-{y}",
                f"{d:02d}.{m:02d}.{y}",
                f"{d} {month_id} {y}",
                f"{d} {month_id[:3]} {y}",
                f"{d:02d}-{month_id[:3]}-{y}",
                f"{WEEKDAYS_ID[value.weekday()]}, {d} {month_id} {y}",
                f"{month_en} {d}, {y}",
                f"{value:%Y-%m-%d} 00:00:00",
                f"{value:%Y/%m/%d}",
            ]
        )

    return form


def dates(rng: random.Random, example: Workbook) -> list[OfficeCase]:
    """Dates typed day first, with month names, weekdays and times."""
    rewrite = _both(
        *(_rewrite(sheet, header, _date_form(rng)) for sheet, header in DATES),
        _set(
            "Profil", "B4", rng.choice(["30/09/2025", "30 September 2025", "Selasa, 30 Sep 2025"])
        ),
    )
    sheet, header = rng.choice(DATES)
    cell = _first_cell(sheet, header, example, lambda v: isinstance(v, dt.date) and v.day > 12)
    day: dt.date = example[sheet][cell].value
    wrong = WEEKDAYS_ID[(day.weekday() + rng.randint(1, 6)) % 7]
    refused = [
        (sheet, cell, f"{day.month}/{day.day}/{day.year}", "inventory.date", "month first"),
        (sheet, cell, f"{day.day}/{day.month}/{day.year % 100:02d}", "inventory.date", "in full"),
        (sheet, cell, f"{MONTHS_ID[day.month - 1][:3]} {day.year}", "inventory.date", "not a full"),
        (sheet, cell, f"{wrong}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}", "inventory.date",
         "does not fit"),
        (sheet, cell, f"31/02/{day.year}", "inventory.date", "must be a date"),
    ]  # fmt: skip
    return _cases("dates", rng, rewrite, refused)


FAMILIES = ("numbers", "text", "levels", "yes_no", "dates")


def office_cases(seed: int, example: Workbook, spbe: IndicatorSet) -> list[OfficeCase]:
    """Every family's cases drawn with ``seed``."""
    rng = random.Random(seed)
    return [
        *numbers(rng, example),
        *text(rng, example),
        *levels(rng, example, spbe),
        *yes_no(rng, example),
        *dates(rng, example),
    ]


# ---------------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportCase:
    """A CSV file shaped as an export went wrong, and what ``import`` must make of it."""

    name: str
    data: bytes
    rows: tuple[tuple[str, ...], ...]
    """The (Nama, Kecamatan, Status, Jumlah) rows it must import, as the clean CSV's."""
    lines: dict[int, str] = field(default_factory=dict)
    """CSV line -> words its problem must hold (the lines skipped)."""
    note: str = ""
    """Words a note must hold ("" : none)."""


HEADER = ("Nama", "Kecamatan", "Status", "Jumlah")


def csv_rows(example: Workbook) -> list[tuple[str, ...]]:
    """The example's facilities as CSV rows: name, kecamatan, status, count."""
    ws = example["Fasilitas"]
    at = columns(ws)
    rows = []
    for row in range(2, ws.max_row + 1):
        values = (ws[f"{at[h]}{row}"].value for h in HEADER)
        rows.append(tuple("" if v is None else str(int(v) if isinstance(v, float) else v)
                          for v in values))  # fmt: skip
    return rows


def _csv(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _quoted(field_text: str) -> str:
    return f'"{field_text}"' if "," in field_text or '"' in field_text else field_text


def import_cases(seed: int, example: Workbook) -> list[ImportCase]:
    """CSV shapes: records wrapped in quotes, line breaks inside values, mojibake,
    Indonesian thousands, one field on a line."""
    rng = random.Random(seed)
    rows = csv_rows(example)
    plain = [",".join(map(_quoted, row)) for row in rows]
    cases = [ImportCase("clean", _csv([",".join(HEADER), *plain]), tuple(rows))]
    wrapped = ['"' + line.replace('"', '""') + '"' for line in [",".join(HEADER), *plain]]
    cases.append(
        ImportCase("every record wrapped", _csv(wrapped), tuple(rows), note="outer quotes")
    )
    some = sorted(rng.sample(range(len(plain)), 3))
    lines = [",".join(HEADER)] + [
        '"' + line.replace('"', '""') + '"' if n in some else line for n, line in enumerate(plain)
    ]
    cases.append(ImportCase("some records wrapped", _csv(lines), tuple(rows), note="outer quotes"))
    plain_names = [n for n, row in enumerate(rows) if " " in row[0] and "," not in row[0]]
    spaced = [(n, k) for n, row in enumerate(rows) for k in (1, 2) if " " in row[k]]
    broken, k = rng.choice(spaced)
    row = rows[broken]
    head, tail = row[k].split(" ", 1)
    split_lines = [",".join(HEADER)]
    for n, text in enumerate(plain):
        if n == broken:
            split_lines.append(",".join(map(_quoted, (*row[:k], head))))
            split_lines.append(",".join(map(_quoted, (tail, *row[k + 1 :]))))
        else:
            split_lines.append(text)
    line = broken + 2
    kept = tuple(r for n, r in enumerate(rows) if n != broken)
    cases.append(
        ImportCase(
            "line break inside a value",
            _csv(split_lines),
            kept,
            {line: "go on at line", line + 1: f"continuation of line {line}"},
        )
    )
    # In the first value: the rest of the record reads as a record of its own, named.
    first = rng.choice(plain_names)
    head, tail = rows[first][0].split(" ", 1)
    split_lines = [",".join(HEADER)]
    for n, line_text in enumerate(plain):
        if n == first:
            split_lines += [head, ",".join(map(_quoted, (tail, *rows[n][1:])))]
        else:
            split_lines.append(line_text)
    read = tuple((tail, *r[1:]) if n == first else r for n, r in enumerate(rows))
    cases.append(
        ImportCase(
            "line break inside the first value",
            _csv(split_lines),
            read,
            {first + 2: f"if line {first + 3} is its continuation"},
        )
    )
    garbled = sorted(rng.sample(range(len(rows)), 2))
    mojibake_lines = [",".join(HEADER)]
    for n, row in enumerate(rows):
        shown = (f"{row[0]} Caf\u00e9".encode().decode("cp1252"), *row[1:]) if n in garbled else row
        mojibake_lines.append(",".join(map(_quoted, shown)))
    kept = tuple(r for n, r in enumerate(rows) if n not in garbled)
    one, two = (n + 2 for n in garbled)
    cases.append(
        ImportCase(
            "mojibake",
            _csv(mojibake_lines),
            kept,
            {one: "save it as UTF-8", two: f"as on line {one}"},
        )
    )
    thousands = [",".join(HEADER)]
    expected = []
    for row in rows:
        count = int(row[3]) * 1000 + rng.randint(0, 999)
        thousands.append(",".join(map(_quoted, (*row[:3], _grouped(count, ".")))))
        expected.append((*row[:3], str(count)))
    cases.append(ImportCase("Indonesian thousands", _csv(thousands), tuple(expected)))
    lone = rng.choice(plain_names)
    lone_lines = [",".join(HEADER)] + [
        rows[n][0] if n == lone else line for n, line in enumerate(plain)
    ]
    kept = tuple(r for n, r in enumerate(rows) if n != lone)
    cases.append(
        ImportCase("one field", _csv(lone_lines), kept, {lone + 2: "1 field where the header"})
    )
    return cases
