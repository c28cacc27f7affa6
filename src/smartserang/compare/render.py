"""The words, view model and renderings of ``smartserang diff``.

``build_diff_view`` turns a ``compare.Diff`` into a view of ready-made strings (numbers
rounded and in the language's notation, levels as ``3 → 1``), which the terminal table,
``templates/diff.md`` and ``templates/diff.html`` print as they are; ``build_diff_data``
gives the documented JSON (docs/diff.md). Every fixed word is in ``DIFF_TEXT``. Jinja2 is
imported only when Markdown or HTML is rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from smartserang import __version__
from smartserang.compare import (
    Cause,
    CellChange,
    Change,
    Diff,
    GroupShift,
    IndexShift,
    IndicatorShift,
    Kind,
    LevelShift,
    Presence,
    RegisterDiff,
    RowChange,
    SetDiff,
    Shift,
    Side,
    Via,
)
from smartserang.i18n import MESSAGES, format_date, format_decimal
from smartserang.model import CellValue
from smartserang.report.words import REPORT_TEXT
from smartserang.scoring.levels import Basis, round_score
from smartserang.workbook.contract import SHEETS_BY_KEY, VOCABULARIES

if TYPE_CHECKING:
    import jinja2

DIFF_SCHEMA_VERSION = "1.0"
"""Version of the diff's JSON: minor for additions, major for changes (docs/diff.md)."""

# No key may be the name of a dict method: Jinja looks attributes up before items.
# Words the report and the terminal already define are taken from there, not restated, so
# a correction reaches every output at once.
_FROM_REPORT = (
    "instance", "year", "basis", "indicator_set", "version", "index_caption", "index",
    "claimed_index", "verified_index", "band", "group", "number", "indicator", "claimed",
    "verified", "row",
)  # fmt: skip
_FROM_MESSAGES = ("basis_verified", "basis_claimed", "supported")

DIFF_TEXT: dict[str, dict[str, str]] = {
    **{key: REPORT_TEXT[key] for key in _FROM_REPORT},
    **{key: MESSAGES[key] for key in _FROM_MESSAGES},
    "title": {"id": "Perbandingan Penilaian", "en": "Assessment Comparison"},
    "intro": {
        "id": (
            "Perubahan indeks, kelompok dan indikator antara dua penilaian, beserta baris "
            "register dan klaim yang menyebabkannya."
        ),
        "en": (
            "What changed between two assessments: the index, the groups and the indicators, "
            "with the register rows and claims that moved them."
        ),
    },
    "identification": {"id": "Yang dibandingkan", "en": "What is compared"},
    "old": {"id": "Lama", "en": "Old"},
    "new": {"id": "Baru", "en": "New"},
    "delta": {"id": "Selisih", "en": "Change"},
    "kind_workbook": {"id": "workbook", "en": "workbook"},
    "kind_json": {"id": "hasil JSON", "en": "JSON result"},
    "file": {"id": "Berkas", "en": "File"},
    "version_changed": {
        "id": "Versi set berbeda ({old} → {new}): sebagian perubahan dapat berasal dari set.",
        "en": "The set's version differs ({old} → {new}): some changes may come from the set.",
    },
    "band_moved": {"id": "predikat berubah", "en": "band changed"},
    "rounding_note": {
        "id": (
            "Nilai dibulatkan dua desimal; selisih adalah selisih nilai yang ditampilkan. "
            "Predikat ditentukan dari nilai sebelum pembulatan."
        ),
        "en": (
            "Values are rounded to two decimals; the change is the difference of the values "
            "shown. Bands are taken from the unrounded value."
        ),
    },
    "groups_caption": {"id": "Kelompok yang berubah", "en": "Groups that changed"},
    "groups_none": {"id": "Tidak ada nilai kelompok yang berubah.", "en": "No group moved."},
    "indicators_caption": {"id": "Indikator yang berubah", "en": "Indicators that changed"},
    "indicators_none": {
        "id": "Tidak ada tingkat indikator yang berubah.",
        "en": "No indicator level moved.",
    },
    "causes": {"id": "Penyebab", "en": "Causes"},
    "no_cause_workbooks": {
        "id": "tidak ditemukan baris berubah yang dibaca aturan buktinya",
        "en": "no changed row that its evidence rule reads was found",
    },
    "no_cause_json": {
        "id": "penyebab di register hanya dapat ditelusuri antara dua workbook",
        "en": "register causes can only be traced between two workbooks",
    },
    "registers_caption": {"id": "Perubahan register", "en": "Register changes"},
    "registers_none": {
        "id": "Tidak ada baris register yang berubah.",
        "en": "No register row changed.",
    },
    "registers_json": {
        "id": "Perubahan register hanya dapat dibandingkan antara dua workbook.",
        "en": "Register rows can only be compared between two workbooks.",
    },
    "change": {"id": "Perubahan", "en": "Change"},
    "row_word": {"id": "baris", "en": "row"},
    "name": {"id": "Nama", "en": "Name"},
    "details": {"id": "Rincian", "en": "Details"},
    "change_added": {"id": "ditambahkan", "en": "added"},
    "change_removed": {"id": "dihapus", "en": "removed"},
    "change_changed": {"id": "diubah", "en": "changed"},
    "sheet_only_old": {
        "id": "sheet hanya ada di workbook lama",
        "en": "sheet only in the old workbook",
    },
    "sheet_only_new": {
        "id": "sheet hanya ada di workbook baru",
        "en": "sheet only in the new workbook",
    },
    "via_reference": {
        "id": "dirujuk baris yang dinilai",
        "en": "named by a row the rule reads",
    },
    "via_units": {"id": "perangkat daerah yang dihitung", "en": "work units counted"},
    "profile_caption": {"id": "Perubahan Profil", "en": "Profil changes"},
    "sets_only_old": {
        "id": "Set hanya ada di sisi lama (tidak dibandingkan): {ids}",
        "en": "Sets only on the old side (not compared): {ids}",
    },
    "sets_only_new": {
        "id": "Set hanya ada di sisi baru (tidak dibandingkan): {ids}",
        "en": "Sets only on the new side (not compared): {ids}",
    },
    "sets_none": {
        "id": "Tidak ada set indikator yang sama pada kedua sisi.",
        "en": "The two sides share no indicator set.",
    },
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "generated_by": {
        "id": "Dibuat oleh smartserang {version}",
        "en": "Made by smartserang {version}",
    },
}

