"""The year-over-year comparison of two assessments, as data.

Owns three things: what a scored assessment is reduced to for comparing (a ``Snapshot``
per indicator set, taken from a scored workbook or parsed from a ``score --format json``
document); the register diff of two inventories (rows matched by their sheet's label
column); and, for every indicator whose level moved, the causes: the claims and register
rows that moved it. Pure: no I/O and no third-party import; the CLI reads the files,
renders and prints.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TypeVar

from smartserang.contract import SHEETS, SHEETS_BY_KEY, normalise_token
from smartserang.model import (
    CellValue,
    Condition,
    EvidenceRule,
    IndicatorSet,
    Inventory,
    Profile,
    Register,
    Row,
    RowReference,
    Scale,
)
from smartserang.problems import InputError, Problem
from smartserang.rules import RuleContext, evaluate_rule
from smartserang.scoring import Basis, GroupResult, SetResult

# ---------------------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class GroupScores:
    """One group's scores on both bases."""

    id: str
    name: str
    depth: int
    """0 for a top-level group (an SPBE domain), 1 for its children, and so on."""
    claimed: Fraction | None
    verified: Fraction | None

    def score(self, basis: Basis) -> Fraction | None:
        """The score on ``basis``."""
        return self.claimed if basis is Basis.CLAIMED else self.verified


@dataclass(frozen=True)
class IndicatorLevels:
    """One indicator's three levels, and where its claim was read."""

    id: str
    name: str
    claimed: int | None
    supported: int | None
    level: int | None
    """The verified level."""
    claim_row: int | None
    """The Penilaian row of the claim (None when the sheet has no row for it)."""


@dataclass(frozen=True)
class Snapshot:
    """What one scored indicator set is compared on."""

    set_id: str
    set_title: str
    set_version: str
    claimed_index: Fraction
    verified_index: Fraction
    claimed_band: str
    verified_band: str
    groups: tuple[GroupScores, ...]
    """Parents before children, in the set's order."""
    indicators: tuple[IndicatorLevels, ...]

    def index(self, basis: Basis) -> Fraction:
        """The index on ``basis``."""
        return self.claimed_index if basis is Basis.CLAIMED else self.verified_index

    def band(self, basis: Basis) -> str:
        """The predikat on ``basis``."""
        return self.claimed_band if basis is Basis.CLAIMED else self.verified_band


