"""A hand-made report view of a fictional city, so the templates render without the scorer.

Kota Sukamaju, 2025, on the SPBE set: strong services, weak management, a few claims the
registers do not back, two unassessed indicators, data-quality warnings and a trajectory.
The levels below are the data; the few sums are worked out here only so that the printed
numbers agree with each other. One application label is hostile on purpose
(``HOSTILE_LABEL``): it must come out escaped in HTML and as one cell in Markdown.
"""

# ruff: noqa: E501 (literal data tables: one record per line reads best)
from __future__ import annotations

import html
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from smartserang.catalogue.report import report_text
from smartserang.report.view import (
    BreakdownRowView,
    BreakdownView,
    Chart,
    EvidenceLine,
    Footer,
    GroupRow,
    IndicatorDetail,
    IndicatorRow,
    NotApplicableRow,
    PriorityRow,
    ReportView,
    TargetRow,
    UnsupportedRow,
    WarningRow,
)

HOSTILE_LABEL = "e-Kinerja <script>alert(1)</script> a | b"
"""An application name as a careless (or hostile) workbook might hold it."""


class Group(NamedTuple):
    id: str
    parent: str
    weight: str
    name_id: str
    name_en: str


class Indicator(NamedTuple):
    id: str
    group: str
    weight: str
    name_id: str
    name_en: str
    claimed: int | None
    supported: int | None
    """The level the registers back, or None when no register speaks for the indicator."""
    evidence: str
    """The register row's label behind the supported level ("" when no register)."""


# fmt: off
GROUPS = (
    Group("D1", "", "13", "Kebijakan Internal SPBE", "Internal SPBE policy"),
    Group("A1", "D1", "13", "Kebijakan Internal Tata Kelola SPBE", "Internal governance policy"),
    Group("D2", "", "25", "Tata Kelola SPBE", "SPBE governance"),
    Group("A2", "D2", "10", "Perencanaan Strategis SPBE", "SPBE strategic planning"),
    Group("A3", "D2", "10", "Teknologi Informasi dan Komunikasi", "Information and communication technology"),
    Group("A4", "D2", "5", "Penyelenggara SPBE", "SPBE organisers"),
    Group("D3", "", "16.5", "Manajemen SPBE", "SPBE management"),
    Group("A5", "D3", "12", "Penerapan Manajemen SPBE", "SPBE management in practice"),
    Group("A6", "D3", "4.5", "Pelaksanaan Audit TIK", "ICT audits"),
    Group("D4", "", "45.5", "Layanan SPBE", "SPBE services"),
    Group("A7", "D4", "27.5", "Layanan Administrasi Pemerintahan Berbasis Elektronik", "Electronic government administration services"),
    Group("A8", "D4", "18", "Layanan Publik Berbasis Elektronik", "Electronic public services"),
)