_MARKERS = {Change.ADDED: "+", Change.REMOVED: "−", Change.CHANGED: "~"}
_BLANK = "–"
_ARROW = " → "


def text_for(lang: str) -> dict[str, str]:
    """Every fixed word in ``lang``."""
    return {key: words[lang] for key, words in DIFF_TEXT.items()}


# ---------------------------------------------------------------------------- view model


@dataclass(frozen=True)
class SideView:
    """One compared file."""

    role: str
    """``Lama`` / ``Old`` or ``Baru`` / ``New``."""
    path: str
    kind: str
    instansi: str
    tahun: str


@dataclass(frozen=True)
class IndexRow:
    """One index, old and new."""

    label: str
    old: str
    new: str
    delta: str
    old_band: str
    new_band: str
    band_moved: bool
    headline: bool
    """True for the index on the chosen basis."""


@dataclass(frozen=True)
class GroupRow:
    """A group whose score moved."""

    id: str
    name: str
    depth: int
    old: str
    new: str
    delta: str


@dataclass(frozen=True)
class CauseLine:
    """One cause of an indicator's move, as a line of text."""

    place: str
    """``Aplikasi baris 9`` (or ``baris 9 → 8`` when the row moved; the sheet alone for
    Profil)."""
    label: str
    """The row's name; for a claim or a Profil field, the field's name."""
    change: str
    """What happened to the row (``dihapus``); for a single field, ``5 → 4``."""
    details: str
    """Changed columns, ``Status: aktif → tidak aktif``; empty for an added or removed row."""
    note: str
    """How the row reaches the indicator, when not through its rule's own selection."""


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator whose level moved."""

    id: str
    name: str
    claimed: str
    supported: str
    verified: str
    causes: tuple[CauseLine, ...]
    cause_note: str
    """Shown after ``causes`` when the supported level moved and no register row is listed
    for it: why (empty otherwise)."""


@dataclass(frozen=True)
class SetView:
    """The comparison of one indicator set."""

    id: str
    prefix: str
    """Prefix of the HTML ids of this set's headings (several sets share a page)."""
    title: str
    version: str
    version_note: str
    index_rows: tuple[IndexRow, ...]
    groups: tuple[GroupRow, ...]
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class RowLine:
    """One register row added, removed or changed."""

    marker: str
    change: str
    row: str
    label: str
    details: str


@dataclass(frozen=True)
class SheetView:
    """The row changes of one sheet."""

    title: str
    note: str
    rows: tuple[RowLine, ...]


