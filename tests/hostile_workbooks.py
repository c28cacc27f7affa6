"""The hostile-workbook corpus: damaged, odd and crafted workbooks, made by code.

``cases(folder)`` writes every case into ``folder`` and returns them as ``HostileCase``
values. Most are minimal .xlsx packages written from XML strings (``write_xlsx``), so any
part can carry anything: error cells, cached formula values, DTDs, far-apart cells. Run
them with ``tests/hostile_run.py``; ``tests/test_hostile_workbooks.py`` pins the messages.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hostile_case import Expect, HostileCase
from smartserang.problems import column_letter

from builders import XLSX_MAIN, XLSX_REL, xlsx_parts

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kota-sukamaju.xlsx"

ROW_LIMIT_STAND_IN = 2_000
"""The rows limit the runner sets (``--limit rows=...``) for the ``rows-over-limit`` case,
which stands in for a million rows when ``big`` is off."""

_MAIN = XLSX_MAIN
_REL = XLSX_REL
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)
"""The "billion laughs" DTD: ``&lol9;`` expands to 10**9 ``lol``."""
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
"""An external entity naming a file whose content must never reach any output."""

_Add = Callable[[str, Path, Expect, str], None]


class Xml(str):
    """A cell's content written as is (``<c r=..>`` + this + ``</c>``), attributes first."""

    __slots__ = ()


def cell_xml(ref: str, value: object) -> str:
    """One ``<c>`` element: text inline, numbers as values, ``Xml`` as given."""
    if value is None or value == "":
        return ""
    if isinstance(value, Xml):
        attributes, _, content = value.partition(">")
        return f'<c r="{ref}"{attributes}>{content}</c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(str(value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def sheet_data(rows: Sequence[Sequence[object]]) -> str:
    """``<sheetData>`` content of ``rows`` from A1."""
    parts = []
    for number, row in enumerate(rows, 1):
        cells = "".join(cell_xml(f"{column_letter(i)}{number}", v) for i, v in enumerate(row))
        parts.append(f'<row r="{number}">{cells}</row>')
    return "".join(parts)


