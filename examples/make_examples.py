"""Build the example inventory workbooks shipped in ``examples/``.

``python examples/make_examples.py`` (re)writes two workbooks next to this file:

- ``kota-sukamaju.xlsx`` — a complete, realistic workbook for a fictional city,
  Pemerintah Kota Sukamaju (2025, 12 perangkat daerah, 6 kecamatan). Its registers back
  most of the self-assessment but not all of it: some claimed levels outrun what the
  Aplikasi, Fasilitas and Kebijakan sheets support (indicator 35 is claimed at 5 while the
  only active procurement application is at transaksi with no integration), two rows
  leave Tingkat blank so they score from the registers, indicator 13 is missing, and
  Aplikasi carries an unknown "Catatan" column. The same registers feed the smart city
  sets, which score from them alone (no Penilaian rows): some dimensions strong (apps,
  the complaint channel, tax payment online), some weak (public Wi-Fi in 4 of 6
  kecamatan, 0.79 CCTV cameras per 10,000 inhabitants, no energy data, few
  environmental sensors). It is the README's demo and a fixture for end-to-end tests, so
  the data is written out literally here, where a reviewer can read it.
- ``rusak.xlsx`` ("broken") — a small workbook with one of each input error (a level out
  of range at Penilaian!B9, a level that is not a number, an unknown service level, an
  impossible date, a Fasilitas sheet without its required Jenis column, a Profil Tahun
  in words), to show that every problem is reported, located, in one run.

The output is deterministic: workbook properties carry a fixed timestamp and the zip
entries a fixed date, so re-running the script changes no bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

HERE = Path(__file__).resolve().parent

FIXED_TIME = dt.datetime(2025, 9, 30, 8, 0, 0)
"""Written as the workbooks' created/modified properties (the assessment date)."""
ZIP_TIME = (2025, 9, 30, 8, 0, 0)
"""Written as every zip entry's date, instead of the clock."""

Cell = str | int | float | dt.date | None
Row = tuple[Cell, ...]


def d(iso: str) -> dt.date:
    """A date cell from ISO text (keeps the data tables short)."""
    return dt.date.fromisoformat(iso)


# ----------------------------------------------------------------- Kota Sukamaju

PROFIL: tuple[tuple[str, Cell], ...] = (
    ("Instansi", "Pemerintah Kota Sukamaju"),
    ("Jenis Instansi", "kota"),
    ("Tahun", 2025),
    ("Tanggal Penilaian", d("2025-09-30")),
    ("Jumlah Penduduk", 718_436),
    ("Jumlah Kecamatan", 6),
    ("Jumlah Perangkat Daerah", 12),
)

UNITS: dict[str, str] = {
    # Singkatan -> Nama. The script refers to units by Singkatan; the workbook's
    # Perangkat Daerah cells carry the full Nama.
    "Diskominfo": "Dinas Komunikasi dan Informatika",
    "Bappeda": "Badan Perencanaan Pembangunan Daerah",
    "BPKAD": "Badan Pengelolaan Keuangan dan Aset Daerah",
    "BKPSDM": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinkes": "Dinas Kesehatan",
    "Dishub": "Dinas Perhubungan",
    "Inspektorat": "Inspektorat Daerah",
    "DPMPTSP": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Bagian PBJ": "Bagian Pengadaan Barang dan Jasa Sekretariat Daerah",
    "Dispusip": "Dinas Perpustakaan dan Kearsipan",
    "Bagian Hukum": "Bagian Hukum Sekretariat Daerah",
}


def units(*abbreviations: str) -> str:
    """Comma-separated full unit names, for list cells."""
    return ", ".join(UNITS[a] for a in abbreviations)


KECAMATAN = ("Sukamaju Kota", "Karangtengah", "Cimanggu", "Pasirjaya", "Tanjungsari", "Mekarwangi")

APLIKASI_HEADER = (
    "Nama Aplikasi", "Perangkat Daerah", "Layanan SPBE", "Tingkat Layanan", "Status",
    "Terintegrasi Dengan", "Hosting", "Sistem Penghubung", "Dimensi Smart City", "URL",
    "Tahun", "Tanggal Reviu", "Jumlah Pengguna", "Catatan",
)  # fmt: skip
""""Catatan" is not a contract column: it is there to show the unknown-column warning."""

URL = "https://{}.sukamajukota.go.id"