@dataclass(frozen=True)
class DiffView:
    """Everything the diff outputs print."""

    lang: str
    text: Mapping[str, str]
    old: SideView
    new: SideView
    basis: str
    sets: tuple[SetView, ...]
    set_notes: tuple[str, ...]
    """Sets on one side only, or none shared."""
    registers: tuple[SheetView, ...]
    registers_note: str
    """Shown instead of ``registers`` when it is empty."""
    profile: tuple[str, ...]
    """``Tahun: 2025 → 2026`` per changed Profil field."""
    generated_by: str


def build_diff_view(diff: Diff, lang: str) -> DiffView:
    """The view of ``diff`` in ``lang``."""
    text = text_for(lang)
    several = len(diff.sets) > 1
    notes = [text[key].format(ids=", ".join(ids)) for key, ids in _one_side_sets(diff) if ids]
    if not diff.sets:
        notes.append(text["sets_none"])
    inventory = diff.inventory
    return DiffView(
        lang=lang,
        text=text,
        old=_side_view(diff.old, text["old"], text),
        new=_side_view(diff.new, text["new"], text),
        basis=text[f"basis_{diff.basis.value}"],
        sets=tuple(_set_view(s, diff, lang, f"{s.id}-" if several else "") for s in diff.sets),
        set_notes=tuple(notes),
        registers=tuple(_sheet_view(r, lang) for r in inventory.registers) if inventory else (),
        registers_note=text["registers_none"] if inventory else text["registers_json"],
        profile=tuple(
            _cells_text((c,), "profil", lang) for c in (inventory.profile if inventory else ())
        ),
        generated_by=text["generated_by"].format(version=__version__),
    )


def _one_side_sets(diff: Diff) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (("sets_only_old", diff.only_old), ("sets_only_new", diff.only_new))


def _side_view(side: Side, role: str, text: Mapping[str, str]) -> SideView:
    kind = text["kind_workbook"] if side.kind is Kind.WORKBOOK else text["kind_json"]
    tahun = str(side.tahun) if side.tahun is not None else _BLANK
    return SideView(role, side.path, kind, side.instansi or _BLANK, tahun)


def _set_view(item: SetDiff, diff: Diff, lang: str, prefix: str) -> SetView:
    text = text_for(lang)
    note = ""
    if item.old_version != item.new_version:
        note = text["version_changed"].format(old=item.old_version, new=item.new_version)
    rows = (
        _index_row(text["claimed_index"], item.claimed, diff.basis, lang),
        _index_row(text["verified_index"], item.verified, diff.basis, lang),
    )
    no_cause = text["no_cause_workbooks"] if diff.inventory else text["no_cause_json"]
    return SetView(
        item.id,
        prefix,
        item.title,
        item.new_version,
        note,
        rows,
        tuple(_group_row(g, lang) for g in item.groups),
        tuple(_indicator_row(i, lang, no_cause) for i in item.indicators),
    )


def _index_row(label: str, index: IndexShift, basis: Basis, lang: str) -> IndexRow:
    old, new, delta = _shift_texts(index.shift, lang)
    return IndexRow(
        label,
        old,
        new,
        delta,
        index.old_band,
        index.new_band,
        index.old_band != index.new_band,
        index.basis is basis,
    )


def _group_row(group: GroupShift, lang: str) -> GroupRow:
    return GroupRow(group.id, group.name, group.depth, *_shift_texts(group.shift, lang))


def _shift_texts(shift: Shift, lang: str) -> tuple[str, str, str]:
    """Old, new and their difference as shown: the difference of the rounded values, so
    that the three numbers on a line always add up."""
    old = round_score(shift.old) if shift.old is not None else None
    new = round_score(shift.new) if shift.new is not None else None
    delta = _signed(new - old, lang) if old is not None and new is not None else _BLANK
    return _decimal(old, lang), _decimal(new, lang), delta


def _decimal(value: Decimal | None, lang: str) -> str:
    return format_decimal(value, lang) if value is not None else _BLANK


def _signed(value: Decimal, lang: str) -> str:
    text = format_decimal(abs(value), lang)
    return f"+{text}" if value > 0 else f"-{text}" if value < 0 else text


def _indicator_row(item: IndicatorShift, lang: str, no_cause: str) -> IndicatorRow:
    from_registers = any(c.via is not Via.CLAIM for c in item.causes)
    note = no_cause if item.supported.changed and not from_registers else ""
    return IndicatorRow(
        item.id,
        item.name,
        _levels(item.claimed),
        _levels(item.supported),
        _levels(item.level),
        tuple(_cause_line(c, lang) for c in item.causes),
        note,
    )