def worksheet(data: str, prolog: str = "", extra: str = "") -> str:
    """A worksheet part around ``data`` (``sheetData`` content)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetData>{data}</sheetData>'
        f"{extra}</worksheet>"
    )


def write_xlsx(
    path: Path,
    sheets: Mapping[str, str],
    *,
    shared: str | None = None,
    states: Mapping[str, str] | None = None,
) -> Path:
    """A minimal .xlsx: ``sheets`` maps titles to whole worksheet parts (see ``worksheet``);
    ``shared`` is a whole sharedStrings part; ``states`` gives a title ``hidden``."""
    parts = xlsx_parts(list(sheets.items()), shared=shared, states=states)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


# -------------------------------------------------------------------- base content

PROFIL: list[list[object]] = [
    ["Instansi", "Pemerintah Kota Uji"],
    ["Jenis Instansi", "kota"],
    ["Tahun", 2025],
]
PENILAIAN: list[list[object]] = [
    ["Indikator", "Tingkat", "Penjelasan"],
    ["1", 2, "Perwal arsitektur"],
    ["35", 3, "SPSE"],
]
APLIKASI_HEADER: list[object] = [
    "Nama Aplikasi",
    "Perangkat Daerah",
    "Layanan SPBE",
    "Tingkat Layanan",
    "Status",
]
APLIKASI: list[list[object]] = [
    APLIKASI_HEADER,
    ["SPSE", "Bagian PBJ", "pengadaan", "transaksi", "aktif"],
    ["SIMPEG", "BKPSDM", "kepegawaian", "interaksi", "aktif"],
]


def basic(
    path: Path,
    *,
    profil: Sequence[Sequence[object]] | None = None,
    penilaian: Sequence[Sequence[object]] | None = None,
    aplikasi: Sequence[Sequence[object]] | None = None,
    **options: object,
) -> Path:
    """A small valid workbook (Profil, Penilaian, Aplikasi), any sheet replaced."""
    sheets = {
        "Profil": worksheet(sheet_data(profil or PROFIL)),
        "Penilaian": worksheet(sheet_data(penilaian or PENILAIAN)),
        "Aplikasi": worksheet(sheet_data(aplikasi or APLIKASI)),
    }
    return write_xlsx(path, sheets, **options)  # type: ignore[arg-type]


# -------------------------------------------------------------------- the cases


def cases(folder: Path, *, big: bool = False) -> list[HostileCase]:
    """Write every workbook case into ``folder``; ``big`` adds the million-row case and a
    larger zip bomb."""
    folder.mkdir(parents=True, exist_ok=True)
    found: list[HostileCase] = []

    def add(name: str, path: Path, expect: Expect, reason: str) -> None:
        found.append(HostileCase(name, path, "workbook", expect, reason))

    example = EXAMPLE.read_bytes()
    _damaged_zips(folder, example, add)
    text = folder / "text-named-xlsx.xlsx"
    text.write_text("Nama Aplikasi,Status\nSPSE,aktif\n", encoding="utf-8")
    add("text-named-xlsx", text, "error", "a CSV file renamed to .xlsx")
    encrypted = _encrypted(folder / "encrypted.xlsx", example)
    add("encrypted", encrypted, "error", "a password-protected workbook (password 'rahasia')")
    converted = _converted(folder, ("xls", "ods"))
    for kind, path in converted.items():
        add(kind, path, "ok", f"the example saved as .{kind} reads and scores")
    _shape_cases(folder, add)
    _count_cases(folder, add, converted)
    _named_cases(folder, add, example, converted)
    _unsaved_formula_cases(folder, add)
    _value_cases(folder, add)
    _size_cases(folder, add, big)
    _hidden_far_cases(folder, add)
    _entity_cases(folder, add)
    return found


def _damaged_zips(folder: Path, example: bytes, add: _Add) -> None:
    truncated = folder / "zip-truncated.xlsx"
    truncated.write_bytes(example[: len(example) // 2])
    add("zip-truncated", truncated, "error", "the first half of the example")
    # The central directory starts at the offset given 16 bytes into its end record.
    end = example.rindex(b"PK\x05\x06")
    directory = int.from_bytes(example[end + 16 : end + 20], "little")
    broken = bytearray(example)
    for offset in range(directory, directory + 46 * 3, 7):  # the first entries' fields
        broken[offset] ^= 0xFF
    path = folder / "zip-directory-flipped.xlsx"
    path.write_bytes(bytes(broken))
    add("zip-directory-flipped", path, "error", "bytes flipped in the zip's central directory")
    with zipfile.ZipFile(EXAMPLE) as archive:
        member = max(archive.infolist(), key=lambda i: i.compress_size)
    name_length = int.from_bytes(
        example[member.header_offset + 26 : member.header_offset + 28], "little"
    )
    extra_length = int.from_bytes(
        example[member.header_offset + 28 : member.header_offset + 30], "little"
    )
    start = member.header_offset + 30 + name_length + extra_length
    broken = bytearray(example)
    for offset in range(start + member.compress_size // 3, start + member.compress_size // 2, 11):
        broken[offset] ^= 0x5A
    path = folder / "zip-member-flipped.xlsx"
    path.write_bytes(bytes(broken))
    add("zip-member-flipped", path, "error", f"bytes flipped inside {member.filename}")


def _encrypted(path: Path, example: bytes) -> Path:
    """The example encrypted as Excel does with a password (an OLE file)."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]

    plain = io.BytesIO(example)
    with path.open("wb") as out:
        OOXMLFile(plain).encrypt("rahasia", out)
    return path