# Nama, unit (Singkatan), Layanan SPBE, Tingkat Layanan, Status, Terintegrasi Dengan,
# Hosting, Sistem Penghubung, Dimensi Smart City, URL, Tahun, Tanggal Reviu,
# Jumlah Pengguna, Catatan. Layanan SPBE and Tingkat Layanan are written in several
# spellings on purpose ("42", "Data-Terbuka", "TRANSAKSI", "Sektor_2") to show that
# the reader normalises them.
# fmt: off
APLIKASI: tuple[Row, ...] = (
    # 32 perencanaan: kolaborasi, integrated with apps in the register -> 4
    ("SIPD Perencanaan", "Bappeda", "perencanaan", "kolaborasi", "aktif",
     "e-Budgeting, e-SAKIP, e-Musrenbang", "PDN", "ya", "governance",
     "https://sipd.kemendagri.go.id", 2021, d("2025-02-10"), 215, None),
    ("e-Musrenbang", "Bappeda", "perencanaan", "transaksi", "aktif",
     "SIPD Perencanaan", "pusat data daerah", "tidak", "governance, society",
     URL.format("musrenbang"), 2019, d("2024-03-18"), 3120, None),
    # 33 penganggaran: optimum, integrated, reviewed within a year -> 5
    ("e-Budgeting", "BPKAD", "Penganggaran", "Optimum", "aktif",
     "SIPD Perencanaan, SIPD Penatausahaan Keuangan", "pusat data daerah", "ya", "governance",
     URL.format("ebudgeting"), 2018, d("2025-05-12"), 410, None),
    # 34 keuangan: kolaborasi -> 4
    ("SIPD Penatausahaan Keuangan", "BPKAD", "keuangan", "kolaborasi", "aktif",
     "e-Budgeting, SIMBADA, CMS Bank Sukamaju", "PDN", "ya", "governance",
     "https://sipd.kemendagri.go.id", 2023, d("2024-12-02"), 380,
     "Menggantikan SIMDA Keuangan sejak 2023"),
    ("SIMDA Keuangan", "BPKAD", "keuangan", "transaksi", "tidak aktif",
     "SIMBADA", "pusat data daerah", "tidak", "governance",
     None, 2012, d("2021-06-30"), 0, "Dihentikan 2023"),
    ("Pajak Online Sukamaju", "BPKAD", "keuangan", "TRANSAKSI", "aktif",
     "QRIS Bank Sukamaju", "cloud", "tidak", "economy, governance",
     URL.format("pajak"), 2020, d("2024-08-05"), 18_240, None),
    ("e-Retribusi Pasar", "BPKAD", "keuangan", "interaksi", "pengembangan",
     "Pajak Online Sukamaju", "cloud", "tidak", "economy",
     None, 2025, None, 0, "Uji coba di dua pasar"),
    # 35 pengadaan: the only ACTIVE app is transaksi with no integration -> 3 (claimed 5)
    ("SPSE (LPSE Kota Sukamaju)", "Bagian PBJ", "pengadaan", "transaksi", "aktif",
     None, "pusat data daerah", "tidak", "governance",
     URL.format("lpse"), 2013, d("2025-01-21"), 1260, "SPSE versi 4.5"),
    ("e-Katalog Lokal Sukamaju", "Bagian PBJ", "pengadaan", "kolaborasi", "pengembangan",
     "SPSE (LPSE Kota Sukamaju), SIPD Penatausahaan Keuangan", "PDN", "ya", "economy",
     None, 2025, None, 0, "Target operasi triwulan IV 2025"),
    # 36 kepegawaian: kolaborasi -> 4
    ("SIMPEG", "BKPSDM", "kepegawaian", "kolaborasi", "aktif",
     "SIASN BKN, e-Kinerja, e-Presensi", "pusat data daerah", "ya", "governance",
     URL.format("simpeg"), 2015, d("2024-05-20"), 5870, None),
    ("e-Presensi", "BKPSDM", "Kepegawaian", "transaksi", "aktif",
     "SIMPEG", "cloud", "tidak", "governance",
     URL.format("presensi"), 2020, d("2025-03-03"), 5820, None),
    # 41 kinerja: transaksi -> 3
    ("e-Kinerja", "BKPSDM", "kinerja", "transaksi", "aktif",
     "SIMPEG, e-Presensi", "pusat data daerah", "tidak", "governance",
     URL.format("ekinerja"), 2019, d("2024-10-15"), 5790, None),
    # 37 kearsipan: kolaborasi claimed, but integrated only with systems outside the
    # register -> 3 (claimed 4)
    ("SRIKANDI", "Dispusip", "kearsipan", "kolaborasi", "aktif",
     "TTE BSrE, JIKN ANRI", "PDN", "ya", "governance",
     "https://srikandi.arsip.go.id", 2022, d("2025-04-22"), 2950,
     "Belum terhubung dengan aplikasi daerah"),
    ("Sistem Informasi Kearsipan Statis", "Dispusip", "kearsipan", "informasi", "aktif",
     None, "lokal", "tidak", "society",
     None, 2018, None, 14, None),
    ("e-Office Sukamaju", "Diskominfo", "kearsipan", "interaksi", "Tidak-Aktif",
     "SIMPEG", "pusat data daerah", "tidak", "governance",
     None, 2017, d("2021-11-09"), 0, "Diganti SRIKANDI 2023"),
    # 38 bmd: transaksi -> 3
    ("SIMBADA", "BPKAD", "Barang Milik Daerah", "transaksi", "aktif",
     "SIPD Penatausahaan Keuangan", "pusat data daerah", "tidak", "governance",
     URL.format("simbada"), 2016, d("2023-09-11"), 190, None),
    # 39 pengawasan: interaksi -> 2
    ("SIMWAS", "Inspektorat", "pengawasan", "interaksi", "aktif",
     "e-SAKIP", "pusat data daerah", "tidak", "governance",
     URL.format("simwas"), 2021, d("2024-02-26"), 64, None),
    ("WBS Inspektorat", "Inspektorat", "pengawasan", "informasi", "aktif",
     None, "cloud", "tidak", "governance, society",
     URL.format("wbs"), 2020, None, 312, "Whistle blowing system"),
    # 40 akuntabilitas: kolaborasi -> 4
    ("e-SAKIP", "Bappeda", "akuntabilitas", "kolaborasi", "aktif",
     "SIPD Perencanaan, e-Kinerja", "pusat data daerah", "tidak", "governance",
     URL.format("esakip"), 2018, d("2024-02-12"), 420, None),
    # 42 pengaduan: optimum, integrated, reviewed in August 2025 -> 5
    ("SP4N-LAPOR!", "Diskominfo", 42, "kolaborasi", "aktif",
     "SIGAP Warga", "PDN", "ya", "governance, society",
     "https://www.lapor.go.id", 2017, d("2025-07-08"), 14_620, None),
    ("SIGAP Warga", "Diskominfo", "pengaduan", "optimum", "aktif",
     "SP4N-LAPOR!, Sukamaju Dalam Genggaman, WhatsApp Business API", "pusat data daerah",
     "ya", "governance, society",
     URL.format("sigap"), 2018, d("2025-08-14"), 41_300, "Dasbor aduan di Command Center"),
    # 43 data terbuka: kolaborasi -> 4 (optimum not claimed: last review 2023)
    ("Portal Satu Data Sukamaju", "Diskominfo", "Data-Terbuka", "kolaborasi", "aktif",
     "Portal Satu Data Indonesia, SIPD Perencanaan, e-SAKIP", "pusat data daerah", "ya",
     "governance", URL.format("data"), 2021, d("2023-11-27"), 9800, None),
    ("Open Data Sukamaju (CKAN)", "Diskominfo", "data terbuka", "interaksi", "tidak aktif",
     None, "lokal", "tidak", "governance",
     None, 2016, None, 0, "Diganti Portal Satu Data 2021"),
    # 44 jdih: kolaborasi claimed, but JDIHN is not in the register -> 3 (Tingkat blank)
    ("JDIH Kota Sukamaju", "Bagian Hukum", "jdih", "kolaborasi", "aktif",
     "JDIHN", "pusat data daerah", "tidak", "governance",
     URL.format("jdih"), 2016, d("2024-11-18"), 7450, "Terhubung ke JDIHN (BPHN)"),
    ("e-Harmonisasi Produk Hukum", "Bagian Hukum", "JDIH", "interaksi", "aktif",
     "JDIH Kota Sukamaju", "pusat data daerah", "tidak", "governance",
     URL.format("harmonisasi"), 2023, None, 96, None),
    # 45 sektor 1 (kesehatan): kolaborasi -> 4
    ("SIMPUS", "Dinkes", "sektor 1", "kolaborasi", "aktif",
     "SATUSEHAT, P-Care BPJS", "cloud", "ya", "living",
     URL.format("simpus"), 2017, d("2024-07-15"), 860, "16 puskesmas"),
    ("Sukamaju Sehat (Antrean Online)", "Dinkes", "sektor 1", "kolaborasi", "aktif",
     "SIMPUS, SIDAKU", "cloud", "tidak", "living",
     URL.format("sehat"), 2022, d("2025-06-19"), 52_600, None),
    ("SIMRS RSUD Sukamaju", "Dinkes", "Sektor 1", "transaksi", "aktif",
     "SATUSEHAT, SIMPUS", "lokal", "tidak", "living",
     None, 2019, d("2023-05-08"), 1140, None),
    # 46 sektor 2 (adminduk): optimum, but last reviewed June 2024 -> 4 (claimed 5)
    ("SIAK Terpusat", "Disdukcapil", "sektor 2", "transaksi", "aktif",
     None, "PDN", "ya", "society",
     None, 2019, None, 48, "Aplikasi Ditjen Dukcapil"),
    ("SIDAKU", "Disdukcapil", "Sektor_2", "optimum", "aktif",
     "SIAK Terpusat, Sukamaju Sehat (Antrean Online), SiCantik Cloud", "pusat data daerah",
     "ya", "society, governance",
     URL.format("sidaku"), 2020, d("2024-06-03"), 96_400, "Layanan adminduk daring"),
    # 47 sektor 3 (perizinan): kolaborasi -> 4
    ("SiCantik Cloud", "DPMPTSP", "sektor 3", "kolaborasi", "aktif",
     "OSS RBA, SIDAKU", "cloud", "ya", "economy, governance",
     "https://sicantik.go.id", 2021, d("2025-01-30"), 12_880, None),
    ("MPP Digital Sukamaju", "DPMPTSP", "sektor 3", "interaksi", "pengembangan",
     "SiCantik Cloud, SIDAKU", "cloud", "tidak", "governance",
     None, 2025, None, 0, None),
    ("SIMPERIZINAN", "DPMPTSP", "sektor 3", "transaksi", "tidak aktif",
     None, "pusat data daerah", "tidak", "economy",
     None, 2014, d("2020-10-12"), 0, "Dihentikan 2021"),
    # Smart city applications that feed no SPBE service indicator
    ("Sukamaju Dalam Genggaman", "Diskominfo", None, "interaksi", "aktif",
     "SIGAP Warga, Sukamaju Sehat (Antrean Online), SiCantik Cloud, Pajak Online Sukamaju",
     "pusat data daerah", "ya", "governance, society, branding",
     URL.format("sdg"), 2024, d("2025-09-01"), 68_900, "Super app warga"),
    ("Website Resmi Pemkot Sukamaju", "Diskominfo", None, "informasi", "aktif",
     None, "cloud", "tidak", "Smart Branding",
     "https://sukamajukota.go.id", 2010, d("2025-01-06"), 182_000, None),
    ("PPID Online", "Diskominfo", None, "interaksi", "aktif",
     "Website Resmi Pemkot Sukamaju", "pusat data daerah", "tidak", "governance",
     URL.format("ppid"), 2017, d("2023-04-17"), 1350, None),
    ("Dasbor Command Center", "Diskominfo", None, "informasi", "aktif",
     "SIGAP Warga, SITRAFFIC (ATCS), CCTV Analytics", "pusat data daerah", "ya",
     "governance, society",
     URL.format("cc"), 2022, d("2025-02-24"), 35, None),
    ("SITRAFFIC (ATCS)", "Dishub", None, "informasi", "aktif",
     "Dasbor Command Center", "lokal", "tidak", "living",
     None, 2020, d("2024-01-22"), 12, "Area traffic control system"),
    ("Sukamaju Smart Parking", "Dishub", None, "transaksi", "aktif",
     "Pajak Online Sukamaju", "lokal", "tidak", "living, economy",
     URL.format("parkir"), 2024, None, 23_400, None),
    ("e-Uji KIR", "Dishub", None, "interaksi", "tidak aktif",
     None, "pusat data daerah", "tidak", "living",
     None, 2018, d("2021-03-15"), 0, "Dihentikan; servernya masih di pusat data daerah"),
    ("iSukamaju (Perpustakaan Digital)", "Dispusip", None, "interaksi", "aktif",
     None, "cloud", "tidak", "society",
     URL.format("isukamaju"), 2019, d("2024-12-09"), 15_700, None),
    # Appended after the rows above so that their row numbers (cited as evidence in the
    # README and docs) stay put. Smart city registers: tourism, local taxes, health,
    # transport, waste. Dinkes and Dishub apps are not hosted in the pusat data daerah,
    # which would count those units as served there and change indicator 16.
    ("Jelajah Sukamaju (Portal Pariwisata)", "Diskominfo", None, "interaksi", "aktif",
     "Website Resmi Pemkot Sukamaju, Sukamaju Dalam Genggaman", "cloud", "tidak",
     "branding, economy",
     URL.format("wisata"), 2023, d("2025-03-24"), 27_300, "Wisata religi dan kuliner"),
    # A second keuangan app at transaksi: indicator 34 still counts SIPD Penatausahaan.
    ("e-BPHTB Sukamaju", "BPKAD", "keuangan", "transaksi", "aktif",
     "Pajak Online Sukamaju, SIDAKU", "pusat data daerah", "ya", "economy, governance",
     URL.format("bphtb"), 2021, d("2025-04-14"), 6150, "Validasi NIK melalui SIDAKU"),
    ("e-Pajak Hotel dan Restoran (Tapping Box)", "BPKAD", None, "informasi", "aktif",
     "Pajak Online Sukamaju", "cloud", "tidak", "economy",
     None, 2022, None, 140, "Perekam transaksi di 120 wajib pajak"),
    ("Telemedisin Puskesmas Sukamaju", "Dinkes", None, "interaksi", "aktif",
     "SIMPUS, Sukamaju Sehat (Antrean Online)", "cloud", "tidak", "living",
     URL.format("telemedisin"), 2024, None, 3480, "Uji coba di 6 puskesmas"),
    ("Informasi Tempat Tidur Rumah Sakit", "Dinkes", None, "informasi", "aktif",
     "SIMRS RSUD Sukamaju", "lokal", "tidak", "living",
     URL.format("bed"), 2021, d("2023-07-10"), 9900, None),
    ("Trans Sukamaju (Info Transportasi Publik)", "Dishub", None, "informasi", "aktif",
     "SITRAFFIC (ATCS)", "cloud", "tidak", "living",
     URL.format("trans"), 2023, d("2024-11-04"), 11_250, "Posisi bus dan jadwal angkot"),
    ("e-Retribusi Parkir Tepi Jalan", "Dishub", None, "transaksi", "pengembangan",
     "Sukamaju Smart Parking, Pajak Online Sukamaju", "cloud", "tidak", "living, economy",
     None, 2025, None, 0, "Uji coba koridor Jalan Merdeka"),
    ("Bank Sampah Digital Sukamaju", "Diskominfo", None, "interaksi", "aktif",
     None, "cloud", "tidak", "environment",
     URL.format("banksampah"), 2025, None, 1870, "Tabungan sampah 14 bank sampah unit"),
)
# fmt: on