class Kind(enum.Enum):
    """What kind of file one side of the comparison was read from."""

    WORKBOOK = "workbook"
    JSON = "json"


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a file and its scored sets."""

    path: str
    """The path as the user gave it."""
    kind: Kind
    sha256: str | None
    """SHA-256 of the inventory workbook (for a JSON result: of the workbook it scored)."""
    instansi: str | None
    tahun: int | None
    snapshots: tuple[Snapshot, ...]


def snapshot_of(result: SetResult, lang: str) -> Snapshot:
    """The snapshot of a scored workbook, names and predikat in ``lang``."""
    iset = result.indicator_set
    groups: list[GroupScores] = []

    def walk(node: GroupResult, depth: int) -> None:
        name = node.group.name.get(lang)
        groups.append(GroupScores(node.group.id, name, depth, node.claimed, node.verified))
        for child in node.groups:
            walk(child, depth + 1)

    for node in result.groups:
        walk(node, 0)
    indicators = tuple(
        IndicatorLevels(
            r.indicator.id,
            r.indicator.label.get(lang),
            r.claimed,
            r.supported,
            r.level,
            r.claim_row,
        )
        for r in result.indicators
    )
    return Snapshot(
        iset.id,
        iset.title.get(lang),
        iset.version,
        result.claimed_index,
        result.verified_index,
        iset.band_for(result.claimed_index).label.get(lang),
        iset.band_for(result.verified_index).label.get(lang),
        tuple(groups),
        indicators,
    )


def workbook_side(path: str, inventory: Inventory, results: Sequence[SetResult], lang: str) -> Side:
    """The side of a scored workbook."""
    profile = inventory.profile
    snapshots = tuple(snapshot_of(r, lang) for r in results)
    return Side(path, Kind.WORKBOOK, inventory.sha256, profile.instansi, profile.tahun, snapshots)


# ------------------------------------------------------------------ JSON result documents


def parse_result_document(text: str, source: str) -> Side:
    """The side of a ``score --format json`` document; ``InputError`` with every problem.

    Numbers are read as exact decimals, so an index read back rounds as ``score`` showed it.
    """
    try:
        data = json.loads(text, parse_float=Fraction, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"{source}:{error.lineno}:{error.colno}"
        raise InputError([Problem(where, f"not valid JSON: {error.msg}", "diff.json")]) from None
    except ValueError as error:
        raise InputError([Problem(source, str(error), "diff.json")]) from None
    reader = _Reader(source)
    side = reader.side(data)
    if reader.problems or side is None:
        raise InputError(reader.problems)
    return side


def _no_constant(name: str) -> object:
    raise ValueError(f"not valid JSON: {name} is not a number")


class _Reader:
    """Reads a result document, collecting a located problem for each bad field.

    Locations are the field's path in the document: ``old.json:results[0].verified_index``.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str, code: str = "diff.json.field") -> None:
        where = f"{self.source}:{path}" if path else self.source
        self.problems.append(Problem(where, message, code))

    def side(self, data: object) -> Side | None:
        items = self.results(data)
        if items is None:
            return None
        snapshots = [self.snapshot(item, path) for item, path in items]
        first = items[0][0] if items and isinstance(items[0][0], dict) else {}
        inventory = first.get("inventory")
        inventory = inventory if isinstance(inventory, dict) else {}
        tahun = inventory.get("tahun")
        return Side(
            self.source,
            Kind.JSON,
            _str_or_none(inventory.get("sha256")),
            _str_or_none(inventory.get("instansi")),
            tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
            tuple(s for s in snapshots if s is not None),
        )

    def results(self, data: object) -> list[tuple[object, str]] | None:
        """(result, path) per set: the document itself, or each of its ``results``."""
        score_result = "a 'smartserang score --format json' result"
        if isinstance(data, dict) and "registers" in data and "sets" in data:
            self.problem("", f"a 'smartserang diff' output, not {score_result}", "diff.json")
            return None
        if not isinstance(data, dict) or "schema_version" not in data:
            self.problem("", f"not {score_result} (no schema_version)", "diff.json")
            return None
        version = data["schema_version"]
        if not isinstance(version, str) or version.split(".")[0] != "1":
            message = f"result schema {version!r} is not supported (1.x)"
            self.problem("schema_version", message, "diff.json.version")
            return None
        if "results" not in data:
            return [(data, "")]
        return [
            (item, f"results[{n}]") for n, item in enumerate(self.sequence(data, "results", ""))
        ]

    def snapshot(self, data: object, path: str) -> Snapshot | None:
        item = self.item(data, path)
        if item is None:
            return None
        iset = self.mapping(item, "indicator_set", path)
        set_id = self.text(iset, "id", _join(path, "indicator_set")) if iset is not None else None
        claimed = self.number(item, "claimed_index", path)
        verified = self.number(item, "verified_index", path)
        groups = self.groups(self.sequence(item, "groups", path), _join(path, "groups"), 0)
        indicators = self.indicators(self.sequence(item, "indicators", path), path)
        if iset is None or set_id is None or claimed is None or verified is None:
            return None
        return Snapshot(
            set_id,
            str(iset.get("title") or set_id),
            str(iset.get("version") or ""),
            claimed,
            verified,
            str(item.get("claimed_band") or ""),
            str(item.get("verified_band") or ""),
            tuple(groups),
            tuple(indicators),
        )

    def groups(self, items: list[object], path: str, depth: int) -> list[GroupScores]:
        """The group tree, flattened parents first."""
        found: list[GroupScores] = []
        for number, item in enumerate(items):
            where = f"{path}[{number}]"
            node = self.item(item, where)
            if node is None:
                continue
            group_id = self.text(node, "id", where)
            claimed = self.score(node, "claimed_score", where)
            verified = self.score(node, "verified_score", where)
            if group_id is not None:
                name = str(node.get("name") or group_id)
                found.append(GroupScores(group_id, name, depth, claimed, verified))
            children = self.sequence(node, "groups", where) if "groups" in node else []
            found.extend(self.groups(children, _join(where, "groups"), depth + 1))
        return found

    def indicators(self, items: list[object], path: str) -> list[IndicatorLevels]:
        found: list[IndicatorLevels] = []
        for number, item in enumerate(items):
            where = _join(path, f"indicators[{number}]")
            node = self.item(item, where)
            if node is None:
                continue
            indicator_id = self.text(node, "id", where)
            claimed, supported, level = (
                self.level(node, key, where) for key in ("claimed", "supported", "level")
            )
            claim_row = self.level(node, "claim_row", where) if "claim_row" in node else None
            if indicator_id is not None:
                name = str(node.get("short_name") or node.get("name") or indicator_id)
                levels = IndicatorLevels(indicator_id, name, claimed, supported, level, claim_row)
                found.append(levels)
        return found

    # -- fields: each reports a missing key as missing and a bad value by what it is

    def item(self, data: object, path: str) -> dict[str, object] | None:
        if isinstance(data, dict):
            return data
        self.problem(path, f"must be an object, got {_kind(data)}")
        return None

    def field(self, node: Mapping[str, object], key: str, path: str) -> object:
        if key not in node:
            self.problem(_join(path, key), "is missing")
        return node.get(key)

    def bad(self, node: Mapping[str, object], key: str, path: str, expected: str) -> None:
        if key in node:
            self.problem(_join(path, key), f"must be {expected}, got {_kind(node[key])}")

    def mapping(self, node: Mapping[str, object], key: str, path: str) -> dict[str, object] | None:
        value = self.field(node, key, path)
        if isinstance(value, dict):
            return value
        self.bad(node, key, path, "an object")
        return None

    def sequence(self, node: Mapping[str, object], key: str, path: str) -> list[object]:
        value = self.field(node, key, path)
        if isinstance(value, list):
            return value
        self.bad(node, key, path, "a list")
        return []

    def text(self, node: Mapping[str, object], key: str, path: str) -> str | None:
        value = self.field(node, key, path)
        if isinstance(value, str) and value:
            return value
        self.bad(node, key, path, "a non-empty text")
        return None

    def number(self, node: Mapping[str, object], key: str, path: str) -> Fraction | None:
        value = self.field(node, key, path)
        if isinstance(value, Fraction | int) and not isinstance(value, bool):
            return Fraction(value)
        self.bad(node, key, path, "a number")
        return None

    def score(self, node: Mapping[str, object], key: str, path: str) -> Fraction | None:
        """A number, or null for a group whose indicators are all left out."""
        return None if key in node and node[key] is None else self.number(node, key, path)

    def level(self, node: Mapping[str, object], key: str, path: str) -> int | None:
        value = self.field(node, key, path)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self.bad(node, key, path, "a whole number or null")
        return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: object) -> str:
    """How a bad value is named in a message: the value itself, or its kind."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value[:40])
    if isinstance(value, int | Fraction):
        return str(value if isinstance(value, int) else float(value))
    return "an object" if isinstance(value, dict) else "a list"


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


# ------------------------------------------------------------------------ register diff


class Change(enum.Enum):
    """How a row differs between the old and the new workbook."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Presence(enum.Enum):
    """Which workbooks hold a sheet."""

    BOTH = "both"
    OLD = "old"
    """Only the old workbook: every row counts as removed."""
    NEW = "new"
    """Only the new workbook: every row counts as added."""


