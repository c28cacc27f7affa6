"""Hostile text in every field a report can show: the workbooks and the set that carry it.

``tests/data/xss-payloads.txt`` holds the vectors, each with a ``MARK`` placeholder. Every
copy put into a field gets its own marker, ``xss<vector>f<field>`` (``xss017f05``), so a
rendered output tells which vector reached it through which field, and a script that ran
would say which one it was.

One field holds one vector per row where a register has rows (row ``p`` of Aplikasi
carries vector ``p`` in every text column); a field that exists once (the Profil's
Instansi, the set's title) holds every vector, one after the other. Vocabulary columns
keep valid values so the rows count as evidence and reach the report's tables.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from builders import smartserang, write_workbook

DATA = Path(__file__).parent / "data" / "xss-payloads.txt"
MARKER = re.compile(r"xss(\d{3})f(\d{2})")
"""A marker as it appears in output: vector number, field number."""
_CONTROLS = {"{TAB}": "\t", "{LF}": "\n", "{CR}": "\r", "{HASH}": "#"}


def load_vectors() -> tuple[str, ...]:
    """The vectors of the data file, control-character placeholders resolved."""
    vectors = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vector = line
        for name, char in _CONTROLS.items():
            vector = vector.replace(name, char)
        assert "MARK" in vector, line
        vectors.append(vector)
    assert len(set(vectors)) == len(vectors), "duplicate vectors"
    return tuple(vectors)


VECTORS = load_vectors()


@dataclass(frozen=True)
class Field:
    """One text field that hostile text is put into."""

    code: int
    """The field's number in markers."""
    name: str
    """Where the text sits, e.g. ``Aplikasi.Nama Aplikasi``."""


FIELDS: dict[str, Field] = {}
"""Every field, by name, filled by ``field()`` as the builders below name them."""


def field(name: str) -> Field:
    """The field ``name``, numbered on first use (numbers are stable: the builders' order)."""
    if name not in FIELDS:
        FIELDS[name] = Field(len(FIELDS) + 1, name)
    return FIELDS[name]


def marked(vector: int, where: Field) -> str:
    """Vector number ``vector`` with its marker for field ``where``."""
    return VECTORS[vector].replace("MARK", marker(vector, where))


def marker(vector: int, where: Field) -> str:
    """The marker of one vector in one field."""
    return f"xss{vector:03d}f{where.code:02d}"


def every(where: Field, vectors: Iterable[int] | None = None) -> str:
    """All vectors (or ``vectors``) for one field, one after the other."""
    chosen = range(len(VECTORS)) if vectors is None else vectors
    return " ".join(marked(v, where) for v in chosen)


def found_markers(text: str) -> set[tuple[int, int]]:
    """The (vector, field) pairs whose marker occurs in ``text``."""
    return {(int(v), int(f)) for v, f in MARKER.findall(text)}


# --------------------------------------------------------------------------- the set

INDICATORS = 32
"""Indicators of the hostile set; indicator ``k`` carries vectors k, k+32, k+64 and k+96."""
EVIDENCE = {2: "aplikasi", 3: "fasilitas", 7: "kebijakan", 8: "program"}
"""Indicators that check a register (claims 3 and 4, the registers back level 2)."""
_MET = {
    "aplikasi": {"column": "status", "equals": "aktif"},
    "fasilitas": {"column": "status", "equals": "aktif"},
    "kebijakan": {"column": "status", "equals": "ditetapkan"},
    "program": {"column": "status", "equals": "berjalan"},
}
_UNMET = {
    "aplikasi": {"column": "status", "equals": "tidak aktif"},
    "fasilitas": {"column": "status", "equals": "tidak aktif"},
    "kebijakan": {"column": "status", "equals": "dicabut"},
    "program": {"column": "status", "equals": "selesai"},
}


def vectors_of(indicator: int) -> range:
    """The vectors indicator number ``indicator`` carries in each of its texts."""
    return range(indicator, len(VECTORS), INDICATORS)


def indicator_id(indicator: int) -> str:
    """The id of indicator number ``indicator`` (itself a hostile text)."""
    return every(field("Set: indicator id"), vectors_of(indicator))


def claimed_level(indicator: int, shift: int = 0) -> int:
    """The level the hostile workbook claims for indicator ``indicator``: 1 to 5 in turn
    (``shift``: the old workbook claims another level, so ``diff`` lists every indicator)."""
    return 1 + (indicator + shift) % 5


def _both(name: str, vectors: Iterable[int] | None = None, prefix: str = "") -> dict[str, str]:
    """A two-language text carrying ``vectors``: each language is a field of its own."""
    return {lang: prefix + every(field(f"{name} ({lang})"), vectors) for lang in ("id", "en")}