FASILITAS_HEADER = (
    "Nama", "Jenis", "Perangkat Daerah Pengguna", "Kecamatan", "Status",
    "Terhubung Nasional", "Jumlah", "Tanggal Reviu", "Koordinat",
)  # fmt: skip

# The data centre lists six units; three more (Inspektorat, Bagian PBJ, Bagian Hukum)
# count as served because their active applications are hosted there. Dinkes, Dishub and
# Dispusip are not served (Dishub's only pusat-data-hosted app is inactive), and the data
# centre is not linked to PDN: indicator 16 is supported at 2, not the claimed 4.
# The service bus serves seven units and is not linked to SPLP, so it supports indicator 18
# at 2 (claimed 1: the city waits for its policy, still a draft).
#
# Smart city registers, by kecamatan (active rows; Jumlah = points, cameras or sensors):
#
#   kecamatan       Wi-Fi points  CCTV cameras  other
#   Sukamaju Kota   26 (3 rows)   32 (2 rows)   command center, air sensor 1, bank sampah
#   Karangtengah    12 (2 rows)   10            (air sensors 5 and TPS3R in development)
#   Cimanggu         7 (2 rows)   10 (2 rows)   early warning 3, water-level sensors 3
#   Pasirjaya       10 (2 rows)    5            early warning 4
#   Tanjungsari      -             -            (12 cameras, tsunami sirens in development)
#   Mekarwangi       -             -            TPS3R (2 cameras inactive)
#
# Wi-Fi covers 4 of 6 kecamatan (a third Cimanggu row is inactive), 55 points in all;
# 57 active cameras for 718,436 inhabitants is 0.79 per 10,000. No energy facility is
# recorded.
# fmt: off
FASILITAS: tuple[Row, ...] = (
    ("Pusat Data Daerah Kota Sukamaju", "pusat data",
     units("Diskominfo", "Bappeda", "BPKAD", "BKPSDM", "Disdukcapil", "DPMPTSP"),
     "Sukamaju Kota", "aktif", "tidak", 1, d("2023-08-21"), "-6.1843, 106.0927"),
    ("Jaringan Intra Pemerintah Kota Sukamaju", "jaringan intra", "semua",
     "Sukamaju Kota", "aktif", "ya", 58, d("2025-03-14"), "-6.1843, 106.0927"),
    ("Sistem Penghubung Layanan Kota Sukamaju (Service Bus)", "sistem penghubung",
     units("Diskominfo", "Bappeda", "BPKAD", "BKPSDM", "Disdukcapil", "DPMPTSP", "Dinkes"),
     "Sukamaju Kota", "aktif", "tidak", 1, None, "-6.1843, 106.0927"),
    ("Jaringan Fiber Optik Pemkot", "fiber optik", "semua",
     None, "aktif", "tidak", 42, None, None),
    # Public Wi-Fi: several rows per kecamatan, none in Tanjungsari or Mekarwangi.
    ("Wi-Fi Publik Alun-Alun dan Masjid Agung", "wifi publik", None,
     "Sukamaju Kota", "aktif", "tidak", 12, d("2025-04-30"), "-6.1851, 106.0940"),
    ("Wi-Fi Publik Kantor Kecamatan dan Kelurahan Sukamaju Kota", "wifi publik", None,
     "Sukamaju Kota", "aktif", "tidak", 8, d("2025-04-30"), "-6.1866, 106.0902"),
    ("Wi-Fi Publik Taman Kota dan Jalan Merdeka", "Wi-Fi Publik", None,
     "Sukamaju Kota", "aktif", "tidak", 6, d("2025-04-30"), "-6.1829, 106.0951"),
    ("Wi-Fi Publik Pasar Karangtengah", "wifi publik", None,
     "Karangtengah", "aktif", "tidak", 5, d("2025-04-30"), "-6.1728, 106.1093"),
    ("Wi-Fi Publik Kelurahan Karangtengah", "Wifi Publik", None,
     "Karangtengah", "aktif", "tidak", 7, d("2025-04-30"), "-6.1712, 106.1105"),
    ("Wi-Fi Publik Terminal Cimanggu", "wifi publik", None,
     "Cimanggu", "aktif", "tidak", 4, d("2025-04-30"), "-6.2098, 106.0744"),
    ("Wi-Fi Publik RTH Cimanggu", "public wifi", None,
     "Cimanggu", "aktif", "tidak", 3, d("2025-04-30"), "-6.2105, 106.0731"),
    ("Wi-Fi Publik GOR Cimanggu", "wifi publik", None,
     "Cimanggu", "tidak aktif", "tidak", 3, d("2025-04-30"), "-6.2117, 106.0722"),
    ("Wi-Fi Publik Kelurahan Pasirjaya", "wifi publik", None,
     "Pasirjaya", "aktif", "tidak", 6, d("2025-04-30"), "-6.2248, 106.1033"),
    ("Wi-Fi Publik Puskesmas dan Perpustakaan Pasirjaya", "wifi publik", None,
     "Pasirjaya", "aktif", "tidak", 4, d("2025-04-30"), "-6.2239, 106.1047"),
    # CCTV: Jumlah is the number of cameras.
    ("CCTV Simpang dan Koridor Pusat Kota", "cctv", units("Dishub", "Diskominfo"),
     "Sukamaju Kota", "aktif", "tidak", 24, d("2025-02-24"), "-6.1840, 106.0915"),
    ("CCTV Alun-Alun dan Masjid Agung", "cctv", units("Diskominfo"),
     "Sukamaju Kota", "aktif", "tidak", 8, d("2025-02-24"), "-6.1853, 106.0936"),
    ("CCTV Kawasan Pasar Karangtengah", "CCTV", units("Dishub", "Diskominfo"),
     "Karangtengah", "aktif", "tidak", 10, None, "-6.1730, 106.1090"),
    ("CCTV Jalan Lingkar Cimanggu", "cctv", units("Dishub"),
     "Cimanggu", "aktif", "tidak", 6, None, "-6.2090, 106.0760"),
    ("CCTV Terminal Cimanggu", "cctv", units("Dishub"),
     "Cimanggu", "aktif", "tidak", 4, None, "-6.2099, 106.0746"),
    ("CCTV Pintu Air Sungai Pasirjaya", "cctv", units("Diskominfo"),
     "Pasirjaya", "aktif", "tidak", 5, None, "-6.2262, 106.1015"),
    ("CCTV Kawasan Pesisir Tanjungsari", "cctv", units("Dishub"),
     "Tanjungsari", "pengembangan", "tidak", 12, None, "-6.1450, 106.0800"),
    ("CCTV Kantor Kecamatan Mekarwangi", "cctv", units("Diskominfo"),
     "Mekarwangi", "tidak aktif", "tidak", 2, None, "-6.1990, 106.1258"),
    ("Sukamaju Command Center", "command center",
     units("Diskominfo", "Dishub", "Dinkes", "Disdukcapil"),
     "Sukamaju Kota", "aktif", "tidak", 1, d("2025-02-24"), "-6.1845, 106.0930"),
    # Early warning and environmental sensors: Jumlah is sirens or sensors.
    ("Sirine Peringatan Dini Banjir", "peringatan dini", None,
     "Pasirjaya", "aktif", "tidak", 4, None, "-6.2260, 106.1010"),
    ("Peringatan Dini Banjir Sungai Cimanggu", "early warning", None,
     "Cimanggu", "aktif", "tidak", 3, d("2024-12-16"), "-6.2121, 106.0705"),
    ("Sirine Peringatan Dini Tsunami Tanjungsari", "peringatan dini", None,
     "Tanjungsari", "pengembangan", "tidak", 2, None, "-6.1437, 106.0822"),
    ("Sensor Kualitas Udara", "sensor lingkungan", None,
     "Karangtengah", "pengembangan", "tidak", 5, None, "-6.1705, 106.1120"),
    ("Sensor Tinggi Muka Air Sungai Cimanggu", "sensor lingkungan", None,
     "Cimanggu", "aktif", "tidak", 3, d("2024-12-16"), "-6.2123, 106.0701"),
    ("Sensor Kualitas Udara Alun-Alun", "sensor lingkungan", None,
     "Sukamaju Kota", "aktif", "tidak", 1, None, "-6.1849, 106.0942"),
    # Waste: Jenis is open, so these are kept as written.
    ("TPS3R Mekarwangi", "tps3r", None,
     "Mekarwangi", "aktif", "tidak", 1, None, "-6.2003, 106.1291"),
    ("TPS3R Karangtengah", "tps3r", None,
     "Karangtengah", "pengembangan", "tidak", 1, None, "-6.1694, 106.1138"),
    ("Bank Sampah Induk Sukamaju", "bank sampah", None,
     "Sukamaju Kota", "aktif", "tidak", 1, None, "-6.1877, 106.0889"),
    ("Disaster Recovery Center (colocation)", "drc", None,
     None, "pengembangan", "tidak", 1, None, None),
)
# fmt: on

