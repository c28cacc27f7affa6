"""Generate synthetic inventory workbooks for the benchmarks, cached under ``.cache/``.

Each workbook follows the workbook contract (``src/smartserang/contract.py``) with values
like those of ``examples/make_examples.py``: Profil, Perangkat Daerah, Penilaian (the 47
SPBE indicators), a short Kebijakan register, and Aplikasi and Fasilitas registers of
``N`` rows each, drawn from the contract's vocabularies (several accepted spellings),
with dates, comma-separated lists and a few blank cells. Generation is seeded: the same
``N`` gives the same cell values.

The same cells are written in several ways, because a reader's speed depends on how a
writer stores them (the writer matrix of ``run.py``):

- ``write_workbook``: openpyxl's write-only mode (the default mode holds every cell in
  memory and is several times slower for 100k+ rows), text inline, blank cells left out
  (or, for the matrix's ``openpyxl`` writer, written as empty text cells);
- ``write_excel_like``: as Excel stores them, shared strings and blank cells left out,
  written part by part here;
- ``resave``: the Excel-like file opened and saved again by LibreOffice, as .xlsx or
  as .ods (only where ``soffice`` is installed).

Files already in the cache are reused; delete ``benchmarks/.cache/`` (or pass
``--force``) to rebuild them.

Run from the repository root::

    python benchmarks/generate.py --rows 1000 10000 100000 300000
    python benchmarks/generate.py --rows 100000 --writer excel --writer ods
    python benchmarks/generate.py --batch 500 --batch-rows 2000
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
GENERATOR_VERSION = 1
"""Part of every cached file name: bump it when the generated data changes."""

Cell = str | int | float | dt.date | None
Row = tuple[Cell, ...]

UNITS: tuple[tuple[str, str], ...] = (
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Perhubungan", "Dishub"),
    ("Inspektorat Daerah", "Inspektorat"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("Bagian Pengadaan Barang dan Jasa Sekretariat Daerah", "Bagian PBJ"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip"),
    ("Bagian Hukum Sekretariat Daerah", "Bagian Hukum"),
    ("Dinas Pendidikan", "Disdik"),
    ("Dinas Sosial", "Dinsos"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD"),
)
KECAMATAN = ("Sukamaju Kota", "Karangtengah", "Cimanggu", "Pasirjaya", "Tanjungsari", "Mekarwangi")

# Accepted spellings, several per term, as a city's workbook would mix them.
LAYANAN = (
    "perencanaan", "penganggaran", "Keuangan", "pengadaan", "kepegawaian", "kearsipan",
    "BMD", "pengawasan", "akuntabilitas", "kinerja", "pengaduan", "Data-Terbuka", "jdih",
    "sektor 1", "Sektor_2", "sektor 3", "42", "35",
)  # fmt: skip
TINGKAT_LAYANAN = ("informasi", "interaksi", "transaksi", "TRANSAKSI", "kolaborasi", "optimum")
STATUS_ASET = ("aktif", "aktif", "aktif", "aktif", "tidak aktif", "pengembangan")
HOSTING = ("pusat data daerah", "PDN", "cloud", "lokal")
BOOLEAN = ("ya", "tidak", "ya", "tidak", "yes")
DIMENSI = ("governance", "branding", "economy", "living", "society", "environment")
JENIS_FASILITAS = (
    "pusat data", "jaringan intra", "sistem penghubung", "wifi publik", "CCTV",
    "command center", "DRC", "fiber optik", "sensor lingkungan", "peringatan dini",
)  # fmt: skip
APP_STEMS = (
    "SIPD", "e-Budgeting", "SIMPEG", "SRIKANDI", "SIMBADA", "SIMWAS", "e-SAKIP", "e-Kinerja",
    "SIGAP Warga", "Portal Satu Data", "JDIH", "Sukamaju Sehat", "SIDAKU", "SiCantik",
    "Pajak Online", "e-Retribusi", "SPSE", "e-Musrenbang", "e-Presensi", "Lapor Bencana",
)  # fmt: skip

APLIKASI_HEADER = (
    "Nama Aplikasi", "Perangkat Daerah", "Layanan SPBE", "Tingkat Layanan", "Status",
    "Terintegrasi Dengan", "Hosting", "Sistem Penghubung", "Dimensi Smart City", "URL",
    "Tahun", "Tanggal Reviu", "Jumlah Pengguna",
)  # fmt: skip
FASILITAS_HEADER = (
    "Nama", "Jenis", "Perangkat Daerah Pengguna", "Kecamatan", "Status",
    "Terhubung Nasional", "Jumlah", "Tanggal Reviu", "Koordinat",
)  # fmt: skip
KEBIJAKAN_HEADER = (
    "Judul", "Nomor", "Topik", "Status", "Cakupan", "Mengatur Integrasi",
    "Tanggal Penetapan", "Tanggal Reviu",
)  # fmt: skip
KEBIJAKAN_TOPIK = (
    "arsitektur spbe", "peta rencana", "manajemen data", "pembangunan aplikasi", "pusat data",
    "jaringan intra", "sistem penghubung", "keamanan informasi", "audit tik", "tim koordinasi",
)  # fmt: skip


def _date(rng: random.Random, first_year: int = 2019) -> dt.date:
    """A date between 1 January ``first_year`` and 30 September 2025."""
    start = dt.date(first_year, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(2025, 9, 30).toordinal()))


def _aplikasi_rows(rng: random.Random, n: int) -> Iterator[Row]:
    names: list[str] = []
    for i in range(n):
        name = f"{rng.choice(APP_STEMS)} {i + 1}"
        integrated = ", ".join(rng.sample(names[-50:], k=min(len(names), rng.randint(0, 3))))
        dims = ", ".join(rng.sample(DIMENSI, k=rng.randint(1, 2)))
        yield (
            name,
            rng.choice(UNITS)[0],
            rng.choice(LAYANAN),
            rng.choice(TINGKAT_LAYANAN),
            rng.choice(STATUS_ASET),
            integrated or None,
            rng.choice(HOSTING),
            rng.choice(BOOLEAN),
            dims,
            f"https://app{i + 1}.sukamajukota.go.id",
            rng.randint(2010, 2025),
            _date(rng) if rng.random() < 0.85 else None,
            rng.randint(0, 50_000),
        )
        names.append(name)


def _fasilitas_rows(rng: random.Random, n: int) -> Iterator[Row]:
    for i in range(n):
        jenis = rng.choice(JENIS_FASILITAS)
        served = (
            "semua"
            if rng.random() < 0.2
            else ", ".join(u[0] for u in rng.sample(UNITS, k=rng.randint(1, 4)))
        )
        lat = -6.9 + rng.random() * 0.2
        lon = 107.5 + rng.random() * 0.2
        yield (
            f"{jenis.title()} {i + 1}",
            jenis,
            served,
            rng.choice(KECAMATAN),
            rng.choice(STATUS_ASET),
            rng.choice(BOOLEAN),
            rng.randint(1, 40),
            _date(rng) if rng.random() < 0.8 else None,
            f"{lat:.5f}, {lon:.5f}",
        )


def _penilaian_rows(rng: random.Random) -> Iterator[Row]:
    for indicator in range(1, 48):
        level = rng.randint(1, 5) if rng.random() < 0.95 else None
        target = rng.randint(2, 5) if rng.random() < 0.2 else None
        yield (indicator, level, f"Penjelasan indikator {indicator}.", None, target)


def _kebijakan_rows(rng: random.Random) -> Iterator[Row]:
    for number, topik in enumerate(KEBIJAKAN_TOPIK, start=1):
        yield (
            f"Peraturan Wali Kota tentang {topik.title()}",
            f"{number} Tahun {rng.randint(2019, 2025)}",
            topik,
            rng.choice(("ditetapkan", "ditetapkan", "konsep")),
            rng.choice(("sebagian", "lengkap")),
            rng.choice(BOOLEAN),
            _date(rng, 2019),
            _date(rng, 2023) if rng.random() < 0.5 else None,
        )


def _sheets(rows: int, seed: int) -> list[tuple[str, Iterator[Row]]]:
    """The workbook's sheets in order, each as its title and its rows from A1 (a
    register's header first)."""
    rng = random.Random(seed)
    profil: list[Row] = [
        ("Instansi", f"Pemerintah Kota Sintetis {seed}"),
        ("Jenis Instansi", "kota"),
        ("Tahun", 2025),
        ("Tanggal Penilaian", dt.date(2025, 9, 30)),
        ("Jumlah Penduduk", rng.randint(100_000, 3_000_000)),
        ("Jumlah Kecamatan", len(KECAMATAN)),
        ("Jumlah Perangkat Daerah", len(UNITS)),
    ]
    tables: tuple[tuple[str, Row, Iterator[Row]], ...] = (
        ("Perangkat Daerah", ("Nama", "Singkatan"), iter(UNITS)),
        ("Penilaian", ("Indikator", "Tingkat", "Penjelasan", "Data Dukung", "Target"),
         _penilaian_rows(rng)),
        ("Kebijakan", KEBIJAKAN_HEADER, _kebijakan_rows(rng)),
        ("Aplikasi", APLIKASI_HEADER, _aplikasi_rows(rng, rows)),
        ("Fasilitas", FASILITAS_HEADER, _fasilitas_rows(rng, rows)),
    )  # fmt: skip
    # (each register's rows are drawn as it is written, in this order: the same cells
    # whichever writer takes them)
    return [
        ("Profil", iter(profil)),
        *((title, itertools.chain([header], body)) for title, header, body in tables),
    ]