def _tag_value(level: int) -> str:
    return every(field("Set: tag value"), range(level - 1, len(VECTORS), 5))


def _evidence(k: int) -> dict[str, Any]:
    """A ladder on one register: level 2 met by every row, 3 and up by none."""
    sheet = EVIDENCE[k]
    steps = []
    for level in (2, 3, 4, 5):
        # Reports show what the next level (3) requires; the first ladder carries every
        # vector there, the others their indicator's.
        if level == 3 and k == min(EVIDENCE):
            requires = _both("Set: evidence requirement")
        elif level == 3:
            requires = _both("Set: evidence requirement", vectors_of(k))
        else:
            requires = {"id": f"{level} id", "en": f"{level} en"}
        rows = [_MET[sheet] if level == 2 else _UNMET[sheet]]
        steps.append({"level": level, "requires": requires, "rows": rows})
    return {"sheet": sheet, "steps": steps}


def _indicator(k: int) -> dict[str, Any]:
    indicator: dict[str, Any] = {
        "id": indicator_id(k),
        "name": _both("Set: indicator name", vectors_of(k)),
        "short_name": every(field("Set: indicator short name"), vectors_of(k)),
        "question": every(field("Set: indicator question"), vectors_of(k)),
        "weight": 1,
        "criteria": {level: _both("Set: level criteria", vectors_of(k)) for level in range(1, 6)},
        # One tag value per claimed level: the breakdown's rows then score 1 to 5 and show
        # every band's label.
        "tags": {"aspek": _tag_value(claimed_level(k))},
    }
    if k in EVIDENCE:
        indicator["evidence"] = _evidence(k)
    return indicator


def _scale(g: int) -> dict[str, Any]:
    """Group ``g``'s scale: its five level names carry a twentieth of the vectors each.

    The group's indicators claim every level, so every level name is shown."""
    n = len(VECTORS)
    levels = {
        level: _both("Set: level name", range(g * 5 + level - 1, n, 20)) for level in range(1, 6)
    }
    return {"name": _both("Set: scale name", range(g, n, 4)), "levels": levels}


def hostile_set(folder: Path) -> Path:
    """A set whose every text is hostile, and a tailoring of it; the tailoring's path.

    32 indicators in four groups, four vectors in each of an indicator's texts; four
    indicators check a register each, so that the workbook's rows appear as evidence; the
    tailoring marks the last indicator not applicable.
    """
    n = len(VECTORS)
    groups = [
        {
            "id": every(field("Set: group id"), range(g, n, 4)),
            "name": _both("Set: group name", range(g, n, 4)),
            "weight": 1,
            "scale": f"s{g}",
            "indicators": [_indicator(k) for k in range(g, INDICATORS, 4)],
        }
        for g in range(4)
    ]
    base = {
        "id": "hostile",
        "version": "1",
        "title": _both("Set: title"),
        "legal_basis": _both("Set: legal basis"),
        "source": every(field("Set: source")),
        "weighting": "proportional",
        "unassessed": "minimum",
        "tag_titles": {"aspek": _both("Set: tag title")},
        "scales": {f"s{g}": _scale(g) for g in range(4)},
        # Claims of 1 to 5 reach every band; each band's label carries a quarter of the
        # vectors, and its number keeps the labels distinct.
        "bands": [
            {
                **({"min": minimum} if minimum is not None else {}),
                "label": _both("Set: band label", range(b, n, 4), prefix=f"{b} "),
            }
            for b, minimum in enumerate((4.0, 3.0, 2.0, None))
        ],
        "groups": groups,
    }
    base_path = folder / "hostile-base.yaml"
    base_path.write_text(yaml.safe_dump(base, allow_unicode=True, sort_keys=False), "utf-8")
    tailored = {
        "extends": "./hostile-base.yaml",
        "id": "hostile-tailored",
        "version": every(field("Set: version")),
        "title": _both("Set: title"),
        "tailoring": {
            "not_applicable": [
                {
                    "id": indicator_id(INDICATORS - 1),
                    "reason": _both("Set: not-applicable reason"),
                }
            ]
        },
    }
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(tailored, allow_unicode=True, sort_keys=False), "utf-8")
    return path


# --------------------------------------------------------------------------- the workbook


def _rows(columns: list[object], make: Callable[[int], list[object]]) -> list[list[object]]:
    return [columns, *(make(v) for v in range(len(VECTORS)))]