_P = "Peraturan Wali Kota Sukamaju Nomor"
INDICATORS = (
    Indicator("1", "A1", "1.3", "Kebijakan Arsitektur SPBE", "SPBE architecture policy", 3, 3, f"{_P} 12 Tahun 2023 tentang Arsitektur SPBE"),
    Indicator("2", "A1", "1.3", "Kebijakan Peta Rencana SPBE", "SPBE roadmap policy", 3, 2, f"{_P} 13 Tahun 2023 tentang Peta Rencana SPBE"),
    Indicator("3", "A1", "1.3", "Kebijakan Manajemen Data", "Data management policy", 2, 2, f"{_P} 40 Tahun 2022 tentang Satu Data Sukamaju"),
    Indicator("4", "A1", "1.3", "Kebijakan Pembangunan Aplikasi SPBE", "SPBE application development policy", 3, 3, f"{_P} 7 Tahun 2024 tentang Pembangunan Aplikasi"),
    Indicator("5", "A1", "1.3", "Kebijakan Layanan Pusat Data", "Data centre service policy", 2, 2, f"{_P} 21 Tahun 2022 tentang Pusat Data"),
    Indicator("6", "A1", "1.3", "Kebijakan Layanan Jaringan Intra", "Intra network service policy", 2, 2, f"{_P} 22 Tahun 2022 tentang Jaringan Intra"),
    Indicator("7", "A1", "1.3", "Kebijakan Sistem Penghubung Layanan", "Service bus policy", 2, 1, ""),
    Indicator("8", "A1", "1.3", "Kebijakan Manajemen Keamanan Informasi", "Information security management policy", 3, 2, f"{_P} 5 Tahun 2021 tentang Keamanan Informasi"),
    Indicator("9", "A1", "1.3", "Kebijakan Audit TIK", "ICT audit policy", 1, 1, ""),
    Indicator("10", "A1", "1.3", "Kebijakan Tim Koordinasi SPBE", "SPBE coordination team policy", 3, 3, "Keputusan Wali Kota Sukamaju Nomor 100.3.3/Kep.45-Diskominfo/2024 tentang Tim Koordinasi SPBE"),
    Indicator("11", "A2", "2.5", "Arsitektur SPBE", "SPBE architecture", 2, None, ""),
    Indicator("12", "A2", "2.5", "Peta Rencana SPBE", "SPBE roadmap", 2, None, ""),
    Indicator("13", "A2", "2.5", "Keterpaduan Rencana dan Anggaran SPBE", "SPBE plan and budget integration", 2, None, ""),
    Indicator("14", "A2", "2.5", "Inovasi Proses Bisnis SPBE", "SPBE business process innovation", None, None, ""),
    Indicator("15", "A3", "2.5", "Pembangunan Aplikasi SPBE", "SPBE application development", 3, None, ""),
    Indicator("16", "A3", "2.5", "Layanan Pusat Data", "Data centre service", 3, 3, "Pusat Data Pemerintah Kota Sukamaju (ruang server Diskominfo)"),
    Indicator("17", "A3", "2.5", "Layanan Jaringan Intra", "Intra network service", None, 2, "Jaringan Intra Pemkot Sukamaju (serat optik, 28 titik)"),
    Indicator("18", "A3", "2.5", "Sistem Penghubung Layanan", "Service bus", 3, 2, "API Gateway Sukamaju"),
    Indicator("19", "A4", "2.5", "Pelaksanaan Tim Koordinasi SPBE", "SPBE coordination team at work", 2, None, ""),
    Indicator("20", "A4", "2.5", "Kolaborasi Penerapan SPBE", "Collaborative SPBE implementation", 1, None, ""),
    Indicator("21", "A5", "1.5", "Manajemen Risiko", "Risk management", 1, None, ""),
    Indicator("22", "A5", "1.5", "Manajemen Keamanan Informasi", "Information security management", 2, None, ""),
    Indicator("23", "A5", "1.5", "Manajemen Data", "Data management", 1, None, ""),
    Indicator("24", "A5", "1.5", "Manajemen Aset TIK", "ICT asset management", 1, None, ""),
    Indicator("25", "A5", "1.5", "Kompetensi SDM", "HR competence", 2, None, ""),
    Indicator("26", "A5", "1.5", "Manajemen Pengetahuan", "Knowledge management", None, None, ""),
    Indicator("27", "A5", "1.5", "Manajemen Perubahan", "Change management", 1, None, ""),
    Indicator("28", "A5", "1.5", "Manajemen Layanan SPBE", "SPBE service management", 1, None, ""),
    Indicator("29", "A6", "1.5", "Audit Infrastruktur", "Infrastructure audit", 1, None, ""),
    Indicator("30", "A6", "1.5", "Audit Aplikasi", "Application audit", 1, None, ""),
    Indicator("31", "A6", "1.5", "Audit Keamanan", "Security audit", 1, None, ""),
    Indicator("32", "A7", "2.75", "Layanan Perencanaan", "Planning service", 4, 4, "SIPD RI – Perencanaan"),
    Indicator("33", "A7", "2.75", "Penganggaran", "Budgeting", 4, 4, "SIPD RI – Penganggaran"),
    Indicator("34", "A7", "2.75", "Keuangan", "Finance", 4, 4, "SIPD RI – Penatausahaan Keuangan"),
    Indicator("35", "A7", "2.75", "Pengadaan Barang dan Jasa", "Procurement of goods and services", 5, 3, "SPSE (LPSE Kota Sukamaju)"),
    Indicator("36", "A7", "2.75", "Kepegawaian", "Personnel", 4, 4, "SIMPEG Kota Sukamaju"),
    Indicator("37", "A7", "2.75", "Kearsipan Dinamis", "Active records", 3, 3, "SRIKANDI"),
    Indicator("38", "A7", "2.75", "Pengelolaan Barang Milik Negara/Daerah", "State/regional property management", 3, 3, "SIMBADA Sukamaju"),
    Indicator("39", "A7", "2.75", "Pengawasan Internal Pemerintah", "Government internal oversight", 3, 2, "e-Audit Inspektorat"),
    Indicator("40", "A7", "2.75", "Akuntabilitas Kinerja Organisasi", "Organisational performance accountability", 4, 4, "e-SAKIP Sukamaju"),
    Indicator("41", "A7", "2.75", "Kinerja Pegawai", "Employee performance", 4, 3, HOSTILE_LABEL),
    Indicator("42", "A8", "3", "Pengaduan Pelayanan Publik", "Public service complaints", 4, 4, "SP4N-LAPOR! / Sukamaju Lapor"),
    Indicator("43", "A8", "3", "Data Terbuka", "Open data", 3, 3, "Portal Satu Data Sukamaju"),
    Indicator("44", "A8", "3", "Jaringan Dokumentasi dan Informasi Hukum (JDIH)", "Legal documentation and information network (JDIH)", 4, 4, "JDIH Kota Sukamaju"),
    Indicator("45", "A8", "3", "Layanan Publik Sektor Kesehatan", "Public service: health", 3, 3, "SIMPUS Puskesmas"),
    Indicator("46", "A8", "3", "Layanan Publik Sektor Perizinan", "Public service: licensing", 3, 2, "SiCantik Cloud – Perizinan"),
    Indicator("47", "A8", "3", "Layanan Publik Sektor Pariwisata", "Public service: tourism", 2, 2, "Wisata Banten Lama Sukamaju"),
)