KEBIJAKAN_HEADER = (
    "Judul", "Nomor", "Topik", "Status", "Cakupan", "Mengatur Integrasi",
    "Tanggal Penetapan", "Tanggal Reviu", "Menggantikan",
)  # fmt: skip

PERWAL = "Peraturan Wali Kota Sukamaju tentang "
KEPWAL = "Keputusan Wali Kota Sukamaju tentang "
RANPERWAL = "Rancangan Peraturan Wali Kota Sukamaju tentang "

# Ladder results (1-10): arsitektur 3, peta rencana 1, manajemen data 2 (claimed 4),
# pembangunan aplikasi 4, pusat data 2, jaringan intra 4, sistem penghubung 1,
# keamanan informasi 5 (revised after review), audit TIK 1, tim koordinasi 2.
# fmt: off
KEBIJAKAN: tuple[Row, ...] = (
    (PERWAL + "Arsitektur SPBE Kota Sukamaju Tahun 2022-2026", "18 Tahun 2022",
     "arsitektur spbe", "ditetapkan", "lengkap", "tidak", d("2022-08-15"), None, None),
    (RANPERWAL + "Peta Rencana SPBE Kota Sukamaju Tahun 2025-2029", None,
     "peta rencana", "konsep", None, None, None, None, None),
    (PERWAL + "Manajemen Data SPBE", "7 Tahun 2024",
     "Manajemen Data", "ditetapkan", "sebagian", "ya", d("2024-03-04"), None, None),
    (PERWAL + "Pembangunan dan Pengembangan Aplikasi SPBE", "25 Tahun 2021",
     "pembangunan aplikasi", "ditetapkan", "lengkap", "ya", d("2021-10-11"),
     d("2024-11-20"), None),
    (KEPWAL + "Standar Layanan Pusat Data Daerah", "400.14/Kep.87-Diskominfo/2023",
     "pusat data", "ditetapkan", "sebagian", "tidak", d("2023-05-02"), None, None),
    (PERWAL + "Layanan Jaringan Intra Pemerintah Daerah", "9 Tahun 2023",
     "jaringan intra", "ditetapkan", "lengkap", "ya", d("2023-04-10"), d("2025-02-17"), None),
    (RANPERWAL + "Sistem Penghubung Layanan Pemerintah Daerah", None,
     "sistem penghubung", "konsep", None, None, None, None, None),
    (PERWAL + "Manajemen Keamanan Informasi SPBE", "30 Tahun 2019",
     "keamanan informasi", "dicabut", "lengkap", "ya", d("2019-12-02"), d("2023-05-22"), None),
    (PERWAL + "Manajemen Keamanan Informasi SPBE dan Persandian", "41 Tahun 2023",
     "keamanan informasi", "ditetapkan", "lengkap", "ya", d("2023-12-18"), d("2025-06-10"),
     "30 Tahun 2019"),
    (RANPERWAL + "Pedoman Audit Teknologi Informasi dan Komunikasi", None,
     "audit tik", "konsep", None, None, None, None, None),
    (KEPWAL + "Tim Koordinasi SPBE Kota Sukamaju", "400.14/Kep.21-Diskominfo/2025",
     "Tim Koordinasi SPBE", "ditetapkan", "sebagian", "tidak", d("2025-01-20"), None, None),
    (PERWAL + "Masterplan Smart City Kota Sukamaju Tahun 2023-2032", "5 Tahun 2023",
     "masterplan smart city", "ditetapkan", "lengkap", "tidak", d("2023-02-06"), None, None),
    (PERWAL + "Penyelenggaraan Satu Data Kota Sukamaju", "14 Tahun 2022",
     "satu data", "ditetapkan", "lengkap", "ya", d("2022-06-13"), None, None),
)
# fmt: on

