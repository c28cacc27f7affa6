"""The view model of ``smartserang diff``: a ``compare.Diff`` as ready-made strings.

Numbers rounded and in the language's notation, levels as ``3 → 1``, every word in the
chosen language: the terminal tables, ``templates/diff.md`` and ``templates/diff.html``
print these fields as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from smartserang import __version__
from smartserang.compare.cells import ARROW, BLANK, cells_text, column_name, value_change
from smartserang.compare.registers import Change, Presence, RegisterDiff, RowChange
from smartserang.compare.shifts import (
    Cause,
    Diff,
    GroupShift,
    IndexShift,
    IndicatorShift,
    LevelShift,
    SetDiff,
    Shift,
    Via,
)
from smartserang.compare.snapshots import Kind, Side
from smartserang.compare.words import text_for
from smartserang.i18n import format_decimal
from smartserang.scoring.levels import Basis, round_score

_MARKERS = {Change.ADDED: "+", Change.REMOVED: "−", Change.CHANGED: "~"}


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
            cells_text((c,), "profil", lang) for c in (inventory.profile if inventory else ())
        ),
        generated_by=text["generated_by"].format(version=__version__),
    )


def _one_side_sets(diff: Diff) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (("sets_only_old", diff.only_old), ("sets_only_new", diff.only_new))


def _side_view(side: Side, role: str, text: Mapping[str, str]) -> SideView:
    kind = text["kind_workbook"] if side.kind is Kind.WORKBOOK else text["kind_json"]
    tahun = str(side.tahun) if side.tahun is not None else BLANK
    return SideView(role, side.path, kind, side.instansi or BLANK, tahun)


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
    delta = _signed(new - old, lang) if old is not None and new is not None else BLANK
    return _decimal(old, lang), _decimal(new, lang), delta


def _decimal(value: Decimal | None, lang: str) -> str:
    return format_decimal(value, lang) if value is not None else BLANK


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
        tuple(cause_line(c, lang) for c in item.causes),
        note,
    )


def _levels(shift: LevelShift) -> str:
    def one(level: int | None) -> str:
        return str(level) if level is not None else BLANK

    return one(shift.old) + ARROW + one(shift.new) if shift.changed else one(shift.new)


def cause_line(cause: Cause, lang: str) -> CauseLine:
    """A cause of a moved level in words of ``lang``."""
    text = text_for(lang)
    place = cause.sheet
    rows = _row_numbers(cause.row_old, cause.row_new, cause.change)
    if rows:
        place = f"{cause.sheet} {text['row_word']} {rows}"
    if cause.via in (Via.CLAIM, Via.PROFILE):
        # One field moved: "Penilaian baris 35: Tingkat — 5 → 4", "Profil: Tahun — 2025 → 2026".
        (cell,) = cause.cells
        name = column_name(cause.sheet_key, cell.column, lang)
        return CauseLine(place, name, value_change(cell, cause.sheet_key, lang), "", "")
    details = cells_text(cause.cells, cause.sheet_key, lang)
    note = text[f"via_{cause.via.value}"] if cause.via in (Via.REFERENCE, Via.UNITS) else ""
    return CauseLine(place, cause.label, text[f"change_{cause.change.value}"], details, note)


def cause_text(line: CauseLine) -> str:
    """A cause on one line: ``Aplikasi baris 9: SIMPEG — diubah; Status: aktif → tidak aktif``."""
    details = f"; {line.details}" if line.details else ""
    note = f" ({line.note})" if line.note else ""
    return f"{line.place}: {line.label} — {line.change}{details}{note}"


def _row_numbers(old: int | None, new: int | None, change: Change) -> str:
    """``9``, or ``10 → 9`` for a changed row that moved (rows shift as others come and go)."""
    if change is Change.CHANGED and old is not None and new is not None and old != new:
        return f"{old}{ARROW}{new}"
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
        cells_text(row.cells, sheet, lang),
    )