TARGETS = {"A1": 3, "A2": 3, "A3": 3, "A4": 3, "A5": 2, "A6": 2, "A7": 4, "A8": 4}
"""Target level of every indicator, by aspect (the master plan's 2025 ambition)."""

SHEETS = {"A1": "Kebijakan", "A3": "Fasilitas", "A7": "Aplikasi", "A8": "Aplikasi"}

LEVEL_NAMES = {
    "proses": {
        "id": ("Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"),
        "en": ("Initial", "Managed", "Defined", "Integrated and measured", "Optimised"),
    },
    "layanan": {
        "id": ("Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum"),
        "en": ("Information", "Interaction", "Transaction", "Collaboration", "Optimised"),
    },
}

CRITERIA = {
    "proses": {
        "id": {
            2: "Kriteria tingkat 1 telah terpenuhi dan {name} telah ditetapkan dan dilaksanakan oleh sebagian unit kerja/perangkat daerah.",
            3: "Kriteria tingkat 2 telah terpenuhi dan {name} berlaku dan dilaksanakan oleh seluruh unit kerja/perangkat daerah berdasarkan pedoman standar.",
            4: "Kriteria tingkat 3 telah terpenuhi dan {name} telah terpadu antar unit kerja/perangkat daerah serta direviu dan dievaluasi secara berkala.",
            5: "Kriteria tingkat 4 telah terpenuhi dan hasil reviu dan evaluasi {name} telah ditindaklanjuti dengan perbaikan berkelanjutan.",
        },
        "en": {
            2: "Level 1 is met and the {name} is enacted and carried out by some work units.",
            3: "Level 2 is met and the {name} applies to, and is carried out by, every work unit under a standard guideline.",
            4: "Level 3 is met and the {name} is integrated across work units and reviewed and evaluated periodically.",
            5: "Level 4 is met and the results of the review of the {name} have been acted on with continuous improvement.",
        },
    },
    "layanan": {
        "id": {
            2: "Kriteria tingkat 1 telah terpenuhi dan Layanan {name} Berbasis Elektronik memberikan layanan interaksi seperti pencarian informasi, pengunggahan dan pengunduhan dokumen.",
            3: "Kriteria tingkat 2 telah terpenuhi dan Layanan {name} Berbasis Elektronik memberikan layanan transaksi kepada pengguna seperti otomasi alur kerja, transaksi basis data, validasi data, mekanisme persetujuan, dan analitik data.",
            4: "Kriteria tingkat 3 telah terpenuhi dan Layanan {name} Berbasis Elektronik memberikan layanan kolaborasi dengan layanan elektronik lain, misalnya layanan penganggaran, perencanaan dan keuangan berbasis elektronik, dan/atau layanan SPBE Instansi Pusat/Pemerintah Daerah lain.",
            5: "Kriteria tingkat 4 telah terpenuhi dan Layanan {name} Berbasis Elektronik telah diperbaiki berdasarkan hasil reviu dan evaluasi terhadap perubahan lingkungan, peraturan perundang-undangan, teknologi atau kebutuhan Instansi Pusat/Pemerintah Daerah.",
        },
        "en": {
            2: "Level 1 is met and the electronic service ({name}) offers interaction, such as information search and uploading and downloading documents.",
            3: "Level 2 is met and the electronic service ({name}) offers users transactions, such as workflow automation, database transactions, data validation, approval mechanisms and data analytics.",
            4: "Level 3 is met and the electronic service ({name}) collaborates with other electronic services, e.g. electronic budgeting, planning and finance services and/or other agencies' SPBE services.",
            5: "Level 4 is met and the electronic service ({name}) has been improved after a review of changes in the environment, legislation, technology or the agency's needs.",
        },
    },
}

