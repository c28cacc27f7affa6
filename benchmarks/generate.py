"""Generate synthetic inventory workbooks for the benchmarks, cached under ``.cache/``.

Each workbook follows the workbook contract (``src/smartserang/contract.py``) with values
like those of ``examples/make_examples.py``: Profil, Perangkat Daerah, Penilaian (the 47
SPBE indicators), a short Kebijakan register, and Aplikasi and Fasilitas registers of
``N`` rows each, drawn from the contract's vocabularies (several accepted spellings),
with dates, comma-separated lists and a few blank cells. Generation is seeded: the same
``N`` gives the same cell values.

Writing is done with openpyxl's write-only mode (the default mode holds every cell in
memory and is several times slower for 100k+ rows). Files already in the cache are
reused; delete ``benchmarks/.cache/`` (or pass ``--force``) to rebuild them.

Run from the repository root::

    python benchmarks/generate.py --rows 1000 10000 100000 300000
    python benchmarks/generate.py --batch 500 --batch-rows 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
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


def write_workbook(path: Path, rows: int, seed: int) -> None:
    """Write one inventory workbook with ``rows`` Aplikasi and ``rows`` Fasilitas rows."""
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    profil = wb.create_sheet("Profil")
    for pair in (
        ("Instansi", f"Pemerintah Kota Sintetis {seed}"),
        ("Jenis Instansi", "kota"),
        ("Tahun", 2025),
        ("Tanggal Penilaian", dt.date(2025, 9, 30)),
        ("Jumlah Penduduk", rng.randint(100_000, 3_000_000)),
        ("Jumlah Kecamatan", len(KECAMATAN)),
        ("Jumlah Perangkat Daerah", len(UNITS)),
    ):
        profil.append(list(pair))
    tables: tuple[tuple[str, Sequence[str], Iterator[Row]], ...] = (
        ("Perangkat Daerah", ("Nama", "Singkatan"), iter(UNITS)),
        ("Penilaian", ("Indikator", "Tingkat", "Penjelasan", "Data Dukung", "Target"),
         _penilaian_rows(rng)),
        ("Kebijakan", KEBIJAKAN_HEADER, _kebijakan_rows(rng)),
        ("Aplikasi", APLIKASI_HEADER, _aplikasi_rows(rng, rows)),
        ("Fasilitas", FASILITAS_HEADER, _fasilitas_rows(rng, rows)),
    )  # fmt: skip
    for title, header, body in tables:
        ws = wb.create_sheet(title)
        ws.append(list(header))
        for row in body:
            ws.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed, so a killed run leaves no half-written .xlsx
    # in the cache (a folder benchmark would try to score it).
    partial = path.with_name(path.name + ".partial")
    wb.save(partial)
    partial.replace(path)


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
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    if not args.rows and not args.batch:
        parser.error("give --rows N ... and/or --batch COUNT")
    for rows in args.rows:
        start = time.perf_counter()
        path = ensure_workbook(rows, args.force)
        print(f"{path}  ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    if args.batch:
        start = time.perf_counter()
        folder = ensure_batch(args.batch, args.batch_rows, args.force)
        print(f"{folder}/  ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