PROGRAM_HEADER = (
    "Nama Program", "Dimensi", "Elemen", "Quick Win", "Status", "Tahun Mulai", "Anggaran",
    "Perangkat Daerah",
)  # fmt: skip

# Programmes across the six dimensions; seven are quick wins (three running, three done,
# one planned). Smart Living has no quick win, Smart Society the most programmes.
# fmt: off
PROGRAM: tuple[Row, ...] = (
    ("Super App Sukamaju Dalam Genggaman", "Smart Governance", "Pelayanan publik", "ya",
     "berjalan", 2024, 1_850_000_000, "Diskominfo"),
    ("Wi-Fi Publik Tahap I: Empat Kecamatan", "Smart Society", "Interaksi masyarakat", "ya",
     "selesai", 2023, 2_400_000_000, "Diskominfo"),
    ("Wi-Fi Publik Tahap II: Tanjungsari dan Mekarwangi", "society", "Interaksi masyarakat",
     "ya", "rencana", 2026, 1_100_000_000, "Diskominfo"),
    ("Integrasi CCTV ke Command Center", "society", "Keamanan masyarakat", "ya",
     "selesai", 2022, 3_750_000_000, "Diskominfo"),
    ("Literasi Digital Perpustakaan Keliling", "Smart Society", "Ekosistem belajar", "tidak",
     "selesai", 2023, 310_000_000, "Dispusip"),
    ("Smart Parking Koridor Pusat Kota", "Smart Living", "Transportasi", "tidak",
     "berjalan", 2024, 3_200_000_000, "Dishub"),
    ("Telemedisin Puskesmas", "living", "Kesehatan", "tidak",
     "berjalan", 2024, 960_000_000, "Dinkes"),
    ("Pembayaran Retribusi Pasar dengan QRIS", "economy", "Transaksi keuangan", "ya",
     "berjalan", 2025, 450_000_000, "BPKAD"),
    ("e-BPHTB dan Pajak Daerah Daring", "Smart Economy", "Transaksi keuangan", "tidak",
     "selesai", 2021, 780_000_000, "BPKAD"),
    ("Portal Pariwisata Jelajah Sukamaju", "Smart Branding", "Pariwisata", "ya",
     "selesai", 2023, 520_000_000, "Diskominfo"),
    ("Promosi Investasi Digital Sukamaju Invest", "branding", "Bisnis daerah", "tidak",
     "rencana", 2026, 1_200_000_000, "DPMPTSP"),
    ("Bank Sampah Digital dan TPS3R", "Smart Environment", "Sampah dan limbah", "ya",
     "berjalan", 2025, 640_000_000, "Diskominfo"),
    ("Sensor Kualitas Udara dan Peringatan Dini Banjir", "environment",
     "Proteksi lingkungan", "tidak", "rencana", 2026, 2_750_000_000, "Diskominfo"),
)
# fmt: on