REQUIRES = {
    "Kebijakan": {
        "id": {
            2: "Kebijakan telah ditetapkan (status ditetapkan) di sheet Kebijakan",
            3: "Kebijakan yang ditetapkan dengan cakupan lengkap (cakupan lengkap)",
            4: "Kebijakan yang ditetapkan dan lengkap juga mengatur integrasi dan telah direviu (tanggal reviu terisi, atau kebijakan menggantikan kebijakan yang telah direviu)",
        },
        "en": {
            2: "An enacted policy (status ditetapkan) in the Kebijakan sheet",
            3: "An enacted policy with complete scope (cakupan lengkap)",
            4: "An enacted, complete policy that also governs integration and has been reviewed (a review date, or it replaces a policy that was reviewed)",
        },
    },
    "Fasilitas": {
        "id": {
            3: "Fasilitas aktif yang digunakan oleh seluruh perangkat daerah",
            4: "Fasilitas aktif yang terhubung dengan fasilitas nasional (Terhubung Nasional ya)",
        },
        "en": {
            3: "Active facilities that serve every work unit",
            4: "An active facility linked to the national facility (Terhubung Nasional yes)",
        },
    },
    "Aplikasi": {
        "id": {
            3: "Aplikasi aktif dengan tingkat layanan paling rendah transaksi",
            4: "Aplikasi aktif tingkat kolaborasi yang terintegrasi dengan aplikasi lain yang tercatat di sheet Aplikasi (kolom Terintegrasi Dengan)",
            5: "Aplikasi aktif tingkat optimum yang terintegrasi dan telah direviu dalam satu tahun sebelum tanggal penilaian",
        },
        "en": {
            3: "An active application at transaction level or above",
            4: "An active application at collaboration level, integrated with another application listed in the Aplikasi sheet (Terintegrasi Dengan column)",
            5: "An active, integrated application at optimum level, reviewed within the year before the assessment date",
        },
    },
}