def write_workbook(path: Path, rows: int, seed: int, blank: str | None = None) -> None:
    """Write one inventory workbook with ``rows`` Aplikasi and ``rows`` Fasilitas rows with
    openpyxl's write-only mode, which writes text inline (``t="inlineStr"``). ``blank``:
    what a blank cell is written as: None leaves it out, ``""`` writes an empty text cell
    (``<c r="F2" t="inlineStr" />``), as openpyxl does for a blank read from elsewhere."""
    wb = Workbook(write_only=True)
    for title, body in _sheets(rows, seed):
        ws = wb.create_sheet(title)
        for row in body:
            ws.append([blank if cell is None else cell for cell in row])
    with _replacing(path) as partial:
        wb.save(partial)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A path beside ``path`` to write to, renamed to ``path`` at the end, so a killed run
    leaves no half-written workbook in the cache (a folder benchmark would try to score it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    yield partial
    partial.replace(path)


# ------------------------------------------------------------------ as Excel stores it

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_WORKSHEET_START = (
    f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' mc:Ignorable="x14ac"'
    ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
)
_EPOCH = dt.date(1899, 12, 30).toordinal()
"""Day 0 of Excel's date serial numbers (1900 date system, past February 1900)."""


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_excel_like(path: Path, rows: int, seed: int) -> None:
    """Write the same workbook as Excel stores it: text in the shared-strings table
    (``t="s"``), numbers and dates as bare values (dates with a date style), blank cells
    left out, each row tag with its ``spans`` and Excel's ``x14ac:dyDescent``. Written
    here part by part: the few XML parts of a workbook need no library."""
    strings: dict[str, int] = {}
    parts: dict[str, str] = {}
    titles = []
    for number, (title, body) in enumerate(_sheets(rows, seed), start=1):
        titles.append(title)
        parts[f"xl/worksheets/sheet{number}.xml"] = _excel_sheet(body, strings)
    listed = "".join(
        f'<si><t xml:space="preserve">{_escaped(s)}</t></si>'
        if s != s.strip()
        else f"<si><t>{_escaped(s)}</t></si>"
        for s in strings
    )
    count = len(strings)
    parts["xl/sharedStrings.xml"] = (
        f'{_DECLARATION}<sst xmlns="{_MAIN}" count="{count}" uniqueCount="{count}">{listed}</sst>'
    )
    sheets = "".join(
        f'<sheet name="{_escaped(t)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, t in enumerate(titles, start=1)
    )
    parts["xl/workbook.xml"] = (
        f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}">'
        f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
        "</workbook>"
    )
    relations = [
        (f"rId{n}", "worksheet", f"worksheets/sheet{n}.xml") for n in range(1, len(titles) + 1)
    ]
    relations += [
        (f"rId{len(titles) + 1}", "styles", "styles.xml"),
        (f"rId{len(titles) + 2}", "sharedStrings", "sharedStrings.xml"),
    ]
    parts["xl/_rels/workbook.xml.rels"] = _relationships(relations, f"{_RELS}/")
    # one cell style besides the default: a date (built-in number format 14, d/m/yyyy)
    parts["xl/styles.xml"] = (
        f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    )
    parts["_rels/.rels"] = _relationships(
        [("rId1", "officeDocument", "xl/workbook.xml")], f"{_RELS}/"
    )
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, len(titles) + 1)
    )
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts["[Content_Types].xml"] = (
        f"{_DECLARATION}<Types "
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f"{sheet_types}"
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.sharedStrings+xml"/>'
        "</Types>"
    )
    with _replacing(path) as partial, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in (
            "[Content_Types].xml",
            "_rels/.rels",
            *sorted(set(parts) - {"[Content_Types].xml", "_rels/.rels"}),
        ):
            zf.writestr(name, parts[name])