def _levels(shift: LevelShift) -> str:
    def one(level: int | None) -> str:
        return str(level) if level is not None else _BLANK

    return one(shift.old) + _ARROW + one(shift.new) if shift.changed else one(shift.new)


def _cause_line(cause: Cause, lang: str) -> CauseLine:
    text = text_for(lang)
    place = cause.sheet
    rows = _row_numbers(cause.row_old, cause.row_new, cause.change)
    if rows:
        place = f"{cause.sheet} {text['row_word']} {rows}"
    if cause.via in (Via.CLAIM, Via.PROFILE):
        # One field moved: "Penilaian baris 35: Tingkat — 5 → 4", "Profil: Tahun — 2025 → 2026".
        (cell,) = cause.cells
        name = column_name(cause.sheet_key, cell.column, lang)
        return CauseLine(place, name, _value_change(cell, cause.sheet_key, lang), "", "")
    details = _cells_text(cause.cells, cause.sheet_key, lang)
    note = text[f"via_{cause.via.value}"] if cause.via in (Via.REFERENCE, Via.UNITS) else ""
    return CauseLine(place, cause.label, text[f"change_{cause.change.value}"], details, note)


def _row_numbers(old: int | None, new: int | None, change: Change) -> str:
    """``9``, or ``10 → 9`` for a changed row that moved (rows shift as others come and go)."""
    if change is Change.CHANGED and old is not None and new is not None and old != new:
        return f"{old}{_ARROW}{new}"
    number = new if new is not None else old
    return str(number) if number is not None else ""


def _sheet_view(register: RegisterDiff, lang: str) -> SheetView:
    text = text_for(lang)
    notes = {Presence.OLD: text["sheet_only_old"], Presence.NEW: text["sheet_only_new"]}
    return SheetView(
        register.title,
        notes.get(register.presence, ""),
        tuple(_row_line(row, register.sheet, lang) for row in register.rows),
    )


def _row_line(row: RowChange, sheet: str, lang: str) -> RowLine:
    return RowLine(
        _MARKERS[row.change],
        text_for(lang)[f"change_{row.change.value}"],
        _row_numbers(row.row_old, row.row_new, row.change),
        row.label,
        _cells_text(row.cells, sheet, lang),
    )


# ------------------------------------------------------------------------- cell values


def _cells_text(cells: tuple[CellChange, ...], sheet: str, lang: str) -> str:
    """``Tingkat Layanan: transaksi → kolaborasi; Status: aktif → tidak aktif``."""
    return "; ".join(
        f"{column_name(sheet, c.column, lang)}: {_value_change(c, sheet, lang)}" for c in cells
    )


def _value_change(cell: CellChange, sheet: str, lang: str) -> str:
    old = format_value(sheet, cell.column, cell.old, lang)
    return old + _ARROW + format_value(sheet, cell.column, cell.new, lang)


def column_name(sheet: str, column: str, lang: str) -> str:
    """The column's header in the contract: Indonesian, or the English alias in English."""
    spec = SHEETS_BY_KEY[sheet].column(column)
    if spec is None:
        return column
    return spec.alias if lang == "en" else spec.name


def format_value(sheet: str, column: str, value: CellValue, lang: str) -> str:
    """A cell value as a reader would write it in the workbook."""
    if value is None or value in ("", ()):
        return _BLANK
    if isinstance(value, bool):
        return text_for(lang)["yes" if value else "no"]
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, int):
        return _term(sheet, column, value) or str(value)
    if isinstance(value, float):
        return format_decimal(Decimal(repr(value)).normalize(), lang)
    return value


def _term(sheet: str, column: str, rank: int) -> str | None:
    """The term of an ordinal vocabulary (Tingkat Layanan 3 → transaksi)."""
    spec = SHEETS_BY_KEY[sheet].column(column)
    vocabulary = VOCABULARIES.get(spec.vocabulary or "") if spec is not None else None
    if vocabulary is None or not vocabulary.ordinal:
        return None
    return next((t.value for t in vocabulary.terms if t.rank == rank), None)