WORDS = {
    "id": {
        "title": "Lampiran: Analisis Kesenjangan SPBE Pemerintah Kota Sukamaju Tahun 2025",
        "instance": "Pemerintah Kota Sukamaju",
        "assessment_date": "14 Maret 2025",
        "generated": "28 November 2025",
        "set_title": "Indeks SPBE (PermenPANRB 59/2020)",
        "legal_basis": (
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 59 "
            "Tahun 2020 tentang Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik"
        ),
        "basis": "Indeks terverifikasi (klaim diperiksa terhadap register)",
        "target_source": "sheet Target, lingkup Indeks, tahun 2025",
        "policy": "dihitung pada tingkat 1, tingkat terendah skalanya, dalam kedua indeks",
        "verified": "terverifikasi",
        "unverified": "tanpa register",
        "register": "dari register",
        "unassessed": "belum dinilai",
        "index": "Indeks SPBE",
        "chart_domains": "Indeks per domain: klaim dan terverifikasi",
        "chart_aspects": "Indeks terverifikasi per aspek terhadap target",
        "claimed": "klaim",
        "target": "target",
        "quick": "satu tingkat lagi ke target; data dukung tingkat saat ini sudah ada",
        "quick_unverified": "satu tingkat lagi ke target; siapkan data dukung untuk asesor",
        "longer": "{n} tingkat lagi; perlu kebijakan, proses dan penerapan di seluruh perangkat daerah",
    },
    "en": {
        "title": "Appendix: SPBE gap analysis, Sukamaju City Government, 2025",
        "instance": "Pemerintah Kota Sukamaju",
        "assessment_date": "14 March 2025",
        "generated": "28 November 2025",
        "set_title": "SPBE Index (PermenPANRB 59/2020)",
        "legal_basis": (
            "Regulation of the Minister of State Apparatus Empowerment and Bureaucratic Reform "
            "Number 59 of 2020 on the Monitoring and Evaluation of the Electronic-Based "
            "Government System"
        ),
        "basis": "Verified index (claims checked against the registers)",
        "target_source": "Target sheet, scope Indeks, year 2025",
        "policy": "counted at level 1, the lowest of its scale, in both indices",
        "verified": "verified",
        "unverified": "unverified",
        "register": "from register",
        "unassessed": "unassessed",
        "index": "SPBE index",
        "chart_domains": "Index by domain: claimed and verified",
        "chart_aspects": "Verified index by aspect against the target",
        "claimed": "claimed",
        "target": "target",
        "quick": "one level to the target; the current level's evidence is on record",
        "quick_unverified": "one level to the target; prepare the evidence for the assessors",
        "longer": "{n} levels to go; needs policy, process and roll-out across every work unit",
    },
}

WARNINGS = {
    "id": (
        ("Aplikasi!F12", "tingkat layanan 'transaksional' tidak dikenal; sel dianggap kosong", "inventory.vocab"),
        ("Kebijakan!G7", "tanggal reviu '31/02/2024' bukan tanggal yang sah; sel dianggap kosong", "inventory.date"),
        ("Perangkat Daerah!B15", "perangkat daerah 'Dinas Komunikasi dan Informatika' tercatat dua kali (lihat juga B4)", "inventory.duplicate"),
    ),
    "en": (
        ("Aplikasi!F12", "unknown service level 'transaksional'; the cell is read as empty", "inventory.vocab"),
        ("Kebijakan!G7", "review date '31/02/2024' is not a valid date; the cell is read as empty", "inventory.date"),
        ("Perangkat Daerah!B15", "work unit 'Dinas Komunikasi dan Informatika' is listed twice (see also B4)", "inventory.duplicate"),
    ),
}
# fmt: on

BANDS = (
    (Decimal("4.2"), "Memuaskan", "Satisfactory"),
    (Decimal("3.5"), "Sangat Baik", "Very good"),
    (Decimal("2.6"), "Baik", "Good"),
    (Decimal("1.8"), "Cukup", "Fair"),
    (Decimal(0), "Kurang", "Poor"),
)


def _number(value: Decimal, places: int, lang: str) -> str:
    text = f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    return text.replace(".", ",") if lang == "id" else text


def _band(value: Decimal, lang: str) -> str:
    for minimum, name_id, name_en in BANDS:
        if value >= minimum:
            return name_id if lang == "id" else name_en
    raise AssertionError(value)


class _Scored(NamedTuple):
    indicator: Indicator
    verified: int
    claimed_level: int
    """Level used in the claimed index (the register's when nothing was claimed)."""
    status: str
    target: int

    @property
    def gap(self) -> int:
        return max(self.target - self.verified, 0)

    @property
    def unsupported(self) -> bool:
        claimed, supported = self.indicator.claimed, self.indicator.supported
        return claimed is not None and supported is not None and claimed > supported

    @property
    def scale(self) -> str:
        return "layanan" if self.indicator.group in {"A7", "A8"} else "proses"