@dataclass(frozen=True)
class CellChange:
    """One column's value before and after (None: blank or absent)."""

    column: str
    """Canonical column key (or Profil field)."""
    old: CellValue
    new: CellValue


@dataclass(frozen=True)
class RowChange:
    """A row added, removed, or present on both sides with other content."""

    change: Change
    label: str
    """The row's name: the value of its sheet's label column."""
    old: Row | None
    new: Row | None
    cells: tuple[CellChange, ...] = ()
    """For a changed row, each column whose value differs, in contract order."""

    @property
    def row_old(self) -> int | None:
        """The Excel row number in the old workbook."""
        return self.old.number if self.old is not None else None

    @property
    def row_new(self) -> int | None:
        """The Excel row number in the new workbook."""
        return self.new.number if self.new is not None else None


@dataclass(frozen=True)
class RegisterDiff:
    """The row changes of one sheet."""

    sheet: str
    """Canonical sheet key."""
    title: str
    """The sheet's name as written (in the new workbook when it has the sheet)."""
    presence: Presence
    rows: tuple[RowChange, ...]
    """In row order: removed rows by old number, others by new number."""

    def of(self, change: Change) -> tuple[RowChange, ...]:
        """The rows with one kind of change."""
        return tuple(r for r in self.rows if r.change is change)