TARGET_HEADER = ("Tahun", "Lingkup", "Target")
# Lingkup: a set's id names that set's index ('indeks' would apply to every set whose
# range holds the value); group and indicator ids name their own set's items.
TARGET: tuple[Row, ...] = (
    (2025, "spbe-2020", 2.8),
    (2026, "spbe-2020", 3.1),
    (2027, "spbe-2020", 3.5),
    (2026, "D3", 2.0),
    (2027, "D3", 2.5),
    (2027, "D1", 3.5),
    (2027, 18, 3),
    (2026, "smart-city", 2.6),
    (2027, "smart-city", 3.0),
    (2027, "SOC", 3.0),
    (2027, "BRA", 2.6),
)

PENILAIAN_HEADER = ("Indikator", "Tingkat", "Penjelasan", "Data Dukung", "Target")

# Indikator, Tingkat, Penjelasan, Data Dukung, Target. Indicator 13 is left out;
# 17 and 44 have no Tingkat (they score from Fasilitas and Aplikasi). Claims that outrun
# the registers: 3 (4, policy only partial), 16 (4, data centre serves 9 of 12 units and
# is not linked to PDN), 35 (5, SPSE at transaksi, no integration), 37 (4, SRIKANDI
# integrated only with systems outside the register), 46 (5, SIDAKU last reviewed
# June 2024). Claims below the registers: 6 (3, register 4) and 18 (1, register 2).
# Smart city indicators have no rows here: their sets score them from the registers.
# fmt: off
PENILAIAN: tuple[Row, ...] = (
    (1, 3, "Perwal Arsitektur SPBE 2022-2026 ditetapkan dan mencakup seluruh domain.",
     "Perwal No. 18 Tahun 2022", 4),
    (2, 1, "Peta Rencana SPBE masih rancangan; harmonisasi di Bagian Hukum.",
     "Draf Ranperwal Peta Rencana SPBE 2025-2029", 3),
    (3, 4, "Perwal Manajemen Data ditetapkan dan mengatur integrasi data dengan Satu Data "
     "Indonesia.", "Perwal No. 7 Tahun 2024; Perwal No. 14 Tahun 2022", None),
    (4, 4, "Perwal Pembangunan Aplikasi mengatur integrasi dan telah direviu November 2024.",
     "Perwal No. 25 Tahun 2021; Laporan Reviu Kebijakan SPBE 2024", None),
    (5, 2, "Standar layanan pusat data ditetapkan, belum mencakup seluruh layanan.",
     "Kepwal No. 400.14/Kep.87-Diskominfo/2023", None),
    (6, 3, "Perwal Jaringan Intra berlaku untuk seluruh perangkat daerah.",
     "Perwal No. 9 Tahun 2023", None),
    (7, 1, "Kebijakan sistem penghubung layanan masih rancangan.", None, None),
    (8, 5, "Perwal No. 30 Tahun 2019 direviu 2023 lalu diganti Perwal No. 41 Tahun 2023.",
     "Perwal No. 41 Tahun 2023; Berita Acara Reviu 2023", None),
    (9, 1, "Pedoman audit TIK masih rancangan.", None, None),
    (10, 2, "SK Tim Koordinasi SPBE 2025 ditetapkan; belum melibatkan semua perangkat daerah.",
     "Kepwal No. 400.14/Kep.21-Diskominfo/2025", None),
    (11, 2, "Arsitektur SPBE dipakai sebagian perangkat daerah dalam perencanaan.",
     "Notulen Forum SPBE 2025", None),
    (12, 1, "Peta rencana belum ditetapkan sehingga belum dilaksanakan.", None, 2),
    (14, 2, "Inovasi proses bisnis pada layanan perizinan dan administrasi kependudukan.",
     "Laporan Inovasi Daerah 2024", None),
    (15, 2, "Pembangunan aplikasi sebagian mengikuti Perwal; belum seluruhnya lewat "
     "Diskominfo.", "Daftar Aplikasi 2025", None),
    (16, 4, "Pusat data daerah melayani seluruh perangkat daerah dan terhubung dengan PDN.",
     "Laporan Pusat Data 2024", 3),
    (17, None, "Menunggu berita acara reviu jaringan intra 2025.",
     "Berita Acara Reviu Jaringan Intra 2025", None),
    (18, 1, "Sistem penghubung daerah baru melayani sebagian perangkat daerah dan belum "
     "terhubung SPLP; dinilai 1 sampai kebijakannya ditetapkan.", None, 2),
    (19, 1, "Tim koordinasi belum melaksanakan rapat berkala.", None, None),
    (20, 2, "Kolaborasi dengan Kemendagri (SIPD) dan BKN (SIASN).",
     "Perjanjian Kerja Sama SIPD; PKS SIASN", None),
    (21, 1, "Manajemen risiko SPBE belum dilaksanakan.", None, 2),
    (22, 1, "Manajemen keamanan informasi baru pada tahap kebijakan.", None, 2),
    (23, 1, "Manajemen data baru pada Portal Satu Data.", None, None),
    (24, 1, "Inventaris aset TIK belum lengkap.", None, None),
    (25, 2, "Pelatihan SDM TIK berjalan di Diskominfo dan BKPSDM.",
     "Laporan Diklat TIK 2024", None),
    (26, 1, "Belum ada sistem manajemen pengetahuan.", None, None),
    (27, 1, "Manajemen perubahan belum terdokumentasi.", None, None),
    (28, 1, "Layanan SPBE belum dikelola dengan SOP helpdesk.", None, None),
    (29, 1, "Audit infrastruktur SPBE belum dilaksanakan.", None, 2),
    (30, 1, "Audit aplikasi SPBE belum dilaksanakan.", None, None),
    (31, 1, "Audit keamanan SPBE belum dilaksanakan.", None, None),
    (32, 4, "SIPD Perencanaan terintegrasi dengan e-Budgeting, e-SAKIP dan e-Musrenbang.",
     "Tangkapan layar SIPD", None),
    (33, 5, "e-Budgeting terintegrasi dengan SIPD; direviu Mei 2025 dan hasilnya "
     "ditindaklanjuti.", "Laporan Reviu e-Budgeting 2025", None),
    (34, 4, "SIPD Penatausahaan terintegrasi dengan e-Budgeting dan SIMBADA.",
     "Tangkapan layar SIPD Penatausahaan", None),
    (35, 5, "SPSE terintegrasi dengan SiRUP, e-Katalog dan SIPD; dievaluasi setiap tahun.",
     "Laporan LPSE 2024", None),
    (36, 4, "SIMPEG terintegrasi dengan SIASN BKN, e-Kinerja dan e-Presensi.",
     "Tangkapan layar SIMPEG", None),
    (37, 4, "SRIKANDI terintegrasi dengan TTE BSrE.", "Surat ANRI 2022", None),
    (38, 3, "SIMBADA melayani transaksi barang milik daerah secara penuh.", None, None),
    (39, 2, "SIMWAS melayani penugasan dan tindak lanjut secara daring.", None, None),
    (40, 4, "e-SAKIP terintegrasi dengan SIPD Perencanaan dan e-Kinerja.",
     "Laporan e-SAKIP 2024", None),
    (41, 3, "e-Kinerja menghitung TPP dari kinerja dan presensi.", None, None),
    (42, 5, "SIGAP Warga terhubung SP4N-LAPOR!; direviu Agustus 2025.",
     "https://sigap.sukamajukota.go.id/laporan-reviu-2025", None),
    (43, 4, "Portal Satu Data terhubung dengan Portal Satu Data Indonesia dan SIPD.",
     "https://data.sukamajukota.go.id", None),
    (44, None, "JDIH terhubung ke JDIHN; tingkat menunggu verifikasi Bagian Hukum.",
     "https://jdih.sukamajukota.go.id", None),
    (45, 4, "Sektor kesehatan: antrean online terintegrasi dengan SIMPUS dan SIDAKU.",
     "Tangkapan layar Sukamaju Sehat", None),
    (46, 5, "Sektor administrasi kependudukan: SIDAKU optimum dan terintegrasi.",
     "Laporan Disdukcapil 2024", None),
    (47, 4, "Sektor perizinan: SiCantik Cloud terintegrasi dengan OSS RBA dan SIDAKU.",
     "Tangkapan layar SiCantik", None),
)
# fmt: on