def _score(indicator: Indicator) -> _Scored:
    claimed, supported = indicator.claimed, indicator.supported
    target = TARGETS[indicator.group]
    if claimed is not None and supported is not None:
        return _Scored(indicator, min(claimed, supported), claimed, "verified", target)
    if supported is not None:
        return _Scored(indicator, supported, supported, "register", target)
    if claimed is not None:
        return _Scored(indicator, claimed, claimed, "unverified", target)
    return _Scored(indicator, 1, 1, "unassessed", target)


def _index(scored: list[_Scored], level: str, group: str = "") -> Decimal:
    """Weighted mean of ``level`` ("claimed_level", "verified" or "target") over a group."""
    rows = [s for s in scored if not group or group in {s.indicator.group, _parent(s)}]
    total = sum((Decimal(s.indicator.weight) for s in rows), Decimal(0))
    points = sum((Decimal(s.indicator.weight) * getattr(s, level) for s in rows), Decimal(0))
    return points / total


def _parent(scored: _Scored) -> str:
    return next(g.parent for g in GROUPS if g.id == scored.indicator.group)


def _name(item: Indicator | Group, lang: str) -> str:
    return item.name_id if lang == "id" else item.name_en


def _evidence(scored: _Scored) -> tuple[EvidenceLine, ...]:
    label = scored.indicator.evidence
    if not label:
        return ()
    sheet = SHEETS[scored.indicator.group]
    row = str(int(scored.indicator.id) % 20 + 2)
    lines = [EvidenceLine(sheet, row, label)]
    if scored.indicator.id == "35":  # two rows can back one level
        lines.append(EvidenceLine(sheet, "31", "Katalog Elektronik Lokal Sukamaju"))
    return tuple(lines)


def _requires(scored: _Scored, level: int, lang: str) -> str:
    sheet = SHEETS.get(scored.indicator.group, "")
    return REQUIRES.get(sheet, {}).get(lang, {}).get(level, "")


def _level_name(scored: _Scored, level: int, lang: str) -> str:
    return f"{level} – {LEVEL_NAMES[scored.scale][lang][level - 1]}"