def _relationships(relations: list[tuple[str, str, str]], kind_base: str) -> str:
    listed = "".join(
        f'<Relationship Id="{i}" Type="{kind_base}{kind}" Target="{target}"/>'
        for i, kind, target in relations
    )
    return f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELS}">{listed}</Relationships>'


def _excel_sheet(body: Iterator[Row], strings: dict[str, int]) -> str:
    """One worksheet part as Excel writes it; new texts are added to ``strings``."""
    out: list[str] = []
    last_row = last_column = 0
    for number, row in enumerate(body, start=1):
        cells = []
        for index, cell in enumerate(row):
            if cell is None:
                continue  # Excel writes no element for a blank cell
            ref = f"{_letters(index)}{number}"
            if isinstance(cell, str):
                cells.append(
                    f'<c r="{ref}" t="s"><v>{strings.setdefault(cell, len(strings))}</v></c>'
                )
            elif isinstance(cell, dt.date):
                cells.append(f'<c r="{ref}" s="1"><v>{cell.toordinal() - _EPOCH}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{cell}</v></c>')
            last_column = max(last_column, index + 1)
        last_row = number
        out.append(
            f'<row r="{number}" spans="1:{len(row)}" x14ac:dyDescent="0.25">{"".join(cells)}</row>'
        )
    area = f"A1:{_letters(last_column - 1)}{last_row}" if last_row else "A1"
    return (
        f'{_WORKSHEET_START}<dimension ref="{area}"/><sheetViews>'
        '<sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
        f"<sheetData>{''.join(out)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )


def _letters(index: int) -> str:
    """The column letters of 0-based ``index``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ------------------------------------------------------------------ re-saved by LibreOffice


def soffice() -> str | None:
    """LibreOffice's command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def resave(source: Path, path: Path) -> None:
    """``source`` opened and saved again by LibreOffice, in the format of ``path``'s
    suffix (``.xlsx`` or ``.ods``). Needs ``soffice``."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    kind = path.suffix.lstrip(".")
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        out = Path(scratch)
        # a profile of its own: a LibreOffice already running elsewhere is not disturbed
        command = [
            program, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
            "--convert-to", kind, "--outdir", str(out), str(source),
        ]  # fmt: skip
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=3600)
        with _replacing(path) as partial:
            (out / f"{source.stem}.{kind}").replace(partial)


WRITERS = {
    "excel": "as Excel stores it (shared strings, blanks left out)",
    "openpyxl": 'openpyxl write-only, blanks as "" (empty inline strings)',
    "libreoffice": "re-saved by LibreOffice (.xlsx)",
    "ods": "saved by LibreOffice as .ods",
}
"""The writers of the matrix, each with what its file is."""
LIBREOFFICE_WRITERS = ("libreoffice", "ods")


def matrix_path(rows: int, writer: str) -> Path:
    """The cached workbook of the matrix with ``rows`` rows per large register."""
    suffix = ".ods" if writer == "ods" else ".xlsx"
    return CACHE / f"inventory-v{GENERATOR_VERSION}-{rows}-{writer}{suffix}"


def ensure_matrix_workbook(rows: int, writer: str, force: bool = False) -> Path:
    """The path of the matrix workbook of ``writer`` with ``rows`` rows, made if not
    cached (the LibreOffice ones from the Excel one; they need ``soffice``)."""
    path = matrix_path(rows, writer)
    if force or not path.exists():
        seed = rows
        if writer == "excel":
            write_excel_like(path, rows, seed)
        elif writer == "openpyxl":
            write_workbook(path, rows, seed, blank="")
        elif writer in LIBREOFFICE_WRITERS:
            resave(ensure_matrix_workbook(rows, "excel"), path)
        else:
            raise ValueError(f"unknown writer {writer!r}")
    return path


def workbook_path(rows: int) -> Path:
    """The cached workbook with ``rows`` rows per large register."""
    return CACHE / f"inventory-v{GENERATOR_VERSION}-{rows}.xlsx"


def batch_dir(count: int, rows: int) -> Path:
    """The cached folder of ``count`` workbooks with ``rows`` rows each."""
    return CACHE / f"batch-v{GENERATOR_VERSION}-{count}x{rows}"


def ensure_workbook(rows: int, force: bool = False) -> Path:
    """The path of the ``rows`` workbook, generating it if it is not cached."""
    path = workbook_path(rows)
    if force or not path.exists():
        write_workbook(path, rows, seed=rows)
    return path


def _write_batch_member(args: tuple[Path, int, int]) -> None:
    path, rows, seed = args
    if not path.exists():
        write_workbook(path, rows, seed)


def ensure_batch(count: int, rows: int, force: bool = False) -> Path:
    """The folder of ``count`` workbooks of ``rows`` rows, generating missing members."""
    folder = batch_dir(count, rows)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.partial*"):
        stale.unlink()
    jobs = []
    for i in range(count):
        path = folder / f"instansi-{i + 1:04d}.xlsx"
        if force:
            path.unlink(missing_ok=True)
        jobs.append((path, rows, 1_000_000 + i))
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_write_batch_member, jobs, chunksize=8))
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the requested workbooks and print their paths with the time taken."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[], help="rows per register")
    parser.add_argument("--batch", type=int, default=0, help="number of workbooks in a folder")
    parser.add_argument("--batch-rows", type=int, default=2000, help="rows per batch workbook")
    parser.add_argument(
        "--writer",
        choices=WRITERS,
        action="append",
        help="with --rows: write the matrix workbook of this writer (repeatable)",
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    if not args.rows and not args.batch:
        parser.error("give --rows N ... and/or --batch COUNT")
    for rows in args.rows:
        for writer in args.writer or [None]:
            start = time.perf_counter()
            if writer is None:
                path = ensure_workbook(rows, args.force)
            else:
                path = ensure_matrix_workbook(rows, writer, args.force)
            print(f"{path}  ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    if args.batch:
        start = time.perf_counter()
        folder = ensure_batch(args.batch, args.batch_rows, args.force)
        print(f"{folder}/  ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