# ------------------------------------------------------------------------ writing


def _add_label_sheet(wb: Workbook, title: str, pairs: Sequence[tuple[str, Cell]]) -> None:
    """A two-column label/value sheet with no header row (Profil)."""
    ws = wb.create_sheet(title)
    for label, value in pairs:
        ws.append([label, value])
    for cell in ws["A"]:
        cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 30


def _add_table_sheet(wb: Workbook, title: str, header: Sequence[str], rows: Sequence[Row]) -> None:
    """A table sheet: header in row 1 (bold, frozen), then the rows as given."""
    ws = wb.create_sheet(title)
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        longest = max([len(name), *(len(_shown(row[index - 1])) for row in rows)])
        ws.column_dimensions[get_column_letter(index)].width = min(longest + 2, 60)


def _shown(value: Cell) -> str:
    """Roughly what Excel shows for a cell, to size its column."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "smartserang examples/make_examples.py"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def _save(wb: Workbook, path: Path) -> None:
    """Write ``wb`` with fixed timestamps, so the same data gives the same bytes.

    ``Workbook.save`` stamps the modified property with the clock, and ``zipfile`` stamps
    each entry with it; so the workbook is written through openpyxl's ``ExcelWriter``
    (which keeps our properties) into memory, then copied entry by entry into a zip whose
    entries carry ``ZIP_TIME``.
    """
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = info.external_attr
            target.writestr(stable, source.read(info.filename))
    path.write_bytes(out.getvalue())


def build_sukamaju() -> Workbook:
    """The complete example workbook for Pemerintah Kota Sukamaju."""
    wb = _new_workbook()
    wb.properties.title = "Inventaris SPBE Kota Sukamaju 2025"
    _add_label_sheet(wb, "Profil", PROFIL)
    _add_table_sheet(wb, "Penilaian", PENILAIAN_HEADER, PENILAIAN)
    _add_table_sheet(
        wb,
        "Perangkat Daerah",
        ("Nama", "Singkatan"),
        [(name, abbreviation) for abbreviation, name in UNITS.items()],
    )
    _add_table_sheet(
        wb,
        "Aplikasi",
        APLIKASI_HEADER,
        [(row[0], UNITS[str(row[1])], *row[2:]) for row in APLIKASI],
    )
    _add_table_sheet(wb, "Fasilitas", FASILITAS_HEADER, FASILITAS)
    _add_table_sheet(wb, "Kebijakan", KEBIJAKAN_HEADER, KEBIJAKAN)
    _add_table_sheet(
        wb, "Program", PROGRAM_HEADER, [(*row[:7], UNITS[str(row[7])]) for row in PROGRAM]
    )
    _add_table_sheet(wb, "Target", TARGET_HEADER, TARGET)
    return wb


# -------------------------------------------------------------------------- rusak


def build_rusak() -> Workbook:
    """A small workbook with one of each input error, for the error output."""
    wb = _new_workbook()
    wb.properties.title = "Contoh workbook rusak"
    _add_label_sheet(
        wb,
        "Profil",
        (
            ("Instansi", "Pemerintah Kabupaten Contoh"),
            ("Jenis Instansi", "kabupaten"),
            ("Tahun", "dua ribu"),  # not a number
            ("Tanggal Penilaian", d("2025-09-30")),
        ),
    )
    _add_table_sheet(
        wb,
        "Penilaian",
        ("Indikator", "Tingkat", "Penjelasan"),
        (
            (1, 2, "Kebijakan arsitektur ditetapkan sebagian."),
            (2, 1, None),
            (3, 1, None),
            (4, "tinggi", "Tingkat ditulis dengan kata, bukan angka."),  # not a level
            (5, 2, None),
            (6, 3, None),
            (7, 1, None),
            (8, 7, "Tingkat di luar 1-5 (sel B9)."),  # out of range, at B9
            (9, 1, None),
        ),
    )
    _add_table_sheet(
        wb,
        "Aplikasi",
        ("Nama Aplikasi", "Perangkat Daerah", "Layanan SPBE", "Tingkat Layanan", "Status"),
        (
            ("SIMPEG", "BKPSDM", "kepegawaian", "transaksi", "aktif"),
            ("e-Budgeting", "BPKAD", "penganggaran", "transaksional", "aktif"),  # unknown
        ),
    )
    _add_table_sheet(
        wb,
        "Kebijakan",
        ("Judul", "Nomor", "Topik", "Status", "Tanggal Penetapan"),
        (
            ("Peraturan Bupati tentang Arsitektur SPBE", "12 Tahun 2023", "arsitektur spbe",
             "ditetapkan", d("2023-07-03")),
            ("Peraturan Bupati tentang Tim Koordinasi SPBE", "3 Tahun 2024", "tim koordinasi",
             "ditetapkan", "31/02/2024"),  # no 31 February
        ),
    )  # fmt: skip
    _add_table_sheet(
        wb,
        "Fasilitas",  # no Jenis column, which the contract requires
        ("Nama", "Perangkat Daerah Pengguna", "Status"),
        (("Pusat Data Kabupaten", "semua", "aktif"),),
    )
    return wb


def main() -> None:
    """Write both example workbooks next to this script."""
    _save(build_sukamaju(), HERE / "kota-sukamaju.xlsx")
    _save(build_rusak(), HERE / "rusak.xlsx")


if __name__ == "__main__":
    main()