def _svg_bars(
    chart_id: str,
    title: str,
    desc: str,
    rows: list[tuple[str, Decimal, Decimal]],
    series: tuple[str, str],
) -> str:
    """A horizontal bar chart (0–5) with two bars per row, as a chart builder might draw it."""
    left, width, bar, step = 380, 340, 11, 34
    height = 40 + step * len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 {height}" width="760" '
        f'height="{height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="{chart_id}-t">{html.escape(title)}</title>',
        f'<desc id="{chart_id}-d">{html.escape(desc)}</desc>',
    ]
    for tick in range(6):
        x = left + width * tick // 5
        parts.append(
            f'<line x1="{x}" y1="24" x2="{x}" y2="{height - 8}" stroke="#d0d0d0"/>'
            f'<text x="{x}" y="16" text-anchor="middle" fill="#555">{tick}</text>'
        )
    for index, (label, first, second) in enumerate(rows):
        y = 30 + step * index
        parts.append(
            f'<text x="{left - 8}" y="{y + bar + 4}" text-anchor="end">{html.escape(label)}</text>'
        )
        for offset, value, fill in ((0, first, "#a9bdd6"), (bar + 1, second, "#1f3a5f")):
            length = int(value * width / 5)
            parts.append(
                f'<rect x="{left}" y="{y + offset}" width="{length}" height="{bar}" fill="{fill}"/>'
            )
    legend_y = height - 2
    parts.append(
        f'<rect x="{left}" y="{legend_y - 9}" width="10" height="10" fill="#a9bdd6"/>'
        f'<text x="{left + 14}" y="{legend_y}">{html.escape(series[0])}</text>'
        f'<rect x="{left + 130}" y="{legend_y - 9}" width="10" height="10" fill="#1f3a5f"/>'
        f'<text x="{left + 144}" y="{legend_y}">{html.escape(series[1])}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def sample_view(lang: str) -> ReportView:
    """The Kota Sukamaju report view in ``lang`` ("id" or "en")."""
    words = WORDS[lang]
    scored = [_score(i) for i in INDICATORS]
    status = {key: words[key] for key in ("verified", "unverified", "register", "unassessed")}

    def num(value: Decimal, places: int = 2) -> str:
        return _number(value, places, lang)

    claimed_index = _index(scored, "claimed_level")
    verified_index = _index(scored, "verified")
    index_target = Decimal("2.80")

    groups = tuple(
        GroupRow(
            id=g.id,
            name=_name(g, lang),
            depth=1 if g.parent else 0,
            weight=num(Decimal(g.weight)),
            claimed=num(_index(scored, "claimed_level", g.id)),
            verified=num(_index(scored, "verified", g.id)),
            band=_band(_index(scored, "verified", g.id), lang),
            target=num(_index(scored, "target", g.id)) if g.parent else "–",
        )
        for g in GROUPS
    )
    domains = [g for g in GROUPS if not g.parent]
    aspects = [g for g in GROUPS if g.parent]
    domain_rows = [
        (
            f"{g.id} {_name(g, lang)}",
            _index(scored, "claimed_level", g.id),
            _index(scored, "verified", g.id),
        )
        for g in domains
    ]
    aspect_rows = [
        (
            f"{g.id} {_name(g, lang)}",
            _index(scored, "target", g.id),
            _index(scored, "verified", g.id),
        )
        for g in aspects
    ]
    claimed_word, target_word = words["claimed"], words["target"]
    verified_word = status["verified"]
    domain_alt = "; ".join(
        f"{label}: {claimed_word} {num(a)}, {verified_word} {num(b)}" for label, a, b in domain_rows
    )
    aspect_alt = "; ".join(
        f"{label}: {verified_word} {num(b)}, {target_word} {num(a)}" for label, a, b in aspect_rows
    )
    charts = (
        Chart(
            "domains",
            words["chart_domains"],
            _svg_bars(
                "domains",
                words["chart_domains"],
                domain_alt,
                domain_rows,
                (claimed_word, verified_word),
            ),
            domain_alt,
        ),
        Chart(
            "aspects",
            words["chart_aspects"],
            _svg_bars(
                "aspects",
                words["chart_aspects"],
                aspect_alt,
                aspect_rows,
                (target_word, verified_word),
            ),
            aspect_alt,
        ),
    )

    def dash(level: int | None) -> str:
        return "–" if level is None else str(level)

    def gain(s: _Scored) -> Decimal:
        return Decimal(s.indicator.weight) / 100

    indicators = tuple(
        IndicatorRow(
            id=s.indicator.id,
            name=_name(s.indicator, lang),
            group=s.indicator.group,
            weight=num(Decimal(s.indicator.weight)),
            claimed=dash(s.indicator.claimed),
            supported=dash(s.indicator.supported),
            verified=str(s.verified),
            target=str(s.target),
            gap=str(s.gap),
            gain=num(gain(s), 4),
            status=status[s.status],
            unsupported=s.unsupported,
        )
        for s in scored
    )
    details = tuple(
        IndicatorDetail(
            id=s.indicator.id,
            name=_name(s.indicator, lang),
            level=_level_name(s, s.verified, lang),
            claimed=dash(s.indicator.claimed),
            supported=dash(s.indicator.supported),
            target=str(s.target),
            gap=str(s.gap),
            weight=num(Decimal(s.indicator.weight)),
            gain=num(gain(s), 4),
            next_level=_level_name(s, s.verified + 1, lang),
            next_criteria=CRITERIA[s.scale][lang][s.verified + 1].format(
                name=_name(s.indicator, lang).removeprefix("Layanan ")
            ),
            evidence=_evidence(s),
            next_requires=_requires(s, s.verified + 1, lang),
            status=status[s.status],
            unsupported=s.unsupported,
        )
        for s in scored
        if s.gap
    )
    by_gain = sorted((s for s in scored if s.gap), key=lambda s: (-gain(s), int(s.indicator.id)))

    def priority(rank: int, s: _Scored) -> PriorityRow:
        if s.gap == 1:
            reason = words["quick" if s.status == "verified" else "quick_unverified"]
        else:
            reason = words["longer"].format(n=s.gap)
        return PriorityRow(
            rank=str(rank),
            id=s.indicator.id,
            name=_name(s.indicator, lang),
            verified=str(s.verified),
            target=str(s.target),
            levels_to_go=str(s.gap),
            gain_per_level=num(gain(s), 4),
            gain_to_target=num(gain(s) * s.gap, 4),
            reason=reason,
        )

    quick = [s for s in by_gain if s.gap == 1][:6]
    longer = [s for s in by_gain if s.gap > 1][:6]
    unsupported = tuple(
        UnsupportedRow(
            id=s.indicator.id,
            name=_name(s.indicator, lang),
            claimed=dash(s.indicator.claimed),
            supported=dash(s.indicator.supported),
            evidence=_evidence(s),
            next_requires=_requires(s, (s.indicator.supported or 0) + 1, lang),
        )
        for s in scored
        if s.unsupported
    )
    warnings = tuple(
        WarningRow(f"kota-sukamaju.xlsx:{place}", message, code)
        for place, message, code in WARNINGS[lang]
    )
    # The SPBE weights add up to 100, so the weight backed by registers is already a percentage.
    backed = sum(
        (Decimal(s.indicator.weight) for s in scored if s.indicator.supported is not None),
        Decimal(0),
    )
    aspect_5 = _index(scored, "verified", "A5")
    domain_1 = _index(scored, "verified", "D1")
    target_rows = (
        ("2025", words["index"], Decimal("2.80"), verified_index),
        ("2026", words["index"], Decimal("3.10"), verified_index),
        ("2025", f"D1 {_name(GROUPS[0], lang)}", Decimal("2.00"), domain_1),
        ("2026", f"A5 {_name(GROUPS[7], lang)}", Decimal("2.00"), aspect_5),
        ("2025", f"18 {_name(INDICATORS[17], lang)}", Decimal(3), Decimal(2)),
    )
    targets = tuple(
        TargetRow(
            year=year,
            scope=scope,
            target=num(target),
            current=num(current),
            distance=num(max(target - current, Decimal(0))),
            reached=current >= target,
        )
        for year, scope, target, current in target_rows
    )
    return ReportView(
        lang=lang,
        text=report_text(lang),
        prefix="",
        breakdowns=(
            BreakdownView(
                "Aspek kesiapan" if lang == "id" else "Readiness aspect",
                (
                    BreakdownRowView(
                        "infrastruktur",
                        num(Decimal("3.1")),
                        num(Decimal("2.8")),
                        _band(Decimal("2.8"), lang),
                        "40%",
                        "12",
                    ),
                    BreakdownRowView(
                        "suprastruktur",
                        num(Decimal("2.2")),
                        num(Decimal("2.0")),
                        _band(Decimal("2.0"), lang),
                        "60%",
                        "20",
                    ),
                ),
            ),
        ),
        not_applicable=(
            NotApplicableRow("45", "Layanan Publik Sektor 1", "Sektor <b>tidak</b> | relevan"),
        ),
        title=words["title"],
        instance=words["instance"],
        year="2025",
        assessment_date=words["assessment_date"],
        set_title=words["set_title"],
        set_id="spbe-2020",
        set_version="2023.1",
        legal_basis=words["legal_basis"],
        basis=words["basis"],
        claims=True,
        claimed_index=num(claimed_index),
        claimed_band=_band(claimed_index, lang),
        verified_index=num(verified_index),
        verified_band=_band(verified_index, lang),
        index_target=num(index_target),
        index_target_source=words["target_source"],
        completeness=f"{num(backed, 1)} %",
        unverified_count=str(sum(1 for s in scored if s.status == "unverified")),
        unassessed=tuple(
            (s.indicator.id, _name(s.indicator, lang)) for s in scored if s.status == "unassessed"
        ),
        unassessed_policy=words["policy"],
        groups=groups,
        targets_inherited=False,
        charts=charts,
        indicators=indicators,
        detail_full=True,
        details=details,
        quick_wins=tuple(priority(rank, s) for rank, s in enumerate(quick, 1)),
        longer_work=tuple(priority(rank, s) for rank, s in enumerate(longer, 1)),
        unsupported=unsupported,
        warnings=warnings,
        targets=targets,
        footer=Footer(
            tool_version="0.1.0",
            set_id="spbe-2020",
            set_version="2023.1",
            workbook_sha256="3f8a1c5e9b0d47e2a6c1f09b8e7d2a4c5b6e1f0a9d8c7b6a5e4f3d2c1b0a9e8d",
            set_sha256="b7e4d2c19a0f8e3d6c5b4a3928170f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6",
            generated=words["generated"],
        ),
    )