def _converted(folder: Path, kinds: Sequence[str]) -> dict[str, Path]:
    """The example saved by LibreOffice in each of ``kinds`` (none without LibreOffice),
    the conversions run side by side, each once per folder."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return {}
    named = {kind: folder / f"example.{kind}" for kind in kinds}
    running = []
    for kind, path in named.items():
        if path.exists():
            continue
        out = folder / f".lo-{kind}"  # one profile and one output folder per conversion
        command = [
            soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
            "--convert-to", kind, "--outdir", str(out), str(EXAMPLE),
        ]  # fmt: skip
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        running.append((process, out / f"{EXAMPLE.stem}.{kind}", path))
    for process, made, path in running:
        _, error = process.communicate(timeout=180)
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, process.args, stderr=error)
        made.replace(path)
    return named


def _shape_cases(folder: Path, add: _Add) -> None:
    path = write_xlsx(folder / "empty-workbook.xlsx", {"Sheet1": worksheet("")})
    add("empty-workbook", path, "error", "one empty sheet, none of the inventory's")
    empty = worksheet("")
    path = write_xlsx(folder / "empty-sheets.xlsx", {"Profil": empty, "Aplikasi": empty})
    add("empty-sheets", path, "ok", "the inventory's sheets, all empty (warnings only)")
    path = basic(
        folder / "hidden-sheets.xlsx", states={"Aplikasi": "hidden", "Profil": "veryHidden"}
    )
    add("hidden-sheets", path, "ok", "hidden sheets are read like the others")
    merged = worksheet(
        sheet_data([["Nama Aplikasi", None, "Status"], ["SPSE", None, "aktif"]]),
        extra='<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>',
    )
    sheets = {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": merged}
    path = write_xlsx(folder / "merged-header.xlsx", sheets)
    add("merged-header", path, "ok", "merged header and data cells: the value is the first cell's")
    wide: list[list[object]] = [
        [*APLIKASI_HEADER, *(f"Kolom {n}" for n in range(10_000))],
        APLIKASI[1],
    ]
    path = basic(folder / "columns-10000.xlsx", aplikasi=wide)
    add("columns-10000", path, "ok", "10,000 extra columns (unknown ones: warnings)")
    header: list[list[object]] = [
        ["Nama Aplikasi", "Status", "Nama Aplikasi"],
        ["SPSE", "aktif", "SPSE"],
    ]
    path = basic(folder / "duplicate-headers.xlsx", aplikasi=header)
    add("duplicate-headers", path, "error", "the same column header twice")
    twice: list[list[object]] = [*PENILAIAN, ["35", 4, "again"]]
    path = basic(folder / "duplicate-indicators.xlsx", penilaian=twice)
    add("duplicate-indicators", path, "error", "the same indicator assessed twice")


def _value_cases(folder: Path, add: _Add) -> None:
    formulas: list[list[object]] = [
        [*APLIKASI_HEADER, "Jumlah Pengguna", "Tahun"],
        [
            Xml(' t="str"><f>CONCATENATE("SP","SE")</f><v>SPSE</v>'),
            "Bagian PBJ", "pengadaan", "transaksi", "aktif",
            Xml("><f>1200+34</f><v>1234</v>"),
            Xml("><f>2020+4</f><v>2024</v>"),
        ],
    ]  # fmt: skip
    path = basic(folder / "formulas-cached.xlsx", aplikasi=formulas)
    add("formulas-cached", path, "ok", "formulas: their cached values are read")
    errors: list[list[object]] = [
        [*APLIKASI_HEADER, "Jumlah Pengguna"],
        [*APLIKASI[1], Xml(' t="e"><f>1/0</f><v>#DIV/0!</v>')],
        [Xml(' t="e"><f>VLOOKUP(1,X1:X2,2,0)</f><v>#N/A</v>'), *APLIKASI[2][1:]],
        ["SIMPEG", Xml(' t="e"><f>#REF!</f><v>#REF!</v>'), *APLIKASI[2][2:]],
    ]  # fmt: skip
    path = basic(folder / "error-cells.xlsx", aplikasi=errors)
    add("error-cells", path, "error", '#DIV/0!, #N/A and #REF! as real error cells (t="e")')
    as_text: list[list[object]] = [
        [*APLIKASI_HEADER, "Tahun", "Jumlah Pengguna", "Tanggal Reviu"],
        ["SPSE", "Bagian PBJ", "pengadaan", "transaksi", "aktif", "2023", " 1200 ", "2024-05-31"],
    ]
    profil: list[list[object]] = [
        *PROFIL[:2],
        ["Tahun", "2025"],
        ["Tanggal Penilaian", "2025-09-30"],
    ]
    path = basic(folder / "numbers-as-text.xlsx", aplikasi=as_text, profil=profil)
    add("numbers-as-text", path, "ok", "numbers and dates stored as text")
    path = basic(folder / "unicode.xlsx", **_unicode_sheets())
    add("unicode", path, "ok", "RTL Arabic, emoji, combining marks and zero-width characters")
    long_text: list[list[object]] = [
        [*APLIKASI_HEADER, "URL"],
        [*APLIKASI[1], "https://x.id/" + "a" * 32_000],
    ]
    path = basic(folder / "long-string.xlsx", aplikasi=long_text)
    add("long-string", path, "ok", "a 32,000-character cell (Excel's maximum is 32,767)")
    too_long: list[list[object]] = [APLIKASI_HEADER, ["S" * 40_000, *APLIKASI[1][1:]]]
    path = basic(folder / "string-over-limit.xlsx", aplikasi=too_long)
    add("string-over-limit", path, "error", "a 40,000-character cell: past the string-length limit")


UNICODE_TEXTS = (
    "بوابة الخدمات الإلكترونية",  # RTL Arabic
    "Layanan 🚀👩‍💻 Warga",  # emoji, with a zero-width joiner sequence
    "Re\u0301vu\u0308 Kota",  # combining marks
    "Sat\u200bu\u200c Da\u200dta\ufeff",  # zero-width space, non-joiner, joiner, BOM
)


def _unicode_sheets() -> dict[str, Sequence[Sequence[object]]]:
    """Every text field of every sheet holding right-to-left, emoji and invisible text."""
    arabic, emoji, combining, invisible = UNICODE_TEXTS
    return {
        "profil": [["Instansi", f"{arabic} {emoji}"], ["Jenis Instansi", "kota"], ["Tahun", 2025]],
        "penilaian": [
            ["Indikator", "Tingkat", "Penjelasan", "Data Dukung"],
            ["1", 2, combining, invisible],
            ["35", 3, arabic, emoji],
        ],
        "aplikasi": [
            [*APLIKASI_HEADER, "URL"],
            [emoji, arabic, "pengadaan", "transaksi", "aktif", f"https://x.id/{invisible}"],
            [combining, invisible, "kepegawaian", "interaksi", "aktif", arabic],
        ],
    }


def _size_cases(folder: Path, add: _Add, big: bool) -> None:
    rows = 1_000_000 if big else ROW_LIMIT_STAND_IN * 2
    name = "million-rows" if big else "rows-over-limit"
    path = _many_rows(folder / f"{name}.xlsx", rows)
    add(name, path, "error", f"{rows:,} rows in Aplikasi: past the rows limit")
    far = sheet_data(APLIKASI) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = write_xlsx(
        folder / "far-cells.xlsx",
        {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(far)},
    )
    add("far-cells", path, "error", "cells at A1 and XFD1048576: an area of 17 billion cells")
    size = 2_000_000_000 if big else 300_000_000
    path = _zip_bomb(folder / "zip-bomb.xlsx", size)
    add(
        "zip-bomb",
        path,
        "error",
        f"a sheet part of {size // 1_000_000:,} MB of blanks packed ~1000:1",
    )


def _many_rows(path: Path, rows: int) -> Path:
    """Aplikasi with ``rows`` filled rows after its header."""

    def chunks() -> Iterator[bytes]:
        head, tail = worksheet(sheet_data([APLIKASI_HEADER])).split("</sheetData>")
        yield head.encode()
        for start in range(2, rows + 2, 10_000):
            yield "".join(
                f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>App {n}</t></is></c>'
                f'<c r="E{n}" t="inlineStr"><is><t>aktif</t></is></c></row>'
                for n in range(start, min(start + 10_000, rows + 2))
            ).encode()
        yield f"</sheetData>{tail}".encode()

    return _replace_part(basic(path), "xl/worksheets/sheet3.xml", chunks(), level=1)


def _zip_bomb(path: Path, size: int) -> Path:
    """Aplikasi's part padded with ``size`` bytes of blanks, which pack about 1000:1."""

    def chunks() -> Iterator[bytes]:
        head, tail = worksheet(sheet_data(APLIKASI)).split("</sheetData>")
        yield head.encode()
        block = b" " * (1 << 24)
        for _ in range(size // len(block)):
            yield block
        yield f"</sheetData>{tail}".encode()

    return _replace_part(basic(path), "xl/worksheets/sheet3.xml", chunks(), level=9)


FAR = "XFD1048576"
"""Excel's last cell: with a cell at A1, python-calamine would allocate 17 billion cells."""


def _hidden_far_cases(folder: Path, add: _Add) -> None:
    """A cell at XFD1048576 written so that a reader looking only for ``<c r="...">``
    would miss it; python-calamine places each of them there."""
    head = sheet_data(APLIKASI)
    far_rows = {
        "far-cell-second-r": f'<row r="4"><c r="A4" s="0" r = \'{FAR}\'><v>1</v></c></row>',
        "far-cell-prefixed": f'<row r="4"><x:c xmlns:x="{_MAIN}" r="{FAR}"><v>1</v></x:c></row>',
        "far-cell-lowercase": f'<row r="4"><c r="{FAR.lower()}"><v>1</v></c></row>',
        "far-cell-counted": '<row r="1048576"><c><v>1</v></c></row>',
    }
    for name, row in far_rows.items():
        sheets = {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(head + row)}
        add(name, write_xlsx(folder / f"{name}.xlsx", sheets), "error", f"{row} after the data")
    far = worksheet(head + f'<row r="4"><c r="{FAR}"><v>1</v></c></row>')
    path = _rewritten(basic(folder / "far-cell-part-case.xlsx"), {
        "xl/worksheets/sheet3.xml": ("XL/Worksheets/Sheet3.XML", far.encode()),
    })  # fmt: skip
    add("far-cell-part-case", path, "error", "the far cell's part named in other letter case")
    path = basic(folder / "far-cell-second-sheet-entry.xlsx")
    workbook = _first_sheet_entry(path, "Aplikasi", "rId9")
    rels = _with_relationship(path, "rId9", "worksheets/far.xml")
    changes = {
        "xl/workbook.xml": ("xl/workbook.xml", workbook),
        "xl/_rels/workbook.xml.rels": ("xl/_rels/workbook.xml.rels", rels),
    }
    _rewritten(path, changes, {"xl/worksheets/far.xml": far.encode()})
    reason = "Aplikasi listed twice in the workbook part, first at a part with the far cell"
    add("far-cell-second-sheet-entry", path, "error", reason)
    far_ods = (
        '<table:table-row table:number-rows-repeated="1048572"><table:table-cell/>'
        "</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="
        f'"16383"/>{_ods_cell(1)}</table:table-row>'
    )
    path = write_ods(folder / "far-cell-repeated.ods", {"Profil": PROFIL, "Aplikasi": APLIKASI},
                     {"Aplikasi": far_ods})  # fmt: skip
    add("far-cell-repeated", path, "error", ".ods rows and cells repeated up to XFD1048576")


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_cell(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    text = escape(str(value))
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def write_ods(
    path: Path, tables: Mapping[str, Sequence[Sequence[object]]], extra: Mapping[str, str]
) -> Path:
    """A minimal OpenDocument spreadsheet: ``tables`` maps names to rows from A1;
    ``extra`` adds raw ``content.xml`` rows after a table's rows."""
    body = "".join(
        f"<table:table table:name={quoteattr(name)}>"
        + "".join(
            "<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + extra.get(name, "")
        + "</table:table>"
        for name, rows in tables.items()
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}'
        f' office:version="1.2"><office:body><office:spreadsheet>{body}'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry'
        ' manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml"'
        ' manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def _rewritten(
    path: Path, changes: Mapping[str, tuple[str, bytes]], added: Mapping[str, bytes] | None = None
) -> Path:
    """The package at ``path`` with members renamed and replaced (old name -> new name,
    new bytes) and members added."""
    with zipfile.ZipFile(path) as source:
        members = [(i.filename, source.read(i)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(*changes.get(name, (name, data)))
        for name, data in (added or {}).items():
            archive.writestr(name, data)
    return path


def _first_sheet_entry(path: Path, title: str, relation: str) -> bytes:
    """The workbook part with a first sheet entry for ``title`` naming ``relation``."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    entry = f'<sheet name="{title}" sheetId="9" r:id="{relation}"/>'
    return workbook.replace("<sheets>", f"<sheets>{entry}").encode()


def _with_relationship(path: Path, relation: str, target: str) -> bytes:
    """The workbook's relationships with one more worksheet relationship."""
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    extra = f'<Relationship Id="{relation}" Type="{_REL}/worksheet" Target="{target}"/>'
    return rels.replace("</Relationships>", f"{extra}</Relationships>").encode()


def _replace_part(path: Path, name: str, chunks: Iterator[bytes], level: int) -> Path:
    """Rewrite the package at ``path`` with the part ``name`` streamed from ``chunks``."""
    with zipfile.ZipFile(path) as source:
        kept = {i.filename: source.read(i) for i in source.infolist() if i.filename != name}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for member, data in kept.items():
            archive.writestr(member, data)
        with archive.open(name, "w", force_zip64=True) as part:
            for chunk in chunks:
                part.write(chunk)
    return path


def _entity_cases(folder: Path, add: _Add) -> None:
    for name, dtd, entity in (("billion-laughs", LAUGHS, "&lol9;"), ("xxe", XXE, "&xxe;")):
        rows = sheet_data([APLIKASI_HEADER, APLIKASI[1]]) + (
            f'<row r="3"><c r="A3" t="inlineStr"><is><t>{entity}</t></is></c></row>'
        )
        sheets = {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(rows, dtd)}
        path = write_xlsx(folder / f"{name}-sheet.xlsx", sheets)
        add(f"{name}-sheet", path, "error", f"{name} DTD in a sheet part, its entity used")
        shared = (
            f'<?xml version="1.0" encoding="UTF-8"?>{dtd}<sst xmlns="{_MAIN}" count="1"'
            f' uniqueCount="1"><si><t>{entity}</t></si></sst>'
        )
        rows = sheet_data([APLIKASI_HEADER, APLIKASI[1]]) + (
            '<row r="3"><c r="A3" t="s"><v>0</v></c></row>'
        )
        sheets = {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(rows)}
        path = write_xlsx(folder / f"{name}-shared-strings.xlsx", sheets, shared=shared)
        add(f"{name}-shared-strings", path, "error", f"{name} DTD in sharedStrings.xml")


# ------------------------------------------------- counts a reader trusts

HUGE_COUNTS = ("2147483648", "4294967295", "18446744073709551615", "1" + "0" * 30)
"""Counts past any workbook: python-calamine reserves room for a shared-string count
(2**31 and 2**32 - 1 abort the process, 2**64 - 1 panics)."""


def _count_cases(folder: Path, add: _Add, converted: Mapping[str, Path]) -> None:
    """Every count or size a reader may trust before it reads, set past what any workbook
    holds or any program writes: refused before calamine opens the file."""
    shared_rows = sheet_data([APLIKASI_HEADER]) + (
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="E2" t="s"><v>1</v></c></row>'
    )
    for value in HUGE_COUNTS:
        for attribute in ("uniqueCount", "count"):
            shared = (
                f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}" {attribute}="{value}">'
                "<si><t>SPSE</t></si><si><t>aktif</t></si></sst>"
            )
            sheets = {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(shared_rows)}
            name = f"count-sst-{attribute}-{value[:12]}"
            path = write_xlsx(folder / f"{name}.xlsx", sheets, shared=shared)
            add(name, path, "error", f"sharedStrings.xml {attribute}={value}")
    sized = {
        "dimension": ('<dimension ref="A1:XFD4294967295"/>', ""),
        "cols": ('<cols><col min="1" max="18446744073709551615" width="9"/></cols>', ""),
        "format": ('<sheetFormatPr defaultRowHeight="1e308" outlineLevelRow="255"/>', ""),
        "merge": ("", '<mergeCells count="1"><mergeCell ref="A1:XFD99999999"/></mergeCells>'),
        "merge-count": ("", '<mergeCells count="4294967295"><mergeCell ref="A1:B1"/></mergeCells>'),
    }
    for name, (head, tail) in sized.items():
        part = worksheet(sheet_data(APLIKASI), extra=tail).replace(
            "<sheetData>", head + "<sheetData>"
        )
        path = write_xlsx(
            folder / f"count-{name}.xlsx",
            {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": part},
        )
        add(f"count-{name}", path, "error", f"a worksheet's {name} past any program's maximum")
    spans = sheet_data(APLIKASI).replace('<row r="2">', '<row r="2" spans="1:4294967295">')
    path = write_xlsx(
        folder / "count-spans.xlsx",
        {"Profil": worksheet(sheet_data(PROFIL)), "Aplikasi": worksheet(spans)},
    )
    add("count-spans", path, "error", "a row's spans past column 16,384")
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{_MAIN}"><numFmts'
        ' count="4294967295"/><cellXfs count="18446744073709551615"><xf numFmtId="0"/></cellXfs>'
        "</styleSheet>"
    )
    path = basic(folder / "count-styles.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/styles.xml", styles)
    add("count-styles", path, "error", "styles.xml counts past the workbook")
    for axis, cell in (
        ("columns", '<table:table-cell table:number-columns-repeated="4294967295"'
         ' office:value-type="float" office:value="1"/>'),
        ("rows-spanned", '<table:table-cell table:number-rows-spanned="99999999"'
         ' office:value-type="float" office:value="1"/>'),
    ):  # fmt: skip
        row = f"<table:table-row>{cell}</table:table-row>"
        path = write_ods(folder / f"count-ods-{axis}.ods", {"Profil": PROFIL, "Aplikasi": APLIKASI},
                         {"Aplikasi": row})  # fmt: skip
        add(f"count-ods-{axis}", path, "error", f"an .ods cell's {axis} past any program's")
    if "xls" in converted:
        _xls_count_cases(folder, add, converted["xls"].read_bytes())


def _xls_count_cases(folder: Path, add: _Add, xls: bytes) -> None:
    """The example's .xls with a cell moved far and DIMENSIONS past the format."""
    import struct

    cell = xls.find(b"\xfd\x00\x0a\x00")  # a LABELSST record: row, column, ...
    dims = xls.find(b"\x00\x02\x0e\x00")  # DIMENSIONS: first row, last row + 1, ...
    for name, at, layout, values in (
        ("count-xls-far-cell", cell, "<HH", (0xFFFF, 0xFFFF)),
        ("count-xls-wide-cell", cell, "<HH", (0xFFFF, 0x00FF)),
        ("count-xls-dimensions", dims, "<IIHH", (0, 0x7FFFFFFF, 0, 0xFFFF)),
    ):
        changed = bytearray(xls)
        struct.pack_into(layout, changed, at + 4, *values)
        path = folder / f"{name}.xls"
        path.write_bytes(bytes(changed))
        add(name, path, "error", f"an .xls record set to {values}")


# ------------------------------------------------------- the file as it is


def _named_cases(folder: Path, add: _Add, example: bytes, converted: Mapping[str, Path]) -> None:
    """Workbooks under another format's name (read as what they are), and files that
    are no workbook under a workbook's name (refused, saying what they are)."""
    named = [("xlsx", example, ".xls"), ("xlsx", example, ".ods"), ("xlsx", example, ".xlsb")]
    for kind in ("xls", "ods"):
        if kind in converted:
            named.append((kind, converted[kind].read_bytes(), ".xlsx"))
    for kind, data, suffix in named:
        path = folder / f"named-{kind}-as{suffix}"
        path.write_bytes(data)
        add(path.stem, path, "ok", f"an .{kind} workbook named {suffix}")
    others: dict[str, bytes] = {
        "html-as.xls": b"<html><head><meta charset='utf-8'></head><body><table><tr><td>Nama"
        b" Aplikasi</td><td>Status</td></tr><tr><td>SPSE</td><td>aktif</td></tr></table>",
        "csv-as.xls": b"Nama Aplikasi;Status\nSPSE;aktif\n",
        "tsv-utf16-as.xls": "Nama Aplikasi\tStatus\nSPSE\taktif\n".encode("utf-16"),
        "xml2003-as.xls": b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
        "pdf-as.xlsx": b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n",
        "empty.xlsx": b"",
    }
    for name, data in others.items():
        path = folder / name
        path.write_bytes(data)
        add(Path(name).stem, path, "error", f"{name}: no workbook, named as one")
    for name, member in (("docx-as.xlsx", "word/document.xml"), ("zip-as.ods", "data.csv")):
        path = folder / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(member, "Nama Aplikasi,Status\n")
        add(Path(name).stem, path, "error", f"{name}: a zip holding no workbook")


# --------------------------------------------- formulas without a saved value


def _unsaved_formula_cases(folder: Path, add: _Add) -> None:
    """Levels entered as formulas saved without their values (written by a script):
    blank to every reader, so an error at the cell."""
    for name, cell in (
        ("formula-no-value", Xml("><f>1+2</f>")),
        ("formula-empty-value", Xml("><f>1+2</f><v></v>")),
        ("formula-shared-no-value", Xml('><f t="shared" si="0"/>')),
    ):
        claims: list[list[object]] = [*PENILAIAN, ["40", cell, "formula"]]
        add(name, basic(folder / f"{name}.xlsx", penilaian=claims), "error", f"Tingkat as {cell}")
    row = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>40</text:p>'
        '</table:table-cell><table:table-cell table:formula="of:=1+2"/></table:table-row>'
    )
    path = write_ods(folder / "formula-no-value-ods.ods",
                     {"Profil": PROFIL, "Penilaian": PENILAIAN, "Aplikasi": APLIKASI},
                     {"Penilaian": row})  # fmt: skip
    add("formula-no-value-ods", path, "error", "an .ods level as table:formula without a value")