@dataclass(frozen=True)
class InventoryDiff:
    """Everything that differs between two inventories."""

    registers: tuple[RegisterDiff, ...]
    """Sheets with a row change or present on one side only, in contract order."""
    profile: tuple[CellChange, ...]
    """Profil fields whose value differs."""

    def register(self, sheet: str) -> RegisterDiff | None:
        """The changes of sheet ``sheet`` (canonical key), or None when it has none."""
        return next((r for r in self.registers if r.sheet == sheet), None)


def diff_inventories(old: Inventory, new: Inventory) -> InventoryDiff:
    """Row changes of every sheet and changed Profil fields of two inventories."""
    registers = []
    for spec in SHEETS:
        before, after = old.register(spec.key), new.register(spec.key)
        if before is None and after is None:
            continue
        diff = diff_register(before, after)
        if diff.rows or diff.presence is not Presence.BOTH:
            registers.append(diff)
    return InventoryDiff(tuple(registers), diff_profiles(old.profile, new.profile))


def diff_profiles(old: Profile, new: Profile) -> tuple[CellChange, ...]:
    """The Profil fields whose value differs, in contract order."""
    changes = []
    for field in dataclasses.fields(Profile):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before != after:
            changes.append(CellChange(field.name, before, after))
    return tuple(changes)


def diff_register(old: Register | None, new: Register | None) -> RegisterDiff:
    """The row changes of one sheet (at least one side must have it)."""
    some = new or old
    assert some is not None
    presence = Presence.BOTH if old and new else Presence.NEW if new else Presence.OLD
    changes = []
    for before, after in match_rows(old, new):
        change = _row_change(some, before, after)
        if change is not None:
            changes.append(change)
    changes.sort(key=lambda c: (c.row_new or c.row_old or 0, c.change is not Change.REMOVED))
    return RegisterDiff(some.sheet, some.title, presence, tuple(changes))


def match_rows(old: Register | None, new: Register | None) -> list[tuple[Row | None, Row | None]]:
    """Pairs (old row, new row) of the same thing; None on the side that lacks it.

    Rows are the same thing when their labels (the sheet's label column, compared as
    normalised tokens) are equal: row numbers shift whenever a row above is added or
    removed, so they say nothing. Among rows sharing a label (the Target sheet has an
    ``indeks`` row per year) each old row pairs with the new row that has the most equal
    cells, so an unchanged year pairs with itself and a new year stays new.
    """
    old_groups = _by_label(old)
    pairs: list[tuple[Row | None, Row | None]] = []
    for key, after in _by_label(new).items():
        pairs.extend(_pair_alike(old_groups.pop(key, []), after))
    pairs.extend((row, None) for rows in old_groups.values() for row in rows)
    return pairs


