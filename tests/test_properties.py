"""Properties of scoring over generated inventories and indicator sets.

Sets are generated as YAML and go through the real loader; inventories are generated as
raw cell values from the contract's vocabularies (with random omissions of sheets,
columns, rows and cells), typed by the reader's own cell converters and assembled into
model objects, so most examples cost microseconds. A few properties write real .xlsx
files and read them back.

Hypothesis runs derandomized and without an example database, so CI runs the same
examples every time and leaves no ``.hypothesis`` folder behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartserang.model import CellValue, IndicatorSet, Inventory, Profile, Register, Row
from smartserang.problems import InputError
from smartserang.report.build import build_report_view
from smartserang.report.json_data import build_output_data
from smartserang.report.render import render_report
from smartserang.scoring.analysis import (
    analyse,
    check_targets,
    completeness_of,
    index_range,
    resolve_targets,
)
from smartserang.scoring.conditions import blank_is_unknown
from smartserang.scoring.context import EvidenceRow
from smartserang.scoring.levels import (
    Basis,
    IndicatorResult,
    SetResult,
    Status,
    check_claims,
    score_inventory,
)
from smartserang.scoring.quality import fields_read
from smartserang.sets.parse import parse_indicator_set
from smartserang.workbook.cells import BadValue, cell_reader
from smartserang.workbook.contract import SHEETS_BY_KEY, VOCABULARIES
from smartserang.workbook.reader import read_inventory

from builders import write_workbook

settings.register_profile(
    "smartserang",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
settings.load_profile("smartserang")

FAST = settings(max_examples=50)
"""Model-object properties: cheap, so many examples."""
SLOW = settings(max_examples=8)
"""Properties that write .xlsx files or render every output."""

SOURCE = "generated.xlsx"

# ------------------------------------------------------------------ set strategies

UNITS = ("Dinas Kominfo", "Bappeda", "Dinas Kesehatan", "Sekretariat Daerah")

CONDITIONS: dict[str, list[dict[str, Any]]] = {
    "aplikasi": [
        {"column": "status", "equals": "aktif"},
        {"column": "tingkat_layanan", "at_least": "transaksi"},
        {"column": "tingkat_layanan", "at_most": "interaksi"},
        {"column": "hosting", "in": ["pdn", "pusat data daerah"]},
        {"column": "sistem_penghubung", "is": True},
        {"column": "url", "present": True},
        {"column": "jumlah_pengguna", "at_least": 100},
        {"column": "tanggal_reviu", "within_days": 365},
        {"column": "nama_aplikasi", "contains": "sakti"},
        {
            "any_of": [
                [{"column": "hosting", "equals": "cloud"}],
                [{"column": "url", "present": True}],
            ]
        },
        {
            "column": "perangkat_daerah",
            "names_row_of": {"sheet": "perangkat_daerah", "column": "nama"},
        },
    ],
    "kebijakan": [
        {"column": "status", "equals": "ditetapkan"},
        {"column": "cakupan", "equals": "lengkap"},
        {"column": "mengatur_integrasi", "is": True},
        {"column": "tanggal_reviu", "within_days": 730},
        {"column": "menggantikan", "present": True},
    ],
    "fasilitas": [
        {"column": "status", "equals": "aktif"},
        {"column": "terhubung_nasional", "is": True},
        {"column": "jumlah", "at_least": 2},
        {"column": "jenis", "in": ["cctv", "pusat data"]},
    ],
}
WHERE: dict[str, list[list[dict[str, Any]]]] = {
    "aplikasi": [[], [{"column": "layanan_spbe", "equals": "pengadaan"}]],
    "kebijakan": [[], [{"column": "topik", "equals": "manajemen data"}]],
    "fasilitas": [[], [{"column": "jenis", "equals": "cctv"}]],
}


@st.composite
def evidence_rules(draw: st.DrawFn, low: int, high: int) -> dict[str, Any]:
    """A valid ``evidence:`` mapping for a scale running ``low``–``high``."""
    sheet = draw(st.sampled_from(sorted(CONDITIONS)))
    where = draw(st.sampled_from(WHERE[sheet]))
    levels = sorted(draw(st.sets(st.integers(low + 1, high), min_size=1)))
    if draw(st.booleans()):
        conditions = st.lists(st.sampled_from(CONDITIONS[sheet]), min_size=0, max_size=2)
        rule: dict[str, Any] = {
            "sheet": sheet,
            "where": where,
            "steps": [
                {"level": level, "requires": f"langkah {level}", "rows": draw(conditions)}
                for level in levels
            ],
        }
        if sheet == "fasilitas" and draw(st.booleans()):
            rule["units_column"] = "perangkat_daerah_pengguna"
            rule["steps"][-1]["units"] = draw(st.sampled_from(["some", "all"]))
        return rule
    kind = draw(
        st.sampled_from(["count", "share", "sum"] if sheet == "fasilitas" else ["count", "share"])
    )
    measures: dict[str, dict[str, Any]] = {
        "count": {"count": True},
        "share": {"share": [draw(st.sampled_from(CONDITIONS[sheet]))]},
        "sum": {"sum": {"column": "jumlah", "default": 1}},
    }
    measure = measures[kind]
    values = sorted(draw(st.lists(st.integers(0, 6), min_size=len(levels), max_size=len(levels))))
    scale = 10 if kind == "share" else 1
    thresholds = {level: value / scale for level, value in zip(levels, values, strict=True)}
    return {
        "sheet": sheet,
        "where": where,
        "measure": measure,
        "name": kind,
        "thresholds": thresholds,
    }


@st.composite
def set_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A small valid indicator set as a YAML-ready mapping."""
    low = draw(st.integers(0, 1))
    high = low + draw(st.integers(1, 5))
    aggregation = draw(st.sampled_from(["mean", "points"]))
    weighting = draw(st.sampled_from(["absolute", "proportional"]))
    top_low, top_high = (0, 1) if aggregation == "points" else (low, high)
    edges = sorted(
        draw(st.sets(st.integers(1, 19), max_size=3)), reverse=True
    )  # twentieths of the range
    bands: list[dict[str, Any]] = [
        {"min": float(Fraction(top_low) + Fraction(top_high - top_low) * e / 20), "label": f"B{e}"}
        for e in edges
    ]
    bands.append({"label": "Bawah"})
    number = 0
    groups = []
    for g in range(draw(st.integers(1, 3))):
        indicators = []
        for _ in range(draw(st.integers(1, 4))):
            number += 1
            indicator: dict[str, Any] = {
                "id": f"I{number}",
                "name": f"Indikator {number}",
                "weight": draw(st.integers(0, 5)),
            }
            if draw(st.booleans()):
                indicator["evidence"] = draw(evidence_rules(low, high))
            if draw(st.integers(0, 4)) == 0:
                indicator["tags"] = {"aspek": draw(st.sampled_from(["x", "y"]))}
            indicators.append(indicator)
        if not any(i["weight"] for i in indicators):
            indicators[0]["weight"] = 1
        own = sum(i["weight"] for i in indicators)
        groups.append(
            {
                "id": f"G{g + 1}",
                "name": f"Kelompok {g + 1}",
                "weight": own if weighting == "absolute" else draw(st.integers(1, 5)),
                "scale": "s",
                "indicators": indicators,
            }
        )
    document: dict[str, Any] = {
        "id": "generated",
        "version": "1",
        "title": "Generated",
        "weighting": weighting,
        "aggregation": aggregation,
        "unassessed": draw(st.sampled_from(["minimum", "exclude"])),
        "scales": {"s": {"levels": {n: f"L{n}" for n in range(low, high + 1)}}},
        "bands": bands,
        "groups": groups,
    }
    if weighting == "absolute":
        document["total_weight"] = sum(g["weight"] for g in groups)
    return document


