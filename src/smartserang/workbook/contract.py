"""The inventory-workbook contract as data: sheets, columns, types and vocabularies.

One source of truth for the reader (what to accept), for indicator-set validation (which
sheets, columns and values an evidence rule may name) and, later, for blank templates.
Canonical keys are snake_case forms of the Indonesian names; users may write the
Indonesian name or the English alias, in any case, with surrounding spaces; the other
names offices use are in ``synonyms``.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass

from smartserang.workbook.names import normalise_token
from smartserang.workbook.synonyms import COLUMN_SYNONYMS, SHEET_SYNONYMS


class ColumnType(enum.Enum):
    """How a cell's raw value becomes a typed value."""

    TEXT = "text"
    """Any value, kept as a stripped string."""
    INTEGER = "integer"
    """A whole number (``12``, ``12.0``, ``"12"``, ``"1.500"``: see ``cells``)."""
    NUMBER = "number"
    """Any number (``"1.234,5"``; an ambiguous ``"1,500"`` is refused: see ``cells``)."""
    LEVEL = "level"
    """A whole number 0-5, a tingkat kematangan (``"Tingkat 3"``, ``"III"``: see ``cells``)."""
    BOOLEAN = "boolean"
    """ya/tidak, yes/no, true/false, 1/0, y/t, ticks, sudah/belum (see ``cells``)."""
    DATE = "date"
    """An Excel date, or text written day first or ISO (see ``dates``)."""
    LIST = "list"
    """Comma-separated free text, kept as a tuple of stripped strings."""
    VOCAB = "vocab"
    """One term of a vocabulary, stored as the term's canonical value."""
    VOCAB_LIST = "vocab_list"
    """Comma-separated terms of a vocabulary, stored as a tuple of canonical values."""


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary."""

    value: str
    """Canonical value, as written in indicator sets and outputs."""
    aliases: tuple[str, ...] = ()
    """Other accepted spellings (English, numbers, short forms)."""
    rank: int | None = None
    """Position on an ordinal scale (Tingkat Layanan: informasi 1 … optimum 5)."""
    indicator: str | None = None
    """The SPBE indicator this term feeds, where the contract says so."""


@dataclass(frozen=True)
class Vocabulary:
    """A closed (or open) list of values a column accepts."""

    key: str
    terms: tuple[Term, ...]
    open: bool = False
    """Open vocabularies accept any value (normalised); known terms still map aliases."""
    ordinal: bool = False
    """Ordinal vocabularies store the term's ``rank`` (an int) instead of its value."""

    def lookup(self, raw: str) -> Term | None:
        """The term that ``raw`` names, or None."""
        return _lookup_table(self).get(normalise_token(raw))

    def values(self) -> tuple[str, ...]:
        """The canonical values, in contract order."""
        return tuple(t.value for t in self.terms)


_LOOKUP_CACHE: dict[str, dict[str, Term]] = {}


def _lookup_table(vocab: Vocabulary) -> dict[str, Term]:
    table = _LOOKUP_CACHE.get(vocab.key)
    if table is None:
        table = {}
        for term in vocab.terms:
            for spelling in (term.value, *term.aliases):
                table[normalise_token(spelling)] = term
        _LOOKUP_CACHE[vocab.key] = table
    return table