def _pair_alike(before: list[Row], after: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """Rows sharing one label, paired greedily by the number of equal cells."""
    unmatched = list(after)
    pairs: list[tuple[Row | None, Row | None]] = []
    for row in before:
        if not unmatched:
            pairs.append((row, None))
            continue
        # max() keeps the first of equals: ties go to workbook order.
        twin = max(unmatched, key=lambda other: _alike(row, other))
        unmatched.remove(twin)
        pairs.append((row, twin))
    pairs.extend((None, row) for row in unmatched)
    return pairs


def _alike(one: Row, other: Row) -> int:
    return sum(1 for key, value in one.values.items() if other.values.get(key) == value)


def _by_label(register: Register | None) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    if register is not None:
        for row in register.rows:
            groups.setdefault(normalise_token(register.label(row)), []).append(row)
    return groups


def _row_change(register: Register, old: Row | None, new: Row | None) -> RowChange | None:
    if old is not None and new is not None:
        if old.values == new.values:
            return None
        return RowChange(Change.CHANGED, register.label(new), old, new, _cells(old, new))
    if new is not None:
        return RowChange(Change.ADDED, register.label(new), None, new)
    assert old is not None
    return RowChange(Change.REMOVED, register.label(old), old, None)


def _cells(old: Row, new: Row) -> tuple[CellChange, ...]:
    spec = SHEETS_BY_KEY[new.sheet]
    order = {column.key: n for n, column in enumerate(spec.columns)}
    keys = sorted(set(old.values) | set(new.values), key=lambda k: (order.get(k, len(order)), k))
    return tuple(
        CellChange(key, old.get(key), new.get(key)) for key in keys if old.get(key) != new.get(key)
    )


# --------------------------------------------------------------------------- comparison


@dataclass(frozen=True)
class Shift:
    """A score before and after (None where a side has no score)."""

    old: Fraction | None
    new: Fraction | None

    @property
    def delta(self) -> Fraction | None:
        """New minus old, unrounded."""
        return self.new - self.old if self.old is not None and self.new is not None else None


@dataclass(frozen=True)
class IndexShift:
    """An index and its predikat, before and after."""

    basis: Basis
    shift: Shift
    old_band: str
    new_band: str


@dataclass(frozen=True)
class GroupShift:
    """A group whose score moved (on the chosen basis)."""

    id: str
    name: str
    depth: int
    shift: Shift


@dataclass(frozen=True)
class LevelShift:
    """A level before and after."""

    old: int | None
    new: int | None

    @property
    def changed(self) -> bool:
        """True when the level differs."""
        return self.old != self.new


class Via(enum.Enum):
    """How a row change reaches an indicator's level."""

    CLAIM = "claim"
    """The indicator's own Penilaian row: its Tingkat claim changed."""
    RULE = "rule"
    """A row of the evidence rule's sheet that the rule selects on either side."""
    REFERENCE = "reference"
    """A row that rows selected by the rule name (Terintegrasi Dengan, Menggantikan)."""
    UNITS = "units"
    """A work unit, or a row whose units the rule counts (apps hosted in a data centre)."""
    PROFILE = "profile"
    """A Profil field the rule reads (the assessment date for review ages, a denominator)."""


@dataclass(frozen=True)
class Cause:
    """A change that moves an indicator's level."""

    via: Via
    sheet_key: str
    """Canonical key of the sheet (``profil`` for a Profil field)."""
    sheet: str
    """The sheet as written in the workbook (``Profil`` for a Profil field)."""
    change: Change
    label: str
    """The row's name (for a claim: the indicator id; for Profil: the field's name)."""
    row_old: int | None
    row_new: int | None
    cells: tuple[CellChange, ...] = ()


@dataclass(frozen=True)
class IndicatorShift:
    """An indicator whose claimed, supported or verified level moved."""

    id: str
    name: str
    claimed: LevelShift
    supported: LevelShift
    level: LevelShift
    causes: tuple[Cause, ...]


@dataclass(frozen=True)
class SetDiff:
    """The comparison of one indicator set."""

    id: str
    title: str
    old_version: str
    new_version: str
    claimed: IndexShift
    verified: IndexShift
    groups: tuple[GroupShift, ...]
    """Groups whose score on the chosen basis moved, parents before children."""
    indicators: tuple[IndicatorShift, ...]

    def headline(self, basis: Basis) -> IndexShift:
        """The index on ``basis``."""
        return self.claimed if basis is Basis.CLAIMED else self.verified


@dataclass(frozen=True)
class Diff:
    """The whole comparison."""

    basis: Basis
    old: Side
    new: Side
    sets: tuple[SetDiff, ...]
    """The sets scored on both sides, in the new side's order."""
    only_old: tuple[str, ...]
    """Ids of sets only the old side has."""
    only_new: tuple[str, ...]
    inventory: InventoryDiff | None
    """The register diff; None unless both sides are workbooks."""


@dataclass(frozen=True)
class Workbooks:
    """Both inventories, for the register diff and cause attribution."""

    old: Inventory
    new: Inventory
    sets: Mapping[str, IndicatorSet]
    """The sets scored, by id (their evidence rules explain the changes)."""


def compare(old: Side, new: Side, basis: Basis, workbooks: Workbooks | None = None) -> Diff:
    """Compare two sides; with ``workbooks``, diff the registers and attribute causes."""
    inventory = diff_inventories(workbooks.old, workbooks.new) if workbooks else None
    explain = _Explainer(workbooks, inventory) if workbooks and inventory else None
    before = {s.set_id: s for s in old.snapshots}
    sets = tuple(
        compare_snapshots(before[s.set_id], s, basis, explain, _penilaian_title(workbooks))
        for s in new.snapshots
        if s.set_id in before
    )
    after = {s.set_id for s in new.snapshots}
    only_old = tuple(s.set_id for s in old.snapshots if s.set_id not in after)
    only_new = tuple(s.set_id for s in new.snapshots if s.set_id not in before)
    return Diff(basis, old, new, sets, only_old, only_new, inventory)


def _penilaian_title(workbooks: Workbooks | None) -> str:
    for inventory in (workbooks.new, workbooks.old) if workbooks else ():
        register = inventory.register("penilaian")
        if register is not None:
            return register.title
    return SHEETS_BY_KEY["penilaian"].name


def compare_snapshots(
    old: Snapshot,
    new: Snapshot,
    basis: Basis,
    explain: _Explainer | None = None,
    penilaian: str = "Penilaian",
) -> SetDiff:
    """The comparison of one set: both indices, moved groups, moved indicators."""

    def index(on: Basis) -> IndexShift:
        return IndexShift(on, Shift(old.index(on), new.index(on)), old.band(on), new.band(on))

    return SetDiff(
        new.set_id,
        new.set_title,
        old.set_version,
        new.set_version,
        index(Basis.CLAIMED),
        index(Basis.VERIFIED),
        _group_shifts(old, new, basis),
        _indicator_shifts(old, new, explain, penilaian),
    )


def _group_shifts(old: Snapshot, new: Snapshot, basis: Basis) -> tuple[GroupShift, ...]:
    """Groups whose score on ``basis`` moved, in the new tree's order."""
    before = {g.id: g.score(basis) for g in old.groups}
    after = {g.id: g.score(basis) for g in new.groups}
    shifts = (
        GroupShift(g.id, g.name, g.depth, Shift(before.get(g.id), after.get(g.id)))
        for g in _union(new.groups, old.groups)
    )
    return tuple(s for s in shifts if s.shift.old != s.shift.new)


def _indicator_shifts(
    old: Snapshot, new: Snapshot, explain: _Explainer | None, penilaian: str
) -> tuple[IndicatorShift, ...]:
    """Indicators whose claimed, supported or verified level moved, with their causes."""
    before = {i.id: i for i in old.indicators}
    after = {i.id: i for i in new.indicators}
    shifts = []
    for item in _union(new.indicators, old.indicators):
        levels = before.get(item.id), after.get(item.id)
        shift = _indicator_shift(item, *levels)
        if shift is None:
            continue
        causes = list(_claim_causes(shift, *levels, penilaian))
        # The verified level is the lower of claim and support: register rows explain a
        # move of the supported level only; a moved claim is explained by its own row.
        if explain is not None and shift.supported.changed:
            causes.extend(explain.causes(new.set_id, item.id, shift.supported))
        shifts.append(dataclasses.replace(shift, causes=_unique(causes)))
    return tuple(shifts)


_Item = TypeVar("_Item", GroupScores, IndicatorLevels)


def _union(first: Sequence[_Item], second: Sequence[_Item]) -> list[_Item]:
    """The items of ``first``, then those of ``second`` whose id ``first`` lacks."""
    seen = {item.id for item in first}
    return list(first) + [item for item in second if item.id not in seen]


def _indicator_shift(
    item: IndicatorLevels, old: IndicatorLevels | None, new: IndicatorLevels | None
) -> IndicatorShift | None:
    def shift(key: str) -> LevelShift:
        return LevelShift(getattr(old, key, None), getattr(new, key, None))

    claimed, supported, level = shift("claimed"), shift("supported"), shift("level")
    if not (claimed.changed or supported.changed or level.changed):
        return None
    return IndicatorShift(item.id, item.name, claimed, supported, level, ())


def _claim_causes(
    shift: IndicatorShift, old: IndicatorLevels | None, new: IndicatorLevels | None, sheet: str
) -> Iterator[Cause]:
    """The Penilaian row, when the claim itself moved."""
    if not shift.claimed.changed:
        return
    row_old = old.claim_row if old else None
    row_new = new.claim_row if new else None
    change = Change.CHANGED
    if row_old is None and row_new is not None:
        change = Change.ADDED
    elif row_new is None and row_old is not None:
        change = Change.REMOVED
    cells = (CellChange("tingkat", shift.claimed.old, shift.claimed.new),)
    yield Cause(Via.CLAIM, "penilaian", sheet, change, shift.id, row_old, row_new, cells)


def _unique(causes: Iterable[Cause]) -> tuple[Cause, ...]:
    """Each row once (a row may be both selected and named), in the order found."""
    seen: set[tuple[str, int | None, int | None, str]] = set()
    kept = []
    for cause in causes:
        key = (cause.sheet, cause.row_old, cause.row_new, cause.label)
        if key not in seen:
            seen.add(key)
            kept.append(cause)
    return tuple(kept)


# ---------------------------------------------------------------------- cause attribution


class _Explainer:
    """Finds the register rows behind an indicator's move, through its evidence rule."""

    def __init__(self, workbooks: Workbooks, diff: InventoryDiff) -> None:
        self.inventories = (workbooks.old, workbooks.new)
        self.contexts = (RuleContext(workbooks.old), RuleContext(workbooks.new))
        self.diff = diff
        self.indicators = {
            (s.id, i.id): (s, i) for s in workbooks.sets.values() for i in s.indicators()
        }

    def causes(self, set_id: str, indicator_id: str, supported: LevelShift) -> list[Cause]:
        """The row changes and Profil fields behind a move of the supported level."""
        iset, indicator = self.indicators.get((set_id, indicator_id), (None, None))
        rule = indicator.evidence if indicator is not None else None
        if iset is None or indicator is None or rule is None:
            return []
        rows = [*self._rule_rows(rule), *self._references(rule), *self._units(rule)]
        if rule.measure is None and supported.old is not None and supported.new is not None:
            rows = [cause for cause in rows if _can_move(cause, supported)]
        scale = iset.scales[indicator.scale]
        return [*rows, *self._profile(rule, scale, supported)]

    def _selected(self, sheet: str, where: tuple[Condition, ...]) -> tuple[set[int], set[int]]:
        """Numbers of the rows ``where`` selects in the old and in the new workbook."""
        numbers: list[set[int]] = []
        for inventory, context in zip(self.inventories, self.contexts, strict=True):
            register = inventory.register(sheet)
            rows = context.select(register, where) if register is not None else ()
            numbers.append({row.number for row in rows})
        return numbers[0], numbers[1]

    def _rows(
        self, sheet: str, where: tuple[Condition, ...], read: set[str], via: Via
    ) -> Iterator[Cause]:
        """Changes of rows selected on either side; a changed row only if it changed in
        a column that matters (a new URL moves no level)."""
        diff = self.diff.register(sheet)
        if diff is None:
            return
        old, new = self._selected(sheet, where)
        for row in diff.rows:
            if (row.row_old in old or row.row_new in new) and _touches(row, read):
                yield _cause(via, diff, row)

    def _rule_rows(self, rule: EvidenceRule) -> Iterator[Cause]:
        yield from self._rows(rule.sheet, rule.where, _columns_read(rule), Via.RULE)

    def _references(self, rule: EvidenceRule) -> Iterator[Cause]:
        """Rows named by a selected row's cell (names_row_of) that came, went or changed."""
        for condition in _conditions(_own_conditions(rule)):
            reference = condition.value
            if not isinstance(reference, RowReference) or condition.column is None:
                continue
            diff = self.diff.register(reference.sheet)
            if diff is None:
                continue
            cited = self._cited(rule, condition.column)
            read = {reference.column} | _columns(reference.where)
            for row in diff.rows:
                names = {
                    normalise_token(str(item))
                    for side in (row.old, row.new)
                    if side is not None
                    for item in _items(side.get(reference.column))
                }
                if names & cited and _touches(row, read):
                    yield _cause(Via.REFERENCE, diff, row)

    def _cited(self, rule: EvidenceRule, column: str) -> set[str]:
        """Names written in ``column`` of the rows the rule selects, on either side."""
        names: set[str] = set()
        for inventory, context in zip(self.inventories, self.contexts, strict=True):
            register = inventory.register(rule.sheet)
            for row in context.select(register, rule.where) if register is not None else ():
                names.update(normalise_token(str(item)) for item in _items(row.get(column)))
        return names

    def _units(self, rule: EvidenceRule) -> Iterator[Cause]:
        """Rows whose work units the rule counts, and the work units themselves."""
        if not _counts_units(rule):
            return
        for source in rule.extra_units:
            read = {source.column} | _columns(source.where)
            yield from self._rows(source.sheet, source.where, read, Via.UNITS)
        units = self.diff.register("perangkat_daerah")
        if units is not None:
            yield from (_cause(Via.UNITS, units, row) for row in units.rows)

    def _profile(self, rule: EvidenceRule, scale: Scale, supported: LevelShift) -> Iterator[Cause]:
        """Changed Profil fields the rule reads, when the level hangs on them.

        A new assessment date ages every review by a year; whether that is what moved a
        level is asked of the rule itself: the new registers are read with the old value put
        back, field by field (all of them when no single one explains the move).
        """
        fields = _profile_fields(rule)
        cells = [cell for cell in self.diff.profile if cell.column in fields]
        if not cells or self._level_with_old(rule, scale, cells) == supported.new:
            return
        alone = [c for c in cells if self._level_with_old(rule, scale, [c]) != supported.new]
        names = {c.key: c.name for c in SHEETS_BY_KEY["profil"].columns}
        for cell in alone or cells:
            label = names.get(cell.column, cell.column)
            yield Cause(Via.PROFILE, "profil", "Profil", Change.CHANGED, label, None, None, (cell,))

    def _level_with_old(
        self, rule: EvidenceRule, scale: Scale, cells: list[CellChange]
    ) -> int | None:
        """The level the new registers support with the old value of ``cells`` put back."""
        old_values: dict[str, Any] = {cell.column: cell.old for cell in cells}
        new = self.inventories[1]
        profile = dataclasses.replace(new.profile, **old_values)
        context = RuleContext(dataclasses.replace(new, profile=profile))
        return evaluate_rule(rule, scale, context).supported


def _can_move(cause: Cause, supported: LevelShift) -> bool:
    """Whether a row change can have moved an evidence ladder the way it moved.

    A ladder's step passes when some selected row passes it, so more rows never lower a
    level: an added row cannot explain a fall, nor a removed row a rise. Work units are the
    exception (a new unit raises the bar of "every unit"), and a changed row can go either way.
    """
    if cause.change is Change.CHANGED or cause.sheet_key == "perangkat_daerah":
        return True
    rose = (supported.new or 0) > (supported.old or 0)
    return (cause.change is Change.ADDED) == rose


def _cause(via: Via, diff: RegisterDiff, row: RowChange) -> Cause:
    return Cause(
        via, diff.sheet, diff.title, row.change, row.label, row.row_old, row.row_new, row.cells
    )


def _touches(row: RowChange, columns: set[str]) -> bool:
    """An added or removed row always matters; a changed one if a read column changed."""
    return row.change is not Change.CHANGED or any(c.column in columns for c in row.cells)


def _items(cell: CellValue) -> tuple[CellValue, ...]:
    if cell in (None, "", ()):
        return ()
    return cell if isinstance(cell, tuple) else (cell,)


def _own_conditions(rule: EvidenceRule) -> tuple[Condition, ...]:
    """The conditions a rule tests on rows of its own sheet."""
    steps = tuple(c for step in rule.steps for c in step.rows)
    measure = rule.measure.conditions if rule.measure is not None else ()
    return (*rule.where, *steps, *measure)


def _conditions(conditions: Iterable[Condition]) -> Iterator[Condition]:
    """Each condition, and those inside ``any_of`` alternatives."""
    for condition in conditions:
        yield condition
        for alternative in condition.alternatives:
            yield from _conditions(alternative)


def _columns(conditions: Iterable[Condition]) -> set[str]:
    return {c.column for c in _conditions(conditions) if c.column is not None}


def _columns_read(rule: EvidenceRule) -> set[str]:
    """Every column of its own sheet that a rule's level depends on."""
    columns = _columns(_own_conditions(rule))
    if rule.measure is not None and rule.measure.column is not None:
        columns.add(rule.measure.column)
    if rule.units_column is not None:
        columns.add(rule.units_column)
    return columns


def _counts_units(rule: EvidenceRule) -> bool:
    measure = rule.measure
    by_measure = measure is not None and measure.kind == "coverage" and measure.of == "units"
    return by_measure or any(step.units for step in rule.steps)


def _profile_fields(rule: EvidenceRule) -> set[str]:
    """The Profil fields a rule reads: the reference date, or a measure's denominator."""
    conditions = [*_own_conditions(rule)]
    for condition in _conditions(_own_conditions(rule)):
        if isinstance(condition.value, RowReference):
            conditions.extend(condition.value.where)
    for source in rule.extra_units:
        conditions.extend(source.where)
    fields: set[str] = set()
    if any(c.op == "within_days" for c in _conditions(conditions)):
        fields |= {"tanggal_penilaian", "tahun"}  # review ages count back from this date
    measure = rule.measure
    if measure is not None and measure.kind == "rate":
        fields.add("jumlah_penduduk")
    if measure is not None and measure.kind == "coverage" and measure.of == "kecamatan":
        fields.add("jumlah_kecamatan")
    if _counts_units(rule):
        fields.add("jumlah_perangkat_daerah")  # the unit count without a Perangkat Daerah sheet
    return fields