def json_value(sheet: str, column: str, value: CellValue) -> Any:
    """A cell value for JSON: dates as ISO text, lists as arrays, ordinal ranks as terms."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return _term(sheet, column, value) or value
    return value


# -------------------------------------------------------------------------------- JSON


def build_diff_data(diff: Diff) -> dict[str, Any]:
    """The documented JSON of ``diff`` (docs/diff.md)."""
    inventory = diff.inventory
    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "basis": diff.basis.value,
        "old": _side_data(diff.old),
        "new": _side_data(diff.new),
        "sets": [_set_data(s, diff.basis) for s in diff.sets],
        "sets_only_old": list(diff.only_old),
        "sets_only_new": list(diff.only_new),
        "registers": (
            {r.title: _register_data(r) for r in inventory.registers} if inventory else None
        ),
        "profile": ([_cell_data("profil", c) for c in inventory.profile] if inventory else None),
    }


def _side_data(side: Side) -> dict[str, Any]:
    return {
        "path": side.path,
        "kind": side.kind.value,
        "sha256": side.sha256,
        "instansi": side.instansi,
        "tahun": side.tahun,
    }


def _set_data(item: SetDiff, basis: Basis) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "version": {"old": item.old_version, "new": item.new_version},
        "index": _index_data(item.headline(basis)),
        "claimed_index": _index_data(item.claimed),
        "verified_index": _index_data(item.verified),
        "groups": [{"id": g.id, "name": g.name, **_shift_data(g.shift)} for g in item.groups],
        "indicators": [_indicator_data(i) for i in item.indicators],
    }


def _index_data(index: IndexShift) -> dict[str, Any]:
    return {
        **_shift_data(index.shift),
        "band": {"old": index.old_band, "new": index.new_band},
        "band_changed": index.old_band != index.new_band,
    }


def _shift_data(shift: Shift) -> dict[str, Any]:
    old = round_score(shift.old) if shift.old is not None else None
    new = round_score(shift.new) if shift.new is not None else None
    return {
        "old": _float(shift.old),
        "new": _float(shift.new),
        "delta": _float(shift.delta),
        "old_rounded": float(old) if old is not None else None,
        "new_rounded": float(new) if new is not None else None,
        "delta_rounded": float(new - old) if old is not None and new is not None else None,
    }


def _float(value: Fraction | None) -> float | None:
    return float(value) if value is not None else None


def _indicator_data(item: IndicatorShift) -> dict[str, Any]:
    def levels(shift: LevelShift) -> dict[str, int | None]:
        return {"old": shift.old, "new": shift.new}

    return {
        "id": item.id,
        "name": item.name,
        "claimed": levels(item.claimed),
        "supported": levels(item.supported),
        "level": levels(item.level),
        "causes": [_cause_data(c) for c in item.causes],
    }


def _cause_data(cause: Cause) -> dict[str, Any]:
    return {
        "sheet": cause.sheet,
        "row_old": cause.row_old,
        "row_new": cause.row_new,
        "label": cause.label,
        "change": cause.change.value,
        "via": cause.via.value,
        "columns": [_cell_data(cause.sheet_key, c) for c in cause.cells],
    }


def _register_data(register: RegisterDiff) -> dict[str, Any]:
    def rows(change: Change) -> list[dict[str, Any]]:
        return [
            {
                "row_old": r.row_old,
                "row_new": r.row_new,
                "label": r.label,
                "columns": [_cell_data(register.sheet, c) for c in r.cells],
            }
            for r in register.of(change)
        ]

    return {
        "key": register.sheet,
        "presence": register.presence.value,
        "added": rows(Change.ADDED),
        "removed": rows(Change.REMOVED),
        "changed": rows(Change.CHANGED),
    }


def _cell_data(sheet: str, cell: CellChange) -> dict[str, Any]:
    return {
        "column": cell.column,
        "old": json_value(sheet, cell.column, cell.old),
        "new": json_value(sheet, cell.column, cell.new),
    }


# --------------------------------------------------------------------------- rendering

TEMPLATES = {"md": "diff.md", "html": "diff.html"}
"""Output format -> template file in ``smartserang/templates``."""


def render_diff(view: DiffView, fmt: str) -> str:
    """The diff as Markdown ("md") or self-contained HTML ("html")."""
    if fmt not in TEMPLATES:
        raise ValueError(f"unknown diff format {fmt!r}; expected one of {sorted(TEMPLATES)}")
    template = _environment().get_template(TEMPLATES[fmt])
    return template.render(view=view)


def _environment() -> jinja2.Environment:
    # The report's settings: autoescape by extension, StrictUndefined, the same `md` filter.
    import jinja2

    from smartserang.report.render import escape_markdown

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("smartserang.report", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = escape_markdown
    return environment