@dataclass(frozen=True)
class Column:
    """One column of a table sheet (or one label of the Profil sheet)."""

    key: str
    """Canonical key used by rules and code, e.g. ``tingkat_layanan``."""
    name: str
    """Indonesian header, as in the contract."""
    alias: str
    """English header alias."""
    type: ColumnType
    vocabulary: str | None = None
    """Vocabulary key for VOCAB and VOCAB_LIST columns."""
    required: bool = False
    """A table sheet without this column is an error."""
    description: str = ""
    """What the field holds (used for template notes and documentation)."""
    synonyms: tuple[str, ...] = ()
    """Other headers officers write for this column (from ``COLUMN_SYNONYMS``)."""

    def headers(self) -> tuple[str, ...]:
        """The accepted header spellings: the name, the alias, then the synonyms."""
        return (self.name, self.alias, *self.synonyms)


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook."""

    key: str
    """Canonical key, e.g. ``aplikasi`` or ``perangkat_daerah``."""
    name: str
    alias: str
    columns: tuple[Column, ...]
    labels: bool = False
    """True for Profil: two columns, label then value, instead of a header row."""
    label_column: str | None = None
    """The column whose value names a row in messages and evidence (e.g. Nama Aplikasi)."""
    synonyms: tuple[str, ...] = ()
    """Other names offices give this sheet (from ``SHEET_SYNONYMS``): read with a note."""

    def names(self) -> tuple[str, ...]:
        """The accepted sheet names: the name, the alias, then the synonyms."""
        return (self.name, self.alias, *self.synonyms)

    def column(self, key: str) -> Column | None:
        """The column with canonical ``key``, or None."""
        for column in self.columns:
            if column.key == key:
                return column
        return None


def _t(value: str, *aliases: str, rank: int | None = None, indicator: str | None = None) -> Term:
    return Term(value, tuple(aliases), rank, indicator)


VOCABULARIES: dict[str, Vocabulary] = {
    v.key: v
    for v in (
        Vocabulary(
            "jenis_instansi",
            (
                _t("kota", "city"),
                _t("kabupaten", "regency"),
                _t("provinsi", "province"),
                _t("instansi pusat", "central agency", "pusat"),
            ),
        ),
        Vocabulary(
            "layanan_spbe",
            (
                _t("perencanaan", "32", "planning", indicator="32"),
                _t("penganggaran", "33", "budgeting", indicator="33"),
                _t("keuangan", "34", "finance", indicator="34"),
                _t("pengadaan", "35", "procurement", "pengadaan barang dan jasa", indicator="35"),
                _t("kepegawaian", "36", "personnel", "staffing", indicator="36"),
                _t("kearsipan", "37", "archives", "kearsipan dinamis", indicator="37"),
                _t(
                    "bmd",
                    "38",
                    "barang milik daerah",
                    "bmn",
                    "barang milik negara",
                    "state assets",
                    indicator="38",
                ),
                _t("pengawasan", "39", "internal audit", "pengawasan internal", indicator="39"),
                _t("akuntabilitas", "40", "accountability", indicator="40"),
                _t("kinerja", "41", "performance", "kinerja pegawai", indicator="41"),
                _t("pengaduan", "42", "complaints", "pengaduan publik", indicator="42"),
                _t("data terbuka", "43", "open data", indicator="43"),
                _t("jdih", "44", "legal documentation", indicator="44"),
                _t("sektor 1", "45", "sector 1", indicator="45"),
                _t("sektor 2", "46", "sector 2", indicator="46"),
                _t("sektor 3", "47", "sector 3", indicator="47"),
            ),
        ),
        Vocabulary(
            "tingkat_layanan",
            (
                _t("informasi", "1", "information", rank=1),
                _t("interaksi", "2", "interaction", rank=2),
                _t("transaksi", "3", "transaction", rank=3),
                _t("kolaborasi", "4", "collaboration", rank=4),
                _t("optimum", "5", "optimised", rank=5),
            ),
            ordinal=True,
        ),
        Vocabulary(
            "status_aset",
            (
                _t("aktif", "active"),
                _t("tidak aktif", "inactive", "nonaktif", "non aktif"),
                _t("pengembangan", "in development", "development", "dalam pengembangan"),
            ),
        ),
        Vocabulary(
            "hosting",
            (
                _t("pusat data daerah", "regional data centre", "regional data center", "pdd"),
                _t("pdn", "pusat data nasional", "national data centre", "national data center"),
                _t("cloud", "komputasi awan"),
                _t("lokal", "local", "on premise", "server lokal"),
            ),
        ),
        Vocabulary(
            "jenis_fasilitas",
            (
                _t("pusat data", "data centre", "data center"),
                _t("jaringan intra", "intranet", "intra network"),
                _t("sistem penghubung", "service bus", "sistem penghubung layanan"),
                _t("wifi publik", "public wifi", "wi fi publik", "public wi fi"),
                _t(
                    "cctv",
                ),
                _t("command center", "command centre", "pusat komando"),
                _t("drc", "disaster recovery center", "disaster recovery centre"),
                _t("fiber optik", "fibre optic", "fiber optic", "serat optik"),
                _t("sensor lingkungan", "environmental sensor"),
                _t("peringatan dini", "early warning"),
            ),
            open=True,
        ),
        Vocabulary(
            "status_kebijakan",
            (
                _t("konsep", "draft", "rancangan"),
                _t("ditetapkan", "enacted", "berlaku", "in force"),
                _t("dicabut", "revoked", "repealed"),
            ),
        ),
        Vocabulary(
            "cakupan",
            (
                _t("sebagian", "partial"),
                _t("lengkap", "complete", "full"),
            ),
        ),
        Vocabulary(
            "topik_kebijakan",
            (
                _t("arsitektur spbe", "arsitektur", "spbe architecture", indicator="1"),
                _t("peta rencana", "peta rencana spbe", "roadmap", "spbe roadmap", indicator="2"),
                _t("manajemen data", "data management", indicator="3"),
                _t(
                    "pembangunan aplikasi",
                    "application development",
                    "pembangunan aplikasi spbe",
                    indicator="4",
                ),
                _t("pusat data", "data centre", "data center", "layanan pusat data", indicator="5"),
                _t(
                    "jaringan intra",
                    "intra network",
                    "layanan jaringan intra",
                    indicator="6",
                ),
                _t(
                    "sistem penghubung",
                    "service bus",
                    "sistem penghubung layanan",
                    indicator="7",
                ),
                _t(
                    "keamanan informasi",
                    "information security",
                    "manajemen keamanan informasi",
                    indicator="8",
                ),
                _t(
                    "audit tik",
                    "ict audit",
                    "audit teknologi informasi dan komunikasi",
                    indicator="9",
                ),
                _t(
                    "tim koordinasi",
                    "tim koordinasi spbe",
                    "coordination team",
                    "spbe coordination team",
                    indicator="10",
                ),
                _t("masterplan smart city", "smart city master plan", "master plan smart city"),
                _t("satu data", "one data", "satu data indonesia"),
            ),
            open=True,
        ),
        Vocabulary(
            "dimensi",
            (
                _t("governance", "smart governance", "tata kelola", "pemerintahan"),
                _t("branding", "smart branding", "branding daerah", "pencitraan"),
                _t("economy", "smart economy", "ekonomi"),
                _t("living", "smart living", "kehidupan", "pola hidup"),
                _t("society", "smart society", "masyarakat", "sosial"),
                _t("environment", "smart environment", "lingkungan", "lingkungan hidup"),
            ),
        ),
        Vocabulary(
            "status_program",
            (
                _t("rencana", "planned", "plan"),
                _t("berjalan", "running", "ongoing", "in progress"),
                _t("selesai", "done", "finished", "completed"),
            ),
        ),
    )
}

_C = Column
_T = ColumnType

_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "profil",
        "Profil",
        "Profile",
        (
            _C("instansi", "Instansi", "Agency", _T.TEXT, description="Nama instansi"),
            _C(
                "jenis_instansi",
                "Jenis Instansi",
                "Agency Type",
                _T.VOCAB,
                "jenis_instansi",
                description="kota, kabupaten, provinsi atau instansi pusat",
            ),
            _C("tahun", "Tahun", "Year", _T.INTEGER, description="Tahun penilaian"),
            _C(
                "tanggal_penilaian",
                "Tanggal Penilaian",
                "Assessment Date",
                _T.DATE,
                description="Tanggal penilaian; reviu dihitung mundur satu tahun dari tanggal ini",
            ),
            _C("jumlah_penduduk", "Jumlah Penduduk", "Population", _T.INTEGER),
            _C("jumlah_kecamatan", "Jumlah Kecamatan", "Districts", _T.INTEGER),
            _C(
                "jumlah_perangkat_daerah",
                "Jumlah Perangkat Daerah",
                "Work Units",
                _T.INTEGER,
                description="Penyebut 'semua perangkat daerah' tanpa sheet Perangkat Daerah",
            ),
        ),
        labels=True,
    ),
    Sheet(
        "penilaian",
        "Penilaian",
        "Assessment",
        (
            _C(
                "indikator",
                "Indikator",
                "Indicator",
                _T.TEXT,
                required=True,
                description="Nomor indikator pada set (mis. 35)",
            ),
            _C(
                "nama_indikator",
                "Nama Indikator",
                "Indicator Name",
                _T.TEXT,
                description="Nama indikator, sebagai panduan. smartserang tidak membaca kolom ini.",
            ),
            _C("tingkat", "Tingkat", "Level", _T.LEVEL, description="Tingkat kematangan 1-5"),
            _C("penjelasan", "Penjelasan", "Explanation", _T.TEXT),
            _C("data_dukung", "Data Dukung", "Evidence", _T.TEXT),
            _C("target", "Target", "Target", _T.LEVEL, description="Target tingkat (opsional)"),
        ),
        label_column="indikator",
    ),
    Sheet(
        "aplikasi",
        "Aplikasi",
        "Applications",
        (
            _C("nama_aplikasi", "Nama Aplikasi", "Application", _T.TEXT, required=True),
            _C("perangkat_daerah", "Perangkat Daerah", "Work Unit", _T.TEXT),
            _C("layanan_spbe", "Layanan SPBE", "SPBE Service", _T.VOCAB, "layanan_spbe"),
            _C("tingkat_layanan", "Tingkat Layanan", "Service Level", _T.VOCAB, "tingkat_layanan"),
            _C("status", "Status", "Status", _T.VOCAB, "status_aset"),
            _C("terintegrasi_dengan", "Terintegrasi Dengan", "Integrated With", _T.LIST),
            _C("hosting", "Hosting", "Hosting", _T.VOCAB, "hosting"),
            _C("sistem_penghubung", "Sistem Penghubung", "Service Bus", _T.BOOLEAN),
            _C(
                "dimensi_smart_city",
                "Dimensi Smart City",
                "Smart City Dimension",
                _T.VOCAB_LIST,
                "dimensi",
            ),
            _C("url", "URL", "URL", _T.TEXT),
            _C("tahun", "Tahun", "Year", _T.INTEGER),
            _C("tanggal_reviu", "Tanggal Reviu", "Review Date", _T.DATE),
            _C("jumlah_pengguna", "Jumlah Pengguna", "Users", _T.INTEGER),
        ),
        label_column="nama_aplikasi",
    ),
    Sheet(
        "fasilitas",
        "Fasilitas",
        "Facilities",
        (
            _C("nama", "Nama", "Name", _T.TEXT, required=True),
            _C("jenis", "Jenis", "Type", _T.VOCAB, "jenis_fasilitas", required=True),
            _C(
                "perangkat_daerah_pengguna",
                "Perangkat Daerah Pengguna",
                "Units Served",
                _T.LIST,
                description="Nama perangkat daerah dipisah koma, atau 'semua'",
            ),
            _C("kecamatan", "Kecamatan", "District", _T.TEXT),
            _C("status", "Status", "Status", _T.VOCAB, "status_aset"),
            _C("terhubung_nasional", "Terhubung Nasional", "National Link", _T.BOOLEAN),
            _C(
                "jumlah",
                "Jumlah",
                "Count",
                _T.NUMBER,
                description="Titik, kamera, tautan; default 1",
            ),
            _C("tanggal_reviu", "Tanggal Reviu", "Review Date", _T.DATE),
            _C("koordinat", "Koordinat", "Coordinates", _T.TEXT, description="lat, lon"),
        ),
        label_column="nama",
    ),
    Sheet(
        "kebijakan",
        "Kebijakan",
        "Policies",
        (
            _C("judul", "Judul", "Title", _T.TEXT, required=True),
            _C("nomor", "Nomor", "Number", _T.TEXT),
            _C("topik", "Topik", "Topic", _T.VOCAB, "topik_kebijakan", required=True),
            _C("status", "Status", "Status", _T.VOCAB, "status_kebijakan"),
            _C("cakupan", "Cakupan", "Scope", _T.VOCAB, "cakupan"),
            _C("mengatur_integrasi", "Mengatur Integrasi", "Governs Integration", _T.BOOLEAN),
            _C("tanggal_penetapan", "Tanggal Penetapan", "Enacted", _T.DATE),
            _C("tanggal_reviu", "Tanggal Reviu", "Review Date", _T.DATE),
            _C("menggantikan", "Menggantikan", "Replaces", _T.TEXT),
        ),
        label_column="judul",
    ),
    Sheet(
        "perangkat_daerah",
        "Perangkat Daerah",
        "Work Units",
        (
            _C("nama", "Nama", "Name", _T.TEXT, required=True),
            _C("singkatan", "Singkatan", "Abbreviation", _T.TEXT),
        ),
        label_column="nama",
    ),
    Sheet(
        "kecamatan",
        "Kecamatan",
        "Districts",
        (
            _C(
                "nama",
                "Nama",
                "Name",
                _T.TEXT,
                required=True,
                description="Nama kecamatan di wilayah ini (daftar untuk cakupan kecamatan)",
            ),
        ),
        label_column="nama",
    ),
    Sheet(
        "program",
        "Program",
        "Programmes",
        (
            _C("nama_program", "Nama Program", "Programme", _T.TEXT, required=True),
            _C("dimensi", "Dimensi", "Dimension", _T.VOCAB, "dimensi"),
            _C("elemen", "Elemen", "Element", _T.TEXT),
            _C("quick_win", "Quick Win", "Quick Win", _T.BOOLEAN),
            _C("status", "Status", "Status", _T.VOCAB, "status_program"),
            _C("tahun_mulai", "Tahun Mulai", "Start Year", _T.INTEGER),
            _C("anggaran", "Anggaran", "Budget", _T.NUMBER),
            _C("perangkat_daerah", "Perangkat Daerah", "Work Unit", _T.TEXT),
        ),
        label_column="nama_program",
    ),
    Sheet(
        "target",
        "Target",
        "Targets",
        (
            _C("tahun", "Tahun", "Year", _T.INTEGER, required=True),
            _C(
                "lingkup",
                "Lingkup",
                "Scope",
                _T.TEXT,
                required=True,
                description="'indeks', id kelompok (mis. D1) atau id indikator",
            ),
            _C("target", "Target", "Target", _T.NUMBER, required=True),
        ),
        label_column="lingkup",
    ),
)


def _with_synonyms(sheet: Sheet) -> Sheet:
    spellings = COLUMN_SYNONYMS.get(sheet.key, {})
    columns = tuple(
        dataclasses.replace(c, synonyms=spellings.get(c.key, ())) for c in sheet.columns
    )
    return dataclasses.replace(sheet, columns=columns, synonyms=SHEET_SYNONYMS.get(sheet.key, ()))


SHEETS: tuple[Sheet, ...] = tuple(map(_with_synonyms, _SHEETS))

SHEETS_BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}

HELPER_SHEETS = frozenset({"petunjuk", "instructions", "_daftar"})
"""Normalised names of the sheets a blank template adds (instructions, drop-down lists):
read past silently."""

ALL_UNITS = "semua"
"""The Perangkat Daerah Pengguna value meaning every work unit."""
ALL_UNITS_ALIASES = frozenset({"semua", "all", "seluruh", "semua perangkat daerah"})

NUMBERING_HEADERS = frozenset({"no", "nomor", "no urut", "nomor urut", "#", "nmr", "urut"})
"""``header_key`` of the headers of a column that numbers the rows (``No.``): read past
without a word, unless the sheet has a column of that name (Kebijakan's Nomor)."""