LABELS = frozenset(
    {
        "Perangkat Daerah.Nama",
        "Aplikasi.Nama Aplikasi",
        "Fasilitas.Nama",
        "Kebijakan.Judul",
        "Program.Nama Program",
    }
)
"""The columns that name a row: a variant keeps them, so ``diff`` pairs its rows."""


PENILAIAN_HEADER: tuple[str, ...] = ("Indikator", "Nama Indikator", "Tingkat", "Penjelasan")
PENILAIAN_HEADER += ("Data Dukung", "Target", "Catatan")


def hostile_sheets(tag: str = "") -> dict[str, list[list[object]]]:
    """Every register of the contract, every text column hostile, one vector per row.

    ``tag`` names a variant whose fields other than the row labels are distinct:
    ``Aplikasi.URL`` and ``Aplikasi.URL (old)`` have their own markers, and whose claims
    differ, so ``diff`` of the variant against the plain workbook shows every changed
    column old and new and every indicator.
    """

    def text(name: str) -> Callable[[int], str]:
        where = field(name if name in LABELS else f"{name}{tag}")
        return lambda v: marked(v, where)

    def unit(name: str) -> Callable[[int], str]:
        # Comma-free, so a list column keeps the vector in one piece.
        where = field(f"{name}{tag}")
        return lambda v: marked(v, where).replace(",", ";")

    pd_nama, pd_singkatan = text("Perangkat Daerah.Nama"), text("Perangkat Daerah.Singkatan")
    apl = {
        k: text(f"Aplikasi.{k}")
        for k in ("Nama Aplikasi", "Perangkat Daerah", "URL", "Catatan (unknown column)")
    }
    apl_links = unit("Aplikasi.Terintegrasi Dengan")
    fas = {k: text(f"Fasilitas.{k}") for k in ("Nama", "Jenis", "Kecamatan", "Koordinat")}
    fas_units = unit("Fasilitas.Perangkat Daerah Pengguna")
    keb = {k: text(f"Kebijakan.{k}") for k in ("Judul", "Nomor", "Topik", "Menggantikan")}
    prog = {k: text(f"Program.{k}") for k in ("Nama Program", "Elemen", "Perangkat Daerah")}

    def per_indicator(name: str) -> Callable[[int], str]:
        # One Penilaian or Target row per indicator: each carries that indicator's vectors.
        where = field(f"{name}{tag}")
        return lambda k: every(where, vectors_of(k))

    pen = {
        k: per_indicator(f"Penilaian.{k}")
        for k in ("Nama Indikator", "Penjelasan", "Data Dukung", "Catatan (unknown column)")
    }
    tgt_note = per_indicator("Target.Catatan (unknown column)")
    header = every(field(f"Perangkat Daerah: unknown column header{tag}"))
    return {
        "Profil": [
            ["Instansi", every(field(f"Profil.Instansi{tag}"))],
            ["Jenis Instansi", "kota"],
            ["Tahun", 2025],
            ["Jumlah Perangkat Daerah", len(VECTORS)],
            [every(field(f"Profil: unknown label{tag}")), "x"],
        ],
        "Perangkat Daerah": _rows(
            ["Nama", "Singkatan", header], lambda v: [pd_nama(v), pd_singkatan(v), "x"]
        ),
        "Aplikasi": _rows(
            [
                "Nama Aplikasi",
                "Perangkat Daerah",
                "Layanan SPBE",
                "Tingkat Layanan",
                "Status",
                "Terintegrasi Dengan",
                "Hosting",
                "URL",
                "Tahun",
                "Catatan",
            ],
            lambda v: [
                apl["Nama Aplikasi"](v),
                apl["Perangkat Daerah"](v),
                "pengadaan",
                "transaksi",
                "aktif",
                apl_links(v),
                "pdn",
                apl["URL"](v),
                2024,
                apl["Catatan (unknown column)"](v),
            ],
        ),
        "Fasilitas": _rows(
            ["Nama", "Jenis", "Perangkat Daerah Pengguna", "Kecamatan", "Status", "Koordinat"],
            lambda v: [
                fas["Nama"](v),
                fas["Jenis"](v),
                fas_units(v),
                fas["Kecamatan"](v),
                "aktif",
                fas["Koordinat"](v),
            ],
        ),
        "Kebijakan": _rows(
            ["Judul", "Nomor", "Topik", "Status", "Menggantikan"],
            lambda v: [
                keb["Judul"](v),
                keb["Nomor"](v),
                keb["Topik"](v),
                "ditetapkan",
                keb["Menggantikan"](v),
            ],
        ),
        "Program": _rows(
            ["Nama Program", "Dimensi", "Elemen", "Status", "Perangkat Daerah"],
            lambda v: [
                prog["Nama Program"](v),
                "governance",
                prog["Elemen"](v),
                "berjalan",
                prog["Perangkat Daerah"](v),
            ],
        ),
        "Penilaian": [
            [*PENILAIAN_HEADER],
            *(
                [
                    indicator_id(k),
                    pen["Nama Indikator"](k),
                    claimed_level(k, 1 if tag else 0),
                    pen["Penjelasan"](k),
                    pen["Data Dukung"](k),
                    5,
                    pen["Catatan (unknown column)"](k),
                ]
                for k in range(INDICATORS)
            ),
        ],
        "Target": [
            ["Tahun", "Lingkup", "Target", "Catatan"],
            *([2026, indicator_id(k), 5, tgt_note(k)] for k in range(INDICATORS)),
        ],
    }