def load(document: Mapping[str, Any]) -> IndicatorSet:
    """Load a generated set through the real loader (it must be valid)."""
    text = yaml.dump(dict(document), Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    return parse_indicator_set(text.encode("utf-8"), "generated.yaml")


# ------------------------------------------------------------ inventory strategies

Raw = str | int | float | bool | dt.date | None
RawRow = dict[str, Raw]
"""Column key -> raw cell as a workbook would hold it."""


def _vocab(key: str) -> st.SearchStrategy[Raw]:
    terms = VOCABULARIES[key].terms
    spellings = [t.value for t in terms] + [a for t in terms for a in t.aliases[:1]]
    return st.one_of(st.none(), st.sampled_from(spellings))


DATES = st.one_of(st.none(), st.dates(dt.date(2018, 1, 1), dt.date(2025, 12, 31)))
YES_NO: st.SearchStrategy[Raw] = st.one_of(
    st.none(), st.sampled_from(["ya", "tidak", "yes", "no"]), st.booleans()
)
NAMES = st.one_of(st.none(), st.text("abcdeksti ", min_size=1, max_size=12))

COLUMN_VALUES: dict[str, dict[str, st.SearchStrategy[Raw]]] = {
    "aplikasi": {
        "nama_aplikasi": st.sampled_from(["SAKTI", "e-Office", "SIPD", "Simpeg", "app sakti"]),
        "perangkat_daerah": st.one_of(st.none(), st.sampled_from(UNITS)),
        "layanan_spbe": _vocab("layanan_spbe"),
        "tingkat_layanan": _vocab("tingkat_layanan"),
        "status": _vocab("status_aset"),
        "hosting": _vocab("hosting"),
        "sistem_penghubung": YES_NO,
        "url": st.one_of(st.none(), st.just("https://x.go.id")),
        "jumlah_pengguna": st.one_of(st.none(), st.integers(0, 1000)),
        "tanggal_reviu": DATES,
    },
    "kebijakan": {
        "judul": st.sampled_from(["Perwal 1", "Perwal 2", "Perda SPBE"]),
        "topik": st.sampled_from(["manajemen data", "arsitektur spbe", "satu data"]),
        "status": _vocab("status_kebijakan"),
        "cakupan": _vocab("cakupan"),
        "mengatur_integrasi": YES_NO,
        "tanggal_reviu": DATES,
        "menggantikan": NAMES,
    },
    "fasilitas": {
        "nama": st.sampled_from(["PDD", "CCTV 1", "Wifi Alun-alun"]),
        "jenis": st.sampled_from(["cctv", "pusat data", "wifi publik", "menara"]),
        "perangkat_daerah_pengguna": st.one_of(
            st.none(), st.just("semua"), st.sampled_from(UNITS), st.just(", ".join(UNITS[:2]))
        ),
        "status": _vocab("status_aset"),
        "terhubung_nasional": YES_NO,
        "jumlah": st.one_of(st.none(), st.integers(0, 5), st.just(1500)),
    },
    "perangkat_daerah": {"nama": st.sampled_from(UNITS)},
}


@st.composite
def raw_registers(draw: st.DrawFn, iset: IndicatorSet) -> dict[str, list[RawRow]]:
    """Raw rows by sheet key: some sheets, columns, rows and cells left out."""
    sheets: dict[str, list[RawRow]] = {}
    for sheet, columns in COLUMN_VALUES.items():
        if draw(st.integers(0, 4)) == 4:
            continue  # the workbook lacks this sheet
        required = {c.key for c in SHEETS_BY_KEY[sheet].columns if c.required}
        kept = [k for k in columns if k in required or draw(st.integers(0, 5))]
        rows = draw(st.lists(st.fixed_dictionaries({k: columns[k] for k in kept}), max_size=7))
        sheets[sheet] = [dict(r) for r in rows if any(v is not None for v in r.values())]
    ids = [i.id for i in iset.indicators()]
    scale = iset.scales["s"]
    claimed = draw(st.lists(st.sampled_from(ids), unique=True))
    penilaian: list[RawRow] = []
    for identifier in claimed:
        # Penilaian levels are 1-5 (the contract); now and then one is beyond the scale.
        pick = draw(st.integers(0, 9))
        level = (
            None
            if pick == 0
            else draw(st.integers(1, 5) if pick == 1 else st.integers(1, scale.maximum))
        )
        target = draw(st.one_of(st.none(), st.integers(max(1, scale.minimum), scale.maximum)))
        penilaian.append({"indikator": identifier, "tingkat": level, "target": target})
    if draw(st.integers(0, 9)) == 9:
        penilaian.append({"indikator": "tidak-ada", "tingkat": 1, "target": None})
    keep_empty: bool = draw(st.booleans())
    if penilaian or keep_empty:
        sheets["penilaian"] = penilaian
    if draw(st.integers(0, 3)) == 0:
        scopes = ["indeks", *(g.id for g in iset.walk_groups()), "X9"]
        chosen = draw(st.lists(st.sampled_from(scopes), unique=True, max_size=3))
        sheets["target"] = [
            {"tahun": 2026, "lingkup": scope, "target": draw(st.sampled_from([0.5, 1, 2, 3.5, 9]))}
            for scope in chosen
        ]
    return sheets


def typed_row(sheet: str, raw: RawRow) -> dict[str, CellValue]:
    """A raw row typed by the reader's own converters (cells it refuses are left out)."""
    spec = SHEETS_BY_KEY[sheet]
    values: dict[str, CellValue] = {}
    for key, value in raw.items():
        column = spec.column(key)
        assert column is not None, key
        if value is None:
            continue
        try:
            typed = cell_reader(column)(value)
        except BadValue:
            continue
        if typed is not None:
            values[key] = typed
    return values


PROFILE = Profile(
    instansi="Kota Uji", tahun=2025, tanggal_penilaian=dt.date(2025, 6, 30), jumlah_penduduk=1000
)


def build_inventory(
    raw: Mapping[str, Sequence[RawRow]], order: Mapping[str, list[int]]
) -> Inventory:
    """Model objects for ``raw`` with each sheet's rows laid out in ``order``.

    ``order[sheet][k]`` is the index in ``raw[sheet]`` of the row written at position k
    (row number k + 2, under the header); the default order is the identity.
    """
    registers = {}
    for sheet, rows in raw.items():
        spec = SHEETS_BY_KEY[sheet]
        keys = [c.key for c in spec.columns if c.required or any(c.key in r for r in rows)]
        layout = order.get(sheet, list(range(len(rows))))
        registers[sheet] = Register(
            sheet=sheet,
            title=spec.name,
            columns={key: index for index, key in enumerate(keys)},
            rows=tuple(
                Row(sheet, position + 2, typed_row(sheet, rows[source]))
                for position, source in enumerate(layout)
            ),
            label_column=spec.label_column,
        )
    return Inventory(SOURCE, "0" * 64, PROFILE, registers)


CELL = re.compile(re.escape(SOURCE) + r":[A-Za-z ]+![A-Z]+[0-9]+")


def run(iset: IndicatorSet, inventory: Inventory) -> SetResult:
    """The pipeline the CLI runs on loaded inputs: check claims and targets, then score."""
    problems = [*check_claims(iset, inventory), *check_targets(iset, inventory)]
    if problems:
        raise InputError(problems)
    return score_inventory(iset, inventory)


@st.composite
def cases(draw: st.DrawFn) -> tuple[IndicatorSet, dict[str, list[RawRow]]]:
    """A generated set and raw registers for it."""
    iset = load(draw(set_documents()))
    return iset, draw(raw_registers(iset))


Draw = Callable[[st.SearchStrategy[Any]], Any]
"""``st.DataObject.draw`` or a composite's ``draw``."""


def scored(draw: Draw) -> tuple[IndicatorSet, dict[str, list[RawRow]], SetResult]:
    """A case whose inventory scores (cases with located problems are drawn again)."""
    while True:
        iset, raw = draw(cases())
        try:
            return iset, raw, run(iset, build_inventory(raw, {}))
        except InputError:
            continue


# ---------------------------------------------------------------------- properties


@FAST
@given(cases())
def test_a_run_gives_a_result_or_located_problems(
    case: tuple[IndicatorSet, dict[str, list[RawRow]]],
) -> None:
    """Scoring ends in a result or an InputError whose every problem names its cell."""
    iset, raw = case
    try:
        result = run(iset, build_inventory(raw, {}))
    except InputError as error:
        problems = error.problems
    else:
        problems = ()
    if problems:
        for problem in problems:
            assert CELL.fullmatch(problem.location), problem
        return
    data = build_output_data([result], [analyse(result, resolve_targets(result))], Basis.VERIFIED)
    assert json.loads(json.dumps(data)) == data


@FAST
@given(st.data())
def test_every_score_stays_in_range_and_its_band_matches_the_unrounded_value(
    data: st.DataObject,
) -> None:
    """Index and group scores lie in the set's range; each band is the one whose edge the
    unrounded score reaches and whose upper neighbour's edge it does not."""
    iset, _, result = scored(data.draw)
    low, high = index_range(iset)
    bands = iset.bands

    def check(value: Fraction) -> None:
        assert low <= value <= high
        band = iset.band_for(value)
        position = bands.index(band)
        assert band.minimum is None or value >= band.minimum
        above = bands[position - 1].minimum if position else None
        assert above is None or value < above

    for basis in Basis:
        check(result.index(basis))
        json_data = build_output_data([result], [analyse(result, resolve_targets(result))], basis)
        assert json_data["band"] == iset.band_for(result.index(basis)).label.get("id")
    stack = list(result.groups)
    while stack:
        group = stack.pop()
        stack.extend(group.groups)
        for value in (group.claimed, group.verified):
            if value is not None:
                check(value)
    for r in result.indicators:
        scale = iset.scales[r.indicator.scale]
        for level in (r.claimed, r.supported, r.level):
            assert level is None or scale.minimum <= level <= scale.maximum


@FAST
@given(st.data())
def test_raising_one_claimed_level_never_lowers_the_claimed_index(data: st.DataObject) -> None:
    """Claim one indicator a level higher (within its scale): the claimed index and every
    group's claimed score stay or rise."""
    iset, raw, before = scored(data.draw)
    scale = iset.scales["s"]
    raisable = [
        n
        for n, row in enumerate(raw.get("penilaian", []))
        if isinstance(row["tingkat"], int) and row["tingkat"] < scale.maximum
    ]
    if not raisable:
        return
    chosen = data.draw(st.sampled_from(raisable))
    raised = {sheet: [dict(r) for r in rows] for sheet, rows in raw.items()}
    level = raised["penilaian"][chosen]["tingkat"]
    assert isinstance(level, int)
    raised["penilaian"][chosen]["tingkat"] = level + 1
    after = run(iset, build_inventory(raised, {}))
    assert after.claimed_index >= before.claimed_index
    old = {g.group.id: g.claimed for g in _groups(before)}
    for group in _groups(after):
        was = old[group.group.id]
        if was is not None and group.claimed is not None:
            assert group.claimed >= was


@FAST
@given(st.data())
def test_verified_never_exceeds_claimed(data: st.DataObject) -> None:
    """Each verified level is at most its claim; so the verified index and every verified
    group score are at most the claimed ones."""
    _, _, result = scored(data.draw)
    for r in result.indicators:
        if r.claimed is not None and r.level is not None:
            assert r.level <= r.claimed
        if r.claimed_basis_level is not None and r.level is not None:
            assert r.level <= r.claimed_basis_level
    assert result.verified_index <= result.claimed_index
    for group in _groups(result):
        if group.claimed is not None and group.verified is not None:
            assert group.verified <= group.claimed


def _groups(result: SetResult) -> list[Any]:
    out = []
    stack = list(result.groups)
    while stack:
        group = stack.pop()
        out.append(group)
        stack.extend(group.groups)
    return out


def _shuffle(data: st.DataObject, raw: Mapping[str, Sequence[RawRow]]) -> dict[str, list[int]]:
    return {sheet: data.draw(st.permutations(range(len(rows)))) for sheet, rows in raw.items()}


def back_to_original(result: SetResult, order: Mapping[str, list[int]]) -> SetResult:
    """``result`` with every row number mapped back through ``order`` and evidence in row
    order: the form in which a shuffled workbook's result must equal the original's."""
    titles = {SHEETS_BY_KEY[key].name: key for key in order}

    def number(title: str, row: int) -> int:
        return order[titles[title]][row - 2] + 2

    def evidence(e: EvidenceRow) -> EvidenceRow:
        original = number(e.sheet, e.row)
        label = f"{e.sheet} {original}" if e.label == f"{e.sheet} {e.row}" else e.label
        return EvidenceRow(e.sheet, original, label)

    def indicator(r: IndicatorResult) -> IndicatorResult:
        return dataclasses.replace(
            r,
            evidence=tuple(sorted(map(evidence, r.evidence), key=lambda e: (e.sheet, e.row))),
            claim_row=number("Penilaian", r.claim_row) if r.claim_row is not None else None,
        )

    mapped = {r.indicator.id: indicator(r) for r in result.indicators}

    def group(g: Any) -> Any:
        return dataclasses.replace(
            g,
            groups=tuple(group(c) for c in g.groups),
            indicators=tuple(mapped[r.indicator.id] for r in g.indicators),
        )

    warning_cell = re.compile(r"!([A-Z]+)([0-9]+)$")

    def warning_location(location: str) -> str:
        sheet = location.split(":", 1)[-1].split("!", maxsplit=1)[0]
        if sheet not in titles:
            return location
        return warning_cell.sub(lambda m: f"!{m[1]}{number(sheet, int(m[2]))}", location)

    warnings = sorted(
        (dataclasses.replace(w, location=warning_location(w.location)) for w in result.warnings),
        key=str,
    )
    return dataclasses.replace(
        result,
        inventory=dataclasses.replace(result.inventory, registers={}),
        groups=tuple(group(g) for g in result.groups),
        indicators=tuple(mapped[r.indicator.id] for r in result.indicators),
        warnings=tuple(warnings),
    )


def outputs(result: SetResult) -> dict[str, str]:
    """The JSON, Markdown and HTML documents of ``result``."""
    analysis = analyse(result, resolve_targets(result))
    data = build_output_data([result], [analysis], Basis.VERIFIED)
    view = build_report_view(result, analysis, basis=Basis.VERIFIED, lang="id", date=None)
    return {
        "json": json.dumps(data, ensure_ascii=False, indent=2),
        "md": render_report([view], "md"),
        "html": render_report([view], "html"),
    }


@FAST
@given(st.data())
def test_shuffling_register_rows_changes_no_score_and_no_evidence(data: st.DataObject) -> None:
    """Moving rows within their sheets is a true no-op once row numbers are mapped back.

    Reordering rows gives them new row numbers, and evidence names rows by number (and,
    for an unnamed row, labels it by number), so output bytes legitimately change with
    the order. The invariant tested exactly: the shuffled workbook's result, with every
    row number (evidence, claim row, warning cell) mapped back to the row's original
    number and evidence listed in row order, equals the original's result mapped the
    same way (identity) — every level, status, measure, group score, index, evidence
    row and warning. The identity of Penilaian rows matters too: ids are unique there,
    as the reader requires.
    """
    iset, raw, result = scored(data.draw)
    order = _shuffle(data, raw)
    shuffled = run(iset, build_inventory(raw, order))
    identity = {sheet: list(range(len(rows))) for sheet, rows in raw.items()}
    assert back_to_original(shuffled, order) == back_to_original(result, identity)


@SLOW
@given(st.data())
def test_shuffled_rows_render_the_same_documents_once_numbers_are_mapped_back(
    data: st.DataObject,
) -> None:
    """JSON, Markdown and HTML rendered from the mapped-back results are byte-identical,
    so no renderer depends on row order beyond the row numbers it prints."""
    iset, raw, result = scored(data.draw)
    order = _shuffle(data, raw)
    shuffled = run(iset, build_inventory(raw, order))
    identity = {sheet: list(range(len(rows))) for sheet, rows in raw.items()}
    assert outputs(back_to_original(shuffled, order)) == outputs(back_to_original(result, identity))


# ------------------------------------------------------------------ real workbooks

HEADERS = {"id": lambda c: c.name, "en": lambda c: c.alias, "upper": lambda c: c.name.upper()}


def workbook_sheets(
    raw: Mapping[str, Sequence[RawRow]], order: Mapping[str, list[int]], spelling: str
) -> dict[str, list[list[object]]]:
    """Sheets for ``write_workbook``: header row in one spelling, then rows in ``order``."""
    spell: Callable[[Any], str] = HEADERS[spelling]
    sheets: dict[str, list[list[object]]] = {
        "Profil": [
            ["Instansi", PROFILE.instansi],
            ["Tahun", PROFILE.tahun],
            ["Tanggal Penilaian", PROFILE.tanggal_penilaian],
            ["Jumlah Penduduk", PROFILE.jumlah_penduduk],
        ]
    }
    for sheet, rows in raw.items():
        spec = SHEETS_BY_KEY[sheet]
        columns = [c for c in spec.columns if c.required or any(c.key in r for r in rows)]
        body: list[list[object]] = [
            [rows[n].get(c.key) for c in columns] for n in order.get(sheet, range(len(rows)))
        ]
        sheets[spec.name] = [[spell(c) for c in columns], *body]
    return sheets


def read(path: Path) -> Inventory:
    return dataclasses.replace(read_inventory(path, display=SOURCE), sha256="0" * 64)


@SLOW
@given(cases(), st.sampled_from(sorted(HEADERS)))
def test_a_written_workbook_scores_as_its_model_objects(
    tmp_path_factory: pytest.TempPathFactory,
    case: tuple[IndicatorSet, dict[str, list[RawRow]]],
    spelling: str,
) -> None:
    """Through a real .xlsx (any header spelling) the run ends as on the model objects:
    the same located problems, or the same result."""
    iset, raw = case
    path = write_workbook(
        tmp_path_factory.mktemp("wb") / "inventory.xlsx", workbook_sheets(raw, {}, spelling)
    )
    try:
        expected: SetResult | list[str] = run(iset, build_inventory(raw, {}))
    except InputError as error:
        expected = sorted(map(str, error.problems))
    try:
        actual: SetResult | list[str] = run(iset, read(path))
    except InputError as error:
        actual = sorted(map(str, error.problems))
    if isinstance(expected, list):
        assert actual == expected
        return
    assert isinstance(actual, SetResult)
    assert (actual.claimed_index, actual.verified_index) == (
        expected.claimed_index,
        expected.verified_index,
    )
    assert [(r.claimed, r.supported, r.level, r.status, r.evidence) for r in actual.indicators] == [
        (r.claimed, r.supported, r.level, r.status, r.evidence) for r in expected.indicators
    ]


@SLOW
@given(st.data())
def test_a_shuffled_workbook_file_scores_the_same(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Two .xlsx files holding the same rows in different orders give equal mapped-back
    results (see the model-object property for why numbers are mapped back)."""
    iset, raw, _ = scored(data.draw)
    order = _shuffle(data, raw)
    folder = tmp_path_factory.mktemp("shuffle")
    plain = write_workbook(folder / "plain.xlsx", workbook_sheets(raw, {}, "id"))
    moved = write_workbook(folder / "moved.xlsx", workbook_sheets(raw, order, "id"))
    identity = {sheet: list(range(len(rows))) for sheet, rows in raw.items()}
    first = back_to_original(run(iset, read(plain)), identity)
    second = back_to_original(run(iset, read(moved)), order)
    assert first == second


# ---------------------------------------------------------------- blanking fields

BLANKABLE = [
    (sheet, column)
    for sheet, columns in COLUMN_VALUES.items()
    for column in columns
    if blank_is_unknown(sheet, column) and (sheet, column) != ("fasilitas", "jumlah")
]
"""Columns whose blank cell says nothing. Fasilitas' Jumlah is not one of them: by the
contract a blank Jumlah is 1 (the measure's ``default``), the same as writing 1."""


@st.composite
def blanked(
    draw: st.DrawFn, iset: IndicatorSet, raw: Mapping[str, Sequence[RawRow]]
) -> dict[str, list[RawRow]]:
    """``raw`` with one field blanked: an attribute's cells in some rows, or a column
    (any kind, not a required one) taken out of its register; mostly a field the set's
    rules read."""
    changed = {sheet: [dict(row) for row in rows] for sheet, rows in raw.items()}
    present = [
        (sheet, column)
        for sheet, rows in changed.items()
        if sheet in COLUMN_VALUES
        for column in COLUMN_VALUES[sheet]
        if any(row.get(column) is not None for row in rows)
    ]
    read = {
        field
        for i in iset.indicators()
        if i.evidence is not None
        for field in fields_read(i.evidence)
    }
    if any(field in read for field in present) and draw(st.integers(0, 4)):
        present = [field for field in present if field in read]
    if not present:
        return changed
    sheet, column = draw(st.sampled_from(present))
    required = SHEETS_BY_KEY[sheet].column(column)
    assert required is not None
    if (sheet, column) in BLANKABLE and draw(st.booleans()):
        rows = changed[sheet]
        every = set(range(len(rows)))
        chosen = every if draw(st.booleans()) else draw(st.sets(st.sampled_from(sorted(every))))
        for n in chosen:
            rows[n][column] = None
    elif not required.required:
        for row in changed[sheet]:
            row.pop(column, None)
    return changed


@settings(max_examples=200)  # a blanked field often changes nothing: more examples
@given(st.data())
def test_blanking_a_field_never_verifies_more_than_the_registers_showed(
    data: st.DataObject,
) -> None:
    """Blank a field whose blank says nothing, or take a column out: each indicator's
    floor never rises and its ceiling never falls, no level rises above its claim, no
    unsupported claim turns into a verified one, and the completeness never rises — so
    blanking a field is never a way to keep an unsupported claim."""
    iset, raw, before = scored(data.draw)
    after = run(iset, build_inventory(data.draw(blanked(iset, raw)), {}))
    assert after.verified_index <= after.claimed_index
    for old, new in zip(before.indicators, after.indicators, strict=True):
        if new.claimed is not None and new.level is not None:
            assert new.level <= new.claimed
        if old.supported is not None and new.supported is not None:
            assert new.supported <= old.supported
            assert new.ceiling is not None
            assert old.ceiling is not None
            assert new.ceiling >= old.ceiling
        if old.unsupported_claim:
            assert new.status is not Status.VERIFIED or new.unsupported_claim
    assert completeness_of(after) <= completeness_of(before)