def hostile_workbook(path: Path, tag: str = "") -> Path:
    """Write the hostile workbook (see ``hostile_sheets``) to ``path``."""
    return write_workbook(path, hostile_sheets(tag))


UNITS = 6
"""Workbooks in the roll-up."""


def hostile_units(folder: Path) -> list[Path]:
    """Workbooks for a roll-up, named by hostile vectors, each unit name a sixth of them.

    Only Profil and Penilaian: a roll-up shows units, files and scores, not registers.
    """
    folder.mkdir(parents=True, exist_ok=True)
    n = len(VECTORS)
    names = field("File name")
    unit_names = field("Roll-up: unit name (Profil.Instansi)")
    files = [v for v, text in enumerate(VECTORS) if "/" not in text and len(text) < 120]
    paths = []
    for unit in range(UNITS):
        name = re.sub(r"[\t\r\n]", " ", marked(files[unit], names))
        sheets: dict[str, list[list[object]]] = {
            "Profil": [
                ["Instansi", every(unit_names, range(unit, n, UNITS))],
                ["Jenis Instansi", "kota"],
                ["Tahun", 2025],
            ],
            "Penilaian": [
                ["Indikator", "Tingkat"],
                *([indicator_id(k), 1 + (k + unit) % 5] for k in range(INDICATORS)),
            ],
        }
        paths.append(write_workbook(folder / f"{name}.xlsx", sheets))
    return paths


# --------------------------------------------------------------------------- the outputs


@dataclass(frozen=True)
class Inputs:
    """The hostile files, made once per test session."""

    folder: Path
    set_path: Path
    new: Path
    """The hostile workbook."""
    old: Path
    """Its variant, for ``diff``."""
    units: tuple[Path, ...]
    """Workbooks for a roll-up."""


_MADE: dict[int, Inputs] = {}


def hostile_inputs(factory: pytest.TempPathFactory) -> Inputs:
    """The hostile set and workbooks in a folder of ``factory`` (made on first call)."""
    if id(factory) not in _MADE:
        folder = factory.mktemp("hostile")
        _MADE[id(factory)] = Inputs(
            folder,
            hostile_set(folder),
            hostile_workbook(folder / "hostile.xlsx"),
            hostile_workbook(folder / "old.xlsx", " (old)"),
            tuple(hostile_units(folder / "units")),
        )
    return _MADE[id(factory)]


def render_outputs(inputs: Inputs, fmt: str) -> dict[str, Path]:
    """Every ``fmt`` (html or md) document the CLI makes, written beside ``inputs``.

    ``score`` in Indonesian and English (with each indicator's detail), the roll-up of
    the unit workbooks, and ``diff`` of the old and new workbooks; each must exit 0
    without a traceback.
    """
    common = ("--set", inputs.set_path, "--format", fmt)
    # The full detail prints every field of the set (criteria, level names) too.
    full = ("--detail", "full")
    runs: dict[str, tuple[str | Path, ...]] = {
        f"score-id.{fmt}": ("score", inputs.new, *common, *full, "--lang", "id"),
        f"score-en.{fmt}": ("score", inputs.new, *common, *full, "--lang", "en"),
        f"rollup.{fmt}": ("score", *inputs.units, *common, "--lang", "en"),
        f"diff.{fmt}": ("diff", inputs.old, inputs.new, *common, "--lang", "id"),
    }
    outputs = {name: inputs.folder / name for name in runs}

    def run(name: str) -> subprocess.CompletedProcess[str]:
        return smartserang(*runs[name], "--output", outputs[name])

    # Two at a time: each run is a process of its own.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for name, result in zip(runs, pool.map(run, runs), strict=True):
            assert result.returncode == 0, f"{name}: {result.stderr[-2000:]}"
            assert "Traceback" not in result.stderr, name
    return outputs
